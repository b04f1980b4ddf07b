// The cards around the answers, as Teams shows them at a chat bubble's 500 px and on a 360 px
// phone: welcome, help, the not-understood and notice cards, every wizard step for several picks of
// scenarios, and what the message extension drops into a chat. Each fits its budget, none cuts text.
import { getKnowledge, ScenarioId } from '../../src/knowledge';
import { fallbackCard, helpCard, noticeCard, welcomeCard } from '../../src/cards/guide.card';
import { wizardStepCard } from '../../src/cards/wizard.card';
import { scenarioListCard } from '../../src/cards/answer.cards';
import { searchResults } from '../../src/answers/search-results';
import { stepsOf, type Answers, type WizardState } from '../../src/wizard/wizard.machine';
import { describeInBrowser, rendererFor } from '../support/card-render';

const k = getKnowledge();

/** One screen of a Teams chat at 500 px. */
const SCREEN_PX = 1000;
/** Greeting and help cards: well within a screen, so the chat box stays in view. */
const INTRO_PX = 600;
/** A wizard step, the longest being the yes/no card for every scenario (about 720 px). */
const WIZARD_STEP_PX = 750;
/** A card shared into a conversation must not take over the chat. */
const SHARED_CARD_PX = 500;
const NOTICE_PX = 250;

const guideCards: [name: string, card: () => object, budget: number][] = [
  ['welcome', welcomeCard, INTRO_PX],
  ['help', helpCard, INTRO_PX],
  ['fallback', () => fallbackCard('how do I bake bread'), INTRO_PX],
  [
    'fallback-off-subject',
    () =>
      fallbackCard(
        'Our compute instance is not getting stopped automatically even after we configured the idle shutdown time. Why?',
        'subject',
      ),
    INTRO_PX,
  ],
  [
    'fallback-permission-error',
    () =>
      fallbackCard(
        'unable to open VS code. Error message: Failed to authenticate. Error type: AuthError',
        'permission',
      ),
    INTRO_PX,
  ],
  [
    'fallback-quota-limit',
    () =>
      fallbackCard(
        'Operation results in exceeding approved standardNCASv3_T4Family Cores quota, is the NSG blocking it?',
        'quota',
      ),
    INTRO_PX,
  ],
  [
    'fallback-instance-not-running',
    () =>
      fallbackCard(
        'Error type: 347 Error Message: Timeout while waiting for the compute instance to start.',
        'stopped',
      ),
    INTRO_PX,
  ],
  [
    'fallback-code-exception',
    () =>
      fallbackCard(
        "Activating extension 'ms-toolsai.vscode-ai' failed: Cannot read properties of undefined",
        'bug',
      ),
    INTRO_PX,
  ],
  [
    'fallback-template-refused',
    () =>
      fallbackCard(
        'The property "managedNetwork" is not allowed on objects of type "WorkspaceProperties"',
        'template',
      ),
    INTRO_PX,
  ],
  ['notice', () => noticeCard('Wizard cancelled.'), NOTICE_PX],
  ['scenario-list', () => scenarioListCard(k), SCREEN_PX],
];

/** Every step of a run for these scenarios, each with the answers a person would have given. */
function wizardSteps(scenarios: ScenarioId[]): [string, WizardState][] {
  const answers: Answers = { scenarios, region: 'westeurope', egress: 'azure-firewall' };
  const steps = stepsOf(k, scenarios);
  return steps.map((step, i) => [
    `${scenarios.join('+')}-${i + 1}-${step}`,
    { id: 'w1', step, answers, history: steps.slice(0, i) },
  ]);
}

const wizardCards: [name: string, state: WizardState][] = [
  ['start', { id: 'w1', step: 'scenarios', answers: {}, history: [] }],
  ...wizardSteps(['compute']),
  ...wizardSteps(['studio', 'docker-images']),
  ...wizardSteps(['aks']),
  ...wizardSteps([...ScenarioId.options]),
  [
    'region-typo',
    { id: 'w1', step: 'region', answers: { scenarios: ['compute'] }, history: ['scenarios'] },
  ],
  [
    'setup-unclear',
    {
      id: 'w1',
      step: 'setup',
      answers: { scenarios: ['compute'] },
      history: ['scenarios', 'region', 'egress'],
    },
  ],
];

/** A step answered wrongly shows what to fix (and, for a region, suggestions) above its input. */
const problems = new Map([
  [
    'region-typo',
    {
      problem: '"westeurop" is not an Azure region name I know. Did you mean one of these?',
      suggestions: ['westeurope', 'westus', 'northeurope'],
    },
  ],
  [
    'setup-unclear',
    {
      problem:
        'Tick what applies and select Next, or type the ones that apply (from Compute public IP, VS Code, RStudio, Public package feeds, hbi workspace), or "none".',
    },
  ],
]);

const searches = [
  '',
  '44224',
  'AzureMachineLearning',
  'compute cluster',
  'ImageBuildComputeNotValid',
];
const sharedResults = searches.flatMap((query) => {
  const result = searchResults(k, query, 0, 25);
  if (result.type !== 'result') throw new Error(`no results for "${query}"`);
  return result.attachments.map((a, i): [string, object] => [
    `${query || 'initial'}-${i + 1}-${a.preview.content.title}`,
    a.content,
  ]);
});

const slug = (name: string) => name.replace(/[^A-Za-z0-9+-]+/g, '-').toLowerCase();

describeInBrowser.each([500, 360])('guide cards at %i px', (width) => {
  const renderer = rendererFor(width);

  it.each(guideCards)('%s fits its budget and cuts no text', async (name, card, budget) => {
    const r = await renderer().render(card(), { shot: `${name}-${width}` });
    if (width === 500) expect(r.height).toBeLessThanOrEqual(budget);
    expect(r.clipped).toEqual([]);
  });

  it.each(wizardCards)('wizard step %s fits its budget and cuts no text', async (name, state) => {
    const r = await renderer().render(wizardStepCard(k, state, problems.get(name)), {
      key: 'Network plan wizard',
      shot: `wizard-${slug(name)}-${width}`,
    });
    expect(r.keyTop).toBeDefined();
    if (width === 500) expect(r.height).toBeLessThanOrEqual(WIZARD_STEP_PX);
    expect(r.clipped).toEqual([]);
  });

  it.each(sharedResults)('message-extension result %s is small', async (name, card) => {
    const r = await renderer().render(card, { shot: `search-${slug(name)}-${width}` });
    if (width === 500) expect(r.height).toBeLessThanOrEqual(SHARED_CARD_PX);
    expect(r.clipped).toEqual([]);
  });
});
