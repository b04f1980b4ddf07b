// Decides what answers a message: a command, a card button, or (later) a question about the network.
import type { TurnContext } from 'botbuilder';
import { CardAction } from '../cards/card-actions';
import { fallbackCard, helpCard } from '../cards/guide.card';
import { cardReply } from '../bot/replies';
import type { MessageHandler } from '../bot/guide.bot';
import { normalizeCommand } from './text';

const HELP_WORDS = new Set(['help', '?', 'what can you do', 'commands']);

export class GuideHandler implements MessageHandler {
  async onMessage(context: TurnContext): Promise<void> {
    const value: unknown = context.activity.value;
    if (value !== undefined && value !== null && !context.activity.text) {
      await this.onCardSubmit(context, value);
      return;
    }
    const command = normalizeCommand(context.activity.text);
    if (HELP_WORDS.has(command)) {
      await context.sendActivity(cardReply(helpCard()));
      return;
    }
    await context.sendActivity(cardReply(fallbackCard(context.activity.text ?? '')));
  }

  private async onCardSubmit(context: TurnContext, value: unknown): Promise<void> {
    const parsed = CardAction.safeParse(value);
    if (!parsed.success) {
      await context.sendActivity(
        'That button belongs to a card I no longer understand. Here is what I can do now:',
      );
      await context.sendActivity(cardReply(helpCard()));
      return;
    }
    switch (parsed.data.action) {
      case 'help':
        await context.sendActivity(cardReply(helpCard()));
        return;
      case 'wizard.start':
        await context.sendActivity(cardReply(fallbackCard('start')));
        return;
    }
  }
}
