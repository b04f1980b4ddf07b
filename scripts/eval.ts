// `npm run eval`: how well free-text questions are understood, on the development set
// (test/eval/questions.json, tuning allowed) and the frozen held-out set of real users' questions
// (test/eval/heldout.json, scored but never tuned on): top-1 accuracy, ask-back rate, the median
// visible length of the answers, and every miss. Exits with 1 when a set is below its bar.
import { readFileSync } from 'node:fs';
import { loadKnowledge } from '../src/knowledge';
import { projectPath } from '../src/paths';
import { createRecognizer } from '../src/understanding/recognizer';
import { evaluate, parseEvalFile, type EvalResult } from '../src/understanding/evaluation';
import { EVAL_BARS, sameAnswer, visibleAnswerChars } from './eval-bars';

function report(name: string, result: EvalResult): string {
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  const lines = [
    `${name}: top-1 ${pct(result.accuracy)} (${result.correct}/${result.total}), ask-backs ${pct(result.askBackRate)}, on the card (answer or "Did you mean") ${pct(result.offeredRate)}, median visible answer ${result.medianVisibleChars ?? '-'} chars`,
  ];
  for (const miss of result.misses) {
    lines.push(`  miss: ${miss.q}\n    expected: ${miss.expected}\n    got:      ${miss.got}`);
  }
  return lines.join('\n');
}

function main(): number {
  const k = loadKnowledge();
  const recognize = createRecognizer(k);
  const quiet = process.argv.includes('--summary');
  let failed = false;
  for (const [name, bar] of Object.entries(EVAL_BARS)) {
    const file = parseEvalFile(
      JSON.parse(readFileSync(projectPath('test', 'eval', bar.file), 'utf8')),
    );
    const result = evaluate(
      recognize,
      file.questions,
      (q, r) => visibleAnswerChars(k, q, r),
      sameAnswer(k),
    );
    const text = report(name, result);
    process.stdout.write(`${quiet ? (text.split('\n')[0] ?? '') : text}\n\n`);
    if (result.accuracy < bar.minAccuracy || result.askBackRate > bar.maxAskBacks) {
      process.stdout.write(
        `${name} is below its bar (top-1 ≥ ${bar.minAccuracy}, ask-backs ≤ ${bar.maxAskBacks})\n`,
      );
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
