// The plan as a person reads it: one row per destination with its ports merged, reasons said once,
// sections by where a rule goes, and the plan's messages with feedback on the first.
import {
  ASSUMED_PORT_NOTE,
  destinationRows,
  groupRules,
  keySteps,
  whyLines,
  type RowContext,
} from '../../src/cards/plan-view';
import { feedbackButtons, planCards } from '../../src/cards/plan.card';
import {
  getKnowledge,
  planFor,
  ScenarioId,
  Situation,
  type PlanRule,
  type SituationInput,
} from '../../src/knowledge';
import { cardText } from '../support/card-validation';

const k = getKnowledge();
const plan = (input: SituationInput) => planFor(k, Situation.parse(input));
const context = (input: SituationInput): RowContext => ({
  scenarios: Situation.parse(input).scenarios,
  scenarioTitle: (id) => k.scenarios.find((s) => s.id === id)?.title ?? id,
});

function rowsOf(input: SituationInput) {
  return destinationRows(plan(input).rules, context(input));
}

function rule(
  endpoint: string,
  protocol: PlanRule['protocol'],
  ports: string,
  extra = {},
): PlanRule {
  return {
    key: `outbound|${endpoint}|${protocol}|${ports}`,
    direction: 'outbound',
    endpoint,
    endpointKind: 'service-tag',
    protocol,
    ports,
    portsNote: '',
    purposes: [`Reason for ${protocol} ${ports}.`],
    scenarios: ['compute'],
    condition: '',
    conflicts: [],
    sources: [],
    ruleIds: [`r-${ports}`],
    ...extra,
  };
}

const computeOnly: RowContext = { scenarios: ['compute'], scenarioTitle: String };

describe('one row per destination', () => {
  it.each([
    [
      'ports of one protocol are merged and sorted',
      [rule('Tag', 'TCP', '18881'), rule('Tag', 'TCP', '443')],
      [{ protocol: 'TCP', ports: '443, 18881' }],
    ],
    [
      'each protocol gets its own line',
      [rule('Tag', 'TCP', '443'), rule('Tag', 'UDP', '5831'), rule('Tag', 'TCP', '18881')],
      [
        { protocol: 'TCP', ports: '443, 18881' },
        { protocol: 'UDP', ports: '5831' },
      ],
    ],
    [
      'an assumed port is marked, not explained on the row',
      [rule('host.example', 'TCP', '443', { portsNote: ASSUMED_PORT_NOTE })],
      [{ protocol: 'TCP', ports: '443*' }],
    ],
    [
      'a port one source names is not marked as assumed',
      [
        rule('host.example', 'TCP', '443', { portsNote: ASSUMED_PORT_NOTE }),
        rule('host.example', 'TCP', '443'),
      ],
      [{ protocol: 'TCP', ports: '443' }],
    ],
  ])('%s', (_name, rules, lines) => {
    const rows = destinationRows(rules, computeOnly);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.lines).toEqual(lines);
    expect(rows[0]!.why).not.toContain(ASSUMED_PORT_NOTE);
  });

  it('says when each port is needed where the merged ports differ', () => {
    const [row] = destinationRows(
      [
        rule('Storage.<region>', 'TCP', '443'),
        rule('Storage.<region>', 'TCP', '445', { condition: 'Only when a firewall sits between' }),
      ],
      computeOnly,
    );
    expect(row!.why).toContain('TCP 445: Only when a firewall sits between.');
  });

  it('compute behind Azure Firewall: AzureMachineLearning is one row, TCP 443, 18881 and UDP 5831', () => {
    const rows = rowsOf({ scenarios: ['compute'], egress: 'azure-firewall' });
    const aml = rows.filter((r) => r.destination === 'AzureMachineLearning');
    expect(aml).toHaveLength(1);
    expect(aml[0]!.lines).toEqual([
      { protocol: 'TCP', ports: '443, 18881' },
      { protocol: 'UDP', ports: '5831' },
    ]);
  });
});

describe('"For: …" only when it narrows the scenarios', () => {
  const input: SituationInput = { scenarios: ['studio', 'compute'], egress: 'azure-firewall' };
  const why = (destination: string) =>
    rowsOf(input).find((r) => r.destination === destination)?.why;

  it.each([
    ['AzureActiveDirectory', undefined],
    ['BatchNodeManagement.<region>', 'For: Use a compute instance or a compute cluster.'],
  ])('%s', (destination, forLine) => {
    if (forLine) expect(why(destination)).toContain(forLine);
    else expect(why(destination)).not.toContain('For:');
  });

  it('a plan for one scenario says "For:" nowhere', () => {
    const rows = rowsOf({ scenarios: ['compute'], egress: 'azure-firewall' });
    expect(rows.filter((r) => r.why.includes('For:'))).toEqual([]);
  });
});

describe('the reasons under a table', () => {
  it('destinations with the same reason share one line', () => {
    const rows = rowsOf({ scenarios: ['compute'], egress: 'azure-firewall', vscode: true });
    const vscodeHosts = rows.filter((r) => r.destination.includes('vscode'));
    expect(vscodeHosts.length).toBeGreaterThan(1);
    const lines = whyLines(vscodeHosts);
    expect(lines.length).toBeLessThan(vscodeHosts.length);
    expect(new Set(lines.map((l) => l.text)).size).toBe(lines.length);
  });
});

describe('sections by where a rule goes', () => {
  it.each([
    ['network security groups only: no host names', 'nsg' as const, false],
    ['Azure Firewall: host names as application rules', 'azure-firewall' as const, true],
    ['a firewall without tags: host names replace the tags', 'firewall-no-tags' as const, true],
  ])('%s', (_name, egress, hostNames) => {
    const groups = groupRules(
      plan({ scenarios: ['compute', 'docker-images'], egress, publicPackageFeeds: true }),
      'by-egress',
    );
    expect(groups.hostNames !== undefined).toBe(hostNames);
    if (!hostNames) expect(groups.hostNamesLeftOut).toBeGreaterThan(0);
    for (const r of groups.serviceTags) expect(r.endpointKind).not.toBe('fqdn');
  });

  it('RStudio rows sit under optional features, not in the service-tag row', () => {
    const groups = groupRules(
      plan({ scenarios: ['compute'], egress: 'azure-firewall', rstudio: true }),
      'by-egress',
    );
    expect(groups.serviceTags.map((r) => `${r.endpoint} ${r.ports}`)).not.toContain(
      'AzureMachineLearning 8787',
    );
    const rstudio = groups.features.find((f) => f.feature === 'rstudio');
    expect(rstudio?.rules.map((r) => r.endpoint)).toEqual(
      expect.arrayContaining(['AzureMachineLearning', 'ghcr.io', 'cloud.r-project.org']),
    );
  });

  it('the steps that break most setups lead, DNS first', () => {
    const lines = keySteps(
      plan({ scenarios: ['studio', 'docker-images'], registryBehindVnet: true }).steps,
    );
    expect(lines[0]).toMatch(/^DNS:/);
    expect(lines.join('\n')).toMatch(/Studio storage:[^]*Image builds:/);
  });
});

describe('the plan as messages', () => {
  it.each([
    ['one scenario', { scenarios: ['studio'] } as SituationInput, 1],
    [
      'every scenario with every option on',
      {
        scenarios: [...ScenarioId.options],
        egress: 'firewall-no-tags',
        computePublicIp: true,
        vscode: true,
        rstudio: true,
        publicPackageFeeds: true,
      } as SituationInput,
      2,
    ],
  ])('%s: %d message(s), feedback on the first', (_name, input, messages) => {
    const cards = planCards(k, plan(input), {
      title: 'Your network plan',
      subtitle: '',
      facts: [],
      actions: feedbackButtons('plan:test'),
    });
    expect(cards).toHaveLength(messages);
    expect(cardText(cards[0])).toContain('👍 Helpful');
    for (const card of cards.slice(1)) expect(card.actions ?? []).toEqual([]);
  });
});
