// Questions as engineers ask them, and the first thing the bot answers: the slice asked for, a
// verdict for a yes/no question, the fix for a pasted error, runners-up as "Did you mean".
import { cardProblems, cardText } from '../support/card-validation';
import { createTestBot } from '../support/test-bot';
import { buttonTitles, newConversationId, TeamsClient } from '../support/teams-client';
import { visibleText } from '../../src/cards/visible-text';

function chat() {
  const { adapter } = createTestBot();
  return new TeamsClient(adapter, { scope: 'personal', conversationId: newConversationId() });
}

async function firstCard(question: string) {
  const turn = await chat().say(question);
  const card = turn.cards[0];
  expect(card).toBeDefined();
  expect(cardProblems(card)).toEqual([]);
  return card!;
}

/** What shows before anything is expanded. */
const visible = (card: object) => visibleText(card).join('\n');

/** The verdict: the first card's line under its title. */
async function verdictOf(question: string): Promise<string> {
  return visible(await firstCard(question)).split('\n')[1] ?? '';
}

describe('the bot answers the slice a question asks for', () => {
  it.each([
    // question, what must be visible, what must not be visible
    [
      'which inbound ports does a compute cluster need',
      ['44224', 'inbound'],
      ['outbound', 'Storage'],
    ],
    [
      'which inbound ports does a compute instance need with no public ip',
      ['no inbound rules'],
      ['44224'],
    ],
    // A port asked for one scenario lists where that scenario goes on it, the rest under details.
    [
      'does AKS need 443 inbound?',
      ['to MicrosoftContainerRegistry', 'more under Why and details'],
      ['to AzureActiveDirectory', 'Signing in'],
    ],
    // "Enough?" about a host lists the other hosts, in its verdict and in its rows.
    [
      'is *.azureml.ms enough for compute behind our firewall?',
      ['besides \\*.azureml.ms', 'to login.microsoftonline.com'],
      ['to AzureActiveDirectory'],
    ],
  ])('"%s"', async (question, shown, hidden) => {
    const text = visible(await firstCard(question));
    for (const s of shown) expect(text.toLowerCase()).toContain(s.toLowerCase());
    for (const h of hidden) expect(text).not.toContain(h);
  });

  // The setup stated filters the slice; it does not make the setup's own note the answer.
  const outbound = [
    'A compute instance or a compute cluster · outbound',
    /needs \d+ outbound rules/,
  ] as const;
  const anyWay = [
    'A compute instance or a compute cluster',
    /needs \d+ (host-name )?rules/,
  ] as const;
  it.each([
    ['which outbound rules does a compute cluster without public ip need?', ...outbound],
    ['outbound rules for compute behind azure firewall', ...outbound],
    [
      'which outbound rules does a compute cluster without public ip behind a firewall without service tags need?',
      ...outbound,
    ],
    // The setup said after the verb filters the slice as it does before it.
    ['what outbound rules does compute need with no public ip', ...outbound],
    // "Compute" alone, which other names share, names compute when it is all the question names.
    ['which hosts does compute need behind the firewall', ...anyWay],
    // A setup filters the host names as it filters the rules.
    ['which hosts does a compute instance need with no public ip', ...anyWay],
    ['firewall rules for compute clusters with no public ip', ...anyWay],
  ])('"%s" gets the slice of compute the setup filters: %s', async (question, title, verdict) => {
    const [first, second] = visibleText(await firstCard(question));
    expect(first).toBe(title);
    expect(second).toMatch(verdict);
  });

  // A URL named in a problem report is where the problem shows, not a question about which hosts.
  it('"the scoring url is not reachable from our web app" is not answered with the hosts AKS needs', async () => {
    const [title] = visibleText(
      await firstCard(
        'deployment to AKS succeeded but the scoring url is not reachable from our web app, it just times out. the AKS has an internal load balancer',
      ),
    );
    expect(title).not.toMatch(/^Azure Kubernetes Service/);
  });

  // Rules one adds to a managed network answer only a question that says it uses one.
  it.each([
    ['which outbound rules does compute need to reach storage?', 'Storage.<region>'],
    [
      'which outbound rules does compute need to reach storage in a managed network?',
      'Configuration step',
    ],
    [
      'we use a managed v-net: which outbound rules does compute need to reach storage?',
      'Configuration step',
    ],
  ])('"%s" gets "%s"', async (question, title) => {
    const [first, verdict] = visibleText(await firstCard(question));
    expect(first).toBe(title);
    if (title === 'Configuration step')
      expect(verdict).toMatch(/^Add outbound rules to the managed network/);
  });

  it('offers the whole scenario one click away', async () => {
    const card = await firstCard('which inbound ports does a compute cluster need');
    expect(buttonTitles(card)).toContain('Show the whole scenario');
  });

  it.each([
    [
      'Complete list of FQDNs for compute instance behind Azure Firewall? The doc lists *.instances.azureml.ms, *.instances.azureml.net, *.tundra.azureml.ms, *.batch.azure.com and some more and im not sure which are still needed.',
      'A compute instance or a compute cluster',
    ],
    [
      'Our proxy team wants the list of hosts the client browser needs for the studio when the workspace is behind private link (ml.azure.com, *.azureml.ms, login.microsoftonline.com).',
      'The workspace from Azure Machine Learning studio',
    ],
  ])(
    'three host names or more given as examples of a list get the list: "%s"',
    async (question, title) => {
      const [first] = visibleText(await firstCard(question));
      expect(first).toBe(title);
    },
  );

  it('answers each port a question names, on one card', async () => {
    const card = await firstCard('what are ports 8787 and 18881 used for in aml');
    const [title, verdict] = visibleText(card);
    expect(title).toBe('Ports 8787 and 18881');
    // "Used for" asks each port's purpose.
    expect(verdict).toBe(
      'Port 8787 — RStudio running on a compute instance. Port 18881 — Language server behind notebook IntelliSense on a compute instance.',
    );
    expect(visible(card)).toContain('TCP 18881');
    // The second port is answered here, not offered as "Did you mean"; and commands for the
    // first port alone would leave out the second.
    expect(buttonTitles(card).join('\n')).not.toMatch(/Did you mean: Port 18881/);
    expect(buttonTitles(card)).not.toContain('Show as commands');
  });

  it('answers two ports of the same rule as that rule, once', async () => {
    const [title, verdict] = visibleText(
      await firstCard(
        'do we need ports 8705 and 8707 outbound for vs code on the compute instance?',
      ),
    );
    expect(title).toBe('Port 8705');
    expect(verdict?.match(/8704-8710/g)).toHaveLength(1);
  });

  it("says which network two ports' rules are for once, not per port", async () => {
    const [, verdict] = visibleText(
      await firstCard('our workspace has a managed vnet: what are ports 8787 and 18881 for?'),
    );
    expect(verdict).toMatch(/^In a VNet of your own \(not a managed network\): Port 8787 — /);
    expect(verdict?.match(/In a VNet of your own/g)).toHaveLength(1);
  });

  it('says what it understood in one line', async () => {
    const text = visible(
      await firstCard('outbound rules for a compute cluster without public ip behind a firewall'),
    );
    expect(text).toMatch(/I read this as: .*outbound.*no public IP.*firewall/);
  });

  it('"…, can someone give me the list?" is a request for the list, not a yes or no', async () => {
    const [title, verdict] = visibleText(
      await firstCard(
        'need the service tags list for the NSG on the subnet of my compute, can someone give me the list?',
      ),
    );
    expect(title).toBe('A compute instance or a compute cluster');
    expect(verdict).toMatch(/^A compute instance or a compute cluster needs \d+ rules/);
  });

  it('names the scenario it answers in that line, even one named by a word others share', async () => {
    const text = visible(await firstCard('how do I configure azure firewall for azure ml compute'));
    expect(text).toContain('I read this as: a compute instance or a compute cluster · firewall.');
  });
});

describe('a yes/no question gets its verdict first', () => {
  it.each([
    ['is port 29876 still needed?', /^No/],
    ['do we need to allow BatchNodeManagement outbound?', /^Yes/],
    ['do I still need the Microsoft registry with my own images?', /^Yes/],
    ['is port 445 needed from compute to storage?', /^(Yes|Only when)/],
    // An hbi workspace said in the negative is a setup too.
    [
      "we don't use hbi_workspace; do the compute nodes still need *.vault.azure.net outbound?",
      /^No, not in the setup you describe\. /,
    ],
    // Ruled out by the setup stated, the name is said to be used, not needed, under the "No".
    [
      'is AzureKeyVault needed for compute in a non-hbi workspace?',
      /^No, not in the setup you describe\. AzureKeyVault\.<region> is used outbound on TCP 443\.$/,
    ],
    // A yes/no about what a thing is gets no yes or no about whether it is needed.
    ['is 5831 udp?', /^Port 5831 \(UDP\) is used outbound to AzureMachineLearning/],
    [
      'is the AzureMachineLearning tag regional?',
      /^AzureMachineLearning is needed inbound on TCP 44224 and outbound on /,
    ],
    // "Is that expected?" asks whether something is as it should be: the step says what to do,
    // with no "Yes" in front that would say it is expected; "should I …" asks whether to do it.
    [
      'nslookup of the workspace name returns a public IP from an on-prem laptop. Is that expected?',
      /^(?!Yes)\S/,
    ],
    ['Should I link the privatelink.api.azureml.ms zone to the hub vnet?', /^Yes: Link /],
    // Asked one way when every rule of the port or name goes the other way.
    [
      'does AKS need 443 inbound?',
      /^No documented rule uses port 443 inbound\. Port 443 \(TCP\) is used outbound to MicrosoftContainerRegistry, /,
    ],
    [
      'do I need AzureFrontDoor.FrontEnd inbound?',
      /^No documented rule uses AzureFrontDoor\.FrontEnd inbound\. AzureFrontDoor\.FrontEnd is needed outbound on TCP 443\.$/,
    ],
    // Names the user found inconsistent between tables are the disagreement about them.
    [
      'Inconsistent service tag names. In one table the key vault tag is AzureKeyVault and in another Keyvault.region. Which one should be used in the NSG?',
      /^Same tag either way: type AzureKeyVault\.<region>/,
    ],
    // The route for a name is the disagreement about routes, not one about its inbound ports.
    [
      'The instructions to use a UDR for forced tunneling mention adding the BatchNodeManagement service tag route, but the newer doc lists only AzureMachineLearning. Do I still need the BatchNodeManagement route?',
      /^No: route only AzureMachineLearning/,
    ],
    // "Non-hbi" states the setup in the negative: the hbi-only tag is not needed.
    [
      'is the AzureKeyVault tag needed for a normal (non-hbi) workspace behind azure firewall?',
      /^No, not in the setup you describe\./,
    ],
    // Whether a tag or its host names go in the rule is not a condition of the need: the verdict
    // gives the need, and the host names for a firewall without service tags follow under it.
    [
      'does the compute instance need AzureKeyVault outbound?',
      /^Only when the workspace was created with hbi\\_workspace enabled\. AzureKeyVault\.<region> is needed outbound on TCP 443\.$/,
    ],
    // A tag's plain name as where traffic goes is that tag.
    [
      'does compute need outbound to storage?',
      /^Yes\. Storage\.<region> is needed outbound on TCP 443, 445\.$/,
    ],
    // "Need" a subnet asks about the subnet, not for rules.
    [
      'Do I need a separate subnet for compute instances and compute clusters, or can they share one?',
      /^The compute subnet must not be delegated to another service; it needs a free IP for every compute instance/,
    ],
    // The sentence that asks points back to the host the story named.
    [
      'We have a locked down environment. The compute cluster nodes try to reach graph.windows.net and the proxy blocks it. Is this host actually required for training jobs?',
      /^Yes\. graph\.windows\.net is needed/,
    ],
    // What the user already said is not repeated as a condition.
    [
      'do I need a NAT gateway for no public ip clusters?',
      /^Only when outbound traffic goes through network security groups only: Attach a NAT gateway/,
    ],
    // A "no" says when the step is needed; the step's instruction would read as the opposite.
    [
      'do I need a nat gateway when we route everything to azure firewall and compute has no public ip',
      /^No, not in the setup you describe: it is needed only when compute has no public IP and outbound traffic goes through network security groups only\.$/,
    ],
  ])('"%s"', async (question, verdict) => {
    const lines = visibleText(await firstCard(question));
    expect(lines[1]).toMatch(verdict);
  });
});

describe('a pasted error gets its cause and the fix first', () => {
  it.each([
    ['ImageBuildComputeNotValid', '--image-build-compute'],
    // The environments troubleshooting article's name for a build that can't reach the registry.
    ['job log: ACR unreachable, retrying', '--image-build-compute'],
    // Kubernetes compute's words for a cluster with no path to the workspace's token service.
    [
      'Kubernetes training job: Job failed. 400: could not connect to the Azure Machine Learning token service',
      'The AKS cluster has no network path to the workspace',
    ],
    [
      'LinkedAuthorizationFailed: the client does not have permission to perform action Microsoft.Network/virtualNetworks/subnets/join/action',
      'join/action',
    ],
    // A resolver's own words for a name that does not resolve, as Python prints them.
    ['urlopen error [Errno -3]', 'privatelink.api.azureml.ms'],
    ['the job log says: Temporary failure in name resolution', 'privatelink.api.azureml.ms'],
    // The registry's name that does not resolve is the registry's private endpoint and DNS.
    ['lookup myacr.azurecr.io on 10.0.0.10:53: no such host', 'privatelink.azurecr.io'],
    // A package host that does not resolve is a package host out of reach, not a workspace name.
    [
      'in the compute instance terminal i get "Could not resolve host: pypi.org" for everything',
      'no outbound path at all',
    ],
    // The data runtime's own words for a mount that times out.
    [
      'The aggregation step of our federated pipeline fails in the isolated setup deployed with the one-click ARM deployment; the same pipeline works without private endpoints. Error: {"NonCompliant":"DataAccessError(ConnectionFailure { source: Some(Custom { kind: TimedOut }) })"} code: data-capability.UriMountSession.PyFuseError',
      'TCP 445 and 443',
    ],
    // A known error's own pattern is enough, with no network word in the message.
    [
      'A customer cannot open their instance from VS Code desktop since last week. The log says: Maximum retries exhausted. Could not install VS Code server on the instance: Cannot parse output from Terminal Output. Instances created on the older image version still work, only the newer ones fail. Any insights we can pass on to the customer?',
      '8704-8710',
    ],
  ])('"%s"', async (question, fix) => {
    const lines = visibleText(await firstCard(question));
    expect(lines[1]).toMatch(/^Likely cause/);
    expect(lines.slice(0, 4).join('\n')).toContain(fix);
  });
});

describe('package feeds behind a firewall', () => {
  it.each([
    // The setup first, the question in the last clause.
    ["we don't use pip installs, can we drop pypi.org?", /^Yes, unless /],
    // "How do I allow X" asks for X's rules: the feature's rows come first.
    [
      'how do I allow pip install on compute behind the firewall',
      /^For public package feeds \(pip, conda\)/,
    ],
    // A problem report about packages gets its cause, which names the hosts.
    ['pip install times out on our cluster behind azure firewall', /^Likely cause: .*pypi\.org/],
    [
      'CondaHTTPError: HTTP 000 CONNECTION FAILED for url https://repo.anaconda.com/pkgs/main',
      /^Likely cause/,
    ],
    // A wildcard typed for a firewall rule is about the host under it.
    ['is *.pypi.org enough for pip?', /^pypi\.org is needed outbound/],
    // ... or about the host whose template has a placeholder where the wildcard stands.
    ['what is *.tundra.azureml.ms used for?', /^<region>\.tundra\.azureml\.ms — /],
    // A problem report that asks which hosts to allow gets the hosts, not only the failure.
    [
      'the VS Code server download fails on our instance, which hosts does it need?',
      /^Open ports 8704-8710 and the VS Code hosts/,
    ],
  ])('"%s"', async (question, verdict) => {
    expect(await verdictOf(question)).toMatch(verdict);
  });
});

describe("a note's one line answers more than the one question it was written for", () => {
  // The note's stored "Yes, private AKS clusters work" would answer the wrong question; the
  // claims stored for these words answer the one asked.
  it.each([
    [
      'can I use a private aks cluster with a public fqdn?',
      /^No: a private AKS cluster that also has a public FQDN isn't supported/,
    ],
    ['can storage be in another vnet?', /^Yes: storage can be in another VNet if every VNet/],
  ])('"%s" gets the yes or no its words ask for', async (question, verdict) => {
    expect(await verdictOf(question)).toMatch(verdict);
  });

  it.each([
    // "The same VNet" asks where a thing may sit, as "another VNet" does.
    ['must storage be in the same vnet as the workspace?', 'Storage can sit in another VNet'],
  ])('"%s" gets no stored "Yes" in front of the fact: %s', async (question, fact) => {
    const verdict = await verdictOf(question);
    expect(verdict).not.toMatch(/^(Yes|No)\b/);
    expect(verdict).toContain(fact);
  });
});

describe('where a resource may sit', () => {
  it.each([
    [
      'does the aks cluster need to be in the same region as the workspace?',
      /^Yes: with a workspace private endpoint, the AKS cluster has to be in the workspace's region\.$/,
    ],
    // Two regions in one question ask whether compute may sit in another region, to the claims
    // as to the ranking.
    [
      'Can a compute cluster in East US be attached to a workspace in West Europe? Our VNet is in East US.',
      /^Yes: a compute cluster can be in another region or VNet/,
    ],
    // The registry-placement note, not the images scenario.
    [
      'does the acr need to be in the same vnet as compute?',
      /registry private endpoint in the compute's VNet or a peered one/,
    ],
  ])('"%s" gets the placement rule', async (question, verdict) => {
    expect(await verdictOf(question)).toMatch(verdict);
  });
});

describe('a yes or no never says yes to what the step forbids', () => {
  it.each([
    'does the compute subnet need to be delegated?',
    'should the compute subnet be delegated to Microsoft.MachineLearningServices?',
  ])('"%s" says the subnet must not be delegated', async (question) => {
    const verdict = await verdictOf(question);
    expect(verdict).not.toMatch(/^Yes\b/);
    expect(verdict).toContain('must not be delegated');
  });
});

describe('an error told as what happened yields to what the asking sentence asks', () => {
  it('storage mount errors after a custom DNS server, asking what to forward, get the forwarders', async () => {
    const verdict = await verdictOf(
      'After adding a custom DNS server to the VNet (our domain controllers), compute instances fail to start and storage mount errors appear. Before that everything worked. What should the DNS servers forward?',
    );
    expect(verdict).toMatch(
      /^Forward api\.azureml\.ms, notebooks\.azure\.net, .* to 168\.63\.129\.16/,
    );
  });
});

describe('a step for another setup says so first', () => {
  it('"what do clusters behind our firewall need for outbound internet?" is told the NAT gateway is for a setup without one', async () => {
    const card = await firstCard(
      'what do clusters behind our firewall need for outbound internet?',
    );
    const verdict = visible(card).split('\n')[1] ?? '';
    expect(verdict).toMatch(/^Not for the setup you describe: .*network security groups only\.$/);
    expect(cardText(card)).toContain('(forced tunnelling)');
  });

  // The address traffic leaves from is not a public IP on the compute.
  it('"a specific outbound public IP … can we put a NAT gateway on the subnet?" gets the NAT gateway step', async () => {
    const verdict = await verdictOf(
      'We want our compute cluster to use a specific outbound public IP. Can we put a NAT gateway on the subnet?',
    );
    expect(verdict).toMatch(/^Yes: a NAT gateway with a public IP on the compute subnet/);
  });

  it('the same step for its own setup says what to do', async () => {
    const verdict = await verdictOf(
      'how do I give no public ip clusters internet access without a firewall?',
    );
    expect(verdict).toMatch(/^Attach a NAT gateway/);
  });
});

describe('the line that says what the bot understood', () => {
  it.each([
    [
      'our clusters have no public ip and there is no firewall, how do they get to pypi?',
      'no firewall',
    ],
    [
      'which hosts does compute need behind a firewall without service tags?',
      'firewall without service tags',
    ],
    ['which hosts does compute need behind azure firewall?', 'firewall'],
    [
      'Our firewall only supports FQDN rules. What do we allow for the studio?',
      'firewall without service tags',
    ],
    // The scenario the asking sentence names, not the one the story around it names.
    [
      'Why does the firewall article ask for AzureFrontDoor.FrontEnd on the compute subnet? I thought Front Door was only for the studio website.',
      'a compute instance or a compute cluster',
    ],
  ])('"%s" is read as: %s', async (question, setup) => {
    const line = visible(await firstCard(question))
      .split('\n')
      .find((l) => l.startsWith('I read this as:'));
    expect(line?.split(/: |\s·\s|\.$/)).toContain(setup);
  });
});

describe('runners-up sit under the answer instead of a question back', () => {
  it('answers and offers "Did you mean"', async () => {
    const card = await firstCard('which private dns zones do i need');
    expect(cardText(card)).not.toContain('Which one do you mean?');
    expect(buttonTitles(card).some((t) => t.startsWith('Did you mean'))).toBe(true);
  });
});

describe('the bot knows the neighbouring topics people ask about', () => {
  it.each([
    [
      'conditional forwarder for the workspace private endpoint on our own dns server',
      '168.63.129.16',
    ],
    [
      'which private dns zone names for blob, vault and the registry',
      'privatelink.blob.core.windows.net',
    ],
    ['what permissions does a user need to create compute in a vnet', 'subnets/join/action'],
    ['is a service endpoint for storage supported?', 'share the VNet and subnet of the compute'],
    // Bicep and Terraform call the link between a private endpoint and its zones a zone group.
    [
      'which privateDnsZoneGroups does the amlworkspace endpoint need',
      'privatelink.api.azureml.ms',
    ],
    ['our resource group has a delete lock, compute creation fails', 'lock'],
    // "Bring our own VNet" is a network of one's own, not one's own images.
    [
      "What's the difference between using a managed VNet and bringing our own VNet for Azure ML?",
      'Pick the managed network for least upkeep',
    ],
    // Other Azure services are reached from a managed network through outbound rules.
    [
      "how do I let the hub's compute call Azure AI Search privately?",
      'a private endpoint rule per Azure resource',
    ],
    [
      'azure firewall network rule or application rule for AzureMachineLearning',
      'application rule',
    ],
    ['can I deploy to ACI with a private endpoint workspace', 'managed online endpoint'],
    ['internal load balancer for the aks inference router azureml-fe', 'azureml-fe'],
    ['docker bridge 172.17.0.0/16 overlaps with our vnet address space', '172.17.0.0/16'],
    ['key vault behind a firewall trusted services', 'trusted'],
    ['does the workspace need a private endpoint?', 'compute without a public IP requires it'],
    ['vs code cannot connect to my compute instance, which ports?', '8704-8710'],
    ['serverless image build with acr behind private endpoint', '--image-build-compute'],
    [
      'we enabled public network access on the private endpoint workspace, is compute still private?',
      'stay private',
    ],
    // What a managed network does not take, how compute gets into one, and who approves its
    // private endpoints.
    [
      'Can I attach an AKS cluster as Kubernetes compute to a workspace that uses a managed VNet?',
      "No: Kubernetes compute and attached VMs can't be used in a workspace managed network.",
    ],
    [
      'managed vnet with allow only approved outbound: can an FQDN rule open port 5432 to our external postgres?',
      'No: FQDN outbound rules carry only ports 80 and 443',
    ],
    ['can I turn the managed network off again later?', "it can't be disabled"],
    // "MVN" is the managed network, and a deployment's egress flag is left unset in one.
    [
      "can we attach our AKS cluster as Kubernetes compute to a workspace that's using MVN?",
      "No: Kubernetes compute and attached VMs can't be used",
    ],
    [
      'Workspace has MVN turned on. Should I still set egress_public_network_access=disabled on every managed online deployment?',
      'No: with the workspace managed network, leave egress',
    ],
    [
      'We just enabled the managed network on our workspace. Will our existing compute instances move into it?',
      "No: existing managed compute isn't moved into the managed network",
    ],
    [
      'our private endpoint outbound rule to an Azure SQL database in the managed network stays pending, what permission is missing?',
      'Azure AI Enterprise Network Connection Approver',
    ],
    [
      'which isolation mode should our managed vnet use if jobs pull packages from pypi?',
      "'Allow internet outbound' lets managed compute reach the internet freely",
    ],
    // Needing a private endpoint asks about the endpoint, not for rules; "as well as" is filler.
    [
      'We use ADLS Gen2 behind a private endpoint. Do I need a dfs private endpoint as well as blob for the studio?',
      'Blob and file always',
    ],
    // A batch endpoint is not Azure Batch: its storage needs queue and table endpoints.
    [
      'our batch endpoint fails to read the input data since storage got a private endpoint',
      'queue and table only for batch endpoints',
    ],
    // Blob and file private endpoints are both needed, whatever the studio's notebooks need.
    [
      'Do I need a private endpoint for the file share too or is blob enough?',
      'Blob and file always',
    ],
    // The studio's notebooks live on the default storage account's file share.
    [
      'notebooks tab blank in studio for our private endpoint workspace',
      'privatelink.notebooks.azure.net',
    ],
    // Spelled out, while the data says "ACI": the vocabulary works both ways.
    [
      'is azure container instance supported with private link workspace',
      'managed online endpoint',
    ],
  ])('"%s"', async (question, fact) => {
    const turn = await chat().say(question);
    expect(turn.cards.map(cardText).join('\n').toLowerCase()).toContain(fact.toLowerCase());
  });
});

describe('a symptom gets the step that explains it, its first line saying what is going on', () => {
  it.each([
    'We just switched the workspace to managed network with allow-only-approved-outbound. The first compute instance has been creating for 40 minutes. Is something wrong, or is this normal the first time?',
    'our first cluster in the managed network has been provisioning for half an hour',
  ])('"%s"', async (question) => {
    const verdict = await verdictOf(question);
    expect(verdict).toMatch(
      /^The first compute instance or cluster creates the managed network and can take about 30 minutes/,
    );
  });
});

describe('a statement question gets a statement, not "Yes"', () => {
  it('drops the leading yes/no of a one-line answer written for a yes/no question', async () => {
    const lines = visibleText(
      await firstCard('forced tunneling for compute without public ip through azure firewall'),
    );
    expect(lines[1]).not.toMatch(/^(Yes|No)\b/);
  });

  it.each([
    [
      'conditional forwarder for the workspace private endpoint on our own dns server',
      /^Forward api\.azureml\.ms, /,
    ],
    // A yes/no about something else: what to do, under the condition it depends on.
    [
      'do I need to forward notebooks.azure.net?',
      /^Only when you resolve names with your own DNS server .*: Forward api\.azureml\.ms/,
    ],
    // The question the stored answer was written for keeps its yes.
    [
      'can we use our own dns server with a private endpoint workspace?',
      /^Yes, your own DNS server works: forward /,
    ],
    // AKS's own article spells the outbound type in one word.
    [
      'Is the Azure ML extension on AKS able to work with an outbound type of userDefinedRouting?',
      /^Yes: Apply the general AKS inbound and outbound requirements/,
    ],
  ])('"%s" says what to do, not the yes of another question', async (question, verdict) => {
    const lines = visibleText(await firstCard(question));
    expect(lines[1]).toMatch(verdict);
  });
});

describe('the rules of a scenario say yes to whether they are needed, not to whether it can', () => {
  it.each([
    [
      'do I need outbound rules for AKS?',
      /^Yes\. Azure Kubernetes Service \(AKS\) needs \d+ outbound rules/,
    ],
    [
      'is AKS ok with outbound traffic going through a firewall?',
      /^Azure Kubernetes Service \(AKS\) needs \d+ outbound rules/,
    ],
  ])('"%s"', async (question, verdict) => {
    expect(await verdictOf(question)).toMatch(verdict);
  });
});

describe("answers for a region of another cloud use that cloud's names", () => {
  it.each([
    [
      'which host names does the studio need in usgovvirginia',
      'to login.microsoftonline.us',
      'to login.microsoftonline.com',
    ],
    [
      'which host names does the studio need in chinaeast2',
      'to login.chinacloudapi.cn',
      'to login.microsoftonline.com',
    ],
    // The cloud named without a region is a facet too: the slice asked for, in its names.
    [
      'which host names does the studio need in Azure Government?',
      'to login.microsoftonline.us',
      'to login.microsoftonline.com',
    ],
    [
      'which host names does the workspace from Azure Machine Learning studio need in Azure operated by 21Vianet',
      'to login.chinacloudapi.cn',
      'to login.microsoftonline.com',
    ],
    // Rules are service tags; the question to ask for the host names keeps the cloud.
    [
      'What outbound is needed in Azure Government for the studio?',
      'the workspace from Azure Machine Learning studio need in Azure Government"',
      'to login.microsoftonline.com',
    ],
  ])('"%s"', async (question, shown, hidden) => {
    const text = visible(await firstCard(question));
    expect(text).toContain(shown);
    expect(text).not.toContain(hidden);
  });
});

describe('a public-cloud name asked about for another cloud', () => {
  // Named to be compared, the public host's own card would answer for the wrong cloud.
  it.each([
    'Our Azure ML workspace lives in US Gov Arizona and egress goes through a Palo Alto with FQDN filtering. Which login, studio and API host names do I allow there, given the public-cloud lists all say login.microsoftonline.com and ml.azure.com?',
    'is login.microsoftonline.com needed in azure government?',
  ])('"%s" gets the note on that cloud\'s own names', async (question) => {
    const [, verdict] = visible(await firstCard(question)).split('\n');
    expect(verdict).toMatch(
      /^Azure Government and Azure operated by 21Vianet use their own host names/,
    );
  });
});

describe('a claim held up against the sources gets where they disagree', () => {
  it.each([
    [
      'Is it true that compute no longer needs inbound from BatchNodeManagement?',
      'Inbound Azure Batch ports 29876-29877',
    ],
    ['is it true that the Keyvault tag is spelled AzureKeyVault?', 'Key Vault service tag name'],
  ])('"%s"', async (question, topic) => {
    const [title] = visible(await firstCard(question)).split('\n');
    expect(title).toBe(`Where the sources disagree: ${topic}`);
  });
});

describe("people's own words find the item that answers them", () => {
  // Each item's `ask` phrasings carry the words people use for it: a data scientist's account of
  // what they see, an engineer's abbreviations, the concept under another name.
  it.each([
    // A question without a network word but about a part of the network is answered.
    [
      'why does batch need to talk to my ci nics? where do aml compute vms actually live',
      'run on Azure Batch',
    ],
    [
      'Our security team wants to lock down the key vault that came with my ML workspace. What do they need to do so my jobs keep working?',
      'Give the vault a private endpoint',
    ],
    [
      'where do the aml compute vms actually live? we only see nics in our subnet',
      'run on Azure Batch',
    ],
    [
      'what actually goes through the aml workspace pe? just users or compute too?',
      'compute without a public IP requires it',
    ],
    [
      'aks for aml inference in separate vnet, which pes does the aks vnet need? ws, st, kv, acr?',
      'Give workspace, storage, key vault and registry private',
    ],
    [
      'default-deny netpol on aks, what does azureml ns need? azureml-fe -> model pod port?',
      'Network policies must let azureml namespace',
    ],
    [
      'private dns zone names for aml in azure gov? not api.azureml.ms i assume',
      'privatelink.api.ml.azure.us',
    ],
    [
      'our data scientists access studio over VPN - why do they get 403 on the notebooks tab?',
      "Notebooks live on the default storage account's file share",
    ],
    [
      'Error: "Compute instance setup failed: unable to reach storage account" right after we added the UDR.',
      "The compute subnet cannot reach the default storage account's file share",
    ],
    [
      'My colleague can browse the files of a datastore in the studio but I get a permission error on the exact same datastore. Is there some storage permission I personally need?',
      'Grant Storage Blob Data Reader to each studio user',
    ],
  ])('"%s"', async (question, shown) => {
    const [, verdict] = visible(await firstCard(question)).split('\n');
    expect(verdict).toContain(shown);
  });

  // One "address" is a host name as often as an IP: the tag that covers a host does not answer
  // which of two spellings of the host is right.
  it('"the address ends in instances.azureml.ms or instances.ml.azure.ms?" gets where the sources disagree', async () => {
    const [title] = visible(
      await firstCard(
        "IT set up a DNS rule for our compute instances, but they aren't sure if the address ends in 'instances.azureml.ms' or 'instances.ml.azure.ms' because two docs differ. Which one is right?",
      ),
    ).split('\n');
    expect(title).toMatch(/^Where the sources disagree: Which zone holds compute instance names/);
  });
});

describe('whether a setting blocks something is not answered "Yes: do this"', () => {
  it('"does public_network_access=disabled also block the deployment from pulling the model?" gets the step without a "Yes"', async () => {
    const [, verdict] = visible(
      await firstCard(
        'managed online endpoint: does public_network_access=disabled also block the deployment from pulling the model from storage?',
      ),
    ).split('\n');
    expect(verdict).not.toMatch(/^Yes/);
  });
});

describe('a service tag or protocol no rule uses gets no "Yes" about other rules', () => {
  it.each([
    [
      'NSG rule for compute clusters: should I allow inbound from AzureLoadBalancer?',
      'AzureLoadBalancer',
    ],
    ['do compute clusters need AzureCloud outbound?', 'AzureCloud'],
  ])('"%s"', async (question, name) => {
    const [, verdict, ...rest] = visible(await firstCard(question)).split('\n');
    expect(verdict).not.toMatch(/^Yes/);
    expect(rest.join('\n')).toContain(
      `No documented rule uses ${name}; this is the nearest answer.`,
    );
  });
});

describe('with the internet blocked, what must stay open', () => {
  it('"will blocking internet outbound break the compute cluster?" gets what compute needs outbound', async () => {
    const [title] = visible(
      await firstCard('will blocking internet outbound break the compute cluster?'),
    ).split('\n');
    expect(title).toBe('A compute instance or a compute cluster · outbound');
  });
});

describe('a managed network has no NSG of yours', () => {
  it.each([
    'does a managed vnet workspace need my NSG rules?',
    'with a managed vnet do we still need NSG rules on our subnet?',
  ])(
    '"%s" says the managed network applies the rules, with no NSG rule to pick instead',
    async (question) => {
      const card = await firstCard(question);
      const [, verdict] = visible(card).split('\n');
      expect(verdict).toMatch(/^(No, w|W)ith a managed network compute doesn't use your subnet/);
      expect(buttonTitles(card).join('\n')).not.toMatch(
        /outbound VirtualNetwork|compute NSG rules/i,
      );
    },
  );
});

describe("a rule's other form is said under its verdict", () => {
  it.each([
    [
      'does the compute instance need AzureKeyVault outbound?',
      /Behind a firewall without service tags, allow its host name instead: .*vault\.azure\.net\.$/,
    ],
    [
      'does a compute instance without a public ip need login.microsoftonline.com?',
      /Where rules take addresses \(an NSG, a firewall without host names\), use the service tag AzureActiveDirectory\.$/,
    ],
  ])('"%s"', async (question, form) => {
    const [, verdict, understood] = visible(await firstCard(question)).split('\n');
    expect(understood).toMatch(form);
    expect(verdict).not.toMatch(form);
  });

  it('an inbound rule has no host names: its source is a tag or an address', async () => {
    const text = visible(
      await firstCard('do we still need AzureMachineLearning inbound on the compute subnet?'),
    );
    expect(text).toContain('Inbound AzureMachineLearning on TCP 44224');
    expect(text).not.toContain('allow its host names instead');
  });
});

describe('a host of the shape a step writes, and no rule carries', () => {
  it('"which ip should my-endpoint.westeurope.inference.ml.azure.com resolve to?" gets the scoring-name note', async () => {
    const card = await firstCard(
      'which ip should my-endpoint.westeurope.inference.ml.azure.com resolve to from inside the vnet?',
    );
    expect(visible(card).split('\n')[1]).toMatch(
      /^Managed online endpoints resolve <endpoint>\.<region>\.inference\.ml\.azure\.com to the workspace private endpoint's IP/,
    );
  });

  it('a host of that shape pasted in the story, under a question about something else, is the story', async () => {
    const card = await firstCard(
      'Hub-spoke setup, workspace private endpoint in the spoke. From a VM in the hub, nslookup on the workspace gives Name: aml-prod-01.northeurope.cloudapp.azure.com, Address: 52.155.93.17; from the spoke it gives 10.60.1.4. Peering works both ways. What am I missing?',
    );
    // Not the notes that write <label>.<region>.cloudapp.azure.com (scoring names, AKS v1 names).
    expect(visible(card).split('\n')[1]).not.toMatch(
      /^Managed online endpoints resolve|^The cluster must resolve its API server/,
    );
  });
});

describe("a tag typed with the docs' region placeholder", () => {
  it.each([
    [
      'do clusters need Keyvault.<region>?',
      /^Only when the workspace was created with hbi\\_workspace/,
    ],
    [
      'is BatchNodeManagement.<region> needed?',
      /^Yes\. BatchNodeManagement\.<region> is needed outbound/,
    ],
  ])('"%s" gets the tag\'s own card', async (question, verdict) => {
    expect(visible(await firstCard(question)).split('\n')[1] ?? '').toMatch(verdict);
  });
});

describe('a rule the sources say a sovereign cloud does not need', () => {
  it('"Do I need AzureFrontDoor.Frontend outbound in Azure China?" is answered no, with why', async () => {
    const text = visible(
      await firstCard('Do I need AzureFrontDoor.Frontend outbound in Azure China?'),
    );
    expect(text).toMatch(
      /^AzureFrontDoor\.FrontEnd\nNo: the firewall article says this tag isn't needed in Azure operated by 21Vianet\. In the public cloud: /,
    );
  });

  it.each([
    ['can I remove AzureFrontDoor.FrontEnd in chinaeast2?', /^Yes: the firewall article says/],
    // Named with a cloud and no scenario, the tag's own card answers, not the cloud's note on
    // host names.
    [
      'do we need AzureFrontDoor.FrontEnd in azure china?',
      /^No: the firewall article says this tag isn't needed in Azure operated by 21Vianet\. /,
    ],
    // A doubt about the docs in that cloud gets what the sources say of it first.
    [
      'The docs say AzureFrontDoor.Frontend is needed for the studio but we are in Azure China (chinanorth3) and studio.ml.azure.cn already works through the firewall without it. Is the doc wrong?',
      /^(No: the|The) firewall article says this tag isn't needed in Azure operated by 21Vianet\. /,
    ],
  ])('"%s"', async (question, verdict) => {
    expect(visible(await firstCard(question)).split('\n')[1] ?? '').toMatch(verdict);
  });
});

describe("regional names take the compute's region", () => {
  it("a workspace in one region and compute in another: the compute's region, said so", async () => {
    const text = visible(
      await firstCard(
        "Which region's Storage tag should I use if my workspace is in westeurope but compute in northeurope?",
      ),
    );
    expect(text).toContain('Storage.northeurope');
    expect(text).not.toContain('Storage.westeurope');
    expect(text).toContain("northeurope, the compute's region (not westeurope)");
  });
});

describe('rows that always apply come before rows that depend on the setup', () => {
  it('lists package feeds after the workspace hosts', async () => {
    const text = visible(
      await firstCard('outbound host names for a compute instance behind a firewall'),
    );
    expect(text.indexOf('login.microsoftonline.com')).toBeGreaterThan(-1);
    expect(text).not.toContain('anaconda');
  });
});

describe('facts the sources were checked for', () => {
  it('inbound for public-IP compute is 44224 only; the Batch ports are retired', async () => {
    const card = await firstCard('which ports must be open inbound for AML compute instance?');
    const rows = visible(card);
    expect(rows).toContain('TCP 44224');
    expect(rows).not.toContain('TCP 29876-29877');
  });

  it('"BatchNodeManagement outbound" is the regional tag on 443', async () => {
    const text = visible(await firstCard('do we need to allow BatchNodeManagement outbound?'));
    expect(text).toContain('BatchNodeManagement.<region>');
    expect(text).toContain('443');
  });

  it.each([
    // The bare tag also names the retired inbound rule; a user who types it means the tag.
    ['BatchNodeManagement', /^BatchNodeManagement\.<region> is needed outbound/],
    ['what does BatchNodeManagement do?', /^BatchNodeManagement\.<region> — .*Batch/],
    ['is BatchNodeManagement still needed?', /^Not inbound: .*Outbound 443 .* still needed/],
  ])('"%s" is about the tag that is still needed', async (question, first) => {
    const text = visible(await firstCard(question));
    const verdict = text.split('\n')[1] ?? '';
    expect(verdict).toMatch(first);
    expect(text).not.toMatch(/^Not needed any more/m);
  });

  // Both tags name the route disagreement too; only a question about routes asks it.
  it.each([
    [
      'Is the AzureMachineLearning service tag enough for inbound on the compute subnet, or does BatchNodeManagement also need to be allowed?',
      'Inbound Azure Batch ports 29876-29877',
    ],
    [
      'Our UDR sends AzureMachineLearning to Internet; or does BatchNodeManagement need a route as well?',
      'Does the firewall bypass route need BatchNodeManagement too?',
    ],
  ])('"%s" gets the disagreement "%s"', async (question, topic) => {
    const [title] = visibleText(await firstCard(question));
    expect(title).toBe(`Where the sources disagree: ${topic}`);
  });

  // A belief told around a "why" is not what it asks.
  it.each([
    [
      'Why does the firewall article ask for AzureFrontDoor.FrontEnd on the compute subnet? I thought Front Door was only for the studio website.',
      /^AzureFrontDoor\.FrontEnd — .*lists it for compute too\.$/,
    ],
    [
      'is AzureFrontDoor.FrontEnd only for the studio?',
      /^No: .* uses AzureFrontDoor\.FrontEnd too\.$/,
    ],
  ])('"%s"', async (question, verdict) => {
    expect(await verdictOf(question)).toMatch(verdict);
  });

  it('"is the BatchNodeManagement inbound rule still needed?" says the inbound rule went', async () => {
    const text = visible(await firstCard('is the BatchNodeManagement inbound rule still needed?'));
    expect(text).toMatch(/\nNo: .*retired on 31 March 2026/);
  });

  it.each([
    ['is 44224 still needed for compute?', /^Only when compute has a public IP/, '29876-29877'],
    [
      'do we still need port 44224 inbound now that batch simplified communication is used?',
      /^Only when compute has a public IP/,
      '29876-29877',
    ],
    [
      'do we still need AzureMachineLearning inbound?',
      /^Only when compute has a public IP/,
      '29876-29877',
    ],
    ['is AzureFrontDoor.FirstParty still needed?', /^Yes\. /, 'Frontdoor.FirstParty'],
  ])(
    '"%s" asks whether a current port or name is current: its card says when, the disagreements are runners-up',
    async (question, verdictLine, disagreement) => {
      const card = await firstCard(question);
      const verdict = visible(card).split('\n')[1] ?? '';
      expect(verdict).toMatch(verdictLine);
      expect(cardText(card)).toContain(disagreement);
    },
  );

  it.each([
    'UDR for our public-ip clusters behind AzFW: AzureMachineLearning -> next hop Internet. do i need a BatchNodeManagement route too?',
    'We already route AzureMachineLearning to the Internet from the compute subnet and send everything else through the firewall. Is a next hop Internet route for BatchNodeManagement needed as well for the cluster nodes?',
  ])('"%s" asks the disputed question: the disagreement answers it', async (question) => {
    const card = await firstCard(question);
    expect(visible(card).split('\n')[0]).toBe(
      'Where the sources disagree: Does the firewall bypass route need BatchNodeManagement too?',
    );
    expect(visible(card).split('\n')[1]).toMatch(/^No: /);
  });

  it.each([
    ['nsg deploy fails: "Frontdoor.FirstParty is not a valid service tag" ???', /typo/],
    ['is Keyvault.westeurope a valid tag?', /^No: .*AzureKeyVault\.<region>/],
    ['keyvault.eastus rejected by our nsg template, why', /AzureKeyVault\.<region>/],
  ])(
    '"%s" copies a spelling only some articles use: the spelling disagreement answers',
    async (question, verdict) => {
      const card = await firstCard(question);
      expect(visible(card).split('\n')[0]).toMatch(/^Where the sources disagree/);
      expect(visible(card).split('\n')[1] ?? '').toMatch(verdict);
    },
  );

  it.each([
    ['which port does Keyvault.westeurope need?', /^AzureKeyVault\.<region>/],
    ['do clusters need Frontdoor.FirstParty outbound?', /^AzureFrontDoor\.FirstParty/],
  ])('"%s" asks about the name, whatever its spelling: its own card', async (question, title) => {
    expect(visible(await firstCard(question)).split('\n')[0]).toMatch(title);
  });

  it.each([
    [
      'what does the AzureFrontDoor.FirstParty tag actually do for us?',
      /^AzureFrontDoor\.FirstParty — /,
    ],
    ['what does BatchNodeManagement really do?', /^BatchNodeManagement\.<region> — /],
  ])(
    '"%s" stresses a question about purpose, so it gets the purpose, not a disagreement',
    async (question, first) => {
      const verdict = await verdictOf(question);
      expect(verdict).toMatch(first);
    },
  );

  it.each([
    ['44224 or 29876-29877 inbound?', /^Not inbound: .*retired on 31 March 2026/],
    ['are ports 29876-29877 still required?', /^No: .*retired on 31 March 2026/],
  ])('"%s" weighs the retired ports, so the disagreement answers', async (question, line) => {
    const verdict = await verdictOf(question);
    expect(verdict).toMatch(line);
  });

  it('user-defined routes name only AzureMachineLearning, not BatchNodeManagement', async () => {
    const text = cardText(
      await firstCard('user defined routes for compute with a public ip behind azure firewall'),
    );
    expect(text).toContain('AzureMachineLearning');
    expect(text).toContain('next hop Internet');
  });
});

describe('settings are shown as settings', () => {
  it('"do managed online endpoints need anything inbound on our NSG?" lists two settings, not destinations with a protocol', async () => {
    const card = await firstCard('do managed online endpoints need anything inbound on our NSG?');
    const text = visibleText(card);
    expect(text).toContain('Setting');
    expect(text).not.toContain('Destination');
    expect(text).not.toContain('Protocol and ports');
    expect(text.join('\n')).not.toMatch(/from public/);
    expect(text.filter((t) => /^public\\?_network\\?_access \(/.test(t))).toHaveLength(2);
  });

  it('a setting among rules says it is one', async () => {
    const card = await firstCard(
      'which inbound rules do managed online endpoints and compute clusters need?',
    );
    const text = visibleText(card);
    expect(text).toContain('Destination');
    expect(text.join('\n')).toMatch(/Setting: public\\?_network\\?_access/);
    expect(text.join('\n')).toContain('from AzureMachineLearning');
  });
});

describe('a verdict reads as a sentence', () => {
  it.each([
    // Managed online endpoints are reached and reach out through settings, not NSG rules: the
    // answer is no, and which settings decide instead.
    [
      'do managed online endpoints need any nsg rules?',
      /^No NSG or firewall rule: traffic to and from managed online endpoints is decided by four settings, public\\?_network\\?_access \(online endpoint\), /,
    ],
    [
      'Do managed online endpoints need anything inbound on our NSG?',
      /^No inbound NSG or firewall rule: inbound traffic to managed online endpoints is decided by two settings, .* and public\\?_network\\?_access \(workspace\)\.$/,
    ],
    // Asked anything but rules, the settings are the answer, without a "no" and not as "rules".
    [
      'do managed online endpoints need a NAT gateway?',
      /^Traffic to and from managed online endpoints is decided by four settings, /,
    ],
    // A need said in the negative ("only when Azure Monitor is not secured with a private link")
    // is turned round into when the rule can go, not into a double negative.
    [
      'can I remove the AzureMonitor rule?',
      /^Yes, when Azure Monitor and Application Insights are secured with a private link; otherwise it is needed\. /,
    ],
    // UDP is used on one port only: blocking all of it is asked about that port.
    [
      'Can we block UDP outbound entirely on the compute subnet?',
      /^No, it is needed\. Port 5831 \(UDP\) is used outbound to AzureMachineLearning/,
    ],
    // Two scenarios take a plural verb.
    [
      'do the studio and the managed docker images need any rules?',
      /^Yes\. Docker images that Azure Machine Learning manages and the workspace from Azure Machine Learning studio need \d+ rules/,
    ],
    [
      'would the docker image builds require AzureActiveDirectory?',
      /^No: Docker images that Azure Machine Learning manages do not use AzureActiveDirectory; /,
    ],
    ['is port 443 enough for compute?', /^No: a compute instance or a compute cluster also uses /],
    // So is a host name or a tag: the scenario's other names of that kind, not the name's own card.
    [
      'is *.azureml.ms enough for compute behind our firewall?',
      /^No: a compute instance or a compute cluster also uses login\.microsoftonline\.com, .*, besides \\\*\.azureml\.ms\.$/,
    ],
    // A name typed with its port is that name's rule, and asked "enough?" the same.
    [
      'is 443 to AzureMachineLearning enough for our clusters or is there more?',
      /^No: a compute instance or a compute cluster also uses AzureActiveDirectory, .*, besides AzureMachineLearning\.$/,
    ],
    [
      'is the AzureMachineLearning tag enough for compute clusters?',
      /^No: a compute instance or a compute cluster also uses AzureActiveDirectory, .*, besides AzureMachineLearning\.$/,
    ],
    // A scenario without rules of its own (its jobs run on compute) is not told "no".
    [
      'does automl need 445?',
      /^AutoML, the designer, datasets and datastores from the studio \(data profiling\) have no rules of their own; a compute instance or a compute cluster .*use port 445\.$/,
    ],
    // The region the user typed is the one named.
    [
      'is Storage.westeurope required for managed online endpoints?',
      /^No: managed online endpoints do not use Storage\.westeurope; /,
    ],
    // A name asked in one direction is denied in that direction only: the studio uses it outbound.
    [
      'does the studio need AzureMachineLearning inbound?',
      /^No: the workspace from Azure Machine Learning studio does not use AzureMachineLearning inbound; /,
    ],
    // A setting has no ports to name.
    [
      'which service tags does a managed online endpoint need outbound?',
      /^No outbound NSG or firewall rule: outbound traffic from managed online endpoints is decided by two settings, workspace managed virtual network and egress\\?_public\\?_network\\?_access \(deployment, legacy\)\.$/,
    ],
    // A purpose line starts with a capital, whatever the name.
    ['what does port 44224 do', /^Port 44224 — /],
    ['why does the studio need login.microsoftonline.com?', /^login\.microsoftonline\.com — /],
  ])('"%s"', async (question, first) => {
    const verdict = await verdictOf(question);
    expect(verdict).toMatch(first);
  });
});

describe('a feature the question names comes first', () => {
  it.each([
    // question, the verdict's start, a host of the feature that is visible
    [
      'what fqdns should I whitelist for pip install on a compute instance?',
      /^For public package feeds \(pip, conda\): .* Below them, the \d+ other host-name rules for a compute instance or a compute cluster\.$/,
      'pypi.org',
    ],
    // "Allow list" in two words asks for host names as "allowlist" does.
    [
      'conda allow list for compute cluster',
      /^For public package feeds \(pip, conda\): .* Below them, the \d+ other host-name rules for a compute instance or a compute cluster\.$/,
      'anaconda.com',
    ],
    // A problem report that asks which hosts to allow wants the list, not the proxy note.
    [
      'firwall blocks pip install on compute instance, which hosts for pypi and conda',
      /^For public package feeds \(pip, conda\): .* Below them, the \d+ other host-name rules for a compute instance or a compute cluster\.$/,
      'pypi.org',
    ],
    [
      'which hosts does rstudio on a compute instance need?',
      /^For RStudio: to ghcr\.io/,
      'cloud.r-project.org',
    ],
    // RStudio runs on a compute instance: naming it names compute.
    ['which hosts does rstudio need?', /^For RStudio: to ghcr\.io/, 'cloud.r-project.org'],
  ])('"%s"', async (question, verdict, host) => {
    const lines = visibleText(await firstCard(question));
    expect(lines[1]).toMatch(verdict);
    expect(lines.join('\n')).toContain(host);
    // The condition the user stated goes without saying on each row.
    expect(lines.join('\n')).not.toMatch(
      /Only when (jobs or image builds install packages|you run RStudio)/,
    );
  });
});

describe('"is X enough?" answered by a step', () => {
  it('does not say yes to the step it found: the step is what else is needed', async () => {
    const lines = visibleText(await firstCard('is a private endpoint enough for the key vault?'));
    expect(lines[0]).toBe('Configuration step');
    expect(lines[1]).not.toMatch(/^(Yes|No)\b/);
  });
});

describe('"can I remove it?" is answered by whether it is needed, the other way round', () => {
  it.each([
    ['can I remove the 44224 rule?', /^Yes, unless compute has a public IP\. /],
    // Where the sources disagree about it, the disagreement says yes and why.
    [
      'is it safe to delete the BatchNodeManagement inbound rule?',
      /^Yes: only 44224 from AzureMachineLearning is needed inbound; the Batch 29876-29877 rule belonged to the retired classic mode\./,
    ],
    ['can I block port 5831?', /^No, it is needed\. Port 5831 \(UDP\)/],
    // A feature said to be unused rules out the rows it adds.
    [
      "can we drop 8787 if we don't use rstudio?",
      /^Yes, it is not needed in the setup you describe\. /,
    ],
    [
      'can I drop AzureFrontDoor.FirstParty for the studio?',
      /^Yes: the workspace from Azure Machine Learning studio does not use AzureFrontDoor\.FirstParty; /,
    ],
    // Whether something is not needed is asked the same way round.
    [
      "is it true that the firewall doesn't need MicrosoftContainerRegistry anymore if we only use our own images?",
      /^No, it is needed\. MicrosoftContainerRegistry is needed outbound/,
    ],
    ['is it true that port 5831 is not needed any more?', /^No, it is needed\. Port 5831 \(UDP\)/],
    // A step's stored "No: compute works without a public IP" answers whether one is needed.
    [
      "Is it true that compute clusters with no public IP don't need any inbound NSG rule from AzureMachineLearning?",
      /^Compute works without a public IP, and without one it needs no inbound rules/,
    ],
  ])('"%s"', async (question, verdict) => {
    const [, first] = visibleText(await firstCard(question));
    expect(first).toMatch(verdict);
  });

  // A question that opens with its negation asks whether the thing is needed.
  it('"don\'t we need port 5831?" gets no "No"', async () => {
    const [, first] = visibleText(await firstCard("don't we need port 5831?"));
    expect(first).not.toMatch(/^No/);
  });

  it('a port reached by a tag and by host names is needed whichever form the firewall takes', async () => {
    const [, first] = visibleText(await firstCard('is port 5831 needed?'));
    expect(first).toMatch(/^Yes\. Port 5831/);
  });
});

describe('a stated setup is not the question a stored yes or no answers', () => {
  it('"is a private endpoint required for compute without public ip?" gets no "No" about the public IP', async () => {
    const [, first] = visibleText(
      await firstCard('is a private endpoint required for compute without public ip?'),
    );
    expect(first).not.toMatch(/^(Yes|No)\b/);
    expect(first).toContain('the workspace needs a private endpoint');
  });

  // A named port the setup still needs is answered by its own card; one the setup rules out by
  // the setup's note.
  it.each([
    [
      'Is 5831 UDP still required for compute instances with no public IP?',
      /^Yes\. Port 5831 \(UDP\)/,
    ],
    [
      'do no public ip clusters still need inbound 44224 from AzureMachineLearning',
      /^No: compute without a public IP needs no inbound rules\.$/,
    ],
    // The setup said first, without a comma, still leaves a yes/no question.
    [
      'for the no public IP cluster do I still need the AzureMachineLearning inbound rule on 44224?',
      /^No: compute without a public IP needs no inbound rules\.$/,
    ],
    // The removal is the story; what is asked is whether the rule is needed.
    [
      'Hi all, quick one: for the no public IP cluster do I still need the AzureMachineLearning inbound rule on 44224? Our security team is asking me to remove it.',
      /^No, not in the setup you describe\./,
    ],
  ])('"%s"', async (question, verdict) => {
    expect(await verdictOf(question)).toMatch(verdict);
  });

  it('"do no public ip clusters need inbound rules?" keeps its "No"', async () => {
    const [, first] = visibleText(await firstCard('do no public ip clusters need inbound rules?'));
    expect(first).toMatch(/^No: .*needs no inbound rules/);
  });
});

describe('"…, can we …?" asks whether something can be done, which "Yes: connect through a VPN" does not answer', () => {
  it('"is it ok to …?" asks whether it can be done too', async () => {
    const verdict = await verdictOf(
      'is it ok to disable public network access on the workspace and still use the studio from home?',
    );
    expect(verdict).toMatch(/^Connect through a VPN gateway/);
  });

  it('a "can" in the last clause is read as asking whether it can', async () => {
    const verdict = await verdictOf(
      'If I set public_network_access to Disabled on the workspace, can my data scientists still use the studio from home without VPN?',
    );
    expect(verdict).not.toMatch(/^(Yes|No)\b/);
    expect(verdict).toMatch(/^Connect through a VPN gateway/);
  });
});

describe('"is there a way…?" asks whether something can be done', () => {
  it('a failure told before it does not make a "Yes, it breaks it" the answer', async () => {
    const verdict = await verdictOf(
      'We have an Azure Policy that denies public IP addresses in the subscription. Compute cluster creation fails. Is there a way to create compute without a public IP?',
    );
    expect(verdict).not.toMatch(/^(Yes|No)\b/);
    expect(verdict).toMatch(/^Locks and NSG-denying policies break compute: a lock on /);
  });
});

describe('a fault found with the troubleshooting articles gets its check or fix first', () => {
  it.each([
    [
      'Edge says I have no access to the private workspace but Chrome works, could secure DNS in the browser be it?',
      'Disable DNS over HTTPS in the browser',
    ],
    [
      "The workspace PE's DNS configuration tab lists the privatelink zone but nothing under DNS zone group",
      'Delete and recreate the workspace private endpoint with Private DNS zone integration',
    ],
    [
      'how do I tell whether the VNet of our workspace private endpoint uses Azure DNS or our own DNS servers?',
      'Default (Azure-provided)',
    ],
    ['How do I run workspace diagnostics?', 'Run workspace diagnostics'],
    ['our users go through a corporate proxy to the private workspace and get 403', 'PAC file'],
    ['the designer sample pipelines fail in our VNet workspace', 'Azure Global dataset'],
    [
      'legacy egress-disabled deployment: the ACR private endpoint connection is still Pending, what now?',
      "Approve the deployment's private endpoint connection",
    ],
    [
      "egress disabled deployment can't download a model kept in another storage account",
      'models stored elsewhere fail to download',
    ],
    [
      "scoring name of the online endpoint won't resolve and there's no inference record in privatelink.api.azureml.ms",
      'delete and recreate the workspace private endpoint',
    ],
    [
      'can I use managed online endpoint network isolation in Azure Government?',
      "No: network isolation for managed online endpoints isn't available in Azure Government",
    ],
  ])('"%s"', async (question, shown) => {
    expect(await verdictOf(question)).toContain(shown);
  });
});

describe("a yes/no question's first line is the verdict that fits it, with its reason (a stored yes says why, instead of a plain yes before the step)", () => {
  it.each([
    [
      'Does adding an FQDN outbound rule to the managed network cost extra?',
      'Yes: the first FQDN rule makes Azure ML deploy a managed Azure Firewall in the managed network, billed to you.',
    ],
    [
      'Do we need to allow ports 8704-8710 for VS Code remote to a compute instance?',
      'Yes: the VS Code server picks the first free port between 8704 and 8710',
    ],
    [
      'will removing the workspace private endpoint make the workspace public again?',
      "No: removing private endpoints doesn't make the workspace public",
    ],
    // "Only 8704" asks whether that port is all compute needs, which it isn't.
    [
      'do we need to open only 8704 for vs code on the compute instance?',
      'No: a compute instance or a compute cluster also uses',
    ],
    // "Enough" asks whether one port covers it, which it doesn't.
    [
      'vscode remote to our compute instance: is opening 8704 on the firewall enough?',
      'No: the VS Code server takes the first free port between 8704 and 8710, so open the whole range',
    ],
  ])('"%s"', async (question, shown) => {
    expect(await verdictOf(question)).toContain(shown);
  });
});

describe('serverless compute in a VNet of your own', () => {
  it.each([
    [
      'where do I set the subnet for serverless compute?',
      /^Set serverless\\_compute on the workspace/,
    ],
    [
      'can I put serverless compute in our vnet from the studio?',
      /^No: the studio can't put serverless compute in a VNet/,
    ],
  ])('"%s" gets the workspace setting, not the subnet rules', async (question, verdict) => {
    expect(await verdictOf(question)).toMatch(verdict);
  });
});

describe("the managed network's firewall version", () => {
  it('"can the managed network use a Basic Azure Firewall instead of Standard?" hears yes, and how', async () => {
    expect(
      await verdictOf(
        'can the managed network use a Basic Azure Firewall instead of Standard for our FQDN rules?',
      ),
    ).toContain("Yes: the managed network's Azure Firewall can be the Basic version");
  });
});

describe('another service used alongside Azure ML, or another kind of deployment, gets what the articles say of it', () => {
  it.each([
    [
      'we attached an ubuntu vm in our vnet as compute and azure ml cannot reach it, which nsg rule is missing?',
      'Allow inbound SSH (port 22, or your SSH port) from the AzureMachineLearning service tag',
    ],
    // SSH is opened for attached VMs and HDInsight only, and from Azure ML, not the internet.
    [
      'does the compute instance SSH port need to be open from the internet?',
      'Only when you attach a virtual machine or an HDInsight cluster as compute',
    ],
    [
      'can we attach a windows vm as compute?',
      'No: Azure ML supports only virtual machines running Ubuntu.',
    ],
    [
      'can the databricks vnet be in a different subscription from our aml workspace?',
      "No: the Databricks VNet has to share the workspace's subscription and region",
    ],
    ['what do we need to use azure databricks with our vnet workspace?', 'default subnet'],
    [
      'our CISO says the Storage.westeurope outbound rule lets compute write to any storage account in the region. can we restrict it to our own accounts?',
      'Yes: a service endpoint policy on the compute subnet limits storage traffic',
    ],
    [
      'our serverless spark jobs in the managed network time out reading adls, what do we have to configure?',
      'az ml workspace provision-network --include-spark',
    ],
    [
      'can an fqdn outbound rule for pypi let our serverless spark session install conda packages?',
      "No: FQDN rules don't reach serverless Spark",
    ],
    [
      'prompt flow compute session in our managed vnet workspace fails with a permission error on the file share',
      'Storage File Data Privileged Contributor',
    ],
    [
      'vector index creation in our managed vnet workspace fails calling azure openai, what roles and rules are needed?',
      'Storage Blob Data Contributor and Storage Table Data Contributor',
    ],
    [
      'security wants nsg flow logs for all ml compute traffic. can we get them with the managed vnet?',
      'No: the managed network runs in a Microsoft tenant',
    ],
    [
      'our CISO wants compute to only write to our own storage account, the storage tag is too broad. options?',
      'Attach a service endpoint policy to the compute subnet',
    ],
    [
      'jobs in the managed vnet need our on-prem artifactory over https, how do they reach it?',
      'Put an Application Gateway in your VNet',
    ],
    [
      'can compute in the managed network reach our on-prem sql server over port 1433 through an application gateway?',
      'No: the Application Gateway path carries only HTTP and HTTPS',
    ],
    [
      'can jobs in the managed network reach an on-prem postgres on 5432?',
      'No: the Application Gateway path carries only HTTP and HTTPS',
    ],
    [
      'is there a built-in azure policy that makes every aml workspace use private link? want to assign it on the management group',
      'Yes: the Machine Learning category has built-ins for private link',
    ],
    [
      'does the workspace need public network access for the studio to work over VPN?',
      'No: over a VPN, ExpressRoute or Bastion your clients are connected to the VNet',
    ],
    // Of the names told, the one the asking sentence names is asked about.
    [
      'our NSG allows the MicrosoftContainerRegistry tag on 443 but curated image pulls on the cluster time out. do I need AzureFrontDoor.FirstParty as well?',
      'Yes. Outbound AzureFrontDoor.FirstParty on TCP 443.',
    ],
    [
      "the private endpoint outbound rule from our managed network to azure openai shows Inactive, what's missing?",
      'Give the workspace managed identity the Azure AI Enterprise Network Connection Approver role',
    ],
    [
      "cluster jobs can't upload outputs: the firewall denies <storage>.blob.core.windows.net, what rule do we need?",
      'Outbound <storage>.blob.core.windows.net on TCP 443.',
    ],
    // A name the question wants to do without is not what it asks about.
    [
      'can we restrict outbound to specific storage accounts instead of the Storage tag?',
      'Attach a service endpoint policy to the compute subnet',
    ],
    // Nor is one it wants narrowed, with the port typed as that name's.
    [
      'Storage.<region> outbound rule too broad for the audit. Storage.westus2 on 443 lets compute write to any storage account in the region, how do we restrict that?',
      'Attach a service endpoint policy to the compute subnet',
    ],
    [
      'security flagged Storage.westus2 as too wide for the training subnet, how can we narrow it?',
      'Attach a service endpoint policy to the compute subnet',
    ],
    // The resource a report names (the key vault, the workspace's own name) is what it is about.
    [
      "our compute cluster nodes can't reach the workspace key vault after we turned off its public access",
      'Give the vault a private endpoint',
    ],
    [
      'nslookup of our workspace from on-prem returns the public IP',
      'Forward api.azureml.ms, notebooks.azure.net',
    ],
    // A way to change the setup is a step that changes it, not a note on how it resolves.
    [
      'is there a switch so the scoring url only works from inside our vnet and not from the internet?',
      "Set the endpoint's public\\_network\\_access to disabled",
    ],
    [
      'is there a switch so the scoring url only works from inside our vnet?',
      "Set the endpoint's public\\_network\\_access to disabled",
    ],
    [
      'is there any way to make our aks scoring endpoint private only?',
      'inferenceRouterServiceType=loadBalancer with internalLoadBalancerProvider=azure',
    ],
    [
      'do managed online endpoints support user defined routes?',
      'No: managed online endpoint deployments never run in your subnet',
    ],
    [
      'can I use private endpoints for azure ml registry in another region?',
      'Create private endpoints for the registry, its storage account (Blob) and its ACR',
    ],
    // Names kept by hand: which records the workspace's private endpoint needs.
    [
      'cert.api.azureml.ms, do we need a record for that?',
      'Yes: each workspace name the private endpoint registers (api, cert.api, notebooks',
    ],
    [
      'we maintain A records by hand for the workspace, which names do we need?',
      'A records added by hand',
    ],
    [
      "batch endpoint job fails with 'Failed to access the storage account' in our vnet",
      'Blob and file always; queue and table only for batch endpoints',
    ],
    // Batch endpoints asked about their rules: the cluster's rules and the storage queue and table.
    [
      'does a batch endpoint need any specific outbound rules',
      "Yes: batch jobs run on a compute cluster in the VNet, which needs the compute cluster's rules",
    ],
    [
      'can a batch endpoint be public in a private workspace?',
      'No: batch endpoints have no public\\_network\\_access setting',
    ],
    // Spark in a managed network takes its rules from the managed network's outbound rules.
    [
      'what NSG rules do I need for serverless spark in a managed vnet',
      'Add a private endpoint outbound rule with spark\\_enabled: true',
    ],
    // What a port is for and whether it can go: the second half is the yes or no.
    ['what is UDP 5831 used for and can we block it?', 'No, it is needed. Port 5831 (UDP)'],
    // A managed network reaches on-premises through an Application Gateway, endpoints included.
    [
      'managed online endpoint in a managed vnet has to call an API on-prem, options?',
      'Put an Application Gateway in your VNet in front of the on-premises HTTP(S) resource',
    ],
    // Weighing a NAT gateway against a firewall states neither.
    [
      'nat gateway vs firewall for no public ip clusters?',
      'Attach a NAT gateway with a public IP to the compute subnet (or route to a firewall)',
    ],
    // A storage service endpoint is the alternative to a private endpoint, not an addition.
    [
      'do i need a service endpoint for storage or is the PE enough',
      'A service endpoint can take the place of a storage private endpoint',
    ],
    [
      'storage has a private endpoint, do we also need the Microsoft.Storage service endpoint on the subnet?',
      'No: a storage private endpoint secures the account on its own',
    ],
    [
      'do I need a service endpoint for storage if I already have a PE',
      'No: a storage private endpoint secures the account on its own',
    ],
    // Whether something happens is not answered with a yes to a step's instruction.
    [
      'Is an Azure Firewall deployed as soon as I pick allow_only_approved_outbound even if I have no FQDN rules?',
      'No: the managed Azure Firewall comes with the first FQDN rule',
    ],
    // Compute made before the managed network keeps its old path until it is made again.
    [
      'after enabling the managed network, our old compute instances still reach the internet freely',
      "Existing compute clusters, compute instances and managed online endpoints don't move",
    ],
    // A proxy's bypass list is the client-proxy step.
    [
      'does ml.azure.com need to be on the proxy bypass list?',
      'Turn the proxy off briefly to test; to keep it, use a PAC file',
    ],
    // Hosts are networking, and "need the list of …" asks for the list, not a yes or no.
    [
      'we need the full list of hosts for compute',
      'A compute instance or a compute cluster needs 50 host-name rules',
    ],
    // One way into the VNet is needed, not a given one.
    [
      'Is ExpressRoute required to use the studio with a private workspace?',
      'No: not that one in particular; clients need one way into the VNet',
    ],
    // An endpoint deployment that reports the image-build error gets that error.
    [
      'online endpoint creation fails with ImageBuildFailure',
      "The workspace's container registry has a private endpoint",
    ],
    // "X needed?" gets whether it is needed, with the condition it depends on.
    ['8787 needed?', 'Only when you run RStudio on a compute instance.'],
    ['nsg inbound port 44224 needed for compute instance?', 'Only when compute has a public IP.'],
    // Whether something can go, asked as "optional?" or "ok to skip …?".
    ['is 8787 optional for compute?', 'Yes, unless you run RStudio on a compute instance.'],
    [
      'can we do without AzureMonitor?',
      'Yes, when Azure Monitor and Application Insights are secured with a private link',
    ],
    [
      'ok to skip AzureMonitor?',
      'Yes, when Azure Monitor and Application Insights are secured with a private link',
    ],
    // "X ok?" held up without "is it" asks yes or no.
    ['delegated compute subnet ok?', 'No: the compute subnet must not be delegated'],
    // A firewall named by its vendor is a firewall.
    [
      'Which FQDNs does a no public IP compute cluster need behind our Palo Alto?',
      'A compute instance or a compute cluster',
    ],
    // A claim about the compute VNet's subscription says nothing about a storage account's.
    [
      'our storage account is in another subscription, can the workspace still use it with private endpoints?',
      'The VNet may be in another resource group, not another subscription',
    ],
    // In a near-tie, the step whose stored yes/no is written for the question answers.
    [
      'is a file private endpoint needed on the workspace storage?',
      'Yes: the file subresource always needs a private endpoint next to blob.',
    ],
    [
      'should I allow *.blob.core.windows.net instead of the Storage tag?',
      'Yes. \\*.blob.core.windows.net is needed outbound on TCP 443.',
    ],
    [
      'there is some api which give all outbound hosts aml needs? we dont want to copy the tables from the docs by hand',
      "Call the workspace's outboundNetworkDependenciesEndpoints API",
    ],
    [
      'is our data exposed when we switch on public network access so contractors can use the studio?',
      'Public network access on a private-endpoint workspace only opens the workspace itself',
    ],
    [
      'colleagues working from home can open the workspace but not the data',
      'Public network access on a private-endpoint workspace only opens the workspace itself',
    ],
    [
      'gov cloud workspace still resolves to a public ip inside the vnet. we reused our commercial terraform for the dns bits',
      'Azure Government uses privatelink.api.ml.azure.us and privatelink.notebooks.usgovcloudapi.net',
    ],
    // What works is not what fails: the Jupyter error is not the answer.
    [
      'rstudio on the CI never opens behind our firewall, jupyter and the terminal are fine',
      'ghcr.io',
    ],
    // Works for one person and not for others: a role each user needs.
    [
      "preview of the dataset works for me, the workspace owner, but my team gets 'no access to data' in the studio",
      'Grant Storage Blob Data Reader to each studio user',
    ],
    [
      "the designer can't show the dataset, storage has a PE",
      'Likely cause: Data preview and profiling are run by the Azure ML service outside your VNet',
    ],
    [
      'private link workspace, can I still use the python sdk from my laptop?',
      'Connect through a VPN gateway (point-to-site or site-to-site), ExpressRoute, or Azure Bastion',
    ],
    [
      'can we put the online endpoint in our own vnet?',
      'No: managed online endpoints and serverless Spark need the managed network',
    ],
    [
      'we use zscaler, which hosts does the studio need?',
      'The workspace from Azure Machine Learning studio needs 12 host-name rules',
    ],
    [
      'can we enforce with azure policy that all aml compute is created in our vnet?',
      'No: the built-in for compute in a virtual network can only audit',
    ],
    [
      'how do I put our azure ml registry behind private endpoints?',
      'Create private endpoints for the registry, its storage account (Blob) and its ACR',
    ],
    [
      "az ml environment create --registry-name fails since the registry's container registry has public access disabled, how do we get environments in?",
      "A registry whose container registry has public access disabled can't take newly created environments",
    ],
    [
      'we made the workspace private last week, but a batch endpoint created in march still behaves as public. do we have to recreate it?',
      'Yes: existing batch endpoints keep the network setting they were created with',
    ],
    [
      'can I set public_network_access on a batch endpoint like on an online endpoint?',
      'No: batch endpoints have no public',
    ],
    [
      'is compute in a vnet supported through azure lighthouse?',
      "No: compute instances, clusters and serverless compute can't be put in a VNet through Azure Lighthouse",
    ],
  ])('"%s"', async (question, shown) => {
    expect(await verdictOf(question)).toContain(shown);
  });

  // A stored yes or no says whether something is right; asked whether it is a problem, it would
  // read the wrong way round ("No: … must resolve to the private IP" to "is that a problem?").
  it('"…returns a public IP, is that a problem?" gets the step without a stored yes or no', async () => {
    const verdict = await verdictOf(
      'nslookup of the workspace returns a public IP, is that a problem?',
    );
    expect(verdict).toContain(
      'Link privatelink.api.azureml.ms and privatelink.notebooks.azure.net',
    );
    expect(verdict).not.toMatch(/^(Yes|No)\b/);
  });

  // Asked whether compute needs a public IP, the answer is not the scenario's "Yes" to its rules.
  it('"is a public IP on the compute required if we have a firewall?" is not answered "Yes"', async () => {
    const verdict = await verdictOf(
      'is a public IP on the compute required if we have a firewall?',
    );
    expect(verdict).not.toMatch(/^Yes\b/);
    expect(verdict).toContain('compute has no public IP');
  });

  // A step's instruction answers whether to act; asked whether something happens or holds, a
  // "Yes:" in front of it would answer what was not asked.
  it.each([
    [
      'Our storage account is in another VNet peered to the AML VNet. Will the compute still mount the file share?',
      'Keep TCP 445 open privately',
    ],
    ['does managed vnet cost extra', 'Add outbound rules to the managed network'],
  ])('"%s" shows the step without a yes', async (question, step) => {
    const verdict = await verdictOf(question);
    expect(verdict).toContain(step);
    expect(verdict).not.toMatch(/^Yes\b/);
  });
});
