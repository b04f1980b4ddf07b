// Evaluates the flows a plan needs against an NSG the way Azure does: the custom rules of the
// flow's direction in priority order, then the default rules; the first rule that matches a packet
// decides it. A flow with a port list or range is decided port by port, protocol by protocol.
import type { ExportRule, RuleProtocol } from '../export/export.rules';
import { LOCAL_ADDRESS, MAX_PRIORITY, MIN_PRIORITY } from '../export/export.rules';
import type { NsgDirection, NsgProtocol, NsgRuleInput } from './nsg.schema';

interface PortRange {
  from: number;
  to: number;
}

/** One rule as the evaluation reads it. */
export interface NsgRule {
  name: string;
  priority: number;
  direction: NsgDirection;
  access: 'Allow' | 'Deny';
  protocol: NsgProtocol;
  sources: string[];
  destinations: string[];
  /** Application security groups hold only the NICs put in them, not Azure ML's compute nodes. */
  sourceAsgs: boolean;
  destinationAsgs: boolean;
  sourcePorts: PortRange[];
  destinationPorts: PortRange[];
  isDefault: boolean;
}

const ALL_PORTS: PortRange = { from: 0, to: 65535 };

export function parsePortRange(text: string): PortRange {
  if (text === '*') return ALL_PORTS;
  const [from, to = from] = text.split('-').map(Number);
  return { from: from!, to: to! };
}

function listOf(one: string | null | undefined, many: readonly string[] | null | undefined) {
  return many && many.length > 0 ? [...many] : one ? [one] : [];
}

export function toNsgRule(input: NsgRuleInput, isDefault = false): NsgRule {
  return {
    name: input.name,
    priority: input.priority,
    direction: input.direction,
    access: input.access,
    protocol: input.protocol,
    sources: listOf(input.sourceAddressPrefix, input.sourceAddressPrefixes),
    destinations: listOf(input.destinationAddressPrefix, input.destinationAddressPrefixes),
    sourceAsgs: (input.sourceApplicationSecurityGroups?.length ?? 0) > 0,
    destinationAsgs: (input.destinationApplicationSecurityGroups?.length ?? 0) > 0,
    sourcePorts: listOf(input.sourcePortRange, input.sourcePortRanges).map(parsePortRange),
    destinationPorts: listOf(input.destinationPortRange, input.destinationPortRanges).map(
      parsePortRange,
    ),
    isDefault,
  };
}

function defaultRule(
  name: string,
  priority: number,
  direction: NsgDirection,
  access: 'Allow' | 'Deny',
  source: string,
  destination: string,
): NsgRule {
  return toNsgRule(
    {
      name,
      priority,
      direction,
      access,
      protocol: '*',
      sourceAddressPrefix: source,
      destinationAddressPrefix: destination,
      sourcePortRange: '*',
      destinationPortRange: '*',
    },
    true,
  );
}

/** The rules every NSG has and nobody can delete, below all custom rules. */
export const DEFAULT_RULES: readonly NsgRule[] = [
  defaultRule('AllowVnetInBound', 65000, 'Inbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork'),
  defaultRule('AllowAzureLoadBalancerInBound', 65001, 'Inbound', 'Allow', 'AzureLoadBalancer', '*'),
  defaultRule('DenyAllInBound', 65500, 'Inbound', 'Deny', '*', '*'),
  defaultRule('AllowVnetOutBound', 65000, 'Outbound', 'Allow', 'VirtualNetwork', 'VirtualNetwork'),
  defaultRule('AllowInternetOutBound', 65001, 'Outbound', 'Allow', '*', 'Internet'),
  defaultRule('DenyAllOutBound', 65500, 'Outbound', 'Deny', '*', '*'),
];

/** Tags inside the virtual network; every other service tag is public address space. */
const PRIVATE_TAGS: ReadonlySet<string> = new Set(['virtualnetwork', 'azureloadbalancer']);
const ANY_ADDRESS: ReadonlySet<string> = new Set(['*', 'any', '0.0.0.0/0']);
const IP_OR_CIDR = /^[0-9a-f:.]+(\/[0-9]{1,3})?$/i;

export interface AddressMatch {
  matches: boolean;
  /** The match rests on an IP range we take to be the compute subnet. */
  assumed?: string;
}

/**
 * Whether a rule's prefixes cover a service tag. `Storage` covers `Storage.westeurope`; `Internet`
 * covers the public tags (Azure's public addresses are part of it). A rule naming IP ranges is not
 * taken to cover a tag, since tags' addresses change.
 */
function coversTag(prefixes: readonly string[], tag: string): boolean {
  const t = tag.toLowerCase();
  return prefixes.some((p) => {
    const q = p.toLowerCase();
    if (ANY_ADDRESS.has(q) || q === t || t.startsWith(`${q}.`)) return true;
    return q === 'internet' && !PRIVATE_TAGS.has(t);
  });
}

/** Whether a rule's prefixes cover the compute subnet (our side of every flow). */
function coversSubnet(prefixes: readonly string[]): AddressMatch {
  if (coversTag(prefixes, LOCAL_ADDRESS)) return { matches: true };
  const range = prefixes.find((p) => IP_OR_CIDR.test(p));
  return range ? { matches: true, assumed: range } : { matches: false };
}

/** Flow protocols as the evaluation splits them: "any" means both TCP and UDP must pass. */
type PacketProtocol = 'Tcp' | 'Udp';
const PACKET_PROTOCOLS: Record<RuleProtocol, PacketProtocol[]> = {
  Tcp: ['Tcp'],
  Udp: ['Udp'],
  '*': ['Tcp', 'Udp'],
};

function subtract(ranges: readonly PortRange[], cut: PortRange): PortRange[] {
  return ranges.flatMap((r) => {
    if (cut.to < r.from || cut.from > r.to) return [r];
    const left = cut.from > r.from ? [{ from: r.from, to: cut.from - 1 }] : [];
    const right = cut.to < r.to ? [{ from: cut.to + 1, to: r.to }] : [];
    return [...left, ...right];
  });
}

function intersect(ranges: readonly PortRange[], cuts: readonly PortRange[]): PortRange[] {
  return ranges.flatMap((r) =>
    cuts.flatMap((c) => {
      const from = Math.max(r.from, c.from);
      const to = Math.min(r.to, c.to);
      return from <= to ? [{ from, to }] : [];
    }),
  );
}

export function formatRanges(ranges: readonly PortRange[]): string {
  return ranges.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(', ');
}

export interface Decision {
  rule: NsgRule;
  protocol: PacketProtocol;
  ports: PortRange[];
  assumed?: string;
}

export type Verdict = 'allowed' | 'blocked' | 'default';

export interface FlowVerdict {
  /** The rule the plan needs, as the exporter would write it. */
  flow: ExportRule;
  verdict: Verdict;
  decisions: Decision[];
}

function ruleMatches(rule: NsgRule, flow: ExportRule): AddressMatch {
  // The flow's source port is an ephemeral one: only a rule open to every source port matches it.
  const anySourcePort = rule.sourcePorts.some((r) => r.from <= 1 && r.to >= 65535);
  if (!anySourcePort) return { matches: false };
  const inbound = flow.direction === 'Inbound';
  const local = inbound ? rule.destinations : rule.sources;
  const remote = inbound ? rule.sources : rule.destinations;
  const localAsg = inbound ? rule.destinationAsgs : rule.sourceAsgs;
  const remoteAsg = inbound ? rule.sourceAsgs : rule.destinationAsgs;
  if (localAsg || remoteAsg) return { matches: false };
  if (!coversTag(remote, flow.remote)) return { matches: false };
  return coversSubnet(local);
}

function protocolMatches(rule: NsgProtocol, packet: PacketProtocol): boolean {
  return rule === '*' || rule === packet;
}

/** Custom rules of one direction by priority, then the defaults. */
export function rulesInOrder(rules: readonly NsgRule[], direction: NsgDirection): NsgRule[] {
  return [
    ...rules
      .filter((r) => r.direction === direction && !r.isDefault)
      .sort((a, b) => a.priority - b.priority),
    ...DEFAULT_RULES.filter((r) => r.direction === direction),
  ];
}

export function evaluateFlow(rules: readonly NsgRule[], flow: ExportRule): FlowVerdict {
  const remaining = new Map<PacketProtocol, PortRange[]>(
    PACKET_PROTOCOLS[flow.protocol].map((p) => [p, flow.ports.map(parsePortRange)]),
  );
  const decisions: Decision[] = [];
  for (const rule of rulesInOrder(rules, flow.direction)) {
    const match = ruleMatches(rule, flow);
    if (!match.matches) continue;
    for (const [protocol, ranges] of remaining) {
      if (!protocolMatches(rule.protocol, protocol)) continue;
      const hit = intersect(ranges, rule.destinationPorts);
      if (hit.length === 0) continue;
      decisions.push({ rule, protocol, ports: hit, assumed: match.assumed });
      remaining.set(
        protocol,
        rule.destinationPorts.reduce((left, cut) => subtract(left, cut), ranges),
      );
    }
    if ([...remaining.values()].every((r) => r.length === 0)) break;
  }
  const verdict: Verdict = decisions.some((d) => d.rule.access === 'Deny')
    ? 'blocked'
    : decisions.every((d) => !d.rule.isDefault)
      ? 'allowed'
      : 'default';
  return { flow, verdict, decisions };
}

export interface FixPlan {
  /** New allow rules with the priority each can take. */
  rules: ExportRule[];
  /** Flows no free priority can fix: a custom deny sits at the lowest numbers. */
  stuck: { flow: ExportRule; blocker: NsgRule }[];
}

/**
 * Allow rules for every flow that is not allowed by a custom rule, each numbered into the lowest
 * free priority from `start` that still comes before the deny that blocks it.
 */
export function fixFor(
  rules: readonly NsgRule[],
  verdicts: readonly FlowVerdict[],
  start = MIN_PRIORITY,
): FixPlan {
  const used: Record<NsgDirection, Set<number>> = { Inbound: new Set(), Outbound: new Set() };
  const names = new Set(rules.map((r) => r.name.toLowerCase()));
  for (const r of rules) if (!r.isDefault) used[r.direction].add(r.priority);
  const fix: FixPlan = { rules: [], stuck: [] };
  for (const v of verdicts) {
    if (v.verdict === 'allowed') continue;
    const blocker = v.decisions.find((d) => d.rule.access === 'Deny' && !d.rule.isDefault)?.rule;
    const limit = blocker ? blocker.priority - 1 : MAX_PRIORITY;
    const taken = used[v.flow.direction];
    let priority = Math.max(start, MIN_PRIORITY);
    while (priority <= limit && taken.has(priority)) priority++;
    if (priority > limit) {
      fix.stuck.push({ flow: v.flow, blocker: blocker! });
      continue;
    }
    taken.add(priority);
    let name = v.flow.name;
    for (let n = 2; names.has(name.toLowerCase()); n++) name = `${v.flow.name}-${n}`;
    names.add(name.toLowerCase());
    fix.rules.push({ ...v.flow, name, priority });
  }
  return fix;
}
