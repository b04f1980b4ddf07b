// The focused answer card: verdict first, the rows or steps that matter, and the reasons,
// disagreements and sources behind toggles, with "Did you mean" and follow-up buttons.
import { z } from 'zod';
import { Button, CardAction } from './card-actions';
import { renderCard, type AdaptiveCard } from './render';
import { plainText } from './visible-text';

const Text = z.string();

const Row = z.object({ destination: Text.min(1), ports: Text, note: Text });
/**
 * What joins a row's protocols in its `ports` text ("TCP 443, 18881 · UDP 5831"); the card shows
 * each protocol on a line of its own, so the narrow ports column never squeezes the destination's
 * name apart.
 */
export const PORT_LINE_SEPARATOR = ' · ';

export const AnswerCard = z.object({
  title: Text,
  verdict: Text.min(1),
  understood: Text,
  fix: Text,
  /** A fix that opens with a command ("az ml workspace update …") shows in monospace; prose does not. */
  fixIsCommand: z.boolean(),
  /** "Destination", or "Setting" when every row is a flag to set. */
  rowsHeading: z.enum(['Destination', 'Setting']),
  rows: z.array(Row.extend({ portLines: z.array(Text.min(1)) })).max(12),
  rowsNote: Text,
  points: z.array(Text).max(8),
  toggles: z.array(
    z.object({ title: Text.min(1), target: z.enum(['details', 'conflicts', 'sources']) }),
  ),
  details: z.array(Text),
  conflicts: z.array(Text),
  sources: z.array(z.object({ title: Text, url: z.url(), asOf: Text })),
  /** Runners-up: `title` is the action's accessible name, `label` what the link shows. */
  alternatives: z
    .array(z.object({ title: Text.min(1), label: Text.min(1), data: CardAction }))
    .max(3),
  actions: z.array(z.object({ title: Text.min(1), data: CardAction })),
  /** 👍/👎 on a row of their own under the card's actions, so narrow screens show both. */
  feedback: z.array(z.object({ title: Text.min(1), data: CardAction })),
});
export type AnswerCard = z.infer<typeof AnswerCard>;

export type AnswerCardInput = Omit<
  AnswerCard,
  'rows' | 'toggles' | 'actions' | 'feedback' | 'fixIsCommand'
> & {
  rows: z.infer<typeof Row>[];
  actions: Button[];
  feedback: Button[];
};

/** A fix that starts with a command line rather than a sentence. */
const COMMAND = /^(az|kubectl|nslookup|curl|helm|terraform|Set-|New-|Get-)\b/;

export function answerCard(input: AnswerCardInput): AdaptiveCard {
  const toggles: AnswerCard['toggles'] = [];
  if (input.details.length > 0) toggles.push({ title: 'Why and details', target: 'details' });
  if (input.conflicts.length > 0)
    toggles.push({ title: `Sources disagree (${input.conflicts.length})`, target: 'conflicts' });
  if (input.sources.length > 0)
    toggles.push({ title: `Sources (${input.sources.length})`, target: 'sources' });
  const card = renderCard('answer', AnswerCard, {
    ...input,
    fixIsCommand: COMMAND.test(input.fix),
    rows: input.rows.map((row) => ({
      ...row,
      portLines: row.ports.split(PORT_LINE_SEPARATOR).filter(Boolean),
    })),
    toggles,
    actions: input.actions.map(({ title, data }) => ({ title, data })),
    feedback: input.feedback.map(({ title, data }) => ({ title, data })),
  });
  // The verdict is markdown on the card; clients that cannot show cards read it as plain text.
  card['fallbackText'] = plainText(input.verdict);
  return card;
}
