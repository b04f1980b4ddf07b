// The evaluation sets gate the tests: the development sets (tuned on) and the frozen held-out set of
// real users' questions (never tuned on) must all stay at or above their bars.
import { getKnowledge } from '../../src/knowledge';
import { createRecognizer } from '../../src/understanding/recognizer';
import { EVAL_BARS, readEvalSet, scoreSet } from '../../tools/eval/eval-bars';

const k = getKnowledge();
const recognize = createRecognizer(k);

describe.each(Object.entries(EVAL_BARS))('the %s set', (_name, bar) => {
  const result = scoreSet(k, recognize, bar.file);

  it('is understood at or above its bar', () => {
    expect(result.accuracy).toBeGreaterThanOrEqual(bar.minAccuracy);
  });

  it('asks back rarely', () => {
    expect(result.askBackRate).toBeLessThanOrEqual(bar.maxAskBacks);
  });

  it('answers in at most 1,500 visible characters at the median', () => {
    expect(result.medianVisibleChars).toBeLessThanOrEqual(1500);
  });
});

describe('the held-out set', () => {
  const file = readEvalSet('heldout.json');
  it('holds at least 100 real questions, each with the public thread it came from', () => {
    expect(file.questions.length).toBeGreaterThanOrEqual(100);
    for (const q of file.questions) expect(q.url).toMatch(/^https:\/\//);
  });
});
