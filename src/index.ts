// Entry point: reads .env if present, parses the environment, starts the bot and stops it cleanly.
import { existsSync } from 'node:fs';
import { ConfigError, isLocalMode, parseConfig } from './config';
import { createLogger, routeConsoleTo } from './logger';
import { startApp } from './server/app';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every setting.\n`);
      process.exit(1);
    }
    throw error;
  }

  const logger = createLogger(config.LOG_LEVEL);
  routeConsoleTo(logger);
  const app = await startApp({ config, logger });
  logger.info(
    { url: app.url, storage: config.STORAGE, dataDir: config.DATA_DIR },
    isLocalMode(config)
      ? 'local mode: MicrosoftAppId is empty, so requests are not authenticated; do not expose this port'
      : 'Teams mode: every request must carry a valid Bot Framework token',
  );
  if (app.chatPage) logger.info({ chatPage: app.chatPage }, `chat page: open ${app.chatPage}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight turns');
    app.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
