// The bot wired as in production, but on botbuilder-testing's TestAdapter with in-memory storage,
// so dialog tests run fast on channel msteams.
import {
  ConversationState,
  MemoryStorage,
  PrivateConversationState,
  UserState,
  TestAdapter,
  type Activity,
} from 'botbuilder';
import { GuideBot } from '../../src/bot/guide.bot';
import { mentionMiddleware } from '../../src/bot/mention.middleware';
import { GuideHandler } from '../../src/dialogs/guide.handler';
import { createLogger } from '../../src/logger';
import { BOT, ALICE } from './activities';

export function createTestBot(storage = new MemoryStorage()) {
  const states = [
    new ConversationState(storage),
    new UserState(storage),
    new PrivateConversationState(storage),
  ];
  const bot = new GuideBot({
    states,
    messages: new GuideHandler(),
    logger: createLogger('silent'),
  });
  const adapter = new TestAdapter((context) => bot.run(context), {
    channelId: 'msteams',
    recipient: BOT,
    from: ALICE,
    conversation: { id: 'conv-personal', conversationType: 'personal', isGroup: false, name: '' },
  } as Partial<Activity>);
  adapter.use(mentionMiddleware);
  return { adapter, bot, storage };
}
