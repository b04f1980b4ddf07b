// What a button on one of our cards sends back. Every payload carries a literal `action`; the same
// schemas type the card view models and parse what arrives, so a tampered or stale payload is caught.
import { z } from 'zod';
import { yesNoFields } from '../wizard/questions';
import { ExportAction, NsgCheckAction } from './export-actions';

const Id = z.string().min(1).max(80);
const ShortText = z.string().max(200);

export const HelpAction = z.object({ action: z.literal('help') });

export const StartWizardAction = z.object({
  action: z.literal('wizard.start'),
  scenario: Id.optional(),
});

/**
 * An answer to the wizard's current step; inputs on the card arrive merged in: the chosen value,
 * the scenario picks, the region typed, and each yes/no toggle under its question's id.
 */
export const WizardAnswerAction = z.object({
  action: z.literal('wizard.answer'),
  wizardId: Id,
  step: Id,
  value: ShortText.optional(),
  picks: ShortText.optional(),
  region: ShortText.optional(),
  ...yesNoFields(z.enum(['yes', 'no'])),
});

export const WizardBackAction = z.object({
  action: z.literal('wizard.back'),
  wizardId: Id,
  step: Id,
});
export const WizardRestartAction = z.object({ action: z.literal('wizard.restart'), wizardId: Id });
export const WizardCancelAction = z.object({ action: z.literal('wizard.cancel'), wizardId: Id });

export const ShowAction = z.object({
  action: z.literal('show'),
  kind: z.enum(['scenario', 'rule', 'step', 'error', 'conflict', 'port', 'endpoint']),
  id: Id,
});

export const FeedbackAction = z.object({
  action: z.literal('feedback'),
  target: Id,
  helpful: z.enum(['yes', 'no']),
});

export const CardAction = z.discriminatedUnion('action', [
  HelpAction,
  StartWizardAction,
  WizardAnswerAction,
  WizardBackAction,
  WizardRestartAction,
  WizardCancelAction,
  ShowAction,
  FeedbackAction,
  ExportAction,
  NsgCheckAction,
]);
export type CardAction = z.infer<typeof CardAction>;
export type WizardAction = Extract<CardAction, { action: `wizard.${string}` }>;

/** A button on one of our cards: its title, the verb Action.Execute sends, and the payload. */
export const Button = z.object({
  title: z.string().min(1),
  verb: z.string().min(1),
  data: CardAction,
});
export type Button = z.infer<typeof Button>;

export function button(title: string, data: CardAction): Button {
  return { title, verb: data.action, data };
}
