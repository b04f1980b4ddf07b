// One router for everything a person sends: typed text and card buttons become the same intents,
// so "help" typed and Help clicked, or "back" typed and Back clicked, take one path.
import { z } from 'zod';
import { CardAction } from '../cards/card-actions';
import type { ExportSource } from '../export/export.targets';
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
  | { kind: 'export'; source: ExportSource; format?: string; start?: string }
  | { kind: 'nsg-check'; json: string; words: string }
  | { kind: 'nsg-scenarios'; scenario?: string }
  | { kind: 'nsg-help' }
  | { kind: 'nsg-file'; url: string; name: string; words: string }
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

/**
 * A pasted NSG: JSON (an object or a list) after any words, which may name scenarios and a region.
 * Found with two index scans, so a long message costs no more than reading it.
 */
function pastedJson(text: string): { json: string; words: string } | undefined {
  const trimmed = text.trim();
  const brace = trimmed.indexOf('{');
  const bracket = trimmed.indexOf('[');
  const start = brace < 0 ? bracket : bracket < 0 ? brace : Math.min(brace, bracket);
  if (start < 0 || !/[}\]]$/.test(trimmed) || !trimmed.includes('"')) return undefined;
  return { json: trimmed.slice(start), words: trimmed.slice(0, start) };
}

const NSG_HELP = /^(check|test|verify)( (my|an|the|our))? nsg$/;

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
  const pasted = pastedJson(text);
  if (pasted) return { kind: 'nsg-check', ...pasted };
  if (NSG_HELP.test(normalizeCommand(text))) return { kind: 'nsg-help' };
  return { kind: 'question', text };
}

/** A file a person attached in a Teams 1:1 chat: Teams sends a link to download it. */
const TeamsFile = z.object({
  contentType: z.literal('application/vnd.microsoft.teams.file.download.info'),
  name: z.string().max(260),
  content: z.object({ downloadUrl: z.string().max(4_000) }),
});

/** An attached JSON or text file is read as an NSG to check; any other attachment is not ours. */
export function routeAttachment(attachments: unknown, text: string): Intent | undefined {
  if (!Array.isArray(attachments)) return undefined;
  for (const attachment of attachments.slice(0, 10)) {
    const file = TeamsFile.safeParse(attachment);
    if (file.success && /\.(json|txt)$/i.test(file.data.name)) {
      return {
        kind: 'nsg-file',
        url: file.data.content.downloadUrl,
        name: file.data.name,
        words: text,
      };
    }
  }
  return undefined;
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
    case 'export':
      return {
        kind: 'export',
        source: action.source,
        format: action.format,
        start: action.start,
      };
    case 'nsg.check':
      return { kind: 'nsg-scenarios', scenario: action.picks };
    case 'wizard.answer': {
      const { action: _action, wizardId, step, ...input } = action;
      return { kind: 'answer', input, card: { wizardId, step } };
    }
  }
}
