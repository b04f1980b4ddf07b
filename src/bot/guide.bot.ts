// The Teams bot: greets when installed, and hands every message and card submission to the turn
// handler in src/conversation, which saves state itself before it answers.
import { TeamsActivityHandler, type InvokeResponse, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { welcomeCard } from '../cards/guide.card';
import type { AdaptiveCard } from '../cards/render';
import type { Knowledge } from '../knowledge';
import { answerMessageExtensionQuery } from './message-extension';
import { cardReply } from './replies';

/** What answers an Action.Execute: a card that replaces the clicked one, or a message beside it. */
export interface CardExecuteResult {
  card?: AdaptiveCard;
  /** Shown by Teams while the clicked card stays as it was. */
  message?: string;
}

/** What answers a message, a card submission or an Action.Execute. Lives in src/conversation. */
export interface MessageHandler {
  onMessage(context: TurnContext): Promise<void>;
  onCardExecute(context: TurnContext, data: unknown): Promise<CardExecuteResult>;
  /** The person accepted or declined a file the bot offered (Teams' file consent card). */
  onFileConsent?(context: TurnContext, value: unknown): Promise<void>;
}

/** Teams' adaptiveCard/action invoke; botbuilder reads it without checking its shape. */
const AdaptiveCardActionInvoke = z.object({
  action: z.object({
    type: z.literal('Action.Execute', { error: 'expected action.type "Action.Execute"' }),
    verb: z.string().optional(),
    data: z.unknown(),
  }),
});

function invokeError(status: number, code: string, message: string): InvokeResponse {
  return {
    status,
    body: { statusCode: status, type: 'application/vnd.microsoft.error', value: { code, message } },
  };
}

const NOT_SUPPORTED: InvokeResponse = {
  status: 200,
  body: {
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: 'This bot does not support that action.',
  },
};

export interface GuideBotDeps {
  knowledge: Knowledge;
  messages: MessageHandler;
}

export class GuideBot extends TeamsActivityHandler {
  constructor(private readonly deps: GuideBotDeps) {
    super();

    this.onMessage(async (context, next) => {
      await this.deps.messages.onMessage(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const botWasAdded = (context.activity.membersAdded ?? []).some((m) => m.id === botId);
      if (botWasAdded) await context.sendActivity(cardReply(welcomeCard()));
      await next();
    });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === 'composeExtension/query') {
      return answerMessageExtensionQuery(this.deps.knowledge, context.activity.value);
    }
    if (context.activity.name === 'fileConsent/invoke' && this.deps.messages.onFileConsent) {
      await this.deps.messages.onFileConsent(context, context.activity.value);
      return { status: 200 };
    }
    if (context.activity.name !== 'adaptiveCard/action') {
      // Teams expects an answer to every invoke; one this bot does not handle gets 200, not 501.
      const response = await super.onInvokeActivity(context);
      return response.status === 501 ? NOT_SUPPORTED : response;
    }
    const parsed = AdaptiveCardActionInvoke.safeParse(context.activity.value);
    if (!parsed.success) {
      const problems = parsed.error.issues.map(
        (i) => `${i.path.join('.') || 'value'}: ${i.message}`,
      );
      return invokeError(
        400,
        'BadRequest',
        `not an Action.Execute payload: ${problems.join('; ')}`,
      );
    }
    const { card, message } = await this.deps.messages.onCardExecute(
      context,
      parsed.data.action.data,
    );
    if (!card) {
      return {
        status: 200,
        body: {
          statusCode: 200,
          type: 'application/vnd.microsoft.activity.message',
          value: message ?? 'Done.',
        },
      };
    }
    return {
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card },
    };
  }
}
