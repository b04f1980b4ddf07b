// The evaluation sets gate the tests: the development set (tuned on) and the frozen held-out set of
// real users' questions (never tuned on) must both stay at or above their bars.
import { readFileSync } from 'node:fs';
import { getKnowledge } from '../../src/knowledge';
import { projectPath } from '../../src/paths';
import { evaluate, parseEvalFile } from '../../src/understanding/evaluation';
import { createRecognizer } from '../../src/understanding/recognizer';
import { EVAL_BARS, sameAnswer, visibleAnswerChars } from '../../scripts/eval-bars';

const k = getKnowledge();
const recognize = createRecognizer(k);

describe.each(Object.entries(EVAL_BARS))('the %s set', (_name, bar) => {
  const file = parseEvalFile(
    JSON.parse(readFileSync(projectPath('test', 'eval', bar.file), 'utf8')),
  );
  const result = evaluate(
    recognize,
    file.questions,
    (q, r) => visibleAnswerChars(k, q, r),
    sameAnswer(k),
  );

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
  const file = parseEvalFile(
    JSON.parse(readFileSync(projectPath('test', 'eval', 'heldout.json'), 'utf8')),
  );
  it('holds at least 100 real questions, each with the public thread it came from', () => {
    expect(file.questions.length).toBeGreaterThanOrEqual(100);
    for (const q of file.questions) expect(q.url).toMatch(/^https:\/\//);
  });
});
