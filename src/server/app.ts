// Wires the bot together from a parsed configuration: storage, state, handlers, adapter and HTTP server.
import type { Storage } from 'botbuilder';
import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import { isLocalMode, type Config } from '../config';
import type { Logger } from '../logger';
import { createAdapter, createAuthentication } from '../bot/adapter';
import { GuideBot } from '../bot/guide.bot';
import { mentionMiddleware } from '../bot/mention.middleware';
import { turnLogMiddleware } from '../bot/turn-log.middleware';
import { GuideHandler } from '../conversation/guide.handler';
import { ThreadStore } from '../conversation/thread.store';
import { openConversationState } from '../bot/state.storage';
import { createRecognizer } from '../understanding/recognizer';
import { warmUp } from '../answers/warm-up';
import { knowledgeSummary, loadKnowledge, type Knowledge } from '../knowledge';
import { startServer, type RunningServer } from './server';
import { localServiceUrlCheck } from './service-url';
import { projectPath } from '../paths';
import { chatPageUrl, registerChatPage } from './webchat';

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** Tests pass their own storage; otherwise STORAGE decides. */
  storage?: Storage & { close?: () => void };
  /** Tests may pass knowledge they built; otherwise knowledge/ is loaded and checked. */
  knowledge?: Knowledge;
  /** Tests point token checks at a local identity provider. */
  authOverrides?: Partial<ConfigurationBotFrameworkAuthenticationOptions>;
  /** Tests fetch outbound tokens from a local token endpoint. */
  credentialsFactory?: ServiceClientCredentialsFactory;
}

export interface RunningApp extends RunningServer {
  /** The local chat page's address; only in local mode. */
  chatPage?: string;
  close(): Promise<void>;
}

function readVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(projectPath('package.json')) as { version: string }).version;
}

export async function startApp(options: AppOptions): Promise<RunningApp> {
  const { config, logger } = options;
  // A malformed knowledge file stops startup here, naming the file and field.
  const knowledge = options.knowledge ?? loadKnowledge();
  // A DATA_DIR that cannot be written stops startup here, naming the setting and the path.
  const state = await openConversationState(config, logger, options.storage);

  const recognize = createRecognizer(knowledge);
  warmUp(knowledge, recognize);
  const bot = new GuideBot({
    knowledge,
    messages: new GuideHandler({
      knowledge,
      recognize,
      threads: new ThreadStore(state.store, logger),
      logger,
    }),
  });

  const auth = createAuthentication(
    config,
    logger,
    options.authOverrides,
    options.credentialsFactory,
  );
  const adapter = createAdapter(auth, logger);
  adapter.use(turnLogMiddleware(logger));
  adapter.use(mentionMiddleware);

  const server = await startServer({
    adapter,
    logic: (context) => bot.run(context),
    logger,
    host: config.HOST,
    port: config.PORT,
    checkServiceUrl: isLocalMode(config)
      ? localServiceUrlCheck(config.LOCAL_SERVICE_URLS)
      : undefined,
    checkStorage: () => state.health.check(),
    routes: isLocalMode(config) ? (routes) => registerChatPage(routes, { logger }) : undefined,
    health: {
      version: readVersion(),
      storage: state.kind,
      knowledge: (({ asOf, rules }) => ({ asOf, rules }))(knowledgeSummary(knowledge)),
    },
  });
  server.markReady();

  return {
    ...server,
    chatPage: isLocalMode(config) ? chatPageUrl(server.port) : undefined,
    async close() {
      await server.drain(config.SHUTDOWN_TIMEOUT_MS);
      state.close();
    },
  };
}
