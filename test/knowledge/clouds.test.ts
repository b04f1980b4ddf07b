import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { planCards } from '../../src/cards/plan.card';
import { destinationRows } from '../../src/cards/plan-view';
import { projectPath } from '../../src/paths';
import {
  KnowledgeError,
  loadKnowledge,
  planFor,
  scenarioOrder,
  Situation,
  type Knowledge,
  type Plan,
  type SituationInput,
} from '../../src/knowledge';
import { cardProblems, cardText, MAX_CARD_BYTES } from '../support/card-validation';

const k = loadKnowledge();

function plan(input: SituationInput, knowledge: Knowledge = k): Plan {
  return planFor(knowledge, Situation.parse(input));
}

const endpoints = (p: Plan) => p.rules.map((r) => r.endpoint);
const rowOf = (p: Plan, endpoint: string) => p.rules.find((r) => r.endpoint === endpoint);

/** Compute and studio behind a firewall without service tags: the plan lists host names. */
const FQDN_PLAN: Omit<SituationInput, 'region'> = {
  scenarios: ['compute', 'studio'],
  egress: 'firewall-no-tags',
};

/** Public-cloud hosts the firewall article replaces in both clouds (region: usgovvirginia/chinaeast2). */
const replacedPublicHosts = (region: string) => [
  'login.microsoftonline.com',
  'management.azure.com',
  'ml.azure.com',
  '*.azureml.ms',
  '*.modelmanagement.azureml.net',
  '*.notebooks.azure.net',
  'graph.microsoft.com',
  '<storage>.file.core.windows.net',
  '<storage>.dfs.core.windows.net',
  '<storage>.blob.core.windows.net',
  '*.instances.azureml.net',
  `${region}.tundra.azureml.ms`,
  '*.blob.core.windows.net',
  '*.table.core.windows.net',
  '*.queue.core.windows.net',
];

interface CloudCase {
  region: string;
  cloud: string;
  /** The cloud's hosts, as the firewall article's tab for that cloud spells them. */
  hosts: string[];
  /** Hosts the cloud's tab lists unchanged. */
  same: string[];
  /** Public hosts kept because the articles give no equivalent; the row says so. */
  undocumented: string[];
  /** Public hosts that disappear; graph.windows.net stays in Azure Government only. */
  replaced: string[];
}

const cases: CloudCase[] = [
  {
    region: 'usgovvirginia',
    cloud: 'Azure Government',
    hosts: [
      'login.microsoftonline.us',
      'management.usgovcloudapi.net',
      'management.azure.us',
      'ml.azure.us',
      '*.ml.azure.us',
      '*.modelmanagement.azureml.us',
      '*.notebooks.usgovcloudapi.net',
      'graph.microsoft.us',
      '<storage>.file.core.usgovcloudapi.net',
      '<storage>.dfs.core.usgovcloudapi.net',
      '<storage>.blob.core.usgovcloudapi.net',
      '*.instances.azureml.us',
      'usgovvirginia.tundra.azureml.us',
      '*.blob.core.usgovcloudapi.net',
      '*.table.core.usgovcloudapi.net',
      '*.queue.core.usgovcloudapi.net',
    ],
    same: ['*.aznbcontent.net', '*.instances.azureml.ms', 'graph.windows.net'],
    undocumented: [
      '*.azureml.net',
      '*.tundra.usgovvirginia.api.azureml.ms',
      '*.usgovvirginia.batch.azure.com',
      'automlresources-prod.azureedge.net',
      'dc.applicationinsights.azure.com',
    ],
    replaced: replacedPublicHosts('usgovvirginia'),
  },
  {
    region: 'chinaeast2',
    cloud: 'Azure operated by 21Vianet',
    hosts: [
      'login.chinacloudapi.cn',
      'management.chinacloudapi.cn',
      'management.azure.cn',
      'studio.ml.azure.cn',
      '*.ml.azure.cn',
      '*.azureml.cn',
      '*.modelmanagement.ml.azure.cn',
      '*.notebooks.chinacloudapi.cn',
      'graph.chinacloudapi.cn',
      '<storage>.file.core.chinacloudapi.cn',
      '<storage>.dfs.core.chinacloudapi.cn',
      '<storage>.blob.core.chinacloudapi.cn',
      '*.instances.azureml.cn',
      'chinaeast2.tundra.azureml.cn',
      '*.blob.core.chinacloudapi.cn',
      '*.table.core.chinacloudapi.cn',
      '*.queue.core.chinacloudapi.cn',
    ],
    same: ['*.aznbcontent.net', '*.instances.azureml.ms'],
    undocumented: [
      '*.tundra.chinaeast2.api.azureml.ms',
      '*.chinaeast2.service.batch.azure.com',
      'aka.ms',
      'dc.services.visualstudio.com',
    ],
    replaced: [...replacedPublicHosts('chinaeast2'), '*.azureml.net', 'graph.windows.net'],
  },
];

describe.each(cases)('a $region plan (compute + studio, FQDN rules)', (c) => {
  const p = plan({ ...FQDN_PLAN, region: c.region });

  it(`lists the ${c.cloud} hosts`, () => {
    expect(endpoints(p)).toEqual(expect.arrayContaining(c.hosts));
    for (const host of c.hosts) {
      expect(rowOf(p, host)?.cloudNote).toMatch(new RegExp(`^(${c.cloud} name|Same name)`));
    }
  });

  it('lists none of the public hosts the cloud replaces', () => {
    expect(endpoints(p).filter((e) => c.replaced.includes(e))).toEqual([]);
  });

  it('keeps the hosts the cloud lists unchanged, and says so', () => {
    for (const host of c.same) {
      expect(rowOf(p, host)?.cloudNote).toMatch(new RegExp(`^Same name in ${c.cloud}\\.`));
    }
  });

  it('keeps rules without a documented equivalent, flagged', () => {
    for (const host of c.undocumented) {
      expect(rowOf(p, host)?.cloudNote).toMatch(
        new RegExp(`^Not documented for ${c.cloud}; the public name is shown\\. .+`),
      );
    }
  });

  it('warns once, naming the cloud, the count of flagged rows and where to check', () => {
    const flagged = p.rules.filter((r) => r.cloudNote?.startsWith('Not documented')).length;
    const warnings = p.warnings.filter((w) => w.includes(c.cloud));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`${c.region} is an ${c.cloud} region`);
    expect(warnings[0]).toContain(`${flagged} rules have no documented ${c.cloud} equivalent`);
    const docs = k.clouds.find((x) => x.name === c.cloud)?.docs.url;
    expect(docs).toBeDefined();
    expect(warnings[0]).toContain(docs!);
  });

  it('cites the per-cloud tab of the firewall article', () => {
    expect(rowOf(p, c.hosts[0]!)?.sources).toContainEqual({
      source: 'fw',
      section: expect.stringMatching(/^Microsoft hosts > General Azure hosts \(.+ tab\)$/),
    });
  });

  it('adds the note on sovereign clouds to the background', () => {
    expect(p.notes.map((n) => n.id)).toContain('note-sovereign-clouds');
  });

  it('shows the cloud note under the row on the plan card', () => {
    const row = rowOf(p, c.undocumented[0]!);
    const [shown] = destinationRows([row!], { scenarios: ['compute'], scenarioTitle: String });
    expect(shown?.why).toContain(row!.cloudNote);
  });

  it('renders valid plan cards with the warning first and every host', () => {
    const all = plan({
      scenarios: [...scenarioOrder],
      region: c.region,
      vscode: true,
      hbi: true,
      egress: 'firewall-no-tags',
    });
    const cards = planCards(k, all, { title: 'Plan', subtitle: '', facts: [], actions: [] });
    for (const card of cards) {
      expect(cardProblems(card)).toEqual([]);
      expect(JSON.stringify(card).length).toBeLessThan(MAX_CARD_BYTES * 0.7);
    }
    expect(cardText(cards[0])).toContain(`${c.region} is an ${c.cloud} region`);
    const text = cards.map(cardText).join('\n');
    for (const rule of all.rules) expect(text).toContain(rule.endpoint);
  });
});

describe('service tags in a sovereign-cloud plan', () => {
  it.each([
    ['chinaeast2', true],
    ['usgovvirginia', false],
  ])('%s: AzureFrontDoor.FrontEnd flagged as not needed: %s', (region, flagged) => {
    const row = rowOf(plan({ scenarios: ['studio'], region }), 'AzureFrontDoor.FrontEnd');
    expect(row).toBeDefined();
    expect(row?.cloudNote?.includes("isn't needed in Azure operated by 21Vianet") ?? false).toBe(
      flagged,
    );
  });

  it('keeps regional tags with the sovereign region name', () => {
    const p = plan({ scenarios: ['compute'], region: 'US Gov Arizona' });
    expect(endpoints(p)).toEqual(expect.arrayContaining(['Storage.usgovarizona']));
    expect(p.warnings.join(' ')).toContain('usgovarizona is an Azure Government region');
  });
});

describe('public-cloud plans are unchanged by the cloud data', () => {
  /** The same knowledge without the cloud collections and the cloud-only note. */
  const withoutClouds: Knowledge = {
    ...k,
    clouds: [],
    cloudEndpoints: [],
    steps: k.steps.filter((s) => !k.clouds.some((c) => c.steps.includes(s.id))),
  };
  const situations: SituationInput[] = [
    { ...FQDN_PLAN, region: 'westeurope' },
    { scenarios: [...scenarioOrder], region: 'westeurope', vscode: true, hbi: true },
    { scenarios: [...scenarioOrder], region: 'eastus2', egress: 'firewall-no-tags', sdk: 'v1' },
    { scenarios: ['studio', 'docker-images'], egress: 'azure-firewall' },
    { scenarios: ['compute'], region: 'nowhere', computePublicIp: true },
  ];

  it.each(situations)('%j', (situation) => {
    const p = plan(situation);
    expect(JSON.stringify(p)).toBe(JSON.stringify(plan(situation, withoutClouds)));
    expect(p.rules.some((r) => 'cloudNote' in r)).toBe(false);
    expect(p.notes.map((n) => n.id)).not.toContain('note-sovereign-clouds');
  });
});

describe('the cloud data', () => {
  /** Public-cloud domains: an FQDN rule on one of them needs an entry for every sovereign cloud. */
  const PUBLIC_CLOUD_HOST =
    /(\.azureml\.ms|\.azureml\.net|azure\.com|\.azure\.net|\.windows\.net|microsoftonline\.com|graph\.microsoft\.com|\.azurecr\.io)$/;

  it.each(['usgov', 'china'] as const)(
    'covers every public-cloud FQDN rule for %s (host or null with a note)',
    (cloud) => {
      const covered = new Set(k.cloudEndpoints.filter((e) => e.cloud === cloud).map((e) => e.rule));
      const missing = k.rules
        .filter((r) => r.endpointKind === 'fqdn' && PUBLIC_CLOUD_HOST.test(r.endpoint))
        .filter((r) => !covered.has(r.id))
        .map((r) => `${r.id} (${r.endpoint})`);
      expect(missing).toEqual([]);
    },
  );

  it('has a profile for every sovereign cloud a region belongs to', () => {
    const clouds = new Set(k.regions.map((r) => r.cloud).filter((c) => c !== 'public'));
    expect(k.clouds.map((c) => c.cloud).sort()).toEqual([...clouds].sort());
  });

  it('answers the sovereign-cloud question in one line', () => {
    const step = k.steps.find((s) => s.id === 'note-sovereign-clouds');
    expect(step?.answer).toMatch(
      /^Azure Government and Azure operated by 21Vianet use their own host names/,
    );
    expect(step?.ask?.length).toBeGreaterThanOrEqual(3);
  });
});

describe('a malformed clouds file stops loading', () => {
  type CloudsJson = { cloudEndpoints: Record<string, unknown>[] };
  const copies: string[] = [];
  afterAll(() => copies.forEach((root) => rmSync(root, { recursive: true, force: true })));

  function loadEdited(edit: (json: CloudsJson) => void): KnowledgeError {
    const root = mkdtempSync(path.join(tmpdir(), 'aml-clouds-'));
    copies.push(root);
    const dir = path.join(root, 'knowledge');
    cpSync(projectPath('knowledge'), dir, { recursive: true });
    const file = path.join(dir, 'clouds.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as CloudsJson;
    edit(json);
    writeFileSync(file, JSON.stringify(json));
    try {
      loadKnowledge(dir);
    } catch (err) {
      if (err instanceof KnowledgeError) return err;
      throw err;
    }
    throw new Error('expected loadKnowledge to fail');
  }

  const rules = (json: CloudsJson) => json.cloudEndpoints;

  it.each<[string, (json: CloudsJson) => void, RegExp]>([
    [
      'an unknown rule id',
      (json) => {
        rules(json)[0]!.rule = 'fqdn-no-such-rule';
      },
      /cloudEndpoints\[0\]\.rule: unknown rule "fqdn-no-such-rule"/,
    ],
    [
      'a duplicate rule and cloud',
      (json) => {
        rules(json).push({ ...rules(json)[0]!, endpoint: 'login.example.us' });
      },
      /cloudEndpoints\[\d+\]\.rule: duplicate id "fqdn-login in usgov"/,
    ],
    [
      'a null endpoint without a note',
      (json) => {
        rules(json).push({ ...rules(json)[0]!, rule: 'fqdn-pypi', endpoint: null });
      },
      /cloudEndpoints\[\d+\]\.note: expected a note/,
    ],
    [
      'an unknown cloud',
      (json) => {
        rules(json)[0]!.cloud = 'public';
      },
      /cloudEndpoints\[0\]\.cloud/,
    ],
    [
      'a rule said to be not needed where the cloud still names a host for it',
      (json) => {
        rules(json)[0]!.notNeeded = true;
      },
      /cloudEndpoints\[0\]\.notNeeded: expected notNeeded only on an entry without an endpoint/,
    ],
  ])('rejects %s', (_name, edit, message) => {
    expect(loadEdited(edit).message).toMatch(message);
  });
});
