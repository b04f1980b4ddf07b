// Ranking by words: BM25 over each item's names and phrasings, plus how completely a long
// question holds one of the ways people ask about an item, and how specific the one it holds is.
import { getKnowledge } from '../../src/knowledge';
import { indexTerms } from '../../src/understanding/normalise';
import { parseQuestion } from '../../src/understanding/facets';
import { egressFit, wordHits } from '../../src/understanding/ranking';

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

  it('a message that holds a long phrasing carries its rarity; one that holds a short one, less', () => {
    const story = 'Our workspace has a private endpoint and the DNS team keeps records by hand. ';
    const long = hitOf(
      story +
        "managed online endpoint scoring uri doesn't resolve from inside the vnet, no inference record",
      'step:step-oep-scoring-name-unresolved',
    );
    const short = hitOf(
      story + 'no inference record in the privatelink.api.azureml.ms zone',
      'step:step-oep-scoring-name-unresolved',
    );
    expect(short?.heldPhrasing).toBeGreaterThan(0);
    expect(long?.heldPhrasing).toBeGreaterThan(short?.heldPhrasing ?? Infinity);
  });

  it('a question that holds less than most of every phrasing of an item carries none', () => {
    expect(
      hitOf('which dns zones for my server', 'step:step-dns-custom-forwarder')?.heldPhrasing,
    ).toBe(0);
  });
});

describe('fit to the way out the question states', () => {
  const nat = { kind: 'step' as const, id: 'step-nat-gateway', label: '' };
  const fitOf = (question: string) =>
    egressFit(
      k,
      nat,
      parseQuestion(k, question, () => false),
    );

  it.each([
    // The NAT gateway is for compute whose traffic goes through NSGs only.
    ['pip install on the cluster behind azure firewall', -0.15],
    ['cluster behind a third-party firewall without service tags', -0.15],
    ['cluster whose outbound goes through NSGs only', 0],
    // No way out stated: nothing to fit.
    ['pip install on the cluster', 0],
  ])('"%s" moves the NAT gateway step by %d', (question, fit) => {
    expect(fitOf(question)).toBeCloseTo(fit);
  });
});
