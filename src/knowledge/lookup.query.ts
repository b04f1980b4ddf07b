// Lookups behind free-text questions: by port, by service tag or FQDN, by keyword, by pasted error.
import MiniSearch from 'minisearch';
import { indexTerms, PHRASE_JOIN, phraseTerms } from '../understanding/normalise';
import { matchErrorPattern } from './error-pattern';
import { buildTermIndex, searchTermIndex, type TermIndex, type TermQuery } from './term-index';
import { formatPorts } from './plan.query';
import type {
  Cloud,
  CloudProfile,
  Conflict,
  KnownError,
  Knowledge,
  Rule,
  Scenario,
  Step,
} from './knowledge.schema';

export type HitKind = 'scenario' | 'rule' | 'step' | 'error' | 'conflict';

export interface LookupHit {
  kind: HitKind;
  id: string;
  /** Higher is better. Port, endpoint and error hits are in 0..1; keyword hits are BM25 scores. */
  score: number;
  /** Short text to show on a button or in a list. */
  label: string;
}

interface ById {
  scenarios: ReadonlyMap<string, Scenario>;
  rules: ReadonlyMap<string, Rule>;
  steps: ReadonlyMap<string, Step>;
  conflicts: ReadonlyMap<string, Conflict>;
  errors: ReadonlyMap<string, KnownError>;
}

// Understanding a question looks items up by id hundreds of times: index them once per knowledge.
const byIds = new WeakMap<Knowledge, ById>();

/** Items by id, and by the ids of the items merged into them. */
function withFormerIds<T extends { id: string; formerIds?: string[] | undefined }>(
  items: readonly T[],
): Map<string, T> {
  return new Map(
    items.flatMap((t) => [t.id, ...(t.formerIds ?? [])].map((id) => [id, t] as const)),
  );
}

function byId(k: Knowledge): ById {
  let found = byIds.get(k);
  if (!found) {
    const index = <T extends { id: string }>(items: readonly T[]) =>
      new Map(items.map((item) => [item.id, item]));
    found = {
      scenarios: index(k.scenarios),
      rules: index(k.rules),
      steps: withFormerIds(k.steps),
      conflicts: index(k.conflicts),
      errors: withFormerIds(k.errors),
    };
    byIds.set(k, found);
  }
  return found;
}

export function scenarioById(k: Knowledge, id: string): Scenario | undefined {
  return byId(k).scenarios.get(id);
}
export function ruleById(k: Knowledge, id: string): Rule | undefined {
  return byId(k).rules.get(id);
}
export function stepById(k: Knowledge, id: string): Step | undefined {
  return byId(k).steps.get(id);
}
export function conflictById(k: Knowledge, id: string): Conflict | undefined {
  return byId(k).conflicts.get(id);
}
export function errorById(k: Knowledge, id: string): KnownError | undefined {
  return byId(k).errors.get(id);
}
/** The profile of a sovereign cloud (its name, its own steps); none for the public cloud. */
export function cloudProfile(k: Knowledge, cloud: Cloud | undefined): CloudProfile | undefined {
  return k.clouds.find((c) => c.cloud === cloud);
}
/** Whether the knowledge lists the step as one that speaks for that sovereign cloud. */
export function stepSpeaksForCloud(
  k: Knowledge,
  cloud: Cloud | undefined,
  stepId: string,
): boolean {
  return cloudProfile(k, cloud)?.steps.includes(stepId) ?? false;
}
export function listScenarios(k: Knowledge): readonly Scenario[] {
  return k.scenarios;
}

export function ruleLabel(rule: Rule): string {
  const ports = rule.ports.length > 0 ? ` ${rule.protocol} ${formatPorts(rule.ports)}` : '';
  return `${rule.direction} ${rule.endpoint}${ports}`;
}

function byScore(a: LookupHit, b: LookupHit): number {
  return b.score - a.score;
}

/** Conflicts attached to the hit rules, ranked just below the weakest rule that cites them. */
function conflictHits(k: Knowledge, ruleHits: readonly LookupHit[]): LookupHit[] {
  const hits: LookupHit[] = [];
  for (const hit of ruleHits) {
    for (const id of ruleById(k, hit.id)?.conflicts ?? []) {
      const conflict = conflictById(k, id);
      if (!conflict || hits.some((h) => h.id === id)) continue;
      hits.push({ kind: 'conflict', id, score: hit.score / 2, label: conflict.topic });
    }
  }
  return hits;
}

/** Rules whose ports include `port`; a single-port match ranks above a range that contains it. */
export function findByPort(k: Knowledge, port: number): LookupHit[] {
  const rules: LookupHit[] = k.rules.flatMap((rule) => {
    const range = rule.ports.find((p) => p.from <= port && port <= p.to);
    if (!range) return [];
    const score = range.from === range.to ? 1 : 0.9;
    return [{ kind: 'rule' as const, id: rule.id, score, label: ruleLabel(rule) }];
  });
  const ordered = rules.sort(byScore);
  return [...ordered, ...conflictHits(k, ordered)];
}

/** Lower case, without scheme, path, port and trailing dot: "https://X.blob.core.windows.net:443/c" → host. */
export function normalizeEndpoint(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '');
}

function escapeRegex(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A template such as `Storage.<region>` or `*.blob.core.windows.net` as a regex over concrete
 * names: `<…>` stands for one name label, `*` for one or more labels.
 */
function templateRegex(template: string): RegExp {
  let regex = templateRegexes.get(template);
  if (!regex) templateRegexes.set(template, (regex = buildTemplateRegex(template)));
  return regex;
}

/** Templates come from the knowledge only, so this stays as small as the knowledge. */
const templateRegexes = new Map<string, RegExp>();

function buildTemplateRegex(template: string): RegExp {
  const pattern = template
    .split(/(<[^>]+>|\*)/)
    .map((part) => {
      if (part === '*') return '[a-z0-9-]+(?:\\.[a-z0-9-]+)*';
      if (/^<[^>]+>$/.test(part)) return '[a-z0-9-]+';
      return escapeRegex(part);
    })
    .join('');
  return new RegExp(`^${pattern}$`, 'i');
}

function endpointScore(spelling: string, wanted: string): number {
  const name = spelling.toLowerCase();
  if (name === wanted) return 1;
  // "instances.azureml.ms" names the zone of *.instances.azureml.ms, which is more specific than
  // *.azureml.ms, whose template it also fits.
  if (name.startsWith('*.') && name.slice(2) === wanted) return 0.95;
  // So does "experiments.azureml.net", typed without its region, of <region>.experiments.azureml.net.
  if (/^<[^<>]{1,40}>\./.test(name) && name.replace(/^<[^<>]{1,40}>\./, '') === wanted) return 0.95;
  if (templateRegex(name).test(wanted)) return 0.9;
  // "Storage" asks about Storage.<region>; "azureml.ms" about *.azureml.ms.
  const base = name.replace(/\.<region>$/, '').replace(/^\*\./, '');
  if (base === wanted) return 0.8;
  // "*.pypi.org" or "*pypi.org", typed for a firewall rule, is about pypi.org (which the first
  // does not even cover).
  const typedDomain = wanted.replace(/^\*\.?/, '');
  if (typedDomain !== wanted && (name === typedDomain || base === typedDomain)) return 0.8;
  // "*.tundra.azureml.ms" types a wildcard where the template has a placeholder label.
  if (wanted.startsWith('*.') && /^<[^<>]{1,40}>\./.test(name)) {
    if (templateRegex(name).test(`x${wanted.slice(1)}`)) return 0.85;
  }
  // "ingest-*.kusto.windows.net", copied from a proxy log, types a wildcard inside its first label:
  // a host that the template's wildcard covers.
  if (/^[^.*]+\*[^.]*\./.test(wanted) || /^\*[^.]+\./.test(wanted)) {
    if (templateRegex(name).test(wanted.replace('*', 'x'))) return 0.85;
  }
  // "*.westeurope.batch.azure.com" fills the region of the template's wildcard name.
  if (wanted.startsWith('*.') && name.startsWith('*.')) {
    if (templateRegex(name.slice(2)).test(wanted.slice(2))) return 0.9;
  }
  if (wanted.length >= 4 && name.includes(wanted)) return 0.5;
  return 0;
}

/**
 * The other spellings (`aliases`) that `text` matches better than their rule's own name: the
 * spelling one article uses for a name whose real form is another ("Frontdoor.FirstParty").
 */
export function aliasesTyped(k: Knowledge, text: string): { rule: Rule; alias: string }[] {
  const wanted = normalizeEndpoint(text);
  if (wanted === '') return [];
  // Most rules have no other spelling: only those that do are scored again.
  return k.rules.flatMap((rule) => {
    if (!rule.aliases?.length) return [];
    const own = endpointScore(rule.endpoint, wanted);
    return rule.aliases
      .filter((alias) => {
        const score = endpointScore(alias, wanted);
        return score >= 0.8 && score > own;
      })
      .map((alias) => ({ rule, alias }));
  });
}

/** Whether a typed name fills a template's placeholders ("a.westeurope.x" of "<n>.<region>.x"). */
export function fitsTemplate(template: string, text: string): boolean {
  const wanted = normalizeEndpoint(text);
  return wanted !== '' && templateRegex(template.toLowerCase()).test(wanted);
}

/** Rules whose service tag, FQDN or setting matches `text`, including other spellings and regions. */
export function findByEndpoint(k: Knowledge, text: string): LookupHit[] {
  const wanted = normalizeEndpoint(text);
  if (wanted === '') return [];
  const rules: LookupHit[] = k.rules.flatMap((rule) => {
    const score = Math.max(
      ...[rule.endpoint, ...(rule.aliases ?? [])].map((s) => endpointScore(s, wanted)),
    );
    return score > 0 ? [{ kind: 'rule' as const, id: rule.id, score, label: ruleLabel(rule) }] : [];
  });
  const ordered = rules.sort(byScore);
  // Endpoints no rule carries any more (e.g. an obsolete registry) live on their conflict.
  const obsolete: LookupHit[] = k.conflicts.flatMap((c) => {
    const score = Math.max(0, ...(c.endpoints ?? []).map((e) => endpointScore(e, wanted)));
    return score > 0 ? [{ kind: 'conflict' as const, id: c.id, score, label: c.topic }] : [];
  });
  const related = conflictHits(k, ordered).filter((h) => !obsolete.some((o) => o.id === h.id));
  return [...ordered, ...obsolete, ...related].sort(byScore);
}

interface SearchDoc {
  key: string;
  kind: HitKind;
  id: string;
  label: string;
  title: string;
  /** Other names: synonyms, aliases, error codes, obsolete endpoints. */
  names: string;
  /** How people ask about the item (`ask` in the data). */
  ask: string;
  text: string;
}

/**
 * Abbreviations written in the data ("aci") also index what they mean ("azure container
 * instances"), so a question spelled out finds an item written in short, and the other way round.
 */
function withMeanings(k: Knowledge): (text: string) => string {
  const meanings = new Map(k.vocabulary.map((v) => [v.term, v.means]));
  return (text) => {
    const extra = [...new Set(indexTerms(text))].flatMap((t) => meanings.get(t) ?? []);
    return extra.length > 0 ? `${text} \n ${extra.join(' \n ')}` : text;
  };
}

function searchDocs(k: Knowledge): SearchDoc[] {
  const expand = withMeanings(k);
  const doc = (
    kind: HitKind,
    id: string,
    label: string,
    f: Pick<SearchDoc, 'title' | 'names' | 'ask' | 'text'>,
  ): SearchDoc => ({
    key: `${kind}:${id}`,
    kind,
    id,
    label,
    ...f,
    names: expand(f.names),
    ask: expand(f.ask),
  });
  const join = (list: readonly string[] | undefined) => (list ?? []).join(' \n ');
  return [
    ...k.scenarios.map((s) =>
      doc('scenario', s.id, s.title, {
        title: s.title,
        names: join([...s.synonyms, ...(s.hints ?? [])]),
        ask: join(s.ask),
        text: s.summary,
      }),
    ),
    ...k.rules.map((r) =>
      doc('rule', r.id, ruleLabel(r), {
        // Placeholders (<region>, <acr>) are not words anyone types for this endpoint.
        title: [r.endpoint, ...(r.aliases ?? [])].join(' ').replace(/<[^<>]{1,40}>/g, ' '),
        names: '',
        ask: join(r.ask),
        text: r.purpose,
      }),
    ),
    ...k.steps.map((s) =>
      doc('step', s.id, s.title, {
        title: s.title,
        names: '',
        ask: join(s.ask),
        text: `${s.answer ?? ''} ${s.text}`,
      }),
    ),
    ...k.errors.map((e) =>
      doc('error', e.id, e.title, {
        title: e.title,
        names: '',
        ask: join(e.ask),
        // Pasted messages go through findByError; here the patterns only help as plain text.
        text: [
          e.cause,
          e.fix ?? '',
          ...e.patterns.flatMap((p) => ('contains' in p ? [p.contains] : [])),
        ].join(' '),
      }),
    ),
    ...k.conflicts.map((c) =>
      doc('conflict', c.id, c.topic, {
        title: c.topic,
        names: join(c.endpoints),
        ask: join(c.ask),
        text: [c.answer ?? '', c.recommendation, ...c.positions.map((p) => p.claim)].join(' '),
      }),
    ),
  ];
}

interface KnowledgeIndex {
  search: MiniSearch<SearchDoc>;
  /** The same documents, fields and boosts, for understanding's many-term queries. */
  terms: TermIndex;
  docs: readonly SearchDoc[];
  /** How many items use each term: rare terms say more about what a question is about. */
  documentFrequency: ReadonlyMap<string, number>;
  size: number;
}

const SEARCH_FIELDS = ['title', 'names', 'ask', 'text'] as const;
/** The ways people ask weigh most, then names and titles, then the running text. */
const FIELD_BOOSTS: Readonly<Record<(typeof SEARCH_FIELDS)[number], number>> = {
  title: 2,
  names: 2,
  ask: 2.5,
  text: 1,
};

// The index depends only on the (immutable) knowledge, so build it once per knowledge object.
const indexes = new WeakMap<Knowledge, KnowledgeIndex>();

function knowledgeIndex(k: Knowledge): KnowledgeIndex {
  let index = indexes.get(k);
  if (!index) {
    const docs = searchDocs(k);
    // Each document's fields tokenized once, for the document frequencies and the term index.
    const fieldTerms = docs.map((d) => SEARCH_FIELDS.map((field) => phraseTerms(d[field])));
    const documentFrequency = new Map<string, number>();
    for (const fields of fieldTerms) {
      for (const t of new Set(fields.flat())) {
        documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
      }
    }
    const terms = buildTermIndex(
      fieldTerms.map((fields) => ({ fields })),
      SEARCH_FIELDS.length,
    );
    const search = new MiniSearch<SearchDoc>({
      idField: 'key',
      fields: [...SEARCH_FIELDS],
      storeFields: ['kind', 'id', 'label'],
      tokenize: phraseTerms,
      processTerm: (t) => t,
      searchOptions: {
        boost: FIELD_BOOSTS,
        // A phrase of two terms matches exactly: its words were already forgiven their typos,
        // and fuzzy lookups of long phrase terms were most of the cost of a question.
        fuzzy: (term) => (term.length >= 7 && !term.includes(PHRASE_JOIN) ? 0.15 : false),
        prefix: false,
        combineWith: 'OR',
      },
    });
    search.addAll(docs);
    index = { search, terms, docs, documentFrequency, size: docs.length };
    indexes.set(k, index);
  }
  return index;
}

/**
 * The one full-text index of the knowledge: titles, names, the ways people ask and texts, with
 * stemmed terms. Free-text understanding and the message extension's search both read it.
 */
export function searchIndex(k: Knowledge): MiniSearch<SearchDoc> {
  return knowledgeIndex(k).search;
}

export interface TermHit {
  kind: HitKind;
  id: string;
  score: number;
  /** The query terms the item matched. */
  queryTerms: string[];
}

/**
 * BM25 over every item's fields for a question's terms and phrases, each with its own boost and
 * fuzziness: the same scores as the MiniSearch index gives, computed without its per-term overhead.
 */
export function searchByTerms(k: Knowledge, queries: readonly TermQuery[]): TermHit[] {
  const { terms, docs } = knowledgeIndex(k);
  return searchTermIndex(
    terms,
    queries,
    SEARCH_FIELDS.map((field) => FIELD_BOOSTS[field]),
  ).map((m) => {
    const d = docs[m.doc]!;
    return { kind: d.kind, id: d.id, score: m.score, queryTerms: m.queryTerms };
  });
}

/** Whether some item uses this search term as it is. */
export function isIndexed(k: Knowledge, term: string): boolean {
  return knowledgeIndex(k).documentFrequency.has(term);
}

/** Inverse document frequency of a search term; a term no item uses weighs most. */
export function inverseDocumentFrequency(k: Knowledge, term: string): number {
  const index = knowledgeIndex(k);
  return Math.log(1 + index.size / ((index.documentFrequency.get(term) ?? 0) + 0.5));
}

/** A scenario's edge in a keyword lookup: enough to order a near-tie, not to beat a better item. */
const SCENARIO_LOOKUP_BOOST = 1.02;

/** BM25 search over every item's title, names, `ask` phrasings and text. */
export function findByKeyword(k: Knowledge, text: string, limit = 10): LookupHit[] {
  const terms = indexTerms(text.slice(0, 4000)).slice(0, 60);
  if (terms.length === 0) return [];
  return (
    searchIndex(k)
      // Short "what about X?" lookups read an item's own names and text, as a glossary would.
      .search(terms.join(' '), {
        tokenize: (t) => t.split(' '),
        fields: ['title', 'names', 'text'],
        boost: { names: 3, title: 2, text: 1 },
        // A scenario is the broader entry: a topic that ties with one of its items opens the
        // scenario, whatever words another item's text happens to add to the index.
        boostDocument: (_id, _term, stored) =>
          stored?.['kind'] === 'scenario' ? SCENARIO_LOOKUP_BOOST : 1,
        prefix: true,
        fuzzy: 0.2,
      })
      .slice(0, limit)
      .map((r) => ({
        kind: r['kind'] as HitKind,
        id: r['id'] as string,
        score: r.score,
        label: r['label'] as string,
      }))
  );
}

function matches(pattern: KnownError['patterns'][number], text: string): number {
  if ('contains' in pattern) {
    return text.toLowerCase().includes(pattern.contains.toLowerCase())
      ? pattern.contains.length
      : 0;
  }
  return matchErrorPattern(pattern.regex, text);
}

/**
 * Known errors whose patterns occur in the pasted text. More matching patterns rank higher, and
 * longer matches break ties, so a specific message beats a generic word like "403".
 */
export function findByError(k: Knowledge, text: string): LookupHit[] {
  return k.errors
    .flatMap((e) => {
      const lengths = e.patterns.map((p) => matches(p, text)).filter((n) => n > 0);
      if (lengths.length === 0) return [];
      const raw = lengths.length + Math.min(Math.max(...lengths), 100) / 100;
      const score = Math.min(1, raw / 3);
      return [{ kind: 'error' as const, id: e.id, score, label: e.title }];
    })
    .sort(byScore);
}
