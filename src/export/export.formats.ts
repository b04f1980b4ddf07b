// The plan as text a tool runs: az CLI lines for an NSG or an Azure Firewall, a Bicep securityRules
// array, Terraform resources, or CSV. Each format is a pure function of the same rule set.
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { Plan } from '../knowledge/plan.query';
import {
  DEFAULT_EXPORT_OPTIONS,
  MAX_PRIORITY,
  MIN_PRIORITY,
  endsOf,
  placeholdersIn,
  rulesFromPlan,
  type ExportOptions,
  type ExportRule,
  type Placeholder,
  type RuleSet,
} from './export.rules';

export const ExportFormat = z.enum(['az-nsg', 'az-firewall', 'bicep', 'terraform', 'csv']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  'az-nsg': 'Azure CLI: NSG rules',
  'az-firewall': 'Azure CLI: Azure Firewall rules',
  bicep: 'Bicep securityRules',
  terraform: 'Terraform',
  csv: 'CSV',
};

const FILE_NAMES: Record<ExportFormat, string> = {
  'az-nsg': 'aml-nsg-rules.sh',
  'az-firewall': 'aml-firewall-rules.sh',
  bicep: 'aml-security-rules.bicep',
  terraform: 'aml-security-rules.tf',
  csv: 'aml-network-rules.csv',
};

export interface ExportResult {
  format: ExportFormat;
  label: string;
  fileName: string;
  text: string;
  /** Values the user still has to fill in, found in the text. */
  placeholders: Placeholder[];
  /** What the text leaves out and why (host names in an NSG, settings, inbound on a firewall). */
  notes: string[];
}

export class ExportError extends Error {}

/** A shell word: bare when it is safe, single-quoted otherwise (placeholders, `*`, spaces). */
export function shellWord(value: string): string {
  return /^[A-Za-z0-9_./=:@+-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

function command(words: readonly (string | readonly string[])[]): string {
  return words.map((w) => (typeof w === 'string' ? w : w.map(shellWord).join(' '))).join(' ');
}

const nsgRules = (set: RuleSet) => set.rules.filter((r) => r.kind === 'service-tag');
const hostRules = (set: RuleSet) => set.rules.filter((r) => r.kind === 'fqdn');

function nsgNotes(set: RuleSet): string[] {
  const hosts = hostRules(set);
  const notes: string[] = [];
  if (hosts.length > 0) {
    notes.push(
      `${hosts.length} host-name rule${hosts.length === 1 ? '' : 's'} cannot go in an NSG (it filters by address and service tag): use the Azure Firewall format for ${hosts.length === 1 ? 'it' : 'them'}.`,
    );
  }
  return [...notes, ...settingNotes(set)];
}

function settingNotes(set: RuleSet): string[] {
  return set.settings.map(
    (s) => `"${s}" is a setting, not a network rule: the plan's steps say how to set it.`,
  );
}

function checkPriorities(rules: readonly ExportRule[]): void {
  const high = rules.find((r) => r.priority !== undefined && r.priority > MAX_PRIORITY);
  if (high) {
    throw new ExportError(
      `Rule ${high.name} would get priority ${high.priority}, above the NSG maximum ${MAX_PRIORITY}: choose a lower start or a smaller step.`,
    );
  }
}

/** Where NSG rules go; placeholders unless the caller knows them (e.g. from a pasted NSG). */
export interface NsgTarget {
  resourceGroup?: string;
  nsgName?: string;
}

export function azNsgLines(rules: readonly ExportRule[], target: NsgTarget = {}): string[] {
  return rules.map((r) => {
    const { source, destination } = endsOf(r);
    return command([
      'az network nsg rule create',
      [
        '--resource-group',
        target.resourceGroup ?? '<resource-group>',
        '--nsg-name',
        target.nsgName ?? '<nsg-name>',
      ],
      ['--name', r.name, '--priority', String(r.priority)],
      ['--direction', r.direction, '--access', r.access, '--protocol', r.protocol],
      ['--source-address-prefixes', source, '--source-port-ranges', '*'],
      ['--destination-address-prefixes', destination],
      ['--destination-port-ranges', ...r.ports],
      ['--description', r.description],
    ]);
  });
}

function azNsg(set: RuleSet, heading: string): string {
  const rules = nsgRules(set);
  return [
    `# ${heading}`,
    '# Network security group rules (az network nsg rule create), one per line.',
    ...nsgNotes(set).map((n) => `# ${n}`),
    '',
    ...azNsgLines(rules),
    '',
  ].join('\n');
}

const FIREWALL_PROTOCOLS: Record<ExportRule['protocol'], string> = {
  Tcp: 'TCP',
  Udp: 'UDP',
  '*': 'Any',
};

/** Host names reach a firewall's application rules only over HTTP(S) on 80 and 443. */
function isWebRule(rule: ExportRule): boolean {
  return rule.protocol === 'Tcp' && rule.ports.every((p) => p === '80' || p === '443');
}

const NETWORK_COLLECTION = 'aml-network';
const APPLICATION_COLLECTION = 'aml-application';

function azFirewall(set: RuleSet, heading: string, options: ExportOptions): string {
  const outbound = set.rules.filter((r) => r.direction === 'Outbound');
  const inbound = set.rules.filter((r) => r.direction === 'Inbound');
  const firewall = ['--resource-group', '<resource-group>', '--firewall-name', '<firewall-name>'];
  const source = ['--source-addresses', '<compute-subnet-prefix>'];
  // The first rule of a collection creates it, with its priority and action.
  const opened = new Set<string>();
  const collection = (name: string, priority: number) => {
    if (opened.has(name)) return ['--collection-name', name];
    opened.add(name);
    return ['--collection-name', name, '--priority', String(priority), '--action', 'Allow'];
  };
  const network = (r: ExportRule, destination: string[]) =>
    command([
      'az network firewall network-rule create',
      firewall,
      collection(NETWORK_COLLECTION, options.start),
      ['--name', r.name, '--protocols', FIREWALL_PROTOCOLS[r.protocol]],
      source,
      destination,
      ['--destination-ports', ...r.ports],
      ['--description', r.description],
    ]);
  const lines: string[] = [];
  for (const r of outbound) {
    if (r.kind === 'service-tag') {
      lines.push(network(r, ['--destination-addresses', r.remote]));
    } else if (isWebRule(r)) {
      lines.push(
        command([
          'az network firewall application-rule create',
          firewall,
          collection(APPLICATION_COLLECTION, options.start + options.step),
          ['--name', r.name],
          ['--protocols', ...r.ports.map((p) => (p === '80' ? 'Http=80' : 'Https=443'))],
          source,
          ['--target-fqdns', r.remote],
          ['--description', r.description],
        ]),
      );
    } else {
      lines.push(
        `# ${r.remote} on ${r.protocol === '*' ? 'any protocol' : r.protocol.toUpperCase()} ${r.ports.join(', ')} is not web traffic: a network rule with a host name needs DNS proxy on the firewall (or use the addresses behind it).`,
        network(r, ['--destination-fqdns', r.remote]),
      );
    }
  }
  const notes = [
    ...(inbound.length > 0
      ? [
          `Inbound rules (${inbound.map((r) => `${r.remote} ${r.ports.join(', ')}`).join('; ')}) belong on the compute subnet's NSG, not on the firewall: use the NSG format for them.`,
        ]
      : []),
    ...settingNotes(set),
  ];
  return [
    `# ${heading}`,
    '# Azure Firewall (classic rules): network rules for service tags and non-web ports,',
    '# application rules for host names on 80/443.',
    ...notes.map((n) => `# ${n}`),
    '',
    ...lines,
    '',
  ].join('\n');
}

function bicepString(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('${', '\\${')}'`;
}

function bicepPorts(ports: readonly string[], indent: string): string[] {
  if (ports.length === 1) return [`${indent}destinationPortRange: ${bicepString(ports[0]!)}`];
  return [
    `${indent}destinationPortRanges: [`,
    ...ports.map((p) => `${indent}  ${bicepString(p)}`),
    `${indent}]`,
  ];
}

function bicep(set: RuleSet, heading: string): string {
  const rules = nsgRules(set).flatMap((r) => {
    const { source, destination } = endsOf(r);
    const p = '      ';
    return [
      '  {',
      `    name: ${bicepString(r.name)}`,
      '    properties: {',
      `${p}description: ${bicepString(r.description)}`,
      `${p}priority: ${r.priority}`,
      `${p}direction: ${bicepString(r.direction)}`,
      `${p}access: ${bicepString(r.access)}`,
      `${p}protocol: ${bicepString(r.protocol)}`,
      `${p}sourceAddressPrefix: ${bicepString(source)}`,
      `${p}sourcePortRange: '*'`,
      `${p}destinationAddressPrefix: ${bicepString(destination)}`,
      ...bicepPorts(r.ports, p),
      '    }',
      '  }',
    ];
  });
  return [
    `// ${heading}`,
    '// The securityRules property of a Microsoft.Network/networkSecurityGroups resource.',
    ...nsgNotes(set).map((n) => `// ${n}`),
    'securityRules: [',
    ...rules,
    ']',
    '',
  ].join('\n');
}

function hclString(value: string): string {
  const escaped = value
    .replaceAll('\\', '\\\\')
    .replaceAll('"', '\\"')
    .replaceAll('${', '$${')
    .replaceAll('%{', '%%{');
  return `"${escaped}"`;
}

function terraform(set: RuleSet, heading: string): string {
  const blocks = nsgRules(set).map((r) => {
    const { source, destination } = endsOf(r);
    const ports =
      r.ports.length === 1
        ? ['destination_port_range', hclString(r.ports[0]!)]
        : ['destination_port_ranges', `[${r.ports.map(hclString).join(', ')}]`];
    const fields: [string, string][] = [
      ['name', hclString(r.name)],
      ['priority', String(r.priority)],
      ['direction', hclString(r.direction)],
      ['access', hclString(r.access)],
      ['protocol', hclString(r.protocol)],
      ['source_port_range', '"*"'],
      [ports[0]!, ports[1]!],
      ['source_address_prefix', hclString(source)],
      ['destination_address_prefix', hclString(destination)],
      ['resource_group_name', hclString('<resource-group>')],
      ['network_security_group_name', hclString('<nsg-name>')],
      ['description', hclString(r.description)],
    ];
    const width = Math.max(...fields.map(([k]) => k.length));
    return [
      `resource "azurerm_network_security_rule" ${hclString(r.name.replace(/[^a-zA-Z0-9_-]/g, '_'))} {`,
      ...fields.map(([k, v]) => `  ${k.padEnd(width)} = ${v}`),
      '}',
    ].join('\n');
  });
  return [
    `# ${heading}`,
    "# azurerm_network_security_rule resources for the compute subnet's NSG.",
    ...nsgNotes(set).map((n) => `# ${n}`),
    '',
    blocks.join('\n\n'),
    '',
  ].join('\n');
}

export const CSV_COLUMNS = [
  'name',
  'priority',
  'direction',
  'access',
  'protocol',
  'kind',
  'source',
  'destination',
  'destinationPorts',
  'description',
] as const;

function csv(set: RuleSet): string {
  return stringify(
    set.rules.map((r) => {
      const { source, destination } = endsOf(r);
      return {
        name: r.name,
        priority: r.priority === undefined ? '' : String(r.priority),
        direction: r.direction,
        access: r.access,
        protocol: r.protocol,
        kind: r.kind,
        source,
        destination,
        destinationPorts: r.ports.join(' '),
        description: r.description,
      };
    }),
    { header: true, columns: [...CSV_COLUMNS], record_delimiter: 'unix' },
  );
}

/** One line saying what the text is for, e.g. "Rules for Compute instance and compute cluster in westeurope". */
export function exportHeading(plan: Plan): string {
  const names = plan.scenarios.map((s) => s.title).join(', ');
  return `AML network rules for: ${names}; region ${plan.region ?? '<region>'}.`;
}

export function exportRules(
  set: RuleSet,
  format: ExportFormat,
  heading: string,
  options: ExportOptions = DEFAULT_EXPORT_OPTIONS,
): ExportResult {
  checkPriorities(set.rules);
  let text: string;
  let notes: string[];
  switch (format) {
    case 'az-nsg':
      text = azNsg(set, heading);
      notes = nsgNotes(set);
      break;
    case 'az-firewall':
      text = azFirewall(set, heading, options);
      notes = settingNotes(set);
      break;
    case 'bicep':
      text = bicep(set, heading);
      notes = nsgNotes(set);
      break;
    case 'terraform':
      text = terraform(set, heading);
      notes = nsgNotes(set);
      break;
    case 'csv':
      text = csv(set);
      notes = settingNotes(set);
      break;
  }
  return {
    format,
    label: FORMAT_LABELS[format],
    fileName: FILE_NAMES[format],
    text,
    placeholders: placeholdersIn(text),
    notes,
  };
}

export const ExportOptionsInput = z
  .object({
    start: z.coerce
      .number({ error: 'expected the first priority as a number, e.g. 100' })
      .int('expected a whole number')
      .min(MIN_PRIORITY, `expected a priority from ${MIN_PRIORITY} to ${MAX_PRIORITY}`)
      .max(MAX_PRIORITY, `expected a priority from ${MIN_PRIORITY} to ${MAX_PRIORITY}`)
      .default(DEFAULT_EXPORT_OPTIONS.start),
    step: z.coerce
      .number({ error: 'expected the step between priorities as a number, e.g. 10' })
      .int('expected a whole number')
      .min(1, 'expected a step from 1 to 100')
      .max(100, 'expected a step from 1 to 100')
      .default(DEFAULT_EXPORT_OPTIONS.step),
  })
  .strict();

export function exportPlan(
  plan: Plan,
  format: ExportFormat,
  options: ExportOptions = DEFAULT_EXPORT_OPTIONS,
): ExportResult {
  return exportRules(rulesFromPlan(plan, options), format, exportHeading(plan), options);
}
