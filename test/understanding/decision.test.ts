// The decision: answer first, ask back only when two unrelated things truly tie.
import { decide } from '../../src/understanding/decision';
import type { Candidate, Target } from '../../src/understanding/ranking';

const target = (id: string): Target => ({ kind: 'step', id, label: id });
const candidate = (id: string, score: number): Candidate => ({
  target: target(id),
  score,
  signal: 'words',
});
const sameScenario = (a: Target, b: Target) => a.id[0] === b.id[0];

describe('the decision', () => {
  it.each([
    [
      'a clear best answers, with runners-up as alternatives',
      [candidate('a1', 0.8), candidate('b1', 0.6)],
      'answer',
    ],
    ['an unrelated near-tie asks back', [candidate('a1', 0.5), candidate('b1', 0.49)], 'choices'],
    ['a related near-tie answers', [candidate('a1', 0.5), candidate('a2', 0.49)], 'answer'],
    ['a strong near-tie answers', [candidate('a1', 0.7), candidate('b1', 0.69)], 'answer'],
    ['nothing plausible says so', [candidate('a1', 0.2)], 'none'],
    [
      'weak candidates are offered as choices',
      [candidate('a1', 0.35), candidate('b1', 0.33)],
      'choices',
    ],
  ] as const)('%s', (_what, candidates, kind) => {
    expect(decide(candidates, sameScenario).kind).toBe(kind);
  });

  it('puts runners-up under the answer, best first, at most three', () => {
    const d = decide(
      [0.9, 0.7, 0.65, 0.6, 0.55].map((s, i) => candidate(`a${i}`, s)),
      sameScenario,
    );
    expect(d).toMatchObject({ kind: 'answer', target: { id: 'a0' } });
    expect(d.kind === 'answer' && d.alternatives.map((t) => t.id)).toEqual(['a1', 'a2', 'a3']);
  });

  it('leaves out a runner-up whose content the answer already shows, and takes the next one', () => {
    const shownBy = (_answer: Target, runnerUp: Target) => runnerUp.id === 'a1';
    const d = decide(
      [0.9, 0.7, 0.65, 0.6, 0.55].map((s, i) => candidate(`a${i}`, s)),
      sameScenario,
      shownBy,
    );
    expect(d.kind === 'answer' && d.alternatives.map((t) => t.id)).toEqual(['a2', 'a3', 'a4']);
  });
});
