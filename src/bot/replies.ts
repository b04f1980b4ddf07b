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

/**
 * A text file as an attachment with a data URI, which Bot Framework Web Chat and the Emulator offer
 * as a download. Teams shows data URIs only for images: there files go through the consent card.
 */
export function fileReply(name: string, text: string): Partial<Activity> {
  return MessageFactory.attachment({
    contentType: 'text/plain',
    name,
    contentUrl: `data:text/plain;base64,${Buffer.from(text, 'utf8').toString('base64')}`,
  });
}

/**
 * Teams' file consent card: the person accepts, Teams gives an upload link in their OneDrive, and
 * the bot uploads. `context` comes back with the answer, so the file can be made again then.
 */
export function fileConsentReply(name: string, bytes: number, context: object): Partial<Activity> {
  return MessageFactory.attachment({
    contentType: 'application/vnd.microsoft.teams.card.file.consent',
    name,
    content: {
      description: 'The same text as the card, as a file in your OneDrive.',
      sizeInBytes: bytes,
      acceptContext: context,
      declineContext: context,
    },
  });
}

/** The card Teams shows for a file the bot uploaded. */
export function fileInfoReply(file: {
  name: string;
  contentUrl: string;
  uniqueId: string;
  fileType: string;
}): Partial<Activity> {
  return MessageFactory.attachment({
    contentType: 'application/vnd.microsoft.teams.card.file.info',
    name: file.name,
    contentUrl: file.contentUrl,
    content: { uniqueId: file.uniqueId, fileType: file.fileType },
  });
}
