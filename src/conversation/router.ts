// One router for everything a person sends: typed text and card buttons become the same intents,
// so "help" typed and Help clicked, or "back" typed and Back clicked, take one path.
import { CardAction } from '../cards/card-actions';
import { commandFor } from '../bot/commands';
import type { Knowledge } from '../knowledge';
import { answersStep } from '../wizard/questions';
import type { AnswerInput, WizardState } from '../wizard/wizard.machine';
import { normalizeCommand } from './text';

/** Present when the intent came from a wizard card: it must match the wizard still running. */
export interface WizardRef {
  wizardId: string;
  step?: string;
}

export type Intent =
  | { kind: 'help' }
  | { kind: 'start'; scenario?: string }
  | { kind: 'cancel'; card?: WizardRef }
  | { kind: 'restart'; card?: WizardRef }
  | { kind: 'back'; card?: WizardRef }
  | { kind: 'scenarios' }
  | { kind: 'plan' }
  | { kind: 'answer'; input: AnswerInput; card?: WizardRef }
  | { kind: 'show'; target: Extract<CardAction, { action: 'show' }> }
  | { kind: 'feedback'; target: string; helpful: 'yes' | 'no' }
  | { kind: 'question'; text: string }
  | { kind: 'unreadable-card'; problems: number };

/** The wizard waiting for an answer, if any: typed text that answers its step is read as the answer. */
export interface Waiting {
  knowledge: Knowledge;
  state: WizardState;
}

function typedAnswer(waiting: Waiting | undefined, text: string): boolean {
  if (!waiting) return false;
  const { knowledge, state } = waiting;
  return answersStep(knowledge, state.step, state.answers.scenarios ?? [], text);
}

export function routeText(text: string, waiting?: Waiting): Intent {
  const command = commandFor(normalizeCommand(text));
  switch (command) {
    case 'help':
    case 'cancel':
    case 'restart':
    case 'back':
    case 'scenarios':
    case 'plan':
      return { kind: command };
    case 'start':
      return { kind: 'start' };
  }
  if (typedAnswer(waiting, text)) return { kind: 'answer', input: { value: text.trim() } };
  return { kind: 'question', text };
}

export function routeCard(data: unknown): Intent {
  const parsed = CardAction.safeParse(data);
  if (!parsed.success) return { kind: 'unreadable-card', problems: parsed.error.issues.length };
  const action = parsed.data;
  switch (action.action) {
    case 'help':
      return { kind: 'help' };
    case 'wizard.start':
      return { kind: 'start', scenario: action.scenario };
    case 'show':
      return { kind: 'show', target: action };
    case 'feedback':
      return { kind: 'feedback', target: action.target, helpful: action.helpful };
    case 'wizard.cancel':
      return { kind: 'cancel', card: { wizardId: action.wizardId } };
    case 'wizard.restart':
      return { kind: 'restart', card: { wizardId: action.wizardId } };
    case 'wizard.back':
      return { kind: 'back', card: { wizardId: action.wizardId, step: action.step } };
    case 'wizard.answer': {
      const { action: _action, wizardId, step, ...input } = action;
      return { kind: 'answer', input, card: { wizardId, step } };
    }
  }
}
