// `npm run eval`: top-1 accuracy of the free-text recognizer on test/eval/questions.json, with
// every miss; exits with 1 below the bar so CI can run it.
import { readFileSync } from 'node:fs';
import { loadKnowledge } from '../src/knowledge';
import { evaluate, parseEvalFile } from '../src/knowledge/eval';
import { projectPath } from '../src/paths';

/** Below this top-1 accuracy the recognizer is not good enough to ship (issue 4). */
export const REQUIRED_ACCURACY = 0.9;

function main(): number {
  const file = parseEvalFile(
    JSON.parse(readFileSync(projectPath('test', 'eval', 'questions.json'), 'utf8')),
  );
  const result = evaluate(loadKnowledge(), file.questions);
  const percent = (result.accuracy * 100).toFixed(1);
  process.stdout.write(`top-1 accuracy: ${percent}% (${result.correct}/${result.total})\n`);
  for (const miss of result.misses) {
    process.stdout.write(
      `\nmiss: ${miss.q}\n  expected: ${miss.expected}\n  got:      ${miss.got}\n`,
    );
  }
  if (result.accuracy < REQUIRED_ACCURACY) {
    process.stdout.write(`\nbelow the required ${REQUIRED_ACCURACY * 100}%\n`);
    return 1;
  }
  return 0;
}

process.exitCode = main();
