// The one text normaliser of the project: mention stripping, the input cap, tokens, stems and a
// bounded edit distance. Everything that reads a user's words goes through these, so the cost of a
// message is linear in its (capped) length.

/** Understanding reads at most this much of a message; Teams allows ~28 KB, a question needs far less. */
export const MAX_QUESTION_CHARS = 4000;
/** Longer "words" are pasted ids or base64, never typos of a known word: no edit distance for them. */
export const MAX_FUZZY_WORD = 24;
/** Longer runs of letters are pasted ids, hashes or noise, not words anyone searches for. */
export const MAX_WORD = 40;

/** Removes Teams mention markup and @names, which say nothing about the question. */
export function stripMentions(text: string): string {
  return text.replace(/<at>[^<]{0,200}<\/at>/gi, ' ').replace(/(^|\s)@[^\s@]{1,80}/g, ' ');
}

/**
 * "Endpoints" in the sense of places traffic goes are not online endpoints: "the outbound
 * endpoints AML needs" asks for the rules, "endpoints to whitelist" for host names.
 */
const OUTBOUND_ENDPOINTS =
  /\b(outbound|inbound|egress|ingress|required|necessary|firewall|external)([\s_-]{1,3})end[\s_-]?points?\b/gi;
const ENDPOINTS_TO_ALLOW =
  /\b([a-z]{1,20}[\s_-]{1,3})?end[\s_-]?points?(?=[\s_-]{1,3}(to[\s_-]{1,3}(allow|allowlist|whitelist|open|unblock|permit)\b|(allowlist|whitelist)(ed|ing)?\b))/gi;
/** Words that make "endpoints" Azure ML's or a network's own kind ("online endpoints to open"). */
const KINDS_OF_ENDPOINT =
  /^(online|managed|batch|scoring|kubernetes|k8s|private|service|public|inference|serverless)\W/i;

/**
 * The message as understanding reads it: mentions removed, capped and trimmed, with some
 * spellings evened out. "w/o" is spelled out ("nodes w/o public IP": the slash would split it
 * into two letters); an allow list written as two words becomes one ("the conda allow list":
 * "allow" alone asks for rules, not host names); a "vs" that is not VS Code becomes "versus"
 * ("azureml-core vs azure-ai-ml" is not about the editor); "endpoints" that traffic goes to
 * become rules or hosts (see above).
 */
export function capQuestion(text: string): string {
  return stripMentions(withoutDocsIssueFooter(text.slice(0, MAX_QUESTION_CHARS)))
    .replace(/\bw\/o\b/gi, 'without')
    .replace(/\b(allow|white|safe)[ -](list(?:s|ed|ing)?)\b/gi, '$1$2')
    .replace(/\bvs\b(?!\.?[\s_-]{0,3}code\b)\.?/gi, 'versus')
    .replace(OUTBOUND_ENDPOINTS, '$1$2rules')
    .replace(ENDPOINTS_TO_ALLOW, (said: string, before = '') =>
      KINDS_OF_ENDPOINT.test(before) ? said : `${before}hosts`,
    )
    .trim();
}

/**
 * The "Document Details" block that Learn's feedback button appends to a GitHub issue (IDs, the
 * article's links, the author's login): pasted along with a question, its github.com and
 * learn.microsoft.com links and IDs are not what is asked.
 */
const DOCS_ISSUE_FOOTER =
  /^[ \t]{0,3}(?:-{3,}[ \t]*\r?\n\s{0,20})?#{0,6}[ \t]{0,3}Document Details[ \t]*$/im;

function withoutDocsIssueFooter(text: string): string {
  const at = text.search(DOCS_ISSUE_FOOTER);
  return at < 0 ? text : text.slice(0, at);
}

/** Words whose "'d" is "would" or "had" ("we'd"), which stay one token. */
const CONTRACTS_D: ReadonlySet<string> = new Set(
  'i we you he she it they who that there what how where why'.split(' '),
);
const VERB_D = /['’]e?d\b/;
const WORD_D = /\b([a-z0-9]+)['’](e?d)\b/g;

/**
 * Lower-case word tokens; apostrophes vanish so "can't" stays one word, and a word made a verb
 * with "'d" ("a vnet'd workspace") is that word. Splitting on everything that is not a letter or
 * digit keeps this linear (no backtracking pattern).
 */
export function tokens(text: string): string[] {
  const lower = text.toLowerCase();
  const verbs = VERB_D.test(lower)
    ? lower.replace(WORD_D, (_, word: string, d: string) =>
        CONTRACTS_D.has(word) ? `${word}${d}` : word,
      )
    : lower;
  return verbs
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/**
 * A light stemmer: plurals and the common verb endings, so "clusters", "clustered" and
 * "clustering" meet "cluster". Words of four letters or fewer stay as they are ("dns", "ips").
 */
export function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 5) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 6) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 5 && !word.endsWith('eed')) return word.slice(0, -2);
  if (word.endsWith('es') && /(ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

const rowA = new Int32Array(65);
const rowB = new Int32Array(65);
const rowC = new Int32Array(65);

/**
 * Optimal string alignment distance (a swapped pair is one edit), giving up early: returns
 * `max + 1` as soon as the answer must exceed `max`. Cost is O(len · (2·max + 1)). Without
 * `transpositions` it is the Levenshtein distance (a swapped pair is two edits), as full-text
 * search counts it.
 */
export function editDistance(a: string, b: string, max = 2, transpositions = true): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length > 64 || b.length > 64) return a === b ? 0 : max + 1;
  // Three reused rows instead of a new array per row: this runs for many word pairs per question.
  let prev2 = rowC;
  let prev = rowA;
  let row = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (
        transpositions &&
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        best = Math.min(best, prev2[j - 2]! + 1);
      }
      row[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > max) return max + 1;
    const done = prev2;
    prev2 = prev;
    prev = row;
    row = done;
  }
  return prev[b.length]!;
}

/** Edits a typo may have: none below five letters ("ci" ≠ "cc"), two from eight. */
export function typoBudget(word: string): number {
  if (word.length < 5 || word.length > MAX_FUZZY_WORD || /\d/.test(word)) return 0;
  return word.length >= 8 ? 2 : 1;
}

/** Same word up to a plural, an ending or (for a word the knowledge does not know) a typo. */
export function sameWord(typed: string, known: string, allowTypo = true): boolean {
  if (typed === known || stem(typed) === stem(known)) return true;
  if (!allowTypo) return false;
  const budget = Math.min(typoBudget(typed), typoBudget(known));
  return budget > 0 && editDistance(typed, known, budget) <= budget;
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
]);

/** Words that carry no topic. Domain verbs such as "open" or "allow" are not here: they are cues. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if of to in on at by for from with into over under about as is are was were ' +
    'be been being am do does did doing have has had i me my we our us you your it its this that ' +
    'these those there here what which who whom whose when where why how can could should would will ' +
    'shall may might must not yes so than then too very just also still really any some all each list lists ' +
    'both more most other such only same get got getting go goes going make made let lets thing ' +
    'things stuff pls please thanks thank hi hello hey ok okay guys team anyone someone know tell say ' +
    'says said want wanted like use used using whats thats theres im ive dont doesnt cant isnt arent ' +
    'wont one two now way need needs needed required require requires requirement requirements work ' +
    'works working behind set setup up via per after before since while because e g eg ie etc ' +
    'through they them their theirs he him his she her hers ours yours mine myself ourselves yourself ' +
    'well actually basically however though although maybe perhaps currently already ' +
    'live lives sit sits reside resides difference differences'
  ).split(' '),
);

/** Search terms of a text: stems of its words, without stopwords and words every item shares. */
export function indexTerms(text: string): string[] {
  return tokens(text)
    .filter(
      (w) => !STOPWORDS.has(w) && !DOMAIN_NOISE.has(w) && w.length > 1 && w.length <= MAX_WORD,
    )
    .map(stem);
}

/**
 * Words that count alone but form no phrases: "workspace" tells a workspace-level setting from an
 * endpoint's or a storage account's ("public network access on the workspace"), but nearly every
 * item says "workspace" next to something, so as half of a phrase it would tie unrelated items.
 */
const NO_PHRASES: ReadonlySet<string> = new Set(['workspace']);

/** Joins two neighbouring search terms into one phrase term ("public ip" → "public_ip"). */
export const PHRASE_JOIN = '_';

/**
 * Search terms plus the phrases of two neighbouring terms within a line. A phrase that an item
 * shares with a question ("public ip", "resource group", "websocket error") says far more than its
 * two words apart, which matters most in long questions where single words drown each other out.
 */
export function phraseTerms(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const terms = indexTerms(line);
    out.push(...terms);
    for (let i = 1; i < terms.length; i++) {
      const [a, b] = [terms[i - 1]!, terms[i]!];
      if (!NO_PHRASES.has(a) && !NO_PHRASES.has(b)) out.push(`${a}${PHRASE_JOIN}${b}`);
    }
  }
  return out;
}
