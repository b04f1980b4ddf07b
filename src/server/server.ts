// The HTTP side of the bot: restify routes for Bot Framework activities and health, request checks
// in front of the adapter, and a drain that lets in-flight turns finish before the process exits.
import restify from 'restify';
import type { AddressInfo } from 'node:net';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import type { StorageStatus } from '../bot/storage-health';
import { BadRequestError, parseActivityBody, readBody } from './request-body';

export interface HealthInfo {
  version: string;
  storage: string;
  knowledge?: { asOf: string; rules: number };
}

export interface ServerOptions {
  adapter: CloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  logger: Logger;
  health: HealthInfo;
  /** Whether state can be saved; a failing storage turns /healthz into 503 until it returns. */
  checkStorage?: () => Promise<StorageStatus>;
  host?: string;
  port?: number;
  /** More routes (the local chat page), registered before the server listens. */
  routes?: (server: restify.Server) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Called once everything behind the routes is loaded; until then they answer 503. */
  markReady(): void;
  /** Stops taking requests and waits (up to timeoutMs) for in-flight ones to finish. */
  drain(timeoutMs: number): Promise<void>;
}

function sendJson(res: restify.Response, status: number, body: unknown): void {
  res.status(status);
  res.header('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { adapter, logic, logger, health } = options;
  const server = restify.createServer({
    name: 'aml-network-guide',
    handleUncaughtExceptions: false,
  });
  let ready = false;
  let draining = false;
  let inFlight = 0;
  let idle: (() => void) | undefined;

  server.get('/healthz', async (_req, res) => {
    if (draining) return sendJson(res, 503, { status: 'draining' });
    if (!ready) return sendJson(res, 503, { status: 'starting' });
    const storage = await options.checkStorage?.();
    if (storage?.status === 'failing') {
      return sendJson(res, 503, { status: 'storage failing', ...health, storageStatus: storage });
    }
    sendJson(res, 200, { status: 'ok', ...health });
  });

  server.post('/api/messages', async (req, res) => {
    if (draining || !ready) {
      res.header('retry-after', '5');
      return sendJson(res, 503, { error: 'the bot is starting or shutting down; retry shortly' });
    }
    inFlight += 1;
    try {
      const raw = await readBody(req);
      const body = parseActivityBody(req.headers['content-type'], raw);
      await adapter.process({ body, headers: req.headers, method: req.method }, res, logic);
    } catch (error) {
      if (error instanceof BadRequestError) {
        sendJson(res, error.status, { error: error.message });
      } else {
        logger.error({ err: error }, 'request failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      }
    } finally {
      inFlight -= 1;
      if (inFlight === 0) idle?.();
    }
  });

  options.routes?.(server);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;

  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`,
    port: address.port,
    markReady() {
      ready = true;
    },
    async drain(timeoutMs) {
      draining = true;
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, timeoutMs);
          idle = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections would hold close() open until they time out.
        server.server.closeAllConnections?.();
      });
    },
  };
}
