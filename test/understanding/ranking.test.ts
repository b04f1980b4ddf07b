// Ranking by words: BM25 over each item's names and phrasings, plus how completely a long
// question holds one of the ways people ask about an item.
import { getKnowledge } from '../../src/knowledge';
import { indexTerms } from '../../src/understanding/normalise';
import { wordHits } from '../../src/understanding/ranking';

const k = getKnowledge();
const hitsFor = (question: string) => wordHits(k, indexTerms(question), 0.7);
const hitOf = (question: string, key: string) =>
  hitsFor(question).find((h) => `${h.kind}:${h.id}` === key);

describe('ranking by words', () => {
  it('a long question that holds a phrasing whole contains it fully', () => {
    const question =
      'We run our own DNS on premises and already linked the zones to the hub. The team asks: ' +
      'custom dns server which zones do i forward to 168.63.129.16, and what about the studio?';
    expect(hitOf(question, 'step:step-dns-custom-forwarder')?.containment).toBe(1);
  });

  it('a phrasing the question holds only in part contains it in part', () => {
    const hit = hitOf('which dns zones for my server', 'step:step-dns-custom-forwarder');
    expect(hit?.containment).toBeGreaterThan(0);
    expect(hit?.containment).toBeLessThan(1);
  });

  it('a shared phrase of two words widens the lead of the item that has it', () => {
    const lead = (phraseBoost: number) => {
      const [first, second] = wordHits(k, indexTerms('cluster without public ip'), phraseBoost);
      expect(first?.id).toBe('note-no-public-ip');
      return (first?.relative ?? 0) - (second?.relative ?? 0);
    };
    expect(lead(0.7)).toBeGreaterThan(lead(0));
  });
});
