// What a button on one of our cards sends back. Every payload carries a literal `action`; the same
// schema types the card view models and parses what arrives, so a tampered or stale payload is caught.
import { z } from 'zod';

export const HelpAction = z.object({ action: z.literal('help') });
export const StartWizardAction = z.object({
  action: z.literal('wizard.start'),
  scenario: z.string().max(40).optional(),
});

export const CardAction = z.discriminatedUnion('action', [HelpAction, StartWizardAction]);
export type CardAction = z.infer<typeof CardAction>;
