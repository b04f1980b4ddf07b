// Questions in the engineers' own words, in a 1:1 chat and with an @mention in a channel.
import { cardProblems, cardText } from '../support/card-validation';
import { createTestBot } from '../support/test-bot';
import { visibleText } from '../../src/cards/visible-text';
import { getKnowledge } from '../../src/knowledge';
import { createRecognizer, type Recognizer } from '../../src/understanding/recognizer';
import { WEIGHTS } from '../../src/understanding/weights';
import {
  buttonTitles,
  latestCard,
  newConversationId,
  TeamsClient,
  textOf,
} from '../support/teams-client';

function chat(recognizer?: Recognizer, scope: 'personal' | 'channel' = 'personal') {
  const { adapter } = createTestBot(undefined, recognizer);
  return new TeamsClient(adapter, { scope, conversationId: newConversationId() });
}

/** The first line under the title of the card a question gets: its verdict. */
async function firstLineOf(question: string): Promise<string | undefined> {
  const turn = await chat().say(question);
  return visibleText(turn.cards[0])[1];
}

describe('a question gets the card that answers it', () => {
  it.each([
    ['what is port 44224 for', 'Port 44224', 'AzureMachineLearning'],
    ['what is 29877', 'Port 29877', 'BatchNodeManagement'],
    ['is port 5831 tcp or udp', 'Port 5831', 'UDP'],
    [
      'which inbound ports do compute clusters need',
      'A compute instance or a compute cluster · inbound',
      '44224',
    ],
    ['ImageBuildComputeNotValid', 'Image build fails', 'image-build-compute'],
    [
      'which outbound service tags does compute need in westeurope?',
      'A compute instance or a compute cluster · outbound',
      'Storage.westeurope',
    ],
    ['is Keyvault.westeurope still needed or only for hbi', 'Key Vault', 'hbi'],
  ])('"%s"', async (question, title, fact) => {
    const turn = await chat().say(question);
    expect(turn.cards.length).toBeGreaterThan(0);
    const text = turn.cards.map(cardText).join('\n');
    expect(cardText(turn.cards[0])).toContain(title);
    expect(text).toContain(fact);
    for (const card of turn.cards) expect(cardProblems(card)).toEqual([]);
  });

  it.each([
    ['Is there a service tag for login.microsoftonline.com?', 'AzureActiveDirectory'],
    [
      'which IP ranges does mcr.microsoft.com use, our firewall only takes addresses',
      'MicrosoftContainerRegistry',
    ],
    ['what is management.azure.com for', 'service tag AzureResourceManager'],
    [
      'do we need to allow *.blob.core.windows.net or is the Storage tag enough?',
      'use the service tag Storage.<region>',
    ],
    [
      'should I use login.microsoftonline.com or the AzureActiveDirectory tag in azure firewall?',
      'use the service tag AzureActiveDirectory',
    ],
  ])('"%s" names the service tag for the host: %s', async (question, tag) => {
    const turn = await chat().say(question);
    expect(cardText(turn.cards[0])).toContain(tag);
  });

  it.each([
    [
      'do we need to whitelist anaconda on the firewall for compute?',
      'Yes. anaconda.com, \\*.anaconda.com and \\*.anaconda.org are needed outbound on TCP 443.',
    ],
    [
      'which domain do I allow for pytorch wheels?',
      'pytorch.org and \\*.pytorch.org are needed outbound on TCP 443.',
    ],
    [
      'which hosts for pip and conda?',
      'pypi.org, anaconda.com, \\*.anaconda.com, \\*.anaconda.org and \\*.pythonhosted.org are needed outbound on TCP 443.',
    ],
    [
      'ubuntu hosts for kubernetes compute?',
      'archive.ubuntu.com and security.ubuntu.com are needed outbound on TCP 80.',
    ],
  ])('"%s" names every host of the product: %s', async (question, verdict) => {
    const turn = await chat().say(question);
    const lines = visibleText(turn.cards[0]);
    expect(lines[1]).toBe(verdict);
    // The product's other hosts are on the card, not offered as "Did you mean".
    expect(buttonTitles(turn.cards[0]).join('\n')).not.toMatch(/anaconda|pytorch|ubuntu/);
    expect(cardProblems(turn.cards[0])).toEqual([]);
  });

  it.each([
    [
      [
        'pip install torch fails in the image build on our cluster behind Azure Firewall:',
        "WARNING: Retrying (Retry(total=4)) after connection broken by 'NewConnectionError': /whl/cu121/torch/",
        'ERROR: Could not find a version that satisfies the requirement torch==2.3.1',
        'Firewall log: HTTPS request from 10.8.3.12:41876 to download.pytorch.org:443. Action: Deny.',
        'Is there a documented host for this?',
      ].join('\n'),
      // The product's other host comes with it.
      '\\*.pytorch.org, pytorch.org',
    ],
    [
      'Users on VDI open ml.azure.com fine but the Notebooks tab spins forever. AzFW app rule log: `HTTPS request from 10.60.12.34:50122 to 7f3c1a2e-westeurope.notebooks.azure.net:443. Action: Deny. No rule matched.` What do I add?',
      '\\*.notebooks.azure.net',
    ],
    // A step that lists the denied host with the others its feature needs answers a broad ask.
    [
      'RStudio on the compute instance will not come up, the firewall log shows ghcr.io blocked. What do I allow?',
      'Configuration step',
    ],
  ])('a host a pasted firewall log denies is what to allow: %s', async (question, title) => {
    const turn = await chat().say(question);
    expect(visibleText(turn.cards[0])[0]).toBe(title);
  });

  it('serverless compute that cannot reach a private database, with "no managed vnet", gets the subnet for serverless', async () => {
    const turn = await chat().say(
      [
        'Serverless jobs cannot reach our private Azure SQL. How do we put serverless in our VNet?',
        'We moved our pipelines from clusters to serverless compute (no managed vnet; the workspace has a private endpoint in vnet-ml). The database has only a private endpoint in the same vnet.',
        'pyodbc.OperationalError: Login timeout expired',
        'Is there a way to set the subnet for serverless?',
      ].join('\n'),
    );
    expect(cardText(turn.cards[0])).toContain('serverless');
    expect(cardText(turn.cards[0])).not.toContain('Application Gateway');
  });

  it('"we don\'t use azure firewall" gets the rules of compute with no firewall', async () => {
    const turn = await chat().say(
      "we don't use azure firewall, which NSG rules does compute need?",
    );
    expect(visibleText(turn.cards[0])[2]).toContain('no firewall');
  });

  // A name several scenarios use gets the rule of the one named most plainly: "this cluster" here
  // is the AKS cluster.
  it('"*.queue.core.windows.net … on this cluster\'s egress" with the AML extension on AKS gets its Kubernetes rule', async () => {
    const turn = await chat().say(
      "AML extension on AKS: the log upload pods keep erroring on *.queue.core.windows.net, we didn't allow storage wildcards on this cluster's egress. What is it used for?",
    );
    const [title, verdict] = visibleText(turn.cards[0]);
    // What it is used for, on Kubernetes compute, is the first line.
    expect(title).toBe('Outbound rule');
    expect(verdict).toMatch(
      /^\\\*\.queue\.core\.windows\.net — Kubernetes compute .*uploading system logs/,
    );
  });

  it.each([
    ['why do I need AzureActiveDirectory outbound?', 'Microsoft Entra ID'],
    ['why does compute need AzureFrontDoor.FirstParty', 'registry'],
    ['what is mcr.microsoft.com used for?', "Microsoft's container registry"],
    ['why does compute need Storage.region on 443 and 445?', 'Storage.<region> — '],
  ])('"%s" is answered by the reason first', async (question, reason) => {
    const turn = await chat().say(question);
    const [, verdict, next] = visibleText(turn.cards[0]);
    expect(verdict).toContain(reason);
    expect(verdict).not.toMatch(/ is needed (inbound|outbound)/);
    expect(visibleText(turn.cards[0]).join('\n')).toMatch(/ is needed (inbound|outbound)/);
    expect(next).toBeDefined();
  });

  it('"is there a service tag for Azure Front Door?" answers that it exists, not whether this setup needs it', async () => {
    const turn = await chat().say('is there a service tag for Azure Front Door?');
    const [, verdict] = visibleText(turn.cards[0]);
    expect(verdict).toMatch(/^Yes\. .*AzureFrontDoor\.FrontEnd/);
  });

  it.each([
    [
      'our workspace has a managed vnet, can the compute instances go into our own subnet?',
      "compute doesn't use your subnet: it runs inside the managed network",
    ],
    [
      'allow only approved outbound: how do I let jobs reach pypi.org from the managed network',
      'FQDN rule',
    ],
    ['first compute instance takes 30 minutes with the managed network, why', 'provision-network'],
  ])('managed network: "%s" is answered with %s', async (question, fact) => {
    const turn = await chat().say(question);
    expect(visibleText(turn.cards[0]).join('\n')).toContain(fact);
  });

  it.each([
    ['How do I give compute outbound internet access?', 'NAT gateway', undefined],
    [
      'How do I give compute outbound internet access in a managed virtual network?',
      "'Allow internet outbound' lets managed compute reach the internet freely",
      'managed network',
    ],
    [
      'our workspace has a managed network, which outbound rules do compute clusters need?',
      'Azure ML applies the rules for you',
      'managed network',
    ],
  ])('"%s" is answered for the kind of network it states: %s', async (question, fact, read) => {
    const turn = await chat().say(question);
    const [, verdict, understood] = visibleText(turn.cards[0]);
    expect(verdict).toContain(fact);
    if (read) expect(understood).toContain(read);
  });

  it('"what fqdns to allow on azure firewall" is about a VNet of one\'s own, not the managed network\'s outbound rules', async () => {
    const turn = await chat().say('what fqdns to allow on azure firewall for aml workspace');
    const [, verdict] = visibleText(turn.cards[0]);
    expect(verdict).not.toMatch(/managed network/);
  });

  it.each([
    // The workspace's public access turned off is its private link setting, not data preview.
    [
      'public network access disabled on workspace, now 403 in ml.azure.com',
      /^Likely cause: The request did not arrive through the workspace's private endpoint/,
    ],
    ['key vault firewall enabled, workspace creation fails', /^Give the vault a private endpoint/],
    [
      'azureml-fe not reachable from outside the vnet',
      /^Add an inbound NSG rule to the AKS scoring IP/,
    ],
    // "The lockdown" is how people call moving the workspace into a VNet.
    ['my sdk calls fail since the lockdown', /^Likely cause: The request did not arrive through/],
    // A host named in a question about DNS records asks how it resolves, not whether to allow it.
    [
      'Laptop on VPN, workspace private. Connecting VS Code to the compute instance times out. Do we need DNS records for *.instances.azureml.ms or something else?',
      /^<instance>\.<region>\.instances\.ml\.azure\.ms resolves to the workspace private endpoint's IP/,
    ],
    // Already on the VPN: the answer is why the workspace still refuses, not "connect through a VPN".
    [
      "I can't open our workspace in ml.azure.com, it says the workspace is not accessible from this network. I'm on the corporate VPN from home.",
      /^Likely cause: The request did not arrive through/,
    ],
    [
      'point-to-site vpn is connected, the studio loads but the notebooks fail',
      /^Notebooks live on the default storage account's file share/,
    ],
  ])('"%s" gets the item its words ask about', async (question, verdict) => {
    const turn = await chat().say(question);
    const [, first] = visibleText(turn.cards[0]);
    expect(first).toMatch(verdict);
  });

  it('"is there a way to pin the outbound IP so a partner can allowlist us?" gets the NAT gateway', async () => {
    const turn = await chat().say(
      'Is there a way to pin outbound IP for compute clusters so the partner can allowlist us?',
    );
    const [title, verdict] = visibleText(turn.cards[0]);
    expect(title).toBe('Configuration step');
    expect(verdict).toContain('NAT gateway with a public IP');
  });

  it.each([
    // "Log Analytics" and "App Insights" are what people call Azure Monitor's parts.
    'log analytics / app insights with private link, anything needed for aml?',
    'appinsights behind private link: does aml need an outbound rule for it?',
  ])('"%s" gets the Azure Monitor rule, which depends on that private link', async (question) => {
    const turn = await chat().say(question);
    const lines = visibleText(turn.cards[0]);
    expect(lines.join('\n')).toContain('to AzureMonitor');
    expect(lines.join('\n')).toContain(
      'Only when Azure Monitor and Application Insights are not secured with a private link',
    );
  });

  it.each([
    // Where models are deployed decides the answer: what ACI can't do, or a Kubernetes pod's
    // pull error, is not the answer about a managed online endpoint.
    [
      'can managed online endpoint be deployed into my own vnet?',
      /^No: managed online endpoints and serverless Spark need the managed network/,
    ],
    [
      'online deployment fails pulling image from private ACR',
      /^Likely cause: Compute or AKS cannot reach/,
    ],
    [
      "our online deployment can't pull its image from the private acr",
      /^Likely cause: Compute or AKS cannot reach/,
    ],
    ['managed endpoint calling an external api blocked?', /^Turn on the workspace managed network/],
  ])('"%s" is answered for managed online endpoints', async (question, verdict) => {
    const turn = await chat().say(question);
    const [title, first] = visibleText(turn.cards[0]);
    expect(first).toMatch(verdict);
    expect(`${title} ${first}`).not.toMatch(/Container Instances|Kubernetes deployment/);
  });

  it('"switch the managed vnet from internet outbound to approved outbound?" hears that this way is allowed', async () => {
    const turn = await chat().say(
      'switch managed vnet from allow internet outbound to approved outbound only?',
    );
    const [, verdict] = visibleText(turn.cards[0]);
    expect(verdict).toContain('You can move from internet outbound to approved outbound');
  });

  it('"is there a way to …" asks whether it can be done: the rules it needs get no "Yes." in front', async () => {
    const turn = await chat().say(
      'Is there a way to allow only the required outbound hosts for the studio?',
    );
    const [, verdict] = visibleText(turn.cards[0]);
    expect(verdict).toMatch(/needs \d+ host-name rules/);
    expect(verdict).not.toMatch(/^Yes/);
  });

  it('a pipeline on a Microsoft-hosted agent locked out of a private workspace gets the ways in', async () => {
    const turn = await chat().say(
      'Our Azure DevOps pipeline runs on a Microsoft-hosted agent and cannot publish to the workspace since we disabled public access. What are our options?',
    );
    expect(visibleText(turn.cards[0]).join('\n')).toContain('VPN gateway');
  });

  it('a step for your own VNet, asked about in a managed network, says it is for the other kind', async () => {
    const turn = await chat().say(
      'we use a managed vnet, do we need a NAT gateway for outbound from our compute?',
    );
    const [, verdict, understood] = visibleText(turn.cards[0]);
    expect(understood).toContain('managed network');
    expect(verdict).toMatch(/^In a VNet of your own \(not a managed network\): /);
    expect(understood).toContain('Azure ML applies the rules itself');
  });

  it('a port asked about in a managed network says its rules are for a VNet of your own', async () => {
    const turn = await chat().say('our workspace has a managed vnet, do we need to open 44224?');
    const [, verdict, understood] = visibleText(turn.cards[0]);
    expect(verdict).toMatch(/^In a VNet of your own \(not a managed network\): /);
    expect(understood).toContain('Azure ML applies the rules itself');
  });

  it('"how do I allow pypi.org in a managed vnet" gets the managed network\'s outbound rules, not the host\'s NSG rule', async () => {
    const turn = await chat().say(
      'How do I allow pypi.org in a managed vnet with approved outbound only?',
    );
    expect(visibleText(turn.cards[0])[0]).toBe('Configuration step');
    expect(visibleText(turn.cards[0]).join('\n')).toContain('FQDN rule');
  });

  it('"a guide please: how do we deploy compute instances … which NSG rules" gets the whole compute scenario, not one note of it', async () => {
    const turn = await chat().say(
      'A guide please: how do we deploy compute instances into our subnet and which NSG rules go on it?',
    );
    const [title, verdict] = visibleText(turn.cards[0]);
    expect(title).toBe('A compute instance or a compute cluster');
    expect(verdict).toMatch(/needs \d+ rules/);
  });

  it.each([
    [
      'does an online endpoint need a public ip?',
      'so scoring arrives through the private endpoint',
    ],
    ['does aks need a public ip?', 'Private AKS clusters work with Azure ML'],
    ['is a managed online endpoint public?', 'Managed online endpoints'],
    ['is it possible to get the IP addresses of mcr.microsoft.com?', 'MicrosoftContainerRegistry'],
  ])('"%s" gets no yes or no, which would answer another question', async (question, topic) => {
    const turn = await chat().say(question);
    const [title, verdict] = visibleText(turn.cards[0]);
    expect(verdict).not.toMatch(/^(Yes|No)\b/);
    expect(visibleText(turn.cards[0]).join('\n')).toContain(topic);
    expect(title).not.toBe('');
  });

  // The setup stated frames the question about the name; the setup's own note ("No: compute
  // works without a public IP") would answer whether a public IP is needed.
  it.each([
    [
      'is udp 5831 needed for compute without a public ip?',
      /^Yes\b.*Port 5831 \(UDP\) is used outbound/,
    ],
    [
      'do compute clusters without a public ip need BatchNodeManagement?',
      /^Yes\. BatchNodeManagement\.<region> is needed outbound on 443 \(any protocol\)\.$/,
    ],
    [
      'do clusters without public ip need Storage.westeurope?',
      /^Yes\. Storage\.westeurope is needed outbound on TCP 443, 445\.$/,
    ],
    [
      'do compute clusters without a public ip need AzureMachineLearning?',
      /^Yes\. AzureMachineLearning is needed outbound on TCP 443, 18881, 8787 and UDP 5831\.$/,
    ],
    // A host asked about for compute without a public IP is the host, not its tag ("public ip"
    // asks for no addresses). Traffic to it is needed whichever form the firewall takes: yes,
    // and under it the card names the tag that stands for it where rules take addresses.
    [
      'does a compute instance without a public ip need login.microsoftonline.com?',
      /^Yes\. login\.microsoftonline\.com is needed outbound on TCP 80, 443\.$/,
    ],
    [
      'does a compute instance behind a firewall without service tags need login.microsoftonline.com?',
      /^Yes\. login\.microsoftonline\.com is needed outbound on TCP 80, 443\./,
    ],
    [
      'does compute need anaconda.com?',
      /^Only when jobs or image builds install packages from public repositories\./,
    ],
    [
      'does compute need MicrosoftContainerRegistry if we bring our own images?',
      /^Yes\. MicrosoftContainerRegistry is needed outbound on TCP 443\.$/,
    ],
    [
      'is BatchNodeManagement 443 outbound needed for clusters without public ip?',
      /^Yes\. Outbound BatchNodeManagement\.<region> on 443 \(any protocol\)\.$/,
    ],
  ])('"%s" is answered for the name, in the setup stated', async (question, verdict) => {
    const [, first] = visibleText((await chat().say(question)).cards[0]);
    expect(first).toMatch(verdict);
  });

  it.each([
    ['is port 443 enough for compute?', /^No: .*UDP 5831 outbound/],
    ['is opening 443 sufficient for the studio?', /^No: .*TCP 445 outbound/],
    ['is 44224 enough inbound for compute clusters?', /^Yes: every rule .* is on port 44224/],
    [
      'are ports 29876-29877 enough inbound for clusters?',
      /^No: port 29876 is not needed any more .*TCP 44224 inbound/,
    ],
  ])('"%s" weighs the port against all the scenario uses', async (question, verdict) => {
    expect(await firstLineOf(question)).toMatch(verdict);
  });

  it.each([
    ['which service tags does AutoML need?', 'No rules of its own for AutoML', 'service principal'],
    ['does the studio need inbound rules?', 'No inbound rules of its own for the workspace', 'DNS'],
  ])(
    '"%s": a scenario without rules of its own says what it needs instead',
    async (question, verdict, instead) => {
      const turn = await chat().say(question);
      const line = visibleText(turn.cards[0])[1] ?? '';
      expect(line).toContain(verdict);
      expect(line).toContain(instead);
      expect(line).not.toContain('in the setup you describe');
    },
  );

  it('"in a managed vnet how do I allow pypi?" gets the managed network\'s FQDN outbound rules', async () => {
    const turn = await chat().say('in a managed vnet how do I allow pypi?');
    const [, verdict, understood] = visibleText(turn.cards[0]);
    expect(verdict).toContain('FQDN rule for a host name');
    expect(understood).toContain('managed network');
  });

  it('a stored yes or no says what it answers, so it cannot read as the answer to another question', async () => {
    const turn = await chat().say('does compute use our own subnet in a managed network?');
    expect(visibleText(turn.cards[0])[1]).toMatch(
      /^No, with a managed network compute doesn't use your subnet/,
    );
  });

  it.each([
    // "Yes, your own DNS server works" answers whether it can be used, not whether it must.
    [
      'do we need to use our own DNS server?',
      /^Only when you resolve names with your own DNS server/,
    ],
    ['can we use our own dns servers?', /^Yes, your own DNS server works/],
    // "Yes, forced tunnelling works" is no yes to "do I need it".
    ['do I need forced tunnelling for compute?', /^Only when compute has no public IP/],
    // "No, don't use 172.17.0.0/16" answers "can I use it", not "is it a problem".
    ['is the docker bridge range a problem?', /^Don't use 172\.17\.0\.0\/16 for the VNet/],
    ['can I use 172.17.0.0/16 for my vnet?', /^No, don't use 172\.17\.0\.0\/16/],
    // "Yes, the browser needs the file share's private endpoint" answers whether it is needed, not
    // whether a layout of private endpoints is supported.
    [
      'default storage blob/file PEs sit in the hub, workspace PE in the spoke. studio notebooks broken. is that layout supported?',
      /^Notebooks live on the default storage account's file share/,
    ],
    ['does the studio need the file private endpoint for notebooks?', /^Yes: notebook files live/],
    // A "Don't …" line is advice, not a yes or no: a stored claim that fits the question says it.
    [
      'our vnet is 172.17.0.0/16, is that gonna be a problem for clusters?',
      /^Yes: 172\.17\.0\.0\/16 is the Docker bridge's default subnet/,
    ],
  ])(
    '"%s": a stored yes or no answers only the kind of question it was written for',
    async (question, verdict) => {
      expect(await firstLineOf(question)).toMatch(verdict);
    },
  );

  it.each([
    [
      'can our aml compute subnet be delegated to Microsoft.Databricks/workspaces?',
      /^No: the compute subnet must not be delegated to another service\.$/,
    ],
    [
      'can clients on the internet still call a managed online endpoint when public_network_access is disabled?',
      /^No: with public\\_network\\_access disabled, scoring is accepted only from VNets/,
    ],
    [
      'in azure government, is the workspace dns zone still privatelink.api.azureml.ms?',
      /^No: sovereign clouds have their own zones/,
    ],
    [
      'we use a storage private endpoint; can it sit in a different subnet from the workspace PE in the same vnet?',
      /^Yes: with a storage private endpoint only the VNet has to match/,
    ],
    // "Itself", "like before": whether it still works the way it did, which it doesn't.
    [
      'our workspace ACR is behind a PE now. will AML still build environment images on the ACR itself like before?',
      /^No: once the registry and storage are private, Azure ML's default serverless builder can't build images/,
    ],
    [
      'does a no public ip cluster need the workspace to have a private endpoint?',
      /^Yes: compute without a public IP only works when the workspace has a private endpoint\.$/,
    ],
    // Two regions named say "another region" to the claims too.
    [
      'workspace has a private endpoint in eastus2, our AKS is in centralus. can I still attach it?',
      /^No: with a workspace private endpoint, the AKS cluster has to be in the workspace's region/,
    ],
    [
      'can we put a compute cluster in westeurope when the workspace (MVN enabled) lives in northeurope?',
      /^No: a compute cluster in a region other than the workspace's isn't supported/,
    ],
    [
      'can the image build compute be a GPU cluster?',
      /^No: image-build compute is a CPU compute cluster/,
    ],
    ['Can we turn managed VNet off again on a workspace?', /^No: once a managed network is on/],
  ])(
    '"%s": a stored claim gives the yes or no the step\'s own line lacks',
    async (question, verdict) => {
      expect(await firstLineOf(question)).toMatch(verdict);
    },
  );

  it.each([
    // A claim says Reader is needed on every endpoint, which does not answer "is it enough?".
    'is giving the workspace identity Reader on the storage private endpoints enough?',
    // A claim answers "does it need a private endpoint?", not whether it works without one.
    'can a no public ip cluster work without a workspace private endpoint?',
  ])('"%s": a word that turns the question round leaves the claim out', async (question) => {
    expect(await firstLineOf(question)).not.toMatch(/^(Yes|No):/);
  });

  // Needing a thing that is not network access is not answered by a scenario's rules.
  it('"does the image build cluster need a GPU?" gets no "Yes" from the images rules', async () => {
    expect(await firstLineOf('does the image build cluster need a GPU?')).not.toMatch(/^Yes\b/);
  });

  it.each([
    // "Turn off" public access is not turning off the managed network.
    ['Can I turn off public network access on a managed network workspace?', /^No\b/],
    // Disabling internet access is what the step is for.
    ['Can I disable internet access to the scoring endpoint?', /^No\b/],
    // "Public IP" is not "public internet": compute with one still mounts storage over 445.
    ['Do public IP compute clusters need SMB 445 to storage?', /^No\b/],
  ])(
    '"%s": a claim whose words mean something else here gives no verdict',
    async (question, wrong) => {
      expect(await firstLineOf(question)).not.toMatch(wrong);
    },
  );

  it.each([
    [
      'do I need private endpoints for table and queue?',
      /^No: queue and table private endpoints are only for batch endpoints or ParallelRunStep/,
    ],
    [
      'does storage need a service endpoint?',
      /^A service endpoint can take the place of a storage private endpoint/,
    ],
    [
      'do I need to link the private dns zones to the vnet?',
      /^Yes: Link privatelink\.api\.azureml\.ms/,
    ],
  ])(
    '"%s": "Yes" goes before what to do, not before a fact that answers on its own',
    async (question, verdict) => {
      expect(await firstLineOf(question)).toMatch(verdict);
    },
  );

  it.each([
    [
      'is 443 to AzureFrontDoor.FrontEnd only for the studio?',
      /^No: a compute instance or a compute cluster uses AzureFrontDoor\.FrontEnd too/,
    ],
    [
      'is port 5831 only for compute?',
      /^Yes: only a compute instance or a compute cluster uses port 5831/,
    ],
  ])('"%s" weighs who else uses the name', async (question, verdict) => {
    expect(await firstLineOf(question)).toMatch(verdict);
  });

  it('"why is Entra ID needed outbound?" names the tag and its reason first, not "Outbound rule"', async () => {
    const turn = await chat().say('why is Entra ID needed outbound?');
    expect(visibleText(turn.cards[0])[1]).toMatch(/^AzureActiveDirectory — .*Microsoft Entra ID/);
  });

  it('"what is AzureMachineLearning 443 outbound for?" gives the outbound rule\'s reason, not the inbound one\'s', async () => {
    const turn = await chat().say('what is AzureMachineLearning 443 outbound for?');
    const verdict = visibleText(turn.cards[0])[1] ?? '';
    expect(verdict).toMatch(/^AzureMachineLearning — /);
    expect(verdict).not.toContain('create, update and delete compute instance and cluster nodes');
  });

  it('"is a jump box the only way in, or does a VPN work too?" gets the ways in, not a bare yes', async () => {
    const turn = await chat().say(
      'Is a jump box with Bastion the only way into a workspace behind a VNet, or does a point-to-site VPN work too?',
    );
    const [, verdict] = visibleText(turn.cards[0]);
    expect(verdict).not.toMatch(/^(Yes|No)\b/);
    expect(verdict).toContain('point-to-site');
  });

  it('"is it the private endpoint resource or the storage account?" gets what to do, not a yes', async () => {
    const turn = await chat().say(
      'The doc says to grant the workspace managed identity the Reader role on the storage private endpoint. Is this the private endpoint resource or the storage account?',
    );
    const [, verdict] = visibleText(turn.cards[0]);
    expect(verdict).toMatch(
      /^Give the workspace identity Reader on every storage private endpoint/,
    );
  });

  it('"which outbound rules do the studio and compute instances need" answers for both', async () => {
    const turn = await chat().say('which outbound rules do the studio and compute instances need');
    const [title, verdict] = visibleText(turn.cards[0]);
    expect(title).toContain('compute instance');
    expect(title).toContain('studio');
    expect(verdict).toMatch(/ need \d+ outbound rules/);
    // The studio's Front Door and the compute's Batch tag are both in the answer.
    const text = cardText(turn.cards[0]);
    expect(text).toContain('AzureFrontDoor.FrontEnd');
    expect(text).toContain('BatchNodeManagement');
  });

  it('two scenarios that tie in a long message are answered together, not asked back', async () => {
    const turn = await chat().say(
      'Our users reach AML studio through the corporate proxy. Some pages load, but the Designer and AutoML pages stay blank. What URLs does the studio use that we might be blocking?',
    );
    const [title, verdict] = visibleText(turn.cards[0]);
    expect(title).toContain('AutoML');
    expect(title).toContain('studio');
    expect(verdict).toMatch(/ need \d+ host-name rules/);
  });

  it('a long report that holds a specific way of asking gets that item, not a host named in its log', async () => {
    const report = [
      'Scoring URL of our managed online endpoint resolves to a public address inside the VNet',
      '',
      'The endpoint churn-ep has public_network_access: disabled and the workspace has a private endpoint. We run BIND and keep A records by hand for the workspace names (api, cert, notebooks), which all point to the private endpoint IPs and work.',
      '',
      '$ nslookup churn-ep.northeurope.inference.ml.azure.com',
      'churn-ep.northeurope.inference.ml.azure.com canonical name = churn-ep.1a2b3c4d-0000-4a6f-9b0c-2e5d7f8a1c34.inference.northeurope.privatelink.api.azureml.ms.',
      'Address: 52.1.2.3',
      '',
      'Calls to the scoring URI come back 403. Which record do we still need for the inference host name?',
    ].join('\n');
    const answer = await chat().say(report);
    expect(visibleText(answer.cards[0])[1]).toContain('inference.<region> record');
    // Without weighing how specific the held phrasing is, the scoring host's shape, which the
    // asking sentence names ("the inference host name"), still leads to the scoring-name steps.
    const unweighed = createRecognizer(getKnowledge(), { ...WEIGHTS, heldPhrasing: 0 });
    const other = await chat(unweighed).say(report);
    expect(visibleText(other.cards[0])[1]).toContain('inference.<region> record');
  });

  it('"once the managed vnet is on, can we switch it back off? asking before prod" hears no', async () => {
    expect(
      await firstLineOf(
        'once the managed vnet is on, can we switch it back off? asking before we roll it out in prod',
      ),
    ).toMatch(/^No: once a managed network is on/);
  });

  it('"switch off the public ip" asks how to do without one', async () => {
    const turn = await chat().say(
      'we want to switch off the public ip of our compute instances and reach them only inside the vnet, what does that need?',
    );
    expect(visibleText(turn.cards[0])[1]).toContain('Compute works without a public IP');
  });

  it('two hosts a problem report names as blocked point at the list that holds them, not at one host', async () => {
    const turn = await chat().say(
      "VS Code desktop hangs on 'Setting up VS Code server' for our compute instance. The proxy log shows blocked requests to update.code.visualstudio.com and *.vo.msecnd.net from the instance subnet. Which hosts do we whitelist for VS Code remote?",
    );
    expect(visibleText(turn.cards[0])[1]).toMatch(/^Open ports 8704-8710 and the VS Code hosts/);
  });

  it('a Python error in a scoring script on an online endpoint is declined, whatever network the story names', async () => {
    const turn = await chat().say(
      'ModuleNotFoundError in score.py on our managed online endpoint\n\nThe workspace has a PE and a managed VNet, the image built fine and no network errors show in the logs. The container starts, then fails: ModuleNotFoundError: No module named sklearn. conda.yaml lists scikit-learn under pip. What am I doing wrong?',
    );
    expect(textOf(turn)).toContain(
      "doesn't look like a question about Azure Machine Learning networking",
    );
  });

  it('a report that ends on a yes/no question gets the stored yes or no that fits that question', async () => {
    expect(
      await firstLineOf(
        "Our managed network compute has to reach a partner's SFTP server by host name on port 22. We added an FQDN outbound rule for the host and the rule shows as active, but connections still time out while HTTPS to other hosts works fine. Can an FQDN rule carry port 22?",
      ),
    ).toMatch(/^No: FQDN outbound rules carry only ports 80 and 443/);
  });

  it('"… Is this normal behaviour?" at the end of a report fits no stored yes or no, so none leads', async () => {
    expect(
      await firstLineOf(
        'Our compute VNet sits in a different resource group than the workspace, and creating a compute instance in it with the SDK v2 fails while the studio manages to create it. Is this normal behaviour?',
      ),
    ).not.toMatch(/^(Yes|No)\b/);
  });

  it('"clusters have public IPs" behind a forced tunnel gets the AzureMachineLearning route, not the no-public-IP route', async () => {
    expect(
      await firstLineOf(
        'we put a UDR 0.0.0.0/0 to our NVA on the compute subnet; clusters have public IPs. which route keeps them working?',
      ),
    ).toContain('add user-defined routes for the AzureMachineLearning tag');
  });

  it('"our office public IPs" on the storage firewall are clients\' addresses, not compute with a public IP', async () => {
    const turn = await chat().say(
      'we added our office public IPs to the storage firewall, why does the studio still not show the data?',
    );
    expect(visibleText(turn.cards[0]).join('\n')).not.toMatch(/I read this as:[^\n]*public IP/);
  });

  it('a slice of two scenarios offers each whole scenario, and each button opens its own', async () => {
    const c = chat();
    const turn = await c.say('which outbound rules do the studio and compute instances need');
    const card = turn.cards[0];
    const titles = buttonTitles(card);
    expect(titles).toEqual(expect.arrayContaining(['Show all of Studio', 'Show all of Compute']));
    // Commands for the first scenario only would be half the answer.
    expect(titles).not.toContain('Show as commands');
    const studio = await c.click(card, 'Show all of Studio');
    expect(cardText(studio.cards[0])).toContain('studio');
    expect(cardText(studio.cards[0])).not.toContain('BatchNodeManagement');
    const compute = await c.click(card, 'Show all of Compute');
    expect(cardText(compute.cards[0])).toContain('BatchNodeManagement');
  });

  it('"can my team reach ml.azure.com from home without the VPN?" gets the ways in, not "Yes: connect through a VPN"', async () => {
    const turn = await chat().say('can my team reach ml.azure.com from home without the VPN?');
    const [, verdict] = visibleText(turn.cards[0]);
    expect(verdict).not.toMatch(/^Yes\b/);
    expect(verdict).toContain('public network access');
  });

  it('"does Azure China support a managed vnet?" is answered from that cloud\'s feature table, not a public-cloud note', async () => {
    const turn = await chat().say('does azure china support managed vnet?');
    const [, verdict, understood] = visibleText(turn.cards[0]);
    expect(verdict).toMatch(
      /^Yes: managed virtual network support is listed for both clouds, as a preview/,
    );
    expect(understood).not.toContain('This is written for the public cloud');
  });

  it('"does Azure Government support a NAT gateway…" gets the public-cloud step, and is told it is written for the public cloud', async () => {
    const turn = await chat().say(
      'does azure government support the NAT gateway for no public ip compute?',
    );
    const [, verdict, understood] = visibleText(turn.cards[0]);
    expect(verdict).not.toMatch(/^(Yes|No)\b/);
    expect(understood).toContain(
      'This is written for the public cloud; the articles do not say how it differs in Azure Government.',
    );
  });

  it('a public-cloud step asked "do I need…" in Azure Government keeps its answer', async () => {
    const turn = await chat().say(
      'do I need a NAT gateway in azure government for no public ip compute?',
    );
    const [, verdict, understood] = visibleText(turn.cards[0]);
    expect(verdict).toMatch(
      /^Only when outbound traffic goes through network security groups only: Attach a NAT gateway/,
    );
    expect(understood).not.toContain('written for the public cloud');
  });

  it('"do we need to open anything inbound for compute clusters without a public ip?" says no', async () => {
    const turn = await chat().say(
      'do we need to open anything inbound for compute clusters without a public ip?',
    );
    const [, verdict, understood] = visibleText(turn.cards[0]);
    expect(verdict).toMatch(/^No\b/);
    expect(understood).toContain('no public IP');
  });

  it('"how do I make new clusters get no public ip" gets how to create them, not the NAT gateway a setup without a firewall adds', async () => {
    const turn = await chat().say('how do I make new clusters get no public ip address at all');
    const [, verdict] = visibleText(turn.cards[0]);
    expect(verdict).toContain('No Public IP in the studio');
    expect(verdict).not.toContain('NAT gateway');
  });

  it('"do I need Storage.region or just Storage?" weighs two names, so it gets no bare yes', async () => {
    const turn = await chat().say('Do I need Storage.westeurope or just Storage?');
    const [, verdict] = visibleText(turn.cards[0]);
    expect(verdict).not.toMatch(/^(Yes|No)\b/);
  });

  it.each([
    'does a compute instance need a public IP to use jupyter?',
    'is a public ip required for compute clusters?',
  ])(
    '"%s" asks about the public IP itself, so the answer is how compute works without one',
    async (question) => {
      const turn = await chat().say(question);
      const [, verdict, understood] = visibleText(turn.cards[0]);
      expect(verdict).toMatch(/^No\b/);
      expect(verdict).toContain('without a public IP');
      // Asking about a public IP does not say the compute has one.
      expect(understood ?? '').not.toContain('public IP');
    },
  );

  it.each([
    'eastus2 workspace: nslookup from the spoke VM still returns a public IP, what is missing?',
    'Workspace with a PE in westeurope: its FQDN resolves to a public ip on the laptops, why?',
    'on-prem clients in northeurope resolve the workspace to a public IP even though the PE exists',
  ])('"%s" reads the public IP as what DNS answered, not as compute with one', async (question) => {
    const understood = visibleText((await chat().say(question)).cards[0]).find((line) =>
      line.startsWith('I read this as'),
    );
    expect(understood).toBeDefined();
    expect(understood).not.toContain('public IP');
  });

  it.each([
    ['which dns zones do I need for the workspace', 'privatelink.api.azureml.ms'],
    ['which private dns zones do other clouds use?', 'usgovcloudapi'],
    // The public names a user tried are not the answer for the cloud and region the question names.
    [
      'Workspace in usgovvirginia with a PE. Our DNS servers in the hub forward api.azureml.ms and notebooks.azure.net to 168.63.129.16 and we made privatelink.api.azureml.ms, but nslookup of the workspace still returns a public IP. Which zones and forwarders are right for Gov?',
      'privatelink.api.ml.azure.us',
    ],
    [
      'chinanorth3 workspace behind a private endpoint, on-prem AD DNS: which private DNS zones and conditional forwarders do we set up? every example shows privatelink.api.azureml.ms',
      'privatelink.api.ml.azure.cn',
    ],
  ])(
    '"%s" gets the zones of the cloud it names (public unless it says otherwise)',
    async (question, zone) => {
      const turn = await chat().say(question);
      expect(visibleText(turn.cards[0]).join('\n')).toContain(zone);
    },
  );

  it.each([
    // "Live", "sit", "reside" say where something is, nothing about what.
    [
      'can the compute cluster live in a different region from the workspace?',
      'Yes: a compute cluster can be in another region or VNet',
    ],
    // "Can't be reached" is a network word in another form: answered, not declined.
    ["The Jupyter link on the compute instance shows 'This site can't be reached'", 'instances.'],
    [
      'After enabling private endpoint, az ml job create fails with 403 Forbidden',
      'Workspace refuses the request because of its private link setting',
    ],
    ['can I block internet for the AKS cluster used by azure ml?', "'Restrict egress traffic'"],
    // "Asks why" is a question told: the port it names is what is asked about.
    ['Our firewall team asks why UDP 5831 is needed. What uses it?', 'Port 5831 — '],
    // Kubernetes' own status for a failing pull names the Kubernetes error, not the generic one.
    [
      'AKS cluster attached as Kubernetes compute shows pods stuck in ImagePullBackOff: "Failed to pull image \'myacr.azurecr.io/azureml/x\': dial tcp: lookup myacr.azurecr.io on 10.0.0.10:53: no such host". ACR has a private endpoint in the hub. What is missing?',
      'Give the registry a private endpoint in the AKS VNet',
    ],
    // A how-to about a host in a managed network is answered by the managed network's rules.
    [
      'Managed online endpoint deployment fails with "ResourceNotReady: User container has crashed or terminated" and the logs show "pip install ... Could not fetch URL https://pypi.org/simple/: connection refused". The workspace uses managed VNet in allow only approved outbound mode. How do I let the deployment reach PyPI?',
      'the first FQDN rule deploys a managed Azure Firewall',
    ],
    // Storage in another network, asked from a managed one: a private endpoint outbound rule, not
    // peering, which is for VNets of your own.
    [
      'In the managed VNet, our training jobs need to read from a storage account in another subscription that has public access disabled. How do I give the managed network access to it?',
      'Add outbound rules to the managed network',
    ],
    // HuggingFace in a managed network: the article's six FQDN rules.
    [
      'how to download huggingface models from a managed vnet workspace with approved outbound only',
      'cdn-lfs.huggingface.co',
    ],
    // A blocked host of a feature's set gets the whole set, not the one host.
    [
      "RStudio on the compute instance won't come up, firewall log shows ghcr.io blocked. What do I allow?",
      'pkg-containers.githubusercontent.com',
    ],
    // A lock's own phrasing ("resizing 0 -> 0") keeps what tells it apart from plain stuck compute.
    ['AzureML compute cluster stuck in resizing', 'Compute stays in Creating or Resizing'],
    // "Never leave the preparing state" is being stuck, said another way.
    [
      'We have a hub and spoke with Azure Firewall in the hub and a UDR 0.0.0.0/0 to it. Cluster nodes never leave the "preparing" state. We allowed AzureMachineLearning and Storage on 443. What else is missing?',
      'Compute stays in Creating or Resizing',
    ],
  ])('"%s" gets the card that says "%s"', async (question, fact) => {
    const turn = await chat().say(question);
    expect(visibleText(turn.cards[0]).join('\n')).toContain(fact);
  });

  it('"unable to pick a vnet when creating a notebook vm" asks nothing about names, so it gets the join permissions, not DNS', async () => {
    const turn = await chat().say('unable to pick a vnet when creating a notebook vm');
    const text = visibleText(turn.cards[0]).join('\n');
    expect(text).toContain('virtualNetworks/join/action');
    expect(text).not.toMatch(/\bDNS\b/);
  });

  it.each([
    // "The compute subnet" names where compute runs: its rules, not a note about subnets or tags.
    [
      'Which outbound service tags does the compute subnet need?',
      /^A compute instance or a compute cluster needs \d+ outbound rules/,
    ],
    // "nsg" means "network security group": those words name the kind of rules, not a topic.
    ['nsg rules for compute instance', /^A compute instance or a compute cluster needs \d+ rules/],
    // "A list of" asks for all of it, whatever the list is of.
    ['fqdn list for the studio', /needs \d+ host-name rules/],
  ])(
    '"%s" asks for the scenario\'s rules, not a note that shares its words',
    async (question, lead) => {
      const turn = await chat().say(question);
      expect(visibleText(turn.cards[0])[1] ?? '').toMatch(lead);
    },
  );

  it.each([
    'what works differently in Azure China for a workspace with a private endpoint?',
    'we run in azure government: is anything different for our firewall?',
  ])(
    '"%s" names a cloud and asks nothing about DNS, so it gets that cloud\'s host names, not its DNS zones',
    async (question) => {
      const turn = await chat().say(question);
      const text = visibleText(turn.cards[0]).join('\n');
      expect(text).toContain('use their own host names');
      expect(text).not.toContain('privatelink.api.ml.azure');
    },
  );

  it('"is port 5831 tcp or udp" offers no yes or no, and the rows say UDP', async () => {
    const turn = await chat().say('is port 5831 tcp or udp');
    const [, verdict] = visibleText(turn.cards[0]);
    expect(verdict).not.toMatch(/^(Yes|No)\b/);
    expect(visibleText(turn.cards[0]).join('\n')).toContain('UDP 5831');
  });

  it('"do I need port 8889 for VS Code…" answers about VS Code, says no rule uses 8889, and says no', async () => {
    const turn = await chat().say(
      'Do I need to open port 8889 for VS Code on a compute instance behind our firewall?',
    );
    const [, verdict, understood] = visibleText(turn.cards[0]);
    expect(verdict).toMatch(/^No: the VS Code server takes the first free port in 8704-8710/);
    expect(understood).toContain('No documented rule uses port 8889.');
    // The claim answered the question: the card is not just the nearest answer.
    expect(understood).not.toContain('nearest answer');
  });

  it('"do compute instances need inbound 22?" says first that no rule uses 22, and no yes from the 44224 rule', async () => {
    const turn = await chat().say('do compute instances need inbound 22?');
    const [, verdict, understood] = visibleText(turn.cards[0]);
    expect(verdict).toMatch(
      /^Not as far as the articles say: no documented rule for a compute instance or a compute cluster uses port 22\./,
    );
    expect(verdict).not.toMatch(/^(Yes|No)\b/);
    expect(verdict).toContain('44224');
    // Said once, in the verdict.
    expect(understood).not.toContain('port 22');
  });

  it.each([
    [
      'We created a compute cluster in our spoke VNet. The subnet NSG denies all outbound traffic except 443 to VirtualNetwork. The cluster has been showing Resizing for over three hours and the current node count stays at 0. What is it waiting for?',
      /^Likely cause: The nodes cannot reach Azure Batch/,
    ],
    // The port in the sentence that asks is what is asked about.
    [
      'Our NSG denies all outbound traffic from the compute subnet. Is port 443 enough for the clusters?',
      /^No: a compute instance or a compute cluster also uses /,
    ],
  ])('a port told in the setup is not the subject: "%s"', async (question, verdict) => {
    expect(await firstLineOf(question)).toMatch(verdict);
  });

  it('"does the UDR include BatchNodeManagement?" gets the disagreement about that route', async () => {
    const turn = await chat().say(
      'the UDR for public ip compute, does it include BatchNodeManagement',
    );
    const [title, verdict] = visibleText(turn.cards[0]);
    expect(title).toContain('Does the firewall bypass route need BatchNodeManagement too?');
    expect(verdict).toMatch(/^Route only AzureMachineLearning/);
  });

  it.each([
    [
      'Our DNS server forwards instances.ml.azure.ms to 168.63.129.16 as the custom DNS article says, but the firewall article has *.instances.azureml.ms. A typo in one of them? Compute instance in uksouth, workspace behind a private endpoint.',
      'Where the sources disagree',
    ],
    // The discrepancy reported is about AzureMachineLearning, which no recorded disagreement is.
    [
      'The service tag file has regional ranges for AzureMachineLearning, while the docs say it has no regional tags. Discrepancy in the documentation?',
      'AzureMachineLearning',
    ],
  ])(
    'a report that two articles disagree gets the disagreement on its names: "%s"',
    async (question, title) => {
      const turn = await chat().say(question);
      expect(visibleText(turn.cards[0])[0]).toContain(title);
    },
  );

  it('a route question for compute without a public IP gets the forced-tunnelling step, not the bypass-route disagreement', async () => {
    const turn = await chat().say(
      'we put a UDR 0.0.0.0/0 to the firewall on the cluster subnet and nodes have no public IP, do we still need a route for AzureMachineLearning to Internet?',
    );
    const [title, verdict] = visibleText(turn.cards[0]);
    expect(title).toBe('Configuration step');
    expect(verdict).toContain('no route for AzureMachineLearning');
  });

  it('"is port 3389 needed" names nothing else, so the bot says no rule uses 3389', async () => {
    const turn = await chat().say('is port 3389 needed');
    expect(cardText(latestCard(turn))).toContain('3389');
    expect(cardText(latestCard(turn))).not.toContain('8704');
  });

  it.each([
    [
      'what does the ACI limitation with a private endpoint workspace mean',
      'Good to know',
      'Azure Container Instances',
    ],
    [
      'ACI deployment fails with our private endpoint workspace',
      'Likely cause',
      'managed online endpoint',
    ],
  ])('"%s" is answered as a topic or as a failure: %s', async (question, kind, shown) => {
    const turn = await chat().say(question);
    const text = visibleText(turn.cards[0]).join('\n');
    expect(text).toContain(kind);
    expect(text).toContain(shown);
  });

  it.each([
    // Compute put "in a VNet" is compute in a VNet of one's own: the managed network's first
    // provisioning, which also needs a permission, is not what is asked.
    ['what permissions to create a cluster in a vnet', 'virtualNetworks/join/action'],
    ['which role do we need to put compute instances into our subnet?', 'subnets/join/action'],
    // "Different" and "separate" VNets are another VNet, as "the same VNet" asks about one.
    [
      'can the cluster be in a different vnet than the workspace PE?',
      'a compute cluster can be in another region or VNet',
    ],
    ['acr in a separate vnet from the compute', 'registry private endpoint'],
    // Which DNS servers to use is how names resolve, not the firewall's DNS proxy.
    ['which dns servers should the compute subnet use', 'privatelink.api.azureml.ms'],
    // A firewall said to take no service tags is the setup of a question for a scenario's hosts,
    // not a question about the firewall's rule types.
    ['our firewall has no service tags, which hosts does compute need?', 'host-name rules'],
    ["our firewall doesn't take service tags, which hosts for the studio?", 'host-name rules'],
    ['our firewall takes no tags, which hosts for the studio?', 'host-name rules'],
    [
      'Our security team does not allow service tags on the firewall, we only can put FQDNs. What is the list of FQDNs for compute clusters in west europe?',
      'host-name rules',
    ],
    // A tag's plain name before a direction is where traffic goes: the tag's reason answers.
    ['why does compute need Storage outbound', 'Storage.<region> — Reaches'],
    // Rules for a scenario that has none for the tag say so before the rules of those that do.
    [
      'outbound rules to storage for the studio',
      'The workspace from Azure Machine Learning studio does not use Storage.<region> outbound; a compute instance or a compute cluster does.',
    ],
    // "Difference between", "versus" say how to weigh two things, not what they are about.
    [
      'difference between service endpoint and private endpoint for aml storage',
      'A service endpoint can take the place of a storage private endpoint',
    ],
    [
      'private link vs service endpoint for the workspace',
      'A service endpoint can take the place of a storage private endpoint',
    ],
    // A proxy that strips something reports a failure: the error it causes answers.
    ['our proxy strips websockets, what breaks?', 'Likely cause: WebSocket traffic'],
    // Packages from an internal feed are no public feed: pypi.org is left for the SDK's own use.
    [
      'our jobs pip install from an internal artifactory, do we still need pypi.org?',
      'Only when you use the v2 SDK/CLI',
    ],
    // A stored claim on the question's own words answers before a condition the question left
    // open ("Only when compute has no public IP …").
    ['is default outbound access ok for compute', 'No: compute without a public IP'],
    // A stored "Yes" would drop the condition, which still holds.
    [
      'do I need a NAT gateway for no public ip compute?',
      'Only when outbound traffic goes through network security groups only',
    ],
    // The Azure ML extension on AKS behind a firewall needs AKS's own egress rules first.
    ['aks extension install fails behind firewall', "AKS's 'Restrict egress traffic' article"],
    // A registry "ok with" a private endpoint is a registry behind one: the tier's "No" answers.
    ['is basic sku acr ok with private endpoint', 'No: a container registry behind a private'],
    // The registry's tier, not the managed firewall's Basic SKU.
    [
      'is a basic registry ok with a private endpoint for aml',
      'No: a container registry behind a private',
    ],
    // "Still time out" after a fix reports a failure that goes on, not a doubt about a source:
    // the tag the registry also needs is on the first line, not the regional-tag disagreement.
    [
      'we allowed the MicrosoftContainerRegistry service tag but image pulls from mcr still time out, why?',
      'AzureFrontDoor.FirstParty',
    ],
    // "Only approved outbound" names the managed network: its Hugging Face rules answer before
    // the generic image-pull error.
    [
      'in only approved outbound mode pulling the huggingface image fails on registry-1.docker.io, which fqdns are missing?',
      'Add FQDN outbound rules to the managed network for docker.io',
    ],
    // Whether the registry must sit in the network too: the registry step's condition answers.
    [
      'does our aml container registry have to be vnet isolated as well?',
      "Only when the workspace's container registry is behind the virtual network",
    ],
    // The v1 AKS compute type is gone: attaching the cluster as Kubernetes compute answers.
    [
      'AksCompute is no longer supported when I create it from the sdk, what now',
      'Secure the AKS environment first, then install the Azure ML extension',
    ],
    // A question that speaks of no deployment is not about an online endpoint's scoring name.
    [
      'How do clients on prem resolve the workspace private endpoint?',
      'Link privatelink.api.azureml.ms and privatelink.notebooks.azure.net to the VNet',
    ],
    // "Pulls … time out" reports the registry error as "pulling … fails" does.
    [
      'we opened the MicrosoftContainerRegistry tag on our NSG yet docker pulls on the cluster still time out',
      "Likely cause: Compute or AKS cannot reach Microsoft's registry",
    ],
    // IP ranges instead of tags: where the ranges behind the tags come from.
    [
      'we need the list of ip ranges to whitelist for azure ml in west europe',
      "Azure ML's rules use service tags, not fixed IPs",
    ],
    ['does azure ml have static IPs?', "No: Azure ML's rules name service tags"],
    // An endpoint reaching a database on-premises: the on-premises path, and that it is HTTP(S) only.
    [
      'can the online endpoint reach our on-prem sql server?',
      'No: the Application Gateway path carries only HTTP and HTTPS',
    ],
    // How to allow a product behind a firewall: its hosts, not the NAT gateway for NSGs only.
    [
      'how to allow pip install on the cluster behind azure firewall',
      'Outbound pypi.org on TCP 443',
    ],
    // Compute that fails to start is the compute-stuck error, whatever port was opened.
    ['cluster still fails to start after we opened 44224', 'Likely cause: The nodes cannot reach'],
    // "Docs disagree" about a name whose disagreement fits the words: that disagreement first.
    [
      'instances.azureml.ms or instances.ml.azure.ms? docs disagree',
      'Forward instances.ml.azure.ms',
    ],
    ['cond fwd for compute instance names: which zone?', 'Forward api.azureml.ms'],
    // A pasted host the asking sentence points back at by a word for one ("the scoring hostname").
    [
      "Managed online endpoint with public_network_access=disabled, workspace has a PE in our hub VNet, on-prem connects via S2S VPN. From an on-prem server: curl: (6) Could not resolve host: fraud-scorer.westeurope.inference.ml.azure.com. From a VM in the hub it also doesn't resolve. The workspace itself resolves to 10.50.1.6 fine and the studio works. Where does the scoring hostname live in DNS and why wouldn't it be there?",
      'Forward inference.ml.azure.com on your DNS server',
    ],
    // A host typed as a disagreement names it is that disagreement's, though it fits a template.
    [
      "there's an ancient checkpoint rule allowing viennaglobal.azurecr.io for the ML team, is that still needed?",
      'No, viennaglobal.azurecr.io is obsolete',
    ],
    // Client IPs on the storage firewall: the SDK works, the studio does not, however the story is told.
    [
      'Small team, no VPN or ExpressRoute, so the workspace is public. The storage account is on selected networks with our office public IP 198.51.100.7 added. From office laptops the SDK v2 uploads data and jobs run. In the studio the notebooks tab cannot load files and uploading a data asset fails with AuthorizationFailure. Is a client IP allow list on storage supposed to work for the studio?',
      "No: allowing individual public IPs in the storage account firewall isn't supported for the studio",
    ],
    // A device that takes no tags, asked for the addresses behind the tags it names.
    [
      'Our Fortinet in the hub has no idea what a service tag is. Where do I get the IP ranges behind AzureMachineLearning and Storage.eastus, and how often do they change?',
      "Azure ML's rules use service tags, not fixed IPs",
    ],
    // "sub" is short for subscription.
    [
      'added a PE outbound rule from our mvn to a storage account in another sub, stuck pending for days',
      'Give the workspace managed identity the Azure AI Enterprise Network Connection Approver role',
    ],
    // "The scoring URL" asked to accept only the VNet is about access, not where its name resolves.
    [
      'Our pen tester reached https://churn.westeurope.inference.ml.azure.com/score from home with the key although the workspace has a private endpoint. How do we make the scoring URL accept requests only through our VNet?',
      "Set the endpoint's public\\_network\\_access to disabled",
    ],
    // "Can it go?" asks whether something can be removed: the verdict reads that way round.
    [
      'we still have a rule for viennaglobal.azurecr.io on the firewall, can it go?',
      'Viennaglobal.azurecr.io is obsolete',
    ],
    [
      'AzureMonitor is open outbound on the compute subnet, can it go?',
      'Yes, when Azure Monitor and Application Insights are secured with a private link',
    ],
    // Asking to remove a rule doubts that it is needed: the disagreement about it answers, as it
    // would "is it still needed?", before the notes on what the compute subnet holds.
    [
      'may we delete the allow from BatchNodeManagement on 29876-29877 in the compute subnet NSG?',
      'Yes: only 44224 from AzureMachineLearning is needed inbound',
    ],
    // A failed deployment's checks may be the network's: the question it asks is answered.
    [
      'terraform apply: InvalidTemplateDeployment for the aml workspace with private endpoint, which dns zone am i missing?',
      'Workspace: privatelink.api.azureml.ms and privatelink.notebooks.azure.net.',
    ],
    // "IP prefixes" are the ranges behind a tag too.
    [
      'our fortigate cannot use service tags. where can i download the ip prefixes for AzureMachineLearning?',
      "Azure ML's rules use service tags, not fixed IPs",
    ],
    // A yes/no about ports no documented rule uses: that is the answer, before the rules it does use.
    [
      'is port 8887 or 8889 required on our firewall for compute instances?',
      'Not as far as the articles say: no documented rule for a compute instance or a compute cluster uses ports 8887 or 8889.',
    ],
    // A wildcard typed for the studio stands for the studio's own storage account, which the
    // wildcard covers, not for Microsoft's storage that only compute uses.
    [
      'does the browser need to reach *.blob.core.windows.net directly for the studio?',
      'Yes. <storage>.blob.core.windows.net is needed outbound on TCP 443.',
    ],
    // "UDR" states forced tunnelling with its own words: the question asks for the host names.
    [
      '0.0.0.0/0 UDR to the firewall on the compute subnet: what FQDNs must the firewall allow for compute instances?',
      'host-name rules; the first ones are below',
    ],
    [
      'managed vnet allow only approved outbound: how do I let jobs reach our Azure SQL database?',
      'Add outbound rules to the managed network: a private endpoint rule per Azure resource',
    ],
    // A tag used both ways, asked about one direction: that direction's rules.
    [
      'which outbound ports does AzureMachineLearning need from the compute subnet?',
      'AzureMachineLearning is needed outbound on TCP 443, 18881, 8787 and UDP 5831.',
    ],
    // Whether what it names is all that is needed, not which article spells a rule on it right.
    [
      'we only allow 443 outbound from the compute subnet, is that ok?',
      'No: a compute instance or a compute cluster also uses TCP 80 outbound',
    ],
    [
      'firewall only permits tcp/443 egress from the aml subnet, will compute clusters work?',
      'No: a compute instance or a compute cluster also uses TCP 80 outbound',
    ],
    [
      'can we block all outbound internet except 443 on the compute subnet?',
      'No: a compute instance or a compute cluster also uses TCP 80 outbound',
    ],
    // Shutting a direction off is answered with what must still pass that way.
    [
      'Can we deny all internet outbound from the compute subnet?',
      'No: a compute instance or a compute cluster still needs these 12 outbound rules; allow them ahead of any rule that denies the rest.',
    ],
    [
      'Is it OK to block all internet outbound on the compute subnet if we have private endpoints for storage and key vault?',
      'No: a compute instance or a compute cluster still needs these',
    ],
    [
      'is a deny-all outbound NSG on the compute subnet supported?',
      'No: a compute instance or a compute cluster still needs',
    ],
    // A step about another service (prompt flow) does not answer for sharing the other words.
    [
      "managed online endpoint can't reach my storage account behind a private endpoint",
      'Turn on the workspace managed network',
    ],
    [
      'how to use the studio with a storage account that only allows private endpoints?',
      "Clients reach storage through the default storage account's private endpoint",
    ],
    // Whether a setup can be had is answered, not asked back for a scenario to take rules from.
    [
      'can AzureML use our squid proxy for all outbound?',
      'Only for package installs on a compute instance',
    ],
    [
      'The specified subnet has a Network Security Group that does not allow inbound on port 44224',
      'Likely cause: A subnet NSG or firewall blocks the inbound management traffic',
    ],
    // "Reach" is what is asked, not a word that finds the step about storage accounts it reaches.
    [
      'which hosts does compute need to reach?',
      'A compute instance or a compute cluster needs 50 host-name rules',
    ],
    [
      'which services does a compute instance talk to?',
      'A compute instance or a compute cluster needs 12 outbound rules',
    ],
    [
      'what does the browser need to reach for the studio?',
      'The workspace from Azure Machine Learning studio needs 4 outbound rules',
    ],
    // "Enough" asks whether nothing else is needed; it is no topic that finds a step saying it.
    [
      'is a service endpoint enough for storage or do I need a private endpoint?',
      'A service endpoint can take the place of a storage private endpoint',
    ],
    // Asked why, not reported failing: the note on what the inbound rule is for, not the error.
    [
      'our security team wants to know why Azure ML needs inbound from the internet at all',
      'Only with a public IP: an NSG (inbound 44224 from AzureMachineLearning',
    ],
    // "What do I need to configure?" after a report asks about the report.
    [
      "Unable to deploy managed online endpoint when workspace public network access disabled. Deployment fails with 'ImageBuildFailure'. The ACR is behind a private endpoint. What do I need to configure?",
      "Likely cause: The workspace's container registry has a private endpoint",
    ],
    // A docs feedback issue pasted whole: its Document Details links are not asked about.
    [
      [
        "Could you add which names go in a hosts file when we can't change DNS?",
        '',
        '---',
        '#### Document Details',
        '',
        '* ID: 1f0e1c1e-2a8b-4d1e-9a35-5c3a54b6c0e2',
        '* Content: [Use your workspace with a custom DNS server](https://learn.microsoft.com/en-us/azure/machine-learning/how-to-custom-dns)',
        '* Content Source: [articles/machine-learning/how-to-custom-dns.md](https://github.com/MicrosoftDocs/azure-docs/blob/main/articles/machine-learning/how-to-custom-dns.md)',
        '* GitHub Login: @someone',
      ].join('\n'),
      'A records added by hand (easiest with one zone per name) or hosts-file entries',
    ],
    // A name told in the story, under a question that asks about something else, is the story.
    [
      'We run a normal workspace (hbi_workspace false). The firewall guide lists the key vault service tag for compute, but only beside a note on high business impact. Do our clusters need outbound to key vault at all?',
      'Only for workspaces created with hbi\\_workspace, per the newer firewall article',
    ],
    // Docs named in the story do not make the question a doubt about the name told there.
    [
      'Per the docs we opened pypi.org for the cluster. Which hosts does the studio need in the browser?',
      'The workspace from Azure Machine Learning studio needs',
    ],
    // A pasted error's own advice is not what the user asks.
    [
      'UserError: Failed to resolve hostname for the workspace. Please check DNS.',
      'Likely cause: The private DNS zones or conditional forwarders for the workspace are missing',
    ],
    // What a thing must be is no request for its rules.
    [
      'does image build compute need to be a GPU cluster?',
      'No: image-build compute is a CPU compute cluster in the VNet.',
    ],
    // "Image build cluster" is what the articles call image-build compute.
    [
      'must the image build cluster be a GPU one?',
      'No: image-build compute is a CPU compute cluster in the VNet.',
    ],
    // "The full list" asks for all of it, whatever setup follows.
    [
      'can someone send me the full list of nsg rules (in+out) we need on the AML compute subnet? CIs and clusters w/ public IP',
      'A compute instance or a compute cluster needs 13 rules',
    ],
  ])('"%s" is answered first with: %s', async (question, shown) => {
    expect(await firstLineOf(question)).toContain(shown);
  });

  it("answers whether compute needs a public IP without the note's own condition in front", async () => {
    // "Only when compute has no public IP: compute works without one" would answer the question
    // with itself.
    expect(await firstLineOf('does the compute instance need a public IP for ssh?')).toMatch(
      /^Compute works without a public IP, and without one it needs no inbound rules/,
    );
  });

  it('offers no "Did you mean" rule that the answer already lists', async () => {
    // The tag's card lists its outbound rules; "outbound AzureMachineLearning TCP 443" under it
    // would show the same row again.
    const turn = await chat().say(
      'which outbound ports does AzureMachineLearning need from the compute subnet?',
    );
    const text = cardText(turn.cards[0]);
    expect(text).toContain('Did you mean');
    expect(text).not.toMatch(/outbound AzureMachineLearning (TCP|UDP)/);
  });

  it("says AKS's own egress next to the outbound rules Azure ML adds for it", async () => {
    // Three rules for Azure ML would read as all an AKS cluster needs with everything else denied.
    const turn = await chat().say(
      'is it ok to turn off all outbound internet for the AKS inference cluster?',
    );
    const text = cardText(turn.cards[0]);
    expect(text).toContain('No: Azure Kubernetes Service (AKS) still needs these 3 outbound rules');
    expect(text).toContain("AKS's 'Restrict egress traffic' article");
  });

  it('answers an @mention in a channel the same way', async () => {
    const turn = await chat(undefined, 'channel').say('what is port 5831 for', true);
    expect(cardText(turn.cards[0])).toContain('Port 5831');
  });
});

describe('a statement held up for confirmation', () => {
  it.each([
    ['we need 44224 inbound for clusters, right?', /^Only when compute has a public IP\./],
    [
      'forced tunnel 0.0.0.0/0 -> azfw on the compute subnet, ok for no-pip clusters?',
      /^Yes: route 0\.0\.0\.0\/0 from the compute subnet to the firewall/,
    ],
    ['172.17.0.0/16 for the vnet is fine?', /^No: 172\.17\.0\.0\/16 is the Docker bridge/],
    [
      'our images are all in our own ACR. can MicrosoftContainerRegistry come off the allow list?',
      /^No, it is needed\. MicrosoftContainerRegistry is needed outbound/,
    ],
    // A disagreement's "Yes, keep it open" would read as "yes, take it off".
    [
      'can we take MicrosoftContainerRegistry off the firewall, we use our own ACR only?',
      /^No: the newest firewall article says MicrosoftContainerRegistry is needed in every case/,
    ],
    // Confirming that something is not needed, the verdict is on that: "No, it is needed".
    [
      "AzureActiveDirectory outbound only needs 443, port 80 isn't needed, right?",
      /^No, it is needed\. AzureActiveDirectory is needed outbound on TCP 80, 443\./,
    ],
  ])('"%s" is asked yes or no', async (question, verdict) => {
    expect(await firstLineOf(question)).toMatch(verdict);
  });
});

describe('when the bot is not sure', () => {
  it('offers the closest matches as buttons, and a click shows the answer', async () => {
    // A recognizer that finds two things tying: the conversation asks back with both.
    const tie: Recognizer = () => ({
      kind: 'choices',
      candidates: [
        { kind: 'step', id: 'step-dns', label: 'Resolve the private names' },
        { kind: 'rule', id: 'out-storage-445', label: 'outbound Storage TCP 445' },
      ],
      facets: {
        scenarios: [],
        asks: new Set(),
        conditions: {},
        ports: [],
        dottedNames: [],
        networking: true,
      },
      why: 'a tie',
    });
    const c = chat(tie);
    const turn = await c.say('storage');
    const choices = latestCard(turn);
    expect(cardText(choices)).toContain('Which one do you mean?');
    const options = buttonTitles(choices).filter((t) => t.startsWith('Show'));
    expect(options.length).toBeGreaterThanOrEqual(2);
    expect(options.length).toBeLessThanOrEqual(3 * 2); // each option: its button and its clickable area
    const answer = await c.click(choices, options[0]!);
    expect(answer.cards.length).toBeGreaterThan(0);
    expect(cardText(answer.cards[0])).not.toContain('Which one do you mean?');
  });

  // Data preview and profiling are used from the studio: a near-tie between a studio item and a
  // data-profiling one is one subject, answered with the other offered under it.
  it('a near-tie between the studio and its data profiling is answered, not asked back', async () => {
    const turn = await chat().say(
      'Datastore in another subscription behind firewall - resource instance rule or private endpoint? Our data storage account is in a different subscription (same tenant). We added a resource instance rule for the workspace (Microsoft.MachineLearningServices/workspaces) in the storage networking blade. Is that the supported approach for studio data preview or do we need a private endpoint?',
    );
    expect(cardText(turn.cards[0])).not.toContain('Which one do you mean?');
    expect(cardText(turn.cards[0])).toContain('resource instance');
  });

  // The rules depend on what runs in the network: a question that names nothing they belong to
  // gets the scenarios to pick from, and a pick gets that scenario's rules.
  it.each([
    'which ports do I need to open?',
    'which fqdns go on the allowlist?',
    'what outbound rules does azure ml need behind our firewall?',
    // "Endpoints" here are places traffic goes, not online endpoints.
    'which outbound endpoints does AML need?',
    'list of endpoints to whitelist for azure ml behind a firewall',
    // "Service" is half of "service tags", what it asks for, not a topic.
    'which service tags do I need?',
    'what service tags for our firewall?',
  ])('asks which scenario "%s" is for', async (question) => {
    const c = chat();
    const choices = latestCard(await c.say(question));
    expect(cardText(choices)).toContain('Which of these is it for?');
    const options = buttonTitles(choices).filter((t) => t.startsWith('Show'));
    expect(new Set(options).size).toBe(1); // one "Show the scenario" per option
    const answer = latestCard(await c.click(choices, options[0]!));
    expect(cardText(answer)).not.toContain('Which one do you mean?');
    expect(cardText(answer)).toMatch(/Destination/);
  });

  it.each([
    // A way to get the list, a feed, a scenario: each names what the rules are for.
    [
      'firewall without service tags how do i get the list of hosts',
      'outboundNetworkDependenciesEndpoints',
    ],
    // Whether names are the same in another cloud compares, which that cloud's note answers.
    [
      'Azure Government - is the service tag name the same for the firewall rules?',
      'login.microsoftonline.us',
    ],
    ['which ports does a compute cluster need?', '29876'],
    // The endpoints a scenario needs outbound are its outbound rules, tags and hosts alike.
    ['what outbound endpoints does a compute cluster need?', 'outbound rules'],
    // Allowed as a setting is not an endpoint to allow.
    [
      'is public network access on the online endpoint allowed when the workspace is private?',
      'public',
    ],
  ])('answers "%s" without asking which scenario', async (question, shown) => {
    const card = latestCard(await chat().say(question));
    expect(cardText(card)).not.toContain('Which of these is it for?');
    expect(cardText(card)).toContain(shown);
  });

  it.each([
    'Our compute instance is not getting stopped automatically even after we configured the idle shutdown time. Why?',
    'How do I resize the VM size of an existing compute instance?',
    // Naming neither networking nor a scenario, a question must match far better than by a
    // couple of shared words ("GPU quota", "SDK v2").
    'How do I register a model with the Python SDK v2?',
    // "vs" between two package names is "versus", not VS Code.
    'azureml-core vs azure-ai-ml which to use',
    // An opening about quota, metrics or an SDK exception stays the subject, whatever network
    // words the story around it carries.
    'Cluster stuck at 0 nodes, quota problem? We run it in a vnet with a private endpoint and no public IP, if that matters. The job just queues.',
    'AutoML model AUC drops after deployment. The workspace is behind a private endpoint and the endpoint is in our vnet; how do I find out why the metric differs?',
    // What something costs, and how to get more quota, are asked whatever network words name it.
    'how much does each private endpoint cost per month? we have about 40 across aml and its storage',
    // A message that rules the network out itself is about the rest of it.
    "The compute instance sits in our VNet behind a private endpoint and networking to the workspace is fine, the SDK works. But az ml says 'ml' is misspelled or not recognized and conflicts with the extension azure-cli-ml. How do we fix the CLI?",
    // Another product's networking, in a question that never speaks of Azure ML.
    'Our SQL Managed Instance subnet: must it be delegated, and which NSG rules does it require?',
    'App Service with VNet integration cannot reach our Azure SQL private endpoint; nslookup from Kudu returns the public IP. Which DNS setting on the web app fixes it?',
  ])(
    'says a question outside Azure ML networking is outside its subject: "%s"',
    async (question) => {
      const turn = await chat().say(question);
      const card = latestCard(turn);
      expect(cardText(card)).toContain(
        "doesn't look like a question about Azure Machine Learning networking",
      );
      expect(buttonTitles(card)).toContain('Start the wizard');
    },
  );

  // A network question with a word of another subject in its story is still answered.
  it.each([
    // "Connectivity is fine" from the user's side does not make a known failure another subject.
    [
      'network connectivity is fine from the jump box, nslookup resolves the workspace to a private ip, but the studio shows unable to load data for our datastore',
      'Likely cause: Data preview and profiling',
    ],
    [
      'Compute cluster in our vnet will not scale past 9 nodes although the quota allows 20. The subnet is a /28. Why?',
      'free IP',
    ],
    [
      'Tensorboard on the compute instance will not open in our private endpoint workspace: the instances.azureml.ms link times out.',
      'instances.',
    ],
    [
      'After moving to a managed VNet with allow only approved outbound, our training jobs cannot reach our on-prem SQL server. How do we connect?',
      'outbound rule',
    ],
    // An opening on another subject, but the question asks about traffic out.
    [
      'mlflow.log_metric hangs. The workspace has a private endpoint and the cluster has no public IP; do jobs need outbound access to the workspace for tracking?',
      'outbound',
    ],
  ])('answers "%s" although another subject is named in it', async (question, shown) => {
    const card = latestCard(await chat().say(question));
    expect(cardText(card)).not.toContain(
      "doesn't look like a question about Azure Machine Learning networking",
    );
    expect(cardText(card)).toContain(shown);
  });

  it.each([
    [
      'Our training pipeline step fails right away with this message: Datastore has no credentials, and workspace msi failed to authenticate storage account. Please grant Storage Account Contributor role to workspace msi.',
      'identity-based datastores',
    ],
    ['why can I not set the location when I create compute?', 'another region'],
    // Data exfiltration is what network isolation is for.
    ['how to prevent data exfiltration from azure ml compute?', 'exfiltration'],
    [
      'How do I make sure no data can be exfiltrated from the compute cluster to arbitrary storage accounts?',
      'storage',
    ],
  ])(
    'treats identity, credentials, regions and data exfiltration as its subject, so "%s" gets an answer',
    async (question, expected) => {
      const turn = await chat().say(question);
      const text = cardText(latestCard(turn));
      expect(text).not.toContain(
        "doesn't look like a question about Azure Machine Learning networking",
      );
      expect(text).toContain(expected);
    },
  );

  // A failure no network rule causes or fixes says so, with what to do instead, whichever network
  // error its story also fits: a sign-in or permission failure on Azure ML itself, or a cores
  // quota (asked for or pasted), whatever the story says of VS Code, private links or the subnet.
  const PERMISSION = [
    'That is a permission error, not the network',
    'assigned to whoever opens it',
  ];
  const QUOTA = [
    'That is a quota limit, not the network',
    'Request a higher quota for that VM family',
  ];
  const STOPPED = ["The compute instance isn't running", 'az ml compute start --name <instance>'];
  const BUG = ['That is an error in code, not the network', 'Check which version of the extension'];
  const TEMPLATE = [
    "That is the template's API version or schema, not the network",
    'Use an API version of the resource type that has the property',
  ];
  it.each([
    [
      'unable to open VS code. Error message: Failed to authenticate. Error type: AuthError',
      PERMISSION,
    ],
    [
      'I get "Only the creator can access a compute instance" when I click the Jupyter link of an instance in our private-link workspace',
      PERMISSION,
    ],
    [
      'Edit in VS Code fails: "The user may not have permission to Connect to the Compute Instance ci-01. Please ensure that you are signed into the right Azure account"',
      PERMISSION,
    ],
    [
      "A data scientist in our private-link workspace gets 'AuthorizationFailed: the client does not have authorization to perform action Microsoft.MachineLearningServices/workspaces/computes/start/action' when starting her CI",
      PERMISSION,
    ],
    ['How do I increase my GPU quota for Azure ML?', QUOTA],
    [
      'not enough quota for Standard_NC24ads_A100_v4 in eastus2 when creating a cluster in our vnet subnet. how do i get more?',
      QUOTA,
    ],
    [
      'Our workspace is VNet-injected and GPU cluster creation fails with: Operation could not be completed as it results in exceeding approved standardNCASv3_T4Family Cores quota. Current Limit: 0, Current Usage: 0, Additional Required: 16. At first I assumed the subnet was too small but it is a /24 with 200 free IPs. Where do I request this and how long does it take?',
      QUOTA,
    ],
    ['cluster fails with QuotaExceeded, is the subnet the problem?', QUOTA],
    [
      'Operation results in exceeding approved standardNCASv3_T4Family Cores quota, our workspace is in a vnet, is the NSG blocking it?',
      QUOTA,
    ],
    [
      'cannot open vs code from the studio: Error type: 347 Error Message: Timeout while waiting for the compute instance to start. Please try again after the compute instance is running. our ws has a PE',
      STOPPED,
    ],
    [
      "Start Azure ML Compute Instance is only allowed when the instance ci-7 is in 'stopped' state",
      STOPPED,
    ],
    [
      "VS Code: Activating extension 'ms-toolsai.vscode-ai' failed: Cannot read properties of undefined (reading 'subscriptionId'). Our workspace is behind a PE.",
      BUG,
    ],
    [
      'Connecting VS Code to the compute instance in our vnet fails with TypeError: Converting circular structure to JSON',
      BUG,
    ],
    [
      'TypeError in pipeline definition after upgrading azure-ai-ml. The workspace uses a private endpoint and our compute has no public IP.',
      BUG,
    ],
    [
      'bicep deploy of our vnet workspace: The property "managedNetwork" is not allowed on objects of type "WorkspaceProperties" (api 2023-02-01-preview)',
      TEMPLATE,
    ],
  ])('says a failure outside the network is not the network: "%s"', async (question, shown) => {
    const card = latestCard(await chat().say(question));
    for (const line of shown) expect(cardText(card)).toContain(line);
    expect(buttonTitles(card)).toContain('Start the wizard');
  });

  it('answers what the not-running card tells the user to ask next', async () => {
    const text = cardText(latestCard(await chat().say('why is a compute instance stuck starting')));
    expect(text).toContain('Compute stays in Creating or Resizing');
  });

  it.each([
    [
      "creating the CI fails: the client does not have authorization to perform action 'Microsoft.Network/virtualNetworks/subnets/join/action'",
      'subnets/join/action',
    ],
    [
      'Datastore has no credentials, and workspace msi failed to authenticate storage account, our storage is behind a private endpoint',
      'identity',
    ],
  ])('still answers a permission failure of the network itself: "%s"', async (question, shown) => {
    const text = cardText(latestCard(await chat().say(question)));
    expect(text).not.toContain('That is a permission error, not the network');
    expect(text).toContain(shown);
  });

  it('still answers a loosely worded question that names networking', async () => {
    const turn = await chat().say(
      'compute instance cannot reach the internet after we added a firewall',
    );
    expect(cardText(latestCard(turn))).not.toContain(
      "doesn't look like a question about Azure Machine Learning networking",
    );
  });

  it('says when nothing matches and offers the wizard', async () => {
    const turn = await chat().say('how do I bake sourdough bread');
    expect(cardText(latestCard(turn))).toContain('I could not match');
    expect(buttonTitles(latestCard(turn))).toContain('Start the wizard');
  });

  it.each([
    ['step', 'note-vscode', 'Open ports 8704-8710 and the VS Code hosts'],
    ['error', 'dataset-profile-vnet', 'Unable to profile this dataset'],
  ])(
    'a "show" button from an older card, for the %s %s since merged into another, shows that one',
    async (kind, id, shown) => {
      const turn = await chat().submit({ action: 'show', kind, id });
      expect(cardText(turn.cards[0])).toContain(shown);
    },
  );

  it('a "show" button for something that no longer exists gets the scenario list', async () => {
    const turn = await chat().submit({ action: 'show', kind: 'rule', id: 'rule-that-was-removed' });
    expect(textOf(turn)).toContain("I don't know that item any more");
    expect(cardText(latestCard(turn))).toContain('Scenarios I know');
  });
});

describe('feedback', () => {
  it('thanks the person for a thumbs up or down', async () => {
    const c = chat();
    const [card] = (await c.say('what is port 44224 for')).cards;
    expect(textOf(await c.click(card, '👍 Helpful'))).toContain('glad it helped');
    expect(textOf(await c.click(card, '👎 Not helpful'))).toContain('Thanks for telling me');
  });
});
