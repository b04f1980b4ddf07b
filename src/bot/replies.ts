// Small builders for the activities the bot sends.
import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { AdaptiveCard } from '../cards/render';

export function cardReply(card: AdaptiveCard, summary?: string): Partial<Activity> {
  const reply = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  if (summary) reply.summary = summary;
  return reply;
}

export function cardsReply(cards: AdaptiveCard[]): Partial<Activity> {
  return MessageFactory.list(cards.map((card) => CardFactory.adaptiveCard(card)));
}
