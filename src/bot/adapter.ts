// The Bot Framework adapter: token checks in Teams mode (none in local mode), and what happens when a
// turn throws: log it with the ids needed to find it, apologise in one line, keep serving.
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationError, type BotFrameworkAuthentication } from 'botframework-connector';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { textReply } from './replies';

export const APOLOGY =
  'Sorry, something went wrong on my side while answering that. Please try again.';

/**
 * botbuilder lets JWT errors other than expiry (a wrong signature, say) escape as plain errors, which
 * the adapter answers with 500. A caller with a bad token should get 401.
 */
class StrictAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(
    ...args: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
  ) {
    try {
      return await super.authenticateRequest(...args);
    } catch (error) {
      const name = (error as { name?: string } | undefined)?.name ?? '';
      if (['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError'].includes(name)) {
        throw new AuthenticationError(`Unauthorized: ${(error as Error).message}`, 401);
      }
      throw error;
    }
  }
}

export function createAuthentication(
  config: Config,
  overrides: Partial<ConfigurationBotFrameworkAuthenticationOptions> = {},
): BotFrameworkAuthentication {
  return new StrictAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    ...overrides,
  } as ConfigurationBotFrameworkAuthenticationOptions);
}

export function createAdapter(auth: BotFrameworkAuthentication, logger: Logger): CloudAdapter {
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error(
      {
        err: { name: error.name, message: error.message, stack: error.stack },
        activityId: context.activity.id,
        conversationId: context.activity.conversation?.id,
        activityType: context.activity.type,
      },
      'turn failed',
    );
    try {
      await context.sendActivity(textReply(APOLOGY));
    } catch (sendError) {
      logger.warn(
        {
          err: { message: (sendError as Error).message },
          conversationId: context.activity.conversation?.id,
        },
        'could not send the apology',
      );
    }
  };
  return adapter;
}
