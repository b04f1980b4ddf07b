// Builds what answering builds on first use (the search index, each card template and its
// expressions, the JIT's work) before the bot takes requests: otherwise the first questions after
// a start hold the process for a second or more, everyone else's turns included.
import type { Knowledge } from '../knowledge';
import type { Recognizer } from '../understanding/recognizer';
import { helpCard, welcomeCard } from '../cards/guide.card';
import { answerFor } from './reply';

/** One question per kind of answer: a port, a host name, an error, a scenario, small talk. */
const SAMPLE_QUESTIONS = [
  'what is port 44224 for',
  'mcr.microsoft.com',
  'ImageBuildComputeNotValid',
  'which inbound ports do compute clusters need',
  'hello',
];

export function warmUp(k: Knowledge, recognize: Recognizer): void {
  for (const question of SAMPLE_QUESTIONS) answerFor(k, recognize(question), question);
  helpCard();
  welcomeCard();
}
