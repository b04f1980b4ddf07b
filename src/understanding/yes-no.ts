// Which of an item's stored yes/no claims answers a question: "Is it OK if the compute subnet is
// delegated?" matches the compute subnet step's claim on "delegat*", which says "No". Claims are
// data (the `yesNo` lists in the knowledge); this decides only whether one fits the words typed.
import type { YesNoClaim } from '../knowledge/knowledge.schema';
import { stem, tokens } from './normalise';

/** One word of a claim's `when`: typed as is, or as the start of words ("delegat*"). */
interface ClaimWord {
  text: string;
  prefix: boolean;
}

/** A question's word with its stem, taken once per question rather than once per claim word. */
interface QuestionWord {
  text: string;
  stem: string;
}

/** A `when` entry: alternatives, each a run of words. */
type ClaimEntry = ClaimWord[][];

/**
 * Words that turn a question round ("can we do it without …", "is it not needed", "can I block
 * …"): a claim answers the positive question, so one of these that the claim does not name
 * itself leaves the question without a stored yes or no rather than with the opposite one.
 */
const TURNING_WORDS: ReadonlySet<string> = new Set(
  (
    'without instead not never neither nor longer dont doesnt didnt isnt arent wasnt werent ' +
    'cant cannot couldnt wont wouldnt shouldnt mustnt havent hasnt except ' +
    'remove removes removed removing delete deletes deleted deleting drop drops dropped dropping ' +
    'block blocks blocked blocking deny denies denied denying close closes closed closing ' +
    'omit omits omitted skip skips skipped skipping disable disables disabled disabling off ' +
    // "Is Reader on the blob endpoint enough?" asks whether nothing else is needed, which a claim
    // that Reader is needed does not answer.
    'enough sufficient suffice suffices'
  ).split(' '),
);

/** "Can it go?", "should that go?": the words before a "go" that asks about removing something. */
const CAN_WORDS: ReadonlySet<string> = new Set(['can', 'could', 'should']);
const IT_WORDS: ReadonlySet<string> = new Set(['it', 'that', 'this', 'they', 'these', 'those']);

/**
 * Whether the word at `i` turns the question round. "No" does ("does it work with no private
 * endpoint?"), except in "no public IP", which names a kind of compute rather than a negation.
 */
function turns(words: readonly string[], i: number): boolean {
  const word = words[i]!;
  if (word === 'no') return words[i + 1] !== 'public';
  // "We still have a rule for viennaglobal.azurecr.io, can it go?" asks about removing it.
  if (word === 'go') return CAN_WORDS.has(words[i - 2] ?? '') && IT_WORDS.has(words[i - 1] ?? '');
  return TURNING_WORDS.has(word);
}

/** Parses a `when` entry ("private endpoint*|private link") into its alternatives. */
export function parseClaimEntry(entry: string): ClaimEntry {
  return entry
    .split('|')
    .map((alternative) =>
      alternative
        .trim()
        .split(/\s+/)
        .flatMap((typed) => {
          const prefix = typed.endsWith('*');
          const words = tokens(prefix ? typed.slice(0, -1) : typed);
          return words.map((text, i) => ({ text, prefix: prefix && i === words.length - 1 }));
        }),
    )
    .filter((alternative) => alternative.length > 0);
}

/** Claims are parsed once: the knowledge is loaded once and its objects live as long. */
const parsedEntries = new WeakMap<YesNoClaim, ClaimEntry[]>();

function entriesOf(claim: YesNoClaim): ClaimEntry[] {
  let entries = parsedEntries.get(claim);
  if (!entries) {
    entries = claim.when.map(parseClaimEntry);
    parsedEntries.set(claim, entries);
  }
  return entries;
}

// The stem leaves short words alone, so "CIs" and "PEs" meet "ci" and "pe" by their plural here.
function wordMatches(typed: QuestionWord, word: ClaimWord, wordStem: string): boolean {
  if (word.prefix) return typed.text.startsWith(word.text);
  return typed.stem === wordStem || typed.text === `${word.text}s`;
}

/**
 * Every position the entry's alternatives cover in the words; none when it does not occur. All
 * occurrences count, so a turning word written as one alternative ("enough|sufficient") is
 * covered wherever another alternative also matched.
 */
function occurrence(words: readonly QuestionWord[], entry: ClaimEntry): number[] | undefined {
  const covered: number[] = [];
  for (const alternative of entry) {
    const stems = alternative.map((word) => stem(word.text));
    for (let at = 0; at + alternative.length <= words.length; at++) {
      if (alternative.every((word, j) => wordMatches(words[at + j]!, word, stems[j]!)))
        alternative.forEach((_, j) => covered.push(at + j));
    }
  }
  return covered.length > 0 ? covered : undefined;
}

/** Entries read from the knowledge, parsed once: the knowledge is loaded once. */
const parsedMentions = new Map<string, ClaimEntry>();

/**
 * A question's words with their stems, taken once per question: the ranking asks about many
 * items' claims and `namedBy` words with the same words.
 */
const saidByWords = new WeakMap<readonly string[], QuestionWord[]>();

function saidOf(words: readonly string[]): QuestionWord[] {
  let said = saidByWords.get(words);
  if (!said) {
    said = words.map((text) => ({ text, stem: stem(text) }));
    saidByWords.set(words, said);
  }
  return said;
}

/** Whether the words say any alternative of a `when` entry ("prompt flow*|promptflow*"). */
export function mentions(entry: string, words: readonly string[]): boolean {
  let parsed = parsedMentions.get(entry);
  if (!parsed) {
    parsed = parseClaimEntry(entry);
    parsedMentions.set(entry, parsed);
  }
  return occurrence(saidOf(words), parsed) !== undefined;
}

/**
 * The first claim whose `when` entries all occur in the question's words, unless the question
 * also holds a turning word that the claim's own words do not cover. Cost is bounded by the
 * question's capped length times the claims' few short entries.
 */
export function claimFor(
  claims: readonly YesNoClaim[] | undefined,
  words: readonly string[],
): YesNoClaim | undefined {
  if (!claims || claims.length === 0) return undefined;
  const turning = words.flatMap((w, i) => (turns(words, i) ? [i] : []));
  const said = saidOf(words);
  for (const claim of claims) {
    const covered = new Set<number>();
    const all = entriesOf(claim).every((entry) => {
      const at = occurrence(said, entry);
      at?.forEach((i) => covered.add(i));
      return at !== undefined;
    });
    if (!all) continue;
    if (turning.some((i) => !covered.has(i))) return undefined;
    return claim;
  }
  return undefined;
}
