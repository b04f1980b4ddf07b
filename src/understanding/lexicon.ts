// What understanding knows about the words of the knowledge, computed once per knowledge object:
// the vocabulary's expansions, the scenarios' names, the regions, and every word the knowledge uses.
import type { Knowledge, Region, ScenarioId, SovereignCloud } from '../knowledge/knowledge.schema';
import { STOPWORDS, indexTerms, stem, tokens } from './normalise';
import type { PortMention } from './facets';

export { DOMAIN_NOISE, STOPWORDS } from './normalise';

export interface ScenarioName {
  scenario: ScenarioId;
  /** The name's stemmed tokens, matched as a phrase. */
  words: string[];
  /** One-word names that also name other things ("endpoint", "image") only hint at the scenario. */
  weak: boolean;
}

export interface Lexicon {
  /** term (one to three typed tokens, space-joined) → the tokens it means. */
  expansions: ReadonlyMap<string, readonly string[]>;
  scenarioNames: readonly ScenarioName[];
  /** The distinct words of the scenario names, with their stems. */
  nameWords: readonly { word: string; stem: string }[];
  /** The same words as a set, for "is this word part of a scenario's name". */
  nameWordSet: ReadonlySet<string>;
  regions: ReadonlyMap<string, Region>;
  /**
   * Domain suffixes only one sovereign cloud's hosts use ("chinacloudapi.cn", "azure.us"): a host
   * typed with one names that cloud.
   */
  cloudSuffixes: ReadonlyMap<string, SovereignCloud>;
  /** Stems of every word the knowledge and its vocabulary use: words outside it may be typos. */
  known: ReadonlySet<string>;
  /**
   * Stems of the words that name things (titles, names, endpoints, the ways people ask, the
   * vocabulary), not prose: a question with none of them is not about this domain.
   */
  topical: ReadonlySet<string>;
  /** Known words long enough to be typo targets, bucketed by length for bounded fuzzy lookups. */
  knownByLength: ReadonlyMap<number, readonly string[]>;
  /**
   * Steps, errors and disagreements whose title is about name resolution or routes ("DNS zones
   * in other clouds", "Does the firewall bypass route need BatchNodeManagement too?"), as
   * "kind:id".
   */
  pathItems: ReadonlySet<string>;
  /**
   * The one port a protocol stands for, when every rule of that protocol uses the same one ("udp"
   * → 5831): "can we block all UDP outbound?" asks about that port.
   */
  protocolPorts: ReadonlyMap<string, PortMention>;
  /** Steps, errors and scenarios ("kind:id") about one place models are deployed to. */
  deploymentTargets: ReadonlyMap<string, DeploymentTarget>;
  tagNames: TagNames;
  /** Rule endpoints that are service tags, as the rules write them ("Storage.<region>"). */
  tagEndpoints: ReadonlySet<string>;
  /**
   * Host names a disagreement lists as its own, lower-case ("viennaglobal.azurecr.io"): typed as
   * they are, they name that disagreement.
   */
  disputedHosts: ReadonlySet<string>;
  /** A product's word → the host names that serve it ("pytorch" → pytorch.org, *.pytorch.org). */
  productHosts: ReadonlyMap<string, readonly string[]>;
  /**
   * A rule endpoint → the terms of its name that few endpoints share ("azurefrontdoor",
   * "firstparty", "mcr"; not "azure", "com" or a placeholder): a sentence with one names it.
   */
  endpointTerms: ReadonlyMap<string, readonly string[]>;
  /**
   * Host names with placeholders that steps write and no rule carries ("<endpoint>.<region>.
   * inference.ml.azure.com" → the scoring-name notes): a typed host of that shape is about them.
   */
  stepHosts: ReadonlyMap<string, readonly string[]>;
}

/** Service-tag names by their lower-case base, and dotted tag families by their first part. */
export interface TagNames {
  /** "azuremachinelearning", "storage" (of Storage.<region>), aliases too. */
  bases: ReadonlyMap<string, string>;
  /** "azurefrontdoor" → AzureFrontDoor.FrontEnd and AzureFrontDoor.FirstParty. */
  families: ReadonlyMap<string, readonly string[]>;
}

/** One-word scenario names that also name parts of other scenarios or everyday things. */
function isWeakName(words: readonly string[], all: ReadonlyMap<string, number>): boolean {
  return words.length === 1 && (all.get(words[0] ?? '') ?? 0) > 1;
}

function buildLexicon(k: Knowledge): Lexicon {
  const expansions = new Map<string, readonly string[]>();
  for (const v of k.vocabulary) expansions.set(tokens(v.term).join(' '), tokens(v.means));

  const names = k.scenarios.flatMap((s) =>
    [...s.synonyms, ...(s.hints ?? [])].map((name) => ({
      scenario: s.id,
      words: tokens(name).map(stem),
      hint: (s.hints ?? []).includes(name),
    })),
  );
  // A word that several scenarios' names contain ("endpoint", "cluster") is weak on its own.
  const scenariosPerWord = new Map<string, number>();
  for (const s of k.scenarios) {
    const seen = new Set([...s.synonyms, ...(s.hints ?? [])].flatMap((n) => tokens(n).map(stem)));
    for (const w of seen) scenariosPerWord.set(w, (scenariosPerWord.get(w) ?? 0) + 1);
  }
  const scenarioNames = names
    .filter((n) => n.words.length > 0)
    .map((n) => ({
      scenario: n.scenario,
      words: n.words,
      weak: n.hint || isWeakName(n.words, scenariosPerWord),
    }));

  const text = [
    ...k.scenarios.flatMap((s) => [s.title, s.summary, ...s.synonyms, ...(s.ask ?? [])]),
    ...k.rules.flatMap((r) => [r.endpoint, ...(r.aliases ?? []), r.purpose, ...(r.ask ?? [])]),
    ...k.steps.flatMap((s) => [s.title, s.text, ...(s.ask ?? [])]),
    ...k.errors.flatMap((e) => [e.title, e.cause, ...(e.ask ?? [])]),
    ...k.conflicts.flatMap((c) => [c.topic, c.recommendation, ...(c.ask ?? [])]),
    ...k.vocabulary.flatMap((v) => [v.term, v.means]),
  ].join(' ');
  const known = new Set(tokens(text).map(stem));
  const naming = [
    ...k.scenarios.flatMap((s) => [s.title, ...s.synonyms, ...(s.hints ?? []), ...(s.ask ?? [])]),
    ...k.rules.flatMap((r) => [r.endpoint, ...(r.aliases ?? []), ...(r.ask ?? [])]),
    ...k.steps.flatMap((s) => [s.title, ...(s.ask ?? [])]),
    ...k.errors.flatMap((e) => [e.title, ...(e.ask ?? [])]),
    ...k.conflicts.flatMap((c) => [c.topic, ...(c.ask ?? [])]),
    ...k.vocabulary.flatMap((v) => [v.term, v.means]),
  ].join(' ');
  const topical = new Set(
    tokens(naming)
      .filter((w) => !STOPWORDS.has(w))
      .map(stem),
  );
  const knownByLength = new Map<number, string[]>();
  for (const w of known) {
    if (w.length < 5) continue;
    const list = knownByLength.get(w.length) ?? [];
    list.push(w);
    knownByLength.set(w.length, list);
  }
  const nameWordSet = new Set(scenarioNames.flatMap((n) => n.words));
  const nameWords = [...nameWordSet].map((word) => ({ word, stem: stem(word) }));
  return {
    expansions,
    scenarioNames,
    nameWords,
    nameWordSet,
    regions: new Map(k.regions.map((r) => [r.name, r])),
    cloudSuffixes: cloudSuffixesOf(k),
    known,
    topical,
    knownByLength,
    pathItems: pathItemsOf(k),
    protocolPorts: protocolPortsOf(k),
    deploymentTargets: deploymentTargetsOf(k),
    tagNames: tagNamesOf(k),
    tagEndpoints: new Set(
      k.rules.filter((r) => r.endpointKind === 'service-tag').map((r) => r.endpoint),
    ),
    disputedHosts: new Set(
      k.conflicts.flatMap((c) => c.endpoints ?? []).map((e) => e.toLowerCase()),
    ),
    productHosts: productHostsOf(k),
    endpointTerms: endpointTermsOf(k),
    stepHosts: stepHostsOf(k),
  };
}

/**
 * "<label>.more.labels" as a step writes it, not the tail of a wildcard name ("*.<region>.…");
 * bounded labels, so it cannot backtrack.
 */
const PLACEHOLDER_HOST = /(?<![.*\w])<[a-z-]{1,30}>(?:\.[a-z0-9<>*-]{1,63}){2,8}/gi;

function stepHostsOf(k: Knowledge): ReadonlyMap<string, readonly string[]> {
  const ruleNames = new Set(
    k.rules.flatMap((r) => [r.endpoint, ...(r.aliases ?? [])]).map((n) => n.toLowerCase()),
  );
  const hosts = new Map<string, string[]>();
  for (const step of k.steps) {
    for (const found of `${step.text} ${step.answer ?? ''}`.match(PLACEHOLDER_HOST) ?? []) {
      const host = found.replace(/\.$/, '').toLowerCase();
      if (ruleNames.has(host)) continue;
      const steps = hosts.get(host) ?? [];
      if (!steps.includes(step.id)) steps.push(step.id);
      hosts.set(host, steps);
    }
  }
  return hosts;
}

/** An endpoint term shared by more endpoints than this names none of them. */
const MAX_SHARING = 3;

function endpointTermsOf(k: Knowledge): ReadonlyMap<string, readonly string[]> {
  const endpoints = [...new Set(k.rules.map((r) => r.endpoint))];
  const termsOf = (e: string) => [
    ...new Set(indexTerms(e.replace(/<[^<>]{1,40}>/g, ' ').replace(/[.*]/g, ' '))),
  ];
  const shared = new Map<string, number>();
  for (const e of endpoints) for (const t of termsOf(e)) shared.set(t, (shared.get(t) ?? 0) + 1);
  return new Map(
    endpoints.map((e) => [e, termsOf(e).filter((t) => (shared.get(t) ?? 0) <= MAX_SHARING)]),
  );
}

function productHostsOf(k: Knowledge): ReadonlyMap<string, readonly string[]> {
  const hosts = new Map<string, string[]>();
  for (const r of k.rules) {
    for (const product of r.products ?? []) {
      const list = hosts.get(product) ?? [];
      if (!list.includes(r.endpoint)) list.push(r.endpoint);
      hosts.set(product, list);
    }
  }
  return hosts;
}

function tagNamesOf(k: Knowledge): TagNames {
  const bases = new Map<string, string>();
  const families = new Map<string, string[]>();
  for (const r of k.rules) {
    if (r.endpointKind !== 'service-tag') continue;
    for (const name of [r.endpoint, ...(r.aliases ?? [])]) {
      bases.set(name.toLowerCase().replace(/\.<region>$/, ''), name);
    }
    const [family, member] = r.endpoint.toLowerCase().split('.');
    if (family && member && member !== '<region>' && !r.retired) {
      const list = families.get(family) ?? [];
      if (!list.includes(r.endpoint.toLowerCase())) list.push(r.endpoint.toLowerCase());
      families.set(family, list);
    }
  }
  return { bases, families };
}

export type DeploymentTarget = 'managed-endpoint' | 'kubernetes' | 'aci';

/**
 * Words that name where models are deployed, read on the words with abbreviations spelled out
 * ("moe" → "managed online endpoint").
 */
const DEPLOYMENT_TARGET_WORDS: readonly [DeploymentTarget, RegExp][] = [
  ['managed-endpoint', /\bmanaged (online )?(endpoint|deployment)s?\b/],
  [
    'kubernetes',
    /\b(aks|akscompute|kubernetes|kubernetescompute|k8s|arc|azureml fe|inferencing cluster|inference cluster)\b/,
  ],
  ['aci', /\b(aci|aciwebservice|container instances?)\b/],
];
/**
 * An online endpoint or deployment ("the endpoint deploy times out") that names no Kubernetes is a
 * managed one: Kubernetes online endpoints are called by their cluster ("a Kubernetes online
 * endpoint").
 */
const ONLINE_ENDPOINT = /\bonline (endpoint|deployment)s?\b|\bendpoint deploy(ment|ments|s)?\b/;

export function deploymentTargetOf(words: readonly string[]): DeploymentTarget | undefined {
  const text = words.join(' ');
  const named = DEPLOYMENT_TARGET_WORDS.filter(([, re]) => re.test(text)).map(([t]) => t);
  if (named.length === 0 && ONLINE_ENDPOINT.test(text)) return 'managed-endpoint';
  // Two named ("a managed online endpoint or AKS?") is a comparison, which names neither.
  return named.length === 1 ? named[0] : undefined;
}

/**
 * Items about one place models are deployed to: an item whose title names Azure Container
 * Instances, one only of Kubernetes (and its images), one only of online endpoints.
 */
function deploymentTargetsOf(k: Knowledge): ReadonlyMap<string, DeploymentTarget> {
  const of = (title: string, scenarios: readonly ScenarioId[]): DeploymentTarget | undefined => {
    if (deploymentTargetOf(tokens(title)) === 'aci') return 'aci';
    if (scenarios.includes('aks') && scenarios.every((s) => s === 'aks' || s === 'docker-images'))
      return 'kubernetes';
    if (scenarios.length > 0 && scenarios.every((s) => s === 'online-endpoints'))
      return 'managed-endpoint';
    return undefined;
  };
  const items = [
    ...k.scenarios.map((s) => [`scenario:${s.id}`, of(s.title, [s.id])] as const),
    ...k.steps.map((s) => [`step:${s.id}`, of(s.title, s.scenarios)] as const),
    ...k.errors.map((e) => [`error:${e.id}`, of(e.title, e.scenarios)] as const),
  ];
  return new Map(items.flatMap(([key, t]) => (t ? [[key, t] as const] : [])));
}

/** Words about name resolution and routes. */
export const PATH_WORDS: ReadonlySet<string> = new Set(
  (
    'dns zone zones forward forwarded forwarder forwarders forwarding resolve resolves resolved resolving ' +
    'resolution nslookup record records route routes routing routed udr udrs hop'
  ).split(' '),
);
/** The same words stemmed, for item titles: an item on the path a name or a packet takes. */
const PATH_STEMS: ReadonlySet<string> = new Set([...PATH_WORDS].map(stem));

function pathItemsOf(k: Knowledge): ReadonlySet<string> {
  const onPath = (title: string) => tokens(title).some((w) => PATH_STEMS.has(stem(w)));
  return new Set([
    ...k.steps.filter((s) => onPath(s.title)).map((s) => `step:${s.id}`),
    ...k.errors.filter((e) => onPath(e.title)).map((e) => `error:${e.id}`),
    ...k.conflicts.filter((c) => onPath(c.topic)).map((c) => `conflict:${c.id}`),
  ]);
}

function protocolPortsOf(k: Knowledge): ReadonlyMap<string, PortMention> {
  // Per protocol, its distinct port ranges by "from-to".
  const byProtocol = new Map<string, Map<string, PortMention>>();
  for (const r of k.rules) {
    if (r.protocol !== 'UDP' && r.protocol !== 'TCP') continue;
    const ranges = byProtocol.get(r.protocol) ?? new Map<string, PortMention>();
    for (const p of r.ports) ranges.set(`${p.from}-${p.to}`, { port: p.from, to: p.to });
    byProtocol.set(r.protocol, ranges);
  }
  return new Map(
    [...byProtocol]
      .filter(([, ranges]) => ranges.size === 1)
      .map(([protocol, ranges]) => [protocol.toLowerCase(), [...ranges.values()][0]!]),
  );
}

/** The last two labels of a host name: "login.chinacloudapi.cn" → "chinacloudapi.cn". */
export function domainSuffix(host: string): string {
  return host.toLowerCase().split('.').slice(-2).join('.');
}

function cloudSuffixesOf(k: Knowledge): ReadonlyMap<string, SovereignCloud> {
  const clouds = new Map<string, Set<SovereignCloud>>();
  for (const e of k.cloudEndpoints) {
    for (const host of [e.endpoint ?? '', ...(e.alsoEndpoints ?? [])].filter(Boolean)) {
      const suffix = domainSuffix(host);
      clouds.set(suffix, (clouds.get(suffix) ?? new Set()).add(e.cloud));
    }
  }
  // A suffix the public cloud's hosts share ("windows.net", "azureml.ms") names no one cloud.
  const publicSuffixes = new Set(k.rules.map((r) => domainSuffix(r.endpoint)));
  return new Map(
    [...clouds]
      .filter(([suffix, of]) => of.size === 1 && !publicSuffixes.has(suffix))
      .map(([suffix, of]) => [suffix, [...of][0]!]),
  );
}

const lexicons = new WeakMap<Knowledge, Lexicon>();

/** The lexicon of a knowledge object, built on first use (the knowledge never changes while running). */
export function lexiconOf(k: Knowledge): Lexicon {
  let lexicon = lexicons.get(k);
  if (!lexicon) lexicons.set(k, (lexicon = buildLexicon(k)));
  return lexicon;
}
