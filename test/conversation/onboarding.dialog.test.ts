// The onboarding wizard as people use it in Teams: start, answer each card, go back, start over,
// cancel, ask for help half-way, click old cards, and run two wizards side by side in one channel.
import { ALICE, BOB } from '../support/activities';
import { cardProblems, cardText } from '../support/card-validation';
import { createTestBot } from '../support/test-bot';
import {
  buttonsOf,
  buttonTitles,
  latestCard,
  newConversationId,
  TeamsClient,
  textOf,
  type Turn,
} from '../support/teams-client';

type Card = Record<string, unknown>;

function client(options: ConstructorParameters<typeof TeamsClient>[1] = {}) {
  const { adapter } = createTestBot();
  return new TeamsClient(adapter, { conversationId: newConversationId(), ...options });
}

function inputIds(card: unknown): string[] {
  const ids: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (typeof obj.type === 'string' && obj.type.startsWith('Input.')) ids.push(obj.id as string);
    Object.values(obj).forEach(walk);
  };
  walk(card);
  return ids;
}

const isPlan = (card: Card) => cardText(card).startsWith('Your network plan');

/** The card's main button: Next, or Show my plan on the last step. */
function primary(card: Card): string {
  const [first] = (card.actions ?? []) as { title: string }[];
  if (!first) throw new Error('the card has no actions');
  return first.title;
}

/**
 * Answers every wizard card the way a careful engineer would for `scenario`: picks it, types the
 * region, takes the first option offered and leaves every yes/no unticked. Returns the plan turn.
 */
async function walkWizard(
  chat: TeamsClient,
  scenario: string,
  region = 'westeurope',
): Promise<Turn> {
  let turn = await chat.say('start');
  for (let i = 0; i < 8; i++) {
    const card = latestCard(turn);
    if (isPlan(card)) return turn;
    for (const problem of cardProblems(card)) throw new Error(problem);
    const inputs = inputIds(card);
    if (inputs.includes('picks')) turn = await chat.click(card, primary(card), { picks: scenario });
    else if (inputs.includes('region')) turn = await chat.click(card, primary(card), { region });
    else if (inputs.includes('value')) {
      turn = await chat.click(card, primary(card), { value: firstChoice(card) });
    } else turn = await chat.click(card, primary(card));
  }
  throw new Error('the wizard did not finish in 8 steps');
}

function firstChoice(card: Card): string {
  const match = /"choices":\[\{"title":"[^"]*","value":"([^"]+)"/.exec(JSON.stringify(card));
  if (!match) throw new Error('the card offers no choices');
  return match[1]!;
}

function planText(turn: Turn): string {
  return [turn.updated, ...turn.cards].filter(Boolean).map(cardText).join('\n');
}

describe('a full wizard for each scenario ends with its plan', () => {
  it.each([
    ['studio', ['AzureActiveDirectory', 'AzureFrontDoor.FrontEnd', 'AzureMachineLearning']],
    ['data-profiling', ['Reader', 'trusted']],
    ['compute', ['44224', 'Storage.westeurope', 'BatchNodeManagement.westeurope']],
    ['online-endpoints', ['public_network_access', 'egress_public_network_access']],
    ['aks', ['AzureContainerRegistry.westeurope']],
    // The wizard's defaults leave the registry open: no image-build compute is needed then.
    ['docker-images', ['MicrosoftContainerRegistry', 'AzureFrontDoor.FirstParty']],
  ])('%s', async (scenario, expected) => {
    const chat = client();
    const turn = await walkWizard(chat, scenario);
    const text = planText(turn);
    for (const fact of expected) expect(text).toContain(fact);
    for (const card of [turn.updated, ...turn.cards].filter(Boolean)) {
      expect(cardProblems(card)).toEqual([]);
    }
    expect(text).toContain('Sources');
  });
});

describe('each wizard step', () => {
  it('updates the card in place (Action.Execute) with a Submit fallback', async () => {
    const chat = client();
    const first = latestCard(await chat.say('start'));
    const next = buttonsOf(first).find((b) => b.title === 'Next');
    expect(next?.type).toBe('Action.Execute');
    const turn = await chat.click(first, 'Next', { picks: 'compute' });
    expect(turn.updated).toBeDefined();
    expect(turn.cards).toHaveLength(0);
    expect(cardText(turn.updated)).toContain('Which Azure region');
    // Regional tags take the compute's region, which may differ from the workspace's.
    expect(cardText(turn.updated)).toContain('give the compute region');
    expect(JSON.stringify(first)).toContain('"fallback":{"type":"Action.Submit"');
  });

  it('offers outbound filtering as a wrapping choice set, and keeps Back, Start over and Cancel secondary', async () => {
    const chat = client();
    const first = latestCard(await chat.say('start'));
    const egress = latestCard(await chat.click(first, 'Next', { picks: 'studio' }));
    const json = JSON.stringify(egress);
    expect(json).toContain('"type":"Input.ChoiceSet","id":"value"');
    expect(json).toMatch(/"style":"expanded","wrap":true/);
    const actions = egress.actions as { title: string; mode?: string }[];
    expect(actions.map((a) => [a.title, a.mode ?? 'primary'])).toEqual([
      ['Show my plan', 'primary'],
      ['Back', 'secondary'],
      ['Start over', 'secondary'],
      ['Cancel', 'secondary'],
    ]);
    expect(egress.fallbackText).toBe(
      'Network plan wizard · step 2 of 2: How is outbound traffic from the virtual network filtered?',
    );
  });

  it('asks the independent yes/no questions together on one card', async () => {
    const chat = client();
    for (const text of ['start', 'compute', 'westeurope']) await chat.say(text);
    const setup = latestCard(await chat.say('nsg'));
    expect(inputIds(setup)).toEqual([
      'computePublicIp',
      'vscode',
      'rstudio',
      'publicPackageFeeds',
      'hbi',
    ]);
    const plan = await chat.click(setup, 'Show my plan', { rstudio: 'yes' });
    expect(planText(plan)).toContain('Your network plan');
  });

  it('also works for clients that only send Action.Submit', async () => {
    const chat = client();
    const first = latestCard(await chat.say('wizard'));
    const data = buttonsOf(first).find((b) => b.title === 'Next')!.data!;
    const turn = await chat.submit({ ...data, picks: 'studio' });
    expect(cardText(latestCard(turn))).toContain('How is outbound traffic');
  });

  it('suggests regions for a typo and keeps the step', async () => {
    const chat = client();
    const first = latestCard(await chat.say('get started'));
    await chat.click(first, 'Next', { picks: 'compute' });
    const regionCard = latestCard(await chat.say('start over')); // fresh run
    const withCompute = latestCard(await chat.click(regionCard, 'Next', { picks: 'compute' }));
    const typo = await chat.click(withCompute, 'Next', { region: 'westeurop' });
    const card = latestCard(typo);
    expect(cardText(card)).toContain('"westeurop" is not an Azure region');
    expect(buttonTitles(card)).toContain('westeurope');
    const fixed = await chat.click(card, 'westeurope', { region: 'westeurop' });
    expect(cardText(latestCard(fixed))).toContain('How is outbound traffic');
  });

  it('accepts the region typed as a chat message', async () => {
    const chat = client();
    const first = latestCard(await chat.say('start'));
    await chat.click(first, 'Next', { picks: 'aks' });
    const turn = await chat.say('North Europe');
    expect(cardText(latestCard(turn))).toContain('How is outbound traffic');
    expect(cardText(latestCard(turn))).toContain('northeurope');
  });
});

describe('typed answers work on every step', () => {
  it.each<[string, string[], string[]]>([
    [
      'compute',
      ['compute', 'westeurope', 'azure firewall', 'vs code and rstudio'],
      ['Network plan wizard · step 2 of 4', 'step 3 of 4', 'step 4 of 4'],
    ],
    ['aks', ['aks', 'East US', 'nsg', 'v1'], ['step 2 of 4', 'step 3 of 4', 'step 4 of 4']],
    ['data-profiling', ['data profiling', 'v2'], ['step 2 of 2']],
    ['studio', ['studio', 'another firewall'], ['step 2 of 2']],
    ['docker-images', ['docker images', 'nsg', 'none'], ['step 2 of 3', 'step 3 of 3']],
  ])('%s: typing %j ends with the plan', async (_scenario, typed, headers) => {
    const chat = client();
    const seen: string[] = [];
    let turn = await chat.say('start');
    for (const text of typed) {
      seen.push(cardText(latestCard(turn)));
      turn = await chat.say(text);
    }
    expect(textOf(turn)).not.toContain('Please check');
    expect(planText(turn)).toContain('Your network plan');
    for (const header of headers) expect(seen.join('\n')).toContain(header);
    expect(seen.join('\n')).not.toContain('1 of 1');
  });

  it.each([
    ['online-endpoints', 'Network plan wizard · one step'],
    ['compute', 'Network plan wizard · step 1 of 4'],
  ])('started from the %s scenario card, it counts honestly: "%s"', async (scenario, header) => {
    const chat = client();
    const card = latestCard(await chat.submit({ action: 'wizard.start', scenario }));
    expect(cardText(card)).toContain(header);
    expect(cardText(card)).not.toContain('1 of 1');
  });

  it('the yes/no answers typed reach the plan', async () => {
    const chat = client();
    for (const text of ['start', 'compute', 'westeurope', 'nsg']) await chat.say(text);
    const plan = await chat.say('public ip, vs code');
    const text = planText(plan);
    expect(text).toMatch(/Compute public IP\s+Yes/);
    expect(text).toMatch(/VS Code\s+Yes/);
    expect(text).toMatch(/RStudio\s+No/);
  });
});

describe('back, start over and cancel', () => {
  it('Back returns to the previous question with the answer kept', async () => {
    const chat = client();
    const first = latestCard(await chat.say('start'));
    const region = latestCard(await chat.click(first, 'Next', { picks: 'compute' }));
    const publicIp = latestCard(await chat.click(region, 'Next', { region: 'eastus' }));
    const back = latestCard(await chat.click(publicIp, 'Back'));
    expect(cardText(back)).toContain('Which Azure region');
    expect(JSON.stringify(back)).toContain('"value":"eastus"');
  });

  it('typing "back" does the same', async () => {
    const chat = client();
    const first = latestCard(await chat.say('start'));
    await chat.click(first, 'Next', { picks: 'compute' });
    const turn = await chat.say('back');
    expect(cardText(latestCard(turn))).toContain('What do you use the secured workspace for?');
  });

  it('Start over begins a new run and makes the old cards stale', async () => {
    const chat = client();
    const first = latestCard(await chat.say('start'));
    const region = latestCard(await chat.click(first, 'Next', { picks: 'compute' }));
    const restarted = latestCard(await chat.click(region, 'Start over'));
    expect(cardText(restarted)).toContain('What do you use the secured workspace for?');
    const old = await chat.click(region, 'Next', { region: 'eastus' });
    expect(textOf(old)).toContain('That card is out of date');
    expect(cardText(latestCard(old))).toContain('What do you use the secured workspace for?');
  });

  it('Cancel ends the wizard and says so', async () => {
    const chat = client();
    const first = latestCard(await chat.say('start'));
    const turn = await chat.click(first, 'Cancel');
    expect(textOf(turn)).toContain('Wizard cancelled');
    const afterwards = await chat.click(first, 'Next', { picks: 'studio' });
    expect(textOf(afterwards)).toContain('That wizard has already ended');
    expect(textOf(await chat.say('cancel'))).toContain('nothing to cancel');
  });
});

describe('help in the middle of the wizard', () => {
  it('answers and shows the step again, keeping the progress', async () => {
    const chat = client();
    const first = latestCard(await chat.say('start'));
    await chat.click(first, 'Next', { picks: 'compute' });
    const help = await chat.say('help');
    expect(cardText(help.cards[0])).toContain('What I can do');
    expect(cardText(latestCard(help))).toContain('Which Azure region');
    const stillThere = latestCard(help);
    const next = await chat.click(stillThere, 'Next', { region: 'eastus' });
    expect(cardText(latestCard(next))).toContain('How is outbound traffic');
  });
});

describe('old and tampered cards', () => {
  it('a card from an earlier step gets an explanation and the current step', async () => {
    const chat = client();
    const first = latestCard(await chat.say('start'));
    await chat.click(first, 'Next', { picks: 'studio' });
    const again = await chat.click(first, 'Next', { picks: 'compute' });
    expect(textOf(again)).toContain('That card is out of date');
    expect(cardText(latestCard(again))).toContain('How is outbound traffic');
  });

  it.each([
    ['an unknown action', { action: 'wizard.explode', wizardId: 'x' }],
    ['no action at all', { foo: 'bar' }],
    ['a value of the wrong type', { action: 'wizard.answer', wizardId: 42, step: 'region' }],
    [
      'an overlong value',
      { action: 'wizard.answer', wizardId: 'w', step: 'region', value: 'x'.repeat(5000) },
    ],
  ])('%s gets a short explanation and the current step again', async (_name, value) => {
    const chat = client();
    const first = latestCard(await chat.say('start'));
    const region = latestCard(await chat.click(first, 'Next', { picks: 'compute' }));
    const turn = await chat.submit(value);
    expect(textOf(turn)).toContain("I couldn't read that button");
    expect(cardText(latestCard(turn))).toBe(cardText(region));
  });

  it('a tampered answer value keeps the step and says what is expected', async () => {
    const chat = client();
    const first = latestCard(await chat.say('start'));
    const egress = latestCard(await chat.click(first, 'Next', { picks: 'studio' }));
    const data = buttonsOf(egress)[0]!.data!;
    const turn = await chat.submit({ ...data, value: 'carrier-pigeon' });
    expect(cardText(latestCard(turn))).toContain(
      'Please check: Choose one of: Network security groups only',
    );
  });

  it('a malformed Action.Execute invoke gets 400, not a crash', async () => {
    const chat = client();
    const turn = await chat.invoke('adaptiveCard/action', { action: { type: 'Action.Submit' } });
    expect(turn.invokeStatus).toBe(400);
  });
});

describe('two people in one channel', () => {
  it('each run their own wizard in the same thread', async () => {
    const { adapter } = createTestBot();
    const conversationId = `19:channel@thread.tacv2;messageid=${Date.now()}`;
    const alice = new TeamsClient(adapter, { scope: 'channel', conversationId, from: ALICE });
    const bob = new TeamsClient(adapter, { scope: 'channel', conversationId, from: BOB });

    const aliceFirst = latestCard(await alice.say('start', true));
    const bobFirst = latestCard(await bob.say('start', true));
    const aliceNext = latestCard(await alice.click(aliceFirst, 'Next', { picks: 'compute' }));
    const bobNext = latestCard(await bob.click(bobFirst, 'Next', { picks: 'studio' }));

    expect(cardText(aliceNext)).toContain('Which Azure region');
    expect(cardText(bobNext)).toContain('How is outbound traffic');
    const bobPlan = await bob.click(bobNext, 'Show my plan', { value: 'nsg' });
    expect(cardText(latestCard(bobPlan))).toContain('Your network plan');
    const aliceStill = await alice.click(aliceNext, 'Next', { region: 'eastus' });
    expect(cardText(latestCard(aliceStill))).toContain('How is outbound traffic');
  });

  it('a reply chain in a channel is its own conversation', async () => {
    const { adapter } = createTestBot();
    const thread1 = new TeamsClient(adapter, {
      scope: 'channel',
      conversationId: '19:c;messageid=1',
      from: ALICE,
    });
    const thread2 = new TeamsClient(adapter, {
      scope: 'channel',
      conversationId: '19:c;messageid=2',
      from: ALICE,
    });
    const first = latestCard(await thread1.say('start', true));
    await thread1.click(first, 'Next', { picks: 'compute' });
    expect(textOf(await thread2.say('back', true))).toContain('There is no wizard running');
  });
});

describe('the last plan', () => {
  it('"plan" shows it again after the wizard, and explains when there is none', async () => {
    const chat = client();
    expect(textOf(await chat.say('plan'))).toContain("haven't finished the wizard");
    await walkWizard(chat, 'studio');
    const again = await chat.say('plan');
    expect(cardText(latestCard(again))).toContain('Your network plan');
  });
});
