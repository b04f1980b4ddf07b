// The bars each evaluation set must clear, shared by `npm run eval` and the test that gates on them,
// and how the visible length of an answer is measured. The held-out bar sits just under its last
// score, so any drop fails the tests; raise it when the score rises, never lower it to pass.
// `threads.json` is a second development set of real questions from public threads (tuning
// allowed), distinct from the held-out threads.
import type { Knowledge } from '../../src/knowledge';
import { answerFor } from '../../src/answers/reply';
import { visibleChars } from '../../src/cards/visible-text';
import { readFileSync } from 'node:fs';
import { projectPath } from '../../src/paths';
import {
  evaluate,
  parseEvalFile,
  type EvalFile,
  type EvalResult,
  type SameAnswer,
} from './evaluation';
import { rulesShown } from '../../src/understanding/ranking';
import { errorById, stepById } from '../../src/knowledge/lookup.query';
import type { Recognition, Recognizer } from '../../src/understanding/recognizer';

export const EVAL_BARS = {
  development: { file: 'questions.json', minAccuracy: 0.93, maxAskBacks: 0.02 },
  threads: { file: 'threads.json', minAccuracy: 0.64, maxAskBacks: 0.05 },
  heldout: { file: 'heldout.json', minAccuracy: 0.7, maxAskBacks: 0.02 },
} as const;

/** The ids of the rules a target's card lists: a port or host used by one rule shows that rule. */
function ruleIdsShown(k: Knowledge, t: { kind: string; id: string }): string[] {
  return rulesShown(k, t).map((r) => r.id);
}

/** An item merged into another is named by the item it became. */
function canonicalId(k: Knowledge, t: { kind: string; id: string }): string {
  if (t.kind === 'step') return stepById(k, t.id)?.id ?? t.id;
  if (t.kind === 'error') return errorById(k, t.id)?.id ?? t.id;
  return t.id;
}

/** Two targets answer alike when they are the same item or their cards list the same rules. */
export function sameAnswer(k: Knowledge): SameAnswer {
  return (a, b) => {
    if (a.kind === b.kind && canonicalId(k, a) === canonicalId(k, b)) return true;
    const x = ruleIdsShown(k, a);
    const y = ruleIdsShown(k, b);
    return x.length > 0 && x.length === y.length && x.every((id) => y.includes(id));
  };
}

/** Characters visible on the first card of an answer before anything is expanded. */
export function visibleAnswerChars(k: Knowledge, q: string, r: Recognition): number | undefined {
  const first = answerFor(k, r, q).cards[0];
  return first ? visibleChars(first) : undefined;
}

/** Reads one evaluation file of test/eval/. */
export function readEvalSet(file: string): EvalFile {
  return parseEvalFile(JSON.parse(readFileSync(projectPath('test', 'eval', file), 'utf8')));
}

/** Scores one set the way `npm run eval` and the gate test both do. */
export function scoreSet(k: Knowledge, recognize: Recognizer, file: string): EvalResult {
  return evaluate(
    recognize,
    readEvalSet(file).questions,
    (q, r) => visibleAnswerChars(k, q, r),
    sameAnswer(k),
  );
}
