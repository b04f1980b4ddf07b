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

/**
 * A text file as an attachment with a data URI: Bot Framework Web Chat and the Emulator offer it
 * as a download. Teams shows data URIs only for images; there the card's blocks are the way to
 * copy (Teams' own upload flow needs the file consent card, which this bot does not use).
 */
export function fileReply(name: string, text: string): Partial<Activity> {
  return MessageFactory.attachment({
    contentType: 'text/plain',
    name,
    contentUrl: `data:text/plain;base64,${Buffer.from(text, 'utf8').toString('base64')}`,
  });
}
