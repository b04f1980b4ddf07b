// Understands a free-text question offline: facets, candidates from every signal, one decision.
// The knowledge's own vocabulary (names, `ask` phrasings, abbreviations) does the work; the code
// only weighs signals against each other.
import type { Knowledge, Rule, ScenarioId, YesNoClaim } from '../knowledge/knowledge.schema';
import { underStated } from '../knowledge/condition.query';
import {
  cloudProfile,
  conflictById,
  errorById,
  ruleById,
  scenarioById,
  stepById,
} from '../knowledge/lookup.query';
import { decide } from './decision';
import { claimFor, mentions } from './yes-no';
import { WEIGHTS, type Weights } from './weights';
import {
  ACROSS_REGIONS,
  CLOUD_WORDS,
  doubtsOnlyCurrency,
  isCueTerm,
  isDoubtTerm,
  mentionsPath,
  namesScenario,
  parseQuestion,
  type Facets,
  type ParsedQuestion,
} from './facets';
import { DOMAIN_NOISE, lexiconOf } from './lexicon';
import { indexTerms, stem } from './normalise';
import {
  aboutStatedCloud,
  askedAbout,
  forSovereignCloudsOnly,
  publicIpFit,
  egressFit,
  networkFit,
  replacedInStatedCloud,
  endpointMatches,
  endpointTarget,
  errorCandidates,
  inDirectionAsked,
  portTarget,
  rulesForPort,
  shownByAnswer,
  scenariosOf,
  targetFor,
  targetKey,
  wordHits,
  type Candidate,
  type EndpointMatches,
  type Target,
  type WordHit,
} from './ranking';

export type { Target, TargetKind } from './ranking';
export type { Facets } from './facets';

export type Recognition =
  | {
      kind: 'answer';
      target: Target;
      /** Runners-up, shown as "Did you mean…" under the answer. */
      alternatives: Target[];
      confidence: number;
      facets: Facets;
      why: string;
      /** The answered item's stored yes or no for this yes/no question, when one fits its words. */
      yesNo?: YesNoClaim;
    }
  | {
      kind: 'choices';
      candidates: Target[];
      facets: Facets;
      why: string;
      /** Set when the choices are the scenarios: the question names none to take rules from. */
      whichScenario?: true;
    }
  | {
      kind: 'none';
      facets?: Facets;
      why: string;
      /** Set when the question is about Azure ML but not about networking, the bot's subject. */
      offSubject?: true;
    };

/** Something that turns a question into a recognition; the conversation layer takes one injected. */
export type Recognizer = (text: string) => Recognition;

export function createRecognizer(k: Knowledge, weights: Weights = WEIGHTS): Recognizer {
  lexiconOf(k); // build the word tables at start-up, not on the first question
  return (text) => recognize(k, text, weights);
}

/** Below this, a match by words alone does not answer a question that names no networking. */
const OFF_SUBJECT_SCORE = 0.6;
/**
 * Nor below this one that names no scenario either: "how do I increase my GPU quota?" shares two
 * words with a note on compute in another region, and "register a model with the SDK v2" only
 * the SDK version.
 */
const OFF_SUBJECT_UNNAMED_SCORE = 0.75;

/**
 * How far below the item it yields to an item ranks: a disagreement below a port's or name's own
 * card when asked if it is current, a public-cloud zone step below the stated cloud's zone note.
 */
const BELOW_MARGIN = 0.01;

/** "This host", "that port", "these tags": words that point back to a name named before them. */
const POINTS_BACK_TO_A_NAME =
  /\b(this|that|these|those) (host|hostname|host name|fqdn|domain|url|service tag|tag|port|endpoint|address|destination)s?\b/;

/** How plainly a short question names the one scenario that is all it names. */
const ONLY_TOPIC_STRENGTH = 0.6;

/**
 * Past this many search terms a message is long enough to hold most items' short phrasings whole,
 * so how specific the phrasing it holds is (`heldPhrasing`) starts to count.
 */
const LONG_MESSAGE_TERMS = 30;

/** Up to this many search terms a question is short enough to ask for a whole slice. */
const SHORT_QUESTION_TERMS = 8;
/** A disagreement a message reports must match its words this well against the best item. */
const DISAGREEMENT_RELATIVE = 0.6;

/**
 * Three host names or more in a question that asks which hosts to allow are examples of the list
 * it asks for ("the complete list of FQDNs for a compute instance? The doc lists …, …, …").
 */
function listsNames(f: Facets): boolean {
  return (f.asks.has('hosts') || f.asks.has('whole')) && f.dottedNames.length >= 3;
}

/** Words for rules themselves, as opposed to "need", which asks for anything to have. */
const RULE_TERMS: ReadonlySet<string> = new Set(['rule', 'nsg', 'firewall']);

/** Whether the question asks for traffic to allow: hosts, ports, tags, a direction or rules. */
function namesTraffic(q: ParsedQuestion): boolean {
  return (
    asksWhatToAllow(q.facets) ||
    q.facets.direction !== undefined ||
    q.terms.some((t) => RULE_TERMS.has(t))
  );
}

/**
 * "Which hosts for pypi and conda?", "what ports": a question that asks which names to allow, as
 * opposed to one that mentions a URL in passing ("the scoring url is not reachable").
 */
const WHICH_TO_ALLOW =
  /\b(which|what|list of)\b[^.?!]{0,40}\b(hosts?|host ?names?|urls?|fqdns?|domains?|ports?|tags?)\b/;

/** Whether the question asks which hosts, ports or service tags to allow. */
function asksWhatToAllow(f: Facets): boolean {
  return f.asks.has('hosts') || f.asks.has('ports') || f.asks.has('tags');
}

function namedScenarios(f: Facets, min = 0.55): ScenarioId[] {
  return f.scenarios.filter((s) => s.strength >= min).map((s) => s.id);
}

/** Rules narrowed to the direction and scenarios the question names, when that leaves any. */
function narrowRules(
  k: Knowledge,
  ruleIds: readonly string[],
  f: Facets,
  focus: ReadonlySet<string> = new Set(),
): string[] {
  let rules = inDirectionAsked(
    ruleIds.flatMap((id) => ruleById(k, id) ?? []),
    f.direction,
  );
  // "The NSG allows MicrosoftContainerRegistry on 443 … do I need AzureFrontDoor.FirstParty as
  // well?": of the names told, the one the asking sentence names is asked about.
  if (focus.size > 0) {
    const asked = rules.filter((r) =>
      (lexiconOf(k).endpointTerms.get(r.endpoint) ?? []).some((t) => focus.has(t)),
    );
    if (asked.length > 0) rules = asked;
  }
  // "Why does compute need AzureFrontDoor.FrontEnd? I thought it was for the studio.": of the
  // scenarios named, those the asking sentence names are the ones asked about.
  const named = namedScenarios(f, 0.4);
  const asked = named.filter((s) => namesScenario(lexiconOf(k), s, focus));
  // Otherwise the one named most plainly: "the AML extension on AKS … this cluster's egress" is
  // about Kubernetes compute, whose cluster the word "cluster" also names.
  const strongest = Math.max(0, ...f.scenarios.map((s) => s.strength));
  const plainest = named.filter((id) =>
    f.scenarios.some((s) => s.id === id && s.strength >= strongest),
  );
  const scenarios = asked.length > 0 ? asked : plainest;
  if (scenarios.length > 0) {
    const inScenario = rules.filter((r) => r.scenarios.some((s) => scenarios.includes(s)));
    if (inScenario.length > 0) rules = inScenario;
  }
  return rules.map((r) => r.id);
}

/** How close to the best word match a disagreement must be to answer "the docs disagree". */
const SOURCES_FIT = 0.8;

/** Conflicts a doubting question may be about, ranked by how well the words match them. */
function conflictCandidates(
  ids: readonly string[],
  hits: readonly WordHit[],
  k: Knowledge,
  doubt: 'sources' | 'strong' | 'mild' | 'none',
): Candidate[] {
  return [...new Set(ids)].flatMap((id) => {
    const target = targetFor(k, 'conflict', id);
    if (!target) return [];
    const hit = hits.find((h) => h.kind === 'conflict' && h.id === id);
    // "… or instances.ml.azure.ms? docs disagree": said outright, the disagreement about the name
    // is the question, ahead of the name's own card, when its words fit the question too (the
    // name has other disagreements, about other things).
    const level = doubt === 'sources' && (hit?.relative ?? 0) < SOURCES_FIT ? 'strong' : doubt;
    const base =
      level === 'sources' ? 0.9 : level === 'strong' ? 0.8 : level === 'mild' ? 0.7 : 0.4;
    const score = base + 0.3 * (hit ? hit.coverage : 0);
    return [{ target, score, signal: 'endpoint' as const }];
  });
}

/**
 * "Is 44224 still needed?", "is AzureFrontDoor.FirstParty still needed?" ask whether a current
 * port or name is current: its own card says when it is needed, so disagreements (the retired
 * 29876-29877 next to 44224, a spelling, whether routes include another tag) rank below it. Two
 * things weighed against each other ("44224 or 29876?") or one with a retired rule ("is
 * BatchNodeManagement still needed?") are a disagreement's to answer.
 */
function asksIfCurrentThingIsCurrent(
  k: Knowledge,
  q: ParsedQuestion,
  matches: EndpointMatches,
): boolean {
  const rules = [
    ...q.facets.ports.flatMap((p) => rulesForPort(k, p.port)),
    ...k.rules.filter((r) => matches.endpoints.includes(r.endpoint)),
  ];
  return (
    rules.length > 0 &&
    matches.retiredConflicts.length === 0 &&
    !namesDisputedHost(k, q) &&
    q.facets.asks.has('need') &&
    doubtsOnlyCurrency(q.words) &&
    !comparesNames(q, matches.names.length + q.facets.ports.length) &&
    rules.every((r) => !r.retired)
  );
}

/**
 * "viennaglobal.azurecr.io, is that still needed?": a host typed exactly as a disagreement names
 * it is that disagreement's, though it fits a rule's template (`<acr>.azurecr.io`) too.
 */
function namesDisputedHost(k: Knowledge, q: ParsedQuestion): boolean {
  const { disputedHosts } = lexiconOf(k);
  return q.facets.dottedNames.some((n) => disputedHosts.has(n.toLowerCase()));
}

/** Disagreements ranked just below the card of the port or name asked about, when there is one. */
function belowOwnCard(candidates: readonly Candidate[]): Candidate[] {
  const ownCard = Math.max(
    0,
    ...candidates
      .filter(
        (c) => c.signal === 'port' || (c.signal === 'endpoint' && c.target.kind !== 'conflict'),
      )
      .map((c) => c.score),
  );
  if (ownCard === 0) return [...candidates];
  return candidates.map((c) =>
    c.target.kind === 'conflict' ? { ...c, score: Math.min(c.score, ownCard - BELOW_MARGIN) } : c,
  );
}

/**
 * A stated cloud's note gains for naming the cloud, except a note on what the cloud lacks, which
 * gains only when the question asks whether something is available there.
 */
function weighsCloudNote(k: Knowledge, stepId: string, q: ParsedQuestion): boolean {
  const lacks = cloudProfile(k, q.facets.cloud)?.availability ?? [];
  return !lacks.includes(stepId) || q.facets.asks.has('possible');
}

/** Words that ask for the names of private DNS zones or of the zones to forward. */
const ZONE_WORDS: ReadonlySet<string> = new Set([
  'zone',
  'zones',
  'forwarder',
  'forwarders',
  'dns',
]);

/**
 * "Which zones and forwarders for Gov?": a question about zone names in a sovereign cloud. The
 * names the public-cloud steps give are the ones that cloud replaces, however much of the
 * question (often the public names it tried) they share.
 */
function asksZonesOfStatedCloud(q: ParsedQuestion): boolean {
  const cloud = q.facets.cloud;
  return (
    cloud !== undefined &&
    cloud !== 'public' &&
    !q.facets.asks.has('yesno') &&
    q.words.some((w) => ZONE_WORDS.has(w))
  );
}

/** A step whose text gives private DNS zone names. */
function namesZones(k: Knowledge, t: Pick<Target, 'kind' | 'id'>): boolean {
  return t.kind === 'step' && (stepById(k, t.id)?.text.includes('privatelink.') ?? false);
}

/** Public-cloud zone steps rank just below the stated cloud's own zone note, when it is a candidate. */
function belowStatedCloudZones(
  k: Knowledge,
  q: ParsedQuestion,
  candidates: readonly Candidate[],
): Candidate[] {
  const own = candidates.filter((c) => namesZones(k, c.target) && aboutStatedCloud(k, c.target, q));
  if (own.length === 0) return [...candidates];
  const ownScore = Math.max(...own.map((c) => c.score));
  return candidates.map((c) =>
    namesZones(k, c.target) && !aboutStatedCloud(k, c.target, q) && c.score >= ownScore
      ? { ...c, score: ownScore - BELOW_MARGIN }
      : c,
  );
}

/** Two names side by side with "or"/"vs" ask which one is right: a disagreement between sources. */
function comparesNames(q: ParsedQuestion, names: number): boolean {
  return names >= 2 && /\b(or|vs|versus)\b/.test(q.lower);
}

/** A step found by a typed host of its shape: as sure as a named endpoint's own card. */
const HOST_OF_STEP = 0.85;

/** Above a named endpoint's own card (0.9 to 0.93). */
const SPELLING_DOUBTED = 0.95;

/**
 * Whether the question reports a name failing or doubts it ("… is not a valid service tag", "is
 * Keyvault.westeurope right?"), rather than asking whether it is needed, which its rule answers.
 */
function questionsSpelling(f: Facets): boolean {
  const a = f.asks;
  if (a.has('need') || a.has('remove')) return false;
  return (
    a.has('problem') || a.has('doubt') || a.has('compare') || a.has('exists') || a.has('yesno')
  );
}

function portAndEndpointCandidates(
  k: Knowledge,
  q: ParsedQuestion,
  hits: WordHit[],
  matches: EndpointMatches,
  w: Weights,
): Candidate[] {
  const f = q.facets;
  const { endpoints, obsoleteConflicts, retiredConflicts, names } = matches;
  const known = f.ports.filter((p) => rulesForPort(k, p.port).length > 0);
  const doubt = f.sourcesDisagree
    ? 'sources'
    : f.asks.has('doubt') || comparesNames(q, names.length + known.length)
      ? 'strong'
      : // "We only allow 443, is that ok?" weighs what it names against what is needed, not
        // one article against another.
        f.asks.has('compare') && !f.asks.has('enough')
        ? 'mild'
        : 'none';
  const out: Candidate[] = [];

  if (known.length > 0) {
    const portRules = [...new Set(known.flatMap((p) => rulesForPort(k, p.port)))];
    const named = portRules.filter((r) => endpoints.includes(r.endpoint));
    const ids = (named.length > 0 ? named : portRules).flatMap((r) => r.conflicts ?? []);
    out.push(...conflictCandidates(ids, hits, k, doubt));
    if (named.length > 0) {
      const narrowed = narrowRules(
        k,
        named.map((r) => r.id),
        f,
        q.focus,
      );
      for (const id of narrowed.slice(0, 3)) {
        const t = targetFor(k, 'rule', id);
        if (t) out.push({ target: t, score: narrowed.length === 1 ? 0.92 : 0.8, signal: 'port' });
      }
      // "Why does compute need Storage.<region> on 443 and 445?": one name with several of its
      // ports is that name's card, which holds every port asked about.
      const namedEndpoints = [...new Set(named.map((r) => r.endpoint))];
      if (narrowed.length > 1 && namedEndpoints.length === 1)
        out.push({ target: endpointTarget(k, namedEndpoints[0]!), score: 0.9, signal: 'endpoint' });
    }
    // Ports that lead to the same rules (29876 and 29877) are one answer.
    const groups = new Map<string, number>();
    for (const p of known) {
      const key = rulesForPort(k, p.port)
        .map((r) => r.id)
        .join(',');
      if (!groups.has(key)) groups.set(key, p.port);
    }
    const ports = [...groups.values()];
    ports.forEach((port, i) => {
      const target = portTarget(k, port);
      const score = named.length > 0 ? 0.85 : ports.length === 1 ? 0.93 : 0.8 - 0.01 * i;
      out.push({
        target,
        score: score - (toldNotAsked(q, target) ? w.toldOutsideQuestion : 0),
        signal: 'port',
      });
    });
    return out;
  }

  for (const id of obsoleteConflicts) {
    const t = targetFor(k, 'conflict', id);
    if (t) out.push({ target: t, score: 0.9, signal: 'endpoint' });
  }
  // "Which IP should my-endpoint.westeurope.inference.ml.azure.com resolve to?": a host of the
  // shape a step writes is about that step, the best-worded first. It counts as found by words:
  // the step is about how the name resolves, so nothing a name's rules lose to that applies.
  for (const id of matches.hostSteps) {
    const target = targetFor(k, 'step', id);
    const hit = hits.find((h) => h.kind === 'step' && h.id === id);
    if (target)
      out.push({ target, score: HOST_OF_STEP + 0.05 * (hit?.relative ?? 0), signal: 'words' });
  }
  if (endpoints.length === 0) return out;
  // "Frontdoor.FirstParty is not a valid service tag": a name typed as only some articles spell
  // it, and failing or in doubt, is about that spelling. Whether it is needed is its rule's.
  if (questionsSpelling(f))
    for (const id of matches.spellingConflicts) {
      const t = targetFor(k, 'conflict', id);
      if (t) out.push({ target: t, score: SPELLING_DOUBTED, signal: 'endpoint' });
    }
  const rules = k.rules.filter((r) => endpoints.includes(r.endpoint));
  out.push(
    ...conflictCandidates(
      rules.flatMap((r) => r.conflicts ?? []),
      hits,
      k,
      doubt,
    ),
  );
  // Doubt about a name with a retired rule is about the retirement, by a hair over its other
  // disagreements when the words fit both as well.
  if (doubt === 'strong' || doubt === 'sources')
    out.push(
      ...conflictCandidates(retiredConflicts, hits, k, doubt).map((c) => ({
        ...c,
        score: c.score + 0.01,
      })),
    );
  // "*.blob.core.windows.net or is the Storage tag enough?": a host and the tag the sources pair
  // with it, asked side by side, are answered by the host's card, which names both and says when
  // each applies.
  const tagsNamedWith = (host: string) => pairedTags(k, host).filter((t) => endpoints.includes(t));
  const hostWithItsTag = endpoints.find((e) => tagsNamedWith(e).length > 0);
  endpoints.forEach((endpoint, i) => {
    const ofEndpoint = rules.filter((r) => r.endpoint === endpoint).map((r) => r.id);
    const narrowed = narrowRules(k, ofEndpoint, f, q.focus);
    const single = narrowed.length === 1 && ofEndpoint.length > 1 ? narrowed[0] : undefined;
    const target = single ? targetFor(k, 'rule', single) : endpointTarget(k, endpoint);
    if (target)
      out.push({
        target,
        score:
          (endpoint === hostWithItsTag ? 0.93 : (endpoints.length === 1 ? 0.9 : 0.8) - 0.01 * i) -
          (replacedInStatedCloud(k, endpoint, q) ? w.otherCloud : 0) -
          (nameToldNotAsked(q, endpoint) ? w.toldOutsideQuestion : 0),
        signal: 'endpoint',
      });
    if (asksForAddresses(q) && hostWithItsTag === undefined)
      out.push(...tagsOfHost(k, endpoint, f, i));
  });
  return out;
}

/** The service tags the sources pair with a host name (none for a tag or a setting). */
function pairedTags(k: Knowledge, host: string): readonly string[] {
  return k.rules.find((r) => r.endpoint === host && r.tags)?.tags ?? [];
}

/** Words that ask for addresses rather than names: what a service tag gives an NSG. */
const ADDRESS_WORDS: ReadonlySet<string> = new Set([
  'ip',
  'ips',
  // One "address" is as often a host name ("the address ends in instances.azureml.ms"); several
  // are what a name resolves to.
  'addresses',
  'range',
  'ranges',
  'cidr',
  'prefix',
  'prefixes',
  'servicetags',
]);

/** A private IP is what DNS gives a private endpoint, not a range a firewall allows. */
const NOT_AN_ADDRESS_RANGE: ReadonlySet<string> = new Set(['private', 'internal', 'local']);

/**
 * A device that takes no service tags, and a question for the addresses behind the tags it names
 * ("where do I get the IP list for AzureMachineLearning?"), not for whether they are needed.
 */
function asksRangesOfTags(k: Knowledge, q: ParsedQuestion, matches: EndpointMatches): boolean {
  const f = q.facets;
  if (f.conditions.egress !== 'firewall-no-tags' || matches.endpoints.length === 0) return false;
  if (f.asks.has('need') || f.asks.has('yesno')) return false;
  const { tagEndpoints } = lexiconOf(k);
  return (
    matches.endpoints.every((e) => tagEndpoints.has(e)) &&
    q.words.some((w) => ADDRESS_WORDS.has(w) || w === 'list')
  );
}

function asksForAddresses(q: ParsedQuestion): boolean {
  // "Compute without a public IP" is the compute's setup, not a request for addresses.
  const publicIpIsSetup =
    q.facets.conditions.computePublicIp !== undefined || q.facets.asks.has('publicIp');
  const notARange = (before: string) =>
    NOT_AN_ADDRESS_RANGE.has(before) || (publicIpIsSetup && before === 'public');
  return (
    q.facets.asks.has('tags') ||
    q.words.some((w, i) => ADDRESS_WORDS.has(w) && !notARange(q.words[i - 1] ?? ''))
  );
}

/**
 * "Is there a service tag for login.microsoftonline.com", "the IP ranges of mcr.microsoft.com":
 * a host asked about as addresses is answered by the tag the sources pair with it.
 */
function tagsOfHost(k: Knowledge, host: string, f: Facets, order: number): Candidate[] {
  const tags = pairedTags(k, host);
  return tags.flatMap((tag, j) => {
    const ofTag = k.rules.filter((r) => r.endpoint === tag && !r.retired).map((r) => r.id);
    const narrowed = narrowRules(k, ofTag, f);
    const single = narrowed.length === 1 && ofTag.length > 1 ? narrowed[0] : undefined;
    const target = single ? targetFor(k, 'rule', single) : endpointTarget(k, tag);
    return target
      ? [{ target, score: 0.92 - 0.01 * (order + j), signal: 'endpoint' as const }]
      : [];
  });
}

/** Asks which ports, tags or hosts to allow. */
const TRAFFIC_ASKS = ['ports', 'tags', 'hosts'] as const;

/**
 * Whether the question asks for rules (a scenario's slice): ports, tags, hosts or a direction, or
 * "what does X need" unless it is about name resolution or routes, where "need" wants a zone or
 * a route.
 */
function asksForRules(q: ParsedQuestion): boolean {
  const f = q.facets;
  if (TRAFFIC_ASKS.some((a) => f.asks.has(a)) || f.direction !== undefined) return true;
  // "Does a compute instance need a public IP?" asks about the public IP, not for the rules.
  return f.asks.has('rules') && !f.asks.has('paths') && !f.asks.has('publicIp');
}

/**
 * Whether a question asks for rules ("which ports", "which host names") and names nothing they
 * belong to: no scenario, place of deployment, port, name or error, and no topic word beyond what
 * it asks, the setup it states and the cloud or region it is in.
 */
function namesNothingToTakeRulesFrom(
  k: Knowledge,
  q: ParsedQuestion,
  matches: EndpointMatches,
  namesAnError: boolean,
): boolean {
  const f = q.facets;
  if (
    !asksForRules(q) ||
    // "How do I get the list of hosts?" asks for a way, which a step gives.
    f.asks.has('how') ||
    // "Can Azure ML use our proxy for all outbound?" asks whether the setup can be had.
    f.asks.has('possible') ||
    namesAnError ||
    f.scenarios.length > 0 ||
    f.deploysTo !== undefined ||
    // "Azure Government: is the service tag name the same?" compares, which a note answers.
    /\b(same|different|differ|differs|difference)\b/.test(q.lower) ||
    f.ports.length > 0 ||
    f.dottedNames.length > 0 ||
    matches.names.length > 0
  )
    return false;
  // A setup that implies what runs ("no public ip", "pip", "vs code", a managed network) names a
  // subject; the way out of the network (a firewall, forced tunnelling) or the SDK does not.
  const stated = Object.keys(f.conditions) as SetupKey[];
  if (stated.some((key) => !SUBJECTLESS_SETUPS.has(key))) return false;
  // "Which service tags do I need?" names no topic: "service" is half of what it asks for.
  const asked = SERVICE_TAGS.test(q.lower) ? new Set(indexTerms('service')) : new Set<string>();
  return topicTerms(k, q).every((t) => asked.has(t));
}

/** "Service tags" typed as what is asked for. */
const SERVICE_TAGS = /\bservice[\s-]{0,3}tags?\b/;

/** The rules of what the question names: its ports (on the names it gives), or its names. */
function namedRulesOf(k: Knowledge, f: Facets, matches: EndpointMatches): Rule[] {
  if (f.ports.length === 0 && matches.endpoints.length === 0) return [];
  const byName = (r: Rule) => matches.endpoints.includes(r.endpoint);
  const onPorts = f.ports.flatMap((p) => rulesForPort(k, p.port));
  const named = onPorts.length > 0 ? onPorts.filter(byName) : k.rules.filter(byName);
  const ids = (named.length > 0 ? named : onPorts).map((r) => r.id);
  return narrowRules(k, ids, f).flatMap((id) => ruleById(k, id) ?? []);
}

/** The words' candidates, weighed by what the question asks and the setup it describes. */
function wordCandidates(
  k: Knowledge,
  q: ParsedQuestion,
  hits: readonly WordHit[],
  w: Weights,
  /** Rules of the ports and names the question names. */
  namedRules: readonly Rule[],
  /** Whether the question mentions routes or name resolution. */
  onPath: boolean,
  /** Terms of the ports and names the question names. */
  nameTerms: ReadonlySet<string>,
): Candidate[] {
  const f = q.facets;
  const namedStillApply =
    namedRules.length > 0 &&
    namedRules.some((r) => underStated(r.condition, f.conditions) !== false);
  const named = namedScenarios(f);
  const how = f.asks.has('how');
  const asksSlice = asksForRules(q);
  // "Which outbound service tags does compute need?": a short question whose only scenario is
  // named by a word several scenarios share still names it plainly enough to ask for its slice.
  const strongScenario =
    f.scenarios.some((s) => s.strength >= 0.6) ||
    (f.scenarios.length === 1 && q.terms.length <= SHORT_QUESTION_TERMS);
  const explained = explainedByScenarioNames(k, q);
  const wholeOfScenario =
    f.asks.has('whole') && named.length > 0 && f.dottedNames.length === 0 && f.ports.length === 0;
  const whyOfTopic =
    f.asks.has('why') && !how && f.dottedNames.length === 0 && f.ports.length === 0;
  // "Which hosts does a compute instance need without a public IP?" asks for the slice the setup
  // filters: the setup's own notes do not gain for being written for it. "We want to switch off
  // the public IP: what does that need?" asks about the setup itself.
  const setupFiltersSlice =
    asksSlice && !how && strongScenario && !f.asks.has('yesno') && namesTraffic(q);
  // "Which hosts does the studio need in chinaeast2" wants the slice in that cloud's names;
  // "what Azure China needs" names no slice to take, so the cloud's notes answer it.
  // With a scenario and a region of that cloud named, its notes have nothing to add (they say to
  // give one); with no scenario named, they say what differs in that cloud.
  const cloudNotesAnswer =
    (named.length === 0 || (!asksSlice && f.region === undefined)) &&
    !namesRuleNotNeededInCloud(k, q);
  // The plan shows that cloud's host names but not its zones, so its zone note answers a question
  // about zone names even with a slice or a region named.
  const asksZones = asksZonesOfStatedCloud(q);
  const mostHeld = Math.max(0, ...hits.map((h) => h.heldPhrasing));
  const weighsHeld = q.terms.length > LONG_MESSAGE_TERMS && mostHeld > 0;
  return hits.flatMap((hit) => {
    const target = targetFor(k, hit.kind, hit.id);
    if (!target) return [];
    // A retired rule answers when it is named (its port, its tag), not as a match by words.
    if (hit.kind === 'rule' && ruleById(k, hit.id)?.retired) return [];
    let score =
      w.wordCoverage * hit.coverage +
      w.wordRank * hit.relative +
      w.containment * hit.containment ** 2;
    if (weighsHeld) score += w.heldPhrasing * (hit.heldPhrasing / mostHeld);
    // A rule of the name is a row of the name's own card, which loses nothing by ranking first.
    if (hit.kind !== 'rule' && hit.matched.length > 0 && hit.matched.every((t) => nameTerms.has(t)))
      score -= w.onlyThroughName;
    switch (hit.kind) {
      case 'scenario':
        score *= w.scenarioByWords; // scenario names are weighed as facets below
        break;
      case 'conflict':
        // "The DNS article says instances.ml.azure.ms, the firewall article instances.azureml.ms:
        // is one a typo?" reports the disagreement itself, when the names it gives are the
        // disagreement's own (a discrepancy about AzureMachineLearning is not one about MCR).
        if (
          f.sourcesDisagree &&
          hit.relative >= DISAGREEMENT_RELATIVE &&
          (namedRules.length === 0 || namedRules.some((r) => r.conflicts?.includes(hit.id)))
        )
          score += w.sourcesDisagree;
        score =
          f.asks.has('doubt') || f.asks.has('remove')
            ? score + w.conflictDoubt
            : f.asks.has('compare')
              ? score + w.conflictCompare
              : score * w.conflictPlain;
        break;
      case 'error':
        // A problem report that asks which hosts, ports or tags to allow ("the VS Code server
        // download fails: which hosts does it need?") is answered by what lists them, and one
        // whose asking sentence is about something else than the error by that.
        score =
          f.asks.has('problem') && !asksWhatToAllow(f) && askedAbout(hit, w.errorAskedShare)
            ? score + w.errorProblem
            : score * w.errorPlain;
        break;
      case 'rule':
        score -= w.rulePenalty; // a rule is better reached by its port, its name or its scenario's slice
        break;
      case 'step':
        if ((how || f.asks.has('way')) && stepKind(k, hit.id) === 'action') score += w.stepHow;
        // "Why does the studio need …" wants the note that explains it; "why does compute need
        // AzureFrontDoor.FirstParty" is answered by that name's own reasons.
        if (whyOfTopic && stepKind(k, hit.id) === 'note') score += w.noteWhy;
        // "What does X need" wants the scenario's rules, not one fact about it.
        if (asksSlice && !how)
          score -= (strongScenario ? w.stepUnderSlice : w.stepUnderSlice / 2) * explained;
        // "A guide for compute in a VNet" asks for all of the scenario, not one step of it.
        if (wholeOfScenario) score -= w.stepUnderWhole;
        // "Which outbound rules does compute need to reach storage?" asks what the rules of one's
        // own VNet are; the rules one adds to a managed network answer it only when it says so.
        if (
          asksSlice &&
          !how &&
          f.conditions.network === undefined &&
          stepById(k, hit.id)?.network === 'managed'
        )
          score -= w.managedUnstated;
        break;
    }
    if (named.length > 0 && hit.kind !== 'scenario') {
      const inScenario = scenariosOf(k, target).some((s) => named.includes(s));
      score += inScenario ? w.inScenario : -w.outOfScenario;
    }
    // "Is 5831 UDP still required for compute with no public IP?" asks about the port, which that
    // setup still needs: the setup's own note does not gain for being written for it. (When the
    // setup rules the named port out, "no inbound 44224 without a public IP", the note answers.)
    const ipFit = publicIpFit(k, target, q);
    const fit = ipFit + networkFit(k, target, q, w) + egressFit(k, target, q);
    score +=
      fit > 0 && namedStillApply
        ? 0
        : hit.kind === 'step' && setupFiltersSlice && ipFit > 0
          ? fit - ipFit
          : fit;
    if (
      (cloudNotesAnswer || (asksZones && namesZones(k, target))) &&
      aboutStatedCloud(k, target, q) &&
      weighsCloudNote(k, target.id, q)
    )
      score += w.statedCloud;
    // A note for Azure Government and 21Vianet only does not answer a question that names neither.
    if (!f.cloud && forSovereignCloudsOnly(k, target)) score -= w.otherCloud;
    // "The online endpoint can't reach storage behind a private endpoint" says nothing of prompt
    // flow: the prompt flow step's share of those words does not make it the answer.
    if (unnamedSubject(k, target, q.words)) score -= w.unnamedSubject;
    // "DNS zones in other clouds" does not answer what Azure China supports unless names are asked.
    if (offPath(k, onPath, target)) score -= w.offPath;
    // "The UDR for public IP compute, does it include BatchNodeManagement?": the sources disagree
    // on exactly that route.
    // The bypass route is for compute with a public IP: "nodes have no public IP, do we still
    // need a route for AzureMachineLearning?" is answered by the forced-tunnelling step.
    if (
      onPath &&
      f.conditions.computePublicIp !== false &&
      routeDisagreementOnName(k, target, namedRules)
    )
      score += w.routeDisagreement;
    return [{ target, score, signal: 'words' as const }];
  });
}

/**
 * "The NSG denies all outbound except 443. The cluster stays at 0 nodes: what is it waiting for?"
 * tells its setup with the port and asks about something else: the port's card is not the answer.
 */
function toldNotAsked(q: ParsedQuestion, t: Target): boolean {
  return t.kind === 'port' && q.focus.size > 0 && !q.focus.has(t.id);
}

/**
 * "… so people can use ml.azure.com from their laptops. Can you list just the studio ones?" tells
 * a name in its story and asks about something else: the name's card is not the answer.
 */
function nameToldNotAsked(q: ParsedQuestion, endpoint: string): boolean {
  // "The docs say AzureFrontDoor.Frontend is needed … Is the doc wrong?" asks whether what the
  // story told is right: the name is what is asked about.
  if ([...q.focus].some(isDoubtTerm)) return false;
  return q.focus.size > 0 && !indexTerms(endpoint).some((t) => q.focus.has(t));
}

/** A step about another service ("prompt flow", "Azure Databricks") that the words do not name. */
function unnamedSubject(k: Knowledge, t: Target, words: readonly string[]): boolean {
  if (t.kind !== 'step') return false;
  const namedBy = stepById(k, t.id)?.namedBy;
  return namedBy !== undefined && !mentions(namedBy, words);
}

/** A disagreement about names or routes that names a tag or host the question names. */
function routeDisagreementOnName(k: Knowledge, t: Target, namedRules: readonly Rule[]): boolean {
  if (t.kind !== 'conflict' || !lexiconOf(k).pathItems.has(targetKey(t))) return false;
  const c = conflictById(k, t.id);
  const text = `${c?.topic ?? ''} ${c?.answer ?? ''}`;
  return namedRules.some((r) => text.includes(r.endpoint.replace(/\.<region>$/, '')));
}

/** An item about name resolution or routes, for a question that mentions neither. */
function offPath(k: Knowledge, onPath: boolean, t: Pick<Target, 'kind' | 'id'>): boolean {
  return !onPath && lexiconOf(k).pathItems.has(targetKey(t));
}

function stepKind(k: Knowledge, stepId: string): 'action' | 'note' | undefined {
  return k.steps.find((s) => s.id === stepId)?.kind;
}

/** The words that name the cloud a question states ("Azure operated by 21Vianet", "mooncake"). */
function cloudTerms(k: Knowledge, f: Facets): ReadonlySet<string> {
  const profile = cloudProfile(k, f.cloud);
  if (!profile) return new Set();
  const words = [...CLOUD_WORDS].filter(([, cloud]) => cloud === f.cloud).map(([word]) => word);
  return new Set(indexTerms([profile.name, ...words].join(' ')));
}

/**
 * The question's terms that name a topic: not what it asks (cues), and not the regions ("in
 * usgovvirginia"), the cloud ("for Azure Government") or the setup ("clusters without a public
 * ip") it states, which are facets.
 */
function topicTerms(k: Knowledge, q: ParsedQuestion): string[] {
  const setup = setupMeanings(k, q, setupTerms(k, q.facets));
  const cloud = cloudTerms(k, q.facets);
  const regions = q.facets.regionsNamed?.all ?? [q.facets.region];
  return q.terms.filter(
    (t) =>
      !isCueTerm(t) &&
      !q.cueMeanings.has(t) &&
      !regions.includes(t) &&
      !cloud.has(t) &&
      !setup.has(t) &&
      !q.toldNoTags.has(t),
  );
}

/**
 * Share of the question's topic words that scenario names explain: 1 for "which ports does a
 * compute cluster need", less when other topics ("proxy", "vscode") say it is about something narrower.
 */
function explainedByScenarioNames(k: Knowledge, q: ParsedQuestion): number {
  const nameWords = lexiconOf(k).nameWordSet;
  const topics = topicTerms(k, q);
  if (topics.length === 0) return 1;
  return topics.filter((t) => nameWords.has(stem(t))).length / topics.length;
}

/** Scenarios named by the question, stronger when it asks what they need as a whole or a slice. */
function scenarioCandidates(k: Knowledge, q: ParsedQuestion, w: Weights): Candidate[] {
  const f = q.facets;
  const asksSlice = asksForRules(q);
  // A problem report that asks which hosts, ports or tags to allow ("the firewall blocks pip
  // install on the compute instance: which hosts for pypi and conda?") asks for the slice.
  // "Can we block all internet outbound from compute?" asks what must still pass: the slice.
  const specific =
    !f.asks.has('cutOff') &&
    (f.asks.has('how') ||
      (f.asks.has('problem') && !(asksWhatToAllow(f) && WHICH_TO_ALLOW.test(q.lower))) ||
      f.asks.has('doubt') ||
      f.asks.has('why') ||
      f.asks.has('possible') ||
      f.asks.has('publicIp'));
  // "studio", "compute cluster?": nothing but the scenario's name asks for all of it.
  const lexicon = lexiconOf(k);
  const nameWords = lexicon.nameWordSet;
  // A typed host ("does the studio need ml.azure.com?") is more than the scenario's name, even when
  // its words are the scenario's.
  const onlyName =
    q.terms.every((t) => nameWords.has(stem(t))) &&
    f.dottedNames.length === 0 &&
    f.ports.length === 0;
  const brevity = Math.min(1, SHORT_QUESTION_TERMS / Math.max(1, q.terms.length));
  const explained = explainedByScenarioNames(k, q);
  // "The complete list of IP addresses for mcr.microsoft.com" is about that name, not a scenario.
  const whole =
    f.asks.has('whole') && (f.dottedNames.length === 0 || listsNames(f)) && f.ports.length === 0;
  // "Which hosts does compute need behind the firewall?": a short question that names nothing
  // but one scenario, and asks for its rules, names it plainly even with a word ("compute")
  // other names share.
  const onlyTopic =
    asksSlice &&
    !specific &&
    !f.asks.has('exists') &&
    // "Do I need forced tunnelling for compute?" asks about the setup it names.
    !f.asks.has('yesno') &&
    f.scenarios.length === 1 &&
    explained === 1 &&
    brevity === 1;
  return f.scenarios.flatMap((s) => {
    const target = targetFor(k, 'scenario', s.id);
    if (!target) return [];
    // Naming a scenario in a long account of one setup does not make the scenario the question.
    const strength = onlyTopic ? Math.max(s.strength, ONLY_TOPIC_STRENGTH) : s.strength;
    let score = strength * Math.sqrt(brevity) * (0.7 + 0.3 * explained);
    // A short "what does X need" asks for the slice; a long account of one setup mentions rules
    // and needs in passing and is about something more specific.
    if (asksSlice && !specific) score += w.sliceAsk * brevity * explained;
    if (onlyName && !specific) score += w.nameOnly;
    if (specific && !asksSlice && !whole) score -= w.specificPenalty;
    // "A guide for compute in a VNet", "the complete set of rules": however long the message,
    // it asks for all of the scenario.
    if (whole) score = Math.max(score, s.strength * (0.7 + 0.3 * explained)) + w.wholeAsk;
    // "Can we block all internet outbound from compute, given private endpoints for …": what must
    // still pass is the slice of the scenario it names, however much else the message says.
    else if (f.asks.has('cutOff')) score = Math.max(score, s.strength) + w.directSlice;
    // A name typed alongside something more specific (a host, a port) yields to it.
    // A slice asked for in a direction ("which outbound rules do clusters without a public IP
    // need?") names nothing more specific than the scenario and the setup that filters it.
    const directSlice =
      asksSlice &&
      !specific &&
      f.direction !== undefined &&
      f.dottedNames.length === 0 &&
      f.ports.length === 0;
    score =
      Math.min(score, onlyName || directSlice ? 1 : 0.86) +
      (directSlice ? w.directSlice : 0) +
      networkFit(k, target, q, w);
    return [{ target, score, signal: 'scenario' as const }];
  });
}

/** Enough to put a failure of what works below the item that fits the rest of the message. */
const WORKING_PENALTY = 0.1;

/**
 * "rstudio never opens … jupyter + terminal ok": the Jupyter error is not what it reports. At
 * least half of what is said to work must be in the error's title: "creating a data asset works"
 * does not clear "Studio cannot preview or profile data".
 */
function failureOfWhatWorks(k: Knowledge, t: Target, f: Facets): boolean {
  if (t.kind !== 'error' || !f.working) return false;
  const title = new Set(indexTerms(errorById(k, t.id)?.title ?? ''));
  return f.working.some((subject) => {
    const words = subject.split(' ');
    return words.filter((w) => title.has(w)).length * 2 >= words.length;
  });
}

/**
 * An error whose rules all go the other way than the question says ("missing the following
 * rules: Outbound Storage 445" is not the inbound-rules error, however alike the words).
 */
function errorOfOtherDirection(k: Knowledge, t: Target, f: Facets): boolean {
  if (t.kind !== 'error' || !f.direction) return false;
  const rules = (errorById(k, t.id)?.rules ?? []).flatMap((id) => ruleById(k, id) ?? []);
  return rules.length > 0 && rules.every((r) => r.direction !== f.direction);
}

/**
 * Words that speak of serving models, or of the cluster they are served from (pods, helm, the
 * Azure ML extension): there an item about one place to deploy them may answer.
 */
const SERVING_WORDS: ReadonlySet<string> = new Set(
  (
    'online scoring score inference inferencing deploy deployed deploying deployment deployments ' +
    'serve serving model models realtime webservice pod pods kubectl helm ingress nodepool extension'
  ).split(' '),
);

/** Words that make an "endpoint" a network's own: a private or service endpoint serves nothing. */
const NETWORK_ENDPOINT: ReadonlySet<string> = new Set(['private', 'service']);

/** Whether the question speaks of serving models at all ("endpoint" after "private" does not). */
function speaksOfServing(q: ParsedQuestion): boolean {
  return (
    q.facets.deploysTo !== undefined ||
    q.words.some(
      (w, i) =>
        SERVING_WORDS.has(w) ||
        ((w === 'endpoint' || w === 'endpoints') && !NETWORK_ENDPOINT.has(q.words[i - 1] ?? '')),
    )
  );
}

/**
 * What an item about one place models are deployed to loses. Against another place the question
 * names: "can a managed online endpoint go into my own VNet?" is not answered by what Azure
 * Container Instances can't do, nor "the online deployment can't pull its image" by a Kubernetes
 * pod's pull error. Against a question that speaks of no deployment at all (a managed online
 * endpoint or Kubernetes item, not a scenario): "how do clients on prem resolve the workspace
 * private endpoint?" is not about an online endpoint's scoring name, though it shares every word.
 */
function deploymentTargetPenalty(
  k: Knowledge,
  t: Target,
  f: Facets,
  servingSaid: boolean,
  w: Weights,
): number {
  const of = lexiconOf(k).deploymentTargets.get(targetKey(t));
  if (of === undefined) return 0;
  if (f.deploysTo !== undefined) return of !== f.deploysTo ? w.otherDeploymentTarget : 0;
  return !servingSaid && t.kind !== 'scenario' && of !== 'aci' ? w.unnamedDeploymentTarget : 0;
}

/**
 * A known error asked about as a topic rather than reported as a failure ("which permissions does
 * compute in a VNet need") is answered by the step that covers the same ground, the error offered
 * under it; a reported failure keeps the error's cause and fix.
 */
function asTopicOrFailure(
  k: Knowledge,
  target: Target,
  alternatives: Target[],
  f: Facets,
): { target: Target; alternatives: Target[] } {
  if (target.kind !== 'error' || f.asks.has('problem')) return { target, alternatives };
  const by = errorById(k, target.id)?.answeredBy;
  const step = by === undefined ? undefined : targetFor(k, 'step', by);
  if (!step) return { target, alternatives };
  const rest = alternatives.filter((a) => !(a.kind === 'step' && a.id === step.id));
  return { target: step, alternatives: [target, ...rest].slice(0, alternatives.length || 1) };
}

/** The scenario a scenario is part of ("data-profiling" is used from the studio), or itself. */
function subjectOf(k: Knowledge, id: ScenarioId): ScenarioId {
  return scenarioById(k, id)?.partOf ?? id;
}

/** Whether the question is about this domain at all: some of its words must be the knowledge's. */
function isOnTopic(k: Knowledge, q: ParsedQuestion): boolean {
  const lexicon = lexiconOf(k);
  const domain = q.content.filter(
    (w) => lexicon.topical.has(stem(w)) || DOMAIN_NOISE.has(w) || lexicon.expansions.has(w),
  );
  const strongDomain = domain.filter((w) => !DOMAIN_NOISE.has(w));
  if (strongDomain.length === 0 && q.facets.scenarios.length === 0) return false;
  return domain.length >= q.content.length / 3 || q.facets.scenarios.length > 0;
}

/** The words that state each part of a setup, as search terms. */
const SETUP_WORDS: Readonly<Record<keyof Facets['conditions'], string>> = {
  computePublicIp: 'public ip address enable node without no non disabled',
  egress: 'azure firewall proxy nva fw behind through without service tags fqdn only',
  // "Route" and "table" stay topics: a route to a name asks how it is routed.
  forcedTunnel: 'forced tunnel tunneling tunnelling udr',
  hbi: 'hbi high business impact',
  ownImages: 'own custom image images docker bring byoi',
  vscode: 'vs code vscode',
  registryBehindVnet: 'registry behind',
  sdk: 'sdk v1 v2',
  network: 'managed network own custom',
  rstudio: 'rstudio cran',
  publicPackageFeeds: 'pip install conda anaconda pypi package packages python',
};

type SetupKey = keyof Facets['conditions'];

// Stemmed once: the words are fixed, and a question reads them up to three times.
const SETUP_TERMS: ReadonlyMap<SetupKey, readonly string[]> = new Map(
  (Object.keys(SETUP_WORDS) as SetupKey[]).map((key) => [key, indexTerms(SETUP_WORDS[key])]),
);

/** Setups that say how the network is built, not what runs in it. */
const SUBJECTLESS_SETUPS: ReadonlySet<SetupKey> = new Set(['egress', 'forcedTunnel', 'sdk']);

/**
 * The terms that state each setup, with the vocabulary's words for them ("zscaler" means
 * "proxy"): "we use zscaler, which hosts does the studio need?" asks about the studio.
 */
const setupTermsByKnowledge = new WeakMap<Knowledge, ReadonlyMap<SetupKey, ReadonlySet<string>>>();

function setupTermsOf(k: Knowledge): ReadonlyMap<SetupKey, ReadonlySet<string>> {
  let found = setupTermsByKnowledge.get(k);
  if (!found) {
    found = new Map(
      [...SETUP_TERMS].map(([key, list]) => {
        const own = new Set(list);
        const words = [...lexiconOf(k).expansions]
          .filter(([, means]) => {
            const meaning = indexTerms(means.join(' '));
            return meaning.length > 0 && meaning.every((t) => own.has(t));
          })
          .flatMap(([term]) => indexTerms(term));
        return [key, new Set([...list, ...words])] as const;
      }),
    );
    setupTermsByKnowledge.set(k, found);
  }
  return found;
}

/**
 * A setup typed as an abbreviation ("udr") states it with the words the abbreviation means ("user
 * defined route"): those state the setup too, unless they were typed themselves.
 */
function setupMeanings(
  k: Knowledge,
  q: ParsedQuestion,
  setup: ReadonlySet<string>,
): ReadonlySet<string> {
  const { expansions } = lexiconOf(k);
  const typed = new Set(q.words.map(stem));
  const terms = new Set(setup);
  for (const word of new Set(q.words)) {
    if (!setup.has(stem(word))) continue;
    for (const meaning of expansions.get(word) ?? []) {
      const t = stem(meaning);
      if (!typed.has(t)) terms.add(t);
    }
  }
  return terms;
}

function setupTerms(k: Knowledge, f: Facets): ReadonlySet<string> {
  const terms = new Set<string>();
  for (const [key, list] of setupTermsOf(k)) {
    if (f.conditions[key] !== undefined) for (const t of list) terms.add(t);
  }
  return terms;
}

/** How far a step that lists a denied host answers ahead of that host's own card. */
const AHEAD_OF_HOST = 0.005;

/** Whether a name's or rule's card is about one of these endpoints. */
function aboutEndpointIn(k: Knowledge, endpoints: ReadonlySet<string>, t: Target): boolean {
  if (endpoints.size === 0) return false;
  if (t.kind === 'endpoint') return endpoints.has(t.id);
  if (t.kind === 'rule') return endpoints.has(ruleById(k, t.id)?.endpoint ?? '');
  return false;
}

/** "Storage.eastus on 443": the port typed as the port of a name the question gives. */
function portOfNamedEndpoint(
  k: Knowledge,
  endpoints: ReadonlySet<string>,
  t: Target,
  f: Facets,
): boolean {
  if (t.kind !== 'port' || endpoints.size === 0) return false;
  const port = Number(t.id);
  return (
    f.ports.some((p) => p.port === port) &&
    rulesForPort(k, port).some((r) => endpoints.has(r.endpoint))
  );
}

/** Whether a step's text names one of these endpoints among what to allow. */
function stepNamesEndpoint(k: Knowledge, t: Target, endpoints: ReadonlySet<string>): boolean {
  if (t.kind !== 'step' || endpoints.size === 0) return false;
  const step = stepById(k, t.id);
  if (!step) return false;
  const text = `${step.answer ?? ''} ${step.text}`.toLowerCase();
  return [...endpoints].some((e) => text.includes(e.toLowerCase()));
}

export function recognize(k: Knowledge, text: string, w: Weights = WEIGHTS): Recognition {
  const q = parseQuestion(k, text, (p) => rulesForPort(k, p).length > 0);
  const facets = q.facets;
  if (q.words.length === 0) return { kind: 'none', facets, why: 'the message is empty' };

  // The notes of a cloud the question names are weighed however many other items share its words.
  const cloudNotes = new Set(
    k.clouds
      .filter((c) => c.cloud === facets.cloud)
      .flatMap((c) => c.steps.filter((id) => weighsCloudNote(k, id, q)).map((id) => `step:${id}`)),
  );
  // "Our firewall doesn't take service tags: which hosts does compute need?" asks for the slice
  // of a scenario it names; the setup is a facet, and its words would find the firewall's own step.
  const forSlice =
    facets.scenarios.length > 0 && asksWhatToAllow(facets) && !facets.asks.has('how');
  const hits = wordHits(
    k,
    forSlice ? q.terms.filter((t) => !q.toldNoTags.has(t)) : q.terms,
    w.phrase,
    undefined,
    { terms: q.focus, boost: w.focus },
    cloudNotes,
  );
  const errors = errorCandidates(k, q, hits, w.errorAskedShare);
  const matches = endpointMatches(k, q);
  // "Which ports do I need to open?", "which FQDNs go on the allowlist?": the rules depend on what
  // runs in the VNet, and the question names nothing to take them from, so the bot asks which.
  if (namesNothingToTakeRulesFrom(k, q, matches, errors.length > 0))
    return {
      kind: 'choices',
      candidates: k.scenarios.flatMap((s) => targetFor(k, 'scenario', s.id) ?? []),
      facets,
      why: 'the question names nothing to take the rules from',
      whichScenario: true,
    };
  const lexicon = lexiconOf(k);
  const nameTerms = new Set([
    ...facets.ports.flatMap((p) => [String(p.port), String(p.to)]),
    ...matches.names.flatMap((n) => {
      const named = indexTerms(n.replace(/[.*<>]/g, ' '));
      // What a name's abbreviation means is explained by the name too ("mcr" → "container").
      return [...named, ...named.flatMap((t) => lexicon.expansions.get(t) ?? []).map(stem)];
    }),
  ]);
  const scenarioWords = lexicon.nameWordSet;
  // A name in the sentence that asks ("What is behind the tag AzureFrontDoor.FirstParty?") is the
  // question however long the story around it.
  // So is one the message points back to ("… reach graph.windows.net. Is this host
  // required?").
  const asked =
    [...nameTerms].some((t) => q.focus.has(t)) ||
    (nameTerms.size > 0 && POINTS_BACK_TO_A_NAME.test(q.lower));
  const lengthFactor = (terms: readonly string[]): number => {
    if (asked) return 1;
    // A host or tag named in a long account of one setup is context more often than the question.
    const brevity = Math.min(1, SHORT_QUESTION_TERMS / Math.max(1, terms.length));
    // So is a name next to other topic words ("a route to BatchNodeManagement on the route
    // table"): the name explains part of the question, and an item that explains the rest may be
    // the answer.
    const topics = terms.filter(
      (t) => !isCueTerm(t) && !q.cueMeanings.has(t) && !scenarioWords.has(t),
    );
    const rest =
      topics.length === 0 ? 0 : topics.filter((t) => !nameTerms.has(t)).length / topics.length;
    return (0.75 + 0.25 * brevity) * (1 - 0.25 * rest);
  };
  // The setup a question states ("clusters without a public ip need BatchNodeManagement?") frames
  // the question about the name; it is not another topic beside it. A disagreement is weighed on
  // all the words, as the setup may be what the sources disagree about.
  const setup = setupTerms(k, facets);
  const length = lengthFactor(q.terms.filter((t) => !setup.has(t)));
  const conflictLength = lengthFactor(q.terms);
  // Ports named in a long message are context in the same way. A name in a question about name
  // resolution or routes ("which zone do I forward for instances.azureml.ms", "a route to
  // BatchNodeManagement") asks how it resolves or is routed, not which rule lets it through.
  const paths = facets.asks.has('paths') ? w.nameOnPath : 1;
  // "Do clusters without a public IP need BatchNodeManagement?": a short yes/no about whether a
  // name is needed asks about that name in the setup stated, not about the setup's own note.
  // One that doubts or weighs ("still", "only for hbi") may be about a disagreement instead.
  const plainNeed =
    facets.asks.has('need') && !facets.asks.has('doubt') && !facets.asks.has('compare');
  const aboutTheName = plainNeed && length === 1 ? w.namedNeed : 1;
  // "AzureMachineLearning inbound, or BatchNodeManagement too?" names the tags of the route
  // disagreement, but asks nothing about routes.
  const onPath = mentionsPath(q);
  const rangesOfTags = asksRangesOfTags(k, q, matches);
  const direct = portAndEndpointCandidates(k, q, hits, matches, w).map((c) =>
    c.signal === 'endpoint' || c.signal === 'port'
      ? {
          ...c,
          score:
            c.score *
              paths *
              (c.target.kind === 'conflict' ? conflictLength : length * aboutTheName) -
            (offPath(k, onPath, c.target) ? w.offPath : 0) -
            // A port's or a name's rules are for a VNet of one's own: in a managed network
            // ("allow pypi.org in our managed vnet") the managed network's own steps answer first,
            // and "how do I let the deployment reach PyPI?" is answered by its outbound rules.
            (facets.conditions.network === 'managed'
              ? w.otherNetwork * (facets.asks.has('how') ? 2 : 1)
              : 0) -
            // Names given as examples of the list a question asks for step back for that list.
            (c.signal === 'endpoint' && listsNames(facets) && namedScenarios(facets).length > 0
              ? w.listedName
              : 0) -
            // "Our Check Point can't do service tags: where do I get the IP ranges behind
            // AzureMachineLearning?": a tag's card offers host names, not the addresses asked for.
            (rangesOfTags ? w.tagAsRanges : 0),
        }
      : c,
  );
  // A port no rule uses ("do I need 8889 for VS Code") is not the whole question: the rest of it
  // may still name something the knowledge answers, and the answer says the port is not in it.
  const unknownPorts = facets.ports.filter((p) => rulesForPort(k, p.port).length === 0);
  const onlyUnknownPorts =
    errors.length === 0 &&
    direct.length === 0 &&
    unknownPorts.length > 0 &&
    unknownPorts.length === facets.ports.length;
  const noPortWhy = `no rule in the knowledge uses port ${unknownPorts.map((p) => p.port).join(', ')}`;
  const portNumbers = new Set(facets.ports.flatMap((p) => [String(p.port), String(p.to)]));
  const aboutMoreThanPorts = q.terms.some((t) => !isCueTerm(t) && !portNumbers.has(t));
  if (onlyUnknownPorts && !aboutMoreThanPorts) return { kind: 'none', facets, why: noPortWhy };
  if (errors.length === 0 && direct.length === 0 && !isOnTopic(k, q)) {
    return {
      kind: 'none',
      facets,
      why: onlyUnknownPorts
        ? noPortWhy
        : 'the question is not about Azure Machine Learning networking',
    };
  }
  const currencyDoubt = asksIfCurrentThingIsCurrent(k, q, matches);
  // A name in a problem report ("failed to pull from mcr.microsoft.com", "NameResolutionError for
  // ws.api.azureml.ms") is where the error shows, not what the question asks about.
  const reported = errors.length > 0;
  // A host a pasted firewall or proxy log denies ("… to westeurope.data.mcr.microsoft.com:443.
  // Action: Deny") is what to allow: its card answers before the failure it causes, however long
  // the story around it.
  // A step that names that host among the others its feature needs ("RStudio … ghcr.io blocked.
  // What do I allow?") answers it better still when the words fit it: the next host would be
  // denied next.
  const deniedCard = (c: Candidate) =>
    (c.signal === 'endpoint' || c.signal === 'port') &&
    aboutEndpointIn(k, matches.denied, c.target);
  const coversDenied = (c: Candidate) =>
    c.signal === 'words' &&
    c.score >= w.coveringStep &&
    stepNamesEndpoint(k, c.target, matches.denied);
  // Read once per question, not once per candidate.
  const servingSaid = speaksOfServing(q);
  const scored = [
    ...errors,
    ...direct
      .map((c) =>
        deniedCard(c)
          ? { ...c, score: Math.max(c.score, w.deniedName) }
          : reported
            ? { ...c, score: c.score - w.reportedName }
            : c,
      )
      // "Specific storage accounts instead of the Storage tag" asks about the other thing.
      .map((c) =>
        (c.signal === 'endpoint' || c.signal === 'port') &&
        (aboutEndpointIn(k, matches.replaced, c.target) ||
          portOfNamedEndpoint(k, matches.replaced, c.target, facets))
          ? { ...c, score: c.score - w.replacedName }
          : c,
      ),
    ...wordCandidates(k, q, hits, w, namedRulesOf(k, facets, matches), onPath, nameTerms).map(
      (c) =>
        coversDenied(c) ? { ...c, score: Math.max(c.score, w.deniedName + AHEAD_OF_HOST) } : c,
    ),
    ...scenarioCandidates(k, q, w),
  ].map((c) => {
    const penalty =
      (failureOfWhatWorks(k, c.target, facets) ? WORKING_PENALTY : 0) +
      (errorOfOtherDirection(k, c.target, facets) ? w.otherDirection : 0) +
      deploymentTargetPenalty(k, c.target, facets, servingSaid, w);
    return penalty > 0 ? { ...c, score: c.score - penalty } : c;
  });
  // "Is AzureKeyVault needed in a non-hbi workspace?" asks about the name in the setup stated,
  // which its own card answers; asked about its route, the route's disagreement may answer.
  const namesAskedPlainly = plainNeed && (matches.endpoints.length > 0 || facets.ports.length > 0);
  const claimed = namesAskedPlainly && !onPath ? scored : withFittingClaims(k, q, scored, w);
  const listed = towardTheirList(k, facets, claimed, w);
  const doubted = currencyDoubt ? belowOwnCard(listed) : listed;
  const candidates = asksZonesOfStatedCloud(q) ? belowStatedCloudZones(k, q, doubted) : doubted;
  // Two scenarios the question names are answered together (the slice covers both), so a tie
  // between them is no reason to ask back.
  const named = namedScenarios(facets);
  const bothNamed = (a: Target, b: Target) =>
    a.kind === 'scenario' &&
    b.kind === 'scenario' &&
    named.includes(a.id as ScenarioId) &&
    named.includes(b.id as ScenarioId);
  const decision = decide(
    candidates,
    (a, b) => {
      if (bothNamed(a, b)) return true;
      const of = new Set(scenariosOf(k, a).map((s) => subjectOf(k, s)));
      return scenariosOf(k, b).some((s) => of.has(subjectOf(k, s)));
    },
    // "Is 443 enough for compute?" is answered with compute's rules, not the port's.
    (answer, runnerUp) =>
      !facets.asks.has('enough') && shownByAnswer(k, answer, runnerUp, facets.direction),
  );
  const signal = (t: Target) =>
    candidates.find((c) => c.target.kind === t.kind && c.target.id === t.id)?.signal ?? 'words';
  // A question that says nothing about networking and matches only loosely by shared words
  // ("the instance doesn't stop after idle shutdown") is outside the bot's subject: saying so
  // beats a confident card about something else.
  // A question about something else (see the facet `otherSubject`) that asks about traffic in or
  // out ("mlflow.log_metric hangs … do jobs need outbound to the workspace?") is networking.
  const otherSubject = facets.otherSubject === true && facets.direction === undefined;
  const loose =
    decision.kind === 'choices' ||
    (decision.kind === 'answer' &&
      (signal(decision.target) === 'words' || signal(decision.target) === 'scenario') &&
      // However many words a failure outside the network (see the facet) shares with an item.
      (facets.failsOutsideNetwork !== undefined ||
        decision.confidence <
          // A scenario named in the story around another subject is no more than context.
          (facets.scenarios.length === 0 || otherSubject
            ? OFF_SUBJECT_UNNAMED_SCORE
            : OFF_SUBJECT_SCORE)));
  // A known error's own pattern puts a message in the subject even without a network word: the
  // knowledge holds only errors of networking ("VS Code … could not install the server").
  // A failure outside the network says what went wrong, whichever network error it also fits.
  const knownErrorAnswers =
    facets.failsOutsideNetwork === undefined &&
    decision.kind === 'answer' &&
    errors.some(
      (c) =>
        c.matchesErrorPattern === true &&
        c.target.kind === decision.target.kind &&
        c.target.id === decision.target.id,
    );
  // So is one about something else whatever network words it carries: an opening about quota,
  // metrics or an SDK exception ("quota error? Our workspace is in a vnet…"), or another
  // product's networking in a question that never speaks of Azure ML.
  if ((!facets.networking || otherSubject) && loose && !knownErrorAnswers)
    return { kind: 'none', facets, why: 'the question is not about networking', offSubject: true };
  switch (decision.kind) {
    case 'answer': {
      // An error found by its words, not by a pasted message, may be asked about as a topic.
      const { target, alternatives } =
        signal(decision.target) === 'words'
          ? asTopicOrFailure(k, decision.target, decision.alternatives, facets)
          : decision;
      // Two regions named ("the workspace is in eastus2, our AKS in centralus") are what
      // "another region" says, to the claims as to the ranking.
      const claimWords = facets.regionsNamed ? [...q.words, ...ACROSS_REGIONS] : q.words;
      // A report that ends on a yes/no question gets a stored claim only for that question's words.
      // Claims answer whether something is right or needed: asked whether it is a problem, their
      // yes or no would read the wrong way round.
      const yesNo = facets.asks.has('harm')
        ? undefined
        : facets.asks.has('yesno')
          ? storedYesNo(k, target, claimWords)
          : facets.yesNoLast !== undefined
            ? storedYesNo(k, target, facets.yesNoLast)
            : undefined;
      return {
        kind: 'answer',
        target,
        alternatives,
        confidence: decision.confidence,
        facets,
        why: `best match by ${signal(decision.target)}`,
        ...(yesNo ? { yesNo } : {}),
      };
    }
    case 'choices':
      return {
        kind: 'choices',
        candidates: decision.candidates,
        facets,
        why: 'two or more things match about equally',
      };
    case 'none':
      return {
        kind: 'none',
        facets,
        why: onlyUnknownPorts
          ? noPortWhy
          : 'nothing in the knowledge matches the question well enough',
      };
  }
}

/**
 * Two host names or more in a question that asks what to allow ("the proxy blocks
 * update.code.visualstudio.com and *.vo.msecnd.net: what's the full list for VS Code?") are
 * examples from a list: a step whose text lists them all is that list.
 */
function towardTheirList(
  k: Knowledge,
  f: Facets,
  candidates: readonly Candidate[],
  w: Weights,
): Candidate[] {
  const names = f.dottedNames;
  if (names.length < 2 || !asksWhatToAllow(f)) return [...candidates];
  return candidates.map((c) => {
    const text = c.target.kind === 'step' ? stepById(k, c.target.id)?.text : undefined;
    return text !== undefined && names.every((n) => text.includes(n))
      ? { ...c, score: c.score + w.listedName }
      : c;
  });
}

/** How far below the best a disagreement may be and still gain for a claim that fits. */
const CLAIM_REACH = 0.15;
/** A step's claim only breaks a near-tie: it may fit words asked about something else. */
const STEP_CLAIM_REACH = 0.02;

/**
 * "Route table with AzureMachineLearning to Internet: do I need a BatchNodeManagement route too?"
 * asks the very yes/no a disagreement records a claim for ("batch" and "route" → No), so that
 * disagreement answers ahead of the step whose words it shares. A step's claim may fit words asked
 * about something else, so it only breaks a near-tie: "is a file private endpoint needed on the
 * workspace storage?" goes to the step whose claim is about the file sub-resource. "Is it X or
 * Y?" weighs two things, which one claim does not answer.
 */
function withFittingClaims(
  k: Knowledge,
  q: ParsedQuestion,
  candidates: Candidate[],
  w: Weights,
): Candidate[] {
  const f = q.facets;
  const words = f.asks.has('yesno') ? q.words : f.yesNoLast;
  if (words === undefined || f.asks.has('compare')) return candidates;
  const best = Math.max(0, ...candidates.map((c) => c.score));
  return candidates.map((c) => {
    if (c.target.kind !== 'conflict' && c.target.kind !== 'step') return c;
    const conflict = c.target.kind === 'conflict';
    const fits =
      c.score >= best - (conflict ? CLAIM_REACH : STEP_CLAIM_REACH) &&
      storedYesNo(k, c.target, words) !== undefined;
    return fits ? { ...c, score: c.score + (conflict ? w.claimFits : w.stepClaimFits) } : c;
  });
}

/** A step's or a disagreement's stored yes or no that fits the question's words. */
function storedYesNo(
  k: Knowledge,
  target: Target,
  words: readonly string[],
): YesNoClaim | undefined {
  if (target.kind === 'step') return claimFor(stepById(k, target.id)?.yesNo, words);
  if (target.kind === 'conflict') return claimFor(conflictById(k, target.id)?.yesNo, words);
  return undefined;
}

/**
 * "Do we need AzureFrontDoor.FrontEnd in Azure China?" names a rule the sources say that cloud
 * does without: the name's own card says so ("No: … isn't needed"), which the cloud's general
 * note on host names does not.
 */
function namesRuleNotNeededInCloud(k: Knowledge, q: ParsedQuestion): boolean {
  const cloud = q.facets.cloud;
  if (cloud === undefined || cloud === 'public') return false;
  return k.cloudEndpoints.some((e) => {
    if (e.cloud !== cloud || e.notNeeded !== true) return false;
    const endpoint = ruleById(k, e.rule)?.endpoint;
    return endpoint !== undefined && q.lower.includes(endpoint.toLowerCase());
  });
}
