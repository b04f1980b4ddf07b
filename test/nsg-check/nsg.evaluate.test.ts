import type { ExportRule } from '../../src/export/export.rules';
import { evaluateFlow, fixFor, toNsgRule, type NsgRule } from '../../src/nsg-check/nsg.evaluate';
import { verdictReason } from '../../src/nsg-check/nsg.check';
import type { NsgRuleInput } from '../../src/nsg-check/nsg.schema';

/** A rule as `az network nsg rule list` prints it; only what a case changes is written out. */
function rule(fields: Partial<NsgRuleInput> & { priority: number }): NsgRule {
  return toNsgRule({
    name: `rule-${fields.priority}`,
    direction: 'Outbound',
    access: 'Allow',
    protocol: 'Tcp',
    sourceAddressPrefix: 'VirtualNetwork',
    sourcePortRange: '*',
    destinationAddressPrefix: '*',
    destinationPortRange: '*',
    ...fields,
  });
}

function flow(remote: string, ports: string[], fields: Partial<ExportRule> = {}): ExportRule {
  return {
    name: `aml-${remote}`,
    direction: 'Outbound',
    access: 'Allow',
    protocol: 'Tcp',
    kind: 'service-tag',
    remote,
    ports,
    description: '',
    ...fields,
  };
}

const storage443 = flow('Storage.westeurope', ['443']);
const aad = flow('AzureActiveDirectory', ['80', '443']);
const amlInbound = flow('AzureMachineLearning', ['44224'], { direction: 'Inbound' });
const amlUdp = flow('AzureMachineLearning', ['5831'], { protocol: 'Udp' });
const batchAny = flow('BatchNodeManagement.westeurope', ['443'], { protocol: '*' });
const vnet443 = flow('VirtualNetwork', ['443']);

type Case = [title: string, rules: NsgRule[], flow: ExportRule, verdict: string, reason: RegExp];

const cases: Case[] = [
  // Default rules
  [
    'an empty NSG lets outbound traffic out only through AllowInternetOutBound',
    [],
    storage443,
    'default',
    /Allowed only by the default rule AllowInternetOutBound \(priority 65001\)/,
  ],
  [
    'an empty NSG blocks inbound traffic from a service tag with DenyAllInBound',
    [],
    amlInbound,
    'blocked',
    /Blocked by the default rule DenyAllInBound \(priority 65500\)/,
  ],
  [
    'traffic to the virtual network passes the default AllowVnetOutBound',
    [],
    vnet443,
    'default',
    /AllowVnetOutBound/,
  ],
  // Priorities: first match wins
  [
    'an allow for the service tag decides the flow',
    [
      rule({
        priority: 200,
        destinationAddressPrefix: 'Storage.westeurope',
        destinationPortRange: '443',
      }),
    ],
    storage443,
    'allowed',
    /^Allowed by rule-200 \(priority 200\)\.$/,
  ],
  [
    'a deny of Internet at a lower number shadows a later allow',
    [
      rule({ priority: 100, access: 'Deny', destinationAddressPrefix: 'Internet' }),
      rule({
        priority: 200,
        destinationAddressPrefix: 'Storage.westeurope',
        destinationPortRange: '443',
      }),
    ],
    storage443,
    'blocked',
    /^Blocked by rule-100 \(priority 100\)\.$/,
  ],
  [
    'an allow before a deny wins, whatever order the file lists them in',
    [
      rule({ priority: 300, access: 'Deny', destinationAddressPrefix: '*' }),
      rule({ priority: 110, destinationAddressPrefix: 'Storage', destinationPortRange: '443' }),
    ],
    storage443,
    'allowed',
    /rule-110/,
  ],
  [
    'the global tag covers its regional tag',
    [rule({ priority: 100, destinationAddressPrefix: 'Storage', destinationPortRange: '443' })],
    storage443,
    'allowed',
    /rule-100/,
  ],
  [
    "another region's tag does not cover this region",
    [
      rule({
        priority: 100,
        destinationAddressPrefix: 'Storage.eastus',
        destinationPortRange: '443',
      }),
    ],
    storage443,
    'default',
    /AllowInternetOutBound/,
  ],
  [
    'a deny of another region does not block this one',
    [rule({ priority: 100, access: 'Deny', destinationAddressPrefix: 'Storage.eastus' })],
    storage443,
    'default',
    /AllowInternetOutBound/,
  ],
  // Ports: ranges, lists, *
  [
    'a port range covering the port allows it',
    [rule({ priority: 100, destinationAddressPrefix: 'Storage', destinationPortRange: '440-450' })],
    storage443,
    'allowed',
    /rule-100/,
  ],
  [
    'a range that stops short does not',
    [rule({ priority: 100, destinationAddressPrefix: 'Storage', destinationPortRange: '400-442' })],
    storage443,
    'default',
    /AllowInternetOutBound/,
  ],
  [
    'a port list allows both ports of the flow',
    [
      rule({
        priority: 100,
        destinationAddressPrefix: 'AzureActiveDirectory',
        destinationPortRange: null,
        destinationPortRanges: ['80', '443'],
      }),
    ],
    aad,
    'allowed',
    /^Allowed by rule-100 \(priority 100\)\.$/,
  ],
  [
    'one port of two allowed leaves the other to the default rule',
    [
      rule({
        priority: 100,
        destinationAddressPrefix: 'AzureActiveDirectory',
        destinationPortRange: '80',
      }),
    ],
    aad,
    'default',
    /AllowInternetOutBound \(priority 65001\) on TCP 443/,
  ],
  [
    'a deny of one port blocks the flow even when a later rule allows both',
    [
      rule({
        priority: 100,
        access: 'Deny',
        destinationAddressPrefix: '*',
        destinationPortRange: '443',
      }),
      rule({
        priority: 200,
        destinationAddressPrefix: 'AzureActiveDirectory',
        destinationPortRanges: ['80', '443'],
      }),
    ],
    aad,
    'blocked',
    /Blocked by rule-100 \(priority 100\) on TCP 443/,
  ],
  // Protocols
  [
    'a TCP allow does not cover a UDP flow',
    [
      rule({
        priority: 100,
        destinationAddressPrefix: 'AzureMachineLearning',
        destinationPortRange: '5831',
      }),
    ],
    amlUdp,
    'default',
    /AllowInternetOutBound/,
  ],
  [
    'an allow for any protocol covers a UDP flow',
    [
      rule({
        priority: 100,
        protocol: '*',
        destinationAddressPrefix: 'AzureMachineLearning',
        destinationPortRange: '5831',
      }),
    ],
    amlUdp,
    'allowed',
    /rule-100/,
  ],
  [
    'an any-protocol flow needs UDP too: a TCP allow leaves UDP to the default',
    [
      rule({
        priority: 100,
        destinationAddressPrefix: 'BatchNodeManagement',
        destinationPortRange: '443',
      }),
    ],
    batchAny,
    'default',
    /AllowInternetOutBound \(priority 65001\) on UDP 443/,
  ],
  [
    'an any-protocol flow is blocked by a UDP deny',
    [
      rule({
        priority: 100,
        protocol: 'Udp',
        access: 'Deny',
        destinationAddressPrefix: 'Internet',
      }),
    ],
    batchAny,
    'blocked',
    /rule-100 \(priority 100\) on UDP 443/,
  ],
  [
    'an ICMP deny does not touch a TCP flow',
    [rule({ priority: 100, protocol: 'Icmp', access: 'Deny' })],
    storage443,
    'default',
    /AllowInternetOutBound/,
  ],
  // Addresses: augmented rules (prefix lists), Internet, our side
  [
    'an augmented rule with a list of tags covers each of them',
    [
      rule({
        priority: 100,
        destinationAddressPrefix: null,
        destinationAddressPrefixes: ['AzureMonitor', 'Storage'],
        destinationPortRange: '443',
      }),
    ],
    storage443,
    'allowed',
    /rule-100/,
  ],
  [
    'a deny of Internet blocks public service tags',
    [rule({ priority: 4000, access: 'Deny', destinationAddressPrefix: 'Internet' })],
    storage443,
    'blocked',
    /rule-4000/,
  ],
  [
    'a deny of Internet does not block traffic inside the virtual network',
    [rule({ priority: 4000, access: 'Deny', destinationAddressPrefix: 'Internet' })],
    vnet443,
    'default',
    /AllowVnetOutBound/,
  ],
  [
    'a rule from the subnet’s address range counts, and says what it assumed',
    [
      rule({
        priority: 100,
        sourceAddressPrefix: null,
        sourceAddressPrefixes: ['10.0.1.0/24', '10.0.2.0/24'],
        destinationAddressPrefix: 'Storage',
        destinationPortRange: '443',
      }),
    ],
    storage443,
    'allowed',
    /taking 10\.0\.1\.0\/24 to be the compute subnet/,
  ],
  [
    'a rule for an application security group does not reach Azure ML’s nodes',
    [
      rule({
        priority: 100,
        sourceAddressPrefix: null,
        sourceApplicationSecurityGroups: [{ id: 'asg' }],
        destinationAddressPrefix: 'Storage',
        destinationPortRange: '443',
      }),
    ],
    storage443,
    'default',
    /AllowInternetOutBound/,
  ],
  [
    'a rule limited to some source ports does not match ephemeral ports',
    [
      rule({
        priority: 100,
        sourcePortRange: '1000-2000',
        destinationAddressPrefix: 'Storage',
        destinationPortRange: '443',
      }),
    ],
    storage443,
    'default',
    /AllowInternetOutBound/,
  ],
  [
    'an inbound allow from the tag to the subnet lets Azure ML in',
    [
      rule({
        priority: 100,
        direction: 'Inbound',
        sourceAddressPrefix: 'AzureMachineLearning',
        destinationAddressPrefix: 'VirtualNetwork',
        destinationPortRange: '44224',
      }),
    ],
    amlInbound,
    'allowed',
    /rule-100/,
  ],
  [
    'an outbound rule does not decide an inbound flow',
    [
      rule({
        priority: 100,
        sourceAddressPrefix: 'AzureMachineLearning',
        destinationAddressPrefix: '*',
      }),
    ],
    amlInbound,
    'blocked',
    /DenyAllInBound/,
  ],
];

test.each(cases)('%s', (_, rules, f, verdict, reason) => {
  const v = evaluateFlow(rules, f);
  expect(v.verdict).toBe(verdict);
  expect(verdictReason(v)).toMatch(reason);
});

describe('the fix numbers new rules into free priorities', () => {
  test('it skips the priorities in use and keeps each direction apart', () => {
    const rules = [
      rule({ priority: 100, destinationAddressPrefix: 'AzureMonitor' }),
      rule({ priority: 101, destinationAddressPrefix: 'AzureMonitor' }),
    ];
    const verdicts = [storage443, aad, amlInbound].map((f) => evaluateFlow(rules, f));
    const fix = fixFor(rules, verdicts);
    expect(fix.rules.map((r) => [r.direction, r.priority])).toEqual([
      ['Outbound', 102],
      ['Outbound', 103],
      ['Inbound', 100],
    ]);
  });

  test('a new allow goes before the deny that blocks the flow', () => {
    const rules = [rule({ priority: 100 }), rule({ priority: 102, access: 'Deny' })];
    const fix = fixFor(rules, [evaluateFlow(rules.slice(1), storage443)]);
    expect(fix.rules[0]!.priority).toBe(101);
  });

  test('when no number is free before the deny, it says which deny to move', () => {
    const rules = [rule({ priority: 100, access: 'Deny' })];
    const fix = fixFor(rules, [evaluateFlow(rules, storage443)]);
    expect(fix.rules).toEqual([]);
    expect(fix.stuck[0]!.blocker.name).toBe('rule-100');
  });

  test('new names never collide with the names already in the NSG', () => {
    const rules = [
      rule({
        priority: 100,
        name: 'aml-Storage.westeurope',
        destinationAddressPrefix: 'AzureMonitor',
      }),
    ];
    const fix = fixFor(rules, [evaluateFlow(rules, storage443)]);
    expect(fix.rules[0]!.name).toBe('aml-Storage.westeurope-2');
  });
});
