// The onboarding wizard as a pure state machine: which question comes next for the scenarios picked,
// how an answer is checked, and what back and restart do. No bot SDK here, so it is tested directly.
import { z } from 'zod';
import {
  Egress,
  ScenarioId,
  Sdk,
  Situation,
  type Condition,
  type Knowledge,
} from '../knowledge/knowledge.schema';
import { resolveRegion, suggestRegions } from '../knowledge/region.query';

export const StepId = z.enum([
  'scenarios',
  'region',
  'computePublicIp',
  'egress',
  'registryBehindVnet',
  'ownImages',
  'vscode',
  'hbi',
  'sdk',
]);
export type StepId = z.infer<typeof StepId>;
export type QuestionId = Exclude<StepId, 'scenarios'>;

export const Answers = z.object({
  scenarios: z.array(ScenarioId).min(1).optional(),
  region: z.string().optional(),
  computePublicIp: z.boolean().optional(),
  egress: Egress.optional(),
  registryBehindVnet: z.boolean().optional(),
  ownImages: z.boolean().optional(),
  vscode: z.boolean().optional(),
  hbi: z.boolean().optional(),
  sdk: Sdk.optional(),
});
export type Answers = z.infer<typeof Answers>;

/** What is stored per user per conversation thread. Parsed on read: stored data is input too. */
export const WizardState = z.object({
  id: z.string().min(1),
  step: StepId,
  answers: Answers,
  history: z.array(StepId),
});
export type WizardState = z.infer<typeof WizardState>;

export type WizardInput =
  | { kind: 'answer'; value?: string; picks?: string; region?: string }
  | { kind: 'back' }
  | { kind: 'restart' };

export type WizardResult =
  | { kind: 'ask'; state: WizardState; problem?: string; suggestions?: string[] }
  | { kind: 'done'; state: WizardState; situation: Situation };

/** The order questions are asked in, after the scenarios. */
export const QUESTION_ORDER: readonly QuestionId[] = [
  'region',
  'computePublicIp',
  'egress',
  'vscode',
  'hbi',
  'registryBehindVnet',
  'ownImages',
  'sdk',
];

function optionsIn(condition: Condition, found: Set<string>): void {
  if ('all' in condition) condition.all.forEach((c) => optionsIn(c, found));
  else if ('any' in condition) condition.any.forEach((c) => optionsIn(c, found));
  else if ('not' in condition) optionsIn(condition.not, found);
  else if ('option' in condition) found.add(condition.option);
}

/**
 * The questions that change the answer for these scenarios: an option is asked only when a rule or
 * step of a picked scenario depends on it, and the region only when an endpoint is region-specific.
 */
export function questionsFor(k: Knowledge, scenarios: readonly ScenarioId[]): QuestionId[] {
  const found = new Set<string>();
  const picked = (item: { scenarios: readonly ScenarioId[] }) =>
    item.scenarios.some((s) => scenarios.includes(s));
  for (const rule of k.rules.filter((r) => !r.retired && picked(r))) {
    optionsIn(rule.condition, found);
    if (rule.endpoint.includes('<region>')) found.add('region');
  }
  for (const step of k.steps.filter(picked)) optionsIn(step.condition, found);
  return QUESTION_ORDER.filter((q) => found.has(q));
}

export function startWizard(id: string, preselected?: ScenarioId): WizardState {
  if (!preselected) return { id, step: 'scenarios', answers: {}, history: [] };
  return { id, step: 'scenarios', answers: { scenarios: [preselected] }, history: [] };
}

function nextStep(k: Knowledge, answers: Answers, after: StepId): StepId | 'done' {
  const questions = questionsFor(k, answers.scenarios ?? []);
  const start = after === 'scenarios' ? 0 : questions.indexOf(after as QuestionId) + 1;
  return questions[start] ?? 'done';
}

/** The situation from the answers, keeping only questions asked for the final scenario picks. */
export function toSituation(k: Knowledge, answers: Answers): Situation {
  const scenarios = answers.scenarios ?? [];
  const asked = new Set<string>(questionsFor(k, scenarios));
  const kept = Object.fromEntries(Object.entries(answers).filter(([key]) => asked.has(key)));
  return Situation.parse({ ...kept, scenarios });
}

const yesNo = z.enum(['yes', 'no']).transform((v) => v === 'yes');

type Checked =
  { ok: true; answers: Answers } | { ok: false; problem: string; suggestions?: string[] };

function checkAnswer(
  k: Knowledge,
  step: StepId,
  input: Extract<WizardInput, { kind: 'answer' }>,
  answers: Answers,
): Checked {
  switch (step) {
    case 'scenarios': {
      const picks = (input.picks ?? input.value ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      const parsed = z.array(ScenarioId).min(1).safeParse(picks);
      if (!parsed.success) {
        return {
          ok: false,
          problem: 'Pick at least one scenario from the list, then select Next.',
        };
      }
      const scenarios = ScenarioId.options.filter((s) => parsed.data.includes(s));
      return { ok: true, answers: { ...answers, scenarios } };
    }
    case 'region': {
      // A suggestion button carries its region as value; the text box arrives as region on every button.
      const typed = (input.value ?? input.region ?? '').trim();
      const region = resolveRegion(typed, k.regions);
      if (region) return { ok: true, answers: { ...answers, region: region.name } };
      const suggestions = suggestRegions(typed, k.regions).map((r) => r.name);
      return {
        ok: false,
        problem: typed
          ? `"${typed.slice(0, 40)}" is not an Azure region name I know.${suggestions.length ? ' Did you mean one of these?' : ''}`
          : 'Type the Azure region of your compute, for example westeurope.',
        suggestions,
      };
    }
    case 'egress': {
      const parsed = Egress.safeParse(input.value);
      if (!parsed.success) return { ok: false, problem: 'Choose one of the three options.' };
      return { ok: true, answers: { ...answers, egress: parsed.data } };
    }
    case 'sdk': {
      const parsed = Sdk.safeParse(input.value);
      if (!parsed.success) return { ok: false, problem: 'Choose v1 or v2.' };
      return { ok: true, answers: { ...answers, sdk: parsed.data } };
    }
    default: {
      const parsed = yesNo.safeParse(input.value);
      if (!parsed.success) return { ok: false, problem: 'Choose Yes or No.' };
      return { ok: true, answers: { ...answers, [step]: parsed.data } };
    }
  }
}

export function advance(k: Knowledge, state: WizardState, input: WizardInput): WizardResult {
  if (input.kind === 'restart') return { kind: 'ask', state: startWizard(state.id) };
  if (input.kind === 'back') {
    const history = [...state.history];
    const previous = history.pop();
    return { kind: 'ask', state: { ...state, step: previous ?? 'scenarios', history } };
  }
  const checked = checkAnswer(k, state.step, input, state.answers);
  if (!checked.ok) {
    return { kind: 'ask', state, problem: checked.problem, suggestions: checked.suggestions };
  }
  const next = nextStep(k, checked.answers, state.step);
  const history = [...state.history, state.step];
  if (next === 'done') {
    const done = { ...state, answers: checked.answers, history };
    return { kind: 'done', state: done, situation: toSituation(k, checked.answers) };
  }
  return { kind: 'ask', state: { ...state, step: next, answers: checked.answers, history } };
}

/** Position for the card header, e.g. step 2 of 5 (the count changes with the scenarios picked). */
export function progress(k: Knowledge, state: WizardState): { index: number; total: number } {
  const questions = questionsFor(k, state.answers.scenarios ?? []);
  const index = state.step === 'scenarios' ? 1 : questions.indexOf(state.step) + 2;
  return { index, total: questions.length + 1 };
}
