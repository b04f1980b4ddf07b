// Builders for the activities the bot sends. Every one carries a `summary`: the line a Teams
// notification and a screen reader give for it, where they would otherwise say "sent a card".
import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { AdaptiveCard } from '../cards/render';
import { cardSummary, shortSummary } from '../cards/visible-text';

function summaryOf(card: AdaptiveCard): string {
  const fallback = card['fallbackText'];
  return typeof fallback === 'string' && fallback !== '' ? fallback : cardSummary(card);
}

export function cardReply(card: AdaptiveCard): Partial<Activity> {
  const reply = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  reply.summary = summaryOf(card);
  return reply;
}

export function textReply(text: string): Partial<Activity> {
  const reply = MessageFactory.text(text);
  reply.summary = shortSummary(text);
  return reply;
}
