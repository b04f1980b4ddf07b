// In-process measurements of the parts a turn is made of: loading and checking the knowledge,
// rendering each card, computing a plan, and understanding free text. Medians over many runs, so a
// pause of the shared machine moves a figure less than it moves a mean.
import { answerFor } from '../../src/answers/reply';
import { searchResults } from '../../src/answers/search-results';
import { scenarioListCard } from '../../src/cards/answer.cards';
import { helpCard, welcomeCard } from '../../src/cards/guide.card';
import { planCards, situationFacts } from '../../src/cards/plan.card';
import { wizardStepCard } from '../../src/cards/wizard.card';
import { loadKnowledge, planFor, Situation, type Knowledge } from '../../src/knowledge';
import { createRecognizer } from '../../src/understanding/recognizer';
import { advance, startWizard } from '../../src/wizard/wizard.machine';
import { EVAL_BARS, readEvalSet } from '../eval/eval-bars';

export interface Timing {
  id: string;
  name: string;
  runs: number;
  medianUs: number;
  /** Cards one call makes (a long plan is several): the goal is per card. */
  cards: number;
  perCardUs: number;
}

export interface MicroResults {
  knowledge: { firstLoadMs: number; medianLoadMs: number; runs: number };
  cards: Timing[];
  plans: Timing[];
  recognizer: RecognizerRate & { sets: ({ set: string; words: number } & RecognizerRate)[] };
}

export interface RecognizerRate {
  queries: number;
  seconds: number;
  queriesPerSecond: number;
  /** Per second of this process's CPU time: on a shared machine, what the code itself costs. */
  queriesPerCpuSecond: number;
}

const nowUs = () => Number(process.hrtime.bigint()) / 1000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Median time of one call, after a few unmeasured calls so the JIT has seen the code. */
function timeEach(id: string, name: string, runs: number, fn: () => unknown): Timing {
  const made = fn();
  const cards = Array.isArray(made) ? made.length : 1;
  for (let i = 0; i < Math.min(50, runs); i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = nowUs();
    fn();
    times.push(nowUs() - start);
  }
  const medianUs = median(times);
  return { id, name, runs, medianUs, cards, perCardUs: medianUs / cards };
}

function measureKnowledge(runs: number): { k: Knowledge; result: MicroResults['knowledge'] } {
  let start = nowUs();
  const k = loadKnowledge();
  const firstLoadMs = (nowUs() - start) / 1000;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    start = nowUs();
    loadKnowledge();
    times.push((nowUs() - start) / 1000);
  }
  return { k, result: { firstLoadMs, medianLoadMs: median(times), runs } };
}

const PLAN_OPTIONS = { title: 'Your network plan', subtitle: 'Bench.', actions: [] };

/** Every kind of card a turn sends, built from inputs prepared outside the timed call. */
function cardTimings(k: Knowledge, runs: number): Timing[] {
  const recognize = createRecognizer(k);
  const answer = (q: string) => {
    const recognition = recognize(q);
    return () => answerFor(k, recognition, q).cards;
  };
  const start = startWizard('bench');
  const step = advance(k, start, { kind: 'answer', picks: 'compute' });
  if (step.kind !== 'ask') throw new Error('the wizard should ask about compute');
  const studio = Situation.parse({ scenarios: ['studio'], egress: 'azure-firewall' });
  const every = Situation.parse({
    scenarios: k.scenarios.map((s) => s.id),
    region: 'westeurope',
    egress: 'azure-firewall',
  });
  const studioPlan = planFor(k, studio);
  const everyPlan = planFor(k, every);
  const asked = new Set<string>(['egress']);
  const cases: [string, string, () => unknown][] = [
    ['help', 'help card', () => helpCard()],
    ['welcome', 'welcome card', () => welcomeCard()],
    ['wizard-scenarios', 'wizard step: scenarios', () => wizardStepCard(k, start)],
    ['wizard-question', 'wizard step: a question', () => wizardStepCard(k, step.state)],
    ['scenario-list', 'scenario list', () => scenarioListCard(k)],
    [
      'plan-studio',
      'plan cards: studio',
      () => planCards(k, studioPlan, { ...PLAN_OPTIONS, facts: situationFacts(studioPlan, asked) }),
    ],
    [
      'plan-all',
      'plan cards: every scenario',
      () => planCards(k, everyPlan, { ...PLAN_OPTIONS, facts: situationFacts(everyPlan, asked) }),
    ],
    ['answer-port', 'answer: a port', answer('what is port 44224 for')],
    [
      'answer-scenario',
      'answer: a scenario slice',
      answer('which outbound rules does a compute cluster need behind azure firewall'),
    ],
    ['answer-error', 'answer: an error', answer('ImageBuildComputeNotValid')],
    [
      'search',
      'search results (10 cards)',
      () => {
        const result = searchResults(k, 'storage');
        return result.type === 'result' ? result.attachments : [];
      },
    ],
  ];
  const timings = cases.map(([id, name, fn]) => timeEach(id, name, runs, fn));
  return timings;
}

function planTimings(k: Knowledge, runs: number): Timing[] {
  const studio = Situation.parse({ scenarios: ['studio'], egress: 'azure-firewall' });
  const every = Situation.parse({
    scenarios: k.scenarios.map((s) => s.id),
    region: 'westeurope',
    egress: 'azure-firewall',
  });
  return [
    timeEach('plan-studio', 'plan: studio', runs, () => planFor(k, studio)),
    timeEach('plan-all', 'plan: every scenario', runs, () => planFor(k, every)),
  ];
}

/** Queries per second over these questions, repeated for `seconds`. */
function rateOver(recognize: (q: string) => unknown, questions: string[], seconds: number) {
  for (const q of questions) recognize(q);
  let queries = 0;
  const cpu = process.cpuUsage();
  const start = nowUs();
  const until = start + seconds * 1e6;
  while (nowUs() < until) {
    for (const q of questions) recognize(q);
    queries += questions.length;
  }
  const elapsed = (nowUs() - start) / 1e6;
  const { user, system } = process.cpuUsage(cpu);
  return {
    queries,
    seconds: elapsed,
    queriesPerSecond: queries / elapsed,
    queriesPerCpuSecond: queries / ((user + system) / 1e6),
  };
}

/**
 * The recognizer over every question of the evaluation sets, and per set: the development set's
 * questions are typed and short, the threads' are pasted from forums and long.
 */
function recognizerRate(k: Knowledge, seconds: number): MicroResults['recognizer'] {
  const recognize = createRecognizer(k);
  const sets = Object.entries(EVAL_BARS).map(([set, bar]) => ({
    set,
    questions: readEvalSet(bar.file).questions.map((q) => q.q),
  }));
  const all = rateOver(
    recognize,
    sets.flatMap((s) => s.questions),
    seconds,
  );
  return {
    ...all,
    sets: sets.map(({ set, questions }) => ({
      set,
      words: median(questions.map((q) => q.split(/\s+/).length)),
      ...rateOver(recognize, questions, seconds / 2),
    })),
  };
}

export function runMicro(options: { runs: number; recognizerSeconds: number }): MicroResults {
  const { k, result: knowledge } = measureKnowledge(Math.max(3, Math.round(options.runs / 100)));
  return {
    knowledge,
    cards: cardTimings(k, options.runs),
    plans: planTimings(k, options.runs),
    recognizer: recognizerRate(k, options.recognizerSeconds),
  };
}
