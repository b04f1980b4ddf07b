// The Teams bot: greets when installed, and hands every message and card submission to the turn
// handler in src/dialogs. State is saved at the end of every turn that completed.
import { TeamsActivityHandler, type BotState, type TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import { welcomeCard } from '../cards/guide.card';
import { cardReply } from './replies';

/** What answers a message: text or a card submission. Lives in src/dialogs. */
export interface MessageHandler {
  onMessage(context: TurnContext): Promise<void>;
}

export interface GuideBotDeps {
  states: BotState[];
  messages: MessageHandler;
  logger: Logger;
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

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    // Only a turn that completed is saved: a failed one leaves the stored state as it was.
    await Promise.all(this.deps.states.map((state) => state.saveChanges(context, false)));
  }
}
