// Puts one case's load on a server with autocannon and measures throughput, latency and the server's
// CPU per request. Any error, non-2xx response or wrong answer is counted: under load that is a
// correctness failure, not a timing one.
import { setTimeout as delay } from 'node:timers/promises';
import type { Case } from './cases';
import type { ServerProcess } from './servers';

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
  duration?: number;
  amount?: number;
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
/** What autocannon returns: a promise of the result that also emits every response. */
interface AcTracker extends PromiseLike<AcResult> {
  on(
    event: 'response',
    listener: (client: unknown, status: number, bytes: number, ms: number) => void,
  ): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: AcOptions) => AcTracker;

/** Turns still in flight when a case stops finish before the next case starts. */
const SETTLE_MS = 200;

export interface CaseResult {
  id: string;
  name: string;
  requests: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Server CPU time per completed request (user + system, all threads of the server process). */
  cpuMsPerRequest: number;
  errors: number;
  non2xx: number;
  mismatches: number;
  statusCodes: Record<string, number>;
  firstBadBody?: string;
}

export interface LoadOptions {
  connections: number;
  /** Run for this long... */
  seconds?: number;
  /** ...or send exactly this many requests. */
  amount?: number;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

export const failed = (r: CaseResult) => r.errors > 0 || r.non2xx > 0 || r.mismatches > 0;

/** The request autocannon sends for a sequence of cases, one after another per connection. */
function requestsFor(cases: Case[]): AcRequest[] {
  return cases.map((c) => ({
    method: 'POST',
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request) => ({ ...request, body: JSON.stringify(c.body()) }),
    ...(c.collect
      ? { onResponse: (status: number, body: string) => status === 200 && c.collect?.(body) }
      : {}),
  }));
}

/** Runs one case (or, for warm-up and memory runs, a mix of cases) and measures it. */
export async function runLoad(
  server: ServerProcess,
  c: Case,
  options: LoadOptions,
  mix: Case[] = [c],
): Promise<CaseResult> {
  let firstBadBody: string | undefined;
  const available = c.available?.();
  // Each connection stops at its share: the margin keeps the last requests from finding the pool
  // empty while others are still in flight.
  const cpuBefore = await server.cpuMicros();
  const tracker = autocannon({
    url: server.url,
    connections: options.connections,
    ...(options.seconds !== undefined ? { duration: options.seconds } : {}),
    ...(available !== undefined
      ? { maxOverallRequests: Math.max(1, available - options.connections) }
      : {}),
    ...(options.amount !== undefined ? { amount: options.amount } : {}),
    requests: requestsFor(mix),
    verifyBody: (body) => {
      const ok = mix.length > 1 || c.verify(body);
      if (!ok) firstBadBody ??= body.slice(0, 300);
      return ok;
    },
  });
  // autocannon's own latency histogram has whole milliseconds, too coarse for fast cases.
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
    // Turns cut off when the case stopped count in the CPU but not in requests: noise at this scale.
    cpuMsPerRequest: requests > 0 ? cpuMicros / 1000 / requests : 0,
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
