// In channels and group chats Teams puts "<at>Bot name</at>" in front of the text; the bot reads what
// follows. Runs before any handler so every part of the bot sees the plain question.
import { TurnContext, type Middleware } from 'botbuilder';

export function stripBotMention(context: TurnContext): void {
  const activity = context.activity;
  if (activity.type !== 'message' || typeof activity.text !== 'string') return;
  const mentioned = TurnContext.removeRecipientMention(activity);
  // Some clients send the mention markup without a matching entity; remove a leading <at> tag too.
  activity.text = (mentioned ?? activity.text).replace(/^\s*<at>[^<]*<\/at>/i, '').trim();
}

export const mentionMiddleware: Middleware = {
  async onTurn(context, next) {
    stripBotMention(context);
    await next();
  },
};
