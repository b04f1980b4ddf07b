// Runs the built command (dist/src/cli/main.js) as a real process, as `npx aml-network-guide` does.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { projectPath } from '../../src/paths';

const BIN = projectPath('dist', 'src', 'cli', 'main.js');
const NSG = projectPath('test', 'nsg-check', '__fixtures__', 'nsg-show.json');

function run(args: string[], input?: string) {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build" first`);
  const result = spawnSync(BIN, args, {
    input,
    encoding: 'utf8',
    timeout: 20_000,
    env: { PATH: process.env.PATH },
    cwd: tmpdir(),
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'aml-cli-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('aml-network-guide plan', () => {
  test('prints Bicep for compute and studio in westeurope', () => {
    const { code, out, err } = run([
      'plan',
      '--scenario',
      'compute',
      '--scenario',
      'studio',
      '--region',
      'westeurope',
      '--public-package-feeds',
      '--format',
      'bicep',
    ]);
    expect(code).toBe(0);
    expect(out).toMatch(/^securityRules: \[$/m);
    expect(out).toContain("destinationAddressPrefix: 'Storage.westeurope'");
    expect(err).toContain('host-name rules cannot go in an NSG');
  });

  test.each([
    ['az-nsg', /^az network nsg rule create /m],
    ['az-firewall', /^az network firewall network-rule create /m],
    ['terraform', /^resource "azurerm_network_security_rule"/m],
    ['csv', /^name,priority,direction/],
  ])('prints %s', (format, start) => {
    const { code, out } = run(['plan', '--scenario', 'compute', '--format', format]);
    expect(code).toBe(0);
    expect(out).toMatch(start);
  });

  test('writes Terraform to a file that a real HCL parser reads, priorities from --start', async () => {
    const file = join(dir, 'rules.tf');
    const { code, err } = run([
      'plan',
      '--scenario',
      'compute',
      '--region',
      'westeurope',
      '--format',
      'terraform',
      '--start',
      '500',
      '--output',
      file,
    ]);
    expect(code).toBe(0);
    expect(err).toContain(`Wrote Terraform to ${file}`);
    const json = (await parseHcl('rules.tf', readFileSync(file, 'utf8'))) as {
      resource: { azurerm_network_security_rule: Record<string, { priority: number }[]> };
    };
    const priorities = Object.values(json.resource.azurerm_network_security_rule).map(
      (r) => r[0]!.priority,
    );
    expect(Math.min(...priorities)).toBe(500);
  });

  test('without a region it says which placeholders to replace', () => {
    const { code, err } = run(['plan', '--scenario', 'aks', '--format', 'az-firewall']);
    expect(code).toBe(0);
    expect(err).toMatch(/Replace before use: .*<region> \(the region of your compute/);
  });
});

describe('aml-network-guide check-nsg', () => {
  test('a blocked required flow exits 1 with a verdict per flow and the fix', () => {
    const { code, out } = run([
      'check-nsg',
      NSG,
      '--scenario',
      'compute',
      '--region',
      'westeurope',
      '--compute-public-ip',
    ]);
    expect(code).toBe(1);
    expect(out).toMatch(/^Allowed +Inbound from AzureMachineLearning, TCP 44224$/m);
    expect(out).toMatch(/^Blocked +Outbound to AzureMachineLearning, UDP 5831$/m);
    expect(out).toContain('Blocked by DenyInternet (priority 4000).');
    expect(out).toMatch(
      /^az network nsg rule create --resource-group ml-rg --nsg-name ml-compute-nsg /m,
    );
  });

  test('an NSG that allows every flow exits 0, read from standard input', () => {
    const rule = (
      name: string,
      priority: number,
      direction: string,
      source: string,
      dest: string,
    ) => ({
      name,
      priority,
      direction,
      access: 'Allow',
      protocol: '*',
      sourceAddressPrefix: source,
      sourcePortRange: '*',
      destinationAddressPrefix: dest,
      destinationPortRange: '*',
    });
    const open = JSON.stringify([
      rule('in', 100, 'Inbound', 'AzureMachineLearning', 'VirtualNetwork'),
      rule('out', 100, 'Outbound', 'VirtualNetwork', '*'),
    ]);
    const { code, out } = run(['check-nsg', '-', '--scenario', 'studio'], open);
    expect(code).toBe(0);
    expect(out).toContain('Every required flow is allowed by a rule of its own.');
  });

  test.each([
    [['check-nsg', '--scenario', 'compute'], /expected the NSG JSON file/],
    [
      ['check-nsg', 'missing.json', '--scenario', 'compute'],
      /cannot read missing\.json: no such file/,
    ],
    [['plan', '--scenario', 'computer'], /--scenario: expected one of studio, .*got "computer"/],
    [['plan'], /--scenario: expected --scenario with one of/],
    [
      ['plan', '--scenario', 'compute', '--start', 'ten'],
      /--start: expected the first priority as a number/,
    ],
    [['plan', '--scenario', 'compute', '--format', 'yaml'], /--format: expected one of az-nsg, /],
    [['plan', '--scenario', 'compute', '--colour'], /Unknown option '--colour'/],
    [['deploy'], /unknown command "deploy": expected plan or check-nsg/],
  ])('%j is refused with exit 2 and says what is wrong', (args, message) => {
    const { code, err } = run(args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).toContain('--help');
  });

  test('a file that is not NSG JSON gets the path of the problem', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ securityRules: [{ name: 'x', priority: 'high' }] }));
    const { code, err } = run(['check-nsg', file, '--scenario', 'compute']);
    expect(code).toBe(2);
    expect(err).toContain('securityRules[0].priority: expected the priority as a number');
  });
});

test('--help documents both commands, every option and every format', () => {
  const { code, out } = run(['--help']);
  expect(code).toBe(0);
  for (const word of [
    'plan',
    'check-nsg',
    '--scenario',
    '--region',
    '--compute-public-ip',
    '--egress',
    '--format',
    '--start',
    '--step',
    '--output',
    'az-nsg',
    'az-firewall',
    'bicep',
    'terraform',
    'csv',
    'Exit code',
  ]) {
    expect(out).toContain(word);
  }
});
