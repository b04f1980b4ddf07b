// Conversations with the bot on channel msteams: install, help, @mentions, and what it does not know.
import type { Activity } from 'botbuilder';
import { cardProblems, cardsIn, cardText } from '../support/card-validation';
import { BOT, ALICE, installed, message, type Scope } from '../support/activities';
import { createTestBot } from '../support/test-bot';

async function say(activity: object): Promise<Partial<Activity>[]> {
  const { adapter } = createTestBot();
  await adapter.processActivity(activity as Partial<Activity>);
  return adapter.activeQueue.splice(0);
}

describe('when the app is installed', () => {
  it.each<Scope>(['personal', 'groupChat', 'channel'])(
    'in %s scope it sends the welcome card',
    async (scope) => {
      const replies = await say(installed({ scope }));
      const [card] = cardsIn(replies);
      expect(cardText(card)).toContain('AML Network Guide');
      expect(cardText(card)).toContain('Start the wizard');
      expect(cardProblems(card)).toEqual([]);
    },
  );

  it('stays quiet when someone else joins the conversation', async () => {
    const replies = await say(installed({ scope: 'channel', members: [{ id: '29:carol' }] }));
    expect(replies).toEqual([]);
  });
});

describe('help', () => {
  it.each(['help', 'HELP!', '?', 'Help.', 'help?', '  Help  '])(
    '"%s" answers with the help card',
    async (text) => {
      const replies = await say(message(text));
      const [card] = cardsIn(replies);
      expect(cardText(card)).toContain('What I can do');
      expect(cardText(card)).toContain('Start the onboarding wizard');
      expect(cardProblems(card)).toEqual([]);
    },
  );

  it('reads "@AML Network Guide help" in a channel as help', async () => {
    const activity = message('help', { scope: 'channel', mention: true });
    const replies = await say(activity);
    expect(cardText(cardsIn(replies)[0])).toContain('What I can do');
  });

  it('answers a help button on a card', async () => {
    const replies = await say({
      type: 'message',
      channelId: 'msteams',
      from: ALICE,
      recipient: BOT,
      value: { action: 'help' },
    });
    expect(cardText(cardsIn(replies)[0])).toContain('What I can do');
  });
});

describe('anything it does not understand', () => {
  it('gets the "here is what I can do" card, never silence', async () => {
    const replies = await say(message('sing me a song about turtles'));
    const [card] = cardsIn(replies);
    expect(cardText(card)).toContain('sing me a song about turtles');
    expect(cardText(card)).toContain('Here is what I can do');
    expect(cardProblems(card)).toEqual([]);
  });

  it('gets an explanation for a button it cannot read', async () => {
    const replies = await say({
      type: 'message',
      channelId: 'msteams',
      from: ALICE,
      recipient: BOT,
      value: { action: 'launch.rockets' },
    });
    expect(replies[0]?.text).toMatch(/couldn't read that button/);
    expect(cardText(cardsIn(replies)[0])).toContain('What I can do');
  });
});
