// The wizard's plan as Teams shows it, at a chat bubble's 500 px and on a 360 px phone: it opens as a
// summary of at most one screen, the whole plan stays within two screens until something is opened,
// no text is cut off, no name breaks mid-word, and a section opens in place to show its rules.
import { planCards, situationFacts } from '../../src/cards/plan.card';
import {
  getKnowledge,
  planFor,
  ScenarioId,
  Situation,
  type SituationInput,
} from '../../src/knowledge';
import { questionsFor } from '../../src/wizard/wizard.machine';
import { describeInBrowser, rendererFor, type Rendered } from '../support/card-render';

const k = getKnowledge();

/** One screen of a Teams chat at 500 px. */
const SCREEN_PX = 1000;
const SUMMARY_PX = SCREEN_PX;
const WHOLE_PLAN_PX = 2 * SCREEN_PX;
/** Teams refuses a message over about 28 KB. */
const MESSAGE_BYTES = 28 * 1024;

const firewall = { region: 'westeurope', egress: 'azure-firewall' } as const;
const plans: [name: string, situation: SituationInput][] = [
  ...ScenarioId.options.map((id): [string, SituationInput] => [
    id,
    { scenarios: [id], ...firewall },
  ]),
  ['all-six', { scenarios: [...ScenarioId.options], ...firewall }],
  ['studio-compute-firewall', { scenarios: ['studio', 'compute'], ...firewall }],
  [
    'everything-on',
    {
      scenarios: [...ScenarioId.options],
      region: 'westeurope',
      egress: 'firewall-no-tags',
      computePublicIp: true,
      vscode: true,
      rstudio: true,
      publicPackageFeeds: true,
      hbi: true,
      registryBehindVnet: true,
      ownImages: true,
    },
  ],
];

function cardsFor(input: SituationInput) {
  const situation = Situation.parse(input);
  const plan = planFor(k, situation);
  return planCards(k, plan, {
    title: 'Your network plan',
    subtitle: '',
    facts: situationFacts(plan, new Set(questionsFor(k, situation.scenarios))),
    actions: [],
  });
}

describe('the plan as messages', () => {
  it.each(plans)('%s fits in at most two messages under the size limit', (_name, situation) => {
    const cards = cardsFor(situation);
    expect(cards.length).toBeLessThanOrEqual(2);
    for (const card of cards) {
      expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(MESSAGE_BYTES);
    }
  });
});

describeInBrowser.each([500, 360])('plan cards at %i px', (width) => {
  const renderer = rendererFor(width);

  it.each(plans)('%s opens as a summary and stays short until opened', async (name, situation) => {
    const rendered: Rendered[] = [];
    for (const [i, card] of cardsFor(situation).entries()) {
      // The first section's "Show" marks where the summary ends.
      const shot = `plan-${name}${i > 0 ? `-${i + 1}` : ''}-${width}`;
      rendered.push(await renderer().render(card, { key: 'Show', shot }));
    }
    const [summary] = rendered;
    if (width === 500) {
      expect(summary!.keyTop).toBeLessThanOrEqual(SUMMARY_PX);
      expect(rendered.reduce((px, r) => px + r.height, 0)).toBeLessThanOrEqual(WHOLE_PLAN_PX);
    }
    for (const r of rendered) {
      expect(r.clipped).toEqual([]);
      if (width === 500) expect(r.brokenWords).toEqual([]);
    }
  });

  it('nothing is cut off or broken mid-word with every section and reason open', async () => {
    const cards = cardsFor({
      scenarios: ['studio', 'compute', 'docker-images'],
      region: 'westeurope',
      egress: 'firewall-no-tags',
      computePublicIp: true,
      rstudio: true,
      publicPackageFeeds: true,
    });
    for (const [i, card] of cards.entries()) {
      await renderer().render(card);
      await renderer().clickAll('Show');
      const open = await renderer().clickAll('Why each one, and when', {
        shot: `plan-open-${i + 1}-${width}`,
      });
      expect(open.clipped).toEqual([]);
      if (width === 500) expect(open.brokenWords).toEqual([]);
    }
  });

  it('opens the inbound section in place: AzureMachineLearning on TCP 44224', async () => {
    const [card] = cardsFor({
      scenarios: ['studio', 'compute'],
      ...firewall,
      computePublicIp: true,
    });
    const closed = await renderer().render(card!, { key: '44224' });
    expect(closed.keyTop).toBeUndefined();
    const open = await renderer().click('Show', {
      key: '44224',
      shot: `plan-inbound-open-${width}`,
    });
    expect(open.keyTop).toBeDefined();
    expect(open.height).toBeGreaterThan(closed.height);
    expect(open.clipped).toEqual([]);
  });
});
