// What the bot costs outside a single turn: how long it takes from `node` to a healthy /healthz,
// and how much memory and disk it holds after many distinct conversations.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { echoCase, memoryMix, type Case } from './cases';
import { failed, runLoad } from './load';
import { ServerProcess, type ServerKind, type ServerMemory } from './servers';

/** The built entry point, beside this file's build output: build/src/index.js. */
const ENTRY = path.join(__dirname, '..', '..', 'src', 'index.js');

/** Milliseconds from spawning the bot to its first 200 from /healthz. */
async function startupOnce(): Promise<number> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'amlg-bench-start-'));
  const started = performance.now();
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', ENTRY], {
    // The temporary folder as working folder: a developer's .env must not change what is measured.
    cwd: dataDir,
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the bot exited early:\n${output}`);
      if (performance.now() - started > 30_000)
        throw new Error(`the bot did not start:\n${output}`);
      const url = /"url":"(http:\/\/[^"]+)"/.exec(output)?.[1];
      const healthy = url
        ? await fetch(`${url}/healthz`).then(
            (r) => r.status === 200,
            () => false,
          )
        : false;
      if (healthy) return performance.now() - started;
      await delay(5);
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export interface StartupResult {
  runs: number;
  medianMs: number;
  allMs: number[];
}

export async function measureStartup(runs: number): Promise<StartupResult> {
  const allMs: number[] = [];
  for (let i = 0; i < runs; i++) allMs.push(Math.round(await startupOnce()));
  const sorted = [...allMs].sort((a, b) => a - b);
  return { runs, medianMs: sorted[Math.floor(sorted.length / 2)] ?? NaN, allMs };
}

export interface MemoryResult {
  kind: ServerKind;
  conversations: number;
  /** Conversations of the warm-up, before `before`. */
  warmUp: number;
  /** After the warm-up, half way and after the conversations (each after a full GC). */
  before: ServerMemory;
  middle: ServerMemory;
  after: ServerMemory;
  rssGrowthMb: number;
  heapGrowthMb: number;
  /** The SQLite file with its write-ahead log. */
  sqliteMb: number;
  rps: number;
}

function fileMb(file: string): number {
  try {
    return statSync(file).size / 2 ** 20;
  } catch {
    return 0;
  }
}

/**
 * A fresh server, warmed up, then `conversations` requests, each in a new conversation of its own
 * (for our bot: help, wizard start, questions and searches in turn), all stored in SQLite. The echo
 * bot under the same count shows what the stack itself holds.
 */
export async function measureMemory(
  kind: ServerKind,
  conversations: number,
  connections: number,
): Promise<MemoryResult> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'amlg-bench-mem-'));
  const server = await ServerProcess.start(kind, dataDir);
  try {
    const mix = kind === 'echo' ? [echoCase()] : memoryMix();
    const whole: Case = {
      id: 'memory',
      name: 'memory',
      body: () => ({}),
      verify: () => true,
      goal: false,
    };
    // The warm-up lets the heap and the allocator reach their working size under this load, so
    // what grows afterwards is what the conversations keep; the half-way figure shows the trend.
    const warmUp = Math.round(conversations / 5);
    const run = async (amount: number) => {
      const result = await runLoad(server, whole, { connections, amount }, mix);
      if (failed(result))
        throw new Error(`the memory run had errors: ${JSON.stringify(result.statusCodes)}`);
      return result;
    };
    await run(warmUp);
    const before = await server.memory();
    const first = await run(Math.floor(conversations / 2));
    const middle = await server.memory();
    const second = await run(Math.ceil(conversations / 2));
    const after = await server.memory();
    const db = path.join(dataDir, 'bot-state.sqlite');
    return {
      kind,
      conversations,
      warmUp,
      before,
      middle,
      after,
      rssGrowthMb: after.rssMb - before.rssMb,
      heapGrowthMb: after.heapUsedMb - before.heapUsedMb,
      sqliteMb: Math.round((fileMb(db) + fileMb(`${db}-wal`)) * 10) / 10,
      rps: (first.rps + second.rps) / 2,
    };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
