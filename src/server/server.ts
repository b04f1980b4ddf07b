// The HTTP side of the bot: restify routes for Bot Framework activities and health, request checks
// in front of the adapter, and a drain that lets in-flight turns finish before the process exits.
import restify from 'restify';
import type { AddressInfo } from 'node:net';
import type { TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { Logger } from '../logger';
import { AuthUnavailableError, type GuideAdapter } from '../bot/adapter';
import type { StorageStatus } from '../bot/storage-health';
import { toBotActivity } from './activity.schema';
import { BadRequestError, parseActivityBody, readBody } from './request-body';
import type { ServiceUrlCheck } from './service-url';

export interface HealthInfo {
  version: string;
  storage: string;
  knowledge?: { asOf: string; rules: number };
}

export interface ServerOptions {
  adapter: GuideAdapter;
  logic: (context: TurnContext) => Promise<void>;
  logger: Logger;
  health: HealthInfo;
  /** Whether state can be saved; a failing storage turns /healthz into 503 until it returns. */
  checkStorage?: () => Promise<StorageStatus>;
  host?: string;
  port?: number;
  /** Local mode's check of where replies may go; Teams mode binds the serviceUrl by token. */
  checkServiceUrl?: ServiceUrlCheck;
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

/** After the turns in flight are done, how long requests already on open connections get to end. */
const CLOSE_GRACE_MS = 1000;

function sendJson(res: restify.Response, status: number, body?: unknown): void {
  res.status(status);
  if (body === undefined) return void res.end();
  res.header('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

/** The HTTP answer to a request that never became a turn; its body never carries internal detail. */
function refuse(res: restify.Response, error: unknown, logger: Logger): void {
  if (error instanceof BadRequestError) {
    // A stalled upload is cut: the connection closes after the answer.
    if (error.status === 408) res.header('connection', 'close');
    return sendJson(res, error.status, { error: error.message });
  }
  if (error instanceof AuthUnavailableError) {
    res.header('retry-after', String(error.retryAfterSeconds));
    return sendJson(res, 503, { error: 'tokens cannot be checked right now; retry shortly' });
  }
  if (error instanceof AuthenticationError) {
    logger.info({ reason: error.message }, 'request refused: no valid Bot Framework token');
    return sendJson(res, 401, { error: 'unauthorized' });
  }
  logger.error({ err: error }, 'request failed');
  sendJson(res, 500, { error: 'internal error' });
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { adapter, logic, logger, health, checkServiceUrl } = options;
  const server = restify.createServer({
    name: 'aml-network-guide',
    handleUncaughtExceptions: false,
  });
  let ready = false;
  let draining = false;
  let inFlight = 0;
  let idle: (() => void) | undefined;

  server.get('/healthz', async (_req, res) => {
    if (draining) res.header('connection', 'close');
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
      // Requests on kept-alive connections get an answer, then the connection closes.
      if (draining) res.header('connection', 'close');
      return sendJson(res, 503, { error: 'the bot is starting or shutting down; retry shortly' });
    }
    inFlight += 1;
    try {
      const raw = await readBody(req);
      const activity = parseActivityBody(req.headers['content-type'], raw);
      const problem = checkServiceUrl?.(activity);
      if (problem) throw new BadRequestError(400, problem);
      const authHeader = req.headers.authorization ?? '';
      const response = await adapter.runTurn(authHeader, toBotActivity(activity), logic);
      sendJson(res, response?.status ?? 200, response?.body);
    } catch (error) {
      if (res.headersSent) logger.error({ err: error }, 'request failed after answering');
      else refuse(res, error, logger);
    } finally {
      inFlight -= 1;
      if (inFlight === 0) idle?.();
    }
  });

  // Slow senders are cut: headers within 10 s, the whole request within 15 s (bodies sooner, above).
  server.server.headersTimeout = 10_000;
  server.server.requestTimeout = 15_000;
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
      // close() stops new connections and ends idle kept-alive ones; a request already on its way
      // gets its 503 and "Connection: close" within the grace, and only then are sockets cut.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections();
      const grace = setTimeout(() => server.server.closeAllConnections(), CLOSE_GRACE_MS);
      await closed;
      clearTimeout(grace);
    },
  };
}
