// Reads a question's facets: what it names (scenarios, ports, service tags, host names, a region,
// a cloud), which way the traffic goes, what kind of answer it wants, and the conditions the user
// states about their setup. Cue words are grammar, kept here; names and synonyms live in the data.
import type {
  Cloud,
  Direction,
  Egress,
  Knowledge,
  ScenarioId,
  Sdk,
  SovereignCloud,
} from '../knowledge/knowledge.schema';
import {
  deploymentTargetOf,
  domainSuffix,
  lexiconOf,
  DOMAIN_NOISE,
  PATH_WORDS,
  STOPWORDS,
  type DeploymentTarget,
  type Lexicon,
} from './lexicon';
import {
  capQuestion,
  editDistance,
  MAX_WORD,
  sameWord,
  stem,
  tokens,
  typoBudget,
} from './normalise';

/** A set of the space-separated words of a list. */
function wordSet(list: string): ReadonlySet<string> {
  return new Set(list.split(' '));
}

/** What a cluster is used for, as people say it: "only used for inference". */
const WORKLOADS = wordSet(
  'training inference inferencing scoring serving testing experiments experimentation batch dev development production prod',
);

/** What kind of answer the question wants. */
export type Ask =
  | 'ports'
  | 'tags'
  | 'hosts'
  | 'rules'
  | 'how'
  | 'why'
  | 'what'
  | 'yesno'
  | 'problem'
  | 'doubt'
  | 'compare'
  /** The whole of something: "a guide", "the complete set of rules", "everything compute needs". */
  | 'whole'
  /** Whether something exists at all: "is there a service tag for Azure Front Door". */
  | 'exists'
  /**
   * How traffic finds its way (name resolution, routes) rather than which traffic to allow:
   * "which zone do I forward for instances.azureml.ms", "a route to BatchNodeManagement".
   */
  | 'paths'
  /** Whether something can be done ("can my team reach ml.azure.com from home"), not whether it is needed. */
  | 'possible'
  /**
   * A way to change the setup: "is there a switch so scoring only works from our VNet", "is it
   * possible to have azureml-fe answer on a private IP". What does it is a configuration step.
   */
  | 'way'
  /** Whether compute needs a public IP at all ("does a compute instance need a public IP?"). */
  | 'publicIp'
  /** Whether what it names is all that is needed ("is port 443 enough for compute?"). */
  | 'enough'
  /**
   * A yes/no about whether something is needed or used ("do I need …", "is 8787 required"), not
   * about what it is ("is the AzureMachineLearning tag regional?", "is 5831 UDP?").
   */
  | 'need'
  /**
   * A yes/no about whether the asker must or can do something ("do we need to provision it
   * first?", "should we add a route?", "is the extension able to work with UDR?"), which a step's
   * instruction answers with a yes; not one about whether something happens or holds ("is a
   * firewall deployed right away?", "does it cost extra?").
   */
  | 'act'
  /** A yes/no about doing without something: "can I remove the 44224 rule?". */
  | 'remove'
  /**
   * Whether all traffic one way can be shut off ("can we block all internet outbound on the
   * compute subnet?", "is a deny-all outbound NSG supported?"): what still has to pass answers it.
   */
  | 'cutOff'
  /** Whether only what it names uses something ("is AzureFrontDoor.FrontEnd only for the studio?"). */
  | 'onlyFor'
  /** Whether what the user sees is as it should be: "it returns a public IP. Is that expected?". */
  | 'expected'
  /**
   * Whether what the user sees is harmful, the other way round from `expected`: "it returns a
   * public IP. Is that a problem?".
   */
  | 'harm';

/** What the user says about their setup; unset means they did not say. */
export interface StatedConditions {
  computePublicIp?: boolean;
  egress?: Egress;
  forcedTunnel?: boolean;
  hbi?: boolean;
  ownImages?: boolean;
  vscode?: boolean;
  registryBehindVnet?: boolean;
  sdk?: Sdk;
  /** The workspace's managed virtual network, or a VNet of the user's own. */
  network?: 'managed' | 'yours';
  /** "RStudio", "CRAN": the rows RStudio adds come first and lose their "only when". */
  rstudio?: boolean;
  /** "pip install", "conda", "PyPI": likewise for the public package feeds. */
  publicPackageFeeds?: boolean;
}

export interface PortMention {
  port: number;
  /** Up to this port when a range was typed ("8704-8710"). */
  to: number;
}

export interface Facets {
  /** Scenarios the question names, strongest first, with how strongly (0..1). */
  scenarios: { id: ScenarioId; strength: number }[];
  direction?: Direction;
  asks: ReadonlySet<Ask>;
  conditions: StatedConditions;
  cloud?: Cloud;
  /** The region regional names take: the compute's, where the question tells it apart. */
  region?: string;
  /**
   * Every region named, when there are several ("workspace in westeurope, compute in …"), and
   * whether the question said which one the compute is in.
   */
  regionsNamed?: { all: string[]; computeSaid: boolean };
  ports: PortMention[];
  /** Names with dots as typed, lower case: host names, dotted service tags, DNS zones. */
  dottedNames: string[];
  /**
   * Service tags and protocols the question names that no rule uses ("AzureLoadBalancer", "SSH"):
   * the nearest answer says so rather than a "Yes" about other rules.
   */
  unknownNames?: string[];
  /**
   * The one place models are deployed to that the question names: managed online endpoints,
   * Kubernetes (AKS or Arc) or Azure Container Instances. Unset when it names none or several.
   */
  deploysTo?: DeploymentTarget;
  /**
   * Whether the question says anything about networking (a network word, a host, a port): an
   * Azure ML question without any ("idle shutdown doesn't stop the instance") is outside the
   * bot's subject, however many of the knowledge's words it shares.
   */
  networking: boolean;
  /**
   * Set when the question is about something else, whatever network words it carries: its
   * opening sentence (a post's title, or the whole of a short question) is about quota, metrics,
   * billing or an SDK exception and names no networking ("Cluster won't scale past 0 nodes, quota
   * error? Our workspace is in a vnet…"), or about another product's networking in a question
   * that never speaks of Azure ML ("App Service can't reach our Azure SQL private endpoint").
   */
  otherSubject?: true;
  /**
   * Set when the message pastes a failure that no network rule causes or fixes: a sign-in or
   * permission failure on Azure ML itself ("Error type: AuthError", "Only the creator can access a
   * compute instance"), a cores quota used up ("QuotaExceeded") or asked for, or a compute instance
   * that is not running ("Timeout while waiting for the compute instance to start"), or an
   * exception raised inside code ("Cannot read properties of undefined", "AttributeError"), or a
   * template Azure Resource Manager refuses ("MissingApiVersionParameter").
   * A known network error whose description it also fits ("VS Code fails to connect", "is the NSG
   * blocking it?") is not what happened.
   */
  failsOutsideNetwork?: 'permission' | 'quota' | 'stopped' | 'bug' | 'template';
  /**
   * The words of the message's last question when that sentence asks yes or no ("… Is there a
   * way?") though the message as a whole does not: only a stored claim that fits those words gives
   * the answer a verdict, never the rules of a slice.
   */
  yesNoLast?: readonly string[];
  /**
   * Set when the message says that two places in the documentation disagree ("the custom DNS
   * article says instances.ml.azure.ms, the firewall article *.instances.azureml.ms: is one a
   * typo?"): a disagreement the knowledge records answers it before a card of either name.
   */
  sourcesDisagree?: true;
  /**
   * Products named in a question about host names ("which domain do I allow for pytorch
   * wheels?"): every host that serves them is asked about, as if typed. Elsewhere a product is
   * what the user runs ("a route to reach MCR and PyPI" asks about the route).
   */
  products?: readonly string[];
  /**
   * Host names in a pasted firewall or proxy log line that denies them ("HTTPS request from
   * 10.0.1.4:50112 to westeurope.data.mcr.microsoft.com:443. Action: Deny"): the host to allow is
   * what the message is about, before the failure it causes.
   */
  deniedNames?: readonly string[];
  /**
   * What the message says works, each as the stems of its words ("jupyter terminal" of "jupyter +
   * terminal ok", "pip" of "pip works now"): a failure of that is not what it reports.
   */
  working?: readonly string[];
}

/** Facets of no question: an item shown on its own, from a button or a search result. */
export const NO_FACETS: Facets = Object.freeze({
  scenarios: [],
  asks: new Set<Ask>(),
  conditions: {},
  ports: [],
  dottedNames: [],
  networking: true,
});

export interface ParsedQuestion {
  /** The capped text without mentions, case kept (endpoint names, error text). */
  raw: string;
  lower: string;
  /** Typed word tokens. */
  words: string[];
  /** Content words for search: typed words without stopwords, plus what abbreviations mean. */
  content: string[];
  /** Content words, stemmed and typo-corrected against the knowledge's words. */
  terms: string[];
  /**
   * The terms of the sentences that ask something, when a longer message also tells a story
   * around them ("We deployed… It fails with… How do I …?"); empty when every sentence asks.
   */
  focus: ReadonlySet<string>;
  /**
   * What typed cue words mean, as search terms ("nsg" → "security", "group"): cues like the word
   * they expand, where a topic is told from how the question asks.
   */
  cueMeanings: ReadonlySet<string>;
  /**
   * Terms typed only to state a firewall without service tags ("our firewall doesn't take service
   * tags"): the facets carry that setup, so a question for a scenario's slice need not search by
   * them.
   */
  toldNoTags: ReadonlySet<string>;
  facets: Facets;
}

const DIRECTION_WORDS: ReadonlyMap<string, Direction> = new Map([
  ['inbound', 'inbound'],
  ['ingress', 'inbound'],
  ['incoming', 'inbound'],
  ['outbound', 'outbound'],
  ['egress', 'outbound'],
  ['outgoing', 'outbound'],
]);

const ASK_WORDS: ReadonlyMap<string, Ask> = new Map([
  ['port', 'ports'],
  ['ports', 'ports'],
  // "Is 5831 TCP or UDP" asks about the port's protocol: a cue, like "port", not a topic.
  ['tcp', 'ports'],
  ['udp', 'ports'],
  ['protocol', 'ports'],
  ['protocols', 'ports'],
  ['tag', 'tags'],
  ['tags', 'tags'],
  ['fqdn', 'hosts'],
  ['fqdns', 'hosts'],
  ['host', 'hosts'],
  ['hosts', 'hosts'],
  ['hostname', 'hosts'],
  ['hostnames', 'hosts'],
  ['url', 'hosts'],
  ['urls', 'hosts'],
  ['domain', 'hosts'],
  ['domains', 'hosts'],
  ['whitelist', 'hosts'],
  ['allowlist', 'hosts'],
  ['rule', 'rules'],
  ['rules', 'rules'],
  ['nsg', 'rules'],
  ['open', 'rules'],
  ['allow', 'rules'],
  ['requirements', 'rules'],
  ['requirement', 'rules'],
  ['required', 'rules'],
  ['need', 'rules'],
  ['needs', 'rules'],
  ['whitelisted', 'hosts'],
  ['allowlisted', 'hosts'],
  ['safelist', 'hosts'],
  ['safelisted', 'hosts'],
  ['traffic', 'rules'],
  ['connectivity', 'rules'],
  ['why', 'why'],
  ['purpose', 'why'],
  ['reason', 'why'],
  // "The difference between AzureMachineLearning and BatchNodeManagement" is what each is for.
  ['difference', 'why'],
  ['differences', 'why'],
  ['how', 'how'],
  ['configure', 'how'],
  ['enable', 'how'],
  ['setup', 'how'],
  ['create', 'how'],
  ['fix', 'how'],
  ['what', 'what'],
  ['which', 'what'],
  // "whats needed for …", typed without the apostrophe.
  ['whats', 'what'],
  ['guide', 'whole'],
  ['guideline', 'whole'],
  ['guidelines', 'whole'],
  ['guidance', 'whole'],
  ['walkthrough', 'whole'],
  ['checklist', 'whole'],
  ['complete', 'whole'],
  ['comprehensive', 'whole'],
  ['entire', 'whole'],
  ['overall', 'whole'],
  ['enough', 'enough'],
  ['sufficient', 'enough'],
  ['suffice', 'enough'],
  ['suffices', 'enough'],
]);

const PROBLEM_WORDS: ReadonlySet<string> = wordSet(
  'error errors fail fails failed failing failure denied cannot unable timeout timed stuck hang ' +
    'hangs hanging refused broken exception blocked blocks unauthorized unauthorised forbidden 403 ' +
    'disconnect disconnects disconnected missing never forever issue issues problem problems ' +
    'cant doesnt wont isnt unreachable unusable crash crashes reject rejects rejected invalid ' +
    'broke strips stripped',
);

/** Verbs of knowing: "I can't tell which rows apply" is unsure, and reports no failure. */
const KNOWING_WORDS: ReadonlySet<string> = wordSet('tell figure understand decide determine');

/** Whether the word at `i` is "can't"/"cannot"/"unable to" followed by a verb of knowing. */
function unsureNotFailing(words: readonly string[], i: number): boolean {
  if (!['cant', 'cannot', 'unable'].includes(words[i] ?? '')) return false;
  const next = words[i + 1] === 'to' ? words[i + 2] : words[i + 1];
  return KNOWING_WORDS.has(next ?? '');
}

const DOUBT_WORDS: ReadonlySet<string> = wordSet(
  'still really anymore actually vs versus correct wrong contradict contradicts contradiction ' +
    'disagree disagrees conflict conflicting outdated deprecated obsolete typo docs doc article ' +
    'documentation renamed called spelled spelling inconsistent inconsistency discrepancy mismatch',
);

const DOUBT_TERMS: ReadonlySet<string> = new Set([...DOUBT_WORDS].map(stem));

/** Whether a search term doubts a source or a claim ("wrong", "outdated", "docs"). */
export function isDoubtTerm(term: string): boolean {
  return DOUBT_TERMS.has(term);
}

/** Words that say two sources disagree, not only that one is doubted. */
const DISAGREE_PATTERN =
  /\b(typo|inconsisten(t|cy|cies)|contradict(s|ion|ions|ory|ing)?|discrepanc(y|ies)|mismatch(es)?|conflicting|disagree(s|ment)?|(make|keep) [a-z ]{0,30}consistent|which (one )?is (right|correct)|(can'?t|cannot) both be (right|correct|true))\b/;
/**
 * A place in the documentation ("the firewall article", "this table"; not a route table), or an
 * article by its file name ("concept-secure-network-traffic-flow").
 */
const SOURCE = String.raw`(article|doc|docs|documentation|page|(?<!route )table|section|guide|tutorial|(?:how-to|concept|tutorial)-[a-z0-9]{1,30}(?:-[a-z0-9]{1,30}){0,10})`;
const SOURCE_PATTERN = new RegExp(String.raw`\b${SOURCE}\b`, 'g');
/** A source that says something ("the DNS article tells me", "the table lists"). */
const SOURCE_SAYS = new RegExp(
  String.raw`\b${SOURCE}s? (says|say|lists|list|tells|shows|uses|use|mentions|states|has|recommends|writes)\b`,
);

/**
 * Whether the message says two sources disagree: in the words of disagreement, or by naming
 * what two places say ("the custom DNS article tells me X, the firewall article Y").
 */
function saysSourcesDisagree(lower: string): boolean {
  const capped = lower.slice(0, 4000);
  if (DISAGREE_PATTERN.test(capped)) return true;
  return SOURCE_SAYS.test(capped) && (capped.match(SOURCE_PATTERN) ?? []).length >= 2;
}

/** Doubt words that may only stress a question ("what does it actually do?"). */
const STRESS_WORDS: ReadonlySet<string> = new Set(['actually', 'really']);

/** Doubt words that ask whether something is current ("still", "anymore"), not which source is right. */
const CURRENCY_WORDS: ReadonlySet<string> = wordSet('still anymore outdated deprecated obsolete');

/**
 * "Pulls still time out", "it still fails", "we still can't reach it": a failure that goes on after
 * a fix, not a doubt that something is current.
 */
function persistingFailure(words: readonly string[], i: number): boolean {
  if (words[i] !== 'still') return false;
  const next = words.slice(i + 1, i + 3);
  return next.some((w) => PROBLEM_WORDS.has(w) || w === 'not' || w === 'time' || w === 'times');
}

/** Whether every doubt the question voices is about being current ("is 44224 still needed?"). */
export function doubtsOnlyCurrency(words: readonly string[]): boolean {
  // "No longer needed" doubts that it is current, as "anymore" does.
  const doubts = [
    ...words.filter((w) => DOUBT_WORDS.has(w)),
    ...(hasPhrase(words, 'no longer') ? ['anymore'] : []),
  ];
  return doubts.length > 0 && doubts.every((w) => CURRENCY_WORDS.has(w));
}

const SECURE_WORDS: ReadonlySet<string> = new Set([
  'secure',
  'protect',
  'isolate',
  'harden',
  'lockdown',
]);

/** An error's code as one word: "NameResolutionError", "AuthorizationFailed", "ImagePullBackOff". */
function isErrorCode(word: string): boolean {
  return word.length > 8 && /(error|exception|failed|failure|denied|backoff|timeout)$/.test(word);
}

/**
 * "Can someone give me the list?", "could you share …", "need the list of service tags for …": a
 * request, however it is worded.
 */
const POLITE_REQUEST =
  /\b(can|could) (someone|somebody|anyone|anybody|you|u) (please )?(give|tell|share|send|help|point|provide|list|explain|clarify)\b|^\W{0,3}(i |we )?(need|want|would like) (the|a|an|all|some|complete|full) (list|overview|set|table|summary|guide|rundown|breakdown)\b/;

/** How a setup is said not to be there: "no …", "without …", "we don't have / use …". */
const ABSENT = String.raw`(?:no|without|not using|(?:do|does|did)(?:n'?t| not) (?:have|use))`;

/**
 * A firewall weighed against a NAT gateway ("NAT gateway vs firewall for no-public-IP clusters?")
 * is a choice asked about, not the setup the user has.
 */
const WEIGHED_EGRESS =
  /\bnat(?:\s{1,3}gateways?)?\s{1,3}(?:vs\.?|versus|or|compared to|instead of)\s{1,3}(?:an?\s{1,3}|azure\s{1,3})?(?:firewall|azfw|fw|nva)\b|\b(?:firewall|azfw|fw|nva)\s{1,3}(?:vs\.?|versus|or|compared to|instead of)\s{1,3}(?:an?\s{1,3})?nat\b/;

/** A setup without a firewall, said outright. */
const NO_FIREWALL = new RegExp(
  String.raw`\b(?:${ABSENT}|not behind)\s{1,3}(an?\s{1,3}|any\s{1,3}|azure\s{1,3})?(firewall|fw|nva|proxy)\b(?!\s{0,3}rules?\b)`,
);

/** Forced tunnelling said not to be there: "no forced tunneling", "we don't use UDRs". */
const NO_TUNNEL = new RegExp(
  String.raw`\b${ABSENT}\s{1,3}(an?\s{1,3}|any\s{1,3})?(forced[\s_-]{0,3}tunnel\w{0,4}|udrs?|route[\s_-]tables?|user[\s_-]defined[\s_-]routes?)\b`,
);

/** Words that put a question's opening on a subject other than networking. */
const OTHER_SUBJECT_WORDS: ReadonlySet<string> = wordSet(
  'quota quotas outofquota auc accuracy f1 importerror typeerror attributeerror ' +
    'modulenotfounderror keyerror valueerror mlflow autolog pricing billed billing invoice ' +
    'hyperparameter hyperparameters overfitting drift leakage cuda oom throttled throttling tpm 429',
);

/** How much of a post's opening sentence (its title, often) is read for its subject. */
const OPENING_CHARS = 300;

/** Other Azure products a question may be about instead of Azure ML, as typed words. */
const OTHER_PRODUCTS: readonly string[] = [
  'app service',
  'app services',
  'web app',
  'web apps',
  'function app',
  'function apps',
  'azure functions',
  'azure sql',
  'sql database',
  'sql server',
  'sql managed instance',
  'cosmos db',
  'cosmosdb',
  'synapse',
  'data factory',
  'databricks',
  'logic app',
  'logic apps',
  'api management',
  'apim',
  'event hubs',
  'service bus',
  'power bi',
  'kudu',
];

/** Words by which a question speaks of Azure ML at all. */
const AZURE_ML_WORDS: ReadonlySet<string> = wordSet(
  'aml azureml ml mlw workspace workspaces studio compute ci cis cluster clusters notebook ' +
    'notebooks jupyter datastore datastores automl designer mlflow inference scoring online ' +
    'deployment deployments job jobs training managed model models environment environments mvn',
);

/** "Online endpoint", "batch endpoints": a kind of deployment, named without speaking of networks. */
function namesEndpointKind(words: readonly string[], i: number): boolean {
  return (
    (words[i] === 'endpoint' || words[i] === 'endpoints') && ENDPOINT_KINDS.has(words[i - 1] ?? '')
  );
}

const ENDPOINT_KINDS: ReadonlySet<string> = new Set(['online', 'batch', 'serverless']);

/**
 * Whether the question is about something else than Azure ML networking (see `otherSubject`),
 * read from its first sentence as `sentencesOf` splits it.
 */
function opensOnOtherSubject(firstSentence: string, words: readonly string[]): boolean {
  const opening = tokens(firstSentence.slice(0, OPENING_CHARS));
  const networkWords = opening.filter(
    (w, i) => NETWORK_STEMS.has(stem(w)) && !namesEndpointKind(opening, i),
  );
  const namesOtherSubject = opening.some((w) => OTHER_SUBJECT_WORDS.has(w));
  if (networkWords.length === 0) return namesOtherSubject;
  // "Managed online endpoint billing when a deployment has 0 traffic?": billing is the subject,
  // and "traffic" there is the deployment's share of requests.
  if (namesOtherSubject && networkWords.every((w) => WEAK_NETWORK_STEMS.has(stem(w)))) return true;
  // "App Service with VNet integration can't reach our Azure SQL private endpoint": another
  // product's networking, in a question that never speaks of Azure ML.
  const products = OTHER_PRODUCTS.filter((p) => hasPhrase(opening, p));
  if (products.length === 0) return false;
  // "SQL managed instance" names no Azure ML "managed" anything: the products' own words are not
  // read as Azure ML's.
  const rest = products
    .reduce((text, p) => text.split(` ${p} `).join(' '), ` ${words.join(' ')} `)
    .split(' ');
  return !rest.some((w) => AZURE_ML_WORDS.has(w)) && !hasPhrase(words, 'machine learning');
}

/**
 * "How much does each private endpoint cost per month?", "not enough quota for NC24 in our vnet
 * subnet, how do I get more?": what it costs and how to get more quota are asked whatever network
 * words name the thing. Bounded gaps, so it cannot backtrack.
 */
const ASKS_COST_OR_QUOTA =
  /\bhow much\b[^?.]{0,80}\bcost|\bcosts? (?:per|a) (?:month|hour|year|gb)\b|\b(?:increase|raise|request|more)\b[^?.]{0,40}\bquotas?\b|\bquotas?\b[^?]{0,120}\b(?:increase|raise|get more|request more)\b/;

/**
 * A pasted quota failure ("… results in exceeding approved standardNCASv3_T4Family Cores quota",
 * "a total vCPU quota of 0", "QuotaExceeded", "ClusterCoreQuotaReached", "Insufficient quota for
 * …"): the cores a subscription may use, never the network, whatever the story around it says
 * about subnets. Bounded gaps, so it cannot backtrack.
 */
const QUOTA_FAILURE =
  /\b(?:exceed(?:s|ed|ing)?|insufficient)\b[^.?!\n]{0,80}\bquotas?\b|quota ?(?:exceeded|reached)\b|\bquota of 0\b/;

/**
 * A pasted sign-in or permission failure on Azure ML itself ("Failed to authenticate. Error type:
 * AuthError", "Only the creator can access a compute instance", "does not have authorization to
 * perform action 'Microsoft.MachineLearningServices/…'"): who may do what, never the network,
 * whatever the words around it say about VS Code or private links. A permission on
 * `Microsoft.Network` (joining a subnet) is networking and is not read here. Bounded gaps, so it
 * cannot backtrack.
 */
const ACCESS_FAILURE =
  /\bauth ?error\b|\bonly the creator can access\b|\b(?:does not|doesn't|may not) have (?:access|permission) to (?:connect to )?(?:the )?compute instance\b|\bauthorization to perform (?:action )?'?microsoft\.machinelearningservices\//;

/**
 * A pasted message that the compute instance is not running ("Timeout while waiting for the compute
 * instance to start. Please try again after the compute instance is running", "… only allowed when
 * the instance … is in 'stopped' state"): its state, which VS Code and the studio wait on, not the
 * network. Bounded gaps, so it cannot backtrack.
 */
const NOT_RUNNING =
  /\bwaiting for the compute instance to start\b|\bonly allowed when the instance [\w-]{1,64} is in '?stopped'? state\b/;

/**
 * A pasted exception raised inside code ("Activating extension failed: Cannot read properties of
 * undefined", "TypeError: Converting circular structure to JSON", "AttributeError"): a bug in the
 * tool or the user's code, whatever the network around it. Bounded, so it cannot backtrack.
 */
const CODE_EXCEPTION =
  /\bcannot read propert(?:y|ies) of (?:undefined|null)\b|\bconverting circular structure\b|\bis not a function\b|\b(?:typeerror|referenceerror|nullreferenceexception|attributeerror|keyerror|nameerror|indexerror)\b/;

/**
 * A pasted refusal of a template or request by Azure Resource Manager itself
 * ("MissingApiVersionParameter", "The property \"managedNetwork\" is not allowed on objects of type
 * \"WorkspaceProperties\"", "InvalidTemplate"): its API version or schema, before anything reaches
 * a network. "InvalidTemplateDeployment" is not one: it wraps whatever failed the deployment's
 * checks, a policy or a network setting among them. Bounded, so it cannot backtrack.
 */
const TEMPLATE_REFUSED =
  /\b(?:missingapiversionparameter|invalidapiversionparameter|noregisteredproviderfound|invalidtemplate|invalidresourcetype)\b|\bis not allowed on objects of type\b/;

/** Each failure outside the network and the pasted text that shows it, the first match wins. */
const FAILURE_PATTERNS: readonly (readonly [NonNullable<Facets['failsOutsideNetwork']>, RegExp])[] =
  [
    ['permission', ACCESS_FAILURE],
    ['quota', QUOTA_FAILURE],
    ['stopped', NOT_RUNNING],
    ['bug', CODE_EXCEPTION],
    ['template', TEMPLATE_REFUSED],
  ];

/** The failure outside the network a message pastes, or a quota it asks for (see the facet). */
function failureOutsideNetwork(
  lower: string,
  asksCostOrQuota: boolean,
): Facets['failsOutsideNetwork'] {
  const pasted = FAILURE_PATTERNS.find(([, pattern]) => pattern.test(lower))?.[0];
  if (pasted !== 'permission' && asksCostOrQuota && /\bquotas?\b/.test(lower)) return 'quota';
  return pasted;
}

/**
 * "Networking to the workspace is fine", "connectivity works": the message rules the network out
 * itself (as `working` reads it), so the rest of it is about something else.
 */
const NETWORK_FINE: ReadonlySet<string> = new Set(['network', 'connectivity'].map(stem));

/** Network words that also have an everyday sense ("traffic split", "public preview"). */
const WEAK_NETWORK_STEMS: ReadonlySet<string> = new Set(
  ['traffic', 'access', 'public', 'connect', 'connection', 'download', 'downloading', 'record'].map(
    stem,
  ),
);

/** Words that put a question in networking, the bot's subject. */
const NETWORK_WORDS: ReadonlySet<string> = wordSet(
  'vnet vnets network networks networking firewall firewalls fw azfw nsg nsgs private ' +
    'privatelink endpoint endpoints pe pes pl subnet subnets dns proxy proxies route routes ' +
    'routing udr udrs inbound outbound egress ingress port ports ip ips address addresses ' +
    'tag tags rule rules fqdn fqdns url urls domain domains whitelist allowlist vpn expressroute bastion ' +
    'peering peered peer tunnel tunneling tunnelling nat gateway internet public connectivity ' +
    'connect connection connections resolve resolution zone zones forwarder forwarders ' +
    'balancer ilb tcp udp https http ssl tls websocket websockets traffic isolation isolated ' +
    'secure secured trusted bypass offline blocked access premises onprem hub spoke mcr registry ' +
    'bridge cidr identity msi credential credentials datastore datastores rbac role roles permission permissions authenticate location region regions ' +
    'privately reach reachable unreachable exfiltration gapped lockdown nic nics host hosts hostname ' +
    'hostnames website websites download downloaded downloading home remote remotely office offices ' +
    'laptop laptops record records unblock unblocked unblocking permit permitted destination destinations',
);

/** Traffic said in everyday words: "what does aml talk to …", "does it phone home?". */
const TALKS_TO = /\b(?:talks?|talking|reach(?:es|ing)? out|calls? out) to\b|\bphones? home\b/;

/** The same words in any form: "can't be reached", "connecting", "routed through the hub". */
const NETWORK_STEMS: ReadonlySet<string> = new Set([...NETWORK_WORDS].map(stem));

/**
 * Whether the question speaks of name resolution or routes at all ("dns", "nslookup", a
 * privatelink zone): without that, an item about them answers something it did not ask.
 */
export function mentionsPath(q: { words: readonly string[]; facets: Facets }): boolean {
  return (
    q.words.some((w) => PATH_WORDS.has(w)) ||
    q.facets.dottedNames.some((n) => n.startsWith('privatelink.'))
  );
}

/** Words that ask whether something can be had: "does Azure China support a managed network?". */
const SUPPORT_WORDS: ReadonlySet<string> = wordSet('support supports supported available');

/** Words that name the rules themselves, so a question with them is about what to allow. */
const RULE_WORDS: ReadonlySet<string> = new Set(['rule', 'rules', 'firewall', 'nsg', 'allow']);

/** Words that open a yes/no question. */
const YES_NO_OPENERS: ReadonlySet<string> = wordSet(
  'do does did is are can could should must will would shall need have has am',
);
// "Do I …", "should we …", "must clusters …" ask what to do; "is it …" may ask what a thing is.
const NEED_OPENERS: ReadonlySet<string> = wordSet('do does did should must shall need have has');
const NEED_WORDS: ReadonlySet<string> = wordSet(
  'need needs needed require requires required requirement necessary mandatory essential still allow allowed open opened whitelist whitelisted allowlist allowlisted use uses used permit permitted',
);
/** How a yes/no asks whether to act (see the ask `act`): "should we …", "do we have to …". */
const ACT_OPENERS: ReadonlySet<string> = wordSet('should must shall need needs have has');
const ACT_WORDS =
  /\b(?:need|needs|needed|require|requires|required|necessary|mandatory|essential|(?:have|has|got|ought|able) to|supported|compatible)\b/;
/** "Doesn't need", "no longer requires", "not needed": whether something can be done without. */
const NEGATED_NEED =
  /\b(?:doesn['’]?t|does not|don['’]?t|do not|no longer|won['’]?t|will not)\s+(?:\w+\s+)?(?:need|needs|require|requires)\b|\b(?:not|isn['’]?t|aren['’]?t) (?:needed|required|necessary)\b/;

/** A question that opens with its negation ("don't we need 445?") asks whether it is needed. */
const NEGATION_FIRST =
  /^\W*(?:don['’]?t|doesn['’]?t|do not|does not|isn['’]?t|aren['’]?t|is not|are not)\b/;

const REMOVE_WORDS: ReadonlySet<string> = wordSet(
  'remove removing delete deleting drop dropping block blocking deny denying close closing omit skip',
);
// "When" is left out: "do clusters need 44224 when they have a public ip?" states a condition.
const WH_WORDS: ReadonlySet<string> = wordSet('what whats which how where why who');

function phraseAt(words: readonly string[], phrase: readonly string[], at: number): boolean {
  return phrase.every((p, j) => {
    const w = words[at + j];
    return w !== undefined && w === p;
  });
}

function hasPhrase(words: readonly string[], phrase: string): boolean {
  const p = phrase.split(' ');
  for (let i = 0; i + p.length <= words.length; i++) if (phraseAt(words, p, i)) return true;
  return false;
}

/**
 * "Does compute need a public IP", "is a public IP required": the public IP is the question. "We
 * need a public IP for SSH" states one, so only a question asks.
 */
function asksForPublicIp(lower: string): boolean {
  return (
    /\b(do|does|did|must|should|will|would)\b[^.?!]{0,60}\b(need|require|have to have)[\s_-]{1,3}(an?[\s_-]{1,3})?public[\s_-]{0,3}ips?\b/.test(
      lower,
    ) ||
    // "Is a public IP on the compute required …?": what it is on may come between, and "is" may
    // be left out ("public ip needed on compute instances?").
    /(\b(is|are)[\s_-]{1,3}|^\W{0,3})(an?[\s_-]{1,3})?public[\s_-]{0,3}ips?(\s{1,3}(on|for|of)\s{1,3}(the\s{1,3}|our\s{1,3})?[a-z-]{1,20}(\s{1,3}[a-z-]{1,20})?)?[\s_-]{1,3}(needed|required|necessary|mandatory)\b/.test(
      lower,
    )
  );
}

function statedConditions(
  words: readonly string[],
  stated: string,
  publicIpAsked: boolean,
): StatedConditions {
  const c: StatedConditions = {};
  // "We don't want to move to no public IP yet", "the 'No public IP' box isn't ticked": the
  // option named, not the setup.
  const lower = stated.replace(NOT_NO_PUBLIC_IP, ' ');
  const noPublicIp =
    /\b(no|without|non|disabl\w*|remov\w*|rid of|(turn|switch)\w* off)[\s_-]{1,3}((the|a|an)[\s_-]{1,3})?public[\s_-]{0,3}(ip|address)/.test(
      lower,
    ) ||
    /\bpublic[\s_-]{0,3}ips?[\s_-]{1,3}(is[\s_-]{1,3}|are[\s_-]{1,3})?(disabled|off|removed)\b/.test(
      lower,
    ) ||
    words.includes('nopublicip') ||
    // "NoPIP", "npip", "no PIP": Azure's short name for no public IP.
    words.includes('npip') ||
    /\b(no|without)[\s_-]{0,3}pips?\b/.test(lower) ||
    /\benable_?node_?public_?ip\W{0,4}(to\W{1,3}|=\W{0,2}|:\W{0,2})?(false|0|no)\b/.test(lower) ||
    // Terraform's azurerm name for it.
    /\bnode_?public_?ip_?enabled\W{0,4}(is\W{1,3}|to\W{1,3}|=\W{0,2}|:\W{0,2})?(false|0|no)\b/.test(
      lower,
    ) ||
    hasPhrase(words, 'enable node public ip false') ||
    hasPhrase(words, 'private ip only') ||
    // "Compute instances with private IP" (and only that) are compute without a public one.
    /\b(compute|instances?|clusters?|nodes?|vms?)[\s_-]{1,3}with[\s_-]{1,3}(a[\s_-]{1,3}|only[\s_-]{1,3})?private[\s_-]{0,3}ips?\b/.test(
      lower,
    ) ||
    // "Disabling the compute cluster / instance public IP": words naming the compute may stand
    // between ("disabled public network access … public IP" is another setting).
    /\b(disabl|remov)\w*(\W{1,3}(the|a|an|our|my|azure|ml|aml|compute|clusters?|instances?|nodes?|vms?)){1,6}\W{1,3}public[\s_-]{0,3}ips?\b/.test(
      lower,
    );
  if (noPublicIp) c.computePublicIp = false;
  // "Clusters have public IPs" states compute with a public IP, as the singular does ("our office
  // public IPs" are clients').
  // "Does a compute instance need a public IP?" asks about the public IP; it states nothing.
  // "A specific outbound public IP", "a static public IP" is the address traffic leaves from (a
  // NAT gateway's), not a public IP on the compute. Nor is the public IP a name "resolves to",
  // "returns" or "points to": that is what DNS answers.
  else if (
    (/\bpublic[\s_-]{0,3}ip\b/.test(lower) || COMPUTE_PUBLIC_IPS.test(lower)) &&
    !publicIpAsked &&
    !/\b(outbound|egress|static|fixed|specific|dedicated|nat)[\s_-]{1,3}public[\s_-]{0,3}ips?\b/.test(
      lower,
    ) &&
    !/\b(resolv\w{0,6}|return\w{0,3}|gives?|giving|points?|pointing|answers?)(\W{1,3}[a-z0-9.-]{1,40}){0,3}?\W{1,3}(to\W{1,3}|with\W{1,3})?((a|an|the|its)\W{1,3})?public[\s_-]{0,3}ips?\b/.test(
      lower,
    ) &&
    // "Users get the public IP when resolving the workspace URL": a resolver's answer too.
    !/\bpublic[\s_-]{0,3}ips?\W{1,3}(?:(?:when|while|on|from|after|by)\W{1,3})(?:resolv|nslookup|dig\b|lookup|looking up|querying)/.test(
      lower,
    )
  )
    c.computePublicIp = true;
  if (
    words.some(
      (w) => w === 'firewall' || w === 'azfw' || w === 'fw' || w === 'nva' || w === 'proxy',
    ) &&
    !WEIGHED_EGRESS.test(lower)
  )
    c.egress = 'azure-firewall';
  // "There is no firewall in this spoke", "we don't have a firewall": outbound traffic is only
  // filtered by NSGs (not "no firewall rules for X", which says nothing about the setup).
  if (NO_FIREWALL.test(lower)) c.egress = 'nsg';
  // "A firewall without service tags", "FQDN rules only": the rows for such a firewall name hosts.
  if (
    c.egress &&
    (NO_TAGS.test(lower) ||
      /\bfqdns?\s{1,3}(rules\s{1,3})?only\b/.test(lower) ||
      /\bonly\s{1,3}(can\s{1,3})?(supports?|allows?|takes?|accepts?|uses?|understands?|does|put|add|enter|write)\s{1,3}fqdns?\b/.test(
        lower,
      ))
  )
    c.egress = 'firewall-no-tags';
  if (
    words.some((w) => w === 'tunneling' || w === 'tunnelling' || w === 'udr' || w === 'udrs') ||
    hasPhrase(words, 'route table') ||
    hasPhrase(words, 'user defined route') ||
    hasPhrase(words, 'user defined routes') ||
    lower.includes('0.0.0.0/0')
  )
    c.forcedTunnel = true;
  // "There is no forced tunnelling", "no UDR on the subnet": said as not there.
  if (NO_TUNNEL.test(lower)) c.forcedTunnel = false;
  if (words.includes('hbi') || hasPhrase(words, 'high business impact')) c.hbi = true;
  if (
    hasPhrase(words, 'own image') ||
    hasPhrase(words, 'own images') ||
    hasPhrase(words, 'custom image') ||
    hasPhrase(words, 'custom images') ||
    hasPhrase(words, 'custom docker') ||
    words.includes('byoi')
  )
    c.ownImages = true;
  // "Our ACR is behind a PE", "a private container registry", "the registry has a private
  // endpoint": the workspace's registry is behind the network, so images need build compute.
  if (REGISTRY_BEHIND.test(lower) || PRIVATE_REGISTRY.test(lower) || REGISTRY_THEN_PE.test(lower))
    c.registryBehindVnet = true;
  if (
    words.includes('vscode') ||
    hasPhrase(words, 'vs code') ||
    hasPhrase(words, 'visual studio code')
  )
    c.vscode = true;
  if (words.includes('rstudio') || hasPhrase(words, 'r studio') || words.includes('cran'))
    c.rstudio = true;
  // "pip" alone is also short for a public IP ("NoPIP cluster"); with "install" it is Python's.
  if (
    words.some((w) => w === 'pypi' || w === 'conda' || w === 'anaconda' || w === 'pythonhosted') ||
    hasPhrase(words, 'pip install') ||
    hasPhrase(words, 'pip installs') ||
    hasPhrase(words, 'pip installing') ||
    hasPhrase(words, 'pip packages') ||
    hasPhrase(words, 'python packages') ||
    hasPhrase(words, 'package feeds') ||
    hasPhrase(words, 'public package')
  )
    c.publicPackageFeeds = true;
  // "If we don't use RStudio", "without VS Code", "a non-hbi workspace": stated as not there.
  for (const [option, unused] of UNUSED_FEATURES) if (unused.test(lower)) c[option] = false;
  // "pip install from an internal Artifactory": packages come from a feed inside the network.
  if (PRIVATE_PACKAGE_FEED.test(lower)) c.publicPackageFeeds = false;
  // An AI Foundry (AI Studio) hub isolates its compute with a managed network only, so "a hub
  // doesn't support a custom VNet" states a managed one.
  const hub = /\b(ai|foundry)[\s_-]{1,3}(studio|foundry|hub)/.test(lower);
  // "No managed vnet; the workspace has a private endpoint in our vnet": a VNet of one's own.
  const namesManaged = MANAGED_NETWORK.test(lower);
  const notManaged = namesManaged ? countMatches(NOT_MANAGED, lower) : 0;
  const saysNotManaged = notManaged > 0 && notManaged >= countMatches(MANAGED_NETWORKS, lower);
  const managed = namesManaged && !saysNotManaged;
  // "Can a managed online endpoint be deployed into my own VNet?" asks whether it can go there.
  const yours =
    (OWN_VNET.test(lower) && !OWN_VNET_ASKED.test(lower)) ||
    saysNotManaged ||
    (!hub && !namesManaged && COMPUTE_IN_VNET.test(lower));
  // A managed network and one's own both named is a comparison, which states neither.
  if (hub || managed !== yours) c.network = hub || managed ? 'managed' : 'yours';
  if (words.some((w) => w === 'v1' || w === 'sdkv1')) c.sdk = 'v1';
  else if (words.some((w) => w === 'v2' || w === 'sdkv2')) c.sdk = 'v2';
  return c;
}

/** A package feed of one's own: "an internal Artifactory", "our private PyPI mirror", "Nexus". */
const PRIVATE_PACKAGE_FEED =
  /\b(internal|private|own|corporate|company|in-house|on-prem|self-hosted)\s{1,3}(pypi\s{1,3}|conda\s{1,3}|python\s{1,3}|pip\s{1,3})?(package\s{1,3}|packages\s{1,3})?(feeds?|mirrors?|repository|repositories|repos?|index|indexes|artifactory|nexus|registry for packages)\b|\b(artifactory|nexus|jfrog|azure artifacts|devpi)\b/;

/** "… and nothing else", "by itself": what a yes/no names is all of it. */
const ALL_THAT_IS_NEEDED =
  /\bnothing else\b|\bby itself\b|\bon its own\b|\balone\b|\bno (?:extra|other|additional|further) (?:hosts?|fqdns?|rules?|ports?|tags?|urls?|domains?)\b/;
/** "Only 8704", "just port 443": one port as all that is needed. */
const ONLY_THIS_PORT =
  /\b(only|just)(?: (?:need|needs|open|opens|opening|allow|allows|allowing|permit|permits|permitting|the|port|ports)){0,3} (?:(?:tcp|udp)[ /])?\d{2,5}\b/;

/**
 * All internet or outbound traffic shut off: "block all internet outbound", "deny-all outbound",
 * "cut off egress". One followed by an exception ("… except 443") names what is allowed instead.
 */
const CUT_OFF =
  /\b(?:block|blocking|deny|denying|disable|disabling|disallow|disallowing|cut off|cutting off|shut off|shutting off|lock down|locking down|close off|turn off)\s{1,3}(?:all\s{1,3}|any\s{1,3}|every\s{1,3})?(?:the\s{1,3}|public\s{1,3})?(?:outbound\s{1,3}|outgoing\s{1,3}|egress\s{1,3})?(?:internet|egress|outbound)\b(?!\s{0,3}(?:\w{1,12}\s{1,3}){0,2}(?:except|but|other than|apart from|besides))|\bdeny[\s-]{0,3}all\s{1,3}(?:outbound|egress|internet)\b|\bno\s{1,3}(?:outbound\s{1,3})?internet\s{1,3}(?:access\s{1,3}|egress\s{1,3})?at all\b/;
/** What shutting traffic off would break: "what breaks?", "what will stop working?". */
const WHAT_BREAKS =
  /\bwhat\s{1,3}(?:would\s{1,3}|will\s{1,3}|could\s{1,3})?(?:break|breaks|fail|fails|stop|stops)\b/;

/** "Which hosts does compute need to reach?": where its traffic goes, asked of what sends it. */
const NEED_TO_REACH =
  /\b(?:what|which)\b[^.?!]{0,60}?\b(?:reach|talk to|connect to|call)\s{0,3}(?:(?:for|from)\b|\?|$)/;
/** The verbs of `NEED_TO_REACH`, which there ask where traffic goes rather than name a topic. */
const REACH_WORDS: ReadonlySet<string> = new Set(['reach', 'talk', 'connect', 'call']);

/** "Deny all outbound except 443": everything but one port shut, as "only 443" says. */
const ALL_BUT_THIS_PORT =
  /\b(?:block|blocks|blocking|blocked|deny|denies|denying|denied|close|closes|closed|drop|drops)\s{1,3}(?:all|everything|any)\b[^.?!]{0,60}?\b(?:except|but|other than|apart from|besides)\s{1,3}(?:(?:for|the|port|ports|tcp|udp)[\s/]{1,3}){0,3}\d{2,5}\b/;

/** "No public IP" named as an option not taken (see `statedConditions`). */
const NOT_NO_PUBLIC_IP = new RegExp(
  String.raw`\b(?:don'?t|do not|not|never|can'?t|cannot|won'?t)\s{1,3}(?:(?:want|plan|yet|ready|able)\s{1,3}(?:to\s{1,3})?)?(?:move|switch|migrate|go|use|enable|turn on|tick|check|select)\s{1,3}(?:(?:to|the|a)\s{1,3})?no[\s_-]{1,3}public[\s_-]{0,3}ip\b|\bno[\s_-]{1,3}public[\s_-]{0,3}ip\W{1,3}(?:box|option|checkbox|setting|flag)?\W{0,3}(?:is|was)?\s{0,3}(?:isn'?t|wasn'?t|not|un)[\s-]{0,3}(?:ticked|checked|selected|set)\b`,
  'g',
);

/** Public IPs said of compute: "clusters have public IPs", "nodes still get public IPs". */
const COMPUTE_PUBLIC_IPS =
  /\b(compute|instances?|clusters?|nodes?|vms?|cis)\b[^.?!;]{0,40}?\bpublic[\s_-]{0,3}ips\b/;

const REGISTRY = String.raw`(acr|container[\s_-]{1,3}registry|registry)`;
const REGISTRY_BEHIND = new RegExp(
  String.raw`\b${REGISTRY}\s{1,3}((is|sits|now|has|uses|with|still|also|ok|okay|fine|placed|put|secured|locked|work|works)\s{1,3}){0,2}(behind|in|inside|with|has|uses|via|through|on)\s{1,3}(an?\s{1,3}|the\s{1,3}|our\s{1,3})?(pe|private[\s_-]{1,3}endpoint|private[\s_-]{1,3}link|vnet|virtual[\s_-]{1,3}network)\b`,
);
const PRIVATE_REGISTRY = new RegExp(
  String.raw`\bprivate\s{1,3}${REGISTRY}\b|\b(pe|private[\s_-]{1,3}endpoint)\s{1,3}(for|on|to)\s{1,3}(the\s{1,3}|our\s{1,3}|its\s{1,3})?(workspace'?s?\s{1,3})?${REGISTRY}\b`,
);

/**
 * "Is a standard ACR fine once we add a private endpoint?": the registry and, later in the same
 * clause with no "without", "not" or "only" between, its private endpoint. Bounded, so it cannot
 * backtrack far.
 */
const REGISTRY_THEN_PE = new RegExp(
  String.raw`\b${REGISTRY}\b(?:(?!\b(?:without|no|not|never|instead|isn't|doesn't|don't|but|only|while|whereas)\b)[^.?!;,]){0,40}\b(pe|private[\s_-]{1,3}endpoint|private[\s_-]{1,3}link)\b`,
);

/** "VNet", "v-net", "virtual network". */
const VNET = String.raw`(v[\s_-]?)?nets?|virtual[\s_-]{1,3}networks?`;
/**
 * A managed network by name ("MVN" is how many engineers write it) or by one of its outbound
 * modes: "only approved outbound" (`allow_only_approved_outbound`, AllowOnlyApprovedOutbound) and
 * `allow_internet_outbound` name nothing else. (`isolation_mode` alone does not: it may be
 * `disabled`.)
 */
const MANAGED_NETWORK = new RegExp(
  String.raw`\bmanaged[\s_-]{0,3}(${VNET}|networks?|network isolation)\b|\bmvn(et)?s?\b|\b(allow[\s_-]{0,3})?only[\s_-]{0,3}approved[\s_-]{0,3}outbound\b|\ballow(_internet_|internet)outbound\b`,
);
const MANAGED_NETWORKS = new RegExp(MANAGED_NETWORK.source, 'g');
/** A managed network said not to be there: "no managed vnet", "we don't use a managed network". */
const NOT_MANAGED = new RegExp(
  String.raw`\b(?:${ABSENT}|not|non|never|(?:do|does|did)(?:n'?t| not) enable)[\s_-]{1,3}(an?\s{1,3}|the\s{1,3}|using\s{1,3}){0,2}managed[\s_-]{0,3}(${VNET}|networks?|network isolation)\b`,
  'g',
);

/** How often a global regex matches, counted up to a bound so long messages cost no more. */
function countMatches(re: RegExp, text: string): number {
  let n = 0;
  re.lastIndex = 0;
  while (n < 20 && re.exec(text) !== null) n++;
  re.lastIndex = 0;
  return n;
}

const OWN_VNET = new RegExp(String.raw`\b(own|custom|byo|existing)[\s_-]{1,3}(${VNET})\b`);
/**
 * An own VNet as the place a question asks whether something can go ("can a managed online
 * endpoint be deployed into my own VNet?"). The gaps are bounded, so long messages cost no more.
 */
const OWN_VNET_ASKED = new RegExp(
  String.raw`\b(can|could|possible to|able to)\b[^?.]{0,40}\b(deploy|deployed|put|placed|run|created|moved|injected|go|live)\b[^?.]{0,20}\b(into|in|inside|within) (my|our|a|an) (own|custom|existing)[\s_-]{1,3}(${VNET})\b`,
);

/**
 * Compute put "in a VNet" or "into our subnet", with no managed network named: choosing the subnet
 * for compute is what one does in a VNet of one's own, since a managed network places compute
 * itself. The gap is bounded, so long messages cost no more.
 */
const COMPUTE_IN_VNET = new RegExp(
  String.raw`\b(compute|clusters?|instances?|cis?|nodes?)\b[^.?!]{0,30}\b(in|into|inside|within) (a|an|our|my|the|existing) (${VNET}|subnets?)\b`,
);

/**
 * "Without service tags", "cannot use tags", "can't do service tags", "has no idea what a service
 * tag is": a firewall that takes host names only.
 */
const NO_TAGS =
  /\b(without|(?:(?:takes|has|have|supports|allows|accepts|uses|knows)\s{1,3})?no|(?:cannot|can't|can not|doesn't|does not|don't|do not|won't|will not)\s{1,3}(?:use|take|accept|allow|support|handle|do|understand|know|read)|not allowed to use)\s{1,3}(any\s{1,3})?(azure\s{1,3})?(service\s{1,3})?tags\b|\bno idea what (?:an? |azure )*service tags? (?:is|are)\b/;
const NO_TAGS_EVERYWHERE = new RegExp(NO_TAGS.source, 'g');

/** "Or the …", "or around …": a second thing offered near the end of a question. */
const OR_ANOTHER =
  /\bor (the|a|an|on|in|at|to|for|from|around|through|via|behind|outside|inside|over|past|directly|straight)\b[^?]{0,80}/;
const OR_ANOTHER_ASKED = new RegExp(String.raw`${OR_ANOTHER.source}\?\s*$`);
const OR_ANOTHER_AT_END = new RegExp(`${OR_ANOTHER.source}$`);

/** A guide or tutorial that says something ("the older guide also says …"); bounded gaps. */
const GUIDE_SAYS =
  /\b(?:guide|tutorial|walkthrough)s?\b(?:\s[a-z]{1,12}){0,2}\s(?:says|said|mentions|mentioned|tells|told|recommends|recommended|lists|listed|shows|states|writes)\b/;

/** The search terms that only state a firewall without service tags, as `toldNoTags` says. */
function toldWithoutTags(lower: string): ReadonlySet<string> {
  const told = lower.match(NO_TAGS_EVERYWHERE);
  if (!told) return new Set();
  const rest = new Set(tokens(lower.replace(NO_TAGS_EVERYWHERE, ' ')));
  // Typed forms for the failure words, stems for the search terms.
  return new Set(
    tokens(told.join(' '))
      .filter((w) => !rest.has(w))
      .flatMap((w) => [w, stem(w)]),
  );
}

/** The words that name each feature (or setup choice) a question may say it does not use. */
const FEATURE_NAMES: readonly (readonly [
  'vscode' | 'rstudio' | 'publicPackageFeeds' | 'ownImages',
  string,
])[] = [
  ['vscode', 'vscode|vs code|visual studio code'],
  ['ownImages', '(our |my )?(own|custom) (docker )?images?|byoi'],
  ['rstudio', 'rstudio|r studio'],
  // Not "no pip": that is Azure's short name for no public IP.
  ['publicPackageFeeds', 'pypi|conda|anaconda|pip install(s|ing)?|pip packages|public packages'],
];

/**
 * "Don't use RStudio", "nobody here uses VS Code", "without VS Code", and an hbi workspace said in
 * the negative ("a normal (non-hbi) workspace", "not created with high business impact", "we don't
 * use hbi_workspace", "hbi_workspace=false"): what the question names, said as not there.
 * Compiled once, not per question.
 */
const UNUSED_FEATURES: readonly (readonly [(typeof FEATURE_NAMES)[number][0] | 'hbi', RegExp])[] = [
  ...FEATURE_NAMES.map(
    ([option, names]) =>
      [
        option,
        new RegExp(
          `\\b((don'?t|do not|does not|doesn'?t|not|no|without|never)\\s+((use|using|run|running|need|have|bring|bringing)\\s+)?|(nobody|no one)\\s+(here\\s+)?(uses|needs|runs|wants)\\s+)(the\\s+)?(${names})\\b`,
        ),
      ] as const,
  ),
  [
    'hbi',
    /\b(non|not|without|no)[\s-]{1,3}(created\s{1,3}(with|as)\s{1,3})?(an?\s{1,3})?(hbi(_workspace)?|high business impact)\b|\b(don'?t|do not|doesn'?t|does not)\s{1,3}(use|using|have|enable|set)\s{1,3}(an?\s{1,3}|the\s{1,3})?(hbi(_workspace)?|high business impact)\b|\bhbi_workspace\s{0,3}[=:]?\s{0,3}(false|disabled|off)\b/,
  ],
];

/**
 * RStudio and VS Code run on a compute instance: "which hosts does RStudio need?" names compute
 * as plainly as "on a compute instance" would.
 */
function withFeatureHome(scenarios: Facets['scenarios'], c: StatedConditions): Facets['scenarios'] {
  if (c.rstudio !== true && c.vscode !== true) return scenarios;
  const compute = scenarios.find((s) => s.id === 'compute');
  if (compute && compute.strength >= FEATURE_HOME_STRENGTH) return scenarios;
  return [
    ...scenarios.filter((s) => s.id !== 'compute'),
    { id: 'compute' as const, strength: FEATURE_HOME_STRENGTH },
  ].sort((a, b) => b.strength - a.strength);
}

/** As plain as "compute instance" typed out. */
const FEATURE_HOME_STRENGTH = 0.7;

function withoutNames(lower: string, names: readonly string[]): string {
  return names.reduce((text, name) => text.split(name.toLowerCase()).join(' '), lower);
}

/** Words that name a sovereign cloud: the cloud is a facet of the question, like its region. */
export const CLOUD_WORDS: ReadonlyMap<string, SovereignCloud> = new Map([
  ['usgov', 'usgov'],
  ['government', 'usgov'],
  // "Gov cloud", "Azure Gov": how people shorten it.
  ['gov', 'usgov'],
  ['govcloud', 'usgov'],
  ['gcc', 'usgov'],
  ['fairfax', 'usgov'],
  ['21vianet', 'china'],
  ['mooncake', 'china'],
  ['china', 'china'],
]);

/** Words for the public cloud, said next to a sovereign one. */
const PUBLIC_CLOUD_WORDS: ReadonlySet<string> = wordSet('commercial');

/** "commercial and gov", "gov or commercial": both clouds in one breath. */
function namedSideBySide(words: readonly string[]): boolean {
  return words.some(
    (w, i) =>
      PUBLIC_CLOUD_WORDS.has(w) &&
      [words[i - 2], words[i + 2]].some((x) => x !== undefined && CLOUD_WORDS.has(x)) &&
      [words[i - 1], words[i + 1]].some((x) => x === 'and' || x === 'or'),
  );
}

function cloudOf(
  words: readonly string[],
  dottedNames: readonly string[],
  lexicon: Lexicon,
  region?: string,
): Cloud | undefined {
  if (region) {
    const cloud = lexicon.regions.get(region)?.cloud;
    if (cloud && cloud !== 'public') return cloud;
  }
  // "endpoint=core.chinacloudapi.cn", "login.microsoftonline.us": the host says which cloud.
  for (const name of dottedNames) {
    const cloud = lexicon.cloudSuffixes.get(domainSuffix(name));
    if (cloud) return cloud;
  }
  const named = words.flatMap((w) => CLOUD_WORDS.get(w) ?? []);
  // "It fails in Azure commercial and gov alike" names no one cloud; "same zones as commercial?"
  // asked from Azure Government still names that one.
  if (named.length > 0 && namedSideBySide(words)) return undefined;
  return named.includes('usgov') ? 'usgov' : named[0];
}

/** The regions a question names, in order, each once ("east us" and "eastus" alike). */
function regionsIn(words: readonly string[], lexicon: Lexicon): { region: string; at: number }[] {
  const found: { region: string; at: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= 3 && i + n <= words.length; n++) {
      const joined = words.slice(i, i + n).join('');
      if (lexicon.regions.has(joined) && !found.some((f) => f.region === joined))
        found.push({ region: joined, at: i });
    }
  }
  return found;
}

/** Words that say a region is where the compute runs, not where the workspace is. */
const COMPUTE_SIDE = wordSet(
  'compute computes cluster clusters instance instances node nodes vnet subnet training aks',
);

/**
 * Regional tags and hosts take the compute's region. Of several regions named, the one whose
 * nearest subject before it is compute ("workspace in westeurope, compute in northeurope").
 */
function computeRegion(
  named: readonly { region: string; at: number }[],
  words: readonly string[],
): { region?: string; computeSaid: boolean } {
  const subject = (at: number) =>
    words
      .slice(Math.max(0, at - 5), at)
      .reverse()
      .find((w) => w === 'workspace' || COMPUTE_SIDE.has(w));
  const compute = named.find((n) => {
    const said = subject(n.at);
    return said !== undefined && said !== 'workspace';
  });
  return { region: (compute ?? named[0])?.region, computeSaid: compute !== undefined };
}

/** What naming two regions asks about: whether things may sit in different regions. */
export const ACROSS_REGIONS: readonly string[] = tokens('another region');

/** A question names a few ports; a pasted list of hundreds is read as its first ones. */
const MAX_PORT_MENTIONS = 12;

/**
 * Port numbers: "port 44224", "8704-8710", "5831/udp", "tcp/443", "tcp 443". Numbers inside
 * addresses, versions or durations are not ports; a bare number counts only when it is a port some
 * rule uses.
 */
function portMentions(raw: string, knownPort: (p: number) => boolean): PortMention[] {
  const mentions: PortMention[] = [];
  const parts = raw.toLowerCase().split(/\s+/).slice(0, 400);
  const portAt = new Set<number>();
  parts.forEach((part, i) => {
    if (part.length > 40) return;
    const m =
      /^[(,"']?(?:(?:tcp|udp)\/)?(\d{2,5})(?:-(\d{2,5}))?(?:\/(?:tcp|udp))?[),.;:?!"']*$/.exec(
        part,
      );
    if (!m) return;
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    if (from < 1 || to > 65535 || to < from) return;
    const before = parts[i - 1] ?? '';
    const after = parts[i + 1] ?? '';
    // "Inbound 22", "open 8080 outbound": a number next to a direction is a port, known or not.
    const named =
      /^(ports?|tcp|udp|inbound|outbound|open)[:,]?$/.test(before) ||
      /^(tcp|udp|inbound|outbound)\b/.test(after) ||
      part.includes('/') ||
      // "port 8887 or 8889", "ports 8887, 8888": the next number in a list of ports is one too.
      portAt.has(i - 1) ||
      (/^(or|and|&)$/.test(before) && portAt.has(i - 2));
    if (!(named || knownPort(from))) return;
    portAt.add(i);
    const repeated = mentions.some((m) => m.port === from && m.to === to);
    if (!repeated && mentions.length < MAX_PORT_MENTIONS) mentions.push({ port: from, to });
  });
  return mentions;
}

/** A word shaped like a service tag: "AzureLoadBalancer", "MicrosoftContainerRegistry". */
const TAG_SHAPED = /\b(?:Azure|Microsoft)[A-Z][a-z][A-Za-z]{1,40}\b/g;
/** Protocols no documented rule uses, named as what a port is for. */
const UNRULED_PROTOCOLS = /\b(?:ssh|rdp)\b/gi;

/** Service tags and protocols the question names that the rules do not use, as typed. */
function unknownNamesIn(raw: string, lexicon: Lexicon): string[] {
  const { bases, families } = lexicon.tagNames;
  const tags = (raw.match(TAG_SHAPED) ?? []).filter((tag) => {
    const name = tag.toLowerCase();
    return !bases.has(name) && !families.has(name);
  });
  const protocols = (raw.match(UNRULED_PROTOCOLS) ?? []).map((p) => p.toUpperCase());
  return [...new Set([...tags, ...protocols])].slice(0, 5);
}

/** "Data scientists", "data science team": people, not the data a preview or profile reads. */
function withoutPeoplesData(words: readonly string[]): string[] {
  return words.filter((w, i) => w !== 'data' || !/^scien(ce|tist|tists)$/.test(words[i + 1] ?? ''));
}

/** Words with dots, as typed: host names, dotted service tags, zone names. Linear: split, then test. */
function dottedNamesIn(raw: string): string[] {
  return (
    raw
      // "Keyvault.<region>", copied from the docs, names the tag's template, as the data spells it.
      .replace(REGION_PLACEHOLDER, '.<region>')
      .split(/[\s,;()'"`[\]{}]+/)
      .slice(0, 400)
      .map((w) =>
        w
          .toLowerCase()
          .replace(/^[a-z]+:\/\//, '')
          .replace(/[/?#:].*$/, '')
          .replace(/\.+$/, ''),
      )
      .filter(
        (w) =>
          w.length <= 120 &&
          w.includes('.') &&
          (/^[a-z0-9*._-]+(<region>)?$/.test(w) ||
            // "<storage>.blob.core.windows.net", a whole host copied from an article's table,
            // keeps its placeholder ("<storage>.blob" alone names no host).
            (/^(?:[a-z0-9*._-]|<[a-z-]{1,30}>)+$/.test(w) && w.split('.').length >= 4)) &&
          !/^[\d.]+$/.test(w),
      )
  );
}

/** Azure Firewall's log line: "… request from 10.0.1.4:50112 to <host>:443. Action: Deny". */
const FIREWALL_DENIED =
  /\bto ([a-z0-9*][a-z0-9*.-]{0,200}\.[a-z]{2,24})(?::\d{1,5})?\.?\s{0,3}action:\s{0,3}deny\b/gi;
/** Any of the words below: most messages have none, and skip the rest. */
const ANY_DENY = /deny|denie|block|tcp_denied/i;
/** Squid's access log: "TCP_DENIED/403 … CONNECT <host>:443". */
const PROXY_DENIED = /\btcp_denied\b/i;
/** A sentence that says a firewall or proxy denied or blocked something. */
const DENY_WORD = /\b(deny|denies|denied|blocked|blocks|blocking)\b/i;
const FILTER_WORD = /\b(firewall|azfw|proxy|squid|zscaler|nva)\b/i;
/** "The firewall logs show no deny at all", "nothing is blocked": what was not denied. */
const NOT_DENIED =
  /\b(?:no|not|nothing|never|without|zero)\s+(?:\w+\s+){0,2}(?:deny|denies|denied|blocked|blocks|blocking)\b|n't\s+(?:\w+\s+){0,2}(?:deny|denied|blocked|blocking)\b/i;

/**
 * "jupyter + terminal ok", "pip works now", "curated envs still run fine": up to four words
 * before a word that says they work, in the same clause; none where those words hold a failure or
 * a negation ("a customer cannot open …", "doesn't work").
 */
const WORKS =
  /(?:^|[.,;:!?(]\s*|\b(?:but|and|while|though)\s)((?:[a-z0-9+/-]{1,30}\s){1,4})(?:is |are |still |now )?(?:ok|okay|fine|works?|working|run fine|runs fine)\b/g;

function workingIn(lower: string): string[] {
  const out: string[] = [];
  for (const m of lower.slice(0, 2000).matchAll(WORKS)) {
    const words = tokens(m[1] ?? '');
    // Tokens hold no apostrophes: "doesn't" is "doesnt", a problem word.
    if (words.some((w) => PROBLEM_WORDS.has(w) || w === 'not' || w === 'no' || w === 'dont'))
      continue;
    const subject = words.filter((w) => !STOPWORDS.has(w)).map(stem);
    if (subject.length > 0) out.push(subject.join(' '));
    if (out.length >= 4) break;
  }
  return [...new Set(out)];
}

function deniedNamesIn(raw: string): string[] {
  const text = raw.slice(0, 20_000);
  if (!ANY_DENY.test(text)) return [];
  const logged = [...text.matchAll(FIREWALL_DENIED)].map((m) => m[1]!);
  // A proxy log line, or a sentence of prose ("the firewall blocks ghcr.io"): its host names.
  const told = text
    .split(/[.?!]\s+|\n/, 300)
    .filter(
      (part) =>
        PROXY_DENIED.test(part) ||
        (DENY_WORD.test(part) && FILTER_WORD.test(part) && !NOT_DENIED.test(part)),
    )
    .flatMap(dottedNamesIn);
  return [...new Set([...logged.flatMap(dottedNamesIn), ...told])].slice(0, 10);
}

/** ".<region>", ".<location>", ".<azure-region>" after a name: the docs' region placeholder. */
const REGION_PLACEHOLDER = /\.<\s{0,2}(azure[\s_-]?)?(region|location)(name)?\s{0,2}>/gi;

/** Name words per typed word (with or without typos), kept per lexicon: most words recur. */
const nameWordCache = new WeakMap<Lexicon, Map<string, ReadonlySet<string>>>();
/** Distinct typed words kept per lexicon; past this the cache starts over. */
const MAX_CACHED_WORDS = 20_000;

function nameWordsFor(lexicon: Lexicon, typed: string, allowTypo: boolean): ReadonlySet<string> {
  let cache = nameWordCache.get(lexicon);
  if (!cache) nameWordCache.set(lexicon, (cache = new Map()));
  const key = `${allowTypo ? '~' : '='}${typed}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const typedStem = stem(typed);
  const same = new Set(
    lexicon.nameWords
      .filter(
        (w) => typed === w.word || typedStem === w.stem || (allowTypo && sameWord(typed, w.word)),
      )
      .map((w) => w.word),
  );
  if (cache.size >= MAX_CACHED_WORDS) cache.clear();
  cache.set(key, same);
  return same;
}

/**
 * How strongly the question names each scenario: longer names are stronger, and a name reached
 * only through an abbreviation's meaning counts as one typed word ("acr" is not a three-word name).
 */
function scenarioStrengths(words: readonly ExpandedWord[], lexicon: Lexicon): Facets['scenarios'] {
  const stems = words.map((w) => stem(w.word));
  // Which name words each distinct typed word is (up to a typo): computed once per word here, not
  // once per name and position, which made this the costliest step of understanding a question.
  const matches = new Map<string, ReadonlySet<string>>();
  let typoChecks = 0;
  for (const typed of stems) {
    if (matches.has(typed)) continue;
    // A typo is looked for in the first few unknown words only: a scenario named with a typo is
    // named early, and a message of thousands of unknown words stays cheap.
    const allowTypo = !lexicon.known.has(typed) && typoChecks++ < MAX_TYPO_WORDS;
    matches.set(typed, nameWordsFor(lexicon, typed, allowTypo));
  }
  // Where each name word was typed, so a name is only tried where its first word stands: one pass
  // over the question instead of one per name.
  const positions = new Map<string, number[]>();
  stems.forEach((typed, i) => {
    for (const w of matches.get(typed) ?? []) {
      const at = positions.get(w);
      if (at) at.push(i);
      else positions.set(w, [i]);
    }
  });
  const best = new Map<ScenarioId, number>();
  for (const name of lexicon.scenarioNames) {
    let typedLength = 0;
    for (const i of positions.get(name.words[0] ?? '') ?? []) {
      if (typedLength !== 0 || i + name.words.length > stems.length) break;
      let found = name.words.every((w, j) => {
        const typed = stems[i + j];
        return typed !== undefined && matches.get(typed)?.has(w) === true;
      });
      // "private endpoint", "service endpoint" are not online endpoints.
      if (found && name.weak && OTHER_KINDS.has(stems[i - 1] ?? '')) found = false;
      if (found) {
        const span = words.slice(i, i + name.words.length);
        typedLength = span.some((w) => !w.typed) ? 1 : span.length;
      }
    }
    if (typedLength === 0) continue;
    const strength = name.weak ? 0.4 : Math.min(0.9, 0.6 + 0.1 * (typedLength - 1));
    best.set(name.scenario, Math.max(best.get(name.scenario) ?? 0, strength));
  }
  // A hint that points at one scenario only ("my cluster") names it when nothing else does.
  if (best.size === 1) {
    const [[id, strength]] = [...best] as [[ScenarioId, number]];
    if (strength < 0.5) best.set(id, 0.5);
  }
  return [...best]
    .map(([id, strength]) => ({ id, strength }))
    .sort((a, b) => b.strength - a.strength);
}

/** Words that turn a scenario's weak name into something else ("private endpoint"). */
const OTHER_KINDS: ReadonlySet<string> = new Set(['private', 'service', 'storage', 'kubernetes']);

interface ExpandedWord {
  word: string;
  /** False for words that only stand for what an abbreviation means. */
  typed: boolean;
}

/** Typed words with what the vocabulary says they mean ("ci" → "compute instance") added after them. */
function expand(words: readonly string[], lexicon: Lexicon): ExpandedWord[] {
  const out: ExpandedWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    out.push({ word: w, typed: true });
    for (let n = 3; n >= 1; n--) {
      if (i + n > words.length) continue;
      const meaning = lexicon.expansions.get(words.slice(i, i + n).join(' '));
      if (meaning) {
        out.push(...meaning.map((m) => ({ word: m, typed: false })));
        break;
      }
    }
  }
  return out;
}

/** The stems of the words that typed cue words expand to, unless also typed as words of their own. */
function meaningsOfCues(words: readonly ExpandedWord[]): ReadonlySet<string> {
  const typed = new Set(words.filter((w) => w.typed).map((w) => stem(w.word)));
  const meanings = new Set<string>();
  words.forEach((w, i) => {
    if (!w.typed || !CUE_TERMS.has(stem(w.word))) return;
    for (let j = i + 1; j < words.length && !words[j]!.typed; j++) {
      const meaning = stem(words[j]!.word);
      if (!typed.has(meaning)) meanings.add(meaning);
    }
  });
  return meanings;
}

/** A word the knowledge does not use may be a typo of one it does: the closest within budget. */
function corrected(word: string, lexicon: Lexicon): string {
  const s = stem(word);
  if (lexicon.known.has(s)) return s;
  const budget = typoBudget(s);
  if (budget === 0) return s;
  for (let len = s.length - budget; len <= s.length + budget; len++) {
    for (const candidate of lexicon.knownByLength.get(len) ?? []) {
      // People rarely mistype a word's first letter; checking only those candidates keeps a
      // message full of unknown words cheap.
      if (candidate[0] !== s[0] && candidate[0] !== s[1]) continue;
      if (editDistance(s, candidate, budget) <= budget) return candidate;
    }
  }
  return s;
}

/** Words that say how the question asks or what setup it describes, not what it is about. */
const CONDITION_WORDS = [
  'name',
  'names',
  'public',
  'ip',
  'firewall',
  'azfw',
  'fw',
  'nsg',
  'nsgs',
  'sdk',
  'v1',
  'v2',
  'hbi',
];
const CUE_TERMS: ReadonlySet<string> = new Set(
  [...DIRECTION_WORDS.keys(), ...ASK_WORDS.keys(), ...CONDITION_WORDS].map(stem),
);

/** Whether a search term is a cue (direction, kind of answer, stated setup) rather than a topic. */
export function isCueTerm(term: string): boolean {
  return CUE_TERMS.has(term);
}

/** Every one-letter deletion of a word, and the word itself. */
function deletions(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * Cue words of six letters or more by their one-letter deletions: a typed word that shares one
 * with a cue word is that cue word with one letter dropped, added or changed ("guidline",
 * "inbond", "requirments"). Looking a word up costs its length, not the number of cue words.
 */
const CUE_TYPOS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const cue of [...DIRECTION_WORDS.keys(), ...ASK_WORDS.keys()]) {
    if (cue.length < 6) continue;
    for (const d of deletions(cue)) if (!map.has(d)) map.set(d, cue);
  }
  return map;
})();

/** The cue word a typed word misspells, if it is no word of the knowledge's own. */
function cueTypo(word: string, lexicon: Lexicon): string | undefined {
  if (word.length < 6 || word.length > 20 || ASK_WORDS.has(word) || DIRECTION_WORDS.has(word))
    return undefined;
  if (lexicon.topical.has(stem(word))) return undefined;
  for (const d of deletions(word)) {
    const cue = CUE_TYPOS.get(d);
    if (cue !== undefined && Math.abs(cue.length - word.length) <= 1) return cue;
  }
  return undefined;
}

/** Words that open a sentence asking something. */
const ASKING_OPENERS: ReadonlySet<string> = wordSet(
  'how what which why where when can could is are does do did should would will any please',
);

/**
 * "Please try again.", "Please check DNS.", "Please ensure you have network connection.": advice a
 * pasted error message gives, not what the user asks. ("Please make sure the key vault exists"
 * may well name the topic, so it stays.)
 */
function isErrorAdvice(words: readonly string[]): boolean {
  return words[0] === 'please' && ERROR_ADVICE.has(words[1] ?? '');
}

const ERROR_ADVICE = wordSet('try retry wait check ensure verify contact');

/** Words that ask for rules in themselves, unlike "need", which may need anything. */
const RULE_CUES = wordSet(
  'rule rules nsg nsgs open allow allowed traffic connectivity firewall whitelist allowlist',
);

/** Things a setup has that are not rules: needing one asks about it. */
const CONFIG_OBJECTS = wordSet(
  'subnet subnets delegation delegated peering role roles permission permissions identity gateway balancer',
);

/** Verbs that carry a question inside a statement: "our firewall team asks why …". */
const REPORTED_ASK = wordSet(
  'ask asks asked asking wonder wondering know understand explain clarify confirm',
);
/** What opens the question they carry. */
const REPORTED_WH = wordSet('what which how why where whether if');

/** "They asked why UDP 5831 is needed.", "I want to know which ports …": a question told. */
function asksInside(words: readonly string[]): boolean {
  return words.some(
    (w, i) => REPORTED_ASK.has(w) && words.slice(i + 1, i + 4).some((x) => REPORTED_WH.has(x)),
  );
}

/**
 * "Does the AzureMachineLearning rule need to be region specific?", "does the subnet need to be
 * dedicated?": what a thing must be like, not whether it is needed.
 */
function asksWhatItMustBe(lower: string): boolean {
  return /\b(needs?|has|have|must) to be (region(al| specific)|regional|dedicated|separate|specific|unique|public|private|static|in the same|the same|different|an?)\b/.test(
    lower,
  );
}

/** A message of this many sentences at most is read whole. */
const MAX_SENTENCES = 40;

/**
 * Terms of the sentences that ask (end with "?" or open like a question), when others only tell
 * the story around them (the sentences as `sentencesOf` splits them).
 */
function focusTerms(texts: readonly string[], terms: readonly string[]): ReadonlySet<string> {
  const sentences = texts
    .map((text) => ({ text, words: tokens(text) }))
    .filter((s) => s.words.length > 0);
  if (sentences.length < 2) return new Set();
  const asking = sentences.filter(
    (s) =>
      endsWithQuestionMark(s.text) ||
      (ASKING_OPENERS.has(s.words[0] ?? '') && !isErrorAdvice(s.words)) ||
      asksInside(s.words),
  );
  if (asking.length === 0 || asking.length === sentences.length) return new Set();
  const known = new Set(terms);
  // Stems only: a typo in an asking sentence costs it its focus, not a second correction pass.
  const focus = new Set(asking.flatMap((s) => s.words.map(stem).filter((t) => known.has(t))));
  // "… fails with ImageBuildFailure. What do I need to configure?": asking only what to do asks
  // about nothing narrower than the report before it.
  return [...focus].every((t) => WHAT_TO_DO_TERMS.has(t)) ? new Set() : focus;
}

/** Words that ask what to do, and name no topic of their own. */
const WHAT_TO_DO_TERMS: ReadonlySet<string> = new Set(
  'configure configuration set setup fix change add solve'.split(' ').map(stem),
);

/** Whether `terms` hold all words of one of the scenario's names. */
export function namesScenario(
  lexicon: Lexicon,
  scenario: ScenarioId,
  terms: ReadonlySet<string>,
): boolean {
  return lexicon.scenarioNames.some(
    (n) => n.scenario === scenario && n.words.every((w) => DOMAIN_NOISE.has(w) || terms.has(w)),
  );
}

/**
 * How much a scenario named in the sentence that asks gains. The others keep their strength: "the
 * AutoML pages stay blank. What URLs does the studio use?" still asks about both.
 */
const ASKED_SCENARIO_SHIFT = 0.2;

/**
 * "Why does compute need AzureFrontDoor.FrontEnd? I thought it was only for the studio.": of the
 * scenarios a message names, those the asking sentence names are what it asks about.
 */
function askedScenariosFirst(
  scenarios: Facets['scenarios'],
  focus: ReadonlySet<string>,
  lexicon: Lexicon,
): Facets['scenarios'] {
  const asked = (id: ScenarioId) => namesScenario(lexicon, id, focus);
  const inFocus = scenarios.filter((s) => asked(s.id));
  if (focus.size === 0 || inFocus.length === 0 || inFocus.length === scenarios.length)
    return scenarios;
  return scenarios
    .map((s) => ({
      ...s,
      strength: asked(s.id) ? Math.min(1, s.strength + ASKED_SCENARIO_SHIFT) : s.strength,
    }))
    .sort((a, b) => b.strength - a.strength);
}

/** Up to this many words, a message that opens with a statement may still ask yes or no. */
const SHORT_MESSAGE_WORDS = 30;

/** "Is there a switch to …", "is it possible to have …", "can we make …": a way to change something. */
const WAY_ASKED =
  /\bis there (?:a|an|any) (?:way|switch|setting|option|flag|toggle|parameter|property) (?:to|so|that) (?:[a-z0-9.-]+ ){0,4}?(?:make|have|restrict|limit|only|block|disable|enable|force|keep|lock|set|turn|switch|change)\b|\bis it possible to (?:make|have|set|restrict|limit|force|keep|lock|get|turn|switch|configure|change)\b|\b(?:can|could) (?:we|i|you) (?:make|set|restrict|limit|force|lock|configure|turn|switch|change)\b/;

/**
 * A statement held up for confirmation: "we need 44224 inbound, right?", "…, correct?", "forced
 * tunnelling, ok for no-pip clusters?", "172.17.0.0/16 for the vnet is fine?". Anchored at the
 * end and bounded, so it reads only the message's last few words.
 */
const CONFIRMING_TAG =
  /(?:,\s{0,3}(?:right|correct|yes|true|no|is that (?:right|correct|true)|am i right|isn't it|aren't they|don't we|don't they)|\b(?:is|are) (?:that |this |it )?(?:ok|okay|fine|safe|enough|allowed|supported|correct|right)|,\s{0,3}(?:ok|okay|fine|safe|good|allowed|supported)\s(?:for|with|on|in)\s[^,?]{1,60})\s{0,3}\?\s*$/;

/**
 * A word that ends a question ("…needed?", "…ok?", "…optional?"), with what it is for after it
 * ("needed for compute?"): anchored at the end, with a bounded gap.
 */
function endingTag(words: string, prepositions: string, before = ''): RegExp {
  return new RegExp(
    String.raw`${before}\b(?:${words})(?:\s(?:${prepositions})\s[^,?]{1,60})?\s{0,3}\?\s*$`,
  );
}

/**
 * A name held up with "needed?" at the end asks whether it is needed: "8787 needed?",
 * "AzureFrontDoor.FrontEnd mandatory for studio?", "is 8787 a must for compute?". Anchored at the
 * end and bounded, as the confirming tag is.
 */
const NEED_TAG = endingTag(
  'needed|required|mandatory|necessary|essential|a must',
  'for|by|on|with|in',
);

/**
 * "172.17.0.0/16 for the vnet ok?", "delegated compute subnet fine for clusters?": "is it" left
 * out. Not after a comma: "tell me the hosts, ok?" is a request said politely.
 */
const OK_TAG = endingTag(
  'ok|okay|fine|good|good enough|acceptable|allowed|supported',
  'for|with|on|in',
  String.raw`(?<![,;]\s{0,3})`,
);
/** "AzureMonitor optional?": whether it can go, as "can we drop it?" asks. */
const OPTIONAL_TAG = endingTag('optional', 'for|by|on|with|in');
/** "ok to skip AzureMonitor?", "safe to drop pypi.org if …?": "is it" left out. */
const OK_TO_OPENER = /^\W{0,3}(?:ok|okay|safe|fine|alright) to\b/;

/** The first word of a question's last clause, when the question ends with "?". */
function lastClauseOpener(raw: string): string | undefined {
  const end = raw.lastIndexOf('?');
  if (end < 0) return undefined;
  // "What is 5831 for and can we block it?": asking after "and" whether it can go starts a
  // clause too. Not any yes/no after "and": "how long does it take and can I trigger it?" asks
  // the first as much as the second.
  const clauses = raw
    .slice(0, end)
    .split(
      /[,;:.!?]\s+|\s[-–—]+\s|\n+|\s(?:and|but|so)\s(?=(?:can|could|should|may) (?:we|i|you) (?:block|close|drop|remove|delete|deny|skip|omit)\b)/i,
    );
  const clause = tokens(clauses[clauses.length - 1] ?? '').slice(0, 16);
  // "For the no public IP cluster do I still need 44224?": a setup said before the question, with
  // no comma, leaves the question's own opener after it.
  if (SETUP_LEADS.has(clause[0] ?? '')) {
    const at = clause.findIndex(
      (w, i) => i > 1 && YES_NO_OPENERS.has(w) && ASKING_SUBJECTS.has(clause[i + 1] ?? ''),
    );
    if (at > 0 && !clause.slice(0, at).some((w) => WH_WORDS.has(w))) return clause[at];
  }
  return clause[0];
}

/** Words that open a setup said ahead of a question ("for …", "with …", "if …"). */
const SETUP_LEADS: ReadonlySet<string> = wordSet('for with without in on behind if when after');
/** Who a yes/no question asks about right after its opener ("do I", "is it", "can we"). */
const ASKING_SUBJECTS: ReadonlySet<string> = wordSet('i we you they it');

/**
 * A message's sentences, as many as are read: they end at ".", "!" or "?" before a space, or at a
 * line break, so dotted names stay whole.
 */
function sentencesOf(raw: string): string[] {
  return raw
    .split(/(?<=[.!?])\s+|\n+/)
    .slice(0, MAX_SENTENCES)
    .filter((s) => s.trim() !== '');
}

function endsWithQuestionMark(sentence: string): boolean {
  return sentence.trimEnd().endsWith('?');
}

/** Search reads at most this many distinct content words: a question has far fewer. */
const MAX_TERMS = 60;
/** Distinct unknown words of a question checked as typos of scenario names. */
const MAX_TYPO_WORDS = 60;

export function parseQuestion(
  k: Knowledge,
  text: string,
  knownPort: (port: number) => boolean,
): ParsedQuestion {
  const lexicon = lexiconOf(k);
  const raw = capQuestion(text);
  const lower = raw.toLowerCase();
  const words = withoutPeoplesData(tokens(raw).slice(0, 600));
  const toldNoTags = toldWithoutTags(lower);
  const regions = regionsIn(words, lexicon);
  // "A cluster in East US for a workspace in West Europe?" asks what "another region" asks.
  const expandedWords = [
    ...expand(words, lexicon),
    ...(regions.length > 1 ? ACROSS_REGIONS.map((word) => ({ word, typed: false })) : []),
  ];
  const cueMeanings = meaningsOfCues(expandedWords);
  const expanded = expandedWords.map((w) => w.word);
  const content = [
    ...new Set(expanded.filter((w) => !STOPWORDS.has(w) && w.length > 1 && w.length <= MAX_WORD)),
  ];
  // "Which hosts does compute need to reach?" asks for where traffic goes: "reach" is the ask, not
  // a topic that finds an item for its own "reaches".
  const reachAsked = NEED_TO_REACH.test(lower);
  const terms = [
    ...new Set(
      content
        .filter(
          (w) =>
            !DOMAIN_NOISE.has(w) &&
            !(reachAsked && REACH_WORDS.has(w)) &&
            ASK_WORDS.get(w) !== 'enough',
        )
        .slice(0, MAX_TERMS)
        .map((w) => corrected(w, lexicon)),
    ),
  ];

  const cues = expanded.map((w) => cueTypo(w, lexicon) ?? w);
  const directions = new Set(cues.flatMap((w) => DIRECTION_WORDS.get(w) ?? []));
  const asks = new Set<Ask>(cues.flatMap((w) => ASK_WORDS.get(w) ?? []));
  // "Following the secure workspace guide, … which zone do we create?": a guide named in the story
  // of a message whose questions ask something else is not a request for the whole of anything.
  const sentences = sentencesOf(raw);
  const questions = sentences.filter(endsWithQuestionMark);
  if (
    asks.has('whole') &&
    sentences.length > 1 &&
    questions.length > 0 &&
    !questions.some((q) =>
      tokens(q).some((w) => ASK_WORDS.get(cueTypo(w, lexicon) ?? w) === 'whole'),
    )
  )
    asks.delete('whole');
  // "An older guide also says to add BatchNodeManagement routes": a guide that says something is a
  // source quoted, not a guide asked for.
  if (asks.has('whole') && GUIDE_SAYS.test(lower)) asks.delete('whole');
  if (hasPhrase(words, 'service tag') || hasPhrase(words, 'service tags')) asks.add('tags');
  // "A firewall without service tags" states a setup; it does not ask for tags.
  if (!/\btags?\b/.test(lower.replace(NO_TAGS_EVERYWHERE, ' '))) asks.delete('tags');
  if (
    // "Our firewall can't take service tags" states a setup; it reports no failure.
    words.some(
      (w, i) =>
        (PROBLEM_WORDS.has(w) && !toldNoTags.has(w) && !unsureNotFailing(words, i)) ||
        isErrorCode(w),
    ) ||
    // A resolver's words for a name that does not resolve ("no such host") report a failure too,
    // and so does being refused ("no access to data", "doesn't have access").
    /\bnot (work|resolv|reach|connect|allow)|\bti(?:mes?|ming) out\b|\bno such host\b|\bcould not resolve\b|\bno access\b|\b(?:don't|do not|doesn't|does not) have access\b/.test(
      lower,
    )
  )
    asks.add('problem');
  // "Is it true that …", "no longer needs …": a claim held up against what is current.
  if (
    words.some((w, i) => DOUBT_WORDS.has(w) && !persistingFailure(words, i)) ||
    /\bis it\b.{0,60}\bor\b|\bis it true\b|\bno longer\b/.test(lower)
  )
    asks.add('doubt');
  const opener = words.find(
    (w) =>
      !['hi', 'hello', 'hey', 'so', 'ok', 'and', 'but', 'also', 'quick', 'question'].includes(w),
  );
  // "Is 5831 TCP or UDP?" and "Is a jump box the only way, or does a VPN work too?" offer
  // answers to pick from; "yes" would answer neither.
  const alternatives =
    /\b(tcp or udp|udp or tcp|inbound or outbound|outbound or inbound)\b/.test(lower) ||
    /\bor (does|do|is|are|can|could|should|will|would|must|just|only|simply)\b/.test(lower) ||
    // "Is it the private endpoint resource or the storage account?", "through the firewall or
    // around it?"; without a question mark only when the message has none, so a story after the
    // question ("… in westeurope or in northeurope") offers nothing to pick from.
    OR_ANOTHER_ASKED.test(lower) ||
    (!lower.includes('?') && OR_ANOTHER_AT_END.test(lower)) ||
    // "Should they go in application rules or network rules?"
    /\b[a-z]+ ([a-z]+) or [a-z]+ \1\b/.test(lower);
  // "…, can someone give me the list?" is a request for what the message asks, not a yes or no;
  // "can someone tell me whether we need 445?" still asks one.
  const request = POLITE_REQUEST.test(lower) && !/\b(if|whether)\b/.test(lower);
  // "May we delete the Batch rule?" asks leave, as "can we" does; "May 2026 …" names a month.
  const asksLeave =
    opener === 'may' && /^(i|we|you|they)$/.test(words[words.indexOf(opener) + 1] ?? '');
  if (
    opener &&
    (YES_NO_OPENERS.has(opener) || asksLeave) &&
    !request &&
    !alternatives &&
    !words.slice(0, 12).some((w) => WH_WORDS.has(w))
  )
    asks.add('yesno');
  // "We don't use pip, can we drop pypi.org?": a short message that states its setup first asks
  // yes or no in its last clause.
  const last = request ? undefined : lastClauseOpener(raw);
  if (
    last !== undefined &&
    YES_NO_OPENERS.has(last) &&
    !alternatives &&
    words.length <= SHORT_MESSAGE_WORDS
  )
    asks.add('yesno');
  const needTag = NEED_TAG.test(lower);
  const optionalTag = OPTIONAL_TAG.test(lower);
  if (
    (CONFIRMING_TAG.test(lower) ||
      needTag ||
      optionalTag ||
      OK_TAG.test(lower) ||
      OK_TO_OPENER.test(lower)) &&
    !alternatives &&
    words.length <= SHORT_MESSAGE_WORDS &&
    !words.slice(0, 12).some((w) => WH_WORDS.has(w))
  )
    asks.add('yesno');
  // "… Is there a way?" at the end of a report asks yes or no of that sentence alone.
  const lastAsked = asks.has('yesno') || alternatives || request ? undefined : questions.at(-1);
  const lastQuestion = lastAsked === undefined ? undefined : tokens(lastAsked);
  const yesNoLast =
    lastQuestion !== undefined &&
    YES_NO_OPENERS.has(lastQuestion[0] ?? '') &&
    !lastQuestion.slice(0, 12).some((w) => WH_WORDS.has(w))
      ? lastQuestion
      : undefined;
  if (/\bor not\b/.test(lower)) asks.add('yesno');
  if (
    asks.has('yesno') &&
    ((opener !== undefined && NEED_OPENERS.has(opener)) ||
      needTag ||
      words.some((w) => NEED_WORDS.has(w))) &&
    !asksWhatItMustBe(lower)
  )
    asks.add('need');
  // "Does image build compute need to be a GPU cluster?" asks what a thing must be, not which
  // rules it needs.
  if (asksWhatItMustBe(lower) && !words.some((w) => RULE_WORDS.has(w))) asks.delete('rules');
  if (
    asks.has('yesno') &&
    ((opener !== undefined && ACT_OPENERS.has(opener)) || ACT_WORDS.test(lower))
  )
    asks.add('act');
  // "Can I remove the 44224 rule?", "is it safe to delete …": a yes/no about doing without it.
  // So is one whether something is not needed ("is it true the firewall doesn't need MCR any
  // more?"), unless it opens with the negation ("don't we need 445?" asks whether it is needed).
  // Only what is asked: "Do I still need 44224? Security wants me to remove it." asks whether it
  // is needed; the removal is the story.
  const askedWords = questions.length > 0 ? questions.flatMap((q) => tokens(q)) : words;
  if (
    asks.has('yesno') &&
    (askedWords.some((w) => REMOVE_WORDS.has(w)) ||
      optionalTag ||
      /\b(take|taking) out\b|\b(leave|leaving) out\b|\b(do|go) without\b|\bget rid of\b|\b(?:can|could|should) (?:it|that|this|they|these|those) go\b|\b(?:come|comes|coming|take|taken|taking) (?:\S+ ){0,4}?off (?:the|our|my) (?:allow|white|safe|fw|firewall|nsg)/.test(
        lower,
      ) ||
      (NEGATED_NEED.test(lower) && !NEGATION_FIRST.test(lower)))
  )
    asks.add('remove');
  // "If we disable public access, can users still open the studio from home?" asks in its last
  // clause whether something can be done.
  // "It resolves to a public IP. Is that expected?" asks whether what happens is right.
  if (
    /\b(is|was|are) (that|this|it|these|those) (expected|normal|by design|intended)\b/.test(lower)
  )
    asks.add('expected');
  if (
    /\b(is|was|would|will) (that|this|it) (be )?(a problem|an issue|a concern|a risk|bad|wrong|harmful)\b/.test(
      lower,
    )
  )
    asks.add('harm');
  // So does "is there a way to …".
  if (
    [request ? undefined : opener, last].some((w) => w === 'can' || w === 'could') ||
    /\bis it possible\b|\bis there (a|any) way\b|\bis it (ok|okay|fine) to\b/.test(lower)
  )
    asks.add('possible');
  if (WAY_ASKED.test(lower)) asks.add('way');
  // "Does Azure China support a managed network?" asks whether it can be had, as "can" does.
  if (asks.has('yesno') && words.some((w) => SUPPORT_WORDS.has(w))) asks.add('possible');
  // "Does VS Code work with just the base service tags and nothing else?" and "do we need to open
  // only 8704?" ask whether what they name is all that is needed, as "is it enough?" does.
  if (
    asks.has('yesno') &&
    (ALL_THAT_IS_NEEDED.test(lower) || ONLY_THIS_PORT.test(lower) || ALL_BUT_THIS_PORT.test(lower))
  )
    asks.add('enough');
  // "A list of all FQDNs for compute instances" asks for every one of them, like "the complete list";
  // so does "all NSG inbound + outbound rules".
  if (
    /\ball (of )?(the )?(?:(?:nsg|inbound|outbound|required|needed|necessary|firewall|network|and|\+|&|\/) ){0,5}(fqdns?|hosts?|host ?names?|urls?|domains?|ports?|rules?|service tags?|tags?|endpoints?|ip ranges?)\b/.test(
      lower,
    )
  )
    asks.add('whole');
  // "Send me the full list of NSG rules" asks for all of them, as "the complete list" does.
  if (/\b(?:full|whole) (?:list|set)\b/.test(lower)) asks.add('whole');
  // "Everything compute needs" asks for all of it; "before that everything worked" does not.
  if (/\beverything( [a-z]+){0,3} (needs?|needed|requires?|required|to (allow|open))\b/.test(lower))
    asks.add('whole');
  if (/\b(is|are) there\b/.test(lower) || words.includes('exist') || words.includes('exists'))
    asks.add('exists');
  // "What does the browser need to reach for the studio?" asks for what goes out.
  if (directions.size === 0 && reachAsked) directions.add('outbound');
  // "Can we block all internet outbound?" asks what must still pass; told as the setup of another
  // question ("the NSG denies internet outbound. Which tag do I open?") it does not.
  if (
    CUT_OFF.test(lower) &&
    (asks.has('yesno') || asks.has('possible') || WHAT_BREAKS.test(lower))
  ) {
    asks.add('cutOff');
    if (directions.size === 0) directions.add('outbound');
  }
  // "Need" alone asks for a DNS record or a route as much as for a rule.
  const asksWhatToAllow =
    asks.has('ports') ||
    asks.has('tags') ||
    asks.has('hosts') ||
    directions.size > 0 ||
    words.some((w) => RULE_WORDS.has(w));
  if (!asksWhatToAllow && cues.some((w) => PATH_WORDS.has(w))) asks.add('paths');
  // "Do I need a separate subnet for compute?" needs a subnet, not rules: "need" alone asks for
  // rules only when it names nothing else to have.
  if (
    asks.has('rules') &&
    !asks.has('ports') &&
    !asks.has('tags') &&
    !asks.has('hosts') &&
    directions.size === 0 &&
    words.every((w) => !RULE_CUES.has(w)) &&
    (words.some((w) => CONFIG_OBJECTS.has(w)) ||
      hasPhrase(words, 'private endpoint') ||
      hasPhrase(words, 'private endpoints'))
  )
    asks.delete('rules');
  if (/\bwhich (one )?is (right|correct|it)\b/.test(lower)) asks.add('doubt');
  const publicIpAsked = asksForPublicIp(lower);
  if (publicIpAsked) asks.add('publicIp');
  // "What is port 44224 for?", "what is AzureFrontDoor.FirstParty used for (in aml)": the
  // purpose, as "why".
  if (
    /\bwhats?\b[^?!]{0,80}\b(for|used for)( (in|on|by|with)( [a-z0-9.-]{1,30}){1,3})?( (inbound|outbound))?\s*\??\s*$/.test(
      lower,
    )
  )
    asks.add('why');
  // "What does BatchNodeManagement do (for us)?" asks the same; "what do I do?" asks how.
  if (
    /\bwhat (does|do (these|those|the|they))\b[^?!]{0,80}\bdo( for [a-z ]{1,30})?\??\s*$/.test(
      lower,
    )
  )
    asks.add('why');
  // "What does X actually do?": in a question about purpose, "actually" and "really" stress it
  // rather than doubt a source.
  if (asks.has('why') && words.filter((w) => DOUBT_WORDS.has(w)).every((w) => STRESS_WORDS.has(w)))
    asks.delete('doubt');
  // "X or Y", "only for hbi", "or just": weighing two readings, which a disagreement may answer.
  if (/\b(or|only|just)\b/.test(lower) && !/\bor not\b/.test(lower)) asks.add('compare');
  // "Why does compute need it? I thought it was only for the studio": a belief told, not asked.
  // "Our AKS cluster is only used for inference" states what the user runs, not who uses a name.
  const onlyFor =
    /\b(only|just|solely|exclusively) (for|by|used by|needed by|needed for|used for)( \w+)?/.exec(
      lower,
    );
  if (!asks.has('why') && onlyFor && !WORKLOADS.has((onlyFor[3] ?? '').trim())) asks.add('onlyFor');
  // "How do I allow pip on compute behind the firewall" asks which rules to add, not for a step.
  if (
    asks.has('how') &&
    /\bhow (do|can|should) (i|we|you) (allow|open|whitelist|allowlist|permit|unblock)\b/.test(lower)
  ) {
    asks.add('rules');
    asks.delete('how');
  }
  // "How do I secure X" asks for everything X needs, not for one step.
  if (words.some((w) => SECURE_WORDS.has(w))) {
    asks.add('rules');
    asks.delete('how');
  }
  // "How do I configure Azure Firewall for compute" asks which rules to put in it, as "secure" does.
  if (
    /\b(configure|configuring|set ?up|setting up)\s+(the\s+|our\s+|an?\s+|azure\s+){0,3}(firewall|nsg|nsgs)\b/.test(
      lower,
    )
  ) {
    asks.add('rules');
    asks.delete('how');
  }

  const { region, computeSaid } = computeRegion(regions, words);
  const dottedNames = dottedNamesIn(raw);
  const unknownNames = unknownNamesIn(raw, lexicon);
  const typedPorts = portMentions(raw, knownPort);
  // "Can we block all UDP outbound?" names the only port UDP is used on, as "UDP 5831" would.
  const protocolPort = words.map((w) => lexicon.protocolPorts.get(w)).find((p) => p !== undefined);
  const ports = typedPorts.length === 0 && protocolPort ? [protocolPort] : typedPorts;
  // A host's own words state no setup: "anaconda.com" does not say packages come from Anaconda.
  const conditions = statedConditions(
    dottedNames.length > 0
      ? expand(tokens(withoutNames(lower, dottedNames)), lexicon).map((w) => w.word)
      : expanded,
    lower,
    publicIpAsked,
  );
  const deniedNames = deniedNamesIn(raw);
  const working = workingIn(lower);
  const asksCostOrQuota = ASKS_COST_OR_QUOTA.test(lower);
  const failsOutsideNetwork = failureOutsideNetwork(lower, asksCostOrQuota);
  // What the message is about, if not networking: its opening, what it costs, a failure outside
  // the network (see the facet), or a network it says is fine.
  const otherSubject =
    opensOnOtherSubject(sentences[0] ?? '', words) ||
    asksCostOrQuota ||
    failsOutsideNetwork !== undefined ||
    working.some((subject) => NETWORK_FINE.has(subject.split(' ')[0] ?? ''));
  // "No PIP" is Azure's short name for no public IP, not Python's installer.
  const noPip = /\b(no|without|non)[\s_-]{0,3}pip\b/.test(lower);
  // Products named in a question about host names or about what to allow ("how to allow pip
  // install behind azure firewall"): the hosts that serve them are what it asks for. One about a
  // route ("a route to the internet to reach PyPI?") asks about the path, not the hosts.
  const products =
    asks.has('hosts') || (asks.has('rules') && !asks.has('paths'))
      ? [...new Set(words)]
          .filter((w) => lexicon.productHosts.has(w) && !(w === 'pip' && noPip))
          .slice(0, 8)
      : [];
  const facets: Facets = {
    scenarios: withFeatureHome(scenarioStrengths(expandedWords, lexicon), conditions),
    direction: directions.size === 1 ? [...directions][0] : undefined,
    asks,
    conditions,
    cloud: cloudOf(words, dottedNames, lexicon, region),
    region,
    ...(regions.length > 1
      ? { regionsNamed: { all: regions.map((r) => r.region), computeSaid } }
      : {}),
    ports,
    dottedNames,
    ...(unknownNames.length > 0 ? { unknownNames } : {}),
    deploysTo: deploymentTargetOf(expanded),
    networking:
      expanded.some((w) => NETWORK_STEMS.has(stem(w))) ||
      dottedNames.length > 0 ||
      ports.length > 0 ||
      TALKS_TO.test(lower),
    ...(otherSubject ? { otherSubject: true as const } : {}),
    ...(failsOutsideNetwork ? { failsOutsideNetwork } : {}),
    ...(yesNoLast ? { yesNoLast } : {}),
    ...(saysSourcesDisagree(lower) ? { sourcesDisagree: true as const } : {}),
    ...(products.length > 0 ? { products } : {}),
    ...(deniedNames.length > 0 ? { deniedNames } : {}),
    ...(working.length > 0 ? { working } : {}),
  };
  const focus = focusTerms(sentences, terms);
  facets.scenarios = askedScenariosFirst(facets.scenarios, focus, lexicon);
  return { raw, lower, words, content, terms, focus, cueMeanings, toldNoTags, facets };
}
