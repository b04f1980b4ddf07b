// Ranks what the knowledge could answer a question with. Direct signals come first (a pasted error,
// a port, a service tag or host name); the words of the question are matched with BM25 against each
// item's title, names, the ways people ask about it (`ask` in the data) and its text.
import type {
  Condition,
  ErrorPattern,
  Knowledge,
  Rule,
  ScenarioId,
} from '../knowledge/knowledge.schema';
import {
  aliasesTyped,
  conflictById,
  errorById,
  findByEndpoint,
  findByError,
  fitsTemplate,
  ruleById,
  ruleLabel,
  scenarioById,
  inverseDocumentFrequency,
  isIndexed,
  searchByTerms,
  stepById,
  stepSpeaksForCloud,
} from '../knowledge/lookup.query';
import { matchErrorPattern } from '../knowledge/error-pattern';
import { requiredPublicIp, underStated } from '../knowledge/condition.query';
import type { ParsedQuestion, StatedConditions } from './facets';
import { lexiconOf } from './lexicon';
import { indexTerms, PHRASE_JOIN, stem } from './normalise';
import type { Weights } from './weights';

export type TargetKind = 'scenario' | 'rule' | 'step' | 'error' | 'conflict' | 'port' | 'endpoint';

/**
 * What the bot can show. For `port` the id is the port number as text ("44224"); for `endpoint`
 * it is the endpoint as written in the knowledge ("Storage.<region>", "mcr.microsoft.com").
 */
export interface Target {
  kind: TargetKind;
  id: string;
  label: string;
}

export interface Candidate {
  target: Target;
  /** 0..1: how plausible this is as the answer. */
  score: number;
  /** Which signal found it, for logs and evaluation: `error` is a pasted error message. */
  signal: 'error' | 'port' | 'endpoint' | 'words' | 'scenario';
  /** A known error whose own pattern the text matches ("VS Code … could not … install"). */
  matchesErrorPattern?: boolean;
}

export function targetKey(t: Pick<Target, 'kind' | 'id'>): string {
  return `${t.kind}:${t.id}`;
}

export function rulesForPort(k: Knowledge, port: number): Rule[] {
  return k.rules.filter((r) => r.ports.some((p) => p.from <= port && port <= p.to));
}

/** The rules a target's card lists: the rule itself, a port's or a name's rules; none for others. */
export function rulesShown(k: Knowledge, t: { kind: string; id: string }): Rule[] {
  if (t.kind === 'rule') {
    const rule = ruleById(k, t.id);
    return rule ? [rule] : [];
  }
  if (t.kind === 'port') return rulesForPort(k, Number(t.id));
  if (t.kind === 'endpoint') return k.rules.filter((r) => r.endpoint === t.id);
  return [];
}

/**
 * The rules that go the way a question asks ("which outbound ports does AzureMachineLearning
 * need?"); all of them when none does, so an answer can say the name goes the other way.
 */
export function inDirectionAsked<R extends Pick<Rule, 'direction'>>(
  rules: readonly R[],
  direction: Rule['direction'] | undefined,
): readonly R[] {
  const asked = rules.filter((r) => r.direction === direction);
  return asked.length > 0 ? asked : rules;
}

/**
 * Whether a runner-up would show nothing the answer doesn't: a rule or port whose rules are all
 * on the answer's card ("outbound AzureMachineLearning TCP 443" under the tag's own card).
 */
export function shownByAnswer(
  k: Knowledge,
  answer: Pick<Target, 'kind' | 'id'>,
  runnerUp: Pick<Target, 'kind' | 'id'>,
  direction: Rule['direction'] | undefined,
): boolean {
  const own = rulesShown(k, runnerUp);
  if (own.length === 0 || answer.kind === 'rule') return false;
  const onCard = new Set(inDirectionAsked(rulesShown(k, answer), direction).map((r) => r.id));
  return own.every((r) => onCard.has(r.id));
}

export function portTarget(k: Knowledge, port: number): Target {
  const endpoints = [...new Set(rulesForPort(k, port).map((r) => r.endpoint))];
  const more = endpoints.length > 2 ? ` and ${endpoints.length - 2} more` : '';
  return {
    kind: 'port',
    id: String(port),
    label: `Port ${port}: ${endpoints.slice(0, 2).join(', ')}${more}`,
  };
}

export function endpointTarget(k: Knowledge, endpoint: string): Target {
  const rules = k.rules.filter((r) => r.endpoint === endpoint);
  const directions = [...new Set(rules.map((r) => r.direction))].join('/');
  return {
    kind: 'endpoint',
    id: endpoint,
    label: directions ? `${endpoint} (${directions})` : endpoint,
  };
}

/** The target for an item of the knowledge; undefined when no such item exists. */
export function targetFor(k: Knowledge, kind: TargetKind, id: string): Target | undefined {
  switch (kind) {
    case 'scenario': {
      const s = scenarioById(k, id);
      return s && { kind, id, label: s.title };
    }
    case 'step': {
      const s = stepById(k, id);
      return s && { kind, id: s.id, label: s.title };
    }
    case 'rule': {
      const r = ruleById(k, id);
      return r && { kind, id, label: ruleLabel(r) };
    }
    case 'error': {
      const e = errorById(k, id);
      return e && { kind, id: e.id, label: e.title };
    }
    case 'conflict': {
      const c = conflictById(k, id);
      return c && { kind, id, label: c.topic };
    }
    case 'port': {
      const port = /^\d{1,5}$/.test(id) ? Number(id) : NaN;
      return port >= 1 && port <= 65535 ? portTarget(k, port) : undefined;
    }
    case 'endpoint':
      return k.rules.some((r) => r.endpoint === id) ? endpointTarget(k, id) : undefined;
  }
}

export function scenariosOf(k: Knowledge, t: Pick<Target, 'kind' | 'id'>): readonly ScenarioId[] {
  switch (t.kind) {
    case 'scenario':
      return scenarioById(k, t.id) ? [t.id as ScenarioId] : [];
    case 'step':
      return stepById(k, t.id)?.scenarios ?? [];
    case 'rule':
      return ruleById(k, t.id)?.scenarios ?? [];
    case 'error':
      return errorById(k, t.id)?.scenarios ?? [];
    case 'conflict':
      return conflictById(k, t.id)?.scenarios ?? [];
    case 'port':
      return [...new Set(rulesForPort(k, Number(t.id)).flatMap((r) => r.scenarios))];
    case 'endpoint':
      return [...new Set(k.rules.filter((r) => r.endpoint === t.id).flatMap((r) => r.scenarios))];
  }
}

// ─── Words: BM25 over every item ─────────────────────────────────────────────────────────────

export interface WordHit {
  kind: TargetKind;
  id: string;
  /** BM25 relative to the best hit, 0..1. */
  relative: number;
  /** Share of the question's terms the item matched, weighted by how rare each term is, 0..1. */
  coverage: number;
  /**
   * How completely the question contains one of the ways people ask about the item (or its
   * title), weighted by rarity, 0..1: a long question that holds "cluster without public ip"
   * whole is about that item, however many other words it has.
   */
  containment: number;
  /**
   * The rarity, summed, of the most specific phrasing of the item the question holds (most of it,
   * see `HELD_SHARE`): in a long message nearly every item's short phrasing is held whole, and
   * the one whose long, rare phrasing is held too says most about what the message is about.
   */
  heldPhrasing: number;
  /** Share of the asking sentence's terms (by rarity) the item matched; 1 when none stands out. */
  focusShare: number;
  /** The question's terms the item matched (single terms, not phrases). */
  matched: readonly string[];
}

/** A phrasing's terms with their rarity, and the sum of it: all that containment reads. */
interface Phrasing {
  terms: readonly { term: string; idf: number }[];
  total: number;
}

/** Each item's `ask` phrasings and title as weighted terms, for containment; built once. */
const phrasings = new WeakMap<Knowledge, ReadonlyMap<string, readonly Phrasing[]>>();

function phrasingsOf(k: Knowledge): ReadonlyMap<string, readonly Phrasing[]> {
  let found = phrasings.get(k);
  if (!found) {
    const map = new Map<string, Phrasing[]>();
    const phrasing = (text: string): Phrasing => {
      const terms = [...new Set(indexTerms(text))].map((term) => ({
        term,
        idf: inverseDocumentFrequency(k, term),
      }));
      return { terms, total: terms.reduce((sum, t) => sum + t.idf, 0) };
    };
    const add = (kind: TargetKind, id: string, texts: readonly string[]) =>
      map.set(
        `${kind}:${id}`,
        texts.map(phrasing).filter((p) => p.terms.length >= 2 && p.total > 0),
      );
    for (const s of k.scenarios) add('scenario', s.id, [s.title, ...(s.ask ?? [])]);
    for (const r of k.rules) add('rule', r.id, r.ask ?? []);
    for (const s of k.steps) add('step', s.id, [s.title, ...(s.ask ?? [])]);
    for (const e of k.errors) add('error', e.id, [e.title, ...(e.ask ?? [])]);
    for (const c of k.conflicts) add('conflict', c.id, [c.topic, ...(c.ask ?? [])]);
    found = map;
    phrasings.set(k, found);
  }
  return found;
}

/** How much of a phrasing (by rarity) a question must hold for `heldPhrasing` to count it. */
const HELD_SHARE = 0.8;

/** `containment` and `heldPhrasing` of one item, from one pass over its phrasings. */
function containmentOf(
  k: Knowledge,
  key: string,
  asked: ReadonlySet<string>,
): { containment: number; heldPhrasing: number } {
  let containment = 0;
  let heldPhrasing = 0;
  for (const { terms, total } of phrasingsOf(k).get(key) ?? []) {
    let have = 0;
    for (const t of terms) if (asked.has(t.term)) have += t.idf;
    containment = Math.max(containment, have / total);
    if (have >= HELD_SHARE * total) heldPhrasing = Math.max(heldPhrasing, have);
  }
  return { containment, heldPhrasing };
}

/** How many of a question's terms are matched with typos allowed. */
const MAX_FUZZY_TERMS = 16;

/** Up to this many terms, even words the index holds get fuzzy neighbours. */
const FUZZY_KNOWN_TERMS_UP_TO = 24;

export function wordHits(
  k: Knowledge,
  terms: readonly string[],
  phraseBoost: number,
  limit = 30,
  focus: { terms: ReadonlySet<string>; boost: number } = { terms: new Set(), boost: 1 },
  /** Items ("kind:id") kept past the limit when they match at all. */
  always: ReadonlySet<string> = new Set(),
): WordHit[] {
  if (terms.length === 0) return [];
  const phrases = terms.slice(1).map((t, i) => `${terms[i]}${PHRASE_JOIN}${t}`);
  // Fuzzy matching looks at every indexed term of a similar length: only a question's first terms
  // get it, so a long message costs no more than a question (later terms and phrases match
  // exactly). In a long message a term the index holds as it is gets no fuzzy neighbours either:
  // enough of its words match exactly.
  const long = terms.length > FUZZY_KNOWN_TERMS_UP_TO;
  const fuzzyAllowed = new Set(
    terms.slice(0, MAX_FUZZY_TERMS).filter((t) => !long || !isIndexed(k, t)),
  );
  const results = searchByTerms(
    k,
    [...terms, ...phrases].map((term) => ({
      term,
      boost:
        (term.includes(PHRASE_JOIN) ? phraseBoost : 1) *
        (focus.terms.has(term) || term.split(PHRASE_JOIN).every((t) => focus.terms.has(t))
          ? focus.boost
          : 1),
      fuzzy: fuzzyAllowed.has(term) && term.length >= 7 ? 0.15 : false,
    })),
  );
  const weight = new Map(
    terms.map((t) => [t, inverseDocumentFrequency(k, t) * (focus.terms.has(t) ? focus.boost : 1)]),
  );
  const asked = new Set(terms);
  const total = [...weight.values()].reduce((a, b) => a + b, 0);
  // The asking sentence's terms by rarity, without the focus boost: what `focusShare` reads.
  const focusWeight = new Map(
    terms.filter((t) => focus.terms.has(t)).map((t) => [t, inverseDocumentFrequency(k, t)]),
  );
  const focusTotal = [...focusWeight.values()].reduce((a, b) => a + b, 0);
  const top = results[0]?.score ?? 1;
  const kept = results.filter(
    (r, i) => i < limit || (always.size > 0 && always.has(`${r.kind}:${r.id}`)),
  );
  return kept.map((r) => {
    const queryTerms = [...new Set(r.queryTerms)];
    return {
      kind: r.kind as TargetKind,
      id: r.id,
      relative: r.score / top,
      coverage: queryTerms.reduce((sum, t) => sum + (weight.get(t) ?? 0), 0) / total,
      ...containmentOf(k, `${r.kind}:${r.id}`, asked),
      matched: queryTerms.filter((t) => asked.has(t)),
      focusShare:
        focusTotal === 0
          ? 1
          : queryTerms.reduce((sum, t) => sum + (focusWeight.get(t) ?? 0), 0) / focusTotal,
    };
  });
}

// ─── Conditions the user stated against an item's condition ──────────────────────────────────

export function conditionOf(k: Knowledge, t: Pick<Target, 'kind' | 'id'>): Condition | undefined {
  if (t.kind === 'step') return stepById(k, t.id)?.condition;
  if (t.kind === 'rule') return ruleById(k, t.id)?.condition;
  return undefined;
}

/**
 * +: written for the setup the user describes; −: for the other kind (public IP or not, a managed
 * network or a VNet of one's own).
 */

/**
 * Fit to the public-IP setup the question states. "Does compute need a public IP?" states none but
 * is answered by what compute without one needs: there only the item written for exactly that
 * gains, and nothing loses.
 */
export function publicIpFit(k: Knowledge, t: Target, q: ParsedQuestion): number {
  const told = q.facets.conditions.computePublicIp;
  const asked = told === undefined && q.facets.asks.has('publicIp');
  const stated = asked ? false : told;
  if (stated === undefined) return 0;
  const condition = conditionOf(k, t);
  const required = condition && requiredPublicIp(condition);
  if (condition === undefined || required === undefined) return 0;
  if (required !== stated) return asked ? 0 : -OTHER_SETUP;
  // Written for exactly the setup described ("how do I make clusters get no public IP"), not for
  // it plus something unsaid (a NAT gateway is for no public IP *and* no firewall).
  const setup = asked ? { computePublicIp: false } : q.facets.conditions;
  const exact = underStated(condition, setup) === true;
  return exact ? STATED_SETUP + EXACT_SETUP : asked ? 0 : STATED_SETUP;
}

/**
 * An item written for another way out than the one the question states: "pip install behind
 * azure firewall" is not answered by the NAT gateway that compute needs with NSGs only.
 */
export function egressFit(k: Knowledge, t: Target, q: ParsedQuestion): number {
  const egress = q.facets.conditions.egress;
  if (egress === undefined) return 0;
  const condition = conditionOf(k, t);
  if (condition === undefined) return 0;
  return underStated(condition, { egress }) === false ? -OTHER_SETUP : 0;
}

/** An item written for the public-IP setup the question states, or for the other one. */
const STATED_SETUP = 0.06;
const OTHER_SETUP = 0.15;
/** What an item written for exactly the described setup gains over one that needs more. */
const EXACT_SETUP = 0.06;

function ownEgress(c: StatedConditions): boolean {
  return (
    c.egress === 'azure-firewall' || c.egress === 'firewall-no-tags' || c.forcedTunnel === true
  );
}

export function networkFit(k: Knowledge, t: Target, q: ParsedQuestion, w: Weights): number {
  const stated = q.facets.conditions.network;
  const of =
    t.kind === 'step'
      ? stepById(k, t.id)?.network
      : t.kind === 'scenario'
        ? scenarioById(k, t.id)?.network
        : undefined;
  // Traffic sent through a firewall of one's own or a forced tunnel is a VNet of one's own: the
  // managed network's steps ("add an FQDN outbound rule") do not answer "what fqdns to allow on
  // azure firewall", though nothing says which steps of a VNet of one's own do.
  if (stated === undefined && of === 'managed' && ownEgress(q.facets.conditions))
    return -w.otherNetwork;
  // A managed network has no NSG of the user's: "does a managed vnet workspace need my NSG
  // rules?" is not answered by a rule or a disagreement about what an NSG allows.
  if (stated === 'managed' && of === undefined && asksAboutNsgs(q) && aboutOwnNsg(k, t))
    return -w.otherNetwork;
  if (stated === undefined || of === undefined) return 0;
  return of === stated ? w.statedNetwork : -w.otherNetwork;
}

/** Whether the question speaks of NSGs, which only a VNet of one's own has. */
function asksAboutNsgs(q: ParsedQuestion): boolean {
  return /\bnsgs?\b|\bnetwork security groups?\b/.test(q.lower);
}

/** A rule that an NSG or firewall of one's own holds (not a setting), or a disagreement on one. */
function aboutOwnNsg(k: Knowledge, t: Target): boolean {
  if (t.kind === 'conflict') return true;
  return t.kind === 'rule' && ruleById(k, t.id)?.endpointKind !== 'setting';
}

/**
 * Whether the item is one the knowledge lists for the cloud the question names ("in Azure China",
 * "usgovvirginia"): in those clouds the cloud's own notes answer before the public-cloud ones.
 */
export function aboutStatedCloud(k: Knowledge, t: Target, q: ParsedQuestion): boolean {
  return t.kind === 'step' && stepSpeaksForCloud(k, q.facets.cloud, t.id);
}

/**
 * A public-cloud name that the cloud the question states replaces with its own ("which login host
 * in US Gov Arizona, given the lists say login.microsoftonline.com?"): named to be compared, its
 * public card does not answer for that cloud.
 */
export function replacedInStatedCloud(k: Knowledge, endpoint: string, q: ParsedQuestion): boolean {
  const cloud = q.facets.cloud;
  if (cloud === undefined || cloud === 'public') return false;
  const rules = new Set(k.rules.filter((r) => r.endpoint === endpoint).map((r) => r.id));
  return k.cloudEndpoints.some(
    (e) => e.cloud === cloud && rules.has(e.rule) && e.endpoint !== null && e.endpoint !== endpoint,
  );
}

/** A step the knowledge lists for the sovereign clouds (their host names, their DNS zones). */
export function forSovereignCloudsOnly(k: Knowledge, t: Target): boolean {
  return t.kind === 'step' && k.clouds.some((c) => c.steps.includes(t.id));
}

// ─── Direct signals ──────────────────────────────────────────────────────────────────────────

/** A regex that only names port numbers ("\b44224\b"): alone it marks a question, not an error. */
function isPortOnlyPattern(regex: string): boolean {
  return /\d/.test(regex) && regex.replace(/\\b|\d|\.\*|[()[\]|?\s]/g, '') === '';
}

/**
 * A pattern that names a host or setting ("azurecr.io", "image_build_compute") rather than the
 * text of an error; an upper-case code ("INTERNAL_LOAD_BALANCER_NOT_SUPPORT") is an error's own.
 */
function isNamePattern(contains: string): boolean {
  const code = /^[A-Z0-9_]+$/.test(contains);
  return !code && !/\s/.test(contains) && /[._]/.test(contains);
}

/** A regex that names a permission or resource path ("virtualNetworks/(subnets/)?join/action"). */
function isPathPattern(regex: string): boolean {
  return regex.includes('/') && !/\s/.test(regex);
}

/** The words a pattern spells out, regex syntax removed: "not authori[sz]ed" → 2. */
function literalWords(pattern: string): number {
  return pattern
    .replace(/\[[^\]]*\]/g, 'x')
    .replace(/\\[bdsw]|[()?*+|^$.\\]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 1).length;
}

/**
 * A pattern that identifies one error: an error code ("ImageBuildComputeNotValid") or a literal
 * message of three words or more. Two common words ("not authorized", "allocation state") and
 * descriptive regexes ("nsg.*block") only say the text is about it.
 */
function isIdentifying(pattern: ErrorPattern): boolean {
  const text = 'contains' in pattern ? pattern.contains : pattern.regex;
  if ('contains' in pattern && isNamePattern(text)) return false;
  if ('regex' in pattern && (/\.\*|\\b\d|\|/.test(text) || isPathPattern(text))) return false;
  const code = /^[A-Za-z_]+$/.test(text) && /[a-z][A-Z]|_/.test(text);
  return text.length >= 12 && (code || literalWords(text) >= 3);
}

/**
 * Whether the sentence that asks is about this item: it matches at least `share` of what that
 * sentence names ("storage mount errors appear. What should the DNS servers forward?" asks about
 * DNS, not about the mount error). An item no word matched, or a message with no asking sentence
 * apart from the rest, counts as asked about.
 */
export function askedAbout(hit: WordHit | undefined, share: number): boolean {
  return (hit?.focusShare ?? 1) >= share;
}

export function errorCandidates(
  k: Knowledge,
  q: ParsedQuestion,
  hits: readonly WordHit[] = [],
  /** The least share of the asking sentence an error must match to be the problem reported. */
  askedShare = 0,
): Candidate[] {
  const problem = q.facets.asks.has('problem');
  return findByError(k, q.raw).flatMap((hit) => {
    const error = errorById(k, hit.id);
    if (!error) return [];
    const matching = error.patterns.filter((p) =>
      'contains' in p
        ? !isNamePattern(p.contains) && q.lower.includes(p.contains.toLowerCase())
        : !isPortOnlyPattern(p.regex) &&
          !isPathPattern(p.regex) &&
          matchErrorPattern(p.regex, q.raw) > 0,
    );
    if (!problem && matching.length === 0) return [];
    const target = targetFor(k, 'error', hit.id);
    // The pasted text of a known error is the strongest signal there is. A descriptive pattern
    // ("nsg.*block") only counts as far as the rest of the question is about that error too.
    // How much of the rest is about it: the share of the question's rare words the error holds,
    // and how it ranks by words against every other item.
    const words = hits.find((h) => h.kind === 'error' && h.id === hit.id);
    const about = words ? 0.6 * words.coverage + 0.4 * words.relative : 0;
    const pasted = matching.some(isIdentifying);
    // "Storage mount errors appear. What should the DNS servers forward?" reports the error as
    // what happened, and asks about something else.
    const reported = problem && askedAbout(words, askedShare);
    const score = pasted
      ? 0.9 + 0.08 * hit.score
      : (matching.length > 0 && reported ? 0.5 : 0.4) + 0.45 * about;
    // Only a pasted message is the error's own signal; a description of it is a match by words.
    const signal = pasted ? ('error' as const) : ('words' as const);
    return target ? [{ target, score, signal, matchesErrorPattern: matching.length > 0 }] : [];
  });
}

/** Hosts named by the product they serve (see the facet `products`). */
function productMentions(k: Knowledge, q: ParsedQuestion): string[] {
  const { productHosts } = lexiconOf(k);
  return (q.facets.products ?? []).flatMap((product) => productHosts.get(product) ?? []);
}

/**
 * Undotted service-tag names as typed: "AzureMachineLearning", "storage tag", "ARM", and in a
 * question about tags the name typed in words: "a service tag for Azure Front Door".
 */
function tagMentions(k: Knowledge, q: ParsedQuestion): string[] {
  const { bases, families } = lexiconOf(k).tagNames;
  const aboutTags = q.facets.asks.has('tags');
  const found: string[] = [];
  const typed = q.raw.split(/[\s,;:()'"`?!]+/).slice(0, 400);
  typed.forEach((word, i) => {
    if (word.length > 60 || word.includes('.')) return;
    const lower = word.toLowerCase();
    const next = (typed[i + 1] ?? '').toLowerCase();
    // A tag typed with its capitals, or any tag name followed by "tag": "Storage tag".
    const capitalised = /[A-Z]/.test(word.slice(1)) || /^[A-Z]{2,}/.test(word);
    // "Outbound to storage", "rules to reach storage", "does compute need storage outbound": a
    // tag's plain name as where traffic goes, in a question about rules in a direction.
    const destination =
      q.facets.direction !== undefined &&
      q.facets.asks.has('rules') &&
      (/^(to|reach|reaching|reaches)$/.test((typed[i - 1] ?? '').toLowerCase()) ||
        /^(outbound|egress)$/.test(next));
    if (bases.has(lower) && (capitalised || /^tags?$/.test(next) || destination)) found.push(lower);
    for (let n = 2; n <= 4 && i + n <= typed.length; n++) {
      const joined = typed
        .slice(i, i + n)
        .join('')
        .toLowerCase();
      // "Azure Machine Learning service tag" names the tag; "the Azure Machine Learning service"
      // names the product.
      const after = (typed[i + n] ?? '').toLowerCase();
      const tagFollows =
        /^tags?$/.test(after) ||
        (after === 'service' && /^tags?$/.test((typed[i + n + 1] ?? '').toLowerCase()));
      const named = tagFollows || aboutTags;
      if (!named) continue;
      if (bases.has(joined)) found.push(joined);
      else found.push(...(families.get(joined) ?? []));
    }
    if (aboutTags && capitalised) found.push(...(families.get(lower) ?? []));
  });
  return found;
}

/** Names the question types that match rule endpoints, best endpoints first. */
export interface EndpointMatches {
  /** Rule endpoints the question names, the most specific spelling first. */
  endpoints: string[];
  /** Disagreements about endpoints no rule carries any more (an obsolete registry). */
  obsoleteConflicts: string[];
  /**
   * Disagreements on a retired rule whose name was typed but whose current rule answers
   * instead: "is BatchNodeManagement still needed?" doubts the retirement.
   */
  retiredConflicts: string[];
  /** The names as typed. */
  names: string[];
  /** Rule endpoints of the names a pasted firewall or proxy log denies (see `deniedNames`). */
  denied: ReadonlySet<string>;
  /**
   * Rule endpoints of names the question wants to do without ("specific storage accounts instead
   * of the Storage tag"): what it asks about is the other thing.
   */
  replaced: ReadonlySet<string>;
  /**
   * Disagreements about the spelling of a name the question types the way only some articles
   * write it ("Frontdoor.FirstParty is not a valid service tag").
   */
  spellingConflicts: string[];
  /** Steps that write the shape of a typed host no rule carries (see the lexicon's `stepHosts`). */
  hostSteps: string[];
}

/** "Instead of the Storage tag", "rather than *.blob.core.windows.net": a name to do without. */
const REPLACING =
  /\b(?:instead of|rather than|other than|apart from)\s{1,3}(?:(?:the|a|an|our|that|this)\s{1,3})?$/;

/**
 * "Storage.eastus lets compute write to any account in the region, how do we restrict that?",
 * "the Storage tag is too broad": the names the message gives are what it wants narrowed.
 */
const NARROWING =
  /\b(?:restrict|narrow|limit|tighten|scope)(?:s|ed|ing)? (?:that|it|this|them|those|these)\b|\block(?:s|ed|ing)? (?:that|it|this|them|those|these) down\b|\btoo (?:broad|wide|open|permissive|generic)\b/;

function replacedInQuestion(lower: string, name: string): boolean {
  let from = 0;
  for (let n = 0; n < 10; n++) {
    const at = lower.indexOf(name, from);
    if (at < 0) return false;
    if (REPLACING.test(lower.slice(Math.max(0, at - 40), at))) return true;
    from = at + name.length;
  }
  return false;
}

export function endpointMatches(k: Knowledge, q: ParsedQuestion): EndpointMatches {
  const names = [
    ...new Set([
      ...q.facets.dottedNames.filter((n) => !n.startsWith('privatelink.')),
      ...tagMentions(k, q),
      ...productMentions(k, q),
    ]),
  ].slice(0, 20);
  const endpoints: string[] = [];
  const obsolete: string[] = [];
  const retired: string[] = [];
  const deniedNames = new Set(q.facets.deniedNames ?? []);
  const denied = new Set<string>();
  const replaced = new Set<string>();
  const spelling: string[] = [];
  const narrowing = NARROWING.test(q.lower);
  const hostSteps: string[] = [];
  for (const name of names) {
    // Copied whole ("Keyvault.westeurope"), not a word of it ("key vault").
    if (name.includes('.'))
      for (const { rule, alias } of aliasesTyped(k, name))
        spelling.push(...(rule.conflicts ?? []).filter((id) => conflictNames(k, id, alias)));
    const hits = findByEndpoint(k, name).filter((h) => h.score >= 0.8);
    let ruleHits = hits.filter((h) => h.kind === 'rule');
    // "BatchNodeManagement outbound" means the regional tag's outbound rule, not the inbound one.
    const direction = q.facets.direction;
    const sameDirection = ruleHits.filter((h) => ruleById(k, h.id)?.direction === direction);
    if (direction && sameDirection.length > 0) ruleHits = sameDirection;
    // A bare "BatchNodeManagement" names the tag, whose current rule is the regional outbound
    // one; the retired inbound rule answers only when its direction is asked for.
    const current = ruleHits.filter((h) => !ruleById(k, h.id)?.retired);
    if (!direction && current.length > 0 && current.length < ruleHits.length) {
      for (const h of ruleHits)
        if (!current.includes(h)) retired.push(...(ruleById(k, h.id)?.conflicts ?? []));
      ruleHits = current;
    }
    const top = Math.max(0, ...ruleHits.map((h) => h.score));
    const best = ruleHits
      .filter((h) => h.score >= top)
      .map((h) => ruleById(k, h.id)?.endpoint)
      .filter((e): e is string => e !== undefined)
      // The most specific template first: <region>.tundra.azureml.ms over *.azureml.ms.
      .sort((a, b) => b.replace(/<[^>]+>|\*/g, '').length - a.replace(/<[^>]+>|\*/g, '').length);
    const specific = best[0];
    if (!specific && name.includes('.') && !q.facets.sourcesDisagree)
      for (const [template, ids] of lexiconOf(k).stepHosts)
        if (fitsTemplate(template, name) && askedAboutHost(q, template)) hostSteps.push(...ids);
    if (specific) {
      const literal = (e: string) => e.replace(/<[^>]+>|\*/g, '').length;
      const found = best.filter((e) => literal(e) === literal(specific));
      endpoints.push(...found);
      // A firewall denies a host; a service tag named near "blocked" is what is allowed or not.
      const hosts = found.filter((e) =>
        ruleHits.some((h) => {
          const rule = ruleById(k, h.id);
          return rule?.endpoint === e && rule.endpointKind === 'fqdn';
        }),
      );
      if (deniedNames.has(name)) for (const e of hosts) denied.add(e);
      if (narrowing || replacedInQuestion(q.lower, name)) for (const e of found) replaced.add(e);
    }
    for (const h of hits) {
      if (
        h.kind === 'conflict' &&
        h.score >= top &&
        (conflictById(k, h.id)?.endpoints ?? []).length > 0
      )
        obsolete.push(h.id);
    }
  }
  return {
    endpoints: [...new Set(endpoints)],
    obsoleteConflicts: [...new Set(obsolete)],
    retiredConflicts: [...new Set(retired)],
    names,
    denied,
    replaced,
    spellingConflicts: [...new Set(spelling)],
    hostSteps: [...new Set(hostSteps)],
  };
}

/**
 * Whether the sentence that asks names a host of the template's shape (by its first label that
 * is no placeholder, "inference" of <endpoint>.<region>.inference.ml.azure.com), or the whole
 * message asks: a host in a pasted curl or nslookup above "what am I missing?" is the story.
 */
function askedAboutHost(q: ParsedQuestion, template: string): boolean {
  if (q.focus.size === 0) return true;
  // "Where does the scoring hostname live in DNS?" points back at the pasted host by a word for one.
  if (HOST_WORDS.some((w) => q.focus.has(w))) return true;
  const label = template.split('.').find((l) => !l.includes('<') && !l.includes('*'));
  return label !== undefined && q.focus.has(stem(label));
}

/** Words for a host name, as the asking sentence's terms hold them. */
const HOST_WORDS: readonly string[] = ['hostname', 'host', 'fqdn'].map(stem);

/** Whether a disagreement's answer is about the spelling `alias`. */
function conflictNames(k: Knowledge, id: string, alias: string): boolean {
  const c = conflictById(k, id);
  return (
    c !== undefined &&
    `${c.answer ?? ''} ${c.recommendation}`.toLowerCase().includes(alias.toLowerCase())
  );
}
