// Studio data access, storage and Key Vault networking, endpoints and AKS, images and VS Code:
// the items of knowledge/topics-workloads.json are loaded, sourced and say what matters.
import { readFileSync } from 'node:fs';
import { projectPath } from '../../src/paths';
import {
  findByError,
  KnowledgeFile,
  loadKnowledge,
  type ScenarioId,
  type Step,
} from '../../src/knowledge';

const k = loadKnowledge();
const file = KnowledgeFile.parse(
  JSON.parse(readFileSync(projectPath('knowledge', 'topics-workloads.json'), 'utf8')),
);

function step(id: string): Step {
  const found = k.steps.find((s) => s.id === id);
  if (!found) throw new Error(`missing step ${id}`);
  return found;
}

/** Sentences of a text, ignoring dots inside names such as mcr.microsoft.com or 172.17.0.0/16. */
function sentences(text: string): number {
  return text.split(/[.!?](?:\s+|$)(?=[A-Z]|$)/).filter((s) => s.trim() !== '').length;
}

interface Expected {
  id: string;
  kind: Step['kind'];
  scenarios: ScenarioId[];
  /** Phrases the text must contain, exactly as the sources write them. */
  text: (string | RegExp)[];
  /** Phrases the one-line answer must contain. */
  answer: (string | RegExp)[];
  sources: string[];
}

const expected: Expected[] = [
  {
    id: 'note-designer-sample-pipeline',
    kind: 'note',
    scenarios: ['studio', 'data-profiling'],
    text: ['Azure Global dataset', 'public workspace', 'a dataset of your own'],
    answer: [/^Designer sample pipelines/, 'Azure Global dataset'],
    sources: ['studio-vnet'],
  },
  {
    id: 'step-oep-legacy-approve-registry-pe',
    kind: 'action',
    scenarios: ['online-endpoints', 'docker-images'],
    text: [
      'az acr private-endpoint-connection list',
      'Egress for Microsoft.MachineLearningServices/workspaces/onlineEndpoints',
      'az network private-endpoint-connection approve',
      "can't be changed once the deployment exists",
    ],
    answer: ['Approve', 'egress_public_network_access'],
    sources: ['inc-oep-troubleshoot', 'oep-2025'],
  },
  {
    id: 'note-oep-legacy-reach',
    kind: 'note',
    scenarios: ['online-endpoints'],
    text: [
      "the workspace, the workspace's blob storage and the workspace's container registry",
      'MLflow',
    ],
    answer: ['egress_public_network_access disabled', 'fail to download'],
    sources: ['oep-2025', 'endpoint-troubleshoot'],
  },
  {
    id: 'step-oep-scoring-name-unresolved',
    kind: 'action',
    scenarios: ['online-endpoints'],
    text: [
      'az network private-dns record-set list -z privatelink.api.azureml.ms',
      '*.<GUID>.inference.<region>',
      'before 24 May 2022',
      'inference.ml.azure.com to 168.63.129.16',
    ],
    answer: ['recreate the workspace private endpoint', '24 May 2022'],
    sources: ['inc-oep-troubleshoot', 'oeplim', 'dns'],
  },
  {
    id: 'note-datastore-auth',
    kind: 'note',
    scenarios: ['studio', 'compute'],
    text: [
      'account key, SAS token or service principal',
      'Use workspace managed identity for data preview and profiling in Azure Machine Learning studio',
      'dataset preview is not supported on a private network',
      'Storage Blob Data Reader',
      "'Allow Azure services on the trusted services list'",
    ],
    answer: [/^Behind a VNet/, 'identity-based'],
    sources: ['service-auth', 'data-auth', 'studio-vnet'],
  },
  {
    id: 'note-trusted-services-vs-resource-instance',
    kind: 'note',
    scenarios: ['studio', 'aks'],
    text: [
      "'Allow Azure services on the trusted services list' is the broader exception",
      'Microsoft.MachineLearningServices/Workspace',
      'Microsoft.MachineLearningServices/workspaces',
      'system-assigned managed identity',
      'undocumented',
    ],
    answer: [
      'resource instance',
      'Microsoft.MachineLearningServices/workspaces',
      'trusted services',
    ],
    sources: ['swv-2026', 'seed', 'data-auth'],
  },
  {
    id: 'note-storage-other-vnet',
    kind: 'note',
    scenarios: ['studio', 'compute'],
    text: [
      'peer the VNets',
      'another private endpoint',
      'same VNet as the workspace private endpoint',
      'TCP 445',
      'Reader',
    ],
    answer: [/^Storage can sit in another VNet/, 'same VNet as the workspace private endpoint'],
    sources: ['studio-vnet', 'private-link-2025', 'trn-2025'],
  },
  {
    id: 'step-keyvault-network',
    kind: 'action',
    scenarios: ['compute', 'aks'],
    text: [
      'privatelink.vaultcore.azure.net',
      'target sub-resource vault',
      'Allow trusted Microsoft services to bypass this firewall',
      'Allow public access from specific virtual networks and IP addresses',
      'vault.azure.net and vaultcore.azure.net',
    ],
    answer: ['privatelink.vaultcore.azure.net', 'Allow trusted Microsoft services'],
    sources: ['swv-2026', 'kv-private-link', 'mvn-2025'],
  },
  {
    id: 'note-workspace-pna',
    kind: 'note',
    scenarios: ['studio', 'online-endpoints'],
    text: [
      'az ml workspace update --set public_network_access=Enabled',
      'az ml workspace network-rule add --ip-address',
      '200 public IPv4',
      'existing private endpoints stay',
      'remain private',
      'Compute keeps its own rules',
    ],
    answer: [
      /^Public network access on a private-endpoint workspace only opens the workspace itself/,
      'stay private',
      'compute still needs its own rules',
    ],
    sources: ['private-link-2025', 'swv-2026', 'isolation-planning-2026'],
  },
  {
    id: 'step-aks-internal-lb',
    kind: 'action',
    scenarios: ['aks'],
    text: [
      'azureml-fe',
      'inferenceRouterServiceType=loadBalancer',
      'internalLoadBalancerProvider=azure',
      'load_balancer_type="InternalLoadBalancer"',
      'load_balancer_subnet',
      '--load-balancer-type InternalLoadBalancer',
      'E40003 INTERNAL_LOAD_BALANCER_NOT_SUPPORT',
      'Network Contributor',
    ],
    answer: [
      'internalLoadBalancerProvider=azure',
      'load_balancer_type="InternalLoadBalancer"',
      'azureml-fe',
    ],
    sources: ['k8s-extension', 'k8s-extension-troubleshoot', 'inf1-2025'],
  },
  {
    id: 'note-aks-private-cluster',
    kind: 'note',
    scenarios: ['aks'],
    text: [
      'Private Link',
      'public FQDN',
      "workspace's region",
      'private endpoints',
      'ACRSecretError',
      'paired regions',
    ],
    answer: [/^Private AKS clusters work/, 'public FQDN', "workspace's region"],
    sources: ['inf1-2025', 'akssec-2025', 'k8s-extension', 'endpoint-troubleshoot'],
  },
  {
    id: 'note-aci-not-supported',
    kind: 'note',
    scenarios: ['online-endpoints'],
    text: [
      'Azure Container Instances (ACI)',
      "isn't supported",
      'managed online endpoint',
      'public_network_access',
    ],
    answer: [/^No/, 'managed online endpoint', 'AKS'],
    sources: ['swv-2026', 'inf1-2025', 'oep-2025'],
  },
  {
    id: 'note-scoring-dns',
    kind: 'note',
    scenarios: ['online-endpoints', 'aks'],
    text: [
      '<endpoint>.<region>.inference.ml.azure.com',
      'privatelink.api.azureml.ms',
      '168.63.129.16',
      'azureml-fe',
      'sslCname',
      '<label>.<region>.cloudapp.azure.com',
      'nslookup',
    ],
    answer: ['workspace private endpoint', 'azureml-fe'],
    sources: ['dns', 'oep-2025', 'k8s-endpoint-tls', 'aksdep1'],
  },
  {
    id: 'note-mcr-curated',
    kind: 'note',
    scenarios: ['docker-images', 'compute', 'aks'],
    text: [
      'MicrosoftContainerRegistry',
      'AzureFrontDoor.FirstParty',
      'Frontdoor.FirstParty',
      'depends on',
      'TCP 443',
      'mcr.microsoft.com and *.data.mcr.microsoft.com',
      'azureml-fe',
    ],
    answer: [/^Yes/, 'MicrosoftContainerRegistry', 'AzureFrontDoor.FirstParty'],
    sources: ['fw', 'inc-pia', 'oep-2025'],
  },
  {
    id: 'note-acr-other-vnet',
    kind: 'note',
    scenarios: ['docker-images'],
    text: [
      'peered VNet works',
      'v1 article requires the same VNet',
      'service endpoint must share VNet and subnet',
      '<registry>.azurecr.io',
      'workspace connection',
    ],
    answer: [/^Only with a private path/, '<registry>.azurecr.io'],
    sources: ['swv-2026', 'swv1', 'private-link-2025', 'trn-2025'],
  },
  {
    id: 'step-vscode-compute-instance',
    kind: 'action',
    scenarios: ['compute'],
    text: [
      /ports 8704.8710/,
      'first free port',
      'update.code.visualstudio.com',
      '*.vo.msecnd.net',
      'marketplace.visualstudio.com',
      'vscode.blob.core.windows.net',
      '*.gallerycdn.vsassets.io',
      'vscode.download.prss.microsoft.com',
      'code.visualstudio.com',
      '*.vscode.dev',
      'default.exp-tas.com',
      'https://github.com/microsoft/vscode-tools-for-ai/tree/master/azureml_remote_websocket_server/*',
      'interactive job',
    ],
    answer: [/8704.8710/, 'vscode.download.prss.microsoft.com'],
    sources: ['fw'],
  },
  {
    id: 'note-studio-notebooks',
    kind: 'note',
    scenarios: ['studio'],
    text: [
      'file share of the workspace',
      'privatelink.notebooks.azure.net',
      'privatelink.file.core.windows.net',
      '*.notebooks.azure.net',
      'graph.microsoft.com',
      '*.aznbcontent.net',
      '<storage>.file.core.windows.net',
      '18881',
    ],
    answer: [/^Notebooks live on the default storage account's file share/],
    sources: ['fw', 'seed', 'dns'],
  },
  {
    id: 'note-docker-bridge',
    kind: 'note',
    scenarios: ['compute', 'aks'],
    text: ['172.17.0.0/16', 'Docker bridge', '172.16.0.0/16', 'Kubernetes service address range'],
    answer: [/^No/, '172.17.0.0/16'],
    sources: ['swv-2026', 'private-link-2025', 'inf1-2025'],
  },
  {
    id: 'note-databricks-vnet',
    kind: 'note',
    scenarios: ['compute'],
    text: [
      "workspace's subscription",
      "workspace's region",
      'databricks-public and databricks-private',
      'default subnet',
      'without any private endpoint',
    ],
    answer: [/^Keep the Databricks VNet/, 'default subnet'],
    sources: ['trn-2025', 'swv1-2025'],
  },
  {
    id: 'step-registry-private-endpoint',
    kind: 'action',
    scenarios: ['compute', 'docker-images'],
    text: [
      'azureml-rg-<registry-name>_<GUID>',
      'Microsoft.MachineLearningServices/registries',
      'sub-resource Blob',
      'az ml registry update --set publicNetworkAccess=Disabled',
    ],
    answer: [/^Create private endpoints for the registry/, 'same subnet'],
    sources: ['registry-iso'],
  },
  {
    id: 'note-registry-private-acr-build',
    kind: 'note',
    scenarios: ['docker-images'],
    text: ['public network access disabled', 'share it from the workspace to the registry'],
    answer: [
      /^A registry whose container registry has public access disabled/,
      'share it to the registry',
    ],
    sources: ['registry-iso'],
  },
  {
    id: 'note-batch-endpoints-network',
    kind: 'note',
    scenarios: ['compute'],
    text: [
      'public_network_access or egress_public_network_access',
      'leaves existing batch endpoints as they were',
      'Quarantine',
      'CLI v2, the Python SDK v2 or the REST API',
      "need the compute cluster's network rules",
      'queue and table',
    ],
    answer: [
      /^Batch deployments run on a compute cluster in the VNet/,
      "follow the workspace's network setting",
    ],
    sources: ['batch-iso', 'swv'],
  },
  {
    id: 'step-attached-vm-ssh',
    kind: 'action',
    scenarios: ['compute'],
    text: ['source service tag AzureMachineLearning', 'destination port 22', 'Ubuntu'],
    answer: [/^Allow inbound SSH/, 'AzureMachineLearning'],
    sources: ['trn-2025'],
  },
  {
    id: 'step-serverless-vnet',
    kind: 'action',
    scenarios: ['compute'],
    text: ['serverless_compute', 'custom_subnet', 'no_public_ip', "the studio can't set it"],
    answer: [/^Set serverless_compute on the workspace/],
    sources: ['trn-2025'],
  },
  {
    id: 'note-azure-policy-network',
    kind: 'note',
    scenarios: ['studio', 'compute'],
    text: [
      'Category Machine Learning',
      "'Workspaces should use private link' (Audit or Deny)",
      'privateEndpointSubnetID',
      'privateDnsZoneId',
      'Audit or Disabled only',
      'custom definition',
    ],
    answer: [/^Use the built-ins in the Machine Learning category/, 'custom definition'],
    sources: ['policy-aml'],
  },
  {
    id: 'step-prompt-flow-network',
    kind: 'action',
    scenarios: ['compute', 'online-endpoints'],
    text: [
      'Storage File Data Privileged Contributor',
      'az ml workspace provision-network',
      'SerpAPI',
      'serverless_compute custom_subnet',
      'AKS cluster',
    ],
    answer: [/^Give the workspace managed identity Storage File Data Privileged Contributor/],
    sources: ['pf-iso'],
  },
  {
    id: 'step-rag-vector-index-network',
    kind: 'action',
    scenarios: ['compute'],
    text: [
      'Storage Blob Data Contributor and Storage Table Data Contributor',
      'FQDN outbound rule',
      'compute instance or compute cluster, not serverless compute',
      'Microsoft.Network resource provider',
    ],
    answer: [/^Add private endpoint outbound rules for private Azure OpenAI and AI Search/],
    sources: ['rag-iso'],
  },
];

const hosts = [
  'update.code.visualstudio.com',
  '*.vo.msecnd.net',
  'marketplace.visualstudio.com',
  'vscode.blob.core.windows.net',
  '*.gallerycdn.vsassets.io',
  'vscode.download.prss.microsoft.com',
  'code.visualstudio.com',
  '*.vscode.dev',
  '*.vscode-unpkg.net',
  '*.vscode-cdn.net',
  '*.vscodeexperiments.azureedge.net',
  'default.exp-tas.com',
];

describe('topics-workloads.json', () => {
  it('holds exactly the planned items, none of them defined in another file', () => {
    expect(file.steps?.map((s) => s.id).sort()).toEqual(expected.map((e) => e.id).sort());
    for (const e of expected) {
      expect(k.steps.filter((s) => s.id === e.id)).toHaveLength(1);
    }
  });

  describe.each(expected.map((e) => [e.id, e] as const))('%s', (id, e) => {
    const s = step(id);

    it('has the planned kind and scenarios', () => {
      expect(s.kind).toBe(e.kind);
      expect(s.scenarios).toEqual(e.scenarios);
    });

    it('names the facts that matter', () => {
      for (const phrase of e.text) {
        if (typeof phrase === 'string') expect(s.text).toContain(phrase);
        else expect(s.text).toMatch(phrase);
      }
    });

    it('answers first, in one line', () => {
      expect(s.answer).toBeDefined();
      expect(s.answer).not.toContain('\n');
      for (const phrase of e.answer) {
        if (typeof phrase === 'string') expect(s.answer).toContain(phrase);
        else expect(s.answer).toMatch(phrase);
      }
    });

    it('keeps its text to two to five sentences', () => {
      const n = sentences(s.text);
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(5);
    });

    it('lists 3 to 12 ways people ask, none a copy of the title', () => {
      const ask = s.ask ?? [];
      expect(ask.length).toBeGreaterThanOrEqual(3);
      expect(ask.length).toBeLessThanOrEqual(12);
      expect(ask.map((a) => a.toLowerCase())).not.toContain(s.title.toLowerCase());
      expect(new Set(ask).size).toBe(ask.length);
    });

    it('cites its sources, with a section each', () => {
      const cited = s.sources.map((r) => r.source);
      expect(cited).toEqual(expect.arrayContaining(e.sources));
      expect(s.sources.every((r) => r.section.trim() !== '')).toBe(true);
    });
  });

  it('lists every VS Code host of the firewall article and no other', () => {
    const text = step('step-vscode-compute-instance').text;
    for (const host of hosts) expect(text).toContain(host);
    const named = text.match(/(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|dev|io)\b/g) ?? [];
    const allowed = new Set([...hosts, 'vscode.dev', 'github.com']);
    expect(named).toEqual(expect.arrayContaining(hosts));
    expect(named.filter((h) => !allowed.has(h))).toEqual([]);
  });

  it('keeps situational items situational', () => {
    expect(step('step-vscode-compute-instance').condition).toEqual({
      option: 'vscode',
      equals: true,
    });
    expect(step('note-acr-other-vnet').condition).toEqual({
      option: 'registryBehindVnet',
      equals: true,
    });
    for (const id of [
      'note-storage-other-vnet',
      'note-workspace-pna',
      'note-aks-private-cluster',
    ]) {
      expect(step(id).condition).toHaveProperty('when');
    }
  });

  it('dates its new sources by the articles ms.date and links Learn pages', () => {
    const dates = Object.fromEntries((file.sources ?? []).map((s) => [s.id, s.asOf]));
    expect(dates).toMatchObject({
      'swv-2026': '2026-02-05',
      'private-link-2025': '2025-05-22',
      'isolation-planning-2026': '2026-01-08',
      'service-auth': '2026-01-22',
      'data-auth': '2024-09-06',
      'trn-2025': '2025-06-12',
      'akssec-2025': '2025-02-06',
      'inf1-2025': '2025-06-13',
      'k8s-extension': '2026-01-28',
      'k8s-extension-troubleshoot': '2025-03-05',
      'k8s-endpoint-tls': '2022-10-10',
      'oep-2025': '2025-11-13',
      'mvn-2025': '2025-05-23',
      'endpoint-troubleshoot': '2025-10-06',
      'kv-private-link': '2023-01-17',
    });
    for (const s of file.sources ?? []) {
      expect(s.url).toMatch(/^https:\/\/learn\.microsoft\.com\/azure\//);
      expect(s.commit).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  it.each([
    [
      "Error: failed to communicate with the workspace's container registry",
      'image-build-private-registry',
    ],
    [
      'ERROR: ACRSecretError while creating the Kubernetes deployment',
      'k8s-private-endpoints-missing',
    ],
    ['GetAADTokenFailed', 'k8s-private-endpoints-missing'],
    ['ERROR: ImagePullLoopBackOff', 'k8s-image-pull-backoff'],
    ['E40003 INTERNAL_LOAD_BALANCER_NOT_SUPPORT', 'aks-internal-lb-not-supported'],
    [
      'Error: Unable to profile this dataset. This might be because your data is stored behind a virtual network',
      'data-preview-denied',
    ],
    [
      'ACI deployment fails in our VNet with the private endpoint workspace',
      'aci-private-workspace',
    ],
  ])('recognizes the pasted error %j', (text, id) => {
    expect(findByError(k, text)[0]?.id).toBe(id);
  });

  it('gives each new error a fix and ways people ask', () => {
    for (const e of file.errors ?? []) {
      expect(e.fix?.trim()).toBeTruthy();
      expect((e.ask ?? []).length).toBeGreaterThanOrEqual(3);
    }
  });
});

// The note on serverless builds gave the same first line as this step, so the two are one item.
describe('the image-build step holds what the note on serverless builds said', () => {
  const s = step('step-image-build-compute');

  it.each([
    'serverless builds',
    'ACR Tasks',
    'az ml workspace update --name <workspace> --resource-group <rg> --image-build-compute <cluster>',
    "--image-build-compute ''",
    'image_build_compute',
    'workspace connection',
  ])('names %s', (phrase) => {
    expect(s.text).toContain(phrase);
  });

  it('answers with the command first and keeps the old id for cards already sent', () => {
    expect(s.answer).toMatch(/^Create a CPU compute cluster .* --image-build-compute <cluster>/);
    expect(s.formerIds).toEqual(['note-serverless-image-build']);
    expect(s.sources.map((x) => x.source)).toEqual(
      expect.arrayContaining(['swv-2026', 'private-link-2025', 'mvn-2025']),
    );
  });
});
