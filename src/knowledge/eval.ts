// Top-1 evaluation of the free-text recognizer against a set of questions with expected answers.
import { z } from 'zod';
import type { Knowledge } from './knowledge.schema';
import { recognize, type Recognition, type TargetKind } from './recognizer';

const TargetKindSchema = z.enum([
  'scenario',
  'rule',
  'step',
  'error',
  'conflict',
  'port',
  'endpoint',
]);

/** What a question should be recognized as: one target, or `"none"` for an off-topic question. */
export const Expected = z.union([
  z.literal('none'),
  z.strictObject({ kind: TargetKindSchema, id: z.string().min(1) }),
]);
export type Expected = z.infer<typeof Expected>;

export const EvalCase = z.strictObject({ q: z.string(), expect: Expected });
export type EvalCase = z.infer<typeof EvalCase>;

/** The evaluation file, test/eval/questions.json. */
export const EvalFile = z.strictObject({ questions: z.array(EvalCase).min(1) });
export type EvalFile = z.infer<typeof EvalFile>;

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
  misses: EvalMiss[];
}

/** Parses the evaluation file's JSON; throws with a readable message naming the bad field. */
export function parseEvalFile(json: unknown): EvalFile {
  const parsed = EvalFile.safeParse(json);
  if (!parsed.success)
    throw new Error(`invalid evaluation file:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export function describeExpected(expected: Expected): string {
  return expected === 'none' ? 'none' : `${expected.kind}:${expected.id}`;
}

export function describeRecognition(r: Recognition): string {
  switch (r.kind) {
    case 'answer':
      return `answer ${r.target.kind}:${r.target.id} (${r.confidence})`;
    case 'choices':
      return `choices ${r.candidates.map((c) => `${c.kind}:${c.id}`).join(' | ')}`;
    case 'none':
      return `none (${r.why})`;
  }
}

/** The top-1 target of a recognition: the answer, or the first of the choices. */
function topTarget(r: Recognition): { kind: TargetKind; id: string } | undefined {
  if (r.kind === 'answer') return r.target;
  if (r.kind === 'choices') return r.candidates[0];
  return undefined;
}

/**
 * A case is correct when the recognition's top-1 target is the expected one (an answer, or the
 * first of the choices), or when 'none' is expected and nothing was recognized.
 */
export function isCorrect(expected: Expected, r: Recognition): boolean {
  if (expected === 'none') return r.kind === 'none';
  const top = topTarget(r);
  return top !== undefined && top.kind === expected.kind && top.id === expected.id;
}

export function evaluate(k: Knowledge, cases: readonly EvalCase[]): EvalResult {
  const misses: EvalMiss[] = [];
  for (const c of cases) {
    const got = recognize(k, c.q);
    if (!isCorrect(c.expect, got)) {
      misses.push({ q: c.q, expected: describeExpected(c.expect), got: describeRecognition(got) });
    }
  }
  const total = cases.length;
  const correct = total - misses.length;
  return { total, correct, accuracy: total === 0 ? 0 : correct / total, misses };
}
