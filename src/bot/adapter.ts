// The Bot Framework adapter: token checks in Teams mode (none in local mode), and what happens when a
// turn throws: log it with the ids needed to find it, apologise in one line, keep serving.
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import {
  AuthenticationError,
  type BotFrameworkAuthentication,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { textReply } from './replies';

export const APOLOGY =
  'Sorry, something went wrong on my side while answering that. Please try again.';

/** Tokens cannot be checked because the token metadata (OpenID configuration, keys) is unreachable. */
export class AuthUnavailableError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('the Bot Framework token metadata cannot be fetched');
  }
}

/** Why a token was refused, kept short for the one log line: never the token or the keys. */
export class TokenRejectedError extends AuthenticationError {
  constructor(reason: string) {
    super(reason.split('\n')[0]!.slice(0, 120), 401);
  }
}

/** Waits between metadata fetch attempts after failures: 1 s, 2 s, 4 s… up to 30 s. */
export const METADATA_RETRY = { firstMs: 1000, maxMs: 30_000 };

/**
 * Errors that only fetching the OpenID metadata or keys raises: botbuilder's own (status 500) and
 * node-fetch's network errors. Nothing a caller puts in a token can raise them, so a caller cannot
 * make everyone wait for the next retry.
 */
function isMetadataFailure(error: unknown): boolean {
  const e = error as { name?: string; statusCode?: number } | undefined;
  if (error instanceof AuthenticationError) return (e?.statusCode ?? 0) >= 500;
  return e?.name === 'FetchError' || e?.name === 'AbortError';
}

/**
 * botbuilder lets JWT errors other than expiry (a wrong signature, say) escape as plain errors, which
 * the adapter answers with 500, and it fetches unreachable metadata again on every request. Here
 * every refused token is a 401, and an unreachable metadata endpoint a 503 with retries spaced out.
 */
class StrictAuthentication extends ConfigurationBotFrameworkAuthentication {
  private outage?: { failures: number; retryAt: number };

  constructor(
    options: ConfigurationBotFrameworkAuthenticationOptions,
    private readonly logger: Logger,
    credentialsFactory?: ServiceClientCredentialsFactory,
  ) {
    super(options, credentialsFactory);
  }

  override async authenticateRequest(
    ...args: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
  ) {
    const [, authHeader] = args;
    const waitMs = this.outage ? this.outage.retryAt - Date.now() : 0;
    if (authHeader && waitMs > 0) throw new AuthUnavailableError(Math.ceil(waitMs / 1000));
    try {
      const result = await super.authenticateRequest(...args);
      if (this.outage) this.logger.info('Bot Framework token metadata reachable again');
      this.outage = undefined;
      return result;
    } catch (error) {
      if (isMetadataFailure(error)) throw this.recordOutage(error);
      throw new TokenRejectedError((error as Error | undefined)?.message ?? 'unauthorized');
    }
  }

  private recordOutage(error: unknown): AuthUnavailableError {
    const failures = (this.outage?.failures ?? 0) + 1;
    const delay = Math.min(METADATA_RETRY.firstMs * 2 ** (failures - 1), METADATA_RETRY.maxMs);
    this.outage = { failures, retryAt: Date.now() + delay };
    if (failures === 1) {
      this.logger.warn(
        { reason: (error as Error).name },
        'cannot fetch the Bot Framework token metadata: answering 503 and retrying with backoff',
      );
    }
    return new AuthUnavailableError(Math.ceil(delay / 1000));
  }
}

export function createAuthentication(
  config: Config,
  logger: Logger,
  overrides: Partial<ConfigurationBotFrameworkAuthenticationOptions> = {},
  credentialsFactory?: ServiceClientCredentialsFactory,
): BotFrameworkAuthentication {
  const options = {
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    ...overrides,
  } as ConfigurationBotFrameworkAuthenticationOptions;
  return new StrictAuthentication(options, logger, credentialsFactory);
}

/** The CloudAdapter, with a turn entry point that leaves the HTTP answer to our server. */
export class GuideAdapter extends CloudAdapter {
  /** Authenticates the request and runs the turn; throws the authentication errors above. */
  runTurn(
    authHeader: string,
    activity: Partial<Activity>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity as Activity, logic);
  }
}

export function createAdapter(auth: BotFrameworkAuthentication, logger: Logger): GuideAdapter {
  const adapter = new GuideAdapter(auth);
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
