import {
  loadKnowledge,
  planFor,
  Situation,
  type Condition,
  type Plan,
  type PlanRule,
  type ScenarioId,
  type SituationInput,
} from '../../src/knowledge';

const k = loadKnowledge();

function plan(input: SituationInput): Plan {
  return planFor(k, Situation.parse(input));
}

function row(p: Plan, direction: string, endpoint: string, ports?: string): PlanRule | undefined {
  return p.rules.find(
    (r) =>
      r.direction === direction &&
      r.endpoint === endpoint &&
      (ports === undefined || r.ports === ports),
  );
}

/** All prose of a plan: steps and notes with their titles, plus rule purposes. */
function prose(p: Plan): string {
  return [...p.steps, ...p.notes].map((s) => `${s.title}. ${s.text}`).join('\n');
}

type Options = Omit<SituationInput, 'scenarios'>;
type Fact =
  | {
      scenario: ScenarioId;
      fact: string;
      when?: Options;
      rule: [direction: string, endpoint: string, ports?: string];
    }
  | { scenario: ScenarioId; fact: string; when?: Options; text: string }
  /** A seed fact the newer sources retired: the plan carries it as a disagreement, not a rule. */
  | { scenario: ScenarioId; fact: string; when?: Options; conflict: [id: string, text: string] };

const PUBLIC_IP: Options = { computePublicIp: true };

// One row per fact of the seed article (summary table, then each section), in the article's order.
const seedFacts: Fact[] = [
  // Summary table
  {
    scenario: 'studio',
    fact: 'outbound Microsoft Entra ID',
    rule: ['outbound', 'AzureActiveDirectory', '80, 443'],
  },
  {
    scenario: 'studio',
    fact: 'outbound Azure Front Door',
    rule: ['outbound', 'AzureFrontDoor.FrontEnd', '443'],
  },
  {
    scenario: 'studio',
    fact: 'outbound Azure Machine Learning',
    rule: ['outbound', 'AzureMachineLearning', '443'],
  },
  { scenario: 'studio', fact: 'extra: custom DNS server', text: 'conditional forwarders' },
  {
    scenario: 'data-profiling',
    fact: 'extra: workspace service principal',
    text: 'service principal',
  },
  {
    scenario: 'data-profiling',
    fact: 'extra: allow trusted Azure services',
    text: 'trusted services list',
  },
  {
    scenario: 'compute',
    fact: 'inbound Azure ML 44224',
    when: PUBLIC_IP,
    rule: ['inbound', 'AzureMachineLearning', '44224'],
  },
  {
    scenario: 'compute',
    fact: 'inbound Azure Batch 29876-29877 (retired with Batch classic mode)',
    when: PUBLIC_IP,
    conflict: ['batch-inbound-ports', '29876-29877'],
  },
  {
    scenario: 'compute',
    fact: 'outbound Microsoft Entra ID',
    rule: ['outbound', 'AzureActiveDirectory', '80, 443'],
  },
  {
    scenario: 'compute',
    fact: 'outbound Azure Resource Manager',
    rule: ['outbound', 'AzureResourceManager', '443'],
  },
  {
    scenario: 'compute',
    fact: 'outbound Azure Machine Learning',
    rule: ['outbound', 'AzureMachineLearning', '443'],
  },
  {
    scenario: 'compute',
    fact: 'outbound Azure Storage',
    rule: ['outbound', 'Storage.<region>', '443'],
  },
  {
    scenario: 'compute',
    fact: 'outbound Azure Key Vault',
    when: { hbi: true },
    rule: ['outbound', 'AzureKeyVault.<region>', '443'],
  },
  {
    scenario: 'compute',
    fact: 'extra: user-defined routes with a firewall',
    when: { ...PUBLIC_IP, egress: 'azure-firewall' },
    text: 'user-defined routes',
  },
  {
    scenario: 'aks',
    fact: 'outbound: see the AKS inferencing article',
    text: 'Restrict egress traffic',
  },
  {
    scenario: 'docker-images',
    fact: 'outbound Microsoft Artifact Registry',
    rule: ['outbound', 'MicrosoftContainerRegistry', '443'],
  },
  {
    scenario: 'docker-images',
    fact: 'extra: compute cluster builds images',
    when: { registryBehindVnet: true },
    text: '--image-build-compute',
  },
  // Assumptions
  {
    scenario: 'studio',
    fact: 'workspace uses a private endpoint',
    text: 'reached through a private endpoint',
  },
  {
    scenario: 'compute',
    fact: 'storage, key vault and registry use private endpoints',
    text: 'storage account, key vault and container registry also have private endpoints',
  },
  {
    scenario: 'aks',
    fact: 'clients use VPN gateway or ExpressRoute',
    text: 'VPN gateway or ExpressRoute',
  },
  // Purposes of storage accounts
  {
    scenario: 'compute',
    fact: 'your storage over SMB 445 and HTTPS 443',
    text: 'SMB (TCP 445) and HTTPS (TCP 443)',
  },
  {
    scenario: 'compute',
    fact: 'your storage mounted as a file share',
    text: 'mounts the account as an SMB file share',
  },
  {
    scenario: 'compute',
    fact: 'your storage through its private endpoint',
    text: 'through the storage private endpoint',
  },
  {
    scenario: 'compute',
    fact: 'Microsoft storage: blob, table, queue on 443',
    text: 'blob, table and queue data there over HTTPS (TCP 443)',
  },
  {
    scenario: 'compute',
    fact: 'Microsoft storage holds none of your data',
    text: 'never for your data',
  },
  {
    scenario: 'studio',
    fact: 'metadata in Cosmos DB, Microsoft-managed by default',
    text: 'Azure Cosmos DB, by default in a Microsoft subscription',
  },
  // Scenario: studio
  {
    scenario: 'studio',
    fact: 'only applies to the studio',
    text: 'SDK, CLI, REST and VS Code users are not affected',
  },
  {
    scenario: 'studio',
    fact: 'Resource Manager for management and deployment',
    rule: ['outbound', 'AzureResourceManager', '443'],
  },
  {
    scenario: 'studio',
    fact: 'storage through the default storage private endpoint',
    text: "private endpoint of the workspace's default storage account",
  },
  {
    scenario: 'studio',
    fact: 'DNS resolution of resources in the VNet',
    text: 'privatelink.api.azureml.ms',
  },
  // Scenario: data profiling
  {
    scenario: 'data-profiling',
    fact: 'features: dataset, designer, AutoML, labeling',
    text: 'AutoML data preview, profile and target-column selection, and data labeling',
  },
  {
    scenario: 'data-profiling',
    fact: 'the managed service is not in your VNet',
    text: 'which is not in your VNet',
  },
  {
    scenario: 'data-profiling',
    fact: 'service principal named like the workspace',
    text: "created with the workspace's name",
  },
  {
    scenario: 'data-profiling',
    fact: 'resource instance or trusted services',
    text: 'resource instance of type Microsoft.MachineLearningServices/Workspace',
  },
  {
    scenario: 'data-profiling',
    fact: 'Reader on the storage private endpoint',
    text: 'Reader role on every private endpoint',
  },
  {
    scenario: 'data-profiling',
    fact: 'Blob data contributor',
    text: 'Storage Blob Data Contributor',
  },
  // Scenario: compute
  {
    scenario: 'compute',
    fact: 'built on Azure Batch, injected into the VNet',
    text: 'built on Azure Batch',
  },
  {
    scenario: 'compute',
    fact: 'NSG with the inbound rules',
    when: PUBLIC_IP,
    text: 'network security group holding the inbound rules',
  },
  {
    scenario: 'compute',
    fact: 'load balancer with a public IP',
    when: PUBLIC_IP,
    text: 'load balancer with a public IP',
  },
  {
    scenario: 'compute',
    fact: 'firewall: allow the inbound traffic with UDRs',
    when: { ...PUBLIC_IP, egress: 'firewall-no-tags' },
    text: 'next hop Internet',
  },
  {
    scenario: 'compute',
    fact: 'Keyvault.region for the Batch key vault',
    when: { hbi: true },
    rule: ['outbound', 'AzureKeyVault.<region>'],
  },
  {
    scenario: 'compute',
    fact: 'VS Code needs more outbound',
    when: { vscode: true },
    rule: ['outbound', 'marketplace.visualstudio.com', '443'],
  },
  // Scenario: online endpoints
  {
    scenario: 'online-endpoints',
    fact: 'endpoint public_network_access flag',
    rule: ['inbound', 'public_network_access (online endpoint)', ''],
  },
  {
    scenario: 'online-endpoints',
    fact: 'workspace public_network_access flag',
    rule: ['inbound', 'public_network_access (workspace)', ''],
  },
  {
    scenario: 'online-endpoints',
    fact: 'workspace managed virtual network for outbound',
    rule: ['outbound', 'workspace managed virtual network', ''],
  },
  {
    scenario: 'online-endpoints',
    fact: 'legacy egress_public_network_access',
    rule: ['outbound', 'egress_public_network_access (deployment, legacy)', ''],
  },
  {
    scenario: 'online-endpoints',
    fact: 'egress flag ignored with a managed VNet',
    text: 'leave egress_public_network_access unset',
  },
  // Scenario: AKS
  {
    scenario: 'aks',
    fact: 'internal load balancer for VNet-only models',
    text: 'internal load balancer Azure ML creates',
  },
  {
    scenario: 'aks',
    fact: 'extra connectivity through NSG or firewall',
    text: 'external data source',
  },
  // Scenario: Docker images
  {
    scenario: 'docker-images',
    fact: 'images hosted on Microsoft Artifact Registry',
    text: 'Microsoft Artifact Registry',
  },
  {
    scenario: 'docker-images',
    fact: 'own images: registry not needed (seed)',
    when: { ownImages: true },
    text: "Microsoft's registry is then not needed",
  },
  {
    scenario: 'docker-images',
    fact: 'registry in the VNet cannot build images',
    when: { registryBehindVnet: true },
    text: 'cannot build images with a registry that is behind the VNet',
  },
];

// What the newer linked articles add (firewall, training, DNS, managed network, inferencing).
const newerFacts: Fact[] = [
  {
    scenario: 'compute',
    fact: 'AzureMachineLearning TCP 18881',
    rule: ['outbound', 'AzureMachineLearning', '18881'],
  },
  {
    scenario: 'compute',
    fact: 'AzureMachineLearning UDP 5831',
    rule: ['outbound', 'AzureMachineLearning', '5831'],
  },
  {
    scenario: 'compute',
    fact: 'AzureMachineLearning TCP 8787 (RStudio)',
    when: { rstudio: true },
    rule: ['outbound', 'AzureMachineLearning', '8787'],
  },
  {
    scenario: 'compute',
    fact: 'BatchNodeManagement.<region> 443',
    rule: ['outbound', 'BatchNodeManagement.<region>', '443'],
  },
  {
    scenario: 'compute',
    fact: 'Storage.<region> 445 (situational)',
    rule: ['outbound', 'Storage.<region>', '445'],
  },
  {
    scenario: 'compute',
    fact: 'AzureFrontDoor.FirstParty',
    rule: ['outbound', 'AzureFrontDoor.FirstParty', '443'],
  },
  { scenario: 'compute', fact: 'AzureMonitor', rule: ['outbound', 'AzureMonitor', '443'] },
  { scenario: 'compute', fact: 'VirtualNetwork 443', rule: ['outbound', 'VirtualNetwork', '443'] },
  {
    scenario: 'studio',
    fact: 'AzureFrontDoor.FrontEnd from inside the VNet',
    rule: ['outbound', 'AzureFrontDoor.FrontEnd', '443'],
  },
  {
    scenario: 'compute',
    fact: 'FQDN: login.microsoftonline.com',
    when: { egress: 'firewall-no-tags' },
    rule: ['outbound', 'login.microsoftonline.com', '80, 443'],
  },
  {
    scenario: 'compute',
    fact: 'FQDN: *.instances.azureml.ms',
    when: { egress: 'firewall-no-tags' },
    rule: ['outbound', '*.instances.azureml.ms', '443, 18881'],
  },
  {
    scenario: 'compute',
    fact: 'FQDN: <region>.tundra.azureml.ms UDP 5831',
    when: { egress: 'firewall-no-tags' },
    rule: ['outbound', '<region>.tundra.azureml.ms', '5831'],
  },
  {
    scenario: 'compute',
    fact: 'FQDN: *.<region>.batch.azure.com',
    when: { egress: 'firewall-no-tags' },
    rule: ['outbound', '*.<region>.batch.azure.com', '443'],
  },
  {
    scenario: 'compute',
    fact: 'FQDN: <storage>.file.core.windows.net 443, 445',
    when: { egress: 'firewall-no-tags' },
    rule: ['outbound', '<storage>.file.core.windows.net', '443, 445'],
  },
  {
    scenario: 'studio',
    fact: 'FQDN: ml.azure.com',
    when: { egress: 'firewall-no-tags' },
    rule: ['outbound', 'ml.azure.com', '443'],
  },
  {
    scenario: 'docker-images',
    fact: 'FQDN: mcr.microsoft.com',
    when: { egress: 'firewall-no-tags' },
    rule: ['outbound', 'mcr.microsoft.com', '443'],
  },
  {
    scenario: 'compute',
    fact: 'VS Code ports 8704-8710',
    when: { vscode: true },
    rule: ['outbound', 'VS Code server ports 8704-8710 (no destination named)', '8704-8710'],
  },
  { scenario: 'compute', fact: 'NAT gateway for no-public-IP compute', text: 'NAT gateway' },
  { scenario: 'compute', fact: 'private DNS zones', text: 'privatelink.notebooks.azure.net' },
  {
    scenario: 'aks',
    fact: 'AzureContainerRegistry.<region>',
    rule: ['outbound', 'AzureContainerRegistry.<region>', '443'],
  },
  {
    scenario: 'aks',
    fact: 'mcr.microsoft.com for azureml-fe',
    when: { egress: 'firewall-no-tags' },
    rule: ['outbound', 'mcr.microsoft.com', '443'],
  },
  {
    scenario: 'online-endpoints',
    fact: 'provision the managed network',
    text: 'az ml workspace provision-network',
  },
  {
    scenario: 'docker-images',
    fact: 'ACR must be Premium',
    when: { registryBehindVnet: true },
    text: 'must be Premium',
  },
];

function check(f: Fact) {
  const p = plan({ scenarios: [f.scenario], ...f.when });
  if ('rule' in f) {
    const [direction, endpoint, ports] = f.rule;
    expect(row(p, direction, endpoint, ports)).toMatchObject({ direction, endpoint });
  } else if ('conflict' in f) {
    const [id, text] = f.conflict;
    const conflict = p.conflicts.find((c) => c.id === id);
    expect(conflict?.positions.map((x) => x.claim).join(' ')).toContain(text);
  } else {
    expect(prose(p)).toContain(f.text);
  }
}

describe('the plan covers every fact of the seed article', () => {
  it.each(seedFacts.map((f) => [f.scenario, f.fact, f] as const))('%s: %s', (_s, _f, fact) =>
    check(fact),
  );
});

describe('the plan covers what newer articles add', () => {
  it.each(newerFacts.map((f) => [f.scenario, f.fact, f] as const))('%s: %s', (_s, _f, fact) =>
    check(fact),
  );
});

describe('features the user opts into', () => {
  const endpoints = (input: Omit<SituationInput, 'scenarios'>) =>
    plan({ scenarios: ['compute'], egress: 'azure-firewall', ...input }).rules.map(
      (r) => `${r.endpoint} ${r.ports}`,
    );
  const rstudioHosts = ['ghcr.io 443', 'cloud.r-project.org 443', 'AzureMachineLearning 8787'];
  const feedHosts = ['pypi.org 443', '*.anaconda.com 443', 'pytorch.org 443'];

  it.each([
    ['neither', {}, [], [...rstudioHosts, ...feedHosts]],
    ['RStudio', { rstudio: true }, rstudioHosts, feedHosts],
    ['public package feeds', { publicPackageFeeds: true }, feedHosts, rstudioHosts],
    ['both', { rstudio: true, publicPackageFeeds: true }, [...rstudioHosts, ...feedHosts], []],
  ])('a user who uses %s gets only those rows', (_name, input, shown, hidden) => {
    const rows = endpoints(input);
    expect(rows).toEqual(expect.arrayContaining(shown));
    for (const h of hidden) expect(rows).not.toContain(h);
  });

  it('a feature is only ever required, so turning it on only adds rules', () => {
    const misuse: string[] = [];
    const walk = (c: Condition, negated: boolean, id: string): void => {
      if ('all' in c) c.all.forEach((x) => walk(x, negated, id));
      else if ('any' in c) c.any.forEach((x) => walk(x, negated, id));
      else if ('not' in c) walk(c.not, !negated, id);
      else if ('option' in c && (c.option === 'rstudio' || c.option === 'publicPackageFeeds')) {
        if (negated || c.equals !== true) misuse.push(id);
      }
    };
    for (const item of [...k.rules, ...k.steps]) walk(item.condition, false, item.id);
    expect(misuse).toEqual([]);
  });
});

describe('plans for situations', () => {
  it('compute without a public IP has no inbound rules but keeps its outbound ones', () => {
    const p = plan({ scenarios: ['compute'] });
    expect(p.rules.filter((r) => r.direction === 'inbound')).toEqual([]);
    expect(p.rules.map((r) => r.endpoint)).toEqual(
      expect.arrayContaining([
        'AzureActiveDirectory',
        'AzureMachineLearning',
        'BatchNodeManagement.<region>',
        'Storage.<region>',
      ]),
    );
    expect(p.steps.map((s) => s.id)).toContain('step-nat-gateway');
  });

  it('compute with a public IP gets one inbound rule, 44224, and the story of the Batch ports', () => {
    const inbound = plan({ scenarios: ['compute'], computePublicIp: true }).rules.filter(
      (r) => r.direction === 'inbound',
    );
    expect(inbound.map((r) => [r.endpoint, r.protocol, r.ports, r.condition])).toEqual([
      ['AzureMachineLearning', 'TCP', '44224', 'Only when compute has a public IP'],
    ]);
    expect(inbound[0]?.conflicts.map((c) => c.id)).toContain('batch-inbound-ports');
  });

  it('substitutes the region, whatever way it was typed', () => {
    const p = plan({
      scenarios: ['compute'],
      region: 'West Europe',
      computePublicIp: true,
      egress: 'azure-firewall',
    });
    expect(p.region).toBe('westeurope');
    expect(row(p, 'outbound', 'Storage.westeurope', '443')).toBeDefined();
    expect(row(p, 'outbound', 'BatchNodeManagement.westeurope', '443')).toBeDefined();
    expect(p.rules.filter((r) => r.endpoint.includes('<region>'))).toEqual([]);
    expect(p.steps.find((s) => s.id === 'step-udr')?.text).toContain(
      'AzureMachineLearning.westeurope',
    );
    expect(p.warnings).toEqual([]);
  });

  it('keeps <region> and says so when no region is given', () => {
    const p = plan({ scenarios: ['compute'] });
    expect(row(p, 'outbound', 'Storage.<region>', '443')).toBeDefined();
    expect(p.warnings).toEqual([
      'No region given: replace <region> with the region of your compute and its virtual network (where it differs from the workspace region, the compute region), e.g. westeurope.',
    ]);
  });

  it('suggests a region for a typo and still substitutes what was typed', () => {
    const p = plan({ scenarios: ['compute'], region: 'westeurop' });
    expect(p.warnings).toEqual([
      '"westeurop" is not an Azure region we know. Did you mean westeurope?',
    ]);
    expect(row(p, 'outbound', 'Storage.westeurop', '443')).toBeDefined();
  });

  it('merges the same rule across scenarios with every purpose and scenario', () => {
    const p = plan({ scenarios: ['compute', 'studio'] });
    const aad = p.rules.filter((r) => r.endpoint === 'AzureActiveDirectory');
    expect(aad).toHaveLength(1);
    expect(aad[0]).toMatchObject({
      key: 'outbound|AzureActiveDirectory|TCP|80, 443',
      scenarios: ['studio', 'compute'],
      ruleIds: ['out-aad-studio', 'out-aad-compute'],
      condition: '',
    });
    expect(aad[0]?.purposes).toEqual([
      'Signing in: the studio authenticates you with Microsoft Entra ID.',
      'Compute nodes, the CLI and the SDK get their tokens from Microsoft Entra ID.',
    ]);
    const keys = p.rules.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('adds Key Vault only for hbi workspaces, and shows the disagreement either way', () => {
    const normal = plan({ scenarios: ['compute'] });
    const hbi = plan({ scenarios: ['compute'], hbi: true });
    expect(row(normal, 'outbound', 'AzureKeyVault.<region>')).toBeUndefined();
    expect(row(hbi, 'outbound', 'AzureKeyVault.<region>', '443')).toMatchObject({
      condition: 'Only when the workspace was created with hbi_workspace enabled',
      conflicts: [
        { id: 'keyvault-tag-name', topic: 'Key Vault service tag name' },
        { id: 'keyvault-hbi-only', topic: 'When compute needs the Key Vault tag' },
      ],
    });
    expect(normal.conflicts.map((c) => c.id)).toContain('keyvault-hbi-only');
  });

  it('adds the VS Code hosts and ports only when VS Code is used', () => {
    const without = plan({ scenarios: ['compute'] });
    const withCode = plan({ scenarios: ['compute'], vscode: true });
    expect(without.rules.some((r) => r.endpoint.includes('vscode'))).toBe(false);
    expect(
      withCode.rules.filter(
        (r) => r.condition === 'Only when you connect to a compute instance from VS Code',
      ),
    ).toHaveLength(14);
    expect(
      row(
        withCode,
        'outbound',
        'VS Code server ports 8704-8710 (no destination named)',
        '8704-8710',
      ),
    ).toBeDefined();
  });

  it('gives FQDNs instead of service tags behind a firewall without service tags', () => {
    const tags = plan({ scenarios: ['compute'], computePublicIp: true });
    const fqdns = plan({
      scenarios: ['compute'],
      computePublicIp: true,
      egress: 'firewall-no-tags',
    });
    expect(tags.rules.filter((r) => r.endpointKind === 'fqdn' && r.condition === '')).toEqual([]);
    const outbound = fqdns.rules.filter((r) => r.direction === 'outbound');
    expect(outbound.map((r) => r.endpointKind)).not.toContain('service-tag');
    expect(row(fqdns, 'outbound', 'login.microsoftonline.com', '80, 443')).toBeDefined();
    expect(row(fqdns, 'outbound', '*.<region>.batch.azure.com', '443')?.protocol).toBe('ANY');
    // Inbound rules live on the NSG that Azure ML creates, which always understands tags.
    expect(row(fqdns, 'inbound', 'AzureMachineLearning', '44224')).toBeDefined();
    expect(fqdns.steps.map((s) => s.id)).toContain('step-dependencies-api');
  });

  it('routes inbound traffic around a firewall only for public-IP compute', () => {
    const ids = (o: Options) => plan({ scenarios: ['compute'], ...o }).steps.map((s) => s.id);
    expect(ids({ computePublicIp: true, egress: 'azure-firewall' })).toContain('step-udr');
    expect(ids({ computePublicIp: true, egress: 'nsg' })).not.toContain('step-udr');
    expect(ids({ computePublicIp: false, egress: 'azure-firewall' })).not.toContain('step-udr');
    expect(ids({ computePublicIp: false, egress: 'azure-firewall' })).toContain(
      'step-forced-tunnel',
    );
  });

  it('keeps Microsoft registry with own images but drops the curated-images purpose', () => {
    const curated = row(
      plan({ scenarios: ['docker-images'] }),
      'outbound',
      'MicrosoftContainerRegistry',
    );
    const own = plan({ scenarios: ['docker-images'], ownImages: true });
    expect(curated?.ruleIds).toEqual(['out-mcr-always', 'out-mcr-curated']);
    expect(row(own, 'outbound', 'MicrosoftContainerRegistry')?.ruleIds).toEqual(['out-mcr-always']);
    expect(own.steps.map((s) => s.id)).toContain('step-own-images');
    const conflict = own.conflicts.find((c) => c.id === 'mcr-own-images');
    expect(conflict?.newerAsOf).toBe('2026-03-19');
    expect(conflict?.positions.map((p) => [p.asOf, p.newest])).toEqual([
      ['2025-02-06', false],
      ['2023-04-14', false],
      ['2026-03-19', true],
    ]);
  });

  it('adds the image-build steps only when the registry is behind the VNet', () => {
    const behind = plan({ scenarios: ['docker-images'], registryBehindVnet: true });
    const open = plan({ scenarios: ['docker-images'] });
    expect(open.steps.map((s) => s.id)).not.toContain('step-image-build-compute');
    expect(behind.steps.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        'step-acr-private',
        'step-image-build-compute',
        'step-build-internet',
      ]),
    );
    expect(behind.steps.find((s) => s.id === 'step-image-build-compute')?.text).toContain(
      'az ml workspace update --name <workspace> --resource-group <rg> --image-build-compute <cluster>',
    );
  });

  it('switches v1 and v2 guidance', () => {
    const v1 = plan({ scenarios: ['aks', 'data-profiling'], sdk: 'v1' });
    const v2 = plan({ scenarios: ['aks', 'data-profiling'] });
    expect(v1.steps.map((s) => s.id)).toEqual(
      expect.arrayContaining(['step-aks-v1', 'step-v1-skip-validation']),
    );
    expect(v2.steps.map((s) => s.id)).toContain('step-aks-v2');
    expect(v2.steps.map((s) => s.id)).not.toContain('step-aks-v1');
    expect(plan({ scenarios: ['online-endpoints'], sdk: 'v1', region: 'eastus' }).warnings).toEqual(
      ['Use managed online endpoints needs the v2 API; you chose v1.'],
    );
  });

  it('orders inbound before outbound, also for settings', () => {
    const p = plan({ scenarios: ['online-endpoints', 'compute'], computePublicIp: true });
    const directions = p.rules.map((r) => r.direction);
    expect(directions.lastIndexOf('inbound')).toBeLessThan(directions.indexOf('outbound'));
    expect(p.rules.slice(0, 3).map((r) => r.endpoint)).toEqual([
      'AzureMachineLearning',
      'public_network_access (online endpoint)',
      'public_network_access (workspace)',
    ]);
  });

  it('lists each source once, with its date', () => {
    const p = plan({ scenarios: ['studio', 'compute', 'docker-images'] });
    const ids = p.sources.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['seed', 'fw', 'inc-pia']));
    expect(p.sources.find((s) => s.id === 'fw')?.asOf).toBe('2026-03-19');
  });

  it('separates things to do from explanatory notes', () => {
    const p = plan({ scenarios: ['data-profiling'] });
    expect(p.steps.every((s) => s.kind === 'action')).toBe(true);
    expect(p.notes.map((n) => n.id)).toEqual([
      'note-assumptions',
      'note-profiling-why',
      'note-designer-sample-pipeline',
    ]);
    expect(p.rules).toEqual([]);
  });

  it('leaves out the ways to find a fault, which answer questions instead', () => {
    const p = plan({ scenarios: ['studio', 'online-endpoints'] });
    const ids = [...p.steps, ...p.notes].map((s) => s.id);
    expect(ids).not.toContain('step-browser-secure-dns');
    expect(ids).not.toContain('step-oep-scoring-name-unresolved');
    expect(ids).toContain('step-dns');
  });

  it('leaves out what the six scenarios do not cover, which the wizard asks nothing about', () => {
    const p = plan({ scenarios: ['compute', 'docker-images'] });
    const ids = [...p.steps, ...p.notes].map((s) => s.id);
    expect(ids).not.toContain('note-databricks-vnet');
    expect(ids).not.toContain('note-batch-endpoints-network');
    expect(ids).not.toContain('step-attached-vm-ssh');
    expect(ids).not.toContain('step-registry-private-endpoint');
    expect(ids).not.toContain('note-registry-private-acr-build');
    expect(ids).toContain('step-keep-445');
  });
});
