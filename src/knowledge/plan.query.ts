// Turns a situation (scenarios + options) into one plan: merged rules, steps, notes, conflicts, sources.
import { describeCondition, evaluateCondition } from './condition.query';
import {
  scenarioOrder,
  type CloudEndpoint,
  type CloudProfile,
  type Condition,
  type Conflict,
  type Direction,
  type EndpointKind,
  type Knowledge,
  type PortRange,
  type Position,
  type Protocol,
  type Region,
  type Rule,
  type Scenario,
  type ScenarioId,
  type Situation,
  type Source,
  type SourceRef,
  type Step,
  type StepKind,
} from './knowledge.schema';
import { resolveRegion, suggestRegions } from './region.query';

/** Options that turn on a feature the user opts into; a plan lists the rows that need one apart. */
export const FEATURE_OPTIONS = ['vscode', 'rstudio', 'publicPackageFeeds'] as const;
export type FeatureOption = (typeof FEATURE_OPTIONS)[number];

export interface ConflictRef {
  id: string;
  topic: string;
}

export interface PlanRule {
  /** direction|endpoint|protocol|ports — rules with the same key are merged into one row. */
  key: string;
  direction: Direction;
  endpoint: string;
  endpointKind: EndpointKind;
  protocol: Protocol;
  /** "443", "29876-29877", "80, 443"; empty for settings, see portsNote. */
  ports: string;
  portsNote: string;
  purposes: string[];
  scenarios: ScenarioId[];
  /** Human condition, e.g. "Only when compute has a public IP"; empty when always needed. */
  condition: string;
  conflicts: ConflictRef[];
  sources: SourceRef[];
  /** Ids of the knowledge rules merged into this row. */
  ruleIds: string[];
  /** The feature every rule of this row requires (e.g. RStudio), if there is one. */
  feature?: FeatureOption;
  /**
   * Only for a region in Azure Government or 21Vianet: how the endpoint relates to that cloud
   * ("Azure Government name (public: *.azureml.ms).", "Not documented for Azure Government; …").
   */
  cloudNote?: string;
}

export interface PlanStep {
  id: string;
  kind: StepKind;
  title: string;
  /** One short line for a plan's first screen, on the few steps that break most setups. */
  headline?: string;
  text: string;
  scenarios: ScenarioId[];
  condition: string;
  conflicts: ConflictRef[];
  sources: SourceRef[];
}

export interface PlanPosition extends Position {
  /** True for the position the knowledge marks as the newest. */
  newest: boolean;
}

export interface PlanConflict {
  id: string;
  topic: string;
  positions: PlanPosition[];
  /** asOf of the newest position, or null when all positions come from the same version. */
  newerAsOf: string | null;
  recommendation: string;
}

export interface Plan {
  situation: Situation;
  /** The region substituted into `<region>`, when one was given. */
  region: string | undefined;
  scenarios: Scenario[];
  rules: PlanRule[];
  /** Things to do (kind 'action'). */
  steps: PlanStep[];
  /** Facts that explain the traffic (kind 'note'). */
  notes: PlanStep[];
  conflicts: PlanConflict[];
  sources: Source[];
  warnings: string[];
}

export function formatPorts(ports: readonly PortRange[]): string {
  return ports.map((p) => (p.from === p.to ? `${p.from}` : `${p.from}-${p.to}`)).join(', ');
}

export function substituteRegion(text: string, region: string | undefined): string {
  return region ? text.replaceAll('<region>', region) : text;
}

function isEgressSelector(cond: Condition): boolean {
  if ('option' in cond && cond.option === 'egress' && cond.equals === 'firewall-no-tags')
    return true;
  return 'not' in cond && isEgressSelector(cond.not);
}

/**
 * A rule's "tags unless the firewall cannot use them" clause only picks its form (tag or FQDN),
 * which the endpoint column already shows; repeating it on every row would bury real conditions.
 */
export function withoutFormSelector(cond: Condition): Condition {
  if (isEgressSelector(cond)) return { always: true };
  if (!('all' in cond)) return cond;
  const rest = cond.all.filter((c) => !isEgressSelector(c));
  if (rest.length === 0) return { always: true };
  return rest.length === 1 && rest[0] ? rest[0] : { all: rest };
}

function mergeConditions(descriptions: readonly string[]): string {
  // One unconditional contributor makes the merged row unconditional.
  if (descriptions.includes('')) return '';
  return [...new Set(descriptions)].join('; ');
}

function pushUnique<T>(list: T[], item: T, same: (a: T, b: T) => boolean): void {
  if (!list.some((x) => same(x, item))) list.push(item);
}

const sameSourceRef = (a: SourceRef, b: SourceRef) =>
  a.source === b.source && a.section === b.section;

function conflictRefs(k: Knowledge, ids: readonly string[] | undefined): ConflictRef[] {
  return (ids ?? []).flatMap((id) => {
    const c = k.conflicts.find((x) => x.id === id);
    return c ? [{ id: c.id, topic: c.topic }] : [];
  });
}

function inSelected(selected: ReadonlySet<ScenarioId>, ids: readonly ScenarioId[]): ScenarioId[] {
  return scenarioOrder.filter((id) => selected.has(id) && ids.includes(id));
}

interface RuleAccumulator {
  row: PlanRule;
  firstIndex: number;
  conditions: string[];
  cloudNotes: string[];
  features: (FeatureOption | undefined)[];
}

/** The feature a condition requires on its own or as one of an `all`, if any. */
export function requiredFeature(cond: Condition): FeatureOption | undefined {
  const parts = 'all' in cond ? cond.all : [cond];
  for (const c of parts) {
    if (!('option' in c) || c.equals !== true) continue;
    const feature = FEATURE_OPTIONS.find((f) => f === c.option);
    if (feature) return feature;
  }
  return undefined;
}

/** The plan's sovereign cloud: its profile and its endpoint per rule id. */
interface CloudContext {
  profile: CloudProfile;
  endpoints: ReadonlyMap<string, CloudEndpoint>;
}

/** A row that is a flag to set (public_network_access), not traffic to allow. */
export function isSettingRow(row: Pick<PlanRule, 'endpointKind' | 'ports'>): boolean {
  return row.endpointKind === 'setting' && !row.ports;
}

function cloudContext(k: Knowledge, region: Region | undefined): CloudContext | undefined {
  return contextOf(k, region?.cloud);
}

function contextOf(k: Knowledge, cloud: Region['cloud'] | undefined): CloudContext | undefined {
  const profile = k.clouds.find((c) => c.cloud === cloud);
  if (!profile) return undefined;
  const entries = k.cloudEndpoints.filter((e) => e.cloud === profile.cloud);
  return { profile, endpoints: new Map(entries.map((e) => [e.rule, e])) };
}

/**
 * The names a rule's endpoint has in a cloud, with a note when they differ from the public ones:
 * single answers use this where plans use their rows.
 */
export function endpointsInCloud(
  k: Knowledge,
  rule: Rule,
  cloud: Region['cloud'],
  region?: string,
): { endpoints: string[]; note?: string } {
  const forms = ruleForms(rule, region, contextOf(k, cloud));
  return { endpoints: forms.map((f) => f.endpoint), note: forms[0]?.cloudNote };
}

/** One endpoint a rule gives a plan row: the public one, or the cloud's (one or more hosts). */
interface RuleForm {
  endpoint: string;
  cloudNote?: string;
  sources: readonly SourceRef[];
}

function ruleForms(rule: Rule, region: string | undefined, cloud?: CloudContext): RuleForm[] {
  const publicEndpoint = substituteRegion(rule.endpoint, region);
  const entry = cloud?.endpoints.get(rule.id);
  if (!cloud || !entry) return [{ endpoint: publicEndpoint, sources: [] }];
  const { name } = cloud.profile;
  const why = entry.note ? ` ${entry.note}` : '';
  if (entry.endpoint === null) {
    // The note of an entry not needed there says so in the sources' words.
    const cloudNote = entry.notNeeded
      ? (entry.note ?? `Not needed in ${name}.`)
      : `Not documented for ${name}; the public name is shown.${why}`;
    return [{ endpoint: publicEndpoint, cloudNote, sources: entry.sources }];
  }
  const cloudNote =
    entry.endpoint === rule.endpoint
      ? `Same name in ${name}.${why}`
      : `${name} name (public: ${publicEndpoint}).${why}`;
  return [entry.endpoint, ...(entry.alsoEndpoints ?? [])].map((endpoint) => ({
    endpoint: substituteRegion(endpoint, region),
    cloudNote,
    sources: entry.sources,
  }));
}

function mergeRules(
  k: Knowledge,
  rules: readonly Rule[],
  selected: ReadonlySet<ScenarioId>,
  region: string | undefined,
  cloud?: CloudContext,
): PlanRule[] {
  const byKey = new Map<string, RuleAccumulator>();
  const forms = rules.flatMap((rule) =>
    ruleForms(rule, region, cloud).map((f) => ({ rule, ...f })),
  );
  forms.forEach(({ rule, endpoint, cloudNote, sources: cloudSources }, index) => {
    const ports = formatPorts(rule.ports);
    const key = `${rule.direction}|${endpoint}|${rule.protocol}|${ports}`;
    let acc = byKey.get(key);
    if (!acc) {
      acc = {
        firstIndex: index,
        conditions: [],
        cloudNotes: [],
        features: [],
        row: {
          key,
          direction: rule.direction,
          endpoint,
          endpointKind: rule.endpointKind,
          protocol: rule.protocol,
          ports,
          portsNote: rule.portsNote ?? '',
          purposes: [],
          scenarios: [],
          condition: '',
          conflicts: [],
          sources: [],
          ruleIds: [],
        },
      };
      byKey.set(key, acc);
    }
    const { row } = acc;
    pushUnique(row.purposes, rule.purpose, (a, b) => a === b);
    row.scenarios = inSelected(selected, [...row.scenarios, ...rule.scenarios]);
    for (const ref of conflictRefs(k, rule.conflicts))
      pushUnique(row.conflicts, ref, (a, b) => a.id === b.id);
    for (const ref of [...rule.sources, ...cloudSources])
      pushUnique(row.sources, ref, sameSourceRef);
    row.ruleIds.push(rule.id);
    if (!row.portsNote && rule.portsNote) row.portsNote = rule.portsNote;
    acc.conditions.push(describeCondition(withoutFormSelector(rule.condition)));
    acc.features.push(requiredFeature(rule.condition));
    if (cloudNote) pushUnique(acc.cloudNotes, cloudNote, (a, b) => a === b);
  });

  const directionOrder: Record<Direction, number> = { inbound: 0, outbound: 1 };
  return [...byKey.values()]
    .sort(
      (a, b) =>
        directionOrder[a.row.direction] - directionOrder[b.row.direction] ||
        a.firstIndex - b.firstIndex,
    )
    .map((acc) => {
      const [feature] = acc.features;
      return {
        ...acc.row,
        condition: mergeConditions(acc.conditions),
        ...(acc.cloudNotes.length > 0 ? { cloudNote: acc.cloudNotes.join(' ') } : {}),
        ...(feature && acc.features.every((f) => f === feature) ? { feature } : {}),
      };
    });
}

function planStep(
  k: Knowledge,
  step: Step,
  selected: ReadonlySet<ScenarioId>,
  region: string | undefined,
): PlanStep {
  return {
    id: step.id,
    kind: step.kind,
    title: step.title,
    ...(step.headline ? { headline: step.headline } : {}),
    text: substituteRegion(step.text, region),
    scenarios: inSelected(selected, step.scenarios),
    condition: describeCondition(step.condition),
    conflicts: conflictRefs(k, step.conflicts),
    sources: step.sources,
  };
}

function planConflict(c: Conflict): PlanConflict {
  const newest = c.newer === null ? undefined : c.positions[c.newer];
  return {
    id: c.id,
    topic: c.topic,
    positions: c.positions.map((p, i) => ({ ...p, newest: i === c.newer })),
    newerAsOf: newest?.asOf ?? null,
    recommendation: c.recommendation,
  };
}

function regionWarnings(k: Knowledge, region: string | undefined, usesRegion: boolean): string[] {
  if (!region) {
    return usesRegion
      ? [
          'No region given: replace <region> with the region of your compute and its virtual network (where it differs from the workspace region, the compute region), e.g. westeurope.',
        ]
      : [];
  }
  if (resolveRegion(region, k.regions)) return [];
  const suggestions = suggestRegions(region, k.regions).map((r) => r.name);
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.join(', ')}?` : '';
  return [`"${region}" is not an Azure region we know.${hint}`];
}

/** Names the cloud, what the plan adapted and where to check the rules it could not. */
function cloudWarnings(region: string, cloud: CloudContext, rules: readonly PlanRule[]): string[] {
  const { name, docs } = cloud.profile;
  const undocumented = rules.filter((r) =>
    r.ruleIds.some((id) => cloud.endpoints.get(id)?.endpoint === null),
  ).length;
  const gaps =
    undocumented === 0
      ? ''
      : ` ${undocumented} ${undocumented === 1 ? 'rule has' : 'rules have'} no documented ${name} ` +
        `equivalent and ${undocumented === 1 ? 'keeps' : 'keep'} the public name (marked in the table); ` +
        `check "${docs.title}" (${docs.url}).`;
  return [
    `${region} is an ${name} region: host names are ${name}'s where the firewall and DNS ` +
      `articles list them.${gaps} Steps and notes are written for the public cloud.`,
  ];
}

function apiWarnings(scenarios: readonly Scenario[], situation: Situation): string[] {
  return scenarios
    .filter((s) => !s.apiVersions.includes(situation.sdk))
    .map((s) => `${s.title} needs the ${s.apiVersions.join('/')} API; you chose ${situation.sdk}.`);
}

/**
 * Whether a step is part of setting up the scenarios it belongs to, as plans and the wizard show
 * them: ways to find a fault, and steps about something outside the scenarios, answer questions.
 */
export function isPartOfSetup(step: Pick<Step, 'troubleshooting' | 'outsideScenarios'>): boolean {
  return step.troubleshooting !== true && step.outsideScenarios === undefined;
}

export function planFor(k: Knowledge, situation: Situation): Plan {
  const selected = new Set(situation.scenarios);
  const applies = (item: { scenarios: readonly ScenarioId[]; condition: Condition }) =>
    item.scenarios.some((id) => selected.has(id)) && evaluateCondition(item.condition, situation);
  const known = situation.region ? resolveRegion(situation.region, k.regions) : undefined;
  const region = situation.region ? (known?.name ?? situation.region) : undefined;
  const cloud = cloudContext(k, known);
  // Steps about a sovereign cloud only show in plans for that cloud's regions.
  const cloudOnly = new Set(k.clouds.flatMap((c) => c.steps));
  const inThisCloud = (step: Step) =>
    !cloudOnly.has(step.id) || (cloud?.profile.steps.includes(step.id) ?? false);

  const rawRules = k.rules.filter((r) => !r.retired && applies(r));
  const rules = mergeRules(k, rawRules, selected, region, cloud);
  const planSteps = k.steps
    .filter((s) => inThisCloud(s) && isPartOfSetup(s) && applies(s))
    .map((s) => planStep(k, s, selected, region));
  const scenarios = k.scenarios
    .filter((s) => selected.has(s.id))
    .sort((a, b) => scenarioOrder.indexOf(a.id) - scenarioOrder.indexOf(b.id));

  const conflictIds = new Set<string>([
    ...rules.flatMap((r) => r.conflicts.map((c) => c.id)),
    ...planSteps.flatMap((s) => s.conflicts.map((c) => c.id)),
  ]);
  // Conflicts stay visible even when the plan dropped the disputed rule (e.g. Key Vault without hbi).
  const conflicts = k.conflicts
    .filter((c) => conflictIds.has(c.id) || c.scenarios.some((id) => selected.has(id)))
    .map(planConflict);

  const sourceIds = new Set<string>([
    ...scenarios.flatMap((s) => s.sources.map((r) => r.source)),
    ...rules.flatMap((r) => r.sources.map((s) => s.source)),
    ...planSteps.flatMap((s) => s.sources.map((r) => r.source)),
    ...conflicts.flatMap((c) => c.positions.flatMap((p) => p.sources.map((s) => s.source))),
  ]);
  const usesRegion = [...rawRules.map((r) => r.endpoint), ...planSteps.map((s) => s.text)].some(
    (t) => t.includes('<region>'),
  );

  return {
    situation,
    region,
    scenarios,
    rules,
    steps: planSteps.filter((s) => s.kind === 'action'),
    notes: planSteps.filter((s) => s.kind === 'note'),
    conflicts,
    sources: k.sources.filter((s) => sourceIds.has(s.id)),
    warnings: [
      ...regionWarnings(k, situation.region, usesRegion),
      ...(cloud && region ? cloudWarnings(region, cloud, rules) : []),
      ...apiWarnings(scenarios, situation),
    ],
  };
}
