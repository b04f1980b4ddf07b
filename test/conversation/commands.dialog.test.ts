// "Show as commands" and the NSG check as people use them in Teams: from the wizard's plan to
// commands in every format, from a scenario or an answer card, and a pasted NSG to a verdict per flow.
import { readFileSync } from 'node:fs';
import { ScenarioId } from '../../src/knowledge';
import { projectPath } from '../../src/paths';
import { cardProblems, cardText } from '../support/card-validation';
import { createTestBot } from '../support/test-bot';
import { buttonTitles, latestCard, newConversationId } from '../support/teams-client';
import { TeamsClient, textOf, type Turn } from '../support/teams-client';

type Card = Record<string, unknown>;
type Scope = NonNullable<ConstructorParameters<typeof TeamsClient>[1]>['scope'];

function chat(scope: Scope = 'personal') {
  const { adapter } = createTestBot();
  return new TeamsClient(adapter, { scope, conversationId: newConversationId() });
}

/** The wizard answered with the card inputs a person fills in, first offered choice otherwise. */
async function planFromWizard(c: TeamsClient, picks: string, region = 'westeurope'): Promise<Card> {
  let turn = await c.say('start');
  for (let step = 0; step < 12; step++) {
    // A plan spread over several cards carries its buttons on the last one.
    const withButton = [turn.updated, ...turn.cards].find(
      (card) => card && buttonTitles(card).includes('Show as commands'),
    );
    if (withButton) return withButton;
    const card = latestCard(turn);
    // The step's main button comes first (Next, or Show my plan); a choice takes its first option.
    const [primary] = card.actions as { title: string }[];
    const choice = /"id":"value"[^\]]*?"choices":\[\{"title":"[^"]*","value":"([^"]+)"/.exec(
      JSON.stringify(card),
    );
    const inputs: Record<string, string> = choice ? { value: choice[1]! } : { picks, region };
    turn = await c.click(card, primary!.title, inputs);
  }
  throw new Error(`no plan after 12 wizard steps: ${textOf(turn)}`);
}

/** The monospace blocks of a card: the text a person copies. */
function codeOf(turn: Turn): string {
  const blocks: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (obj.type === 'TextRun' && obj.fontType === 'Monospace') blocks.push(obj.text as string);
    Object.values(obj).forEach(walk);
  };
  turn.cards.forEach(walk);
  return blocks.join('\n');
}

function expectValidCards(turn: Turn) {
  expect(turn.cards.length).toBeGreaterThan(0);
  for (const card of turn.cards) {
    expect(cardProblems(card)).toEqual([]);
    // Teams refuses messages over about 28 KB.
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(24 * 1024);
  }
}

describe('from the wizard’s plan to commands', () => {
  const c = chat();
  let plan: Card;
  let commands: Turn;

  beforeAll(async () => {
    plan = await planFromWizard(c, 'compute');
    commands = await c.click(plan, 'Show as commands');
  });

  it('one click on the plan gives az NSG commands for its region', () => {
    expectValidCards(commands);
    expect(textOf(commands)).toContain('Azure CLI: NSG rules');
    expect(codeOf(commands)).toMatch(/^az network nsg rule create .*Storage\.westeurope/m);
    expect(textOf(commands)).toContain('Replace before running');
    expect(textOf(commands)).toContain('<nsg-name>');
  });

  it.each([
    [
      'az-firewall',
      'Azure CLI: Azure Firewall rules',
      /^az network firewall network-rule create /m,
    ],
    ['bicep', 'Bicep securityRules', /^securityRules: \[$/m],
    ['terraform', 'Terraform', /^resource "azurerm_network_security_rule" /m],
    ['csv', 'CSV', /^name,priority,direction,access,protocol/m],
    ['az-nsg', 'Azure CLI: NSG rules', /--priority 300 /],
  ])('picking %s on the commands card shows that format', async (format, label, code) => {
    const turn = await c.click(latestCard(commands), 'Show in this format', {
      format,
      start: '300',
    });
    expectValidCards(turn);
    expect(textOf(turn)).toContain(label);
    expect(codeOf(turn)).toMatch(code);
  });

  it('in a 1:1 chat Teams offers the whole text as a file, through its consent card', () => {
    const offers = commands.raw
      .flatMap((a) => a.attachments ?? [])
      .filter((a) => a.contentType === 'application/vnd.microsoft.teams.card.file.consent');
    expect(offers.map((f) => f.name)).toEqual(['aml-nsg-rules.sh']);
    expect(offers[0]!.content).toMatchObject({ acceptContext: { source: { kind: 'plan' } } });
    expect(textOf(commands)).toContain('as the file aml-nsg-rules.sh offered after this card');
  });

  it('after the plan, other cards’ commands use the plan’s region', async () => {
    const turn = await c.submit({ action: 'export', source: { kind: 'scenario', id: 'compute' } });
    expect(codeOf(turn)).toContain('BatchNodeManagement.westeurope');
    expect(codeOf(turn)).not.toContain('<region>');
  });

  it('a first priority outside 100-4096 is explained and 100 is used', async () => {
    const turn = await c.click(latestCard(commands), 'Show in this format', {
      format: 'az-nsg',
      start: '50',
    });
    expect(turn.texts.join(' ')).toContain('must be a whole number from 100 to 4096, not "50"');
    expect(codeOf(turn)).toMatch(/--priority 100 /);
  });
});

describe('show as commands from other cards', () => {
  it('in a channel there is no file, only the card', async () => {
    const c = chat('channel');
    const plan = await planFromWizard(c, 'studio');
    const turn = await c.click(plan, 'Show as commands');
    expectValidCards(turn);
    const files = turn.raw.flatMap((a) => a.attachments ?? []);
    expect(files.some((a) => !a.contentType.includes('card.adaptive'))).toBe(false);
  });

  it('a scenario card gives its rules, with <region> to fill in', async () => {
    const c = chat();
    const list = latestCard(await c.say('scenarios'));
    const scenario = latestCard(
      await c.submit({ action: 'show', kind: 'scenario', id: 'compute' }),
    );
    expect(buttonTitles(list).length).toBeGreaterThan(0);
    const turn = await c.click(scenario, 'Show as commands');
    expectValidCards(turn);
    expect(codeOf(turn)).toContain('BatchNodeManagement.<region>');
    expect(textOf(turn)).toContain('the region of your compute');
  });

  it('an answer card gives the rules it is about', async () => {
    const c = chat();
    const answer = latestCard(await c.say('what is port 44224 for'));
    const turn = await c.click(answer, 'Show as commands');
    expectValidCards(turn);
    expect(codeOf(turn)).toMatch(
      /--source-address-prefixes AzureMachineLearning .*--destination-port-ranges 44224/,
    );
  });

  it('a big plan as firewall rules is split into cards that each fit', async () => {
    const c = chat();
    const situation = {
      scenarios: ScenarioId.options,
      region: 'westeurope',
      computePublicIp: true,
      egress: 'firewall-no-tags',
      registryBehindVnet: false,
      ownImages: true,
      vscode: true,
      hbi: true,
      sdk: 'v2',
    };
    const turn = await c.submit({
      action: 'export',
      source: { kind: 'plan', situation },
      format: 'az-firewall',
    });
    expectValidCards(turn);
    expect(turn.cards.length).toBeGreaterThan(1);
    expect(codeOf(turn)).toContain('--target-fqdns marketplace.visualstudio.com');
  });

  it('a tampered export button is refused, not trusted', async () => {
    const turn = await chat().submit({
      action: 'export',
      source: { kind: 'plan', situation: { scenarios: ['nope'] } },
    });
    expect(turn.texts.join(' ')).toContain("couldn't read that button");
  });
});

describe('a pasted NSG gets a verdict per flow', () => {
  const nsg = readFileSync(
    projectPath('test', 'nsg-check', '__fixtures__', 'nsg-show.json'),
    'utf8',
  );

  it('with the scenario and region named before the JSON', async () => {
    const turn = await chat().say(`check this for compute in westeurope ${nsg}`);
    expectValidCards(turn);
    const text = textOf(turn);
    expect(text).toContain('NSG check: ml-compute-nsg');
    expect(text).toContain('Blocked: Outbound to AzureMachineLearning, UDP 5831');
    expect(text).toContain('Blocked by DenyInternet (priority 4000).');
    expect(text).toContain('Allowed: Outbound to Storage.westeurope, TCP 443');
    expect(text).toContain('Default rule only: Outbound to VirtualNetwork, TCP 443');
    expect(codeOf(turn)).toMatch(
      /^az network nsg rule create --resource-group ml-rg --nsg-name ml-compute-nsg --name \S+ --priority 101 /m,
    );
  });

  it('without a scenario the bot asks for one, then checks', async () => {
    const c = chat();
    const ask = latestCard(await c.say(nsg));
    expect(cardText(ask)).toContain('Check this NSG for which scenario?');
    const buttons = buttonTitles(ask);
    expect(buttons).toContain('Check for this scenario');
    const turn = await c.submit({ action: 'nsg.check', picks: 'studio' });
    expectValidCards(turn);
    expect(textOf(turn)).toContain('Outbound to AzureFrontDoor.FrontEnd, TCP 443');
  });

  it('after a plan, a bare paste is checked against the plan’s scenarios', async () => {
    const c = chat();
    await planFromWizard(c, 'compute');
    const turn = await c.say(nsg);
    expect(turn.texts[0]).toBe('Checked against the scenarios of your last plan.');
    expect(textOf(turn)).toContain('Outbound to Storage.westeurope, TCP 445');
  });

  it.each([
    [
      '{"securityRules": [{"name": "x", "priority": "high"}]}',
      'securityRules[0].priority: expected the priority as a number',
    ],
    ['compute {"name": "nsg"}', 'securityRules: expected a list of security rules'],
    ['compute {"securityRules": [}', 'not valid JSON'],
  ])('"%s" is not an NSG: the bot says where', async (pasted, error) => {
    const turn = await chat().say(pasted);
    expect(turn.texts.join(' ')).toContain(error);
    expect(turn.cards).toEqual([]);
  });

  it('"check my nsg" says what to paste', async () => {
    const turn = await chat().say('check my NSG');
    expect(turn.texts.join(' ')).toContain('az network nsg show');
  });
});
