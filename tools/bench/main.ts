// `npm run bench`: measures our bot against the framework's own ceiling. A bare echo bot on exactly
// our stack runs first, then each of our turns under the same load, then the echo bot again; every
// figure is reported as a ratio to that ceiling, so results compare across machines where absolute
// numbers do not. Then startup, knowledge load, card renders, the recognizer, and memory and disk
// after many conversations. Performance lives here, never in timed test assertions. Any error,
// non-2xx response or wrong answer under load exits with 1: that is a correctness failure.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { echoCase, guideCases, memoryMix, type Case, type WizardPools } from './cases';
import { measureMemory, measureStartup } from './footprint';
import { failed, runLoad, type CaseResult } from './load';
import { runMicro } from './micro';
import {
  checkGoals,
  ceilingOf,
  printTurns,
  withRatios,
  writeResults,
  type Results,
} from './report';
import { ServerProcess, type ServerKind } from './servers';

const USAGE =
  'usage: npm run bench -- [--seconds N] [--connections N] [--conversations N] [--quick] [--readme] [--json]';

function usage(problem: string): never {
  process.stderr.write(`${problem}\n${USAGE}\n`);
  process.exit(2);
}

function wholeNumber(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    usage(`--${name}: expected a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

function parseOptions() {
  let values;
  try {
    values = parseArgs({
      options: {
        seconds: { type: 'string', default: '5' },
        connections: { type: 'string', default: '20' },
        conversations: { type: 'string', default: '10000' },
        quick: { type: 'boolean', default: false },
        readme: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    usage((error as Error).message);
  }
  return {
    seconds: wholeNumber('seconds', values.seconds, 1, 600),
    connections: wholeNumber('connections', values.connections, 1, 1000),
    conversations: wholeNumber('conversations', values.conversations, 100, 1_000_000),
    /** Fewer repetitions of the in-process measurements, for a quick look. */
    quick: values.quick,
    readme: values.readme,
    json: values.json,
  };
}

/** One request of each case, checked before any load, so a broken answer stops the run early. */
async function preflight(server: ServerProcess, cases: Case[]): Promise<void> {
  for (const c of cases) {
    if (c.available && c.available() === 0) continue;
    const res = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(c.body()),
    });
    const body = await res.text();
    if (res.status !== 200 || !c.verify(body)) {
      throw new Error(`preflight: ${c.name.trim()} answered ${res.status}: ${body.slice(0, 400)}`);
    }
    if (c.collect) c.collect(body);
  }
}

async function withServer<T>(
  kind: ServerKind,
  run: (server: ServerProcess) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `amlg-bench-${kind}-`));
  const server = await ServerProcess.start(kind, dataDir);
  try {
    return await run(server);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Warms a server with a few seconds of mixed load: JIT, connections and the SQLite file. */
async function warmUp(server: ServerProcess, mix: Case[], connections: number, seconds: number) {
  const warm = await runLoad(server, mix[0]!, { connections, seconds }, mix);
  if (failed(warm)) throw new Error(`the warm-up had errors: ${JSON.stringify(warm.statusCodes)}`);
}

async function main(): Promise<number> {
  const options = parseOptions();
  const { seconds, connections, conversations } = options;
  // With --json, stdout carries only the result; progress goes to stderr.
  const log = (text: string) => (options.json ? process.stderr : process.stdout).write(text);
  const machine = {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
  };
  log(
    `AML Network Guide benchmark: node ${machine.node}, ${machine.cores} cores (${machine.cpu})\n` +
      `${connections} connections, ${seconds} s per turn, a new conversation per request\n\n`,
  );
  const load = { connections, seconds };
  const warmSeconds = Math.min(2, seconds);

  const echo: CaseResult[] = [];
  const runEcho = () =>
    withServer('echo', async (server) => {
      const c = echoCase();
      await preflight(server, [c]);
      await warmUp(server, [c], connections, warmSeconds);
      log(`${c.name}...\n`);
      echo.push(await runLoad(server, c, load));
    });

  await runEcho();
  const turns = await withServer('guide', async (server) => {
    const pools: WizardPools = { atScenarios: [], atFollowUp: [] };
    const cases = guideCases(pools);
    await preflight(server, cases);
    await warmUp(server, memoryMix(), connections, warmSeconds);
    // Wizards opened by the preflight and warm-up are not handed to the measured cases.
    pools.atScenarios.splice(0);
    pools.atFollowUp.splice(0);
    const results = [];
    for (const c of cases) {
      log(`${c.name.trim()}...\n`);
      results.push({ ...(await runLoad(server, c, load)), goal: c.goal });
    }
    return results;
  });
  await runEcho();

  log('startup...\n');
  const startup = await measureStartup(3);
  log('knowledge, cards, plans and the recognizer...\n');
  const micro = runMicro({
    runs: options.quick ? 200 : 2000,
    recognizerSeconds: options.quick ? 1 : 3,
  });
  log(`memory and disk after ${conversations} conversations...\n`);
  const memory = await measureMemory('guide', conversations, connections);
  const echoMemory = await measureMemory('echo', conversations, connections);

  const ceiling = ceilingOf(echo);
  const partial = {
    date: new Date().toISOString(),
    machine,
    options: { seconds, connections, conversations },
    echo,
    ceiling,
    turns: withRatios(turns, ceiling),
    startup,
    micro,
    memory,
    echoMemory,
  };
  const broken = [...echo, ...turns].filter(failed);
  const results: Results = { ...partial, goals: checkGoals(partial), ok: broken.length === 0 };

  if (options.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else printTurns(results, log);
  const written = await writeResults(results, { readme: options.readme });
  log(`\nWritten: ${written.join(', ')}\n`);
  for (const r of broken) {
    process.stderr.write(
      `FAILED ${r.name.trim()}: ${r.errors} errors, ${r.non2xx} non-2xx, ${r.mismatches} wrong ` +
        `answers; status codes ${JSON.stringify(r.statusCodes)}` +
        (r.firstBadBody !== undefined ? `; first wrong body: ${r.firstBadBody}` : '') +
        '\n',
    );
  }
  return results.ok ? 0 : 1;
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
