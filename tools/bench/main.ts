// `npm run bench`: puts load on the real server and reports each case's throughput and latency as a
// RATIO to a baseline (GET /healthz) measured in the same run, so results compare across machines.
// Absolute numbers only mean something within one run; this is why performance lives here and never
// in timed test assertions. Any error, non-2xx response or wrong answer under load exits with 1:
// that is a correctness failure, not a timing one.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { parseConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { invoke, message } from '../../test/support/activities';

// autocannon ships no types; these are the parts of its programmatic API used here.
interface AcRequest {
  method?: 'GET' | 'POST';
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AcRequest) => AcRequest;
  onResponse?: (status: number, body: string) => void;
}
interface AcOptions {
  url: string;
  connections: number;
  duration: number;
  maxOverallRequests?: number;
  requests: AcRequest[];
  verifyBody?: (body: string) => boolean;
}
interface AcResult {
  duration: number;
  requests: { total: number };
  errors: number;
  timeouts: number;
  mismatches: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: AcOptions) => AcTracker;
/** What autocannon returns: a promise of the result that also emits every response. */
interface AcTracker extends PromiseLike<AcResult> {
  on(
    event: 'response',
    listener: (client: unknown, status: number, bytes: number, ms: number) => void,
  ): void;
}

const JSON_HEADERS = { 'content-type': 'application/json' };
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
/** Turns still in flight when a case stops finish before the next case starts. */
const SETTLE_MS = 200;

// ---------------------------------------------------------------------------------------------
// The server: a child process, so the load generator (building bodies, parsing and checking
// responses) has its own event loop and its CPU time is not charged to the bot's latency.

interface ToServer {
  type: 'stop' | 'cpu';
}
type FromServer =
  | { type: 'ready'; url: string }
  | { type: 'cpu'; micros: number }
  | { type: 'stopped'; rssMb: number };

async function serve(dataDir: string): Promise<void> {
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    STORAGE: 'sqlite',
    LOG_LEVEL: 'silent',
  });
  // Loaded only in the server process: the load generator has no use for restify and the bot.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startApp } = require('../../src/server/app') as typeof import('../../src/server/app');
  const app = await startApp({ config, logger: createLogger('silent') });
  const send = (reply: FromServer) =>
    new Promise<void>((resolve) => {
      if (!process.connected || !process.send) return resolve();
      process.send(reply, undefined, {}, () => resolve());
    });
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await app.close();
      await send({ type: 'stopped', rssMb: Math.round(process.memoryUsage().rss / 2 ** 20) });
      // restify and the SQLite handle are closed; exiting here does not wait for idle keep-alives.
      process.exit(0);
    })());
  process.on('message', (msg: ToServer) => {
    if (msg.type === 'cpu') {
      const { user, system } = process.cpuUsage();
      void send({ type: 'cpu', micros: user + system });
    } else if (msg.type === 'stop') void stop();
  });
  // If the benchmark dies, the server must not outlive it.
  process.on('disconnect', () => void stop());
  await send({ type: 'ready', url: app.url });
}

class ServerProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(dataDir: string): Promise<ServerProcess> {
    const child = fork(__filename, ['--serve', dataDir], {
      // restify's spdy dependency reads process.binding('http_parser'); npm start hides it too.
      execArgv: [...process.execArgv, '--disable-warning=DEP0111'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('the server did not start within 30 s')),
        30_000,
      );
      child.once('exit', (code) => reject(new Error(`the server exited with code ${code}`)));
      child.on('message', (msg: FromServer) => {
        if (msg.type !== 'ready') return;
        clearTimeout(timer);
        resolve(msg.url);
      });
    });
    return new ServerProcess(child, url);
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

  /** Drains and closes the server; returns its resident memory in MB, if it answered. */
  async stop(): Promise<number | undefined> {
    if (this.child.exitCode !== null || !this.child.connected) return undefined;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    const stopped = this.request('stop', 'stopped').then((msg) => msg.rssMb);
    // Unreferenced, so a server that stops in time does not keep this process waiting.
    const timeout = delay(15_000, undefined, { ref: false });
    const rssMb = await Promise.race([stopped, timeout]);
    if (this.child.exitCode === null) {
      await Promise.race([exited, timeout]);
      if (this.child.exitCode === null) this.child.kill('SIGKILL');
    }
    return rssMb;
  }
}

// ---------------------------------------------------------------------------------------------
// What is posted. Every request is a valid activity as Teams sends it, with deliveryMode
// "expectReplies" so the replies come back in the response body and the bot never calls out to a
// channel service (that would measure the fake channel, not the bot). That holds for invokes too:
// the invoke response comes back as an "invokeResponse" activity, whose status is checked below.

let sequence = 0;
/** A fresh conversation per request: state is per conversation, and no two requests share it. */
const nextConversation = (kind: string) => `bench-${kind}-${process.pid}-${++sequence}`;
const BENCH_USER = { id: '29:bench-user', name: 'Bench User' };

const helpActivity = () =>
  message('help', {
    conversationId: nextConversation('help'),
    from: BENCH_USER,
    expectReplies: true,
  });

const QUESTION = 'what is port 44224 for';
const questionActivity = () =>
  message(QUESTION, {
    conversationId: nextConversation('question'),
    from: BENCH_USER,
    expectReplies: true,
  });

const searchActivity = () =>
  invoke(
    'composeExtension/query',
    {
      commandId: 'findRules',
      parameters: [{ name: 'query', value: 'storage' }],
      queryOptions: { skip: 0, count: 10 },
    },
    { conversationId: nextConversation('search'), from: BENCH_USER, expectReplies: true },
  );

/**
 * A wizard one step before its end. Each has its own user as well as its own conversation, as when
 * many people finish their own wizards: the plan is saved in the user's state, and one shared user
 * would make every finish rewrite the same row.
 */
interface OpenWizard {
  conversationId: string;
  user: { id: string; name: string };
  wizardId: string;
}

const startActivity = () => {
  const n = ++sequence;
  return message('start', {
    conversationId: `bench-wizard-${process.pid}-${n}`,
    from: { id: `29:bench-${n}`, name: `Bench ${n}` },
    expectReplies: true,
  });
};

/** "online-endpoints" has no follow-up questions, so answering the scenarios step ends the wizard. */
const PLAN_SCENARIO = 'online-endpoints';
const finishActivity = (wizard: OpenWizard) =>
  invoke(
    'adaptiveCard/action',
    {
      action: {
        type: 'Action.Execute',
        verb: 'wizard.answer',
        data: {
          action: 'wizard.answer',
          wizardId: wizard.wizardId,
          step: 'scenarios',
          picks: PLAN_SCENARIO,
        },
      },
    },
    { conversationId: wizard.conversationId, from: wizard.user, expectReplies: true },
  );

/** The wizard id on the Next button of a scenarios step card, wherever the card puts it. */
function scenariosStepWizardId(node: unknown): string | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = scenariosStepWizardId(child);
      if (found) return found;
    }
    return undefined;
  }
  if (!node || typeof node !== 'object') return undefined;
  const obj = node as Record<string, unknown>;
  if (
    obj.action === 'wizard.answer' &&
    obj.step === 'scenarios' &&
    typeof obj.wizardId === 'string'
  ) {
    return obj.wizardId;
  }
  return scenariosStepWizardId(Object.values(obj));
}

/** The open wizard a "start" reply describes. */
function openWizardFrom(body: string): OpenWizard | undefined {
  const parsed = JSON.parse(body) as {
    activities?: { conversation?: { id?: string }; recipient?: { id?: string; name?: string } }[];
  };
  const reply = parsed.activities?.[0];
  const wizardId = scenariosStepWizardId(parsed.activities);
  if (!reply?.conversation?.id || !reply.recipient?.id || !wizardId) return undefined;
  return {
    conversationId: reply.conversation.id,
    user: { id: reply.recipient.id, name: reply.recipient.name ?? '' },
    wizardId,
  };
}

// Cheap checks of every response under load (substrings, not parsing, to keep the load generator
// light). The first request of each case is also checked in full before any load (preflight).
const isMessageWithCard = (body: string) =>
  body.startsWith('{"activities":[{') && body.includes(`"contentType":"${ADAPTIVE_CARD}"`);
const isInvokeOk = (body: string) =>
  body.includes('"type":"invokeResponse"') && /"value":\{"status":200[,}]/.test(body);

interface Case {
  /** Stable key for --json consumers; the name is for people. */
  id: string;
  name: string;
  requests: AcRequest[];
  verify: (body: string) => boolean;
  /** Set when a case can only send so many requests (each prepared wizard ends once). */
  maxRequests?: () => number;
}

const post = (activity: () => object, onResponse?: AcRequest['onResponse']): AcRequest => ({
  method: 'POST',
  path: '/api/messages',
  headers: JSON_HEADERS,
  setupRequest: (request) => ({ ...request, body: JSON.stringify(activity()) }),
  ...(onResponse ? { onResponse } : {}),
});

function buildCases(pool: OpenWizard[], connections: number): Case[] {
  const healthz: AcRequest = { method: 'GET', path: '/healthz' };
  return [
    {
      id: 'baseline',
      name: 'GET /healthz (baseline)',
      requests: [healthz],
      verify: (body) => body.includes('"status":"ok"'),
    },
    {
      id: 'help',
      name: 'message "help"',
      requests: [post(helpActivity)],
      verify: isMessageWithCard,
    },
    {
      id: 'question',
      name: `question "${QUESTION}"`,
      requests: [post(questionActivity)],
      verify: (body) => isMessageWithCard(body) && body.includes('44224'),
    },
    {
      // Also prepares the next case: every wizard it opens is one step before its plan.
      id: 'start',
      name: 'message "start" (wizard)',
      requests: [
        post(startActivity, (status, body) => {
          const wizard = status === 200 ? openWizardFrom(body) : undefined;
          if (wizard) pool.push(wizard);
        }),
      ],
      verify: (body) => isMessageWithCard(body) && body.includes('"wizardId"'),
    },
    {
      // The wizard's last step, as the Next button posts it: reads the wizard state, computes and
      // renders the plan, deletes the wizard and saves the situation. Driving every step of a long
      // wizard under load would mostly measure the question cards; one prepared conversation per
      // request keeps each one a genuine first-time finish, never a replay of an ended wizard.
      id: 'plan',
      name: `plan (finish wizard: ${PLAN_SCENARIO})`,
      requests: [
        post(() => {
          const wizard = pool.pop();
          // maxRequests keeps this from happening; if it did, the check below would flag it.
          if (!wizard) return message('pool ran out', { expectReplies: true });
          return finishActivity(wizard);
        }),
      ],
      verify: (body) => isInvokeOk(body) && body.includes('Your network plan'),
      // Every connection stops at its share of the pool; the margin is only insurance.
      maxRequests: () => Math.max(0, pool.length - connections),
    },
    {
      id: 'search',
      name: 'search "storage" (message ext.)',
      requests: [post(searchActivity)],
      verify: (body) => isInvokeOk(body) && body.includes('"composeExtension"'),
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Preflight: one request of each kind, parsed in full, so a broken answer stops the run before any
// load, with the body to look at.

async function fetchText(
  url: string,
  init?: RequestInit,
): Promise<{ status: number; body: string }> {
  const res = await fetch(url, init);
  return { status: res.status, body: await res.text() };
}

const postActivity = (url: string, activity: object) =>
  fetchText(`${url}/api/messages`, {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify(activity),
  });

async function openWizard(url: string): Promise<OpenWizard> {
  const { status, body } = await postActivity(url, startActivity());
  const wizard = status === 200 ? openWizardFrom(body) : undefined;
  if (!wizard) throw new Error(`"start" did not open a wizard (${status}): ${body.slice(0, 300)}`);
  return wizard;
}

interface Reply {
  activities: {
    type: string;
    value?: { status?: number; body?: unknown };
    attachments?: unknown[];
  }[];
}

async function preflight(url: string): Promise<void> {
  const health = await fetchText(`${url}/healthz`);
  const checks: [string, { status: number; body: string }, (reply: Reply) => boolean][] = [
    [
      'help',
      await postActivity(url, helpActivity()),
      (r) => !!r.activities[0]?.attachments?.length,
    ],
    [
      'question',
      await postActivity(url, questionActivity()),
      (r) => JSON.stringify(r).includes('Port 44224'),
    ],
    [
      'plan',
      await postActivity(url, finishActivity(await openWizard(url))),
      (r) => {
        const value = r.activities.find((a) => a.type === 'invokeResponse')?.value;
        const card = value?.body as { type?: string; value?: unknown } | undefined;
        return (
          value?.status === 200 &&
          card?.type === ADAPTIVE_CARD &&
          JSON.stringify(card.value).includes('Your network plan')
        );
      },
    ],
    [
      'search',
      await postActivity(url, searchActivity()),
      (r) => {
        const value = r.activities.find((a) => a.type === 'invokeResponse')?.value;
        const result = value?.body as
          { composeExtension?: { attachments?: unknown[] } } | undefined;
        return value?.status === 200 && !!result?.composeExtension?.attachments?.length;
      },
    ],
  ];
  const problems: string[] = [];
  if (health.status !== 200 || !health.body.includes('"status":"ok"')) {
    problems.push(`healthz answered ${health.status}: ${health.body.slice(0, 300)}`);
  }
  for (const [name, { status, body }, ok] of checks) {
    let reply: Reply | undefined;
    try {
      reply = JSON.parse(body) as Reply;
    } catch {
      // reported below with the body
    }
    if (status !== 200 || !reply || !Array.isArray(reply.activities) || !ok(reply)) {
      problems.push(`${name} answered ${status}: ${body.slice(0, 300)}`);
    }
  }
  if (problems.length > 0) throw new Error(`preflight failed:\n  ${problems.join('\n  ')}`);
}

// ---------------------------------------------------------------------------------------------
// Running the cases and reporting.

interface CaseResult {
  id: string;
  name: string;
  requests: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Server CPU time per completed request (user + system, all threads of the server process). */
  serverCpuMsPerRequest: number;
  errors: number;
  non2xx: number;
  mismatches: number;
  statusCodes: Record<string, number>;
  firstBadBody?: string;
  rpsRatio?: number;
  p50Ratio?: number;
}

async function runCase(
  server: ServerProcess,
  c: Case,
  options: { seconds: number; connections: number },
): Promise<CaseResult> {
  let firstBadBody: string | undefined;
  const max = c.maxRequests?.();
  const cpuBefore = await server.cpuMicros();
  const tracker = autocannon({
    url: server.url,
    connections: options.connections,
    duration: options.seconds,
    requests: c.requests,
    ...(max !== undefined ? { maxOverallRequests: Math.max(max, 1) } : {}),
    verifyBody: (body) => {
      const ok = c.verify(body);
      if (!ok) firstBadBody ??= body.slice(0, 300);
      return ok;
    },
  });
  // autocannon's own latency histogram has whole milliseconds, too coarse for the baseline.
  const latencies: number[] = [];
  tracker.on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const result = await tracker;
  latencies.sort((a, b) => a - b);
  await delay(SETTLE_MS);
  const cpuMicros = (await server.cpuMicros()) - cpuBefore;
  const requests = result.requests.total;
  return {
    id: c.id,
    name: c.name,
    requests,
    seconds: result.duration,
    rps: result.duration > 0 ? requests / result.duration : 0,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    // Turns cut off when the case stopped are counted in the CPU but not in requests; with
    // thousands of requests per case that is noise.
    serverCpuMsPerRequest: requests > 0 ? cpuMicros / 1000 / requests : 0,
    // autocannon counts timeouts among its errors.
    errors: result.errors,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
    ),
    ...(firstBadBody !== undefined ? { firstBadBody } : {}),
  };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

const failed = (r: CaseResult) => r.errors > 0 || r.non2xx > 0 || r.mismatches > 0;

/** Ratios span orders of magnitude: three significant digits keep 0.000824 readable. */
function ratio(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '-';
  return value >= 100 ? value.toFixed(0) : value.toPrecision(3);
}

function fmt(value: number | undefined, digits: number): string {
  return value === undefined || !Number.isFinite(value) ? '-' : value.toFixed(digits);
}

function printTable(results: CaseResult[]): void {
  const header = [
    'case',
    'req/s',
    'x base',
    'p50 ms',
    'x base',
    'p99 ms',
    'cpu ms/req',
    'errors',
    'non-2xx',
  ];
  const rows = results.map((r) => [
    r.name,
    fmt(r.rps, 0),
    ratio(r.rpsRatio),
    fmt(r.p50Ms, 2),
    ratio(r.p50Ratio),
    fmt(r.p99Ms, 2),
    fmt(r.serverCpuMsPerRequest, 2),
    String(r.errors + r.mismatches),
    String(r.non2xx),
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)));
  process.stdout.write(`${line(header).join('  ')}\n`);
  for (const row of rows) process.stdout.write(`${line(row).join('  ')}\n`);
}

interface RunInfo {
  machine: Record<string, string | number>;
  connections: number;
  seconds: number;
  rssMb: number | undefined;
  json: boolean;
}

/** Adds the ratios, prints the table (or JSON) and any failures; returns the exit code. */
function report(results: CaseResult[], info: RunInfo): number {
  const { machine, connections, seconds, rssMb } = info;
  const baseline = results[0];
  for (const r of results) {
    if (!baseline || baseline.rps <= 0) break;
    r.rpsRatio = r.rps / baseline.rps;
    if (baseline.p50Ms > 0) r.p50Ratio = r.p50Ms / baseline.p50Ms;
  }
  const failures = results.filter(failed);
  const ok = failures.length === 0;
  if (info.json) {
    const output = { ...machine, connections, seconds, serverRssMb: rssMb, results, ok };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    process.stdout.write('\n');
    printTable(results);
    process.stdout.write(
      `\nx base: req/s and p50 relative to ${baseline?.name ?? 'the baseline'}; compare these ` +
        'across machines, not the absolute numbers.\ncpu ms/req: server process CPU per request. ' +
        'errors: connection errors, timeouts and wrong answers.' +
        (rssMb !== undefined ? ` Server memory after the run: ${rssMb} MB.` : '') +
        '\n',
    );
    const plan = results.find((r) => r.id === 'plan');
    if (plan && plan.seconds < seconds - 0.5) {
      process.stdout.write(
        `The plan case ran ${plan.seconds} s: it used up the wizards the "start" case opened.\n`,
      );
    }
  }
  for (const r of failures) {
    process.stderr.write(
      `FAILED ${r.name}: ${r.errors} errors, ${r.non2xx} non-2xx, ${r.mismatches} wrong ` +
        `answers; status codes ${JSON.stringify(r.statusCodes)}` +
        (r.firstBadBody !== undefined ? `; first wrong body: ${r.firstBadBody}` : '') +
        '\n',
    );
  }
  return ok ? 0 : 1;
}

function usage(problem: string): never {
  process.stderr.write(
    `${problem}\nusage: node dist/scripts/bench.js [--seconds N] [--connections N] [--json]\n`,
  );
  process.exit(2);
}

function wholeNumber(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    usage(`--${name}: expected a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        seconds: { type: 'string', default: '5' },
        connections: { type: 'string', default: '20' },
        json: { type: 'boolean', default: false },
        serve: { type: 'string' },
      },
    }).values;
  } catch (error) {
    usage((error as Error).message);
  }
  if (args.serve !== undefined) {
    await serve(args.serve);
    return 0;
  }
  const seconds = wholeNumber('seconds', args.seconds, 1, 600);
  const connections = wholeNumber('connections', args.connections, 1, 1000);
  const log = (text: string) => {
    // With --json, stdout carries only the result; progress goes to stderr.
    (args.json ? process.stderr : process.stdout).write(text);
  };

  const cpus = os.cpus();
  const machine = {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cores: os.availableParallelism(),
    cpu: cpus[0]?.model.trim() ?? 'unknown',
  };
  log(
    `AML Network Guide benchmark: node ${machine.node}, ${machine.cores} cores (${machine.cpu}), ` +
      `${machine.platform}\n${connections} connections, ${seconds} s per case, server in a child ` +
      `process with SQLite state in a temporary folder\n\n`,
  );

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'amlg-bench-'));
  let server: ServerProcess | undefined;
  // Ctrl-C: the terminal stops the server too; only the temporary folder is left to remove.
  process.once('SIGINT', () => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(130);
  });
  try {
    server = await ServerProcess.start(dataDir);
    const pool: OpenWizard[] = [];
    const cases = buildCases(pool, connections);
    await preflight(server.url);

    // Warm-up: JIT, connections and the SQLite file, mixed so no case runs cold. The plan path is
    // warmed by finishing a few wizards one by one (the warm-up cannot hand them out in order).
    const warmSeconds = Math.min(2, seconds);
    log(`warm-up (${warmSeconds} s)...\n`);
    for (let i = 0; i < 20; i++)
      await postActivity(server.url, finishActivity(await openWizard(server.url)));
    const warm = await runCase(
      server,
      {
        id: 'warm-up',
        name: 'warm-up',
        requests: cases.filter((c) => !c.maxRequests).flatMap((c) => c.requests),
        verify: () => true,
      },
      { seconds: warmSeconds, connections },
    );
    // The plan case finishes only wizards the measured "start" case opened.
    pool.splice(0);
    if (failed(warm))
      throw new Error(`the warm-up had errors: ${JSON.stringify(warm.statusCodes)}`);

    const results: CaseResult[] = [];
    for (const c of cases) {
      log(`${c.name}...\n`);
      results.push(await runCase(server, c, { seconds, connections }));
    }
    const rssMb = await server.stop();

    return report(results, { machine, connections, seconds, rssMb, json: args.json });
  } finally {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
