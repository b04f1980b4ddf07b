// The plan: the rules and steps for a situation (wizard result) or for one scenario (overview), as
// tables a network engineer can copy from, with conditions, disagreements and sources. A large plan
// is spread over several cards so that each message stays well under Teams' size limit.
import { z } from 'zod';
import type { Knowledge, Situation, SourceRef } from '../knowledge/knowledge.schema';
import type { Plan, PlanRule } from '../knowledge/plan.query';
import { Button, button } from './card-actions';
import { renderCard, type AdaptiveCard } from './render';

const Text = z.string();

const RuleRow = z.object({ endpoint: Text.min(1), ports: Text, why: Text.min(1) });
export type RuleRow = z.infer<typeof RuleRow>;
const StepItem = z.object({ title: Text, text: Text });
const ConflictItem = z.object({ topic: Text, positions: z.array(Text), recommendation: Text });
const SourceItem = z.object({ title: Text, url: z.url(), asOf: Text });

const Section = z.object({
  heading: Text.min(1),
  empty: Text,
  rules: z.array(RuleRow),
  steps: z.array(StepItem),
  conflicts: z.array(ConflictItem),
  notes: z.array(StepItem),
  sources: z.array(SourceItem),
});
type Section = z.infer<typeof Section>;

export const PlanCard = z.object({
  title: Text.min(1),
  subtitle: Text,
  facts: z.array(z.object({ title: Text, value: Text })),
  warnings: z.array(Text),
  sections: z.array(Section),
  actions: z.array(Button),
});
export type PlanCard = z.infer<typeof PlanCard>;

export function feedbackButtons(target: string): Button[] {
  return [
    button('👍 Helpful', { action: 'feedback', target, helpful: 'yes' }),
    button('👎 Not helpful', { action: 'feedback', target, helpful: 'no' }),
  ];
}

export function sourceTitle(k: Knowledge, refs: readonly SourceRef[]): string {
  const first = refs[0];
  return k.sources.find((s) => s.id === first?.source)?.title ?? first?.source ?? '';
}

export function ruleRow(k: Knowledge, rule: PlanRule, showScenarios: boolean): RuleRow {
  const scenarioNames = rule.scenarios.map(
    (id) => k.scenarios.find((s) => s.id === id)?.title ?? id,
  );
  const lines = [
    rule.purposes.join(' Also: '),
    rule.cloudNote ?? '',
    rule.condition ? `_${rule.condition}._` : '',
    rule.portsNote,
    rule.conflicts.length > 0
      ? `Sources disagree: ${rule.conflicts.map((c) => c.topic).join('; ')}.`
      : '',
    showScenarios ? `For: ${scenarioNames.join(', ')}.` : '',
  ];
  return {
    endpoint: rule.endpoint,
    ports: rule.ports ? `${rule.protocol} ${rule.ports}` : rule.protocol,
    why: lines.filter(Boolean).join('\n\n'),
  };
}

export const EGRESS_LABELS: Record<Situation['egress'], string> = {
  nsg: 'Network security groups only',
  'azure-firewall': 'Azure Firewall',
  'firewall-no-tags': 'Firewall without service tags (FQDN rules)',
};

/** The situation at the top of a plan; only the answers the wizard asked about are shown. */
export function situationFacts(plan: Plan, asked: ReadonlySet<string>) {
  const s = plan.situation;
  const yes = (b: boolean) => (b ? 'Yes' : 'No');
  const facts = [
    { key: 'scenarios', title: 'Scenarios', value: plan.scenarios.map((x) => x.title).join(', ') },
    { key: 'region', title: 'Compute region', value: plan.region ?? 'not given' },
    { key: 'computePublicIp', title: 'Compute public IP', value: yes(s.computePublicIp) },
    { key: 'egress', title: 'Outbound filtering', value: EGRESS_LABELS[s.egress] },
    { key: 'vscode', title: 'VS Code on compute', value: yes(s.vscode) },
    { key: 'hbi', title: 'hbi workspace', value: yes(s.hbi) },
    { key: 'registryBehindVnet', title: 'Registry behind VNet', value: yes(s.registryBehindVnet) },
    { key: 'ownImages', title: 'Own Docker images', value: yes(s.ownImages) },
    { key: 'sdk', title: 'SDK/CLI', value: s.sdk },
  ];
  return facts
    .filter((f) => f.key === 'scenarios' || asked.has(f.key))
    .map(({ title, value }) => ({ title, value }));
}

export interface PlanCardOptions {
  title: string;
  subtitle: string;
  facts: { title: string; value: string }[];
  /** Buttons under the last card. */
  actions: Button[];
  /** Say "no inbound rules are needed" rather than leave the section out (plans, not single answers). */
  showEmptyRuleSections?: boolean;
}

type ItemKey = 'rules' | 'steps' | 'conflicts' | 'notes' | 'sources';
type Item =
  RuleRow | z.infer<typeof StepItem> | z.infer<typeof ConflictItem> | z.infer<typeof SourceItem>;

interface SectionPlan {
  heading: string;
  empty: string;
  key: ItemKey;
  items: Item[];
}

function sectionsOf(k: Knowledge, plan: Plan, showEmpty: boolean): SectionPlan[] {
  const showScenarios = plan.scenarios.length > 1;
  const rules = (direction: 'inbound' | 'outbound') =>
    plan.rules.filter((r) => r.direction === direction).map((r) => ruleRow(k, r, showScenarios));
  const sections: SectionPlan[] = [
    {
      heading: 'Inbound rules',
      empty: 'No inbound rules are needed for this situation.',
      key: 'rules',
      items: rules('inbound'),
    },
    {
      heading: 'Outbound rules',
      empty: 'No outbound rules are needed for this situation.',
      key: 'rules',
      items: rules('outbound'),
    },
    {
      heading: 'Configuration steps',
      empty: '',
      key: 'steps',
      items: plan.steps.map((s) => ({
        title: s.title,
        text: s.condition ? `${s.text} _(${s.condition}.)_` : s.text,
      })),
    },
    {
      heading: 'Where the sources disagree',
      empty: '',
      key: 'conflicts',
      items: plan.conflicts.map((c) => ({
        topic: c.topic,
        positions: c.positions.map(
          (p) => `${p.claim} (${sourceTitle(k, p.sources)}, ${p.asOf}${p.newest ? ', newer' : ''})`,
        ),
        recommendation: c.recommendation,
      })),
    },
    {
      heading: 'Background',
      empty: '',
      key: 'notes',
      items: plan.notes.map((n) => ({ title: n.title, text: n.text })),
    },
    {
      heading: 'Sources',
      empty: '',
      key: 'sources',
      items: plan.sources.map((s) => ({ title: s.title, url: s.url, asOf: s.asOf })),
    },
  ];
  return sections.filter((s) => s.items.length > 0 || (showEmpty && s.empty));
}

/** Content per card, in bytes of JSON, before the template's markup is added. */
const CARD_BUDGET = 22 * 1024;
/** Template markup an item adds to the card, by kind (measured on the network-plan template). */
const ITEM_OVERHEAD: Record<ItemKey, number> = {
  rules: 330,
  steps: 60,
  conflicts: 300,
  notes: 60,
  sources: 90,
};

function emptySection(heading: string, empty: string): Section {
  return { heading, empty, rules: [], steps: [], conflicts: [], notes: [], sources: [] };
}

/** Packs sections into cards in order, splitting a long section with "(continued)" headings. */
function packSections(sections: SectionPlan[]): Section[][] {
  const cards: Section[][] = [[]];
  let used = 0;
  for (const section of sections) {
    let current: Section | undefined;
    let continued = false;
    const open = () => {
      const heading = continued ? `${section.heading} (continued)` : section.heading;
      current = emptySection(heading, section.items.length === 0 ? section.empty : '');
      cards[cards.length - 1]!.push(current);
      used += 200;
    };
    if (section.items.length === 0) {
      open();
      continue;
    }
    for (const item of section.items) {
      const size = JSON.stringify(item).length + ITEM_OVERHEAD[section.key];
      if (used + size > CARD_BUDGET && used > 0) {
        cards.push([]);
        used = 0;
        continued = current !== undefined;
        current = undefined;
      }
      if (!current) open();
      (current![section.key] as Item[]).push(item);
      used += size;
    }
  }
  // A plan with nothing in it still gets its card, which says so in its subtitle.
  const filled = cards.filter((c) => c.length > 0);
  return filled.length > 0 ? filled : [[]];
}

export function planCards(k: Knowledge, plan: Plan, options: PlanCardOptions): AdaptiveCard[] {
  const packed = packSections(sectionsOf(k, plan, options.showEmptyRuleSections ?? true));
  return packed.map((sections, i) => {
    const first = i === 0;
    const last = i === packed.length - 1;
    return renderCard('network-plan', PlanCard, {
      title: first ? options.title : `${options.title} (${i + 1} of ${packed.length})`,
      subtitle: first ? options.subtitle : '',
      facts: first ? options.facts : [],
      warnings: first ? plan.warnings : [],
      sections,
      actions: last ? options.actions : [],
    });
  });
}
