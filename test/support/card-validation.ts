// Validates Adaptive Cards with the official `adaptivecards` library. Its `lib/` build is untranspiled
// ESM that Node cannot load, so the UMD bundle from dist/ is used; parsing and validation need no DOM.
import type * as ACTypes from 'adaptivecards';
import { MAX_CARD_VERSION } from '../../src/cards/render';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof ACTypes;

/** Teams refuses messages over about 28 KB; our cards must stay well under that. */
export const MAX_CARD_BYTES = 40 * 1024;

export function cardProblems(json: unknown): string[] {
  const problems: string[] = [];
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json as object, context);
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of card.validateProperties().validationEvents) {
    problems.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  const version = (json as { version?: string } | undefined)?.version;
  if (!version) problems.push('MissingVersion: the card must declare a version');
  else if (Number.parseFloat(version) > MAX_CARD_VERSION) {
    problems.push(`UnsupportedVersion: Teams shows up to ${MAX_CARD_VERSION}, card is ${version}`);
  }
  const text = JSON.stringify(json);
  if (text.includes('${')) problems.push('Unbound: the card still contains ${');
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_CARD_BYTES) problems.push(`TooLarge: ${bytes} bytes`);
  return problems;
}

/** All Adaptive Cards attached to the activities, in order. */
export function cardsIn(activities: readonly unknown[]): Record<string, unknown>[] {
  return activities.flatMap((a) =>
    (
      (a as { attachments?: { contentType: string; content: Record<string, unknown> }[] })
        .attachments ?? []
    )
      .filter((att) => att.contentType === 'application/vnd.microsoft.card.adaptive')
      .map((att) => att.content),
  );
}

/** The visible text of a card (TextBlocks, facts, table cells, action titles) for assertions. */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'value', 'label', 'placeholder']) {
      if (typeof obj[key] === 'string') parts.push(obj[key] as string);
    }
    for (const [key, child] of Object.entries(obj)) {
      if (key !== 'data' && typeof child === 'object') walk(child);
    }
  };
  walk(card);
  return parts.join('\n');
}
