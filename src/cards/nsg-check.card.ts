// The verdict on a pasted NSG: one line per required flow (allowed, blocked, or only through a
// default rule) with the rule that decided it, then the commands that add the missing rules.
import { z } from 'zod';
import type { Knowledge } from '../knowledge/knowledge.schema';
import {
  VERDICT_LABELS,
  flowLabel,
  verdictReason,
  type NsgCheckReport,
} from '../nsg-check/nsg.check';
import { Button } from './card-actions';
import { choicesCard, scenarioChoices } from './answer.cards';
import { codeBlocks, CARD_CODE_CHARS } from './commands.card';
import { renderCard, type AdaptiveCard } from './render';

const Text = z.string();

export const NsgCheckCard = z.object({
  title: Text.min(1),
  summary: Text,
  flows: z.array(
    z.object({
      verdict: Text,
      flow: Text,
      reason: Text,
      color: z.enum(['Good', 'Attention', 'Warning']),
    }),
  ),
  notes: z.array(Text),
  fixHeading: Text,
  blocks: z.array(Text.min(1)),
  actions: z.array(Button),
});
export type NsgCheckCard = z.infer<typeof NsgCheckCard>;

const COLORS = { allowed: 'Good', blocked: 'Attention', default: 'Warning' } as const;
/** Flows per card: each is two short lines, so this keeps a card far below Teams' limit. */
const FLOWS_PER_CARD = 25;

function summaryOf(report: NsgCheckReport): string {
  const count = (v: string) => report.verdicts.filter((x) => x.verdict === v).length;
  const total = report.verdicts.length;
  const blocked = count('blocked');
  const onlyDefault = count('default');
  const head =
    blocked > 0
      ? `${blocked} of ${total} required flows are blocked.`
      : `No required flow is blocked (${total} checked).`;
  return onlyDefault > 0 ? `${head} ${onlyDefault} pass only through a default rule.` : head;
}

function notesOf(report: NsgCheckReport): string[] {
  const notes = report.fix.stuck.map(
    (s) =>
      `No free priority comes before ${s.blocker.name} (priority ${s.blocker.priority}) for ${flowLabel(s.flow)}: move or narrow that deny rule.`,
  );
  if (report.notChecked.length > 0) {
    notes.push(
      `Not checked: ${report.notChecked.length} host-name rules. An NSG cannot filter by host name; those belong on a firewall.`,
    );
  }
  return notes;
}

export function nsgCheckCards(report: NsgCheckReport, actions: Button[] = []): AdaptiveCard[] {
  const flows = report.verdicts.map((v) => ({
    verdict: VERDICT_LABELS[v.verdict],
    flow: flowLabel(v.flow),
    reason: verdictReason(v),
    color: COLORS[v.verdict],
  }));
  const pages: (typeof flows)[] = [];
  for (let i = 0; i < flows.length; i += FLOWS_PER_CARD)
    pages.push(flows.slice(i, i + FLOWS_PER_CARD));
  if (pages.length === 0) pages.push([]);
  const fix = codeBlocks(report.commands.join('\n'));
  // The fix gets a card of its own when it would push the last verdict card past the budget.
  const fixAlone = fix.join('').length > CARD_CODE_CHARS / 2;
  const name = report.nsgName ?? 'your NSG';
  const cards: NsgCheckCard[] = pages.map((page, i) => ({
    title:
      pages.length === 1
        ? `NSG check: ${name}`
        : `NSG check: ${name} (${i + 1} of ${pages.length})`,
    summary: i === 0 ? summaryOf(report) : '',
    flows: page,
    notes: [],
    fixHeading: '',
    blocks: [],
    actions: [],
  }));
  const fixCard: NsgCheckCard = fixAlone
    ? {
        title: `NSG check: ${name}, the fix`,
        summary: '',
        flows: [],
        notes: [],
        fixHeading: '',
        blocks: [],
        actions: [],
      }
    : cards[cards.length - 1]!;
  fixCard.notes = notesOf(report);
  fixCard.fixHeading =
    'To add the missing rules (numbered into free priorities, before any deny that blocks them):';
  fixCard.blocks = fix;
  fixCard.actions = actions;
  if (fixAlone) cards.push(fixCard);
  return cards.map((c) => renderCard('nsg-check', NsgCheckCard, c));
}

/** Asks which scenarios a pasted NSG should be checked for. */
export function nsgScenarioCard(k: Knowledge): AdaptiveCard {
  return choicesCard(
    'Check this NSG for which scenario?',
    'I have your NSG. Pick the scenario it has to allow, or paste it again with the scenario names before the JSON (for example: compute studio westeurope {…}).',
    scenarioChoices(k, 'Check for this scenario', (id) => ({ action: 'nsg.check', picks: id })),
  );
}

export function nsgHelpText(): string {
  return [
    'To check an NSG, paste the output of `az network nsg show -g <resource-group> -n <nsg-name>` (or `az network nsg rule list`) in a message.',
    'Name the scenarios and the region before the JSON, for example: compute studio westeurope {…}. I list every flow the scenarios need as allowed, blocked or allowed only by a default rule, and give the commands for the missing rules.',
  ].join(' ');
}
