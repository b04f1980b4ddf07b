// State is never lost silently, through the real server: two clicks on one card never both win, a
// save that fails says so instead of sending a card that leads nowhere, and /healthz tells.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OUT_OF_DATE, SAVE_FAILED } from '../../src/conversation/guide.handler';
import { cardText } from '../support/card-validation';
import { startFakeChannel, type FakeChannel } from '../support/fake-channel';
import { startTestApp, type TestApp } from '../support/app';
import { HttpTeamsClient, type HttpTurn } from '../support/http-client';
import { newConversationId } from '../support/teams-client';
import { TestSqliteStorage } from '../support/test-storages';

let app: TestApp;
let channel: FakeChannel;
let storage: TestSqliteStorage;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'amlg-state-'));
  storage = new TestSqliteStorage(path.join(dir, 'state.sqlite'));
  channel = await startFakeChannel();
  app = await startTestApp({}, { storage });
});
afterAll(async () => {
  await app.close();
  await channel.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  storage.failWith = undefined;
});

function chat(): HttpTeamsClient {
  return new HttpTeamsClient(() => app.url, {
    conversationId: newConversationId(),
    serviceUrl: channel.url,
  });
}

/** A wizard for compute, answered up to the question about outbound filtering. */
async function atEgressQuestion(person: HttpTeamsClient): Promise<Record<string, unknown>> {
  const start = await person.say('start');
  const region = await person.click(start.cards[0], 'Next', { picks: 'compute' });
  const egress = await person.click(region.updated, 'Next', { region: 'eastus' });
  expect(cardText(egress.updated)).toContain('How is outbound traffic');
  return egress.updated!;
}

const NSG = { value: 'nsg' };
const FIREWALL = { value: 'azure-firewall' };

const shown = (turn: HttpTurn) => cardText(turn.updated);
/** What a card says apart from the out-of-date notice. */
const withoutNotice = (text: string) =>
  text
    .split('\n')
    .filter((line) => line !== OUT_OF_DATE)
    .join('\n');

describe('the same card clicked twice at once', () => {
  it.each([
    ['reads always meet before either save', true],
    ['whatever order the server takes them in', false],
  ])('never lets both clicks win (%s)', async (_, forced) => {
    for (let round = 0; round < 15; round++) {
      const person = chat();
      const card = await atEgressQuestion(person);
      if (forced) storage.raceNextReads(2);
      // One click picks the firewall, the other NSGs: if both won, the two would show different answers.
      const [firewall, nsg] = await Promise.all([
        person.click(card, 'Next', FIREWALL),
        person.click(card, 'Next', NSG),
      ]);
      expect([firewall.status, nsg.status]).toEqual([200, 200]);
      const losers = [firewall, nsg].filter((turn) => shown(turn).includes(OUT_OF_DATE));
      expect(losers).toHaveLength(1);
      // The loser is shown the step the winner stored, with the winner's answer in it.
      const [winner] = [firewall, nsg].filter((turn) => !losers.includes(turn));
      expect(withoutNotice(shown(losers[0]!))).toBe(shown(winner!));
      expect(shown(winner!)).toContain('Which of these apply to your setup?');
    }
  });

  it('a lost race whose click still applies is applied again: Back typed twice goes back twice', async () => {
    const person = chat();
    await atEgressQuestion(person);
    storage.raceNextReads(2);
    const both = await Promise.all([person.say('back'), person.say('back')]);
    expect(both.map((turn) => turn.cards.length)).toEqual([1, 1]);
    const after = await person.say('help');
    expect(cardText(after.cards[1])).toContain('What do you use the secured workspace for?');
  });

  it.each([
    ['in a conversation with nothing stored yet', false],
    ['after a cancelled wizard', true],
  ])('"start" sent twice at once starts one wizard, not two (%s)', async (_, cancelFirst) => {
    const person = chat();
    if (cancelFirst) {
      const first = await person.say('start');
      const cancelled = await person.click(first.cards[0], 'Cancel');
      expect(cardText(cancelled.updated)).toContain('Wizard cancelled');
    }
    storage.raceNextReads(2);
    const [a, b] = await Promise.all([person.say('start'), person.say('start')]);
    const ids = [a, b].map(
      (turn) => JSON.stringify(turn.cards[0]).match(/"wizardId":"([^"]+)"/)?.[1],
    );
    expect(ids[0]).toBe(ids[1]);
    expect([a, b].filter((turn) => cardText(turn.cards[0]).includes(OUT_OF_DATE))).toHaveLength(1);
  });
});

describe('when the storage cannot save', () => {
  it('says so, sends no card, keeps answering questions, and /healthz tells until it is back', async () => {
    const person = chat();
    const card = await atEgressQuestion(person);
    storage.failWith = 'SQLITE_FULL';

    const typed = await person.say('start');
    expect(typed.texts).toEqual([SAVE_FAILED]);
    expect(typed.cards).toEqual([]);
    // A clicked card stays as it was: Teams shows the message beside it.
    const clicked = await person.click(card, 'Next', FIREWALL);
    expect(clicked.body).toMatchObject({
      type: 'application/vnd.microsoft.activity.message',
      value: SAVE_FAILED,
    });
    const question = await person.say('what is port 44224 for');
    expect(cardText(question.cards[0])).toContain('44224');

    const failing = await fetch(`${app.url}/healthz`);
    expect(failing.status).toBe(503);
    expect(await failing.json()).toMatchObject({
      status: 'storage failing',
      storage: 'TestSqliteStorage',
      storageStatus: { status: 'failing', error: 'SQLITE_FULL' },
    });

    storage.failWith = undefined;
    const healthy = await fetch(`${app.url}/healthz`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toMatchObject({ status: 'ok' });
    // The same click, tried again, goes on from where the stored state was.
    const retried = await person.click(card, 'Next', FIREWALL);
    expect(cardText(retried.updated)).toContain('Which of these apply to your setup?');
  });

  it('/healthz finds a failing storage by itself, with no turn to notice it', async () => {
    storage.failWith = 'SQLITE_READONLY';
    // Probes run at most once a second while all is well.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ storageStatus: { error: 'SQLITE_READONLY' } });
  });
});
