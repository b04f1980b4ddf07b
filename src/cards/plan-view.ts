// The plan as a person reads it: a summary on the first screen, then sections that expand in place,
// with one table row per destination. Pure data in, view data out; plan.card.ts binds it to the card.
import type { ScenarioId } from '../knowledge/knowledge.schema';
import {
  isSettingRow,
  type FeatureOption,
  type Plan,
  type PlanRule,
  type PlanStep,
} from '../knowledge/plan.query';

/** The port note the knowledge gives every rule whose source names no port. */
export const ASSUMED_PORT_NOTE = 'The source gives no port; HTTPS on 443 is assumed.';
/** Marks an assumed port in the table; the footnote under the table says it once. */
export const ASSUMED_MARK = '*';
// Not led by the mark: a line starting with "* " is a list item in markdown.
export const ASSUMED_FOOTNOTE = `Ports marked ${ASSUMED_MARK} are assumed: the source names none, so HTTPS on 443.`;

/** One protocol of a destination with its ports merged, e.g. TCP "443, 18881". */
export interface ProtocolPorts {
  protocol: string;
  ports: string;
}

export interface DestinationRow {
  destination: string;
  /** One line per protocol, in the order they first appear. */
  lines: ProtocolPorts[];
  /** Why the destination is needed and when, as one paragraph. */
  why: string;
  /** True when a port on this row is assumed (marked in the table, explained once below it). */
  assumedPort: boolean;
}

export interface RowContext {
  /** Every scenario the plan is for: "For: …" is shown only when a row is for fewer. */
  scenarios: readonly ScenarioId[];
  scenarioTitle: (id: ScenarioId) => string;
}

/** "29876-29877" sorts by its first port. */
const portStart = (token: string) => Number.parseInt(token, 10);

function mergePorts(a: string, b: string): string {
  const tokens = [...a.split(', '), ...b.split(', ')].filter(Boolean);
  return [...new Set(tokens)].sort((x, y) => portStart(x) - portStart(y)).join(', ');
}

const sentence = (text: string) => (/[.!?)]$/.test(text) ? text : `${text}.`);

function whyOf(rules: readonly PlanRule[], context: RowContext): string {
  const several = rules.length > 1;
  const label = (r: PlanRule) => (r.ports ? `${r.protocol} ${r.ports}` : r.protocol);
  const parts: string[] = [];
  const add = (text: string) => {
    if (text && !parts.includes(text)) parts.push(text);
  };
  for (const r of rules) r.purposes.forEach((p) => add(sentence(p)));
  for (const r of rules) {
    if (r.condition) add(several ? `${label(r)}: ${sentence(r.condition)}` : sentence(r.condition));
    if (r.portsNote && r.portsNote !== ASSUMED_PORT_NOTE) add(sentence(r.portsNote));
    if (r.cloudNote) add(r.cloudNote);
  }
  const topics = [...new Set(rules.flatMap((r) => r.conflicts.map((c) => c.topic)))];
  if (topics.length > 0) add(`Sources disagree: ${topics.join('; ')} (see below).`);
  const scenarios = context.scenarios.filter((id) => rules.some((r) => r.scenarios.includes(id)));
  if (context.scenarios.length > 1 && scenarios.length < context.scenarios.length) {
    add(`For: ${scenarios.map(context.scenarioTitle).join(', ')}.`);
  }
  return parts.join(' ');
}

/**
 * One row per destination: the plan's rows for one endpoint (one per protocol and port set) are
 * merged, ports per protocol joined, so `AzureMachineLearning` reads TCP 443, 18881 and UDP 5831.
 */
export function destinationRows(rules: readonly PlanRule[], context: RowContext): DestinationRow[] {
  const byDestination = new Map<string, PlanRule[]>();
  for (const rule of rules) {
    const key = `${rule.direction}|${rule.endpoint}`;
    byDestination.set(key, [...(byDestination.get(key) ?? []), rule]);
  }
  return [...byDestination.values()].map((group) => {
    const lines = new Map<string, { ports: string; assumed: boolean }>();
    for (const r of group) {
      const seen = lines.get(r.protocol);
      const assumed = r.portsNote === ASSUMED_PORT_NOTE;
      lines.set(r.protocol, {
        ports: mergePorts(seen?.ports ?? '', r.ports),
        assumed: (seen?.assumed ?? true) && assumed,
      });
    }
    const assumedPort = [...lines.values()].some((l) => l.assumed);
    return {
      destination: group[0]!.endpoint,
      lines: [...lines].map(([protocol, l]) => ({
        protocol,
        ports: l.assumed ? `${l.ports}${ASSUMED_MARK}` : l.ports || '–',
      })),
      why: whyOf(group, context),
      assumedPort,
    };
  });
}

/**
 * The "why" list under a table, with destinations that share the same reason on one line (the
 * VS Code hosts all say the same thing) so no line repeats another.
 */
export function whyLines(rows: readonly DestinationRow[]): { destination: string; text: string }[] {
  const byText = new Map<string, string[]>();
  for (const row of rows) byText.set(row.why, [...(byText.get(row.why) ?? []), row.destination]);
  return [...byText].map(([text, destinations]) => ({
    destination: destinations.join(', '),
    text,
  }));
}

export const FEATURE_TITLES: Record<FeatureOption, string> = {
  vscode: 'VS Code on a compute instance',
  rstudio: 'RStudio on a compute instance',
  publicPackageFeeds: 'Public package feeds (conda, pip, PyTorch)',
};

/** How a plan treats host-name rules: by the user's outbound filtering, or always (overviews). */
export type HostNames = 'by-egress' | 'always';

/** The rows of a plan, sorted into the sections a network engineer turns into rules. */
export interface RuleGroups {
  inbound: PlanRule[];
  serviceTags: PlanRule[];
  /** Undefined when the user's filtering cannot use host names (network security groups only). */
  hostNames: PlanRule[] | undefined;
  features: { feature: FeatureOption; rules: PlanRule[] }[];
  /** Rows that are a setting (a flag), not a port: they are done as configuration steps. */
  settings: PlanRule[];
  /** Host-name rows left out because the filtering cannot use them. */
  hostNamesLeftOut: number;
}

export function groupRules(plan: Plan, hostNames: HostNames): RuleGroups {
  const usesHostNames = hostNames === 'always' || plan.situation.egress !== 'nsg';
  const shown = plan.rules.filter((r) => usesHostNames || r.endpointKind !== 'fqdn');
  const main = shown.filter((r) => !r.feature && !isSettingRow(r));
  const outbound = main.filter((r) => r.direction === 'outbound');
  const features = (['vscode', 'rstudio', 'publicPackageFeeds'] as const)
    .map((feature) => ({ feature, rules: shown.filter((r) => r.feature === feature) }))
    .filter((f) => f.rules.length > 0);
  return {
    inbound: main.filter((r) => r.direction === 'inbound'),
    serviceTags: outbound.filter((r) => r.endpointKind !== 'fqdn'),
    hostNames: usesHostNames ? outbound.filter((r) => r.endpointKind === 'fqdn') : undefined,
    features,
    settings: shown.filter((r) => !r.feature && isSettingRow(r)),
    hostNamesLeftOut: plan.rules.length - shown.length,
  };
}

/** The steps that break most setups, one short line each, for the first screen. */
export function keySteps(steps: readonly PlanStep[]): string[] {
  return steps.flatMap((s) => (s.headline ? [s.headline] : []));
}
