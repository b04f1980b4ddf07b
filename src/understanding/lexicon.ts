// What understanding knows about the words of the knowledge, computed once per knowledge object:
// the vocabulary's expansions, the scenarios' names, the regions, and every word the knowledge uses.
import type { Knowledge, Region, ScenarioId } from '../knowledge/knowledge.schema';
import { stem, tokens } from './normalise';

export interface ScenarioName {
  scenario: ScenarioId;
  /** The name's stemmed tokens, matched as a phrase. */
  words: string[];
  /** One-word names that also name other things ("endpoint", "image") only hint at the scenario. */
  weak: boolean;
}

export interface Lexicon {
  /** term (one to three typed tokens, space-joined) → the tokens it means. */
  expansions: ReadonlyMap<string, readonly string[]>;
  scenarioNames: readonly ScenarioName[];
  regions: ReadonlyMap<string, Region>;
  /** Stems of every word the knowledge and its vocabulary use: words outside it may be typos. */
  known: ReadonlySet<string>;
  /**
   * Stems of the words that name things (titles, names, endpoints, the ways people ask, the
   * vocabulary), not prose: a question with none of them is not about this domain.
   */
  topical: ReadonlySet<string>;
  /** Known words long enough to be typo targets, bucketed by length for bounded fuzzy lookups. */
  knownByLength: ReadonlyMap<number, readonly string[]>;
}

/**
 * Words so common in this domain that they tell no item from another ("azure", "vnet"); they still
 * count as domain words for telling an on-topic question from small talk.
 */
export const DOMAIN_NOISE: ReadonlySet<string> = new Set([
  'azure',
  'aml',
  'azureml',
  'machine',
  'learning',
  'ml',
  'vnet',
  'virtual',
  'network',
  'secured',
  'secure',
  'workspace',
]);

/** Words that carry no topic. Domain verbs such as "open" or "allow" are not here: they are cues. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if of to in on at by for from with into over under about as is are was were ' +
    'be been being am do does did doing have has had i me my we our us you your it its this that ' +
    'these those there here what which who whom whose when where why how can could should would will ' +
    'shall may might must not yes so than then too very just also still really any some all each ' +
    'both more most other such only same get got getting go goes going make made let lets thing ' +
    'things stuff pls please thanks thank hi hello hey ok okay guys team anyone someone know tell say ' +
    'says said want wanted like use used using whats thats theres im ive dont doesnt cant isnt arent ' +
    'wont one two now way need needs needed required require requires requirement requirements work ' +
    'works working behind set setup up via per after before since while because e g eg ie etc'
  ).split(' '),
);

/** One-word scenario names that also name parts of other scenarios or everyday things. */
function isWeakName(words: readonly string[], all: ReadonlyMap<string, number>): boolean {
  return words.length === 1 && (all.get(words[0] ?? '') ?? 0) > 1;
}

function buildLexicon(k: Knowledge): Lexicon {
  const expansions = new Map<string, readonly string[]>();
  for (const v of k.vocabulary) expansions.set(tokens(v.term).join(' '), tokens(v.means));

  const names = k.scenarios.flatMap((s) =>
    [...s.synonyms, ...(s.hints ?? [])].map((name) => ({
      scenario: s.id,
      words: tokens(name).map(stem),
      hint: (s.hints ?? []).includes(name),
    })),
  );
  // A word that several scenarios' names contain ("endpoint", "cluster") is weak on its own.
  const scenariosPerWord = new Map<string, number>();
  for (const s of k.scenarios) {
    const seen = new Set(
      [...s.synonyms, ...(s.hints ?? []), s.title].flatMap((n) => tokens(n).map(stem)),
    );
    for (const w of seen) scenariosPerWord.set(w, (scenariosPerWord.get(w) ?? 0) + 1);
  }
  const scenarioNames = names
    .filter((n) => n.words.length > 0)
    .map((n) => ({
      scenario: n.scenario,
      words: n.words,
      weak: n.hint || isWeakName(n.words, scenariosPerWord),
    }));

  const text = [
    ...k.scenarios.flatMap((s) => [s.title, s.summary, ...s.synonyms, ...(s.ask ?? [])]),
    ...k.rules.flatMap((r) => [r.endpoint, ...(r.aliases ?? []), r.purpose, ...(r.ask ?? [])]),
    ...k.steps.flatMap((s) => [s.title, s.text, ...(s.ask ?? [])]),
    ...k.errors.flatMap((e) => [e.title, e.cause, ...(e.ask ?? [])]),
    ...k.conflicts.flatMap((c) => [c.topic, c.recommendation, ...(c.ask ?? [])]),
    ...k.vocabulary.flatMap((v) => [v.term, v.means]),
  ].join(' ');
  const known = new Set(tokens(text).map(stem));
  const naming = [
    ...k.scenarios.flatMap((s) => [s.title, ...s.synonyms, ...(s.hints ?? []), ...(s.ask ?? [])]),
    ...k.rules.flatMap((r) => [r.endpoint, ...(r.aliases ?? []), ...(r.ask ?? [])]),
    ...k.steps.flatMap((s) => [s.title, ...(s.ask ?? [])]),
    ...k.errors.flatMap((e) => [e.title, ...(e.ask ?? [])]),
    ...k.conflicts.flatMap((c) => [c.topic, ...(c.ask ?? [])]),
    ...k.vocabulary.flatMap((v) => [v.term, v.means]),
  ].join(' ');
  const topical = new Set(
    tokens(naming)
      .filter((w) => !STOPWORDS.has(w))
      .map(stem),
  );
  const knownByLength = new Map<number, string[]>();
  for (const w of known) {
    if (w.length < 5) continue;
    const list = knownByLength.get(w.length) ?? [];
    list.push(w);
    knownByLength.set(w.length, list);
  }
  return {
    expansions,
    scenarioNames,
    regions: new Map(k.regions.map((r) => [r.name, r])),
    known,
    topical,
    knownByLength,
  };
}

const lexicons = new WeakMap<Knowledge, Lexicon>();

/** The lexicon of a knowledge object, built on first use (the knowledge never changes while running). */
export function lexiconOf(k: Knowledge): Lexicon {
  let lexicon = lexicons.get(k);
  if (!lexicon) lexicons.set(k, (lexicon = buildLexicon(k)));
  return lexicon;
}
