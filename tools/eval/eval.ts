// `npm run eval`: how well free-text questions are understood, on the development sets
// (test/eval/questions.json and threads.json, tuning allowed) and the frozen held-out set of real
// users' questions (test/eval/heldout.json, scored but never tuned on): top-1 accuracy, ask-back
// rate, the median visible length of the answers, and every miss. Exits with 1 below a bar.
import { loadKnowledge } from '../../src/knowledge';
import { createRecognizer } from '../../src/understanding/recognizer';
import type { EvalResult } from './evaluation';
import { EVAL_BARS, scoreSet } from './eval-bars';

function report(name: string, result: EvalResult): string {
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  const lines = [
    `${name}: top-1 ${pct(result.accuracy)} (${result.correct}/${result.total}), ask-backs ${pct(result.askBackRate)}, on the card (answer or "Did you mean") ${pct(result.offeredRate)}, median visible answer ${result.medianVisibleChars ?? '-'} chars, off-topic declined ${result.offTopic.declined}/${result.offTopic.total}, on-topic declined ${result.onTopicDeclined}/${result.total - result.offTopic.total}`,
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
    const result = scoreSet(k, recognize, bar.file);
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
