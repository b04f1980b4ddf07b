// Answer cards as Teams shows them, at a chat bubble's 500 px and on a 360 px phone: the answer is
// on the first screen, its key fact near the top, shared cards stay small and no text is cut off.
import { getKnowledge } from '../../src/knowledge';
import { answerFor, sharedCardFor } from '../../src/answers/reply';
import { createRecognizer } from '../../src/understanding/recognizer';
import { describeInBrowser, rendererFor } from '../support/card-render';

const k = getKnowledge();
const recognize = createRecognizer(k);

/** One screen of a Teams chat at 500 px; the key fact must show in its upper part. */
const SCREEN_PX = 1000;
const KEY_FACT_PX = 450;
const SHARED_CARD_PX = 500;

/**
 * A name that fits on a line must not be split across two ("AzureMachineL|earning"). A line may
 * still break after a hyphen or at a placeholder ("*.|<region>.batch.azure.com"), and a host
 * longer than a phone's line has to wrap.
 */
const LONGEST_UNBROKEN = 32;
const splitNames = (broken: readonly string[]) =>
  broken.filter((word) => !/[-<]/.test(word) && word.length <= LONGEST_UNBROKEN);

const answers: [name: string, question: string, keyFact: string][] = [
  ['inbound-compute', 'which inbound ports does a compute cluster need', '44224'],
  ['port-5831', 'what is port 5831 for', 'UDP 5831'],
  [
    'studio-blob-wildcard',
    'does the browser need to reach *.blob.core.windows.net directly for the studio?',
    'Blob data in your default storage account',
  ],
  [
    'tag-outbound-ports',
    'which outbound ports does AzureMachineLearning need from the compute subnet?',
    'UDP 5831',
  ],
  [
    'error-package-install',
    'pip install times out on our cluster behind azure firewall',
    'pypi.org',
  ],
  [
    'note-oep-limits',
    'what are the limits of managed online endpoints in a managed vnet?',
    'v1_legacy_mode',
  ],
  ['error-image-build', 'ImageBuildComputeNotValid', '--image-build-compute'],
  [
    'mcr-own-images',
    'do I still need the Microsoft registry with my own images?',
    'MicrosoftContainerRegistry',
  ],
  [
    'dns-forwarder',
    'conditional forwarder for the workspace private endpoint on our own dns server',
    '168.63.129.16',
  ],
  [
    'gov-studio-hosts',
    'which host names does the studio need in usgovvirginia',
    'login.microsoftonline.us',
  ],
  ['vscode-error', 'VS Code cannot connect to compute instance', '8704-8710'],
  // A stored "Yes, your own DNS server works" does not answer whether one is needed.
  ['own-dns-needed', 'do we need to use our own DNS server?', 'Only when you resolve names'],
  ['batch-outbound', 'do we need to allow BatchNodeManagement outbound?', 'BatchNodeManagement'],
  [
    'managed-vnet',
    'our workspace has a managed vnet, can the compute instances go into our own subnet?',
    "doesn't use your subnet",
  ],
  [
    'managed-modes',
    'difference between allow internet outbound and allow only approved outbound?',
    'managed Azure Firewall',
  ],
  ['ways-in', 'how do users outside the vnet reach our private link workspace?', 'VPN gateway'],
  [
    'other-network',
    'we use a managed vnet, do we need a NAT gateway for outbound from our compute?',
    'In a VNet of your own',
  ],
  [
    'undocumented-port',
    'do I need port 8889 for VS Code on a compute instance behind our firewall?',
    'port 8889',
  ],
  [
    'two-scenarios',
    'which outbound rules do the studio and compute instances need',
    'outbound rules',
  ],
  ['port-enough', 'is port 443 enough for compute?', 'UDP 5831'],
  [
    'cut-off',
    'Can we deny all internet outbound from the compute subnet?',
    'ahead of any rule that denies the rest',
  ],
  [
    'aks-cut-off',
    'is it ok to turn off all outbound internet for the AKS inference cluster?',
    'Restrict egress traffic',
  ],
  [
    'host-or-tag',
    'do we need to allow *.blob.core.windows.net or is the Storage tag enough?',
    'Storage.<region>',
  ],
  ['no-own-rules', 'which service tags does AutoML need?', 'service principal'],
  [
    'feature-first',
    'what fqdns should I whitelist for pip install on a compute instance?',
    'pypi.org',
  ],
  ['other-direction', 'does AKS need 443 inbound?', 'No documented rule'],
  [
    'endpoint-settings',
    'do managed online endpoints need anything inbound on our NSG?',
    'No inbound NSG or firewall rule',
  ],
  [
    'compute-resources',
    'what does azure ml create in our subnet for a cluster with a public ip',
    '44224',
  ],
  [
    'compute-region',
    "Which region's Storage tag should I use if my workspace is in westeurope but compute in northeurope?",
    "the compute's region",
  ],
  ['gov-cloud-rules', 'studio outbound rules for azure government', 'in Azure Government'],
  ['two-ports', 'what are ports 8787 and 18881 used for in aml', 'Port 18881'],
  ['which-scenario', 'which ports do I need to open?', 'Which of these is it for?'],
  // A yes/no question answered by a claim stored with the step: the verdict leads.
  [
    'claim-verdict',
    'can our aml compute subnet be delegated to Microsoft.Databricks/workspaces?',
    'must not be delegated',
  ],
  [
    'mvn-limit',
    "can we attach our AKS cluster as Kubernetes compute to a workspace that's using MVN?",
    "can't be used in a workspace managed network",
  ],
  [
    'studio-notebooks',
    'notebooks tab blank in studio for our private endpoint workspace',
    'privatelink.notebooks.azure.net',
  ],
  // A way to find a fault, from the private endpoint troubleshooting article.
  [
    'pe-zone-group',
    "the workspace PE's DNS configuration shows a private DNS zone but no DNS zone group",
    'DNS zone group',
  ],
  // A sovereign cloud's feature table answers whether something is available there.
  [
    'cloud-parity',
    'is managed online endpoint network isolation supported in azure china?',
    'not available',
  ],
  // Another service used alongside Azure ML: not in plans, answered when asked.
  [
    'registry-pe',
    'how do I put our azure ml registry behind private endpoints?',
    'publicNetworkAccess=Disabled',
  ],
  // A report that two articles disagree gets the recorded disagreement on its names.
  [
    'doc-disagreement',
    'Our DNS server forwards instances.ml.azure.ms to 168.63.129.16 as the custom DNS article says, but the firewall article has *.instances.azureml.ms. A typo in one of them?',
    'Where the sources disagree',
  ],
  // A tag the named scenario has no rule for: that comes first, then whose rules they are.
  [
    'scenario-without-tag',
    'outbound rules to storage for the studio',
    'does not use Storage.<region>',
  ],
  // A firewall said to take no service tags is the setup: the scenario's host names answer.
  [
    'no-tags-hosts',
    'our firewall has no service tags, which hosts does compute need?',
    'host-name rules',
  ],
  // A stored no that fits the question leads the card.
  [
    'policy-audit-only',
    'can we enforce with azure policy that all aml compute is created in our vnet?',
    'can only audit',
  ],
  // IP ranges asked for instead of tags: where the ranges behind the tags come from.
  [
    'tag-ranges',
    'we need the list of ip ranges to whitelist for azure ml in west europe',
    'Service Tag Discovery API',
  ],
  // A product named for its hosts: every host that serves it, on one card.
  [
    'product-hosts',
    'do we need to whitelist anaconda on the firewall for compute?',
    '*.anaconda.org',
  ],
  // A host a pasted firewall log denies is what to allow.
  [
    'denied-host',
    'Users open ml.azure.com fine but the Notebooks tab spins. AzFW log: HTTPS request from 10.60.12.34:50122 to 7f3c1a2e-westeurope.notebooks.azure.net:443. Action: Deny. No rule matched. What do I add?',
    '*.notebooks.azure.net',
  ],
  // Asked whether something can go, a disagreement answers with its stored "No".
  [
    'disagreement-no',
    'can we take MicrosoftContainerRegistry off the firewall, we use our own ACR only?',
    'No: the newest firewall article',
  ],
  // A spelling only some articles use, reported failing: the spelling disagreement.
  [
    'spelling-typo',
    'nsg deploy fails: "Frontdoor.FirstParty is not a valid service tag"',
    'typo in one table',
  ],
  // Names kept by hand: the verdict first, the long placeholder host names folded or wrapped whole.
  [
    'hand-kept-records',
    'cert.api.azureml.ms, do we need a record for that?',
    'Yes: each workspace name',
  ],
  // "Enough?" about a host name: the verdict names the others, the slice follows.
  ['host-enough', 'is *.azureml.ms enough for compute behind our firewall?', 'also uses'],
  // A destination with ports of two protocols: one protocol to a line, the tag's name unbroken.
  ['port-lines', 'which outbound rules does a compute cluster need', 'UDP 5831'],
  // Ports no rule of the scenario uses: said first, the rules it does use under it.
  [
    'unknown-ports',
    'is port 8887 or 8889 required on our firewall for compute instances?',
    'Not as far as the articles say',
  ],
];

const shared: [kind: 'rule' | 'step' | 'error' | 'conflict', id: string][] = [
  ['rule', 'in-aml-44224'],
  ['rule', 'out-storage-445'],
  ['step', 'step-udr'],
  ['error', 'storage-mount'],
  ['conflict', 'mcr-own-images'],
];

describeInBrowser.each([500, 360])('answer cards at %i px', (width) => {
  const renderer = rendererFor(width);

  it.each(answers)('%s: "%s" fits one screen with %s near the top', async (name, question, key) => {
    const card = answerFor(k, recognize(question), question).cards[0];
    expect(card).toBeDefined();
    const r = await renderer().render(card!, { key, shot: `answer-${name}-${width}` });
    expect(r.keyTop).toBeDefined();
    if (width === 500) {
      expect(r.height).toBeLessThanOrEqual(SCREEN_PX);
      expect(r.keyTop).toBeLessThanOrEqual(KEY_FACT_PX);
    }
    expect(r.clipped).toEqual([]);
    expect(splitNames(r.brokenWords)).toEqual([]);
  });

  it.each(shared)('the %s %s card shared into a chat is small', async (kind, id) => {
    const card = sharedCardFor(k, kind, id);
    expect(card).toBeDefined();
    const r = await renderer().render(card!, { shot: `shared-${kind}-${id}-${width}` });
    if (width === 500) expect(r.height).toBeLessThanOrEqual(SHARED_CARD_PX);
    expect(r.clipped).toEqual([]);
  });
});
