import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge, planFor, Situation } from '../../src/knowledge';
import { checkNsg, flowLabel, reportText } from '../../src/nsg-check/nsg.check';
import { MAX_NSG_JSON_CHARS, parseNsgJson } from '../../src/nsg-check/nsg.schema';

const k = loadKnowledge();
const computePlan = planFor(
  k,
  Situation.parse({
    scenarios: ['compute'],
    region: 'westeurope',
    computePublicIp: true,
    rstudio: true,
  }),
);
const pasted = readFileSync(join(__dirname, '__fixtures__', 'nsg-show.json'), 'utf8');

function parsed(text: string) {
  const result = parseNsgJson(text);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('a pasted az network nsg show, checked against the compute plan', () => {
  const report = checkNsg(computePlan, parsed(pasted));
  const verdictOf = (label: string) =>
    report.verdicts.find((v) => flowLabel(v.flow) === label)?.verdict;

  test('every required service-tag flow gets a verdict', () => {
    expect(report.nsgName).toBe('ml-compute-nsg');
    expect(report.verdicts.length).toBe(
      computePlan.rules.filter((r) => r.endpointKind === 'service-tag').length,
    );
  });

  test.each([
    ['Inbound from AzureMachineLearning, TCP 44224', 'allowed'],
    ['Outbound to Storage.westeurope, TCP 445', 'allowed'],
    ['Outbound to AzureMachineLearning, TCP 8787', 'allowed'],
    ['Outbound to AzureMachineLearning, UDP 5831', 'blocked'],
    ['Outbound to MicrosoftContainerRegistry, TCP 443', 'blocked'],
    ['Outbound to VirtualNetwork, TCP 443', 'default'],
  ])('%s is %s', (label, verdict) => expect(verdictOf(label)).toBe(verdict));

  test('a blocked flow makes the report fail, for the exit code', () => {
    expect(report.blocked).toBe(true);
  });

  test('it ends with commands for the missing rules, numbered into free priorities', () => {
    expect(report.commands.length).toBe(
      report.verdicts.filter((v) => v.verdict !== 'allowed').length,
    );
    const priorities = report.commands.map((c) => Number(/--priority (\d+)/.exec(c)![1]));
    // 100, 110 and 120 are taken outbound; the new rules must come before DenyInternet (4000).
    expect(priorities[0]).toBe(101);
    for (const p of priorities) expect([100, 110, 120]).not.toContain(p);
    for (const p of priorities) expect(p).toBeLessThan(4000);
    expect(reportText(report)).toContain('To add the missing rules:');
    // The pasted NSG names itself and its resource group, so the commands need no placeholders.
    expect(report.commands[0]).toContain('--resource-group ml-rg --nsg-name ml-compute-nsg');
  });

  test('host-name rules are listed as not checkable in an NSG', () => {
    const firewallPlan = planFor(
      k,
      Situation.parse({ scenarios: ['studio'], egress: 'firewall-no-tags' }),
    );
    const text = reportText(checkNsg(firewallPlan, parsed(pasted)));
    expect(text).toMatch(/Not checked: \d+ host-name rules/);
  });
});

describe('the shapes of NSG JSON people paste', () => {
  test('az network nsg rule list: a bare list of rules', () => {
    const list = JSON.stringify((JSON.parse(pasted) as { securityRules: unknown[] }).securityRules);
    expect(parsed(list).rules).toHaveLength(5);
  });

  test('the ARM shape, with each rule’s fields under properties', () => {
    const arm = {
      name: 'nsg',
      properties: {
        securityRules: [
          {
            name: 'AllowStorage',
            properties: {
              priority: 100,
              direction: 'Outbound',
              access: 'Allow',
              protocol: 'TCP',
              sourceAddressPrefix: '*',
              sourcePortRange: '*',
              destinationAddressPrefix: 'Storage',
              destinationPortRange: '443',
            },
          },
        ],
      },
    };
    const result = parsed(JSON.stringify(arm));
    expect(result.rules[0]).toMatchObject({ name: 'AllowStorage', protocol: 'Tcp' });
  });
});

const aRule = {
  name: 'r',
  priority: 100,
  direction: 'Outbound',
  access: 'Allow',
  protocol: 'Tcp',
  sourceAddressPrefix: '*',
  sourcePortRange: '*',
  destinationAddressPrefix: '*',
  destinationPortRange: '443',
};
const show = (rules: unknown[]) => JSON.stringify({ securityRules: rules });

describe('input that is not an NSG gets an error with the JSON path', () => {
  test.each([
    ['not JSON', 'securityRules: []', /^That is not valid JSON/],
    ['a number', '42', /expected the JSON of az network nsg show/],
    [
      'an object without rules',
      '{"name":"x"}',
      /^securityRules: expected a list of security rules/,
    ],
    [
      'a priority as text',
      show([{ ...aRule, priority: 'high' }]),
      /^securityRules\[0\]\.priority: expected the priority as a number/,
    ],
    [
      'a priority out of range',
      show([aRule, { ...aRule, priority: 5 }]),
      /^securityRules\[1\]\.priority: expected a priority from 100 to 4096/,
    ],
    [
      'an unknown protocol',
      show([{ ...aRule, protocol: 'Tcpx' }]),
      /securityRules\[0\]\.protocol: expected Tcp, Udp, Icmp, Esp, Ah or \*, got "Tcpx"/,
    ],
    [
      'a port that is not a port',
      show([{ ...aRule, destinationPortRange: '443; rm -rf' }]),
      /securityRules\[0\]\.destinationPortRange: expected a port/,
    ],
    [
      'prefixes that are not a list',
      show([{ ...aRule, destinationAddressPrefixes: 'Storage' }]),
      /securityRules\[0\]\.destinationAddressPrefixes: expected a list of address prefixes/,
    ],
    [
      'a rule without a destination',
      show([{ ...aRule, destinationAddressPrefix: '' }]),
      /^securityRules\[0\]: expected destinationAddressPrefix or destinationAddressPrefixes/,
    ],
    ['rules in a list with a wrong type', JSON.stringify([aRule, 'rule']), /^\[1\]: /],
    [
      'more rules than an NSG can hold',
      show(Array.from({ length: 1101 }, () => aRule)),
      /expected at most 1100 rules/,
    ],
  ])('%s', (_, text, error) => {
    const result = parseNsgJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  test('a huge paste is refused before it is parsed', () => {
    const huge = `[${'1,'.repeat(MAX_NSG_JSON_CHARS / 2)}1]`;
    const result = parseNsgJson(huge);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/KB; an NSG export is far smaller/);
  });

  test('__proto__ keys neither pollute objects nor sneak rules in', () => {
    const hostile = `{"__proto__": {"securityRules": [], "polluted": true}, "securityRules": [{"__proto__": {"access": "Deny"}, "name": "r", "priority": 100, "direction": "Outbound", "access": "Allow", "protocol": "Tcp", "sourceAddressPrefix": "*", "sourcePortRange": "*", "destinationAddressPrefix": "*", "destinationPortRange": "443"}]}`;
    const result = parsed(hostile);
    expect(result.rules[0]!.access).toBe('Allow');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const only = parseNsgJson('{"__proto__": {"securityRules": []}}');
    expect(only.ok).toBe(false);
  });
});
