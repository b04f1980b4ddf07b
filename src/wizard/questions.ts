// The wizard's questions, in one table: what is asked, why it matters, the answers offered, the
// short label a plan shows, the Situation field it sets and the card it is asked on. The machine,
// the wizard cards, the plan's situation facts and the reading of typed answers all read this
// table, so a question is added or changed in one place.
import { z } from 'zod';
import {
  Egress,
  Sdk,
  type Condition,
  type Knowledge,
  type ScenarioId,
  type Situation,
} from '../knowledge/knowledge.schema';
import { isPartOfSetup } from '../knowledge/plan.query';

/** The cards of the wizard after the scenarios, in the order they are shown. */
export const QuestionStep = z.enum(['region', 'egress', 'sdk', 'setup']);
export type QuestionStep = z.infer<typeof QuestionStep>;

export type YesNoId =
  | 'computePublicIp'
  | 'vscode'
  | 'rstudio'
  | 'publicPackageFeeds'
  | 'hbi'
  | 'registryBehindVnet'
  | 'ownImages';

export interface Option<V extends string> {
  value: V;
  /** What the card shows. */
  title: string;
  /** Other ways people type this answer in the chat, lower case. */
  typed: readonly string[];
}

interface Common {
  /** The question, as asked on its card. */
  prompt: string;
  /** Why the answer matters, in one or two sentences. */
  why: string;
  /** Short name for the answers so far and for the plan's situation facts. */
  label: string;
  /**
   * When the question changes the answer for the picked scenarios, besides a rule or step of theirs
   * depending on the option of the same name: a regional endpoint, or a condition's `when` text.
   */
  alsoAskedWhen?: { regional: true } | { whenText: RegExp };
}

export type Question =
  | (Common & { id: 'region'; step: 'region'; kind: 'region' })
  | (Common & { id: 'egress'; step: 'egress'; kind: 'choice'; options: readonly Option<Egress>[] })
  | (Common & { id: 'sdk'; step: 'sdk'; kind: 'choice'; options: readonly Option<Sdk>[] })
  | (Common & { id: YesNoId; step: 'setup'; kind: 'yesNo'; typed: readonly string[] });
export type QuestionId = Question['id'];
export type ChoiceQuestion = Extract<Question, { kind: 'choice' }>;
export type YesNoQuestion = Extract<Question, { kind: 'yesNo' }>;

/** Every question, in the order it is asked (its position is its order). */
export const QUESTIONS = [
  {
    id: 'region',
    step: 'region',
    kind: 'region',
    prompt: 'Which Azure region is your compute in?',
    why: 'Several service tags and host names are regional, such as Storage.<region> and BatchNodeManagement.<region>. They take the region of the compute and its virtual network: where that differs from the workspace region, give the compute region.',
    label: 'Region',
    alsoAskedWhen: { regional: true },
  },
  {
    id: 'egress',
    step: 'egress',
    kind: 'choice',
    prompt: 'How is outbound traffic from the virtual network filtered?',
    why: 'Network security groups and Azure Firewall understand service tags; a firewall that does not needs host names (FQDNs) instead. A firewall in the path also needs routes for public-IP compute.',
    label: 'Outbound filtering',
    options: [
      {
        value: 'nsg',
        title: 'Network security groups only',
        typed: ['nsg', 'nsgs', 'network security group', 'network security groups', 'nsg only'],
      },
      {
        value: 'azure-firewall',
        title: 'Azure Firewall (understands service tags)',
        typed: ['azure firewall', 'azfw', 'afw', 'firewall with service tags'],
      },
      {
        value: 'firewall-no-tags',
        title: 'Another firewall, without service tags (host name rules)',
        typed: [
          'firewall without service tags',
          'another firewall',
          'other firewall',
          'third party firewall',
          'fqdn',
          'fqdns',
          'host names',
        ],
      },
    ],
  },
  {
    id: 'sdk',
    step: 'sdk',
    kind: 'choice',
    prompt: 'Which version of the Azure Machine Learning SDK and CLI do you use?',
    why: 'A few steps differ between v1 and v2 (datastore validation, image builds); managed online endpoints are v2 only.',
    label: 'SDK and CLI',
    options: [
      {
        value: 'v2',
        title: 'v2 (azure-ai-ml, az ml)',
        typed: ['2', 'sdk v2', 'azure ai ml', 'cli v2'],
      },
      { value: 'v1', title: 'v1 (azureml-core)', typed: ['1', 'sdk v1', 'azureml core', 'cli v1'] },
    ],
  },
  {
    id: 'computePublicIp',
    step: 'setup',
    kind: 'yesNo',
    prompt: 'Compute instances and clusters have a public IP address',
    why: 'With one, the service reaches them inbound on port 44224; without one, the subnet needs an explicit way out (NAT gateway or firewall).',
    label: 'Compute public IP',
    typed: ['public ip', 'public ips', 'public ip address', 'compute public ip'],
  },
  {
    id: 'vscode',
    step: 'setup',
    kind: 'yesNo',
    prompt: 'People connect to compute instances from VS Code',
    why: 'VS Code desktop and web download their server and extensions: more hosts and ports.',
    label: 'VS Code',
    typed: ['vs code', 'vscode', 'visual studio code', 'code'],
  },
  {
    id: 'rstudio',
    step: 'setup',
    kind: 'yesNo',
    prompt: 'People run RStudio on compute instances',
    why: 'RStudio uses port 8787 and pulls its image and packages from GitHub and CRAN.',
    label: 'RStudio',
    typed: ['rstudio', 'r studio', 'r'],
    alsoAskedWhen: { whenText: /rstudio/i },
  },
  {
    id: 'publicPackageFeeds',
    step: 'setup',
    kind: 'yesNo',
    prompt: 'Jobs or image builds install packages from public feeds (pip, conda, CRAN)',
    why: 'Then PyPI, Anaconda and similar hosts must be reachable; a private mirror avoids that.',
    label: 'Public package feeds',
    typed: [
      'pip',
      'pypi',
      'conda',
      'anaconda',
      'cran',
      'packages',
      'package feeds',
      'public feeds',
    ],
    alsoAskedWhen: { whenText: /packages from public/i },
  },
  {
    id: 'hbi',
    step: 'setup',
    kind: 'yesNo',
    prompt: 'The workspace was created with hbi_workspace (high business impact)',
    why: 'One article needs outbound Azure Key Vault only for such workspaces; another lists it for every compute.',
    label: 'hbi workspace',
    typed: ['hbi', 'hbi workspace', 'high business impact'],
  },
  {
    id: 'registryBehindVnet',
    step: 'setup',
    kind: 'yesNo',
    prompt: "The workspace's container registry is behind the virtual network",
    why: 'Azure Machine Learning cannot build images in a registry reached only privately; a compute cluster must.',
    label: 'Registry behind VNet',
    typed: ['registry', 'acr', 'registry behind vnet', 'private registry', 'container registry'],
  },
  {
    id: 'ownImages',
    step: 'setup',
    kind: 'yesNo',
    prompt: 'You bring your own Docker images instead of the curated ones',
    why: "The articles disagree on whether Microsoft's container registry is still needed then; the plan shows both views.",
    label: 'Own images',
    typed: ['own images', 'my own images', 'custom images', 'byo images', 'own docker images'],
  },
] as const satisfies readonly Question[];

const byId = new Map<QuestionId, Question>(QUESTIONS.map((q) => [q.id, q]));

export function questionById(id: QuestionId): Question {
  return byId.get(id)!;
}

export const YES_NO_IDS = QUESTIONS.filter((q) => q.kind === 'yesNo').map((q) => q.id);

/** zod fields for every yes/no question: its card toggle arrives as "yes" or "no" under its id. */
export function yesNoFields<T extends z.ZodType>(schema: T): Record<YesNoId, z.ZodOptional<T>> {
  return Object.fromEntries(YES_NO_IDS.map((id) => [id, schema.optional()])) as Record<
    YesNoId,
    z.ZodOptional<T>
  >;
}

// --- Which questions change the answer -------------------------------------------------------------

function collect(condition: Condition, options: Set<string>, whens: string[]): void {
  if ('all' in condition) condition.all.forEach((c) => collect(c, options, whens));
  else if ('any' in condition) condition.any.forEach((c) => collect(c, options, whens));
  else if ('not' in condition) collect(condition.not, options, whens);
  else if ('option' in condition) options.add(condition.option);
  else if ('when' in condition) whens.push(condition.when);
}

/**
 * The questions that change the answer for these scenarios, in the table's order: a question is
 * asked only when a rule or step of a picked scenario depends on it.
 */
export function askedQuestions(k: Knowledge, scenarios: readonly ScenarioId[]): Question[] {
  const options = new Set<string>();
  const whens: string[] = [];
  let regional = false;
  const picked = (item: { scenarios: readonly ScenarioId[] }) =>
    item.scenarios.some((s) => scenarios.includes(s));
  for (const rule of k.rules.filter((r) => !r.retired && picked(r))) {
    collect(rule.condition, options, whens);
    if (rule.endpoint.includes('<region>')) regional = true;
  }
  // Steps a plan leaves out (ways to find a fault, what no scenario covers) ask nothing.
  for (const step of k.steps.filter((s) => picked(s) && isPartOfSetup(s)))
    collect(step.condition, options, whens);
  return QUESTIONS.filter((q: Question) => {
    if (options.has(q.id)) return true;
    const also = q.alsoAskedWhen;
    if (!also) return false;
    return 'regional' in also ? regional : whens.some((w) => also.whenText.test(w));
  });
}

/** The ids of the questions that change the answer for these scenarios, in the table's order. */
export function questionsFor(k: Knowledge, scenarios: readonly ScenarioId[]): QuestionId[] {
  return askedQuestions(k, scenarios).map((q) => q.id);
}

/** The cards asked after the scenarios, each with its questions, for these scenarios. */
export function stepsFor(
  k: Knowledge,
  scenarios: readonly ScenarioId[],
): { step: QuestionStep; questions: Question[] }[] {
  const asked = askedQuestions(k, scenarios);
  return QuestionStep.options
    .map((step) => ({ step, questions: asked.filter((q) => q.step === step) }))
    .filter((s) => s.questions.length > 0);
}

// --- Labels -------------------------------------------------------------------------------------

/** How an answer reads on a card: "Azure Firewall", "Yes", "westeurope". */
export function answerLabel(q: Question, value: string | boolean | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (q.kind === 'choice') {
    const option = (q.options as readonly Option<string>[]).find((o) => o.value === value);
    // The card title without its explanation in brackets.
    return option ? option.title.replace(/ \(.*\)$/, '') : value;
  }
  return value;
}

/**
 * The situation as label/value pairs for a plan's summary: the scenarios, then each question that
 * was asked for them (`asked`, by default every question that changes these scenarios' answer).
 */
export function situationFacts(
  k: Knowledge,
  situation: Situation,
  asked: readonly Question[] = askedQuestions(k, situation.scenarios),
): { title: string; value: string }[] {
  const scenarioTitle = (id: string) => k.scenarios.find((s) => s.id === id)?.title ?? id;
  return [
    { title: 'Scenarios', value: situation.scenarios.map(scenarioTitle).join(', ') },
    ...asked
      .map((q) => ({ title: q.label, value: answerLabel(q, situation[q.id]) }))
      .filter((f) => f.value !== ''),
  ];
}

// --- Typed answers --------------------------------------------------------------------------------

/** Typed answers longer than this are not answers: they are read as questions. */
const MAX_TYPED = 200;

/** Lower case, single spaces, no dashes or underscores, no trailing punctuation. */
export function normalizeTyped(text: string): string {
  return text
    .slice(0, MAX_TYPED)
    .toLowerCase()
    .replace(/[\s_-]+/gu, ' ')
    .replace(/[!.?]+$/u, '')
    .trim();
}

const YES = new Set(['yes', 'y', 'yeah', 'yep', 'true', 'sure', 'correct']);
const NO = new Set(['no', 'n', 'nope', 'false', 'not really']);
const NONE = new Set(['none', 'none of them', 'neither', 'nothing', 'no to all', 'all no']);
const ALL = new Set(['all', 'all of them', 'yes to all', 'all yes', 'everything']);

/** Splits "vs code, rstudio and pip" into its parts. */
function parts(text: string): string[] {
  return normalizeTyped(text)
    .split(/,|;|\/|&|\+| and /u)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The option a typed text names (its value, its title or one of its typed forms), if any. */
export function typedOption<V extends string>(
  options: readonly Option<V>[],
  text: string,
): V | undefined {
  const typed = normalizeTyped(text);
  return options.find(
    (o) =>
      normalizeTyped(o.value) === typed ||
      normalizeTyped(o.title) === typed ||
      normalizeTyped(o.title.replace(/ \(.*\)$/, '')) === typed ||
      o.typed.some((t) => normalizeTyped(t) === typed),
  )?.value;
}

export type YesNoReading =
  { ok: true; answers: Partial<Record<YesNoId, boolean>> } | { ok: false; problem: string };

/**
 * Typed answers to a card of yes/no questions: "yes" or "no" when it has one question; otherwise
 * "none", "all", the names of those that apply ("vs code, rstudio") or one yes/no per question.
 */
export function readYesNo(questions: readonly YesNoQuestion[], text: string): YesNoReading {
  const typed = normalizeTyped(text);
  const every = (value: boolean) =>
    Object.fromEntries(questions.map((q) => [q.id, value])) as Partial<Record<YesNoId, boolean>>;
  if (NONE.has(typed) || (questions.length === 1 && NO.has(typed))) {
    return { ok: true, answers: every(false) };
  }
  if (ALL.has(typed) || (questions.length === 1 && YES.has(typed))) {
    return { ok: true, answers: every(true) };
  }
  const words = typed.split(' ');
  if (words.length === questions.length && words.every((w) => YES.has(w) || NO.has(w))) {
    return {
      ok: true,
      answers: Object.fromEntries(questions.map((q, i) => [q.id, YES.has(words[i]!)])),
    };
  }
  const named = parts(text).map((part) =>
    questions.find((q) => q.typed.includes(part) || normalizeTyped(q.label) === part),
  );
  if (named.length > 0 && named.every(Boolean)) {
    const yes = new Set(named.map((q) => q!.id));
    return {
      ok: true,
      answers: Object.fromEntries(questions.map((q) => [q.id, yes.has(q.id)])),
    };
  }
  const names = questions.map((q) => q.label).join(', ');
  return {
    ok: false,
    problem: `Tick what applies and select Next, or type the ones that apply (from ${names}), or "none".`,
  };
}

const YES_NO_WORDS = new Set([...YES, ...NO]);

/**
 * Whether typed text answers the step waiting for it, rather than being a question: a scenario
 * list, a region-shaped word, one of the offered options, or yes/no answers.
 */
export function answersStep(
  k: Knowledge,
  step: QuestionStep | 'scenarios',
  scenarios: readonly ScenarioId[],
  text: string,
): boolean {
  const typed = normalizeTyped(text);
  if (typed === '' || text.length > MAX_TYPED) return false;
  switch (step) {
    case 'scenarios':
      return typedScenarios(k, text) !== undefined;
    case 'region':
      return /^[a-z0-9 ]{2,40}$/u.test(typed);
    case 'egress':
    case 'sdk': {
      const q = questionById(step) as ChoiceQuestion;
      return typedOption(q.options as readonly Option<string>[], text) !== undefined;
    }
    case 'setup': {
      const questions = setupQuestions(k, scenarios);
      return YES_NO_WORDS.has(typed) || readYesNo(questions, text).ok;
    }
  }
}

export function setupQuestions(k: Knowledge, scenarios: readonly ScenarioId[]): YesNoQuestion[] {
  return askedQuestions(k, scenarios).filter((q): q is YesNoQuestion => q.kind === 'yesNo');
}

/** Scenarios named in typed text ("compute and studio"), or undefined if a part names none. */
export function typedScenarios(k: Knowledge, text: string): ScenarioId[] | undefined {
  const names = new Map<string, ScenarioId>();
  for (const s of k.scenarios) {
    for (const name of [s.id, s.title, ...s.synonyms]) names.set(normalizeTyped(name), s.id);
  }
  const found = parts(text).map((p) => names.get(p));
  if (found.length === 0 || !found.every(Boolean)) return undefined;
  return [...new Set(found as ScenarioId[])];
}
