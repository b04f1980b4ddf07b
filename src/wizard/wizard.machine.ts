// The onboarding wizard as a pure state machine: which card comes next for the scenarios picked,
// how an answer is checked, and what back and restart do. No bot SDK here, so it is tested directly.
// The questions themselves live in questions.ts.
import { z } from 'zod';
import { Egress, ScenarioId, Sdk, Situation, type Knowledge } from '../knowledge/knowledge.schema';
import { resolveRegion, suggestRegions } from '../knowledge/region.query';
import {
  QuestionStep,
  questionById,
  questionsFor,
  readYesNo,
  setupQuestions,
  stepsFor,
  typedOption,
  typedScenarios,
  yesNoFields,
  type ChoiceQuestion,
  type Option,
  type YesNoId,
} from './questions';

export { questionsFor } from './questions';

export const StepId = z.enum(['scenarios', ...QuestionStep.options]);
export type StepId = z.infer<typeof StepId>;

export const Answers = z.object({
  scenarios: z.array(ScenarioId).min(1).optional(),
  region: z.string().optional(),
  egress: Egress.optional(),
  sdk: Sdk.optional(),
  ...yesNoFields(z.boolean()),
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

/** An answer as it arrives: typed text or a button's value, card inputs merged in. */
export type AnswerInput = {
  value?: string;
  picks?: string;
  region?: string;
} & Partial<Record<YesNoId, 'yes' | 'no'>>;

export type WizardInput =
  ({ kind: 'answer' } & AnswerInput) | { kind: 'back' } | { kind: 'restart' };

export type WizardResult =
  | { kind: 'ask'; state: WizardState; problem?: string; suggestions?: string[] }
  | { kind: 'done'; state: WizardState; situation: Situation };

export function startWizard(id: string, preselected?: ScenarioId): WizardState {
  if (!preselected) return { id, step: 'scenarios', answers: {}, history: [] };
  return { id, step: 'scenarios', answers: { scenarios: [preselected] }, history: [] };
}

/** The cards of a run for these scenarios: the scenarios, then only those with a question to ask. */
export function stepsOf(k: Knowledge, scenarios: readonly ScenarioId[]): StepId[] {
  return ['scenarios', ...stepsFor(k, scenarios).map((s) => s.step)];
}

function nextStep(k: Knowledge, answers: Answers, after: StepId): StepId | 'done' {
  const steps = stepsOf(k, answers.scenarios ?? []);
  return steps[steps.indexOf(after) + 1] ?? 'done';
}

/** The situation from the answers, keeping only questions asked for the final scenario picks. */
export function toSituation(k: Knowledge, answers: Answers): Situation {
  const scenarios = answers.scenarios ?? [];
  const asked = new Set<string>(questionsFor(k, scenarios));
  const kept = Object.fromEntries(Object.entries(answers).filter(([key]) => asked.has(key)));
  return Situation.parse({ ...kept, scenarios });
}

type Checked =
  { ok: true; answers: Answers } | { ok: false; problem: string; suggestions?: string[] };

function checkScenarios(k: Knowledge, input: AnswerInput, answers: Answers): Checked {
  const picks =
    input.picks !== undefined
      ? input.picks
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean)
      : (typedScenarios(k, input.value ?? '') ?? []);
  const parsed = z.array(ScenarioId).min(1).safeParse(picks);
  if (!parsed.success) {
    return { ok: false, problem: 'Pick at least one scenario from the list, then select Next.' };
  }
  const scenarios = ScenarioId.options.filter((s) => parsed.data.includes(s));
  return { ok: true, answers: { ...answers, scenarios } };
}

function checkRegion(k: Knowledge, input: AnswerInput, answers: Answers): Checked {
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

function checkChoice(q: ChoiceQuestion, input: AnswerInput, answers: Answers): Checked {
  const options = q.options as readonly Option<string>[];
  const value = typedOption(options, input.value ?? '');
  if (value === undefined) {
    const titles = options.map((o) => o.title.replace(/ \(.*\)$/, ''));
    return { ok: false, problem: `Choose one of: ${titles.join('; ')}.` };
  }
  return { ok: true, answers: { ...answers, [q.id]: value } };
}

/** The yes/no card: its toggles arrive as yes/no per question; typed text is read as a whole. */
function checkSetup(k: Knowledge, input: AnswerInput, answers: Answers): Checked {
  const questions = setupQuestions(k, answers.scenarios ?? []);
  if (input.value !== undefined) {
    const read = readYesNo(questions, input.value);
    return read.ok ? { ok: true, answers: { ...answers, ...read.answers } } : read;
  }
  // An unticked toggle arrives as "no"; a client that sends nothing for it means no as well.
  const ticked = Object.fromEntries(questions.map((q) => [q.id, input[q.id] === 'yes']));
  return { ok: true, answers: { ...answers, ...ticked } };
}

function checkAnswer(k: Knowledge, step: StepId, input: AnswerInput, answers: Answers): Checked {
  switch (step) {
    case 'scenarios':
      return checkScenarios(k, input, answers);
    case 'region':
      return checkRegion(k, input, answers);
    case 'egress':
    case 'sdk':
      return checkChoice(questionById(step) as ChoiceQuestion, input, answers);
    case 'setup':
      return checkSetup(k, input, answers);
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

/**
 * Position for the card header, e.g. step 2 of 4. Before any scenario is picked the number of
 * steps is unknown, so there is no total.
 */
export function progress(
  k: Knowledge,
  state: WizardState,
): { index: number; total: number | undefined } {
  const scenarios = state.answers.scenarios;
  if (!scenarios || scenarios.length === 0) return { index: 1, total: undefined };
  const steps = stepsOf(k, scenarios);
  return { index: Math.max(1, steps.indexOf(state.step) + 1), total: steps.length };
}
