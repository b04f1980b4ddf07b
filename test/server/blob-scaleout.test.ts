// Two real bot processes sharing conversation state in one Blob Storage container (Azurite): a
// wizard whose turns alternate between them ends with the right plan, two clicks on one card sent to
// different instances never both win, and an outage of the storage is told to the user and to
// /healthz, then heals by itself when the storage returns.
import { randomUUID } from 'node:crypto';
import { ContainerClient } from '@azure/storage-blob';
import { BlobStorage } from '../../src/bot/blob.storage';
import { OUT_OF_DATE, SAVE_FAILED } from '../../src/conversation/guide.handler';
import { startAzurite, type Azurite } from '../support/azurite';
import { cardText } from '../support/card-validation';
import { startFakeChannel, type FakeChannel } from '../support/fake-channel';
import { answerSwedenWithFirewall, HttpTeamsClient, type HttpTurn } from '../support/http-client';
import { startBotProcess, type BotProcess } from '../support/process';
import { newConversationId } from '../support/teams-client';

jest.setTimeout(90000);

let azurite: Azurite;
let channel: FakeChannel;
let a: BotProcess;
let b: BotProcess;
const container = `state-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  [azurite, channel] = await Promise.all([startAzurite(), startFakeChannel()]);
  const env = {
    STORAGE: 'blob',
    BLOB_CONNECTION_STRING: azurite.connectionString,
    BLOB_CONTAINER: container,
  };
  [a, b] = await Promise.all([startBotProcess(env), startBotProcess(env)]);
});
afterAll(async () => {
  await Promise.all([a?.stop('SIGKILL'), b?.stop('SIGKILL')]);
  await Promise.all([azurite?.close(), channel?.close()]);
});

/** One person in one conversation, each of whose requests goes to the instance `pick` chooses. */
function person(conversationId: string, pick: () => BotProcess): HttpTeamsClient {
  return new HttpTeamsClient(() => pick().url, { conversationId, serviceUrl: channel.url });
}

function alternating(conversationId: string): HttpTeamsClient {
  let turn = 0;
  return person(conversationId, () => (turn++ % 2 === 0 ? a : b));
}

const turnsLogged = (bot: BotProcess, conversationId: string) =>
  bot
    .output()
    .split('\n')
    .filter((line) => line.includes(conversationId) && line.includes('"msg":"turn"')).length;

/** Turns each instance logged; a log line may reach us a moment after the HTTP answer. */
async function turnsOn(conversationId: string, expected: number[]): Promise<number[]> {
  const deadline = Date.now() + 3000;
  for (;;) {
    const counts = [a, b].map((bot) => turnsLogged(bot, conversationId));
    if (counts.join() === expected.join() || Date.now() > deadline) return counts;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('creates the container it was given', async () => {
  const client = new ContainerClient(azurite.connectionString, container);
  expect(await client.exists()).toBe(true);
});

it('keeps the eTag contract: a stale eTag and a second first write both lose', async () => {
  const storage = new BlobStorage(azurite.connectionString, `contract-${randomUUID().slice(0, 8)}`);
  const key = `msteams/conversations/${newConversationId()};messageid=1/users/29:alice`;
  await storage.create(key, { v: 1 });
  await expect(storage.create(key, { v: 2 })).rejects.toThrow(/eTag conflict/);
  const { [key]: read } = await storage.read([key]);
  await storage.write({ [key]: { ...read, v: 3 } });
  await expect(storage.write({ [key]: { ...read, v: 4 } })).rejects.toThrow(/eTag conflict/);
  expect((await storage.read([key]))[key]).toMatchObject({ v: 3 });
});

it('runs a wizard whose turns alternate between the two instances to the right plan', async () => {
  const conversationId = newConversationId();
  const chat = alternating(conversationId);
  const start = await chat.say('start');
  const region = await chat.click(start.cards[0], 'Next', { picks: 'compute,studio' });
  expect(cardText(region.updated)).toContain('Which Azure region');
  const plan = await answerSwedenWithFirewall(chat, region.updated);

  const text = cardText(plan.updated);
  expect(text).toContain('Your network plan');
  // Compute without a public IP needs nothing inbound: the plan's count says so.
  expect(text).toContain('0\ninbound rules');
  expect(text).toContain('Storage.swedencentral');
  expect(text).toContain('BatchNodeManagement.swedencentral');
  // Five turns, three on A and two on B; then `plan` on B shows the plan A finished.
  const again = await person(conversationId, () => b).say('plan');
  expect(cardText(again.cards[0])).toContain('Storage.swedencentral');
  expect(await turnsOn(conversationId, [3, 3])).toEqual([3, 3]);
});

describe('the same card clicked on both instances at once', () => {
  it('never lets both clicks win', async () => {
    const shown = (turn: HttpTurn) => cardText(turn.updated);
    for (let round = 0; round < 10; round++) {
      const conversationId = newConversationId();
      const onA = person(conversationId, () => a);
      const onB = person(conversationId, () => b);
      const start = await onA.say('start');
      const region = await onB.click(start.cards[0], 'Next', { picks: 'compute' });
      const card = (await onA.click(region.updated, 'Next', { region: 'eastus' })).updated;

      const [firewall, nsg] = await Promise.all([
        onA.click(card, 'Next', { value: 'azure-firewall' }),
        onB.click(card, 'Next', { value: 'nsg' }),
      ]);
      const losers = [firewall, nsg].filter((turn) => shown(turn).includes(OUT_OF_DATE));
      expect(losers).toHaveLength(1);
      const winner = firewall === losers[0] ? nsg : firewall;
      const loserSees = shown(losers[0]!)
        .split('\n')
        .filter((line) => line !== OUT_OF_DATE)
        .join('\n');
      expect(loserSees).toBe(shown(winner));
      expect(shown(winner)).toContain('Which of these apply to your setup?');
    }
  });
});

describe('when the storage goes away', () => {
  async function health(bot: BotProcess) {
    const res = await fetch(`${bot.url}/healthz`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('tells the user and /healthz, keeps serving, and recovers when it returns', async () => {
    const chat = alternating(newConversationId());
    const start = await chat.say('start');
    const region = (await chat.click(start.cards[0], 'Next', { picks: 'compute' })).updated;

    await azurite.stop();
    const typed = await chat.say('start');
    expect(typed).toMatchObject({ status: 200, texts: [SAVE_FAILED], cards: [] });
    const clicked = await chat.click(region, 'Next', { region: 'eastus' });
    expect(clicked.body).toMatchObject({ value: SAVE_FAILED });
    const question = await chat.say('what is port 44224 for');
    expect(cardText(question.cards[0])).toContain('44224');
    for (const bot of [a, b]) {
      expect(await health(bot)).toMatchObject({
        status: 503,
        body: {
          status: 'storage failing',
          storage: 'blob',
          storageStatus: { status: 'failing', error: 'ECONNREFUSED' },
        },
      });
    }

    await azurite.start();
    for (const bot of [a, b]) expect(await health(bot)).toMatchObject({ status: 200 });
    // The click that could not be saved works now, from the step stored before the outage.
    const retried = await chat.click(region, 'Next', { region: 'eastus' });
    expect(cardText(retried.updated)).toContain('How is outbound traffic');
    expect(a.child.exitCode).toBeNull();
    expect(b.child.exitCode).toBeNull();
  });
});
