// The wizard's cards: the scenarios, the region, one card per choice, and one card for every yes/no
// question that applies, with Next first and Back, Start over and Cancel as secondary actions.
import { z } from 'zod';
import type { Knowledge } from '../knowledge/knowledge.schema';
import { progress, stepsOf, type WizardState } from '../wizard/wizard.machine';
import {
  answerLabel,
  questionById,
  setupQuestions,
  stepsFor,
  type ChoiceQuestion,
  type Question,
} from '../wizard/questions';
import { Button, button, type CardAction } from './card-actions';
import { renderCard } from './render';

const Text = z.string();

export const WizardStepCard = z.object({
  header: Text,
  question: Text.min(1),
  why: Text,
  problem: Text,
  input: z.enum(['multi', 'choice', 'text', 'toggles']),
  label: Text,
  choiceId: z.enum(['picks', 'value']),
  choices: z.array(z.object({ title: Text, value: Text })),
  picked: Text,
  placeholder: Text,
  textValue: Text,
  toggles: z.array(
    z.object({ id: Text.min(1), title: Text.min(1), why: Text, value: z.enum(['yes', 'no']) }),
  ),
  suggestions: z.array(Button),
  sofar: z.array(z.object({ title: Text, value: Text })),
  primary: z.array(Button).length(1),
  secondary: z.array(Button).min(1),
});
export type WizardStepCard = z.infer<typeof WizardStepCard>;

const SCENARIOS_QUESTION = {
  question: 'What do you use the secured workspace for?',
  why: 'Each scenario brings its own network rules. Pick every one that applies; I only ask the follow-up questions that change the answer.',
};

const SETUP_QUESTION = {
  question: 'Which of these apply to your setup?',
  why: 'Tick each one that is true; leave the others. Each changes which rules you need.',
};

/** "Network plan wizard · step 2 of 4"; no count before the scenarios, which decide it, are known. */
function header(index: number, total: number | undefined): string {
  if (total === undefined) return 'Network plan wizard · first, your scenarios';
  if (total === 1) return 'Network plan wizard · one step';
  return `Network plan wizard · step ${index} of ${total}`;
}

/** The answers given so far, for the fact set at the bottom of the card. */
function answersSoFar(k: Knowledge, state: WizardState): { title: string; value: string }[] {
  const scenarios = state.answers.scenarios ?? [];
  if (state.step === 'scenarios' || scenarios.length === 0) return [];
  const scenarioTitle = (id: string) => k.scenarios.find((s) => s.id === id)?.title ?? id;
  const answered = stepsFor(k, scenarios)
    .filter((s) => state.history.includes(s.step))
    .flatMap((s) => s.questions)
    .map((q: Question) => ({ title: q.label, value: answerLabel(q, state.answers[q.id]) }))
    .filter((f) => f.value !== '');
  return [{ title: 'Scenarios', value: scenarios.map(scenarioTitle).join(', ') }, ...answered];
}

type AnswerData = Omit<
  Extract<CardAction, { action: 'wizard.answer' }>,
  'action' | 'wizardId' | 'step'
>;

export function wizardStepCard(
  k: Knowledge,
  state: WizardState,
  options: { problem?: string; suggestions?: string[]; notice?: string } = {},
) {
  const { index, total } = progress(k, state);
  const answer = (value: AnswerData = {}) =>
    ({ action: 'wizard.answer', wizardId: state.id, step: state.step, ...value }) as const;
  const scenarios = state.answers.scenarios ?? [];
  const last = total !== undefined && stepsOf(k, scenarios).at(-1) === state.step;

  const base = {
    header: header(index, total),
    // A notice (the card clicked was out of date) stands alone; a problem is with the answer given.
    problem: options.notice ?? (options.problem ? `Please check: ${options.problem}` : ''),
    label: '',
    choiceId: 'value' as const,
    choices: [],
    picked: '',
    placeholder: '',
    textValue: '',
    toggles: [],
    suggestions: [],
    sofar: answersSoFar(k, state),
    primary: [button(last ? 'Show my plan' : 'Next', answer())],
    secondary: [
      ...(state.history.length > 0
        ? [button('Back', { action: 'wizard.back', wizardId: state.id, step: state.step })]
        : []),
      button('Start over', { action: 'wizard.restart', wizardId: state.id }),
      button('Cancel', { action: 'wizard.cancel', wizardId: state.id }),
    ],
  };

  switch (state.step) {
    case 'scenarios':
      return renderCard('wizard-step', WizardStepCard, {
        ...base,
        ...SCENARIOS_QUESTION,
        input: 'multi',
        label: 'Scenarios (pick all that apply)',
        choiceId: 'picks',
        choices: k.scenarios.map((s) => ({ title: s.title, value: s.id })),
        picked: scenarios.join(','),
      });
    case 'region': {
      const q = questionById('region');
      return renderCard('wizard-step', WizardStepCard, {
        ...base,
        question: q.prompt,
        why: q.why,
        input: 'text',
        label: 'Azure region of the compute',
        placeholder: 'for example westeurope',
        textValue: state.answers.region ?? '',
        suggestions: (options.suggestions ?? []).map((name) =>
          button(name, answer({ value: name })),
        ),
      });
    }
    case 'egress':
    case 'sdk': {
      const q = questionById(state.step) as ChoiceQuestion;
      return renderCard('wizard-step', WizardStepCard, {
        ...base,
        question: q.prompt,
        why: q.why,
        input: 'choice',
        label: q.label,
        choices: q.options.map((o) => ({ title: o.title, value: o.value })),
        picked: state.answers[q.id] ?? '',
      });
    }
    case 'setup':
      return renderCard('wizard-step', WizardStepCard, {
        ...base,
        ...SETUP_QUESTION,
        input: 'toggles',
        toggles: setupQuestions(k, scenarios).map((q) => ({
          id: q.id,
          title: q.prompt,
          why: q.why,
          value: state.answers[q.id] ? ('yes' as const) : ('no' as const),
        })),
      });
  }
}
