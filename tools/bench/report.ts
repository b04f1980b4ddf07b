// Turns the measurements into ratios to the echo ceiling, checks them against the goals, and writes
// them as a console table, bench/results.json and a Markdown table (bench/results.md, and the README's
// Performance section when asked). Absolute figures only compare within one run on one machine.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectPath } from '../../src/paths';
import type { MemoryResult, StartupResult } from './footprint';
import type { ServerMemory } from './servers';
import type { CaseResult } from './load';
import type { MicroResults } from './micro';

/** The goals of the benchmark: measured here, never asserted by timed tests. */
export const GOALS = {
  minRpsRatio: 0.7,
  maxP99Ratio: 1.5,
  maxCardRenderUs: 1000,
  minRecognizerQps: 5000,
  maxMemoryGrowthMb: 50,
} as const;

export interface TurnRow extends CaseResult {
  goal: boolean;
  rpsRatio: number;
  p50Ratio: number;
  p99Ratio: number;
  /** The ceiling's server CPU per request over this turn's: the throughput ratio CPU alone implies. */
  cpuRatio: number;
}

export interface Results {
  date: string;
  machine: Record<string, string | number>;
  options: { seconds: number; connections: number; conversations: number };
  /** The echo bot's runs before and after ours; the ceiling is their mean. */
  echo: CaseResult[];
  ceiling: { rps: number; p50Ms: number; p99Ms: number; cpuMsPerRequest: number };
  turns: TurnRow[];
  startup: StartupResult;
  micro: MicroResults;
  memory: MemoryResult;
  /** The echo bot after the same number of conversations: what the stack itself holds. */
  echoMemory: MemoryResult;
  goals: { goal: string; value: string; met: boolean }[];
  ok: boolean;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

export function ceilingOf(echo: CaseResult[]): Results['ceiling'] {
  return {
    rps: mean(echo.map((e) => e.rps)),
    p50Ms: mean(echo.map((e) => e.p50Ms)),
    p99Ms: mean(echo.map((e) => e.p99Ms)),
    cpuMsPerRequest: mean(echo.map((e) => e.cpuMsPerRequest)),
  };
}

export function withRatios(
  results: (CaseResult & { goal: boolean })[],
  ceiling: Results['ceiling'],
): TurnRow[] {
  return results.map((r) => ({
    ...r,
    rpsRatio: r.rps / ceiling.rps,
    p50Ratio: r.p50Ms / ceiling.p50Ms,
    p99Ratio: r.p99Ms / ceiling.p99Ms,
    cpuRatio: ceiling.cpuMsPerRequest / r.cpuMsPerRequest,
  }));
}

export function checkGoals(r: Omit<Results, 'goals' | 'ok'>): Results['goals'] {
  const turns = r.turns.filter((t) => t.goal);
  const slowest = turns.reduce((a, b) => (b.rpsRatio < a.rpsRatio ? b : a));
  const worstP99 = turns.reduce((a, b) => (b.p99Ratio > a.p99Ratio ? b : a));
  const slowestCard = r.micro.cards.reduce((a, b) => (b.perCardUs > a.perCardUs ? b : a));
  return [
    {
      goal: `every turn ≥ ${GOALS.minRpsRatio} × echo req/s`,
      value: `lowest ${slowest.rpsRatio.toFixed(2)} (${slowest.name.replace(/^[\d. ]+/, '')})`,
      met: slowest.rpsRatio >= GOALS.minRpsRatio,
    },
    {
      goal: `every turn's p99 ≤ ${GOALS.maxP99Ratio} × echo p99`,
      value: `highest ${worstP99.p99Ratio.toFixed(2)} (${worstP99.name.replace(/^[\d. ]+/, '')})`,
      met: worstP99.p99Ratio <= GOALS.maxP99Ratio,
    },
    {
      goal: `card render < ${GOALS.maxCardRenderUs / 1000} ms`,
      value: `slowest ${(slowestCard.perCardUs / 1000).toFixed(2)} ms per card (${slowestCard.name})`,
      met: slowestCard.perCardUs < GOALS.maxCardRenderUs,
    },
    {
      goal: `recognizer > ${GOALS.minRecognizerQps.toLocaleString('en-US')} queries/s`,
      value: `${n0(r.micro.recognizer.queriesPerSecond)} queries/s (${n0(r.micro.recognizer.queriesPerCpuSecond)} per CPU-second)`,
      met: r.micro.recognizer.queriesPerCpuSecond > GOALS.minRecognizerQps,
    },
    {
      goal: `memory growth < ${GOALS.maxMemoryGrowthMb} MB over ${r.memory.conversations.toLocaleString('en-US')} conversations`,
      value: `${r.memory.rssGrowthMb.toFixed(1)} MB resident (heap ${r.memory.heapGrowthMb.toFixed(1)} MB)`,
      met: r.memory.rssGrowthMb < GOALS.maxMemoryGrowthMb,
    },
  ];
}

const n0 = (v: number) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '-');
const n1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '-');
const n2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '-');

/** A turn's figures and their ratios to the ceiling, as table cells. */
const turnCells = (t: TurnRow) => [
  n0(t.rps),
  n2(t.rpsRatio),
  n1(t.p50Ms),
  n2(t.p50Ratio),
  n1(t.p99Ms),
  n2(t.p99Ratio),
  n2(t.cpuMsPerRequest),
  n2(t.cpuRatio),
];

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Resident memory (and heap) after the warm-up, half way, and after all the conversations. */
function memoryRow(who: string, m: MemoryResult): string[] {
  const at = (x: ServerMemory) => n1(x.rssMb);
  const heap = (x: ServerMemory) => n1(x.heapUsedMb);
  return [
    `${who}: resident MB after a ${n0(m.warmUp)}-conversation warm-up → +${n0(m.conversations / 2)} → +${n0(m.conversations)}`,
    `${at(m.before)} → ${at(m.middle)} → ${at(m.after)} (heap ${heap(m.before)} → ${heap(m.middle)} → ${heap(m.after)})`,
  ];
}

/** The results as Markdown: the turns against the ceiling, then everything else. */
export function markdown(r: Results): string {
  const m = r.machine;
  const turnRows = [
    [
      'echo bot (the ceiling)',
      n0(r.ceiling.rps),
      '1.00',
      n1(r.ceiling.p50Ms),
      '1.00',
      n1(r.ceiling.p99Ms),
      '1.00',
      n2(r.ceiling.cpuMsPerRequest),
      '1.00',
    ],
    ...r.turns.map((t) => [t.name.trim(), ...turnCells(t)]),
  ];
  const k = r.micro.knowledge;
  const other = [
    ['startup to a healthy /healthz', `${n0(r.startup.medianMs)} ms (median of ${r.startup.runs})`],
    [
      'knowledge load and checks',
      `${n1(k.firstLoadMs)} ms first, ${n1(k.medianLoadMs)} ms median of ${k.runs} more`,
    ],
    [
      'recognizer, every evaluation question',
      `${n0(r.micro.recognizer.queriesPerSecond)} queries/s, ${n0(r.micro.recognizer.queriesPerCpuSecond)} per CPU-second`,
    ],
    ...r.micro.recognizer.sets.map((s) => [
      `recognizer, ${s.set} set (median ${s.words} words)`,
      `${n0(s.queriesPerSecond)} queries/s, ${n0(s.queriesPerCpuSecond)} per CPU-second`,
    ]),
    memoryRow('our bot', r.memory),
    memoryRow('the echo bot', r.echoMemory),
    [
      `SQLite file after ${n0(r.memory.warmUp + r.memory.conversations)} conversations`,
      `${n1(r.memory.sqliteMb)} MB (the echo bot's: ${n1(r.echoMemory.sqliteMb)} MB)`,
    ],
  ];
  const renders = [
    ...r.micro.cards.map((c) => [c.name, n0(c.medianUs), String(c.cards), n0(c.perCardUs)]),
    ...r.micro.plans.map((c) => [c.name, n0(c.medianUs), '-', '-']),
  ];
  const echo = r.echo.map((e) => n0(e.rps)).join(' before, ') + ' after';
  return [
    `Node ${m.node}, ${m.cores} cores (${m.cpu}), ${m.platform}; ${r.options.connections} connections, ` +
      `${r.options.seconds} s per turn, a new conversation per request; ${r.date.slice(0, 10)}.`,
    '',
    table(
      [
        'turn',
        'req/s',
        '× echo',
        'p50 ms',
        '× echo',
        'p99 ms',
        '× echo',
        'server CPU ms/req',
        'echo CPU ÷ ours',
      ],
      turnRows,
    ),
    '',
    `The ceiling is the mean of the echo bot's runs before and after ours (${echo} req/s). ` +
      "The last column is the echo bot's server CPU per request over ours: the throughput ratio " +
      'the code alone implies, which other work on a shared machine moves less than req/s.',
    '',
    table(
      ['goal', 'measured', 'met'],
      r.goals.map((g) => [g.goal, g.value, g.met ? 'yes' : '**no**']),
    ),
    '',
    table(['measure', 'value'], other),
    '',
    table(['made (median of many calls)', 'µs per call', 'cards', 'µs per card'], renders),
    '',
  ].join('\n');
}

/** The console table: the same turns, aligned for a terminal. */
export function printTurns(r: Results, write: (text: string) => void): void {
  const header = [
    'turn',
    'req/s',
    'x echo',
    'p50 ms',
    'x echo',
    'p99 ms',
    'x echo',
    'cpu ms/req',
    'cpu ratio',
    'errors',
  ];
  const rows = [
    ...r.echo.map((e, i) => [
      `echo bot (${i === 0 ? 'before' : 'after'})`,
      n0(e.rps),
      '',
      n1(e.p50Ms),
      '',
      n1(e.p99Ms),
      '',
      n2(e.cpuMsPerRequest),
      '',
      String(e.errors + e.mismatches + e.non2xx),
    ]),
    ...r.turns.map((t) => [t.name, ...turnCells(t), String(t.errors + t.mismatches + t.non2xx)]),
  ];
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  write(`\n${line(header)}\n${rows.map(line).join('\n')}\n\n`);
  for (const g of r.goals) write(`${g.met ? 'met   ' : 'MISSED'}  ${g.goal}: ${g.value}\n`);
}

/** Formats as `npm run format` would, so written files pass `prettier --check`. */
async function formatted(file: string, text: string): Promise<string> {
  const prettier = await import('prettier');
  const config = await prettier.resolveConfig(file);
  return prettier.format(text, { ...config, filepath: file });
}

const README_START = '<!-- bench:start -->';
const README_END = '<!-- bench:end -->';

/** Writes bench/results.json and bench/results.md; with `readme`, the README's table too. */
export async function writeResults(r: Results, options: { readme: boolean }): Promise<string[]> {
  const dir = projectPath('bench');
  mkdirSync(dir, { recursive: true });
  const jsonFile = path.join(dir, 'results.json');
  writeFileSync(jsonFile, await formatted(jsonFile, JSON.stringify(r)));
  const md = markdown(r);
  const mdFile = path.join(dir, 'results.md');
  writeFileSync(mdFile, await formatted(mdFile, `# Benchmark results\n\n${md}`));
  const written = ['bench/results.json', 'bench/results.md'];
  if (options.readme) {
    const file = projectPath('README.md');
    const readme = readFileSync(file, 'utf8');
    const start = readme.indexOf(README_START);
    const end = readme.indexOf(README_END);
    if (start < 0 || end < start)
      throw new Error(`README.md has no ${README_START} … ${README_END}`);
    const updated = `${readme.slice(0, start + README_START.length)}\n\n${md}\n${readme.slice(end)}`;
    writeFileSync(file, await formatted(file, updated));
    written.push('README.md');
  }
  return written;
}
