// Facets: what a question names, which way the traffic goes, what it asks and the setup it states.
import { getKnowledge } from '../../src/knowledge';
import { parseQuestion } from '../../src/understanding/facets';

const k = getKnowledge();
const facets = (text: string) => parseQuestion(k, text, (p) => p === 44224 || p === 5831).facets;

describe('facets of a question', () => {
  it.each([
    ['which inbound ports do compute clusters need', 'inbound'],
    ['egress rules for the studio', 'outbound'],
    ['inbound and outbound for online endpoints', undefined],
    ['which inbond ports does a compute cluster need', 'inbound'],
    // What something needs to reach is where its traffic goes.
    ['what does the browser need to reach for the studio?', 'outbound'],
    ['which hosts does compute need to reach?', 'outbound'],
    ['which services does a compute instance talk to?', 'outbound'],
    ['what does the studio talk to from the browser?', 'outbound'],
    ['what endpoints does the compute cluster need to connect to?', 'outbound'],
    ['can compute reach the storage account?', undefined],
  ])('"%s" goes %s', (text, direction) => {
    expect(facets(text).direction).toBe(direction);
  });

  it.each([
    ['which service tags does the studio need', 'tags'],
    ['which FQDNs must be whitelisted', 'hosts'],
    ['conda allow list for compute cluster', 'hosts'],
    ['what goes on the safe-list for the studio', 'hosts'],
    ['do I need port 445', 'yesno'],
    ['do compute clusters need 44224 when they have a public ip?', 'yesno'],
    ['is it Keyvault or AzureKeyVault', 'doubt'],
    // An inconsistency the user found between documents doubts them as "contradicts" does.
    ['inconsistent key vault tag names between the two tables', 'doubt'],
    // A claim held up against what is current.
    ['is it true that compute no longer needs inbound from BatchNodeManagement?', 'doubt'],
    ['compute stuck in creating', 'problem'],
    ['lookup myacr.azurecr.io on 10.0.0.10:53: no such host', 'problem'],
    ['how do I secure a managed online endpoint', 'rules'],
    ['what are the requirments for a compute instance', 'rules'],
    ['give me a guidline for compute in our vnet', 'whole'],
    ['the complete set of rules for the studio', 'whole'],
    ['a list of all FQDNs for compute instances for our firewall team', 'whole'],
    ['everything a compute cluster needs behind the firewall', 'whole'],
    ['is there a service tag for Azure Front Door?', 'exists'],
    ['do I need a route to BatchNodeManagement on the route table', 'paths'],
    // Chat shorthand for a conditional forwarder asks about name resolution too.
    ['cond fwd for compute instance names?', 'paths'],
    ['what is port 44224 for?', 'why'],
    ['whats port 5831 for', 'why'],
    ['whats needed for automl in vnet', 'what'],
    ['what is mcr.microsoft.com used for', 'why'],
    ['what are ports 8787 and 18881 used for in aml', 'why'],
    ['what is the AzureMachineLearning service tag used for outbound?', 'why'],
    ['is port 443 enough for compute?', 'enough'],
    ['is opening 443 sufficient for our clusters', 'enough'],
    // "Nothing else", "by itself", "alone" ask whether what is named is all that is needed.
    ['does VS Code work with just the AzureMachineLearning tag and nothing else?', 'enough'],
    ['is the MicrosoftContainerRegistry tag alone ok for curated images?', 'enough'],
    ['will 443 by itself do for the clusters?', 'enough'],
    [
      'does VS Code on a compute instance work with the base service tags and no extra hosts?',
      'enough',
    ],
    ['is AzureFrontDoor.FrontEnd only for the studio?', 'onlyFor'],
    ['the difference between AzureMachineLearning and BatchNodeManagement', 'why'],
    // A short message that states its setup first asks in its last clause.
    ["we don't use pip, can we drop pypi.org?", 'yesno'],
    // So does one whose last clause follows a dash.
    ['sizing the compute subnet - does each cluster node take its own IP?', 'yesno'],
    // A name held up with "needed?" asks whether it is needed.
    ['8787 needed?', 'need'],
    ['is 8787 a must for compute?', 'need'],
    ['AzureFrontDoor.FrontEnd mandatory for studio?', 'yesno'],
    // A statement held up for confirmation asks yes or no.
    ['we need 44224 inbound for clusters, right?', 'yesno'],
    ['the studio needs AzureFrontDoor.FrontEnd, correct?', 'yesno'],
    ['forced tunnelling to azfw, ok for no-pip clusters?', 'yesno'],
    ['172.17.0.0/16 for the vnet is fine?', 'yesno'],
    ['172.17.0.0/16 for the vnet ok?', 'yesno'],
    ['delegated compute subnet fine for clusters?', 'yesno'],
    ["port 80 isn't needed for sign-in, right?", 'remove'],
    // "X optional?" and "ok to skip X?" ask whether it can go.
    ['AzureMonitor optional?', 'remove'],
    ['can we do without AzureMonitor?', 'remove'],
    ['is BatchNodeManagement ok to leave out if the cluster has no public IP?', 'remove'],
    ['ok to skip AzureMonitor?', 'remove'],
    ['safe to drop pypi.org if we never pip install?', 'remove'],
    ['can MicrosoftContainerRegistry come off the allow list?', 'remove'],
    ['can we take BatchNodeManagement off the nsg?', 'remove'],
    // Asked whether the asker must do something, which a step's instruction answers.
    ['do we have to provision the managed network first?', 'act'],
    ['should we add a route for AzureMachineLearning?', 'act'],
    ['is a private endpoint for the registry required?', 'act'],
    // Whether what happens is harmful, the other way round from "is that expected?".
    ['nslookup returns a public IP, is that a problem?', 'harm'],
    ['our subnet is delegated to databricks. would that be an issue?', 'harm'],
    // Asked after "and" whether a thing named before can go.
    ['what is UDP 5831 used for and can we block it?', 'remove'],
    ['pip install times out on the cluster', 'problem'],
    ["studio shows 'no access to data' only for me", 'problem'],
    ["in Firefox the workspace says i don't have access", 'problem'],
    // A refusal quoted from a failed deployment is a failure reported too.
    [
      'The specified subnet has a Network Security Group that does not allow inbound on port 44224',
      'problem',
    ],
    // "How do I allow X" asks which rules to add.
    ['how do I allow pip install on compute behind the firewall', 'rules'],
    // "All … rules" and "the full list" ask for every one.
    ['what are all NSG inbound + outbound rules i need on the subnet?', 'whole'],
    ['send me the full list of nsg rules for the compute subnet', 'whole'],
  ])('"%s" asks for %s', (text, ask) => {
    expect([...facets(text).asks]).toContain(ask);
  });

  it.each([
    ['rstudio never opens on the CI, jupyter and the terminal are fine', ['jupyter terminal']],
    ['hf downloads time out in jobs. pypi works now', ['pypi']],
    // What fails is not what works.
    ["jupyter doesn't work but vs code is fine", ['vs code']],
    ['creating a data asset works but explore fails', ['creat data asset']],
    // A failure said before the verb is no claim that something works.
    ['a customer cannot open their instance from vs code', undefined],
  ])('"%s" says what works: %j', (text, working) => {
    expect(facets(text).working).toEqual(working);
  });

  it.each([
    ['which ports does compute need, right?', 'yesno'],
    ['our compute subnet is 10.0.1.0/24, no forced tunnelling. what do we open?', 'yesno'],
    ['tell me the hosts for the studio, ok?', 'yesno'],
    ['need the list of service tags for the NSG of the training subnet', 'yesno'],
    // Whether something happens or holds is not whether the asker must act.
    ['is an azure firewall deployed as soon as we pick approved outbound?', 'act'],
    ['does managed vnet cost extra', 'act'],
    ['will the compute still mount the file share?', 'act'],
    // A guide that says something is a source quoted, not a guide asked for.
    ['An older guide also says to add BatchNodeManagement routes, is that still needed?', 'whole'],
    // "All" of something else, near the rules.
    ['we deny all outbound traffic except the rules below', 'whole'],
    // What a thing must be, not what it needs allowed.
    ['does image build compute need to be a GPU cluster?', 'rules'],
    // Unsure of the docs is no failure.
    ["the article mixes compute and studio rows and I can't tell which apply", 'problem'],
  ] as const)('"%s" does not ask for %s', (text, ask) => {
    expect(facets(text).asks.has(ask)).toBe(false);
  });

  it.each([
    'our AKS cluster is only used for inference, does it need pypi.org?',
    'the cluster is just for training, does it need port 44224?',
  ])('"%s" tells what the cluster runs; it does not ask who uses the name', (text) => {
    expect(facets(text).asks.has('onlyFor')).toBe(false);
  });

  it.each([
    [
      'We are following the secure workspace guide, and storage is done. Which private DNS zone does the key vault need?',
      false,
    ],
    ['We run compute in our vnet. Is there a guide for the NSG rules it needs?', true],
    ['a guide for compute in our vnet', true],
  ])('"%s" asks for the whole of something: %s', (text, whole) => {
    expect(facets(text).asks.has('whole')).toBe(whole);
  });

  it('"before that everything worked" tells the story; it does not ask for everything', () => {
    const asks = facets(
      'DNS broke the compute. Before that everything worked. What do we forward?',
    ).asks;
    expect(asks.has('whole')).toBe(false);
  });

  it.each([
    [
      'Do I need a separate subnet for compute instances and clusters, or can they share one?',
      false,
    ],
    ['does the workspace identity need a role on the storage account?', false],
    ['what does a compute cluster need?', true],
    ['which rules does compute need in its subnet?', true],
  ])('"%s" asks for rules: %s ("need" alone may need a subnet or a role)', (text, rules) => {
    expect(facets(text).asks.has('rules')).toBe(rules);
  });

  // What kind of yes/no a question asks: whether it can do without something ("remove"), whether
  // something is needed ("need"), whether it can be had ("possible"), whether what happens is as it
  // should be ("expected").
  it.each<
    [string, 'remove' | 'need' | 'possible' | 'expected' | 'way' | 'enough' | 'cutOff', boolean]
  >([
    ['can I remove the 44224 rule?', 'remove', true],
    ['is it safe to delete the BatchNodeManagement inbound rule?', 'remove', true],
    ['can I reach the studio from home?', 'remove', false],
    ['can we take out the AzureMonitor allow?', 'remove', true],
    ['can we get rid of the 44224 rule?', 'remove', true],
    ['how do we take out the trash?', 'remove', false],
    ['do I need AzureMonitor?', 'need', true],
    ['is port 8787 required?', 'need', true],
    ['are we still allowed to drop 29876?', 'need', true],
    ['is the AzureMachineLearning tag regional?', 'need', false],
    ['is 5831 udp?', 'need', false],
    // What a thing must be like is not whether it is needed.
    ['does AzureMachineLearning outbound need to be region specific?', 'need', false],
    ['does the compute subnet need to be dedicated?', 'need', false],
    ['can my team reach ml.azure.com from home?', 'possible', true],
    ['does azure china support managed vnet?', 'possible', true],
    ['is a managed network available in usgov?', 'possible', true],
    ['is there a way to pin the outbound IP of compute clusters?', 'possible', true],
    ['is there any way to avoid inbound rules?', 'possible', true],
    ['do I need a NAT gateway?', 'possible', false],
    // A statement about support asks nothing.
    ['our firewall only supports FQDN rules, which hosts do we allow?', 'possible', false],
    [
      'the workspace name resolves to a public IP from on-prem. Is that expected?',
      'expected',
      true,
    ],
    ['is this normal for a cluster without a public ip?', 'expected', true],
    ['is the expected outbound port 443?', 'expected', false],
    // A way to change the setup, which a configuration step gives.
    ['is there a switch so the scoring url only works from our vnet?', 'way', true],
    ['is it possible to make the endpoint private?', 'way', true],
    ['can we restrict the Storage tag to our own accounts?', 'way', true],
    ['is there a way to bridge this endpoint through Azure?', 'way', false],
    ['is it possible to use a managed network in Azure China?', 'way', false],
    ['can we reach the studio from home?', 'way', false],
    // "enough": whether what it names is all that is needed; "cutOff": whether all traffic one
    // way can be shut off.
    ['do we need to open only 8704 for vs code?', 'enough', true],
    ['do we only need 5831 udp for the compute instance?', 'enough', true],
    ['is port 443 enough for compute?', 'enough', true],
    ['do we need 8704 for vs code?', 'enough', false],
    ['do we need port 443 only for the studio?', 'enough', false],
    // Everything shut but one port says what "only that port" says.
    ['can we block all outbound internet except 443 on the compute subnet?', 'enough', true],
    ['our NSG denies everything outbound except port 443, will the cluster work?', 'enough', true],
    ['can we deny all internet outbound from the compute subnet?', 'cutOff', true],
    ['is a deny-all outbound NSG on the compute subnet supported?', 'cutOff', true],
    ['we block internet egress on the training subnet, what breaks?', 'cutOff', true],
    // Told as the setup of another question, it asks nothing about shutting traffic off.
    [
      'the NSG on the jump box subnet denies internet outbound. which tag do i open?',
      'cutOff',
      false,
    ],
    // With an exception it names what stays open instead.
    ['can we block all outbound internet except 443?', 'cutOff', false],
  ])('"%s" asks %s: %s', (text, ask, asked) => {
    expect(facets(text).asks.has(ask)).toBe(asked);
  });

  // The setup a question states, in the positive or the negative; unsaid stays undefined.
  it.each<[string, 'hbi' | 'ownImages', boolean | undefined]>([
    ['our hbi workspace behind a firewall', 'hbi', true],
    ['a normal (non-hbi) workspace behind azure firewall', 'hbi', false],
    ['workspace not created with high business impact', 'hbi', false],
    ['hbi_workspace=false in the template', 'hbi', false],
    ['behind a firewall', 'hbi', undefined],
    ['we use our own images in ACR', 'ownImages', true],
    ['we do not use custom images, is MCR still needed?', 'ownImages', false],
    ["we don't use our own images", 'ownImages', false],
    ['we do not bring custom docker images, can the MCR allow go?', 'ownImages', false],
  ])('"%s" states %s: %s', (text, option, value) => {
    expect(facets(text).conditions[option]).toBe(value);
  });

  it('"how do I configure azure firewall for compute" asks for the rules, not for a how-to', () => {
    const asks = facets('how do I configure azure firewall for azure ml compute').asks;
    expect(asks.has('rules')).toBe(true);
    expect(asks.has('how')).toBe(false);
  });

  it('"how do I secure …" asks for everything, not for a how-to', () => {
    expect(facets('how do I secure a managed online endpoint').asks.has('how')).toBe(false);
  });

  it.each([
    ['cluster without public ip', { computePublicIp: false }],
    ['we switched off the public ip on the compute instance', { computePublicIp: false }],
    ['public ips are disabled on our clusters', { computePublicIp: false }],
    ['the cluster nodes have no public address', { computePublicIp: false }],
    ['compute clusters without a public ip', { computePublicIp: false }],
    ['we set enable_node_public_ip to False on the cluster', { computePublicIp: false }],
    ['compute instances with private IP have no internet', { computePublicIp: false }],
    ['support for disabling the compute cluster / instance public IP', { computePublicIp: false }],
    [
      'compute with a public IP behind azure firewall',
      { computePublicIp: true, egress: 'azure-firewall' },
    ],
    ['forced tunneling 0.0.0.0/0 to the NVA', { forcedTunnel: true, egress: 'azure-firewall' }],
    ['hbi workspace with our own images', { hbi: true, ownImages: true }],
    ['vscode on a ci, sdk v1', { vscode: true, sdk: 'v1' }],
    ['compute in our managed vnet', { network: 'managed' }],
    ['workspace with managed network isolation', { network: 'managed' }],
    ['workspace (MVN enabled) in northeurope', { network: 'managed' }],
    // An outbound mode's name is only ever the managed network's.
    ['huggingface fails in only approved outbound mode', { network: 'managed' }],
    ['isolation_mode: allow_internet_outbound on the workspace', { network: 'managed' }],
    ['isolation_mode: allow_only_approved_outbound', { network: 'managed' }],
    ['we set AllowOnlyApprovedOutbound, what now for pypi?', { network: 'managed' }],
    // The workspace's registry behind the network, said in the ways people say it.
    ['our workspace ACR is behind a PE now', { registryBehindVnet: true }],
    ['we have a private container registry', { registryBehindVnet: true }],
    ['is a basic acr ok with a private endpoint?', { registryBehindVnet: true }],
    ['does the registry still work behind a private endpoint?', { registryBehindVnet: true }],
    ['is a standard acr fine once we add a private endpoint?', { registryBehindVnet: true }],
    ['a private endpoint for the workspace registry', { registryBehindVnet: true }],
    ['the AI hub does not support a custom VNet', { network: 'managed' }],
    ['clusters in our own virtual network', { network: 'yours' }],
    ['outbound rules for a NoPIP cluster', { computePublicIp: false }],
    ['npip compute inbound', { computePublicIp: false }],
    ['fqdns for pip install on a compute instance', { publicPackageFeeds: true }],
    ['conda env build fails behind the firewall', { publicPackageFeeds: true }],
    // Packages from a feed inside the network are no public feed.
    [
      'our jobs pip install from an internal artifactory, do we still need pypi.org?',
      { publicPackageFeeds: false },
    ],
    ['we use a private pypi mirror', { publicPackageFeeds: false }],
    ['rstudio on a compute instance', { rstudio: true }],
    // Short names and product names from the vocabulary state a setup as the long words do.
    ['vsc on a ci behind the fw', { vscode: true, egress: 'azure-firewall' }],
    ['fortigate rules for aml compute', { egress: 'azure-firewall' }],
    ['we use Zscaler, what do we exclude for azure ml?', { egress: 'azure-firewall' }],
    ['rules on our Palo Alto for aml compute', { egress: 'azure-firewall' }],
    ['our laptops sit behind Cisco Umbrella', { egress: 'azure-firewall' }],
    ['squid in front of the compute subnet', { egress: 'azure-firewall' }],
    ['cran mirror blocked', { rstudio: true }],
    ["can we drop 8787 if we don't use rstudio?", { rstudio: false }],
    ['clusters without vs code', { vscode: false }],
    ['Nobody here uses RStudio: is 8787 actually required?', { rstudio: false }],
    ['our clusters have public IPs and a UDR to the NVA', { computePublicIp: true }],
    ['no one uses vs code on our compute instances', { vscode: false }],
    ['compute behind a firewall without service tags', { egress: 'firewall-no-tags' }],
    ['our proxy takes FQDN rules only', { egress: 'firewall-no-tags' }],
    [
      'security does not allow service tags on the firewall, we only can put FQDNs',
      { egress: 'firewall-no-tags' },
    ],
    ["our firewall doesn't take service tags", { egress: 'firewall-no-tags' }],
    ["our check point firewall can't do service tags", { egress: 'firewall-no-tags' }],
    ["the firewall doesn't support Azure service tags", { egress: 'firewall-no-tags' }],
    ['our Fortinet has no idea what an Azure service tag is', { egress: 'firewall-no-tags' }],
    // No firewall said outright: NSGs are all that filter outbound traffic.
    ['there is no firewall in this spoke', { egress: 'nsg' }],
    ["we don't have a firewall, only NSGs", { egress: 'nsg' }],
    ['clusters without a public ip and without an NVA', { computePublicIp: false, egress: 'nsg' }],
    ['there are no firewall rules for pypi yet', { egress: 'azure-firewall' }],
    ['pip installs time out on the cluster', { publicPackageFeeds: true }],
  ])('"%s" states %j', (text, conditions) => {
    expect(facets(text).conditions).toMatchObject(conditions);
  });

  it.each([
    'does a compute instance need a public IP?',
    'is a public ip required for clusters',
    'is a public IP on the compute required if we have a firewall?',
    'public IP required for CI?',
  ])('"%s" asks about the public IP and states nothing about it', (text) => {
    const f = facets(text);
    expect(f.asks.has('publicIp')).toBe(true);
    expect(f.conditions.computePublicIp).toBeUndefined();
  });

  it.each([
    'the workspace name resolves to a public IP from on-prem',
    'on-prem users get the public IP when resolving the workspace URL',
    'we see a public ip when looking up api.azureml.ms',
  ])('"%s" is what DNS answers, not compute with a public IP', (text) => {
    expect(facets(text).conditions.computePublicIp).toBeUndefined();
  });

  // A firewall weighed against a NAT gateway is a choice asked about, not the setup.
  it.each([
    'nat gateway vs firewall for no public ip clusters?',
    'should we use azure firewall or a NAT gateway for outbound from no-pip compute',
    'a firewall instead of a NAT gateway for the cluster subnet?',
  ])('"%s" states no firewall', (text) => {
    expect(facets(text).conditions.egress).toBeUndefined();
  });

  it('"we need a public IP on the cluster for SSH" states a public IP, it does not ask about one', () => {
    const f = facets('we need a public IP on the cluster for ssh, which inbound rules?');
    expect(f.asks.has('publicIp')).toBe(false);
    expect(f.conditions.computePublicIp).toBe(true);
  });

  it.each([
    ['which domain do I allow for pytorch wheels?', ['pytorch']],
    ['ubuntu and launchpad hosts for kubernetes compute?', ['ubuntu', 'launchpad']],
    ['which hosts for pip and conda?', ['pip', 'conda']],
    // How to allow a product asks for its hosts as well.
    ['how do we allow pip install behind the firewall?', ['pip']],
    // "No PIP" is no public IP.
    ['no pip cluster, which hosts does it need?', []],
    // A product the user runs, in a question that asks about something else.
    ['does the build cluster still need a route to the internet to reach MCR and PyPI?', []],
    ['our pytorch job on the cluster cannot read the datastore', []],
  ])('"%s" names the products %j by their hosts', (question, products) => {
    expect(facets(question).products ?? []).toEqual(products);
  });

  it.each([
    [
      'AzFW log: `HTTPS request from 10.60.12.34:50122 to 7f3c-westeurope.notebooks.azure.net:443. Action: Deny. No rule matched.` Our VDI opens ml.azure.com fine.',
      ['7f3c-westeurope.notebooks.azure.net'],
    ],
    [
      '1717171717.123 12 10.1.2.3 TCP_DENIED/403 0 CONNECT download.pytorch.org:443 - HIER_NONE/- -',
      ['download.pytorch.org'],
    ],
    [
      'RStudio will not start, the firewall log shows ghcr.io blocked. What do I allow?',
      ['ghcr.io'],
    ],
    // Not denied, or not by a firewall or proxy.
    ['The firewall allows mcr.microsoft.com and the logs show no deny at all. What else?', []],
    ['the proxy is not blocking login.microsoftonline.com, still no token', []],
    ['This request is not authorized: access denied to st01.blob.core.windows.net', []],
  ])('"%s" reports %j as denied', (question, denied) => {
    expect(facets(question).deniedNames ?? []).toEqual(denied);
  });

  it('a host name states no setup: "anaconda.com" does not say packages come from Anaconda', () => {
    expect(facets('does compute need anaconda.com?').conditions.publicPackageFeeds).toBeUndefined();
    expect(facets('conda install fails on compute').conditions.publicPackageFeeds).toBe(true);
  });

  it('a registry said to have no private endpoint is not behind the network', () => {
    expect(
      facets('our acr has no private endpoint, is standard ok?').conditions,
    ).not.toHaveProperty('registryBehindVnet');
    expect(
      facets("we don't use acr, only a private endpoint for storage").conditions,
    ).not.toHaveProperty('registryBehindVnet');
  });

  it('"a firewall that can\'t take service tags" states a setup, it reports no failure', () => {
    expect(
      facets("our firewall can't take service tags, which hosts for the studio?").asks,
    ).not.toContain('problem');
    expect(facets("the firewall can't reach storage").asks).toContain('problem');
  });

  it('"a firewall without service tags" states a setup, it does not ask for tags', () => {
    expect(
      facets('does compute behind a firewall without service tags need aka.ms?').asks.has('tags'),
    ).toBe(false);
    expect(facets('which service tags does compute need behind a firewall?').asks.has('tags')).toBe(
      true,
    );
  });

  it('RStudio and VS Code name compute, where they run', () => {
    expect(facets('which hosts does rstudio need?').scenarios).toContainEqual({
      id: 'compute',
      strength: 0.7,
    });
  });

  it('"PIP" without "no" is not read as a setup', () => {
    const c = facets('the pip cache on a compute instance').conditions;
    expect(c.computePublicIp).toBeUndefined();
    expect(c.publicPackageFeeds).toBeUndefined();
  });

  it('disabling public network access is not disabling the public IP of compute', () => {
    expect(
      facets('we disabled public network access on the workspace and the compute public ip stays')
        .conditions.computePublicIp,
    ).not.toBe(false);
  });

  // People are not data: "data scientists" asks nothing about data preview or profiling.
  it.each([
    ['our data scientists get 403 on the notebooks tab', false],
    ['the data science team cannot open the studio', false],
    ['data preview fails in the studio', true],
  ])('"%s" has the term "data": %s', (text, hasData) => {
    expect(parseQuestion(k, text, () => false).terms.includes('data')).toBe(hasData);
  });

  /** One thing a question says of itself, read from its facets. */
  const read = {
    networking: (f: ReturnType<typeof facets>) => f.networking,
    network: (f: ReturnType<typeof facets>) => f.conditions.network,
    forcedTunnel: (f: ReturnType<typeof facets>) => f.conditions.forcedTunnel,
    computePublicIp: (f: ReturnType<typeof facets>) => f.conditions.computePublicIp,
    egress: (f: ReturnType<typeof facets>) => f.conditions.egress,
    deploysTo: (f: ReturnType<typeof facets>) => f.deploysTo,
    yesNo: (f: ReturnType<typeof facets>) => f.asks.has('yesno'),
    unknownNames: (f: ReturnType<typeof facets>) => f.unknownNames?.join(', '),
    otherSubject: (f: ReturnType<typeof facets>) => f.otherSubject === true,
    failsOutsideNetwork: (f: ReturnType<typeof facets>) => f.failsOutsideNetwork,
  };
  it.each<[string, keyof typeof read, unknown]>([
    // Whether it is about networking at all.
    ['the instance does not stop after the idle shutdown time', 'networking', false],
    ['can rstudio run on a gpu instance', 'networking', false],
    ['compute behind our firewall', 'networking', true],
    ['we need the full list of hosts for compute', 'networking', true],
    ['what to unblock for the studio', 'networking', true],
    ['what should we permit for clusters', 'networking', true],
    ['what does aml talk to during compute instance creation?', 'networking', true],
    ['does the compute instance phone home to microsoft?', 'networking', true],
    ['which destinations for automl', 'networking', true],
    // Where people work from is where traffic comes from.
    ['people at home can open the workspace but not the data', 'networking', true],
    ['do the studio and the managed docker images need any rules?', 'networking', true],
    ['does the image build cluster need a GPU?', 'networking', false],
    // A records are name resolution.
    ['we maintain A records by hand for the workspace', 'networking', true],
    // "May we …" asks leave, yes or no; "May 2026" is a month.
    ['may we delete the Batch inbound rule from the compute nsg?', 'yesNo', true],
    ['May 2026 release notes for compute networking', 'yesNo', false],
    // Whether its opening is about another subject, whatever the rest says.
    ['Quota error on the cluster? It sits in a vnet.', 'otherSubject', true],
    ['how much does a private endpoint cost per month?', 'otherSubject', true],
    [
      'our vnet subnet has no quota left for A100s, how do we request more quota?',
      'otherSubject',
      true,
    ],
    // A pasted quota failure is about cores, whatever the story says about the subnet.
    [
      'Our workspace is VNet-injected and cluster creation fails with: Operation results in exceeding approved standardNCASv3_T4Family Cores quota, although the subnet has 200 free IPs',
      'otherSubject',
      true,
    ],
    [
      'Creating the cluster in our vnet subnet fails: the specified subscription has a total vCPU quota of 0',
      'otherSubject',
      true,
    ],
    [
      'The cluster in our vnet subnet with a NAT gateway failed to scale up: ClusterCoreQuotaReached / Insufficient quota for the NDASv4 family',
      'otherSubject',
      true,
    ],
    // The subnet's free addresses are no quota to get more of.
    [
      'Compute cluster in our vnet will not scale past 9 nodes although the quota allows 20. The subnet is a /28. Why?',
      'otherSubject',
      false,
    ],
    // A pasted sign-in or permission failure on Azure ML itself; one on the network is networking.
    ['VS Code: Failed to authenticate. Error type: AuthError', 'otherSubject', true],
    ['Only the creator can access a compute instance. We use a PE.', 'otherSubject', true],
    [
      "does not have authorization to perform action 'Microsoft.MachineLearningServices/workspaces/computes/start/action' in our vnet",
      'otherSubject',
      true,
    ],
    [
      "The client has permission to perform action 'Microsoft.MachineLearningServices/workspaces/read' but does not have authorization to perform 'Microsoft.MachineLearningServices/workspaces/jobs/write'",
      'otherSubject',
      true,
    ],
    [
      "does not have authorization to perform action 'Microsoft.Network/virtualNetworks/subnets/join/action' in our vnet",
      'otherSubject',
      false,
    ],
    // What kind of failure outside the network, for the card that says so.
    ['VS Code: Failed to authenticate. Error type: AuthError', 'failsOutsideNetwork', 'permission'],
    [
      'cluster fails with QuotaExceeded, is the subnet the problem?',
      'failsOutsideNetwork',
      'quota',
    ],
    ['how do we request more quota for A100s?', 'failsOutsideNetwork', 'quota'],
    [
      'VS Code: Timeout while waiting for the compute instance to start. Our vnet has a PE.',
      'failsOutsideNetwork',
      'stopped',
    ],
    ['compute instance stuck in starting after we added a UDR', 'failsOutsideNetwork', undefined],
    [
      'deploying the private workspace template fails: MissingApiVersionParameter',
      'failsOutsideNetwork',
      'template',
    ],
    // A deployment's checks failing may be anything, the network among it.
    [
      'InvalidTemplateDeployment for the workspace with a private endpoint',
      'failsOutsideNetwork',
      undefined,
    ],
    [
      'VS Code: Cannot read properties of undefined (reading subscriptionId), our ws has a PE',
      'failsOutsideNetwork',
      'bug',
    ],
    ['how much does a private endpoint cost per month?', 'failsOutsideNetwork', undefined],
    ['Quota of private endpoints per vnet reached', 'failsOutsideNetwork', undefined],
    ['mlflow.autolog() logs no metrics. Our workspace has a PE.', 'otherSubject', true],
    [
      'Getting 429 Too Many Requests from our Azure OpenAI deployment during evaluation. The resource has a PE.',
      'otherSubject',
      true,
    ],
    ['Requests throttled when the job calls the model. It runs in our vnet.', 'otherSubject', true],
    // "Online endpoint" names a kind of deployment, not a network.
    [
      'ModuleNotFoundError in score.py on our online endpoint. The workspace has a PE.',
      'otherSubject',
      true,
    ],
    [
      'Private endpoint for our online endpoint fails with ModuleNotFoundError',
      'otherSubject',
      false,
    ],
    ['Quota of private endpoints per vnet reached', 'otherSubject', false],
    // "Traffic" as a deployment's share of requests does not make billing a network question.
    [
      'Are we billed for a deployment with 0% traffic? The endpoint is private.',
      'otherSubject',
      true,
    ],
    ['Billing for the firewall traffic of our managed vnet', 'otherSubject', false],
    ['Cluster in a vnet stops at 9 nodes although the quota allows 20', 'otherSubject', false],
    ['the job fails. Quota error in the log', 'otherSubject', false],
    ['what is 44224', 'networking', true],
    ['pull from mcr.microsoft.com times out', 'networking', true],
    ['is the Microsoft Container Registry always needed', 'networking', true],
    ['what is the docker bridge issue?', 'networking', true],
    // A network word in another form still is one.
    [
      "the Jupyter link on the compute instance shows 'This site can't be reached'",
      'networking',
      true,
    ],
    ['jobs hang while connecting to the workspace', 'networking', true],
    // Users call putting the workspace into a VNet "the lockdown".
    ['sdk calls from my laptop fail after the lockdown', 'networking', true],
    ['our security team wants to lock down the key vault of the workspace', 'networking', true],
    // The parts of a network path people name without a network word.
    ['why does batch need to talk to the nics of my compute?', 'networking', true],
    ['which aml hostnames go on the allowlist?', 'networking', true],
    ['IT needs a list of websites to allow for VS Code', 'networking', true],
    ['where does a curated image get downloaded from?', 'networking', true],
    // An own VNet a question asks whether something can go into is not a setup it states.
    ['can managed online endpoint be deployed into my own vnet?', 'network', undefined],
    ['is it possible to run a compute cluster in our own vnet', 'network', undefined],
    // Told, not asked: the cluster is in the user's VNet.
    ['we can see the cluster in our own vnet but it cannot reach storage', 'network', 'yours'],
    // A managed network said not to be there is a VNet of one's own.
    [
      'serverless jobs (no managed vnet; the workspace has a PE in our vnet) cannot reach sql',
      'network',
      'yours',
    ],
    ["we don't use a managed network, which NSG rules does compute need?", 'network', 'yours'],
    // Compute put into a VNet or subnet is placed by its owner: a VNet of one's own.
    ['what permissions to create a cluster in a vnet', 'network', 'yours'],
    ['compute instances in our subnet cannot reach storage', 'network', 'yours'],
    ['our compute cluster in the managed vnet cannot reach pypi', 'network', 'managed'],
    ['the compute in a vnet of an ai foundry hub', 'network', 'managed'],
    ['managed vnet workspace, pypi is blocked', 'network', 'managed'],
    // "No public IP" named as an option not taken is not the setup.
    [
      "compute cluster with public IP fails to create; we don't want to move to no public ip yet",
      'computePublicIp',
      true,
    ],
    [
      'instances still get a public IP (the "No public IP" box isn\'t ticked)',
      'computePublicIp',
      true,
    ],
    [
      "we don't need a NAT gateway for no-public-IP compute if there's a UDR, right?",
      'computePublicIp',
      false,
    ],
    ['node_public_ip_enabled is false on the cluster', 'computePublicIp', false],
    // Forced tunnelling and a firewall, said not to be there.
    ['there is no forced tunneling on the subnet, the cluster is stuck', 'forcedTunnel', false],
    ['no UDR on the compute subnet, still cannot reach storage', 'forcedTunnel', false],
    ['UDR 0.0.0.0/0 to the firewall', 'forcedTunnel', true],
    ["we don't use azure firewall, which NSG rules does compute need?", 'egress', 'nsg'],
    // Where models are deployed.
    ['managed endpoint calling an external api blocked?', 'deploysTo', 'managed-endpoint'],
    ['online deployment fails pulling image from private ACR', 'deploysTo', 'managed-endpoint'],
    ['moe egress to storage', 'deploysTo', 'managed-endpoint'],
    ['the endpoint deploy times out after 20 minutes', 'deploysTo', 'managed-endpoint'],
    ['kubernetes online endpoint scoring uri unreachable', 'deploysTo', 'kubernetes'],
    ['azureml-fe not reachable from outside the vnet', 'deploysTo', 'kubernetes'],
    ['can I still use ACI with a private workspace?', 'deploysTo', 'aci'],
    // Two named: a comparison, which names neither.
    ['managed online endpoint or aks for private inference?', 'deploysTo', undefined],
    ['which outbound rules does a compute cluster need', 'deploysTo', undefined],
    // Service tags and protocols no rule uses; the tags the rules use are known, with suffixes.
    ['should I allow inbound from AzureLoadBalancer?', 'unknownNames', 'AzureLoadBalancer'],
    ['is ssh needed on a compute instance', 'unknownNames', 'SSH'],
    [
      'do clusters need MicrosoftContainerRegistry and AzureFrontDoor.FirstParty?',
      'unknownNames',
      undefined,
    ],
    ['is AzureMachineLearning needed inbound?', 'unknownNames', undefined],
    // A polite request is not a yes or no; one that asks "whether" still is.
    [
      'need the service tags list for the NSG of my compute, can someone give me the list?',
      'yesNo',
      false,
    ],
    ['could you share which ports compute needs', 'yesNo', false],
    ['can someone tell me whether compute needs port 445?', 'yesNo', true],
    // A short message may go on after its question mark; the question's last clause still asks.
    [
      'once the managed vnet is on, can we switch it back off? asking before we roll it out',
      'yesNo',
      true,
    ],
    // Two of the same kind of thing to pick from ("application rules or network rules") is no yes/no.
    [
      'firewall question: do the AML host names go in application rules or network rules? we also need udp 5831',
      'yesNo',
      false,
    ],
    // So are two ways to go, question mark or not.
    ['should AzureMachineLearning go through the firewall or around it', 'yesNo', false],
    ['does compute traffic go via the firewall or directly to the internet?', 'yesNo', false],
    // A story after the question mark offers nothing to pick from.
    ['Do we need 5831? We run it in westeurope or in northeurope', 'yesNo', true],
  ])('"%s": %s is %j', (text, facet, value) => {
    expect(read[facet](facets(text))).toBe(value);
  });

  it.each([
    [
      'The FQDN rule in our managed network only seems to allow ports 80 and 443, and our jobs need port 22 for the SFTP server of a partner that we exchange files with every night. Is there a way?',
      ['is', 'there', 'a', 'way'],
    ],
    // A short one is a yes/no as a whole; one whose last question asks what or which has none.
    ['do I need port 445?', undefined],
    ['The FQDN rule only seems to allow 80 and 443. Which ports can it carry?', undefined],
  ])('"%s": the last question asks yes or no with %j', (text, words) => {
    expect(facets(text).yesNoLast).toEqual(words);
  });

  it.each([
    ['the firewall article lists X but the custom DNS article writes Y', true],
    ['is one of the two names a typo?', true],
    ['the tables are inconsistent', true],
    ['please make the two tables consistent', true],
    // An article named by its file name is a source too.
    [
      'concept-secure-network-traffic-flow says MCR is optional; the firewall page says it is required',
      true,
    ],
    ['They cannot both be right.', true],
    ['we followed how-to-secure-training-vnet and the cluster works', false],
    ['the firewall article lists pypi.org for pip', false],
    // A route table is not a table of the docs.
    [
      'our route table has 0.0.0.0/0 to the firewall; the docs mention a route for AzureMachineLearning',
      false,
    ],
    ['which port does the VS Code server use?', false],
  ])('"%s" says two sources disagree: %s', (text, disagree) => {
    expect(facets(text).sourcesDisagree === true).toBe(disagree);
  });

  it('a managed network and an own VNet side by side compare the two and state neither', () => {
    expect(facets('managed vnet or our own vnet, which is better').conditions.network).toBe(
      undefined,
    );
  });

  it.each([
    ['host names for the studio in usgovvirginia', 'usgov', 'usgovvirginia'],
    ['azure operated by 21vianet', 'china', undefined],
    ['rules for West Europe', undefined, 'westeurope'],
    ['register a blob container with endpoint core.chinacloudapi.cn', 'china', undefined],
    ['sign-in to login.microsoftonline.us times out', 'usgov', undefined],
    ['blob storage under core.windows.net', undefined, undefined],
    ['gov cloud workspace resolves to a public ip', 'usgov', undefined],
    ["we're in Azure Government. same private DNS zones as commercial?", 'usgov', undefined],
    // Both clouds in one breath name neither.
    ['the deployment fails in azure commercial and gov alike', undefined, undefined],
  ])('"%s" is in cloud %s, region %s', (text, cloud, region) => {
    expect(facets(text)).toMatchObject({ cloud, region });
  });

  it.each([
    // Regional names take the compute's region, wherever the question names it.
    ['workspace in westeurope but compute in northeurope', 'northeurope', true],
    ['a cluster in East US for a workspace in West Europe?', 'eastus', true],
    // Which one is the compute's, the question does not say: the first, flagged.
    ['outbound tags for westeurope and northeurope', 'westeurope', false],
  ])('"%s" takes region %s (the compute\'s said: %s)', (text, region, computeSaid) => {
    const f = facets(text);
    expect(f.region).toBe(region);
    expect(f.regionsNamed?.computeSaid).toBe(computeSaid);
  });

  it.each([
    ['what is port 44224 for', [44224]],
    ['5831/udp', [5831]],
    ['the firewall only permits tcp/443 egress', [443]],
    ['ports 8704-8710 for vs code', [8704]],
    ['subnet 10.0.0.0/16 for 2 hours', []],
    // UDP is used on one port only, so naming the protocol names the port; TCP on many does not.
    ['can we block all udp outbound?', [5831]],
    ['is udp 5831 needed?', [5831]],
    ['do we need tcp outbound?', []],
    // Next to a direction a number is a port, even one no rule uses.
    ['do compute instances need inbound 22?', [22]],
    ['open 8080 outbound', [8080]],
    ['8080 inbound', [8080]],
    ['we have 22 clusters', []],
    // The numbers after a port in a list of them are ports too.
    ['is port 8887 or 8889 required?', [8887, 8889]],
    ['ports 8887, 8888 and 8889', [8887, 8888, 8889]],
    ['port 8887 for 2 clusters and 3 instances', [8887]],
  ])('"%s" names ports %j', (text, ports) => {
    expect(facets(text).ports.map((p) => p.port)).toEqual(ports);
  });

  it.each([
    ['nsg rules for compute instnace', 'compute'],
    ['which storage private endpoints do i need', undefined],
    ['ci in a vnet', 'compute'],
    ['acr behind the vnet', 'docker-images'],
  ])('"%s" names scenario %s first', (text, scenario) => {
    expect(facets(text).scenarios.filter((s) => s.strength >= 0.55)[0]?.id).toBe(scenario);
  });

  it.each([
    [
      'We deployed the workspace with Terraform last week. The cluster has no public IP. How do I give it internet access?',
      ['internet', 'access'],
      ['terraform', 'week'],
    ],
    ['which ports does a compute cluster need?', [], []],
    ['Our cluster is stuck resizing. It has been like that for hours.', [], []],
    // A pasted error's "Please try again." is the error's advice, not what the user asks.
    [
      'Cannot connect to Jupyter Lab Terminal. Error type: 335. Please try again. Version: 1.4.5',
      [],
      [],
    ],
    // A question told inside a statement asks too.
    [
      'Our firewall team asks why UDP 5831 is needed. We run compute instances. What uses it?',
      ['5831', 'firewall'],
      ['run'],
    ],
    // "Please check …", "please ensure …" in a pasted error is its advice too.
    ['UserError: Failed to resolve hostname for the workspace. Please check DNS.', [], []],
    // Asking only what to do asks about the whole report.
    [
      "Deployment fails with 'ImageBuildFailure'. The ACR is behind a private endpoint. What do I need to configure?",
      [],
      [],
    ],
  ])('in "%s" the sentences that ask are the focus', (text, inFocus, outOfFocus) => {
    const focus = parseQuestion(k, text, () => false).focus;
    for (const t of inFocus) expect(focus.has(t)).toBe(true);
    for (const t of outOfFocus) expect(focus.has(t)).toBe(false);
    if (inFocus.length === 0) expect(focus.size).toBe(0);
  });

  // Tag templates copied from the docs keep their region placeholder, as the knowledge spells them.
  it.each([
    ['do clusters need Keyvault.<region>?', ['keyvault.<region>']],
    ['is Storage.< Region > on 445 needed?', ['storage.<region>']],
    [
      'allow BatchNodeManagement.<location> and login.microsoftonline.com',
      ['batchnodemanagement.<region>', 'login.microsoftonline.com'],
    ],
    // So do whole hosts copied from an article's table; a fragment names no host.
    [
      'the firewall denies <storage>.blob.core.windows.net; we allow <storage>.file',
      ['<storage>.blob.core.windows.net'],
    ],
  ])('"%s" names %j', (text, names) => {
    expect(facets(text).dottedNames).toEqual(names);
  });
});
