// The bot wired as in production, but on botbuilder-testing's TestAdapter with in-memory storage,
// so dialog tests run fast on channel msteams.
import { MemoryStorage, TestAdapter, type Activity, type Storage } from 'botbuilder';
import { GuideBot } from '../../src/bot/guide.bot';
import { VersionedStore } from '../../src/bot/versioned.store';
import { mentionMiddleware } from '../../src/bot/mention.middleware';
import { GuideHandler, type GuideHandlerDeps } from '../../src/conversation/guide.handler';
import { ThreadStore } from '../../src/conversation/thread.store';
import { createLogger } from '../../src/logger';
import { getKnowledge } from '../../src/knowledge';
import { createRecognizer, type Recognizer } from '../../src/understanding/recognizer';

export function createTestBot(
  storage: Storage = new MemoryStorage(),
  recognizer?: Recognizer,
  options: Pick<GuideHandlerDeps, 'downloads'> = {},
) {
  const logger = createLogger('silent');
  const knowledge = getKnowledge();
  const recognize = recognizer ?? createRecognizer(knowledge);
  const threads = new ThreadStore(new VersionedStore(storage), logger);
  const messages = new GuideHandler({ knowledge, recognize, threads, logger, ...options });
  const bot = new GuideBot({ knowledge, messages });
  // Only the channel is fixed: TestAdapter copies its template over every activity, and tests
  // choose the conversation and the sender themselves.
  const adapter = new TestAdapter((context) => bot.run(context), {
    channelId: 'msteams',
  } as Partial<Activity>);
  adapter.use(mentionMiddleware);
  return { adapter, bot, storage };
}
