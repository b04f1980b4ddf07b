// The plan card: the situation, counts and the steps that break most setups on the first screen,
// then sections that expand in place (rules by where they go, steps as a checklist, disagreements,
// background, sources). One message where it fits under Teams' size limit, otherwise two.
import { literal } from './markdown';
import { z } from 'zod';
import type { Knowledge, ScenarioId, Situation, SourceRef } from '../knowledge/knowledge.schema';
import type { Plan, PlanRule, PlanStep } from '../knowledge/plan.query';
import { Button, button, ShowAction } from './card-actions';
import {
  ASSUMED_FOOTNOTE,
  destinationRows,
  FEATURE_TITLES,
  groupRules,
  keySteps,
  whyLines,
  type HostNames,
  type RowContext,
} from './plan-view';
import { renderCard, type AdaptiveCard } from './render';
import { answerLabel, QUESTIONS } from '../wizard/questions';

const Text = z.string();

const TableVM = z.object({
  heading: Text,
  rows: z.array(
    z.object({
      destination: Text.min(1),
      lines: z.array(z.object({ protocol: Text, ports: Text })).min(1),
    }),
  ),
  whyId: Text.min(1),
  why: z.array(z.object({ destination: Text, text: Text })),
  footnote: Text,
});
type TableVM = z.infer<typeof TableVM>;

/** A line whose detail opens in place. */
const ItemVM = z.object({ id: Text.min(1), line: Text.min(1), detail: Text });
/** A line that opens its detail as a card of its own: for when the message is short of room. */
const OpenVM = z.object({ line: Text.min(1), open: ShowAction });
/** What a section lists, before the plan decides how much detail fits. */
interface ItemInput {
  line: string;
  detail: string;
  open: z.infer<typeof ShowAction>;
}

const SectionVM = z.object({
  id: Text.min(1),
  title: Text.min(1),
  count: Text,
  intro: Text,
  tables: z.array(TableVM),
  items: z.array(ItemVM),
  opens: z.array(OpenVM),
  /** The lines alone, the most compact form. */
  list: z.array(Text),
  links: z.array(Text),
});
type SectionVM = z.infer<typeof SectionVM> & { inputs: ItemInput[] };

export const PlanCard = z.object({
  title: Text.min(1),
  subtitle: Text,
  facts: z.array(z.object({ title: Text, value: Text })),
  warnings: z.array(Text),
  counts: z.array(z.object({ value: Text, label: Text })),
  keySteps: z.array(Text),
  sections: z.array(SectionVM),
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

/** Scenario names short enough for one line of the plan's fact set, or a button. */
export const SCENARIO_LABELS: Record<ScenarioId, string> = {
  studio: 'Studio',
  'data-profiling': 'Data profiling',
  compute: 'Compute',
  'online-endpoints': 'Online endpoints',
  aks: 'AKS',
  'docker-images': 'Docker images',
};

/**
 * The situation at the top of a plan, compactly: the scenarios, then each question the wizard
 * asked, labelled and answered as the wizard's question table words it.
 */
export function situationFacts(plan: Plan, asked: ReadonlySet<string>) {
  const s = plan.situation;
  return [
    { title: 'Scenarios', value: plan.scenarios.map((x) => SCENARIO_LABELS[x.id]).join(', ') },
    ...QUESTIONS.filter((q) => asked.has(q.id)).map((q) => ({
      title: q.label,
      value: q.id === 'region' ? (plan.region ?? 'not given') : answerLabel(q, s[q.id]),
    })),
  ];
}

export interface PlanCardOptions {
  title: string;
  subtitle: string;
  facts: { title: string; value: string }[];
  /** Buttons under the first card (feedback belongs with what was read first). */
  actions: Button[];
  /** Buttons under the last card, where reading ends (e.g. Start over). */
  endActions?: Button[];
  /** Overviews list host names whatever the filtering; plans only when the filtering uses them. */
  hostNames?: HostNames;
}

function tableOf(id: string, heading: string, rules: PlanRule[], context: RowContext): TableVM {
  const rows = destinationRows(rules, context);
  return {
    heading,
    rows: rows.map(({ destination, lines }) => ({ destination, lines })),
    whyId: `${id}-why`,
    why: whyLines(rows).map((w) => ({ ...w, text: literal(w.text) })),
    footnote: rows.some((r) => r.assumedPort) ? ASSUMED_FOOTNOTE : '',
  };
}

/** Knowledge text as written (its wildcards and paths are not markdown), its condition in italics. */
const withCondition = (text: string, condition: string) =>
  condition ? `${literal(text)} _(${literal(condition)}.)_` : literal(text);

/** The checklist: the plan's steps, then the settings (flags, not ports) among its rules. */
function stepItems(steps: readonly PlanStep[], settings: readonly PlanRule[]): ItemInput[] {
  return [
    ...steps.map((s) => ({
      line: `☐ ${s.title}`,
      detail: withCondition(s.text, s.condition),
      open: { action: 'show' as const, kind: 'step' as const, id: s.id },
    })),
    ...settings.map((r) => ({
      line: `☐ Set ${r.endpoint}`,
      detail: withCondition([...r.purposes, r.portsNote].filter(Boolean).join(' '), r.condition),
      open: { action: 'show' as const, kind: 'rule' as const, id: r.ruleIds[0]! },
    })),
  ];
}

function section(
  id: string,
  title: string,
  intro: string,
  parts: { tables?: TableVM[]; items?: ItemInput[]; links?: string[] },
): SectionVM {
  const inputs = parts.items ?? [];
  const links = parts.links ?? [];
  const tables = parts.tables ?? [];
  const count = tables.reduce((n, t) => n + t.rows.length, 0) + inputs.length + links.length;
  return {
    id,
    title,
    count: String(count),
    intro,
    tables,
    inputs,
    items: inputs.map(({ line, detail }, i) => ({ id: `${id}-${i}`, line, detail })),
    opens: [],
    list: [],
    links,
  };
}

const SERVICE_TAG_INTRO: Record<Situation['egress'], string> = {
  nsg: 'Outbound rules on the network security group of the compute subnet.',
  'azure-firewall':
    'Outbound rules on the network security group, or network rules on the firewall.',
  'firewall-no-tags': 'Outbound rules on the network security group of the compute subnet.',
};

/** Every section of a plan in reading order; empty ones are left out. */
function sectionsOf(k: Knowledge, plan: Plan, hostNames: HostNames): SectionVM[] {
  const groups = groupRules(plan, hostNames);
  const context: RowContext = {
    scenarios: plan.situation.scenarios,
    scenarioTitle: (id: ScenarioId) => k.scenarios.find((s) => s.id === id)?.title ?? id,
  };
  const table = (id: string, rules: PlanRule[], heading = '') =>
    rules.length > 0 ? [tableOf(id, heading, rules, context)] : [];
  const sections = [
    section(
      'in',
      'Inbound (NSG)',
      'Inbound rules on the network security group of the compute subnet.',
      {
        tables: table('in', groups.inbound),
      },
    ),
    section('tags', 'Outbound to service tags', SERVICE_TAG_INTRO[plan.situation.egress], {
      tables: table('tags', groups.serviceTags),
    }),
    section('hosts', 'Outbound to host names', 'Application rules on the firewall (HTTP/HTTPS).', {
      tables: table('hosts', groups.hostNames ?? []),
    }),
    section('opt', 'Optional features', 'Only for the features you said you use.', {
      tables: groups.features.flatMap((f) =>
        table(`opt-${f.feature}`, f.rules, FEATURE_TITLES[f.feature]),
      ),
    }),
    section('steps', 'Configuration steps', 'Select a step to see how.', {
      items: stepItems(plan.steps, groups.settings),
    }),
    section('conflicts', 'Where the sources disagree', 'Select one for what each source says.', {
      items: plan.conflicts.map((c) => ({
        line: c.topic,
        detail: [
          ...c.positions.map(
            (p) =>
              `- ${literal(p.claim)} (${sourceTitle(k, p.sources)}, ${p.asOf}${p.newest ? ', newer' : ''})`,
          ),
          `\nOur advice: ${literal(c.recommendation)}`,
        ].join('\n'),
        open: { action: 'show', kind: 'conflict', id: c.id },
      })),
    }),
    section('notes', 'Background', 'Select one for the detail.', {
      items: plan.notes.map((n) => ({
        line: n.title,
        detail: withCondition(n.text, n.condition),
        open: { action: 'show', kind: 'step', id: n.id },
      })),
    }),
    section('sources', 'Sources', '', {
      // Non-breaking hyphens keep a date on one line.
      links: plan.sources.map(
        (s) => `[${s.title}](${s.url}), as of ${s.asOf.replaceAll('-', '\u2011')}`,
      ),
    }),
  ];
  return sections.filter((s) => s.count !== '0');
}

function countsOf(plan: Plan, hostNames: HostNames) {
  const groups = groupRules(plan, hostNames);
  const destinations = (rules: PlanRule[]) => new Set(rules.map((r) => r.endpoint)).size;
  return [
    { value: String(destinations(groups.inbound)), label: 'inbound rules' },
    { value: String(destinations(groups.serviceTags)), label: 'service-tag rules' },
    groups.hostNames
      ? { value: String(destinations(groups.hostNames)), label: 'host-name rules' }
      : { value: '–', label: 'host-name rules (not with NSGs)' },
    { value: String(plan.steps.length + groups.settings.length), label: 'steps' },
  ];
}

/** Teams refuses a message over about 28 KB; the card leaves room for the activity around it. */
export const PLAN_CARD_BUDGET = 27 * 1024;

const bytes = (card: AdaptiveCard) => Buffer.byteLength(JSON.stringify(card));

/**
 * When two cards cannot hold every detail in place, details move out in this order: background notes
 * open as cards of their own, then become a list of topics to ask about; steps and then
 * disagreements open as cards of their own; the tables' reasons are left to a question; last,
 * steps and disagreements become lists too.
 */
type Shed = { section: string; to: 'list' | 'open' } | { section: 'why' };
const ONE_MESSAGE_SHEDS: readonly Shed[] = [
  { section: 'notes', to: 'open' },
  { section: 'notes', to: 'list' },
];
const SHED_ORDER: readonly Shed[] = [
  ...ONE_MESSAGE_SHEDS,
  { section: 'steps', to: 'open' },
  { section: 'conflicts', to: 'open' },
  { section: 'why' },
  { section: 'steps', to: 'list' },
  { section: 'conflicts', to: 'list' },
];

function shedOne(s: SectionVM, how: Shed): SectionVM {
  if (!('to' in how)) {
    if (s.tables.every((t) => t.why.length === 0)) return s;
    const intro = `${s.intro} Ask me about a destination to hear why it is needed.`;
    return { ...s, intro, tables: s.tables.map((t) => ({ ...t, why: [] })) };
  }
  if (s.id !== how.section) return s;
  if (how.to === 'open') {
    const opens = s.inputs.map(({ line, open }) => ({ line, open }));
    return { ...s, intro: 'Select one to open it.', items: [], opens };
  }
  const list = s.inputs.map((i) => i.line);
  return { ...s, intro: 'Ask me about any of these for the detail.', items: [], opens: [], list };
}

/** A section bound on its own: the element it adds to a card's body, and its size there. */
interface BoundSection {
  element: unknown;
  bytes: number;
}

function bindSection(section: SectionVM): BoundSection {
  const card = renderCard('network-plan', PlanCard, {
    title: section.title,
    subtitle: '',
    facts: [],
    warnings: [],
    counts: [],
    keySteps: [],
    sections: [section],
    actions: [],
  });
  const element = card.body?.at(-1);
  // One more element in a body array: its JSON and a comma.
  return { element, bytes: Buffer.byteLength(JSON.stringify(element)) + 1 };
}

/**
 * Each section is bound once per form it takes (shedding detail changes one section at a time) and
 * appended to a card's body, so trying what fits costs arithmetic rather than binding whole cards.
 */
export function planCards(k: Knowledge, plan: Plan, options: PlanCardOptions): AdaptiveCard[] {
  const hostNames = options.hostNames ?? 'by-egress';
  const end = options.endActions ?? [];
  const firstCard = (actions: Button[]) =>
    renderCard('network-plan', PlanCard, {
      title: options.title,
      subtitle: options.subtitle,
      facts: options.facts,
      warnings: plan.warnings,
      counts: countsOf(plan, hostNames),
      keySteps: keySteps(plan.steps),
      sections: [],
      actions,
    });
  const only = firstCard([...end, ...options.actions]);
  const first = firstCard(options.actions);
  const rest = renderCard('network-plan', PlanCard, {
    title: `${options.title} (continued)`,
    subtitle: '',
    facts: [],
    warnings: [],
    counts: [],
    keySteps: [],
    sections: [],
    actions: end,
  });
  const bound = new Map<SectionVM, BoundSection>();
  const bind = (section: SectionVM) => {
    let b = bound.get(section);
    if (!b) bound.set(section, (b = bindSection(section)));
    return b;
  };
  const shedUntil = (sheds: readonly Shed[], head: AdaptiveCard, fits: (p: Split) => boolean) => {
    let sections = sectionsOf(k, plan, hostNames);
    let split = pack(sections.map(bind), bytes(head), bytes(rest));
    for (const what of sheds) {
      if (fits(split)) break;
      sections = sections.map((s) => shedOne(s, what));
      split = pack(sections.map(bind), bytes(head), bytes(rest));
    }
    return split;
  };
  const withBody = (card: AdaptiveCard, parts: BoundSection[]) => ({
    ...card,
    body: [...(card.body ?? []), ...parts.map((p) => p.element)],
  });
  // One message is worth opening the background as cards; two messages keep it in place.
  const inOne = (p: Split) => p.fits && p.rest.length === 0;
  const one = shedUntil(ONE_MESSAGE_SHEDS, only, inOne);
  if (inOne(one)) return [withBody(only, one.first)];
  const two = shedUntil(SHED_ORDER, first, (p) => p.fits);
  // Shedding may leave nothing for a second card; its buttons then join the first.
  if (two.rest.length === 0) return [withBody(only, two.first)];
  return [withBody(first, two.first), withBody(rest, two.rest)];
}

interface Split {
  first: BoundSection[];
  rest: BoundSection[];
  fits: boolean;
}

/** As many sections as fit on the first card, the others on a second; `fits` when both fit. */
function pack(sections: BoundSection[], firstBytes: number, restBytes: number): Split {
  const total = (parts: BoundSection[], base: number) => parts.reduce((n, p) => n + p.bytes, base);
  let n = sections.length;
  while (n > 0 && total(sections.slice(0, n), firstBytes) > PLAN_CARD_BUDGET) n--;
  const rest = sections.slice(n);
  const fits =
    total(sections.slice(0, n), firstBytes) <= PLAN_CARD_BUDGET &&
    (rest.length === 0 || total(rest, restBytes) <= PLAN_CARD_BUDGET);
  return { first: sections.slice(0, n), rest, fits };
}
