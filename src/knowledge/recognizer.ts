// Recognizes what a free-text Teams question is about: a scenario, rule, step, error, conflict,
// port or endpoint of the knowledge, offline and with a confidence threshold.
import {
  conflictById,
  errorById,
  findByEndpoint,
  findByError,
  findByKeyword,
} from './lookup.query';
import { ruleById, ruleLabel, scenarioById, stepById } from './lookup.query';
import type { Condition, Conflict, Knowledge, Rule, ScenarioId } from './knowledge.schema';

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

export type Recognition =
  | { kind: 'answer'; target: Target; confidence: number; why: string }
  | { kind: 'choices'; candidates: Target[]; why: string }
  | { kind: 'none'; why: string };

/** A text-based candidate must score at least this (0..1) to be answered or offered at all. */
export const MIN_CONFIDENCE = 0.35;
/** An answer needs this confidence; below it the bot asks back with choices. */
export const ANSWER_CONFIDENCE = 0.55;
/** …and must lead the runner-up by this much: a wrong confident answer is worse than a question. */
export const ANSWER_MARGIN = 0.1;
/** Runners-up offered as choices must reach this share of the top score. */
export const CHOICE_SHARE = 0.6;
export const MAX_CHOICES = 3;

// ─── Text normalisation ──────────────────────────────────────────────────────────────────────

/** Removes Teams mention markup and @names, which say nothing about the question. */
export function stripMentions(text: string): string {
  return text.replace(/<at>.*?<\/at>/gi, ' ').replace(/(^|\s)@\S+/g, ' ');
}

/**
 * Lower-case words without punctuation; apostrophes vanish so "can't" stays one word, and "no
 * public IP" becomes one word so that it does not match "public IP" (they need opposite steps).
 */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/\b(no|without|non)[\s-]+public[\s-]+ip\b/g, 'nopublicip')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/**
 * Abbreviations engineers use in Teams, expanded next to the original word so that both the
 * short form (a synonym such as "aks") and the long form (text such as "compute instance") match.
 */
const abbreviations: Readonly<Record<string, string>> = {
  ci: 'compute instance',
  cis: 'compute instances',
  cc: 'compute cluster',
  ccs: 'compute clusters',
  pe: 'private endpoint',
  pes: 'private endpoints',
  pl: 'private link',
  nsg: 'network security group',
  nsgs: 'network security groups',
  udr: 'user defined routes',
  udrs: 'user defined routes',
  moe: 'managed online endpoint',
  mir: 'managed online endpoint',
  oep: 'online endpoint',
  aks: 'azure kubernetes service',
  k8s: 'kubernetes',
  acr: 'azure container registry',
  mcr: 'microsoft container registry',
  kv: 'key vault',
  keyvault: 'key vault',
  sa: 'storage account',
  fw: 'firewall',
  azfw: 'azure firewall',
  vnet: 'virtual network',
  vnets: 'virtual networks',
  ws: 'workspace',
  sp: 'service principal',
  spn: 'service principal',
  mi: 'managed identity',
  msi: 'managed identity',
  uami: 'managed identity',
  lb: 'load balancer',
  ilb: 'internal load balancer',
  natgw: 'nat gateway',
  pna: 'public network access',
  vsc: 'vs code',
  aad: 'entra id',
  dns: 'name resolution',
  smb: 'file share',
  hbi: 'high business impact',
  arm: 'azure resource manager',
};

/** Service tags named by an abbreviation ("ARM"): they count as an endpoint mention. */
const tagAbbreviations: Readonly<Record<string, string>> = {
  arm: 'azureresourcemanager',
  aad: 'azureactivedirectory',
};

/** Words that carry no topic. Kept short: domain words like "need" or "open" matter elsewhere. */
const stopwords = new Set(
  (
    'a an the and or but if of to in on at by for from with without into over under about as is are ' +
    'was were be been being am do does did doing have has had i me my we our us you your it its this ' +
    'that these those there here what which who whom whose when where why how can could should would ' +
    'will shall may might must not no yes so than then too very just also still really any some all ' +
    'each both more most other such only own same get got getting go goes going make made let lets ' +
    'thing things stuff pls please thanks thank hi hello hey ok okay guys team anyone someone know ' +
    'tell say says said want wanted like use used using whats thats theres im ive dont doesnt cant ' +
    'isnt arent wont one two now new way need needs needed required require requires requirement ' +
    'requirements work works working behind set setup up via per'
  ).split(' '),
);

/**
 * Words nearly every question and every text of this domain contains ("behind the vnet"): they
 * cannot tell candidates apart, so keyword search and coverage ignore them.
 */
const everywhere = new Set([
  'vnet',
  'vnets',
  'virtual',
  'network',
  'networks',
  'azure',
  'aml',
  'azureml',
  'machine',
  'learning',
  'secured',
]);

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Optimal string alignment distance: like Levenshtein, but a swapped pair ("dokcer") is one edit. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => d[i]?.[j] ?? Number.MAX_SAFE_INTEGER;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      const row = d[i];
      if (row) row[j] = best;
    }
  }
  return at(a.length, b.length);
}

const suffixes = ['s', 'es', 'ed', 'ing', 'er', 'ers'];

/** Same word up to a plural, an ending or a typo; short words must match exactly ("ci" ≠ "cc"). */
export function sameWord(typed: string, known: string, typo = true): boolean {
  if (typed === known || stem(typed) === stem(known)) return true;
  const [short, long] = typed.length < known.length ? [typed, known] : [known, typed];
  if (short.length >= 4 && suffixes.some((x) => long === short + x)) return true;
  const shorter = Math.min(typed.length, known.length);
  if (!typo || shorter < 5 || /\d/.test(typed)) return false;
  return editDistance(typed, known) <= (shorter >= 8 ? 2 : 1);
}

interface Question {
  /** The text without mentions, as typed (case kept for endpoint names). */
  raw: string;
  /** Lower case without apostrophes ("can't" → "cant"), for the cue patterns. */
  plain: string;
  /** Lower-case words with abbreviations expanded. */
  tokens: string[];
  /** For each token, the index of the typed word it comes from ("ci" → compute, instance: same). */
  sources: number[];
  /** Tokens without stopwords, for keyword search. */
  content: string[];
  /** Per typed content word, the word and its expansion: one unit for coverage. */
  groups: string[][];
  /**
   * Words the knowledge never uses, so probably typos: only these match other words within an
   * edit or two ("instnace"); a real word such as "studio" must not turn into "rstudio".
   */
  typos: Set<string>;
}

function parseQuestion(k: Knowledge, text: string): Question {
  const raw = stripMentions(text).trim();
  const tokens: string[] = [];
  const sources: number[] = [];
  words(raw).forEach((word, i) => {
    const long = abbreviations[word];
    for (const t of long ? [word, ...long.split(' ')] : [word]) {
      tokens.push(t);
      sources.push(i);
    }
  });
  const isContent = (t: string) => !stopwords.has(t) && !everywhere.has(t) && t.length > 1;
  const content = [...new Set(tokens.filter(isContent))];
  const groups = words(raw)
    .map((word) => [word, ...(abbreviations[word]?.split(' ') ?? [])].filter(isContent))
    .filter((g) => g.length > 0);
  const plain = raw.toLowerCase().replace(/['’]/g, '');
  const known = vocabulary(k);
  const typos = new Set(tokens.filter((t) => !known.has(t) && !known.has(stem(t))));
  return { raw, plain, tokens, sources, content, groups, typos };
}

// ─── Cues ────────────────────────────────────────────────────────────────────────────────────

/** The text reads like a problem report rather than a question about requirements. */
const symptomCue =
  /(error|fail|denied|cannot|can ?not|cant|unable|time(d)? ?out|stuck|hang|refused|not working|doesnt work|broken|exception|block(ed|s|ing)?|mismatch|unauthori[sz]ed|forbidden|\b403\b|disconnect|missing|never|forever|for hours)/i;

/** The question doubts a fact or compares two versions of it: a conflict between sources. */
const doubtCue =
  /\b(still|really|anymore|any more|actually|or|vs|versus|which is (it|right|correct)|correct|wrong|contradict\w*|disagree\w*|conflict\w*|outdated|deprecated|obsolete|typo|spell\w*|docs? says?|article says|only|just|now)\b/i;

/** Doubt words that rarely mean anything else ("or" and "only" often just list options). */
const strongDoubtCue =
  /\b(still|really|anymore|any more|actually|vs|versus|which is (it|right|correct)|contradict\w*|disagree\w*|conflict\w*|outdated|deprecated|obsolete|typo|spell\w*|docs? says?|article says)\b|\bis it\b.*\bor\b/i;

/** The question asks what a scenario requires, as a whole. */
const requirementCue =
  /\b(ports?|rules?|inbound|outbound|ingress|egress|requirements?|required|need|needs|allow|open|traffic|tags?|secure[ds]?|what do (i|we)|network flow|firewall rules|nsg rules)\b/i;

const secureCue = /\bhow (do|can|should|to) (i |we )?(secure|protect|isolate|lock down)\b/;

/** The question asks what something is called: "is it X or Y", "which name", "spelled". */
const namingCue = /\bis it\b.*\bor\b|\b(called|name[ds]?|renamed|spell\w*|written)\b/;

function isNamingConflict(k: Knowledge, id: string): boolean {
  return /\b(name|spelling|spelled)\b/i.test(conflictById(k, id)?.topic ?? '');
}

/** Whether the question says its compute has a public IP ("with public ip") or not ("no public ip"). */
function statedPublicIp(q: Question): boolean | undefined {
  const typed = words(q.raw);
  if (typed.includes('nopublicip')) return false;
  return typed.some((w, i) => w === 'public' && typed[i + 1] === 'ip') ? true : undefined;
}

/** The computePublicIp value a condition requires, when it requires one. */
function requiredPublicIp(condition: Condition): boolean | undefined {
  if ('option' in condition && condition.option === 'computePublicIp') return condition.equals;
  if ('all' in condition) {
    for (const c of condition.all) {
      const found = requiredPublicIp(c);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * A step or rule written for the other kind of compute (public IP or not) is unlikely to be the
 * one asked about: UDRs for public-IP compute versus forced tunnelling without one.
 */
function publicIpFit(k: Knowledge, kind: 'step' | 'rule', id: string, stated?: boolean): number {
  if (stated === undefined) return 0;
  const condition = kind === 'step' ? stepById(k, id)?.condition : ruleById(k, id)?.condition;
  const required = condition && requiredPublicIp(condition);
  if (required === undefined) return 0;
  return required === stated ? 0.05 : -0.15;
}

/** The question asks how to do one specific thing: a step. */
const howToCue =
  /\b(how (do|can|to|should)|set ?up|configure|enable|add|assign|give|create|switch|turn on|attach|provision|resolve|make)\b/i;

const directionWords: Readonly<Record<string, 'inbound' | 'outbound'>> = {
  inbound: 'inbound',
  ingress: 'inbound',
  outbound: 'outbound',
  egress: 'outbound',
};

function directionOf(q: Question): 'inbound' | 'outbound' | undefined {
  const found = q.tokens.map((t) => directionWords[t]).filter((d) => d !== undefined);
  return found.length > 0 && found.every((d) => d === found[0]) ? found[0] : undefined;
}

// ─── Targets ─────────────────────────────────────────────────────────────────────────────────

function ruleTarget(rule: Rule): Target {
  return { kind: 'rule', id: rule.id, label: ruleLabel(rule) };
}

function conflictTarget(conflict: Conflict): Target {
  return { kind: 'conflict', id: conflict.id, label: conflict.topic };
}

function portTarget(k: Knowledge, port: number): Target {
  const endpoints = [...new Set(rulesForPort(k, port).map((r) => r.endpoint))];
  const more = endpoints.length > 2 ? ` and ${endpoints.length - 2} more` : '';
  return {
    kind: 'port',
    id: String(port),
    label: `Port ${port}: ${endpoints.slice(0, 2).join(', ')}${more}`,
  };
}

function endpointTarget(k: Knowledge, endpoint: string): Target {
  const rules = k.rules.filter((r) => r.endpoint === endpoint);
  const directions = [...new Set(rules.map((r) => r.direction))].join('/');
  return { kind: 'endpoint', id: endpoint, label: `${endpoint} (${directions})` };
}

function targetFor(k: Knowledge, kind: TargetKind, id: string): Target | undefined {
  switch (kind) {
    case 'scenario': {
      const s = scenarioById(k, id);
      return s && { kind, id, label: s.title };
    }
    case 'step': {
      const s = stepById(k, id);
      return s && { kind, id, label: s.title };
    }
    case 'rule': {
      const r = ruleById(k, id);
      return r && ruleTarget(r);
    }
    case 'error': {
      const e = errorById(k, id);
      return e && { kind, id, label: e.title };
    }
    case 'conflict': {
      const c = conflictById(k, id);
      return c && conflictTarget(c);
    }
    case 'port':
      return portTarget(k, Number(id));
    case 'endpoint':
      return endpointTarget(k, id);
  }
}

function sameTarget(a: Target, b: Target): boolean {
  return a.kind === b.kind && a.id === b.id;
}

interface Scored {
  target: Target;
  score: number;
}

/**
 * The decision every stage shares: answer when the best candidate is confident and clearly ahead,
 * offer the close runners-up as choices otherwise, and give up when nothing is good enough.
 */
function decide(ranked: readonly Scored[], why: string): Recognition | undefined {
  const distinct: Scored[] = [];
  for (const s of [...ranked].sort((a, b) => b.score - a.score)) {
    if (!distinct.some((d) => sameTarget(d.target, s.target))) distinct.push(s);
  }
  const [top, second] = distinct;
  if (!top || top.score < MIN_CONFIDENCE) return undefined;
  const margin = top.score - (second?.score ?? 0);
  if (top.score >= ANSWER_CONFIDENCE && margin >= ANSWER_MARGIN) {
    return { kind: 'answer', target: top.target, confidence: round(top.score), why };
  }
  const close = distinct
    .filter((s) => s.score >= top.score * CHOICE_SHARE && s.score >= MIN_CONFIDENCE)
    .slice(0, MAX_CHOICES);
  if (close.length < 2) {
    return top.score >= ANSWER_CONFIDENCE
      ? { kind: 'answer', target: top.target, confidence: round(top.score), why }
      : { kind: 'choices', candidates: distinct.slice(0, 2).map((s) => s.target), why };
  }
  return {
    kind: 'choices',
    candidates: close.map((s) => s.target),
    why: `${why} (not sure which)`,
  };
}

function round(n: number): number {
  return Math.round(Math.min(1, n) * 100) / 100;
}

// ─── Signal 1: a pasted error ────────────────────────────────────────────────────────────────

/** A regex that only names port numbers ("\b44224\b"): alone it marks a question, not an error. */
function isPortOnlyPattern(regex: string): boolean {
  return /\d/.test(regex) && regex.replace(/\\b|\d|\.\*|[()[\]|?\s]/g, '') === '';
}

/**
 * A pattern that names a host or setting ("azurecr.io", "image_build_compute") rather than error
 * text; the question mentions it, which does not make the question an error report.
 */
function isNamePattern(contains: string): boolean {
  return !/\s/.test(contains) && /[._]/.test(contains);
}

function errorEvidence(k: Knowledge, q: Question, id: string): 'strong' | 'weak' {
  const error = errorById(k, id);
  if (!error) return 'weak';
  if (symptomCue.test(q.plain)) return 'strong';
  const text = q.raw.toLowerCase();
  const strong = error.patterns.some((p) =>
    'contains' in p
      ? !isNamePattern(p.contains) && text.includes(p.contains.toLowerCase())
      : !isPortOnlyPattern(p.regex) && new RegExp(p.regex, 'i').test(q.raw),
  );
  return strong ? 'strong' : 'weak';
}

function recognizeError(k: Knowledge, q: Question): Recognition | undefined {
  const hits = findByError(k, q.raw).filter((h) => errorEvidence(k, q, h.id) === 'strong');
  if (hits.length === 0) return undefined;
  const ranked = hits.flatMap((h) => {
    const target = targetFor(k, 'error', h.id);
    // findByError scores one matching pattern at ~0.35: lift it so a single match can answer.
    return target ? [{ target, score: 0.6 + h.score * 0.4 }] : [];
  });
  return decide(ranked, 'the text matches a known error message');
}

// ─── Signal 2 and 3: ports and endpoints ─────────────────────────────────────────────────────

function rulesForPort(k: Knowledge, port: number): Rule[] {
  return k.rules.filter((r) => r.ports.some((p) => p.from <= port && port <= p.to));
}

interface PortMention {
  port: number;
  known: boolean;
}

/**
 * Port numbers in the text: "port 44224", "29876-29877", "5831 udp", a bare known port. Numbers
 * inside addresses (10.0.0.0/16), versions (v2) or durations ("2 hours") are not ports.
 */
function portMentions(k: Knowledge, q: Question): PortMention[] {
  const text = q.raw.toLowerCase();
  const mentions: PortMention[] = [];
  const pattern = /(?<![\d./:a-z])(\d{2,5})(?:\s*-\s*(\d{2,5}))?(?![\d./a-z])/g;
  for (const m of text.matchAll(pattern)) {
    const port = Number(m[1]);
    const before = text.slice(Math.max(0, (m.index ?? 0) - 12), m.index ?? 0);
    const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 6);
    const named = /\b(ports?|tcp|udp)\s*$/.test(before) || /^\s*(\/?(tcp|udp))\b/.test(after);
    const known = port <= 65535 && rulesForPort(k, port).length > 0;
    if (known || named) mentions.push({ port, known });
  }
  return mentions;
}

interface EndpointMention {
  /** The spelling the user typed, lower case. */
  text: string;
  /** Rule endpoints it names, best first, with findByEndpoint's score. */
  endpoints: { endpoint: string; score: number }[];
  /** Conflicts about an endpoint no rule carries any more (e.g. an obsolete registry). */
  conflicts: string[];
}

/** Endpoint-looking words: FQDNs, dotted service tags, and wildcards such as *.azureml.ms. */
function dottedNames(raw: string): string[] {
  return [...raw.matchAll(/[a-z0-9*<>_-]+(?:\.[a-z0-9*<>_-]+)+/gi)]
    .map((m) => m[0].toLowerCase().replace(/\.+$/, ''))
    .filter((name) => !/^[\d.]+$/.test(name))
    .filter((name) => !name.startsWith('privatelink.')); // DNS zone names: a DNS question, not a rule
}

/** Lower-case names of service tags without a region, e.g. "azuremachinelearning", "keyvault". */
function tagBases(k: Knowledge): Set<string> {
  return new Set(
    k.rules
      .filter((r) => r.endpointKind === 'service-tag')
      .flatMap((r) => [r.endpoint, ...(r.aliases ?? [])])
      .map((s) => s.toLowerCase().replace(/\.<region>$/, '')),
  );
}

/**
 * Words the knowledge's prose writes in lower case as ordinary words (e.g. "storage"): such a tag
 * name alone is not a tag mention. Tags written in prose keep their capitals (BatchNodeManagement).
 */
function proseWords(k: Knowledge): Set<string> {
  const prose = [
    ...k.rules.map((r) => r.purpose),
    ...k.steps.map((s) => `${s.title} ${s.text}`),
    ...k.scenarios.map((s) => s.summary),
  ].join(' ');
  return new Set(prose.split(/[^A-Za-z0-9]+/).filter((w) => w !== '' && w === w.toLowerCase()));
}

const tagWord = /^(tags?|service)$/;

/**
 * Undotted tag names: typed as one word ("AzureMachineLearning", "keyvault"), an abbreviation
 * ("ARM"), or ordinary words followed by "tag" ("storage tag", "key vault service tag").
 */
function tagNames(k: Knowledge, q: Question): string[] {
  const bases = tagBases(k);
  const prose = proseWords(k);
  // Words of dotted names are not names by themselves ("BatchNodeManagement.westeurope").
  const plain = words(q.raw.replace(/[a-z0-9*<>_-]+(?:\.[a-z0-9*<>_-]+)+/gi, ' '));
  const found: string[] = [];
  plain.forEach((word, i) => {
    const abbreviation = tagAbbreviations[word];
    if (abbreviation) found.push(abbreviation);
    const followedByTag = tagWord.test(plain[i + 1] ?? '');
    if (bases.has(word) && (followedByTag || !prose.has(word))) found.push(word);
    for (let n = 2; n <= 4 && i + n <= plain.length; n++) {
      const joined = plain.slice(i, i + n).join('');
      if (bases.has(joined) && tagWord.test(plain[i + n] ?? '')) found.push(joined);
    }
  });
  return found;
}

/** A template's fixed text: the longer it is, the more specific a match on it. */
function literalLength(template: string): number {
  return template.replace(/<[^>]+>|\*/g, '').length;
}

function endpointMentions(k: Knowledge, q: Question): EndpointMention[] {
  const names = [...new Set([...dottedNames(q.raw), ...tagNames(k, q)])];
  return names.flatMap((text) => {
    const hits = findByEndpoint(k, text).filter((h) => h.score >= 0.8);
    const best = new Map<string, number>();
    for (const hit of hits.filter((h) => h.kind === 'rule')) {
      const rule = ruleById(k, hit.id);
      if (!rule) continue;
      // Equal scores: the more specific template wins (<region>.tundra.azureml.ms over *.azureml.ms).
      const score = hit.score + literalLength(rule.endpoint) / 1000;
      best.set(rule.endpoint, Math.max(best.get(rule.endpoint) ?? 0, score));
    }
    const endpoints = [...best].map(([endpoint, score]) => ({ endpoint, score }));
    const topRule = Math.max(0, ...endpoints.map((e) => e.score));
    const conflicts = hits
      .filter((h) => h.kind === 'conflict' && h.score >= topRule)
      .filter((h) => (conflictById(k, h.id)?.endpoints ?? []).length > 0)
      .map((h) => h.id);
    if (endpoints.length === 0 && conflicts.length === 0) return [];
    return [{ text, endpoints: endpoints.sort((a, b) => b.score - a.score), conflicts }];
  });
}

/** The mention's best endpoints (ties kept, so an alias and its tag stay one answer). */
function bestEndpoints(mention: EndpointMention): string[] {
  const top = mention.endpoints[0]?.score ?? 0;
  return mention.endpoints.filter((e) => e.score >= top - 0.0005).map((e) => e.endpoint);
}

function conflictText(c: Conflict): string {
  return [c.topic, c.recommendation, ...c.positions.map((p) => p.claim), ...(c.endpoints ?? [])]
    .join(' ')
    .toLowerCase();
}

/** Lower-case names written in a conflict's text, as patterns for concrete names. */
function namesIn(text: string): RegExp[] {
  return [...text.matchAll(/[a-z0-9*<>_-]+(?:\.[a-z0-9*<>_-]+)+|[a-z]{8,}/g)].map((m) => {
    const pattern = m[0]
      .replace(/\.$/, '')
      .split(/(<[^>]+>|\*)/)
      .map((part) =>
        part === '*'
          ? '[a-z0-9-]+(?:\\.[a-z0-9-]+)*'
          : /^<[^>]+>$/.test(part)
            ? '[a-z0-9-]+'
            : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('');
    return new RegExp(`^${pattern}$`);
  });
}

/**
 * Picks the conflict a doubting question is about among `ids`: the one whose text names the most
 * of the spellings and numbers the user wrote (both spellings of a tag point at the spelling
 * conflict), then the one keyword search ranks higher.
 */
function pickConflict(
  k: Knowledge,
  q: Question,
  ids: readonly string[],
  mentioned: readonly string[],
): Recognition | undefined {
  const keyword = new Map(
    findByKeyword(k, q.content.join(' '), 80)
      .filter((h) => h.kind === 'conflict')
      .map((h) => [h.id, h.score]),
  );
  const topKeyword = Math.max(1, ...keyword.values());
  const ranked = [...new Set(ids)].flatMap((id) => {
    const conflict = conflictById(k, id);
    if (!conflict) return [];
    const text = conflictText(conflict);
    const topic = conflict.topic.toLowerCase();
    const names = namesIn(text);
    const named = mentioned.filter(
      (m) => text.includes(m) || names.some((re) => re.test(m)),
    ).length;
    const inTopic = mentioned.filter((m) => topic.includes(m)).length;
    // Only two spellings side by side say "which one is right"; one name alone does not.
    const share = mentioned.length >= 2 ? named / mentioned.length : 0;
    const overlap = coverage(q, documentWords(k, 'conflict', id).all);
    const score =
      0.35 +
      0.2 * share +
      0.1 * Math.min(1, inTopic) +
      0.2 * ((keyword.get(id) ?? 0) / topKeyword) +
      0.2 * overlap;
    return [{ target: conflictTarget(conflict), score }];
  });
  return decide(ranked, 'the question doubts a fact the sources disagree on');
}

/** Narrows rules to the scenario and direction the question names, when that leaves any. */
function narrow(rules: readonly Rule[], scenarios: readonly ScenarioId[], q: Question): Rule[] {
  let result = [...rules];
  const direction = directionOf(q);
  if (direction) {
    const same = result.filter((r) => r.direction === direction);
    if (same.length > 0) result = same;
  }
  if (scenarios.length > 0) {
    const inScenario = result.filter((r) => r.scenarios.some((s) => scenarios.includes(s)));
    if (inScenario.length > 0) result = inScenario;
  }
  return result;
}

function recognizePort(
  k: Knowledge,
  q: Question,
  endpoints: readonly EndpointMention[],
  scenarios: readonly ScenarioId[],
): Recognition | undefined {
  const mentions = portMentions(k, q);
  if (mentions.length === 0) return undefined;
  const known = mentions.filter((m) => m.known);
  if (known.length === 0) {
    const ports = mentions.map((m) => m.port).join(', ');
    return { kind: 'none', why: `no rule in the knowledge uses port ${ports}` };
  }
  const portRules = [...new Set(known.flatMap((m) => rulesForPort(k, m.port)))];
  // The best spelling first ("BatchNodeManagement" is the inbound tag); if no rule has both the
  // port and that endpoint, any endpoint the name matches ("BatchNodeManagement.<region>" on 443).
  let named = new Set(endpoints.flatMap(bestEndpoints));
  if (!portRules.some((r) => named.has(r.endpoint))) {
    named = new Set(endpoints.flatMap((m) => m.endpoints.map((e) => e.endpoint)));
  }
  const rules = named.size > 0 ? portRules.filter((r) => named.has(r.endpoint)) : portRules;

  if (doubtCue.test(q.plain)) {
    const ids = rules.flatMap((r) => r.conflicts ?? []);
    const spelled = [...known.map((m) => String(m.port)), ...endpoints.map((e) => e.text)];
    if (ids.length > 0) return pickConflict(k, q, ids, spelled);
  }
  if (named.size > 0 && rules.length > 0) {
    const narrowed = narrow(rules, scenarios, q);
    if (narrowed.length === 1 && narrowed[0]) {
      return answer(ruleTarget(narrowed[0]), 0.9, 'the question names a port and an endpoint');
    }
    if (narrowed.length <= MAX_CHOICES) {
      return {
        kind: 'choices',
        candidates: narrowed.map(ruleTarget),
        why: 'several rules use this endpoint and port',
      };
    }
  }
  // One port, or several that all lead to the same rules (29876 and 29877): that port's rules.
  const groups = new Map<string, number>();
  for (const m of known) {
    const key = rulesForPort(k, m.port)
      .map((r) => r.id)
      .join(',');
    if (!groups.has(key)) groups.set(key, m.port);
  }
  const ports = [...groups.values()];
  if (ports.length === 1 && ports[0] !== undefined) {
    return answer(portTarget(k, ports[0]), 0.9, 'the question names a port');
  }
  return {
    kind: 'choices',
    candidates: ports.slice(0, MAX_CHOICES).map((p) => portTarget(k, p)),
    why: 'the question names several ports',
  };
}

function answer(target: Target, confidence: number, why: string): Recognition {
  return { kind: 'answer', target, confidence, why };
}

function recognizeEndpoint(
  k: Knowledge,
  q: Question,
  mentions: readonly EndpointMention[],
  scenarios: readonly ScenarioId[],
): Recognition | undefined {
  if (mentions.length === 0) return undefined;
  const obsolete = mentions.flatMap((m) => m.conflicts);
  if (obsolete.length > 0 && obsolete.every((id) => id === obsolete[0]) && obsolete[0]) {
    const conflict = conflictById(k, obsolete[0]);
    if (conflict) {
      return answer(conflictTarget(conflict), 0.9, 'the endpoint is one the sources disagree on');
    }
  }
  const named = [...new Set(mentions.flatMap(bestEndpoints))];
  const rules = k.rules.filter((r) => named.includes(r.endpoint));
  if (doubtCue.test(q.plain)) {
    const ids = [...rules.flatMap((r) => r.conflicts ?? []), ...obsolete];
    if (ids.length > 0) {
      return pickConflict(
        k,
        q,
        ids,
        mentions.map((m) => m.text),
      );
    }
  }
  if (named.length === 1 && named[0]) {
    const narrowed = narrow(rules, scenarios, q);
    const only = narrowed.length === 1 && rules.length > 1 ? narrowed[0] : undefined;
    if (only)
      return answer(ruleTarget(only), 0.85, 'the question names an endpoint and a scenario');
    return answer(endpointTarget(k, named[0]), 0.9, 'the question names a service tag or host');
  }
  return {
    kind: 'choices',
    candidates: named.slice(0, MAX_CHOICES).map((e) => endpointTarget(k, e)),
    why: 'the question names several endpoints',
  };
}

// ─── Signal 4 to 6: scenarios, conflicts, steps and rules by their words ─────────────────────

/**
 * Synonyms that also name parts of other scenarios or everyday things ("endpoint" is also a
 * private endpoint, "image" a VM image): on their own they only hint at the scenario.
 */
const weakSynonyms = new Set([
  'compute',
  'cluster',
  'endpoint',
  'deployment',
  'image',
  'images',
  'container',
  'environment',
  'batch',
  'nodes',
  'training',
  'profile',
  'visualize',
  'portal',
  'browser',
  'inference',
  'scoring',
  'notebooks',
  'load balancer',
  'arc',
  'sign in',
  'service principal',
  'resource instance',
  'trusted services',
]);

/** Tokens as scenario synonyms see them: "private endpoint" is not an online endpoint. */
function scenarioTokens(q: Question): string[] {
  const out: string[] = [];
  q.tokens.forEach((t, i) => {
    const previous = q.tokens[i - 1];
    const isOtherEndpoint =
      stem(t) === 'endpoint' && (previous === 'private' || previous === 'service');
    out.push(isOtherEndpoint ? 'privateendpoint' : t);
  });
  return out;
}

function phraseAt(
  tokens: readonly string[],
  phrase: readonly string[],
  at: number,
  typos: ReadonlySet<string>,
): boolean {
  return phrase.every((p, j) => {
    const t = tokens[at + j];
    return t !== undefined && sameWord(t, p, typos.has(t));
  });
}

/** Typed words (not expansions) a synonym covers wherever it occurs in the question. */
function synonymSpan(q: Question, tokens: readonly string[], phrase: readonly string[]): number[] {
  const span = new Set<number>();
  tokens.forEach((_, i) => {
    if (!phraseAt(tokens, phrase, i, q.typos)) return;
    for (let j = 0; j < phrase.length; j++) span.add(q.sources[i + j] ?? -1);
  });
  return [...span];
}

/**
 * How strongly the question names each scenario through its synonyms (0..1). Longer synonyms are
 * stronger, counted in typed words: "ci" expanded to "compute instance" is still one word.
 */
function scenarioScores(k: Knowledge, q: Question): Map<ScenarioId, number> {
  const tokens = scenarioTokens(q);
  const scores = new Map<ScenarioId, number>();
  for (const scenario of k.scenarios) {
    const covered = new Set<number>();
    const named = new Set<number>();
    let best = 0;
    let bestSpan = 0;
    for (const synonym of scenario.synonyms) {
      const span = synonymSpan(q, tokens, words(synonym));
      if (span.length === 0) continue;
      const weak = weakSynonyms.has(synonym.toLowerCase());
      span.forEach((i) => named.add(i));
      if (!weak) span.forEach((i) => covered.add(i));
      const strength = weak ? 0.4 : Math.min(0.75, 0.6 + 0.075 * (span.length - 1));
      if (strength > best) [best, bestSpan] = [strength, span.length];
    }
    if (best === 0) continue;
    // Other typed words its synonyms or title explain add a little ("datastores" + "studio").
    const title = words(scenario.title);
    const typed = words(q.raw);
    typed.forEach((w, i) => {
      if (!stopwords.has(w) && title.some((t) => sameWord(w, t, q.typos.has(w)))) covered.add(i);
    });
    const more = Math.min(0.15, 0.05 * Math.max(0, covered.size - bestSpan));
    // A question that is nothing but the scenario's name ("studio", "compute") asks for all of it.
    // Not when it doubts, reports a problem or asks how to do something: then it is about a part.
    const plainAsk =
      !strongDoubtCue.test(q.plain) && !symptomCue.test(q.plain) && !howToCue.test(q.plain);
    const all = typed.every(
      (w, i) =>
        named.has(i) ||
        covered.has(i) ||
        stopwords.has(w) ||
        everywhere.has(w) ||
        requirementCue.test(w),
    );
    scores.set(scenario.id, best + more + (all && plainAsk ? 0.15 : 0));
  }
  return scores;
}

function detectedScenarios(scores: ReadonlyMap<ScenarioId, number>): ScenarioId[] {
  const top = Math.max(0, ...scores.values());
  return [...scores].filter(([, s]) => s >= top - 0.05 && s >= 0.4).map(([id]) => id);
}

/** The words a candidate's card is about: its title counts most. */
function documentWords(
  k: Knowledge,
  kind: TargetKind,
  id: string,
): { title: string[]; all: Set<string> } {
  const of = (title: string, body: string) => ({
    title: words(title).filter((w) => !stopwords.has(w)),
    all: new Set(words(`${title} ${body}`).map(stem)),
  });
  switch (kind) {
    case 'scenario': {
      const s = scenarioById(k, id);
      return of(s?.title ?? '', `${s?.summary ?? ''} ${s?.synonyms.join(' ') ?? ''}`);
    }
    case 'step': {
      const s = stepById(k, id);
      return of(s?.title ?? '', s?.text ?? '');
    }
    case 'rule': {
      const r = ruleById(k, id);
      return of(r?.endpoint ?? '', r?.purpose ?? '');
    }
    case 'error': {
      const e = errorById(k, id);
      return of(e?.title ?? '', e?.cause ?? '');
    }
    case 'conflict': {
      const c = conflictById(k, id);
      return of(c?.topic ?? '', c ? conflictText(c) : '');
    }
    default:
      return { title: [], all: new Set() };
  }
}

/** Share of the question's words (a word or its expansion) that the candidate's text contains. */
function coverage(q: Question, all: ReadonlySet<string>): number {
  if (q.groups.length === 0) return 0;
  const has = (w: string) =>
    all.has(stem(w)) || [...all].some((a) => sameWord(w, a, q.typos.has(w)));
  return q.groups.filter((g) => g.some(has)).length / q.groups.length;
}

/** Share of the candidate's title words that the question contains: "Prepare the compute subnet". */
function titleCoverage(title: readonly string[], q: Question): number {
  if (title.length === 0) return 0;
  // A one-word title ("Studio only") is covered by any question that says "studio".
  const weight = Math.min(1, title.length / 3);
  const found = title.filter((t) => q.content.some((w) => sameWord(w, t, q.typos.has(w))));
  return (weight * found.length) / title.length;
}

function scenariosOf(k: Knowledge, kind: TargetKind, id: string): readonly ScenarioId[] {
  switch (kind) {
    case 'step':
      return stepById(k, id)?.scenarios ?? [];
    case 'rule':
      return ruleById(k, id)?.scenarios ?? [];
    case 'error':
      return errorById(k, id)?.scenarios ?? [];
    case 'conflict':
      return conflictById(k, id)?.scenarios ?? [];
    default:
      return [];
  }
}

function recognizeText(
  k: Knowledge,
  q: Question,
  scenarioScore: ReadonlyMap<ScenarioId, number>,
): Recognition | undefined {
  const symptom = symptomCue.test(q.plain);
  const doubt = doubtCue.test(q.plain);
  const strongDoubt = strongDoubtCue.test(q.plain);
  // "How do I secure X" asks for everything X needs, not for one step.
  const secure = secureCue.test(q.plain);
  const howTo = howToCue.test(q.plain) && !secure;
  // "What does X need" asks for the whole scenario; a how-to, a doubt or a problem does not.
  const requirement =
    (secure || requirementCue.test(q.plain)) && !howTo && !strongDoubt && !symptom;
  const naming = namingCue.test(q.plain);
  const publicIp = statedPublicIp(q);
  const scenarios = detectedScenarios(scenarioScore);

  const hits = findByKeyword(k, q.content.join(' '), 40);
  const topHit = Math.max(1, ...hits.map((h) => h.score));
  const ranked: Scored[] = [];

  for (const hit of hits) {
    // Conflicts answer doubts and errors answer problems; otherwise they would hide the facts.
    if (hit.kind === 'conflict' && !doubt) continue;
    if (hit.kind === 'error' && !symptom) continue;
    const target = targetFor(k, hit.kind, hit.id);
    if (!target) continue;
    const doc = documentWords(k, hit.kind, hit.id);
    let score =
      0.3 * (hit.score / topHit) + 0.3 * coverage(q, doc.all) + 0.3 * titleCoverage(doc.title, q);
    if (hit.kind === 'scenario') {
      // Scenario texts list many synonyms, so their word overlap says less than a synonym match.
      ranked.push({ target, score: 0.6 * score });
      continue;
    }
    if (scenarios.length > 0) {
      const inScenario = scenariosOf(k, hit.kind, hit.id).some((s) => scenarios.includes(s));
      score += inScenario ? 0.05 : -0.05;
    }
    if (hit.kind === 'step' && howTo) score += 0.1;
    if (hit.kind === 'error') score += 0.25;
    if (hit.kind === 'conflict') score += strongDoubt ? 0.25 : 0.15;
    if (hit.kind === 'conflict' && naming && isNamingConflict(k, hit.id)) score += 0.1;
    if (hit.kind === 'step' && stepById(k, hit.id)?.kind === 'note') score -= 0.05; // facts, not what to do
    if (hit.kind === 'step' || hit.kind === 'rule')
      score += publicIpFit(k, hit.kind, hit.id, publicIp);
    if (hit.kind === 'rule') score -= 0.1; // a rule found by prose alone is rarely the point
    ranked.push({ target, score });
  }
  for (const [id, score] of scenarioScore) {
    const target = targetFor(k, 'scenario', id);
    const adjusted = score + (requirement ? 0.1 : 0) - (howTo ? 0.1 : 0);
    if (target) ranked.push({ target, score: adjusted });
  }
  return decide(ranked, 'the question\u2019s words match the knowledge');
}

// ─── Out of domain ───────────────────────────────────────────────────────────────────────────

const vocabularies = new WeakMap<Knowledge, Set<string>>();

/** Every word the knowledge uses, plus the abbreviations: a question without any is off topic. */
function vocabulary(k: Knowledge): Set<string> {
  let vocabulary = vocabularies.get(k);
  if (!vocabulary) {
    const text = [
      ...k.scenarios.flatMap((s) => [s.title, s.summary, ...s.synonyms]),
      ...k.rules.flatMap((r) => [r.endpoint, ...(r.aliases ?? []), r.purpose]),
      ...k.steps.flatMap((s) => [s.title, s.text]),
      ...k.errors.flatMap((e) => [e.title, e.cause]),
      ...k.conflicts.map(conflictText),
    ].join(' ');
    vocabulary = new Set([...words(text).map(stem), ...Object.keys(abbreviations)]);
    vocabularies.set(k, vocabulary);
  }
  return vocabulary;
}

/** Domain words in the question; typos count for longer words. */
function domainWords(k: Knowledge, q: Question): string[] {
  const known = vocabulary(k);
  return q.content.filter(
    (w) => known.has(stem(w)) || (w.length >= 6 && [...known].some((v) => sameWord(w, v))),
  );
}

// ─── Entry point ─────────────────────────────────────────────────────────────────────────────

/**
 * What the question is about, by the strongest signal it carries: a pasted error, then a port,
 * then a service tag or host, then the words of scenarios, conflicts, steps and rules.
 */
export function recognize(k: Knowledge, text: string): Recognition {
  const q = parseQuestion(k, text);
  if (q.tokens.length === 0) return { kind: 'none', why: 'the message is empty' };

  const error = recognizeError(k, q);
  if (error) return error;

  const scenarioScore = scenarioScores(k, q);
  const scenarios = detectedScenarios(scenarioScore);
  const endpoints = endpointMentions(k, q);

  const port = recognizePort(k, q, endpoints, scenarios);
  if (port) return port;
  const endpoint = recognizeEndpoint(k, q, endpoints, scenarios);
  if (endpoint) return endpoint;

  // Few domain words and no scenario: likely small talk that keyword search would still "match".
  const domain = domainWords(k, q);
  if (domain.length === 0 || (domain.length < q.content.length / 2 && scenarioScore.size === 0)) {
    return { kind: 'none', why: 'the question is not about Azure Machine Learning networking' };
  }
  return (
    recognizeText(k, q, scenarioScore) ?? {
      kind: 'none',
      why: 'nothing in the knowledge matches the question well enough',
    }
  );
}
