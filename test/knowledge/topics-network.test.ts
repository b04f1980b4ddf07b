// Topic area A (DNS, compute subnet, routing and firewall): the corrected facts and the new items.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  conflictById,
  errorById,
  findByError,
  loadKnowledge,
  planFor,
  ruleById,
  Situation,
  stepById,
  type Plan,
  type SituationInput,
} from '../../src/knowledge';

const k = loadKnowledge();
const folder = path.join(__dirname, '..', '..', 'knowledge');
const fileOf = (name: string) =>
  JSON.parse(readFileSync(path.join(folder, name), 'utf8')) as Record<string, { id: string }[]>;

function step(id: string) {
  const s = stepById(k, id);
  if (!s) throw new Error(`no step ${id}`);
  return s;
}
function rule(id: string) {
  const r = ruleById(k, id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
}
function conflict(id: string) {
  const c = conflictById(k, id);
  if (!c) throw new Error(`no conflict ${id}`);
  return c;
}
const sourceIds = (refs: readonly { source: string; section: string }[]) =>
  refs.map((r) => `${r.source}§${r.section}`);
const plan = (input: SituationInput): Plan => planFor(k, Situation.parse(input));
const stepIds = (input: SituationInput) => {
  const p = plan(input);
  return [...p.steps, ...p.notes].map((s) => s.id);
};

describe('corrections checked against the sources', () => {
  test('step-udr routes only AzureMachineLearning, never BatchNodeManagement', () => {
    const s = step('step-udr');
    expect(s.text).not.toMatch(/BatchNodeManagement/);
    expect(s.answer ?? '').not.toMatch(/BatchNodeManagement/);
    expect(s.text).toContain('AzureMachineLearning service tag');
    expect(s.text).toContain('AzureMachineLearning.<region>');
    expect(s.text).toContain('paired (secondary) region');
    expect(s.text).toContain('next hop Internet');
    expect(s.text).toContain('--address-prefix AzureMachineLearning --next-hop-type Internet');
    expect(s.conflicts).toContain('udr-batch-route');
  });

  test('the UDR conflict prefers the firewall article, which routes only AzureMachineLearning', () => {
    const c = conflict('udr-batch-route');
    const newest = c.positions[c.newer ?? -1];
    expect(newest?.asOf).toBe('2026-03-19');
    expect(newest?.claim).toContain('No other tag is routed');
    expect(c.recommendation).toContain('Route only AzureMachineLearning');
  });

  test('forced tunnelling sends 0.0.0.0/0 to the firewall and says what passes it', () => {
    const s = step('step-forced-tunnel');
    expect(s.text).toContain("0.0.0.0/0 with the firewall's private IP as next hop");
    for (const what of ['AzureMachineLearning', 'BatchNodeManagement.<region>', 'Storage.<region>'])
      expect(s.text).toContain(what);
    expect(s.text).toContain('No inbound rule or inbound route is needed');
  });

  test.each(['fqdn-ghcr', 'fqdn-pkg-containers'])(
    '%s cites the RStudio section of the firewall article, not the include',
    (id) => {
      expect(sourceIds(rule(id).sources)).toEqual([
        'fw§Scenario: Install RStudio on compute instance',
      ]);
    },
  );

  test('fqdn-cran marks its port as assumed', () => {
    const r = rule('fqdn-cran');
    expect(r.ports).toEqual([{ from: 443, to: 443 }]);
    expect(r.portsNote).toBe('The source gives no port; HTTPS on 443 is assumed.');
  });

  test('the VS Code port range names no invented destination', () => {
    const r = rule('fqdn-vscode-ports');
    expect(r.endpoint).not.toContain('instances.azureml.ms');
    expect(r.endpointKind).toBe('setting');
    expect(r.ports).toEqual([{ from: 8704, to: 8710 }]);
    expect(r.portsNote).toContain('names no destination');
  });

  test('Key Vault tag: the firewall article writes Keyvault.<region>, only the concept article AzureKeyVault', () => {
    const c = conflict('keyvault-tag-name');
    const citing = (source: string) =>
      c.positions.find((p) => p.sources.some((s) => s.source === source));
    expect(citing('fw')?.claim).toContain('Keyvault.<region>');
    expect(citing('fw')?.claim).not.toContain('AzureKeyVault');
    const azure = c.positions.find((p) => p.claim.includes('AzureKeyVault.<region>'));
    expect(azure?.sources.map((s) => s.source)).toEqual(['seed-new']);
  });

  test('8787: the firewall basic table and the training article list it with no condition', () => {
    const c = conflict('aml-port-8787');
    const unconditional = c.positions.find((p) =>
      sourceIds(p.sources).includes('fw§Basic configuration > Outbound traffic'),
    );
    expect(unconditional?.claim).toContain('443, 8787 and 18881');
    expect(unconditional?.claim).toContain('no condition');
    expect(unconditional?.sources.map((s) => s.source)).toContain('trn');
  });

  test('Batch inbound ports: the NSG allows only 44224, and classic Batch mode retires', () => {
    const c = conflict('batch-inbound-ports');
    expect(c.recommendation).toContain("don't add 29876-29877");
    expect(c.recommendation).toContain('allows only 44224 from AzureMachineLearning');
    expect(c.recommendation).toContain('simplified mode');
    expect(c.recommendation).toContain('31 March 2026');
    expect(c.recommendation).not.toMatch(/keep it if you copy/);
    expect(c.positions.flatMap((p) => p.sources.map((s) => s.source))).toEqual(
      expect.arrayContaining(['trn', 'batch-node-comm']),
    );
  });

  test('the image-build compute cluster is needed with v2 too, not only v1', () => {
    const s = step('note-acr-v1');
    expect(s.condition).toEqual({ option: 'registryBehindVnet', equals: true });
    expect(s.text).toContain('Both the v2 and the v1 workspace articles');
    expect(sourceIds(s.sources)).toContain('swv§Prerequisites > Azure Container Registry');
    expect(stepIds({ scenarios: ['docker-images'], registryBehindVnet: true })).toContain(
      'note-acr-v1',
    );
  });

  test('no-public-IP note keeps "without opting in to the preview"', () => {
    expect(step('note-no-public-ip').text).toContain('without opting in to the preview');
  });
});

describe('new items (topic area A)', () => {
  const contains: [id: string, facts: string[]][] = [
    [
      'note-dns-zones',
      [
        'privatelink.api.azureml.ms',
        'privatelink.notebooks.azure.net',
        'privatelink.blob.core.windows.net',
        'privatelink.file.core.windows.net',
        'privatelink.dfs.core.windows.net',
        'privatelink.queue.core.windows.net',
        'privatelink.table.core.windows.net',
        'privatelink.vaultcore.azure.net',
        'privatelink.azurecr.io',
        'privatelink.monitor.azure.com',
        'privatelink.oms.opinsights.azure.com',
        'privatelink.ods.opinsights.azure.com',
        'privatelink.agentsvc.azure-automation.net',
      ],
    ],
    [
      'step-dns-custom-forwarder',
      [
        '168.63.129.16',
        'api.azureml.ms',
        'notebooks.azure.net',
        'instances.ml.azure.ms',
        'aznbcontent.net',
        'inference.ml.azure.com',
        'On-premises',
        'not to 168.63.129.16',
        'nslookup',
      ],
    ],
    [
      'note-dns-compute-instance',
      [
        '<instance>.<region>.instances.ml.azure.ms',
        'private IP of the workspace private endpoint',
        'az ml compute connect-ssh',
        '*.instances.azureml.ms',
        'WebSocket',
      ],
    ],
    [
      'note-compute-subnet-resources',
      [
        'allows inbound TCP 44224 from AzureMachineLearning',
        'load balancer',
        'public IP address',
        'network interface',
        'resource group that holds the VNet',
        'Without a public IP none of these networking resources is created',
      ],
    ],
    [
      'step-compute-rbac-join',
      [
        'Microsoft.Network/virtualNetworks/join/action',
        'Microsoft.Network/virtualNetworks/subnets/join/action',
        'Microsoft.Network/*/read',
        'LinkedAuthorizationFailed',
      ],
    ],
    [
      'note-compute-locked-rg-policy',
      ['Delete or Read-only lock', 'Azure Policy', 'network security groups', '0 -> 0'],
    ],
    [
      'note-compute-other-vnet',
      [
        'only a compute cluster',
        'never a compute instance',
        'peer',
        'privatelink.api.azureml.ms',
        "workspace's subscription",
      ],
    ],
    [
      'step-firewall-rule-types',
      ['network rules', 'application rules', 'UDP 5831', '8787', '18881', 'DNS proxy', 'Https:443'],
    ],
    ['note-compute-proxy', ['HTTP_PROXY', 'HTTPS_PROXY', '~/.bashrc', 'WebSocket']],
    [
      'step-exfiltration-endpoint-policy',
      [
        'Service Endpoint Policy',
        '/services/Azure/MachineLearning',
        'Microsoft.Storage service endpoint',
        'December 2022',
        'ml.azure.com and automlresources-prod-d0eaehh7g8andvav.b02.azurefd.net',
        'viennaglobal.azurecr.io',
      ],
    ],
    [
      'step-mvn-serverless-spark',
      ['spark_enabled: true', '--include-spark', 'py_files', "FQDN rules don't reach Spark"],
    ],
    [
      'note-mvn-or-own-vnet',
      ['NSG flow logs', 'serverless Spark', 'AKS for inference', 'Microsoft tenant'],
    ],
    [
      'step-mvn-onprem-app-gateway',
      [
        'Application Gateway',
        'appGwPrivateFrontendIpIPv4',
        'Microsoft.Network/applicationGateways',
        'at least three labels',
        'Only HTTP(S) works',
        'serverless Spark',
        'register the Microsoft.MachineLearningServices resource provider',
        'Azure AI Enterprise Network Connection Approver',
      ],
    ],
  ];

  test.each(contains)('%s states its facts', (id, facts) => {
    const s = step(id);
    for (const fact of facts) expect(s.text).toContain(fact);
  });

  test('the forwarder step answers yes/no-style and names 168.63.129.16', () => {
    expect(step('step-dns-custom-forwarder').answer).toMatch(/^Yes, .*168\.63\.129\.16/);
  });

  test.each([
    [
      'LinkedAuthorizationFailed: The client has permission to perform action ...',
      'vnet-join-denied',
    ],
    [
      "does not have authorization to perform action 'Microsoft.Network/virtualNetworks/subnets/join/action'",
      'vnet-join-denied',
    ],
    ['RequestDisallowedByPolicy: Resource was disallowed by policy', 'compute-lock-policy'],
    ['The scope is locked: ScopeLocked', 'compute-lock-policy'],
  ])('"%s" is recognised as %s', (message, id) => {
    expect(findByError(k, message).map((h) => h.id)).toContain(id);
  });

  test.each(['vnet-join-denied', 'compute-lock-policy'])('%s gives the fix first', (id) => {
    expect(errorById(k, id)?.fix).toMatch(/^(az |Find the lock)/);
  });

  test('compute behind a firewall gets the rule-type step; without a firewall it does not', () => {
    expect(stepIds({ scenarios: ['compute'], egress: 'azure-firewall' })).toContain(
      'step-firewall-rule-types',
    );
    expect(stepIds({ scenarios: ['compute'], egress: 'nsg' })).not.toContain(
      'step-firewall-rule-types',
    );
  });

  test('the compute plan carries the compute-subnet notes', () => {
    expect(stepIds({ scenarios: ['compute'] })).toEqual(
      expect.arrayContaining([
        'note-compute-subnet-resources',
        'step-compute-rbac-join',
        'note-compute-locked-rg-policy',
        'note-compute-other-vnet',
        'note-dns-compute-instance',
        'note-dns-zones',
      ]),
    );
  });
});

describe('why each outbound service tag is needed', () => {
  const why: [id: string, reason: RegExp][] = [
    ['out-aad-studio', /Entra ID/],
    ['out-aad-compute', /tokens/],
    ['out-arm-studio', /^Control plane/],
    ['out-arm-compute', /^Control plane/],
    ['out-frontdoor-studio', /studio web app/],
    ['out-firstparty', /Microsoft's registry images/],
    ['out-aml-studio', /Azure ML service itself/],
    ['out-aml-compute', /Azure ML service itself/],
    ['out-batch-443', /Azure Batch/],
    ['out-storage-443', /Microsoft's storage account/],
    ['out-keyvault', /key vault of the Azure Batch service/],
    ['out-mcr-always', /images/],
    ['out-monitor', /Azure Monitor/],
    ['out-vnet-443', /private endpoints/],
  ];
  test.each(why)('%s says why', (id, reason) => {
    expect(rule(id).purpose).toMatch(reason);
  });
});

describe('ask phrasings and one-line answers', () => {
  const mine = fileOf('topics-network.json');
  const newIds = [...(mine.steps ?? []), ...(mine.errors ?? []), ...(mine.conflicts ?? [])].map(
    (i) => i.id,
  );
  const touched = ['step-udr', 'step-forced-tunnel', 'note-no-public-ip', 'note-acr-v1'];

  test.each([...newIds, ...touched])('%s has 3-12 ask phrasings unlike its title', (id) => {
    const item = stepById(k, id) ?? errorById(k, id) ?? conflictById(k, id);
    const ask = item?.ask ?? [];
    expect(ask.length).toBeGreaterThanOrEqual(3);
    expect(ask.length).toBeLessThanOrEqual(12);
    const title = item && 'title' in item ? item.title : item && 'topic' in item ? item.topic : '';
    expect(ask.map((a) => a.toLowerCase())).not.toContain(title.toLowerCase());
  });

  test.each([...newIds.filter((id) => !errorById(k, id)), ...touched])(
    '%s has a one-line answer',
    (id) => {
      const item = stepById(k, id) ?? conflictById(k, id);
      expect(item?.answer).toBeTruthy();
      expect(item?.answer).not.toContain('\n');
    },
  );
});

describe('every step, error and conflict of the shared files says how people ask about it', () => {
  const items = (file: string, collection: string) =>
    (fileOf(file)[collection] ?? []).map((i) => i.id);
  const steps = items('steps.json', 'steps');
  const errors = items('errors.json', 'errors');
  const conflicts = items('conflicts.json', 'conflicts');

  test.each([...steps, ...errors, ...conflicts])('%s has 3-12 ask phrasings', (id) => {
    const item = stepById(k, id) ?? errorById(k, id) ?? conflictById(k, id);
    expect(item?.ask?.length).toBeGreaterThanOrEqual(3);
    expect(item?.ask?.length).toBeLessThanOrEqual(12);
  });

  test.each(errors)('error %s has a fix', (id) => {
    expect(errorById(k, id)?.fix).toBeTruthy();
  });

  test.each(conflicts)('conflict %s has a one-line answer', (id) => {
    expect(conflictById(k, id)?.answer).toBeTruthy();
  });

  test('yes/no conflicts answer with Yes or No first', () => {
    for (const id of ['mcr-own-images', 'docker-registry-name', 'studio-arm-summary'])
      expect(conflictById(k, id)?.answer).toMatch(/^(Yes|No)\b/);
    expect(conflictById(k, 'aml-port-8787')?.answer).toMatch(/^Only if/);
    // "Is BatchNodeManagement still needed?" is half yes: outbound stays, inbound went.
    expect(conflictById(k, 'batch-inbound-ports')?.answer).toMatch(
      /^Not inbound: .*Outbound 443 to BatchNodeManagement\.<region> is still needed\.$/,
    );
  });
});
