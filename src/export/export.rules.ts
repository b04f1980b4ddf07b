// A plan's rows as network rules a tool can create: one shape that every export format reads, with
// NSG-safe names, priorities from a configurable start, and the placeholders a user still has to fill.
import type { Plan, PlanRule } from '../knowledge/plan.query';

export type RuleDirection = 'Inbound' | 'Outbound';
/** NSG protocol names; `*` is any protocol. */
export type RuleProtocol = 'Tcp' | 'Udp' | '*';

/** The address a rule means by "our side": the subnet the NSG guards, as NSGs name it. */
export const LOCAL_ADDRESS = 'VirtualNetwork';

export interface ExportRule {
  /** Unique among the rules of one export; letters, digits, `.`, `_`, `-` (NSG rule names). */
  name: string;
  direction: RuleDirection;
  access: 'Allow';
  protocol: RuleProtocol;
  /** `service-tag` rules fit an NSG; `fqdn` rules need a firewall. */
  kind: 'service-tag' | 'fqdn';
  /** The other end: the service tag or host name (destination outbound, source inbound). */
  remote: string;
  /** "443" or "29876-29877", one entry per port or range. */
  ports: string[];
  description: string;
  /** NSG priority; only service-tag rules have one (host names never go in an NSG). */
  priority?: number;
}

export interface ExportOptions {
  /** First NSG priority given out, per direction. */
  start: number;
  /** Gap between priorities, so rules can be slotted in later. */
  step: number;
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = { start: 100, step: 10 };
export const MIN_PRIORITY = 100;
export const MAX_PRIORITY = 4096;

/** What a user has to put in place of each placeholder before running the output. */
export const PLACEHOLDERS: ReadonlyMap<string, string> = new Map([
  ['<region>', 'the region of your compute and its virtual network, e.g. westeurope'],
  ['<storage>', "the name of the workspace's storage account"],
  ['<acr>', "the name of the workspace's container registry"],
  ['<workspace-id>', 'the workspace id (a GUID: az ml workspace show --query workspace_id)'],
  ['<resource-group>', 'the resource group of the network security group or firewall'],
  ['<nsg-name>', 'the name of the network security group on the compute subnet'],
  ['<firewall-name>', 'the name of your Azure Firewall'],
  ['<compute-subnet-prefix>', 'the address prefix of the compute subnet, e.g. 10.0.1.0/24'],
]);

export interface Placeholder {
  token: string;
  meaning: string;
}

/** The placeholders a text still holds, in the order of the table above. */
export function placeholdersIn(text: string): Placeholder[] {
  return [...PLACEHOLDERS]
    .filter(([token]) => text.includes(token))
    .map(([token, meaning]) => ({ token, meaning }));
}

const NSG_DESCRIPTION_MAX = 140;

function protocolOf(row: PlanRule): RuleProtocol {
  if (row.protocol === 'UDP') return 'Udp';
  if (row.protocol === 'ANY') return '*';
  return 'Tcp';
}

function slug(text: string): string {
  // `*.<region>.batch.azure.com` becomes `region.batch.azure.com`: readable, and a valid name.
  return text
    .toLowerCase()
    .replace(/[<>*]/g, '')
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/[.-]*\.[.-]*/g, '.')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
}

function ruleName(row: PlanRule, ports: readonly string[], taken: Set<string>): string {
  const base = [
    'aml',
    row.direction === 'inbound' ? 'in' : 'out',
    slug(row.endpoint).slice(0, 50),
    ports.join('_'),
  ]
    .filter(Boolean)
    .join('-');
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}

/** Plain ASCII within the NSG limit, so every format can quote it the same way. */
function description(row: PlanRule): string {
  const text = row.purposes
    .join(' ')
    .replace(/[^\x20-\x7e]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > NSG_DESCRIPTION_MAX ? `${text.slice(0, NSG_DESCRIPTION_MAX - 3)}...` : text;
}

export interface RuleSet {
  rules: ExportRule[];
  /** Plan rows that are settings, not traffic (e.g. public network access): named, not exported. */
  settings: string[];
}

/**
 * The plan's network rows as rules. Service-tag rules get priorities from `start` in steps of
 * `step`, counted separately for inbound and outbound (NSGs number each direction on its own).
 */
export function rulesFromPlan(
  plan: Plan,
  options: ExportOptions = DEFAULT_EXPORT_OPTIONS,
): RuleSet {
  const taken = new Set<string>();
  const next: Record<RuleDirection, number> = { Inbound: options.start, Outbound: options.start };
  const rules: ExportRule[] = [];
  const settings: string[] = [];
  for (const row of plan.rules) {
    if (row.endpointKind === 'setting') {
      settings.push(row.endpoint);
      continue;
    }
    const ports = row.ports.split(',').map((p) => p.trim());
    const direction: RuleDirection = row.direction === 'inbound' ? 'Inbound' : 'Outbound';
    const rule: ExportRule = {
      name: ruleName(row, ports, taken),
      direction,
      access: 'Allow',
      protocol: protocolOf(row),
      kind: row.endpointKind === 'service-tag' ? 'service-tag' : 'fqdn',
      remote: row.endpoint,
      ports,
      description: description(row),
    };
    if (rule.kind === 'service-tag') {
      rule.priority = next[direction];
      next[direction] += options.step;
    }
    rules.push(rule);
  }
  return { rules, settings };
}

/** Source and destination as an NSG sees them: our subnet on one side, the remote on the other. */
export function endsOf(rule: ExportRule): { source: string; destination: string } {
  return rule.direction === 'Inbound'
    ? { source: rule.remote, destination: LOCAL_ADDRESS }
    : { source: LOCAL_ADDRESS, destination: rule.remote };
}
