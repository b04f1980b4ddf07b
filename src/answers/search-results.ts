// Results for the "Find network rules" message extension: a list the user picks from in the compose
// box, each with a one-line preview and the full card that lands in the conversation.
import {
  findByEndpoint,
  findByError,
  findByKeyword,
  findByPort,
  type Knowledge,
  type LookupHit,
} from '../knowledge';
import type { AdaptiveCard } from '../cards/render';
import { recognize } from '../understanding/recognizer';
import { KIND_LABELS, sharedCardFor } from './reply';

export const DEFAULT_PAGE_SIZE = 10;
/** Teams shows at most 25 results per page. */
export const MAX_PAGE_SIZE = 25;

export interface SearchResultAttachment {
  contentType: 'application/vnd.microsoft.card.adaptive';
  content: AdaptiveCard;
  preview: {
    contentType: 'application/vnd.microsoft.card.thumbnail';
    content: { title: string; text: string };
  };
}

export type SearchResult =
  | { type: 'result'; attachmentLayout: 'list'; attachments: SearchResultAttachment[] }
  | { type: 'message'; text: string };

interface Item {
  kind: LookupHit['kind'];
  id: string;
  title: string;
  text: string;
}

function shorten(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Result titles start with a capital, whatever the item's label starts with ("inbound …"). */
export function capitalised(title: string): string {
  return title.charAt(0).toUpperCase() + title.slice(1);
}

function describe(k: Knowledge, hit: LookupHit): Item {
  const detail = {
    scenario: () => k.scenarios.find((s) => s.id === hit.id)?.summary,
    rule: () => k.rules.find((r) => r.id === hit.id)?.purpose,
    step: () => k.steps.find((s) => s.id === hit.id)?.text,
    error: () => k.errors.find((e) => e.id === hit.id)?.cause,
    conflict: () => k.conflicts.find((c) => c.id === hit.id)?.recommendation,
  }[hit.kind]();
  return {
    kind: hit.kind,
    id: hit.id,
    title: capitalised(hit.label),
    text: shorten(`${KIND_LABELS[hit.kind]}: ${detail ?? ''}`),
  };
}

/**
 * The same card may stand for several hits (two rules that read alike, a rule and the error it
 * fixes): a person picking either would insert the same thing, so only the best one is listed.
 */
function cardKey(k: Knowledge, item: Item): string {
  const card = sharedCardFor(k, item.kind, item.id);
  if (!card) return `${item.kind}:${item.id}`;
  // Shared cards are cached and frozen, so each is serialised once, not on every search.
  let key = cardKeys.get(card);
  if (key === undefined) cardKeys.set(card, (key = JSON.stringify([card.body, card.actions])));
  return key;
}
const cardKeys = new WeakMap<AdaptiveCard, string>();

/** Everything that matches the query, best first, without two results for one card. */
export function searchItems(k: Knowledge, query: string): Item[] {
  const cards = new Set<string>();
  return matchingItems(k, query).filter((item) => {
    const key = cardKey(k, item);
    if (cards.has(key)) return false;
    cards.add(key);
    return true;
  });
}

function matchingItems(k: Knowledge, query: string): Item[] {
  const text = query.trim();
  if (text === '') {
    return k.scenarios.map((s) => ({
      kind: 'scenario' as const,
      id: s.id,
      title: capitalised(s.title),
      text: shorten(s.summary),
    }));
  }
  const port = /^\d{1,5}$/.test(text) ? Number(text) : undefined;
  const exact: LookupHit[] = [
    ...(port !== undefined && port >= 1 && port <= 65535 ? findByPort(k, port) : []),
    ...findByError(k, text),
    ...findByEndpoint(k, text),
  ];
  // Full-text search matches single common words too; only use it when the text reads as a
  // question about this domain, so nonsense gets "nothing matches" instead of noise.
  const related = exact.length > 0 || recognize(k, text).kind !== 'none';
  const hits = [...exact, ...(related ? findByKeyword(k, text, 50) : [])];
  const seen = new Set<string>();
  return hits
    .filter((h) => {
      const key = `${h.kind}:${h.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((h) => describe(k, h));
}

export function searchResults(
  k: Knowledge,
  query: string,
  skip = 0,
  count = DEFAULT_PAGE_SIZE,
): SearchResult {
  const items = searchItems(k, query);
  if (items.length === 0) {
    return {
      type: 'message',
      text: `Nothing matches "${shorten(query, 60)}". Try a port (44224), a service tag (AzureMachineLearning), a scenario (compute cluster) or part of an error message.`,
    };
  }
  const page = items.slice(skip, skip + Math.min(count, MAX_PAGE_SIZE));
  return {
    type: 'result',
    attachmentLayout: 'list',
    attachments: page.map((item) => ({
      contentType: 'application/vnd.microsoft.card.adaptive',
      // A compact card without personal buttons: it lands in a shared conversation.
      content: sharedCardFor(k, item.kind, item.id)!,
      preview: {
        contentType: 'application/vnd.microsoft.card.thumbnail',
        content: { title: item.title, text: item.text },
      },
    })),
  };
}
