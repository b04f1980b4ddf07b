// The wizard and free-text questions through the real server, posting what a Teams client posts.
import { ALICE } from '../support/activities';
import { cardProblems, cardsIn, cardText } from '../support/card-validation';
import { startFakeChannel, type FakeChannel } from '../support/fake-channel';
import { startTestApp, type TestApp } from '../support/app';
import { answerSwedenWithFirewall, HttpTeamsClient } from '../support/http-client';
import { newConversationId } from '../support/teams-client';

let app: TestApp;
let channel: FakeChannel;

beforeAll(async () => {
  channel = await startFakeChannel();
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
  await channel.close();
});

describe('the wizard over HTTP', () => {
  it('runs from "start" to the plan with card submissions', async () => {
    const conversationId = newConversationId();
    const chat = new HttpTeamsClient(() => app.url, { conversationId, serviceUrl: channel.url });
    const start = await chat.say('start');
    expect(start.status).toBe(200);
    const scenarios = start.cards[0]!;
    expect(cardText(scenarios)).toContain('What do you use the secured workspace for?');

    const region = await chat.click(scenarios, 'Next', { picks: 'compute,studio' });
    expect(region.status).toBe(200);
    expect(cardText(region.updated)).toContain('Which Azure region');

    const plan = await answerSwedenWithFirewall(chat, region.updated);

    const planCard = plan.updated!;
    expect(cardProblems(planCard)).toEqual([]);
    const text = cardText(planCard);
    expect(text).toContain('Your network plan');
    // Compute without a public IP needs nothing inbound: the count says so and no section is shown.
    expect(text).toContain('0\ninbound rules');
    expect(text).not.toContain('Inbound (NSG)');
    expect(text).toContain('Storage.swedencentral');
    expect(text).toContain('BatchNodeManagement.swedencentral');
    // The plan replaces the last wizard card; what does not fit follows as one more message.
    // Feedback sits on the first, Start over on the last.
    const more = cardsIn(
      channel.replies.filter((r) => r.conversationId === conversationId).map((r) => r.activity),
    );
    expect(more.length).toBeLessThanOrEqual(1);
    for (const card of [planCard, ...more]) expect(cardProblems(card)).toEqual([]);
    expect(text).toContain('👍 Helpful');
    expect(cardText(more[0] ?? planCard)).toContain('Start over');
  });
});

describe('notifications and screen readers', () => {
  it.each([
    ['help', 'What I can do'],
    ['start', 'Network plan wizard'],
    ['what is port 44224 for', '44224'],
    // The card shows "\\*.vo.msecnd.net" so Teams' markdown keeps the star; plain text has no backslash.
    ['which hosts does vs code need to reach a compute instance', '*.vo.msecnd.net'],
    ['tell me a joke about penguins', "I'm not sure what you mean"],
    ['cancel', 'nothing to cancel'],
    ['back', 'There is no wizard running'],
  ])('"%s": every reply says what arrived in its summary (%s)', async (text, expected) => {
    const chat = new HttpTeamsClient(() => app.url, {
      conversationId: newConversationId(),
      serviceUrl: channel.url,
    });
    const turn = await chat.say(text);
    expect(turn.summaries.length).toBeGreaterThan(0);
    for (const summary of turn.summaries) expect(summary).toMatch(/\w/);
    expect(turn.summaries.join(' ')).toContain(expected);
    for (const card of turn.cards) expect(card.fallbackText).toMatch(/\w/);
    for (const card of turn.cards) expect(card.fallbackText).not.toContain('\\');
  });

  it('the wizard card that replaces a clicked one carries its own fallback text', async () => {
    const chat = new HttpTeamsClient(() => app.url, { conversationId: newConversationId() });
    const start = await chat.say('start');
    const region = await chat.click(start.cards[0]!, 'Next', { picks: 'compute' });
    expect(region.updated?.fallbackText).toBe(
      'Network plan wizard · step 2 of 4: Which Azure region is your compute in?',
    );
  });
});

describe('questions in a channel', () => {
  it.each([
    ['what is port 44224 for', 'Port 44224'],
    ['which inbound ports do compute clusters need', '44224'],
    ['StorageMountError: failed to mount the file share, check ports 443, 445', '445'],
  ])('"@AML Network Guide %s" gets an answer card', async (question, expected) => {
    const chat = new HttpTeamsClient(() => app.url, {
      scope: 'channel',
      conversationId: `19:channel@thread.tacv2;messageid=${Date.now()}`,
      from: ALICE,
      serviceUrl: channel.url,
    });
    const turn = await chat.say(question, true);
    expect(turn.status).toBe(200);
    expect(turn.cards.length).toBeGreaterThan(0);
    expect(turn.cards.map(cardText).join('\n')).toContain(expected);
    for (const card of turn.cards) expect(cardProblems(card)).toEqual([]);
  });

  it('says so when nothing matches and offers the wizard', async () => {
    const chat = new HttpTeamsClient(() => app.url, { scope: 'channel', from: ALICE });
    const turn = await chat.say('tell me a joke about penguins', true);
    expect(cardText(turn.cards[0])).toContain('I could not match');
  });
});
