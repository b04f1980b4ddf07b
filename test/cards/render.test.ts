// Every card the bot can send is bound from its template, complete, valid for Teams at version 1.5,
// and small enough for a Teams message: for every scenario, rule, step, error and disagreement,
// every wizard step, and the largest plan.
import { readdirSync } from 'node:fs';
import { z } from 'zod';
import { bindTemplate, CardRenderError, renderCard } from '../../src/cards/render';
import { fallbackCard, helpCard, noticeCard, welcomeCard } from '../../src/cards/guide.card';
import { choicesCard, scenarioCards, scenarioListCard } from '../../src/cards/answer.cards';
import { answerFor, cardsFor, sharedCardFor } from '../../src/answers/reply';
import { createRecognizer } from '../../src/understanding/recognizer';
import { planCards, situationFacts } from '../../src/cards/plan.card';
import { wizardStepCard } from '../../src/cards/wizard.card';
import { getKnowledge, planFor, ScenarioId, Situation } from '../../src/knowledge';
import { questionsFor, StepId } from '../../src/wizard/wizard.machine';
import { projectPath } from '../../src/paths';
import { cardProblems, cardText, MAX_CARD_BYTES } from '../support/card-validation';
import { commandsCards } from '../../src/cards/commands.card';
import { nsgCheckCards } from '../../src/cards/nsg-check.card';
import { ExportFormat, exportPlan } from '../../src/export/export.formats';
import { checkNsg } from '../../src/nsg-check/nsg.check';

const k = getKnowledge();
const recognize = createRecognizer(k);
const everyScenario = [...ScenarioId.options];
const largestSituation = Situation.parse({
  scenarios: everyScenario,
  region: 'westeurope',
  computePublicIp: true,
  egress: 'firewall-no-tags',
  registryBehindVnet: true,
  ownImages: true,
  vscode: true,
  hbi: true,
  sdk: 'v1',
});

type Render = () => object | object[];
const cards: [string, string, Render][] = [
  ['welcome', 'welcome', welcomeCard],
  ['help', 'help', helpCard],
  ['fallback', 'fallback', () => fallbackCard('how do I bake bread')],
  ['notice', 'notice', () => noticeCard('Wizard cancelled.')],
  ['choices', 'scenario list', () => scenarioListCard(k)],
  ['choices', 'which one', () => choicesCard('Which one?', 'Pick one', [])],
  ...everyScenario.map((id): [string, string, Render] => [
    'network-plan',
    `scenario ${id}`,
    () => scenarioCards(k, id),
  ]),
  ...(['nsg', 'azure-firewall', 'firewall-no-tags'] as const).map(
    (egress): [string, string, Render] => [
      'network-plan',
      `largest plan (${egress})`,
      () =>
        planCards(k, planFor(k, { ...largestSituation, egress }), {
          title: 'Your network plan',
          subtitle: 'All scenarios, every option on',
          facts: situationFacts(
            planFor(k, { ...largestSituation, egress }),
            new Set(questionsFor(k, everyScenario)),
          ),
          actions: [],
        }),
    ],
  ),
  ...(['rule', 'step', 'error', 'conflict'] as const).flatMap((kind) =>
    ({ rule: k.rules, step: k.steps, error: k.errors, conflict: k.conflicts })[kind].flatMap(
      (item): [string, string, Render][] => [
        ['answer', `${kind} ${item.id}`, () => cardsFor(k, kind, item.id)!],
        ['answer', `${kind} ${item.id}, shared`, () => sharedCardFor(k, kind, item.id)!],
      ],
    ),
  ),
  ['answer', 'port 44224', () => cardsFor(k, 'port', '44224')!],
  ['answer', 'endpoint Storage.<region>', () => cardsFor(k, 'endpoint', 'Storage.<region>')!],
  ...[
    'which inbound ports does a compute cluster need',
    'which host names does the studio need behind a firewall',
    'do I still need the Microsoft registry with my own images?',
    'ImageBuildComputeNotValid',
    'storage',
  ].map((q): [string, string, Render] => [
    'answer',
    `answer to "${q}"`,
    () => answerFor(k, recognize(q), q).cards,
  ]),
  ...StepId.options.map((step): [string, string, Render] => [
    'wizard-step',
    `wizard step ${step}`,
    () =>
      wizardStepCard(
        k,
        {
          id: 'w1',
          step,
          answers: { scenarios: ['compute'], region: 'eastus' },
          history: ['scenarios'],
        },
        { problem: 'Choose Yes or No.', suggestions: ['westeurope', 'westus'] },
      ),
  ]),
  ...ExportFormat.options.map((format): [string, string, Render] => [
    'commands',
    `the largest plan as ${format}`,
    () =>
      commandsCards(exportPlan(planFor(k, largestSituation), format), {
        source: { kind: 'plan', situation: largestSituation },
        start: '100',
      }),
  ]),
  [
    'nsg-check',
    'an empty NSG checked for every scenario',
    () =>
      nsgCheckCards(
        checkNsg(planFor(k, { ...largestSituation, egress: 'nsg', sdk: 'v2' }), { rules: [] }),
      ),
  ],
];

describe('every card', () => {
  it.each(cards)(
    '%s: %s renders, validates at 1.5 and stays under the size limit',
    (_t, _n, render) => {
      const rendered = render();
      const list = Array.isArray(rendered) ? rendered : [rendered];
      expect(list.length).toBeGreaterThan(0);
      for (const card of list) expect(cardProblems(card)).toEqual([]);
    },
  );

  it('every template in cards/ is covered', () => {
    const templates = readdirSync(projectPath('cards')).map((f) => f.replace(/\.json$/, ''));
    const covered = new Set(cards.map(([template]) => template));
    expect(templates.filter((t) => !covered.has(t))).toEqual([]);
  });

  it('the largest plan is at most two messages, each under the limit, and keeps every rule', () => {
    const plan = planFor(k, largestSituation);
    const list = planCards(k, plan, { title: 'Plan', subtitle: '', facts: [], actions: [] });
    expect(list).toHaveLength(2);
    for (const card of list) expect(JSON.stringify(card).length).toBeLessThan(MAX_CARD_BYTES * 0.7);
    const all = list.map(cardText).join('\n');
    for (const rule of plan.rules) expect(all).toContain(rule.endpoint);
    for (const step of plan.steps) expect(all).toContain(step.title);
    expect(cardText(list[1])).toMatch(/^Plan \(continued\)/);
  });
});

describe('knowledge text on a plan', () => {
  // "Microsoft.Network/*/read" and "*.vscode-cdn.net … server/*" left to markdown would pair their
  // stars up into italics, and the stars would vanish.
  it('keeps wildcards and paths as written, with the condition still in italics', () => {
    const options = { title: 'Plan', subtitle: '', facts: [], actions: [] };
    const compute = Situation.parse({ scenarios: ['compute'], egress: 'azure-firewall' });
    const text = planCards(k, planFor(k, compute), options).map(cardText).join('\n');
    expect(text).toContain('Microsoft.Network/\\*/read');
    expect(text).not.toMatch(/[^\\]\*\/read/);
    expect(text).toMatch(/ _\(Only when [^)]*\.\)_/);
  });
});

describe('the render function', () => {
  const Greeting = z.object({ name: z.string() });
  const template = {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text: 'Hello ${name}' }],
  };

  it('binds the view model', () => {
    expect(cardText(bindTemplate('greeting', template, { name: 'Ada' }))).toBe('Hello Ada');
  });

  it('refuses a card with a field the view model does not fill', () => {
    const withExtra = {
      ...template,
      body: [...template.body, { type: 'TextBlock', text: '${missing}' }],
    };
    expect(() => bindTemplate('greeting', withExtra, { name: 'Ada' })).toThrow(
      /unbound template fields at body\[1\]\.text/,
    );
  });

  it('refuses a version Teams cannot show', () => {
    expect(() =>
      bindTemplate('greeting', { ...template, version: '1.6' }, { name: 'Ada' }),
    ).toThrow(CardRenderError);
  });

  it('keeps template syntax typed by a user as text, not as a field', () => {
    const card = bindTemplate('greeting', template, { name: '${oops}' });
    expect(cardText(card)).toContain('oops');
    expect(cardProblems(card)).toEqual([]);
  });

  it('checks the view model with its schema before binding', () => {
    expect(() => renderCard('help', Greeting, { name: 42 } as unknown as { name: string })).toThrow(
      /expected string/,
    );
  });
});

describe('the card validator used by these tests', () => {
  it.each([
    [
      'an input without id',
      { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.Text' }] },
    ],
    ['a version Teams cannot show', { type: 'AdaptiveCard', version: '1.6', body: [] }],
    ['an unknown element', { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Hologram' }] }],
  ])('finds %s', (_name, card) => {
    expect(cardProblems(card)).not.toEqual([]);
  });
});
