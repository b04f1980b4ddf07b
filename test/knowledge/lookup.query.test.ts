import {
  conflictById,
  errorById,
  findByEndpoint,
  findByError,
  findByKeyword,
  findByPort,
  listScenarios,
  loadKnowledge,
  ruleById,
  scenarioById,
  stepById,
  type LookupHit,
} from '../../src/knowledge';

const k = loadKnowledge();
const ids = (hits: LookupHit[], kind = 'rule') =>
  hits.filter((h) => h.kind === kind).map((h) => h.id);

describe('"what is port N?"', () => {
  it.each([
    [44224, ['in-aml-44224']],
    [29877, ['in-batch-29876']],
    [5831, ['out-aml-5831', 'fqdn-tundra', 'fqdn-tundra-api']],
    [18881, ['out-aml-18881', 'fqdn-instances-ms']],
    [8706, ['fqdn-vscode-ports']],
  ])('port %i → %j', (port, expected) => {
    expect(ids(findByPort(k, port))).toEqual(expected);
  });

  it('port 445 finds the SMB rules for storage', () => {
    expect(ids(findByPort(k, 445))).toEqual(['out-storage-445', 'fqdn-storage-file']);
  });

  it('ranks an exact port above a range that contains it, and adds related conflicts', () => {
    const hits = findByPort(k, 29876);
    expect(hits[0]).toEqual({
      kind: 'rule',
      id: 'in-batch-29876',
      score: 0.9,
      label: 'inbound BatchNodeManagement TCP 29876-29877',
    });
    // The seed routes the Batch inbound traffic around a firewall, which the newer articles drop.
    expect(ids(hits, 'conflict')).toEqual([
      'batch-inbound-ports',
      'nsg-rule-wording',
      'udr-batch-route',
    ]);
    expect(findByPort(k, 44224)[0]?.score).toBe(1);
  });

  it('finds nothing for a port no rule uses', () => {
    expect(findByPort(k, 3389)).toEqual([]);
  });
});

describe('"what is this tag or host?"', () => {
  it('finds both AzureMachineLearning directions by tag name, case-insensitively', () => {
    const found = ids(findByEndpoint(k, 'azuremachinelearning'));
    expect(found).toEqual(
      expect.arrayContaining([
        'in-aml-44224',
        'out-aml-studio',
        'out-aml-compute',
        'out-aml-18881',
        'out-aml-5831',
        'out-aml-8787',
      ]),
    );
    expect(found).toHaveLength(6);
  });

  it('Storage.westeurope finds Storage.<region>', () => {
    expect(ids(findByEndpoint(k, 'Storage.westeurope'))).toEqual([
      'out-storage-443',
      'out-storage-445',
    ]);
  });

  it('BatchNodeManagement.eastus finds the regional Batch tag, not the inbound global one', () => {
    expect(ids(findByEndpoint(k, 'BatchNodeManagement.eastus'))).toEqual(['out-batch-443']);
  });

  it('*.westeurope.batch.azure.com, typed as a firewall rule, finds *.<region>.batch.azure.com', () => {
    const [first] = findByEndpoint(k, '*.westeurope.batch.azure.com');
    expect([first?.id, first?.score]).toEqual(['fqdn-batch', 0.9]);
  });

  it.each(['ingest-*.kusto.windows.net', '*-ingest.kusto.windows.net'])(
    '%s, a wildcard inside the first label as a proxy log writes it, finds *.kusto.windows.net',
    (name) => {
      const [first] = findByEndpoint(k, name);
      expect([first?.id, first?.score]).toEqual(['fqdn-k8s-kusto', 0.85]);
    },
  );

  it('instances.azureml.ms finds *.instances.azureml.ms first, not the broader *.azureml.ms', () => {
    const [first] = findByEndpoint(k, 'instances.azureml.ms');
    expect(first?.id).toMatch(/^fqdn-instances-ms/);
  });

  it('experiments.azureml.net, typed without its region, finds <region>.experiments.azureml.net first', () => {
    const [first] = findByEndpoint(k, 'experiments.azureml.net');
    expect(first?.label).toContain('<region>.experiments.azureml.net');
  });

  it('mcr.microsoft.com finds the MCR host, ranked first', () => {
    const hits = findByEndpoint(k, 'https://mcr.microsoft.com/v2/azureml');
    expect(hits.map((h) => [h.id, h.score])).toEqual([
      ['fqdn-mcr', 1],
      ['fqdn-mcr-data', 0.5],
      ['mcr-own-images', 0.5],
    ]);
  });

  it('xyz.blob.core.windows.net finds the wildcard and the <storage> templates', () => {
    expect(ids(findByEndpoint(k, 'xyz.blob.core.windows.net'))).toEqual([
      'fqdn-storage-blob',
      'fqdn-ms-blob',
      'fqdn-k8s-storage-blob',
    ]);
  });

  it('old spellings lead to the rule and the conflict about them', () => {
    const hits = findByEndpoint(k, 'Keyvault.westeurope');
    expect(ids(hits)).toEqual(['out-keyvault']);
    expect(ids(hits, 'conflict')).toEqual(['keyvault-tag-name', 'keyvault-hbi-only']);
    expect(ids(findByEndpoint(k, 'Frontdoor.FirstParty'))).toEqual(['out-firstparty']);
  });

  it('an obsolete registry is answered by its conflict', () => {
    expect(findByEndpoint(k, 'viennaglobal.azurecr.io')[0]).toMatchObject({
      kind: 'conflict',
      id: 'docker-registry-name',
      score: 1,
    });
  });
});

describe('"what about …?" keywords', () => {
  it.each([
    ['data preview', 'scenario', 'data-profiling'],
    ['MOE', 'scenario', 'online-endpoints'],
    ['kubernetes', 'scenario', 'aks'],
    ['compute instance', 'scenario', 'compute'],
    ['ACR', 'scenario', 'docker-images'],
    ['MCR', 'scenario', 'docker-images'],
    ['image build', 'scenario', 'docker-images'],
    ['NAT gateway', 'step', 'step-nat-gateway'],
  ])('%s → %s %s first', (text, kind, id) => {
    expect(findByKeyword(k, text)[0]).toMatchObject({ kind, id });
  });

  it('returns nothing for blank text', () => {
    expect(findByKeyword(k, '  ')).toEqual([]);
  });
});

describe('"I get this error"', () => {
  it.each([
    ['StorageMountError: Failed to mount the file share, check ports 443 and 445', 'storage-mount'],
    ['ImageBuildComputeNotValid: the workspace has no valid image build compute', 'image-build'],
    [
      'Access to workspace was denied based on workspace private link configuration.',
      'private-link-denied',
    ],
    ['A required rule is missing on the NSG: inbound 44224', 'nsg-inbound-missing'],
    [
      'Unable to load data. You are not authorized to access this datastore.',
      'data-preview-denied',
    ],
    ['My cluster has been stuck in Resizing for an hour', 'compute-stuck'],
    ['Could not resolve host 1234.workspace.westeurope.api.azureml.ms', 'dns-resolution'],
    ['UserError: Cannot connect to ACR myregistry.azurecr.io', 'registry-pull'],
    [
      'Failed to pull image mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04: timeout',
      'registry-pull',
    ],
  ])('%s → %s', (text, id) => {
    expect(findByError(k, text)[0]).toMatchObject({ kind: 'error', id });
  });

  it('points an error to its scenario, rules and steps', () => {
    expect(errorById(k, 'storage-mount')).toMatchObject({
      scenarios: ['compute'],
      rules: ['out-storage-445', 'out-storage-443', 'fqdn-storage-file'],
    });
  });

  it('does not guess on unrelated text', () => {
    expect(findByError(k, 'hello, how are you?')).toEqual([]);
  });
});

describe('by id', () => {
  it('finds each kind by its id', () => {
    expect(scenarioById(k, 'aks')?.title).toBe('Use Azure Kubernetes Service (AKS)');
    expect(ruleById(k, 'in-aml-44224')?.ports).toEqual([{ from: 44224, to: 44224 }]);
    expect(stepById(k, 'step-udr')?.kind).toBe('action');
    expect(conflictById(k, 'profiling-blob-role')?.newer).toBe(1);
    expect(ruleById(k, 'nope')).toBeUndefined();
    expect(listScenarios(k).map((s) => s.id)).toEqual([
      'studio',
      'data-profiling',
      'compute',
      'online-endpoints',
      'aks',
      'docker-images',
    ]);
  });
});
