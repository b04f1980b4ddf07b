// The servers under load, each in a child process so the load generator (building bodies, parsing
// and checking responses) has its own event loop and its CPU time is not charged to the server:
// - "guide": our bot, as `npm start` wires it (startApp, SQLite state);
// - "echo": the ceiling, a bare echo bot on exactly our stack: the same restify server and request
//   checks, the same CloudAdapter, ConversationState and UserState over the same SQLite storage.
//   Each turn loads both states, changes them and saves them, as a real bot's turn does.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ActivityHandler, ConversationState, UserState } from 'botbuilder';
import { parseConfig } from '../../src/config';
import { createLogger, type Logger } from '../../src/logger';
import { createAdapter, createAuthentication } from '../../src/bot/adapter';
import { SqliteStorage } from '../../src/bot/sqlite.storage';
import { startApp } from '../../src/server/app';
import { startServer } from '../../src/server/server';

export type ServerKind = 'guide' | 'echo';

export interface ServerMemory {
  rssMb: number;
  heapUsedMb: number;
}

interface ToServer {
  type: 'stop' | 'cpu' | 'memory';
}
type FromServer =
  | { type: 'ready'; url: string }
  | { type: 'cpu'; micros: number }
  | ({ type: 'memory' } & ServerMemory)
  | { type: 'stopped' };

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** After a full collection when the process allows it (--expose-gc), so garbage does not count. */
function memoryNow(): ServerMemory {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMb: mb(rss), heapUsedMb: mb(heapUsed) };
}

/** The echo bot: says back what it was told, and counts turns in both states so each is saved. */
class EchoBot extends ActivityHandler {
  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
  ) {
    super();
    const turns = conversationState.createProperty<number>('turns');
    const seen = userState.createProperty<number>('seen');
    this.onMessage(async (context, next) => {
      await turns.set(context, (await turns.get(context, 0)) + 1);
      await seen.set(context, (await seen.get(context, 0)) + 1);
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }

  override async run(context: Parameters<ActivityHandler['run']>[0]): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
  }
}

async function startEcho(dataDir: string, logger: Logger) {
  const config = parseConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
  const storage = new SqliteStorage(path.join(dataDir, 'bot-state.sqlite'));
  const bot = new EchoBot(new ConversationState(storage), new UserState(storage));
  const server = await startServer({
    adapter: createAdapter(createAuthentication(config, logger), logger),
    logic: (context) => bot.run(context),
    logger,
    host: config.HOST,
    port: config.PORT,
    health: { version: 'echo', storage: 'sqlite' },
  });
  server.markReady();
  return {
    url: server.url,
    async close() {
      await server.drain(5_000);
      storage.close();
    },
  };
}

async function startGuide(dataDir: string, logger: Logger) {
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    STORAGE: 'sqlite',
    LOG_LEVEL: 'silent',
  });
  return startApp({ config, logger });
}

/** Runs in the child process: serves until told to stop or until the benchmark goes away. */
export async function serve(kind: ServerKind, dataDir: string): Promise<void> {
  const logger = createLogger('silent');
  const app =
    kind === 'echo' ? await startEcho(dataDir, logger) : await startGuide(dataDir, logger);
  const send = (reply: FromServer) =>
    new Promise<void>((resolve) => {
      if (!process.connected || !process.send) return resolve();
      process.send(reply, undefined, {}, () => resolve());
    });
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await app.close();
      await send({ type: 'stopped' });
      // restify and the SQLite handle are closed; exiting here does not wait for idle keep-alives.
      process.exit(0);
    })());
  process.on('message', (msg: ToServer) => {
    if (msg.type === 'cpu') {
      const { user, system } = process.cpuUsage();
      void send({ type: 'cpu', micros: user + system });
    } else if (msg.type === 'memory') void send({ type: 'memory', ...memoryNow() });
    else if (msg.type === 'stop') void stop();
  });
  // If the benchmark dies, the server must not outlive it.
  process.on('disconnect', () => void stop());
  await send({ type: 'ready', url: app.url });
}

/** The benchmark's handle on a server child process. */
export class ServerProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly kind: ServerKind,
    readonly url: string,
  ) {}

  static async start(kind: ServerKind, dataDir: string): Promise<ServerProcess> {
    const child = fork(path.join(__dirname, 'serve.js'), [kind, dataDir], {
      // restify's spdy dependency reads process.binding('http_parser'); npm start hides it too.
      execArgv: [...process.execArgv, '--disable-warning=DEP0111', '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the ${kind} server did not start within 30 s`)),
        30_000,
      );
      child.once('exit', (code) => reject(new Error(`the ${kind} server exited with ${code}`)));
      child.on('message', (msg: FromServer) => {
        if (msg.type !== 'ready') return;
        clearTimeout(timer);
        resolve(msg.url);
      });
    });
    return new ServerProcess(child, kind, url);
  }

  private request<T extends FromServer['type']>(
    type: ToServer['type'],
    answer: T,
  ): Promise<Extract<FromServer, { type: T }>> {
    return new Promise((resolve, reject) => {
      const onMessage = (msg: FromServer) => {
        if (msg.type !== answer) return;
        this.child.off('message', onMessage);
        resolve(msg as Extract<FromServer, { type: T }>);
      };
      this.child.on('message', onMessage);
      if (!this.child.send({ type } satisfies ToServer)) reject(new Error('the server is gone'));
    });
  }

  async cpuMicros(): Promise<number> {
    return (await this.request('cpu', 'cpu')).micros;
  }

  async memory(): Promise<ServerMemory> {
    const { rssMb, heapUsedMb } = await this.request('memory', 'memory');
    return { rssMb, heapUsedMb };
  }

  /** Drains and closes the server, killing it if it does not stop in time. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || !this.child.connected) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    // Unreferenced, so a server that stops in time does not keep this process waiting.
    const timeout = delay(15_000, undefined, { ref: false });
    await Promise.race([this.request('stop', 'stopped'), timeout]);
    await Promise.race([exited, timeout]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
