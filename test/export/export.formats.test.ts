import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { loadKnowledge, planFor, Situation, type SituationInput } from '../../src/knowledge';
import {
  CSV_COLUMNS,
  ExportError,
  ExportFormat,
  exportPlan,
  exportRules,
} from '../../src/export/export.formats';
import { endsOf, rulesFromPlan, type ExportRule } from '../../src/export/export.rules';
import { readBicep } from '../../src/export/bicep.reader';
import { shellWords } from './shell-words';

const k = loadKnowledge();
const GOLDEN = join(__dirname, '__golden__');
const EXTENSIONS: Record<ExportFormat, string> = {
  'az-nsg': 'nsg.sh',
  'az-firewall': 'firewall.sh',
  bicep: 'bicep',
  terraform: 'tf',
  csv: 'csv',
};

/** Two situations: tags with a region and inbound rules, and host names without a region. */
const CASES: Record<string, SituationInput> = {
  'compute-studio-westeurope': {
    scenarios: ['compute', 'studio'],
    region: 'westeurope',
    computePublicIp: true,
  },
  'aks-compute-no-region': { scenarios: ['aks', 'compute'], egress: 'firewall-no-tags' },
};

const plan = (input: SituationInput) => planFor(k, Situation.parse(input));

describe('each format against its golden file', () => {
  const table = Object.keys(CASES).flatMap((name) =>
    ExportFormat.options.map((format) => [name, format] as const),
  );
  test.each(table)('%s as %s', (name, format) => {
    const text = exportPlan(plan(CASES[name]!), format).text;
    const file = join(GOLDEN, `${name}.${EXTENSIONS[format]}`);
    // UPDATE_GOLDEN=1 rewrites the files after a deliberate change; review them in the diff.
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, text);
    expect(text).toBe(readFileSync(file, 'utf8'));
  });
});

describe('what every export says about the plan', () => {
  test('the region is filled in and no <region> placeholder is left', () => {
    const result = exportPlan(plan(CASES['compute-studio-westeurope']!), 'az-nsg');
    expect(result.text).toContain('Storage.westeurope');
    expect(result.placeholders.map((p) => p.token)).toEqual(['<resource-group>', '<nsg-name>']);
  });

  test('values the user has not given are placeholders, each listed with its meaning', () => {
    const result = exportPlan(plan(CASES['aks-compute-no-region']!), 'az-firewall');
    const tokens = result.placeholders.map((p) => p.token);
    expect(tokens).toEqual(
      expect.arrayContaining([
        '<region>',
        '<storage>',
        '<acr>',
        '<workspace-id>',
        '<firewall-name>',
        '<compute-subnet-prefix>',
      ]),
    );
    for (const p of result.placeholders) expect(p.meaning.length).toBeGreaterThan(10);
  });

  test('host names are left out of an NSG, and the output says so', () => {
    const studio = plan({
      scenarios: ['studio'],
      region: 'westeurope',
      egress: 'firewall-no-tags',
    });
    expect(studio.rules.map((r) => r.endpoint)).toContain('ml.azure.com');
    const result = exportPlan(studio, 'terraform');
    expect(result.text).not.toContain('"ml.azure.com"');
    expect(result.notes[0]).toMatch(/host-name rules? cannot go in an NSG/);
  });

  test('priorities start where asked and step as asked, per direction', () => {
    const { rules } = rulesFromPlan(plan(CASES['compute-studio-westeurope']!), {
      start: 300,
      step: 5,
    });
    const priorities = (direction: string) =>
      rules.filter((r) => r.direction === direction && r.priority).map((r) => r.priority);
    expect(priorities('Inbound')[0]).toBe(300);
    expect(priorities('Outbound').slice(0, 3)).toEqual([300, 305, 310]);
  });

  test('priorities past the NSG maximum are refused with what to change', () => {
    const set = rulesFromPlan(plan(CASES['compute-studio-westeurope']!), {
      start: 4000,
      step: 100,
    });
    expect(() => exportRules(set, 'az-nsg', 'x')).toThrow(ExportError);
    expect(() => exportRules(set, 'az-nsg', 'x')).toThrow(/choose a lower start/);
  });

  test('rule names are unique and fit an NSG rule name', () => {
    const { rules } = rulesFromPlan(plan({ scenarios: ['compute', 'studio', 'aks'] }));
    const names = rules.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9][a-z0-9._-]{0,78}[a-z0-9_]$/);
  });
});

/** The NSG rules an export should contain, as the parsers below should read them back. */
function nsgFields(rules: readonly ExportRule[]) {
  return rules
    .filter((r) => r.kind === 'service-tag')
    .map((r) => ({
      name: r.name,
      priority: r.priority,
      direction: r.direction,
      protocol: r.protocol,
      ...endsOf(r),
      ports: r.ports,
    }));
}

function byName<T extends { name?: unknown }>(list: T[]): T[] {
  return [...list].sort((a, b) => String(a.name).localeCompare(String(b.name)));
}

describe.each(Object.keys(CASES))('the %s export reads back to the same rules', (name) => {
  const p = plan(CASES[name]!);
  const { rules } = rulesFromPlan(p);

  test('CSV parses back to the plan (csv-parse)', () => {
    const records = parseCsv(exportPlan(p, 'csv').text, { columns: true }) as Record<
      string,
      string
    >[];
    expect(Object.keys(records[0]!)).toEqual([...CSV_COLUMNS]);
    const back = records.map((r) => ({
      name: r.name,
      direction: r.direction,
      access: r.access,
      protocol: r.protocol,
      kind: r.kind,
      remote: r.direction === 'Inbound' ? r.source : r.destination,
      ports: r.destinationPorts!.split(' '),
      description: r.description,
      ...(r.priority ? { priority: Number(r.priority) } : {}),
    }));
    expect(back).toEqual(rules);
  });

  test('Terraform parses with a real HCL parser (@cdktf/hcl2json)', async () => {
    const json = (await parseHcl('main.tf', exportPlan(p, 'terraform').text)) as {
      resource?: { azurerm_network_security_rule: Record<string, Record<string, unknown>[]> };
    };
    // The parser returns resources keyed by label, in its own order.
    const resources = byName(
      Object.values(json.resource?.azurerm_network_security_rule ?? {}).map((list) => list[0]!),
    );
    expect(
      resources.map((r) => ({
        name: r.name,
        priority: r.priority,
        direction: r.direction,
        protocol: r.protocol,
        source: r.source_address_prefix,
        destination: r.destination_address_prefix,
        ports: r.destination_port_ranges ?? [r.destination_port_range],
      })),
    ).toEqual(byName(nsgFields(rules)));
    for (const r of resources) expect(r.resource_group_name).toBe('<resource-group>');
  });

  test('Bicep reads back through the exporter’s own reader', () => {
    const read = readBicep(exportPlan(p, 'bicep').text);
    const BicepRule = z.object({
      name: z.string(),
      properties: z.object({
        priority: z.number(),
        direction: z.string(),
        protocol: z.string(),
        sourceAddressPrefix: z.string(),
        destinationAddressPrefix: z.string(),
        destinationPortRange: z.string().optional(),
        destinationPortRanges: z.array(z.string()).optional(),
      }),
    });
    const back = z
      .array(BicepRule)
      .parse(read.securityRules)
      .map(({ name, properties: r }) => ({
        name,
        priority: r.priority,
        direction: r.direction,
        protocol: r.protocol,
        source: r.sourceAddressPrefix,
        destination: r.destinationAddressPrefix,
        ports: r.destinationPortRanges ?? [r.destinationPortRange],
      }));
    expect(back).toEqual(nsgFields(rules));
  });
});

const AzCommand = z.object({
  required: z.array(z.string()),
  optional: z.array(z.string()),
  values: z.record(z.string(), z.array(z.string())).default({}),
  patterns: z.record(z.string(), z.string()).default({}),
  integers: z.record(z.string(), z.tuple([z.number(), z.number()])).default({}),
});
const AZ = z
  .object({ commands: z.record(z.string(), AzCommand) })
  .parse(JSON.parse(readFileSync(join(__dirname, '__fixtures__', 'az-arguments.json'), 'utf8')));

/** The command's name (its first words before an argument) and its arguments with their values. */
function readAzLine(line: string): { name: string; args: Map<string, string[]> } {
  const words = shellWords(line);
  const first = words.findIndex((w) => w.startsWith('--'));
  const args = new Map<string, string[]>();
  let current = '';
  for (const w of words.slice(first)) {
    if (w.startsWith('--')) {
      expect(args.has(w)).toBe(false);
      args.set((current = w), []);
    } else args.get(current)!.push(w);
  }
  return { name: words.slice(0, first).join(' '), args };
}

describe.each(Object.keys(CASES))('the %s az lines use only documented arguments', (name) => {
  const lines = (['az-nsg', 'az-firewall'] as const).flatMap((format) =>
    exportPlan(plan(CASES[name]!), format)
      .text.split('\n')
      .filter((l) => l.startsWith('az ')),
  );

  test('there are commands to check', () => expect(lines.length).toBeGreaterThan(5));

  test.each(lines.map((l) => [l.slice(0, 90), l]))('%s…', (_, line) => {
    const { name: command, args } = readAzLine(line);
    const doc = AZ.commands[command];
    expect(doc).toBeDefined();
    for (const arg of args.keys()) expect([...doc!.required, ...doc!.optional]).toContain(arg);
    const collectionExists = command.includes('firewall') && !args.has('--priority');
    for (const arg of doc!.required) {
      // A firewall rule added to a collection made by an earlier line needs no priority again.
      if (!(collectionExists && arg === '--priority')) expect(args.has(arg)).toBe(true);
    }
    for (const [arg, values] of args) {
      expect(values.length).toBeGreaterThan(0);
      for (const v of values) {
        if (doc!.values[arg]) expect(doc!.values[arg]).toContain(v);
        if (doc!.patterns[arg]) expect(v).toMatch(new RegExp(doc!.patterns[arg]!));
        const range = doc!.integers[arg];
        if (range) expect(Number(v)).toBeGreaterThanOrEqual(range[0]);
        if (range) expect(Number(v)).toBeLessThanOrEqual(range[1]);
      }
    }
  });
});
