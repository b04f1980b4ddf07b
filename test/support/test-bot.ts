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
import { GuideHandler, type GuideHandlerDeps } from '../../src/conversation/guide.handler';
import { createLogger } from '../../src/logger';
import { getKnowledge } from '../../src/knowledge';
import { createRecognizer, type Recognizer } from '../../src/understanding/recognizer';

export function createTestBot(
  storage = new MemoryStorage(),
  recognizer?: Recognizer,
  options: Pick<GuideHandlerDeps, 'downloads'> = {},
) {
  const userState = new UserState(storage);
  const privateState = new PrivateConversationState(storage);
  const states = [new ConversationState(storage), userState, privateState];
  const logger = createLogger('silent');
  const knowledge = getKnowledge();
  const recognize = recognizer ?? createRecognizer(knowledge);
  const messages = new GuideHandler({
    knowledge,
    recognize,
    privateState,
    userState,
    logger,
    ...options,
  });
  const bot = new GuideBot({ knowledge, states, messages });
  // Only the channel is fixed: TestAdapter copies its template over every activity, and tests
  // choose the conversation and the sender themselves.
  const adapter = new TestAdapter((context) => bot.run(context), {
    channelId: 'msteams',
  } as Partial<Activity>);
  adapter.use(mentionMiddleware);
  return { adapter, bot, storage };
}
