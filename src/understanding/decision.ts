// The decision: answer the best plausible candidate (with the runners-up as "Did you mean"), ask
// back only when nothing is plausible or two different things truly tie, or say nothing matches.
import type { Candidate, Target } from './ranking';
import { targetKey } from './ranking';

/** Below this nothing is offered at all. */
export const MIN_SCORE = 0.3;
/** From here the best candidate is answered. */
export const ANSWER_SCORE = 0.4;
/** Two candidates closer than this truly tie, unless the best one is strong. */
export const TIE_MARGIN = 0.03;
/** A strong best candidate is answered even when another one ties with it. */
export const STRONG_SCORE = 0.62;
/** Runners-up shown under an answer must reach this share of the best score. */
export const ALTERNATIVE_SHARE = 0.55;
export const MAX_ALTERNATIVES = 3;

export type Decision =
  | { kind: 'answer'; target: Target; alternatives: Target[]; confidence: number }
  | { kind: 'choices'; candidates: Target[] }
  | { kind: 'none' };

/** Best score per target, best first. */
export function distinctRanked(candidates: readonly Candidate[]): Candidate[] {
  const best = new Map<string, Candidate>();
  for (const c of candidates) {
    const key = targetKey(c.target);
    const seen = best.get(key);
    if (!seen || c.score > seen.score) best.set(key, c);
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/**
 * Decides between candidates. `related` says whether two targets belong together (the same
 * scenario): a near-tie between related things is answered, the other one offered under it;
 * only a near-tie between unrelated things is worth a question back.
 */
export function decide(
  candidates: readonly Candidate[],
  related: (a: Target, b: Target) => boolean = () => false,
  /** Whether the answer's card already shows all a runner-up would: such a one is no alternative. */
  shownBy: (answer: Target, runnerUp: Target) => boolean = () => false,
): Decision {
  const ranked = distinctRanked(candidates).filter((c) => c.score >= MIN_SCORE);
  const [top, second] = ranked;
  if (!top) return { kind: 'none' };
  const tie =
    second !== undefined &&
    top.score - second.score < TIE_MARGIN &&
    top.score < STRONG_SCORE &&
    !related(top.target, second.target);
  if (top.score < ANSWER_SCORE || tie) {
    if (ranked.length < 2) return top.score >= ANSWER_SCORE ? answer(top, []) : { kind: 'none' };
    return { kind: 'choices', candidates: ranked.slice(0, MAX_ALTERNATIVES).map((c) => c.target) };
  }
  const alternatives = ranked
    .slice(1)
    .filter((c) => c.score >= top.score * ALTERNATIVE_SHARE && !shownBy(top.target, c.target))
    .slice(0, MAX_ALTERNATIVES)
    .map((c) => c.target);
  return answer(top, alternatives);
}

function answer(top: Candidate, alternatives: Target[]): Decision {
  return {
    kind: 'answer',
    target: top.target,
    alternatives,
    confidence: Math.round(Math.min(1, top.score) * 100) / 100,
  };
}
