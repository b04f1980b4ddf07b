// The full-text index that free-text understanding queries once per question, with up to 60 terms
// and their phrases. It scores an OR query exactly as MiniSearch 7 does (BM25+ per field, field and
// term boosts, fuzzy neighbours weighted by length and distance, the sum times the number of query
// terms matched), so rankings do not move; what it saves is MiniSearch's per-term option objects and
// its fuzzy walk of the whole term tree, which were most of the time a question took. Fuzzy
// neighbours of a term are worked out once and kept. One difference: a word of more than 64
// letters gets no fuzzy neighbours (the shared edit distance stops there); it is no typo.
import { editDistance } from '../understanding/normalise';

/** BM25+ parameters, MiniSearch's defaults. */
const K = 1.2;
const B = 0.7;
const D = 0.5;
/** Weight of a fuzzy match before its length and distance (MiniSearch's default). */
const FUZZY_WEIGHT = 0.45;
/** MiniSearch's cap on the edit distance of a fuzzy match. */
const MAX_FUZZY = 6;
/** Fuzzy neighbour lists kept; past this the cache starts over, so memory stays bounded. */
const MAX_CACHED_TERMS = 20_000;

export interface TermIndexInput {
  /** One token list per field, in the order of the index's fields. */
  fields: readonly (readonly string[])[];
}

interface Posting {
  doc: number;
  freq: number;
  /** The BM25+ score of the term in this field of this document, fixed once the index is built. */
  raw: number;
}

export interface TermIndex {
  readonly fieldCount: number;
  readonly docCount: number;
  /** term → per field, the documents that hold it (in document order) and how often. */
  readonly postings: ReadonlyMap<string, readonly (readonly Posting[] | undefined)[]>;
  /** Per document and field: the number of distinct terms. */
  readonly fieldLength: readonly (readonly number[])[];
  readonly averageFieldLength: readonly number[];
  /** Every term by its length, for fuzzy lookups. */
  readonly termsByLength: ReadonlyMap<number, readonly string[]>;
  /** term + max distance → its fuzzy neighbours and their distances. */
  readonly fuzzyCache: Map<string, readonly (readonly [string, number])[]>;
}

export function buildTermIndex(docs: readonly TermIndexInput[], fieldCount: number): TermIndex {
  const postings = new Map<string, (Posting[] | undefined)[]>();
  const fieldLength: number[][] = [];
  const averageFieldLength = new Array<number>(fieldCount).fill(0);
  docs.forEach((d, doc) => {
    const lengths: number[] = [];
    for (let field = 0; field < fieldCount; field++) {
      const tokens = d.fields[field] ?? [];
      lengths[field] = new Set(tokens).size;
      // The running mean, computed as MiniSearch does, so scores match to the last bit.
      averageFieldLength[field] = (averageFieldLength[field]! * doc + lengths[field]!) / (doc + 1);
      for (const term of tokens) {
        let byField = postings.get(term);
        if (!byField) postings.set(term, (byField = []));
        const list = (byField[field] ??= []);
        const last = list[list.length - 1];
        if (last?.doc === doc) last.freq++;
        else list.push({ doc, freq: 1, raw: 0 });
      }
    }
    fieldLength.push(lengths);
  });
  const built = { docCount: docs.length, fieldLength, averageFieldLength };
  for (const byField of postings.values())
    byField.forEach((list, field) => {
      for (const p of list ?? []) p.raw = bm25(built, p.freq, list!.length, p.doc, field);
    });
  const termsByLength = new Map<number, string[]>();
  for (const term of postings.keys()) {
    const list = termsByLength.get(term.length) ?? [];
    list.push(term);
    termsByLength.set(term.length, list);
  }
  return {
    fieldCount,
    docCount: docs.length,
    postings,
    fieldLength,
    averageFieldLength,
    termsByLength,
    fuzzyCache: new Map(),
  };
}

export interface TermQuery {
  term: string;
  /** Multiplies every score the term contributes. */
  boost: number;
  /** Fuzzy matching as a share of the term's length (0.15), or off. */
  fuzzy: number | false;
}

export interface TermMatch {
  doc: number;
  score: number;
  /** The query terms the document matched, in query order. */
  queryTerms: string[];
}

function fuzzyNeighbours(
  index: TermIndex,
  term: string,
  maxDistance: number,
): readonly (readonly [string, number])[] {
  const key = `${maxDistance}:${term}`;
  const cached = index.fuzzyCache.get(key);
  if (cached) return cached;
  const found: [string, number][] = [];
  for (let length = term.length - maxDistance; length <= term.length + maxDistance; length++) {
    for (const candidate of index.termsByLength.get(length) ?? []) {
      const distance = editDistance(term, candidate, maxDistance, false);
      // 0 is the term itself, scored as exact; above the maximum is no neighbour.
      if (distance > 0 && distance <= maxDistance) found.push([candidate, distance]);
    }
  }
  if (index.fuzzyCache.size >= MAX_CACHED_TERMS) index.fuzzyCache.clear();
  index.fuzzyCache.set(key, found);
  return found;
}

function bm25(
  index: Pick<TermIndex, 'docCount' | 'fieldLength' | 'averageFieldLength'>,
  freq: number,
  matching: number,
  doc: number,
  field: number,
): number {
  const idf = Math.log(1 + (index.docCount - matching + 0.5) / (matching + 0.5));
  const length = index.fieldLength[doc]![field]!;
  const average = index.averageFieldLength[field]!;
  return idf * (D + (freq * (K + 1)) / (freq + K * (1 - B + (B * length) / average)));
}

/** Documents matching any query term, best first (ties in the order they were first matched). */
export function searchTermIndex(
  index: TermIndex,
  queries: readonly TermQuery[],
  fieldBoosts: readonly number[],
): TermMatch[] {
  const n = index.docCount;
  // Per document: the running total, and the current term's share of it. MiniSearch adds each
  // term's share to the total in one step, and so does this, so the sums round the same way.
  const total = new Float64Array(n);
  const share = new Float64Array(n);
  const inTerm = new Uint8Array(n);
  const touched = new Int32Array(n);
  const termsOf = new Array<string[] | undefined>(n);
  const order: number[] = [];
  for (const q of queries) {
    let count = 0;
    const add = (derived: string, weight: number) => {
      const byField = index.postings.get(derived);
      if (!byField) return;
      for (let field = 0; field < index.fieldCount; field++) {
        const list = byField[field];
        if (!list) continue;
        const boost = fieldBoosts[field]!;
        for (const { doc, raw } of list) {
          // In MiniSearch's order: term weight, term boost, field boost, document boost, BM25.
          const weighted = weight * q.boost * boost * 1 * raw;
          if (inTerm[doc]) share[doc] = share[doc]! + weighted;
          else {
            inTerm[doc] = 1;
            share[doc] = weighted;
            touched[count++] = doc;
          }
        }
      }
    };
    add(q.term, 1);
    if (q.fuzzy !== false) {
      const maxDistance = Math.min(MAX_FUZZY, Math.round(q.term.length * q.fuzzy));
      if (maxDistance > 0) {
        for (const [derived, distance] of fuzzyNeighbours(index, q.term, maxDistance))
          add(derived, (FUZZY_WEIGHT * derived.length) / (derived.length + distance));
      }
    }
    for (let i = 0; i < count; i++) {
      const doc = touched[i]!;
      inTerm[doc] = 0;
      const terms = termsOf[doc];
      if (terms) {
        total[doc] = total[doc]! + share[doc]!;
        if (!terms.includes(q.term)) terms.push(q.term);
      } else {
        total[doc] = share[doc]!;
        termsOf[doc] = [q.term];
        order.push(doc);
      }
    }
  }
  return order
    .map((doc) => {
      const queryTerms = termsOf[doc]!;
      return { doc, score: total[doc]! * queryTerms.length, queryTerms };
    })
    .sort((a, b) => b.score - a.score);
}
