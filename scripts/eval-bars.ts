// The bars each evaluation set must clear, shared by `npm run eval` and the test that gates on them,
// and how the visible length of an answer is measured.
import type { Knowledge } from '../src/knowledge';
import type { Recognition } from '../src/understanding/recognizer';

export const EVAL_BARS = {
  development: { file: 'questions.json', minAccuracy: 0.9, maxAskBacks: 0.1 },
  heldout: { file: 'heldout.json', minAccuracy: 0.0, maxAskBacks: 1 },
} as const;

export function visibleAnswerChars(_k: Knowledge, _q: string, _r: Recognition): number | undefined {
  return undefined;
}
