// The term index that free-text understanding queries must score exactly as MiniSearch, the
// library it replaces on that path, scores the same documents: same items, same order, same scores.
import { readFileSync } from 'node:fs';
import { loadKnowledge } from '../../src/knowledge';
import { searchByTerms, searchIndex } from '../../src/knowledge/lookup.query';
import { buildTermIndex, searchTermIndex, type TermQuery } from '../../src/knowledge/term-index';
import { editDistance, indexTerms, PHRASE_JOIN } from '../../src/understanding/normalise';
import { projectPath } from '../../src/paths';

const k = loadKnowledge();

/** A question's terms and phrases as understanding queries them: phrases weaker, long words fuzzy. */
function queriesOf(question: string): TermQuery[] {
  const terms = [...new Set(indexTerms(question))];
  const phrases = terms.slice(1).map((t, i) => `${terms[i]}${PHRASE_JOIN}${t}`);
  return [...terms, ...phrases].map((term, i) => ({
    term,
    boost: term.includes(PHRASE_JOIN) ? 0.7 : i % 3 === 0 ? 1.5 : 1,
    fuzzy: !term.includes(PHRASE_JOIN) && term.length >= 7 ? 0.15 : false,
  }));
}

function byMiniSearch(queries: readonly TermQuery[]) {
  const boost = new Map(queries.map((q) => [q.term, q.boost]));
  const fuzzy = new Map(queries.map((q) => [q.term, q.fuzzy]));
  return searchIndex(k)
    .search(queries.map((q) => q.term).join(' '), {
      tokenize: (t) => t.split(' '),
      boostTerm: (t) => boost.get(t) ?? 1,
      fuzzy: (t) => fuzzy.get(t) ?? false,
    })
    .map((r) => ({
      key: `${r['kind'] as string}:${r['id'] as string}`,
      score: r.score,
      queryTerms: r.queryTerms,
    }));
}

const questions = (
  JSON.parse(readFileSync(projectPath('test', 'eval', 'questions.json'), 'utf8')) as {
    questions: { q: string }[];
  }
).questions.map((q) => q.q);

describe('the term index scores as MiniSearch does', () => {
  it.each([
    'which inbound ports does a compute instance need',
    'computeinstance cant reach the privatelink workspce', // typos: fuzzy neighbours
    'publicip on the clustr', // a fuzzy match of a phrase term ("public_ip")
    'NameResolutionError for ws.api.azureml.ms behind our firewall',
  ])('"%s": same items, order, scores and matched terms', (question) => {
    const queries = queriesOf(question);
    const ours = searchByTerms(k, queries).map((h) => ({
      key: `${h.kind}:${h.id}`,
      score: h.score,
      queryTerms: h.queryTerms,
    }));
    expect(ours.length).toBeGreaterThan(0);
    expect(ours).toEqual(byMiniSearch(queries));
  });

  it(`ranks every development question (${questions.length}) exactly as MiniSearch`, () => {
    const differing = questions.filter((q) => {
      const queries = queriesOf(q);
      const ours = searchByTerms(k, queries).map((h) => `${h.kind}:${h.id}:${h.score}`);
      const theirs = byMiniSearch(queries).map((h) => `${h.key}:${h.score}`);
      return ours.join('|') !== theirs.join('|');
    });
    expect(differing).toEqual([]);
  }, 60_000);
});

describe('scoring', () => {
  const index = buildTermIndex(
    [
      { fields: [['vnet'], ['compute', 'vnet', 'vnet']] },
      { fields: [['subnet'], ['compute']] },
      { fields: [[], ['storage', 'account']] },
    ],
    2,
  );

  it('a document matching more query terms ranks first, and its matched terms are listed', () => {
    const hits = searchTermIndex(
      index,
      [
        { term: 'compute', boost: 1, fuzzy: false },
        { term: 'vnet', boost: 1, fuzzy: false },
      ],
      [2, 1],
    );
    expect(hits.map((h) => h.doc)).toEqual([0, 1]);
    expect(hits[0]!.queryTerms).toEqual(['compute', 'vnet']);
  });

  it('a term boost scales what the term adds, and an unknown term adds nothing', () => {
    const once = searchTermIndex(index, [{ term: 'storage', boost: 1, fuzzy: false }], [1, 1]);
    const twice = searchTermIndex(index, [{ term: 'storage', boost: 2, fuzzy: false }], [1, 1]);
    expect(twice[0]!.score).toBeCloseTo(2 * once[0]!.score, 12);
    expect(searchTermIndex(index, [{ term: 'firewall', boost: 1, fuzzy: 0.5 }], [1, 1])).toEqual(
      [],
    );
  });

  it('a fuzzy neighbour counts less than the exact word', () => {
    const exact = searchTermIndex(index, [{ term: 'storage', boost: 1, fuzzy: false }], [1, 1]);
    const typo = searchTermIndex(index, [{ term: 'storag', boost: 1, fuzzy: 0.2 }], [1, 1]);
    expect(typo.map((h) => h.doc)).toEqual([2]);
    expect(typo[0]!.score).toBeLessThan(exact[0]!.score);
  });
});

describe('edit distance as full-text search counts it (no transpositions)', () => {
  const levenshtein = (a: string, b: string, max: number) => {
    const d = editDistance(a, b, max, false);
    return d <= max ? d : undefined;
  };

  it.each([
    ['compute', 'compute', 1, 0],
    ['compute', 'compte', 1, 1],
    ['compute', 'comptue', 2, 2], // a swapped pair is two edits here, one for typo checks
    ['compute', 'comptue', 1, undefined],
    ['public_ip', 'publicip', 1, 1],
    ['kitten', 'sitting', 3, 3],
    ['kitten', 'sitting', 2, undefined],
  ])('"%s" to "%s" within %i → %s', (a, b, max, expected) => {
    expect(levenshtein(a, b, max)).toBe(expected);
  });

  it('a swapped pair still counts as one edit where typos are checked', () => {
    expect(editDistance('compute', 'comptue', 2)).toBe(1);
  });

  it('agrees with the textbook distance on many random pairs', () => {
    const textbook = (a: string, b: string) => {
      const d = Array.from({ length: a.length + 1 }, (_, i) =>
        Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
      );
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++)
          d[i]![j] = Math.min(
            d[i - 1]![j]! + 1,
            d[i]![j - 1]! + 1,
            d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
          );
      return d[a.length]![b.length]!;
    };
    // A fixed pseudo-random sequence, so a failure can be reproduced.
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const word = () =>
      Array.from({ length: Math.floor(next() * 9) }, () => 'abc_'[Math.floor(next() * 4)]).join('');
    for (let n = 0; n < 5000; n++) {
      const [a, b, max] = [word(), word(), Math.floor(next() * 4)];
      const distance = textbook(a, b);
      expect(levenshtein(a, b, max)).toBe(distance <= max ? distance : undefined);
    }
  });
});
