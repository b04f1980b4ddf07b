// Scores the recognizer against a question set: top-1 accuracy, how often it asks back instead of
// answering, and (through a measure the caller passes in) how long the visible answers are.
import { z } from 'zod';
import type { Recognition, TargetKind } from '../../src/understanding/recognizer';

const Kind = z.enum(['scenario', 'rule', 'step', 'error', 'conflict', 'port', 'endpoint']);
const ExpectedTarget = z.strictObject({ kind: Kind, id: z.string().min(1) });

/** What a question should be recognized as: one target, or `"none"` for an off-topic question. */
export const Expected = z.union([z.literal('none'), ExpectedTarget]);
export type Expected = z.infer<typeof Expected>;

export const EvalCase = z.strictObject({
  q: z.string().min(1),
  expect: Expected,
  /** Other targets that answer the question equally well. */
  accept: z.array(ExpectedTarget).max(3).optional(),
  /** Where the question was asked (held-out set: a public thread). */
  url: z.url().optional(),
  /** The documented answer, in one sentence. */
  answer: z.string().optional(),
  facets: z
    .strictObject({
      direction: z.enum(['inbound', 'outbound']).optional(),
      yesNo: z.boolean().optional(),
    })
    .optional(),
});
export type EvalCase = z.infer<typeof EvalCase>;

export const EvalFile = z.looseObject({ questions: z.array(EvalCase).min(1) });
export type EvalFile = z.infer<typeof EvalFile>;

/** Parses an evaluation file's JSON; throws with a readable message naming the bad field. */
export function parseEvalFile(json: unknown): EvalFile {
  const parsed = EvalFile.safeParse(json);
  if (!parsed.success)
    throw new Error(`invalid evaluation file:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export interface EvalMiss {
  q: string;
  expected: string;
  got: string;
}

export interface EvalResult {
  total: number;
  correct: number;
  /** correct / total, 0..1. */
  accuracy: number;
  /** Share of questions answered with "which one do you mean?" instead of an answer, 0..1. */
  askBackRate: number;
  /** Share whose expected answer is on the card at all: the answer, a "Did you mean" or a choice. */
  offeredRate: number;
  /** Median characters a person sees of an answer before expanding anything (when measured). */
  medianVisibleChars?: number;
  /** Questions labelled off-topic (`"none"`), and how many of them the bot declined. */
  offTopic: { total: number; declined: number };
  /** On-topic questions the bot declined: knowledge it has but did not find. */
  onTopicDeclined: number;
  misses: EvalMiss[];
}

export function describeExpected(expected: Expected): string {
  return expected === 'none' ? 'none' : `${expected.kind}:${expected.id}`;
}

export function describeRecognition(r: Recognition): string {
  switch (r.kind) {
    case 'answer':
      return `answer ${r.target.kind}:${r.target.id} (${r.confidence})${
        r.alternatives.length > 0
          ? ` | also ${r.alternatives.map((a) => `${a.kind}:${a.id}`).join(', ')}`
          : ''
      }`;
    case 'choices':
      return `choices ${r.candidates.map((c) => `${c.kind}:${c.id}`).join(' | ')}`;
    case 'none':
      return `none (${r.why})`;
  }
}

function topTarget(r: Recognition): { kind: TargetKind; id: string } | undefined {
  if (r.kind === 'answer') return r.target;
  if (r.kind === 'choices') return r.candidates[0];
  return undefined;
}

/**
 * Correct when the top-1 target (the answer, or the first choice offered) is the expected one or
 * one of the accepted ones, or when 'none' is expected and nothing was recognized.
 */
/**
 * Whether two targets show the same answer. By default only the same target does; the caller may
 * know more (a port used by exactly one rule shows that rule's card).
 */
export type SameAnswer = (
  a: { kind: TargetKind; id: string },
  b: { kind: TargetKind; id: string },
) => boolean;

const sameTarget: SameAnswer = (a, b) => a.kind === b.kind && a.id === b.id;

/** Whether a shown target is the expected one, an accepted one, or shows the same answer. */
function matchesExpected(
  c: Pick<EvalCase, 'expect' | 'accept'>,
  shown: { kind: TargetKind; id: string },
  same: SameAnswer,
): boolean {
  if (c.expect === 'none') return false;
  return [c.expect, ...(c.accept ?? [])].some((e) => sameTarget(e, shown) || same(e, shown));
}

export function isCorrect(
  c: Pick<EvalCase, 'expect' | 'accept'>,
  r: Recognition,
  same: SameAnswer = sameTarget,
): boolean {
  if (c.expect === 'none') return r.kind === 'none';
  const top = topTarget(r);
  return top !== undefined && matchesExpected(c, top, same);
}

/** Whether the expected target is anywhere on the first card: answer, runner-up or choice. */
export function isOffered(
  c: Pick<EvalCase, 'expect' | 'accept'>,
  r: Recognition,
  same: SameAnswer = sameTarget,
): boolean {
  if (c.expect === 'none') return r.kind === 'none';
  const shown =
    r.kind === 'answer' ? [r.target, ...r.alternatives] : r.kind === 'choices' ? r.candidates : [];
  return shown.some((t) => matchesExpected(c, t, same));
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function evaluate(
  recognize: (q: string) => Recognition,
  cases: readonly EvalCase[],
  visibleChars?: (q: string, r: Recognition) => number | undefined,
  same: SameAnswer = sameTarget,
): EvalResult {
  const misses: EvalMiss[] = [];
  let askBacks = 0;
  let offered = 0;
  let offTopic = 0;
  let offTopicDeclined = 0;
  let onTopicDeclined = 0;
  const lengths: number[] = [];
  for (const c of cases) {
    const got = recognize(c.q);
    if (got.kind === 'choices') askBacks++;
    if (isOffered(c, got, same)) offered++;
    if (c.expect === 'none') offTopic++;
    if (got.kind === 'none') {
      if (c.expect === 'none') offTopicDeclined++;
      else onTopicDeclined++;
    }
    if (!isCorrect(c, got, same)) {
      misses.push({ q: c.q, expected: describeExpected(c.expect), got: describeRecognition(got) });
    }
    if (visibleChars && got.kind === 'answer') {
      const n = visibleChars(c.q, got);
      if (n !== undefined) lengths.push(n);
    }
  }
  const total = cases.length;
  const correct = total - misses.length;
  return {
    total,
    correct,
    accuracy: total === 0 ? 0 : correct / total,
    askBackRate: total === 0 ? 0 : askBacks / total,
    offeredRate: total === 0 ? 0 : offered / total,
    medianVisibleChars: median(lengths),
    offTopic: { total: offTopic, declined: offTopicDeclined },
    onTopicDeclined,
    misses,
  };
}
