// Plays a Teams client for dialog tests: a person says something or clicks a card button, and the
// test reads what the bot sent back (messages, and the card that replaces an Action.Execute card).
import { randomUUID } from 'node:crypto';
import type { Activity, TestAdapter } from 'botbuilder';
import { cardSubmit, invoke, message, type ActivityOptions } from './activities';
import { cardsIn, cardText } from './card-validation';

type Card = Record<string, unknown>;
interface CardButton {
  type: string;
  title: string;
  data?: Record<string, unknown>;
}

/** Every button of a card (card actions, action sets, select actions), in reading order. */
export function buttonsOf(card: unknown): CardButton[] {
  const found: CardButton[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (
      typeof obj.type === 'string' &&
      obj.type.startsWith('Action.') &&
      typeof obj.title === 'string'
    ) {
      found.push({ type: obj.type, title: obj.title, data: obj.data as Record<string, unknown> });
    }
    for (const [key, child] of Object.entries(obj))
      if (key !== 'fallback' && key !== 'data') walk(child);
  };
  walk(card);
  return found;
}

/** The activity a Teams client posts for a button: Action.Execute → invoke, Action.Submit → message. */
export function clickActivity(
  card: unknown,
  title: string,
  inputs: Record<string, string>,
  options: ActivityOptions,
): object {
  const button = buttonsOf(card).find((b) => b.title === title);
  if (!button) {
    throw new Error(`no button "${title}" on the card; it has: ${buttonTitles(card).join(', ')}`);
  }
  // Teams merges the card's input values into the button's data.
  const data = { ...(button.data ?? {}), ...inputs };
  if (button.type === 'Action.Execute') {
    const value = { action: { type: 'Action.Execute', verb: data.action, data } };
    // An invoke's answer is its invoke response, never a list of replies.
    return invoke('adaptiveCard/action', value, { ...options, expectReplies: false });
  }
  return cardSubmit(data, options);
}

export function buttonTitles(card: unknown): string[] {
  return buttonsOf(card).map((b) => b.title);
}

/** What the person sees after a turn. */
export interface Turn {
  texts: string[];
  cards: Card[];
  /** For Action.Execute: the card that replaced the clicked one. */
  updated?: Card;
  invokeStatus?: number;
  raw: Partial<Activity>[];
}

export class TeamsClient {
  constructor(
    private readonly adapter: TestAdapter,
    private readonly options: ActivityOptions = {},
  ) {}

  private async turn(activity: object): Promise<Turn> {
    this.adapter.activeQueue.splice(0);
    await this.adapter.processActivity(activity as Partial<Activity>);
    const raw = this.adapter.activeQueue.splice(0);
    const messages = raw.filter((a) => a.type === 'message');
    const invokeResponse = raw.find((a) => a.type === 'invokeResponse')?.value as
      { status: number; body?: { type?: string; value?: Card } } | undefined;
    return {
      texts: messages.map((m) => m.text).filter((t): t is string => typeof t === 'string'),
      cards: cardsIn(messages),
      updated:
        invokeResponse?.body?.type === 'application/vnd.microsoft.card.adaptive'
          ? invokeResponse.body.value
          : undefined,
      invokeStatus: invokeResponse?.status,
      raw,
    };
  }

  say(text: string, mention = false): Promise<Turn> {
    return this.turn(message(text, { ...this.options, mention }));
  }

  /** Clicks a button the way a Teams client does: Action.Execute as an invoke, Action.Submit as a message. */
  /** Clicks a button the way a Teams client does: Action.Execute as an invoke, Action.Submit as a message. */
  click(card: unknown, title: string, inputs: Record<string, string> = {}): Promise<Turn> {
    return this.turn(clickActivity(card, title, inputs, this.options));
  }

  /** Sends arbitrary card data, as a tampered or very old card would. */
  submit(value: Record<string, unknown>): Promise<Turn> {
    return this.turn(cardSubmit(value, this.options));
  }

  invoke(name: string, value: unknown): Promise<Turn> {
    return this.turn(invoke(name, value, this.options));
  }
}

/** The card a person looks at after a turn: the updated one, else the last one sent. */
export function latestCard(turn: Turn): Card {
  const card = turn.updated ?? turn.cards[turn.cards.length - 1];
  if (!card) throw new Error(`the bot sent no card; texts: ${turn.texts.join(' | ')}`);
  return card;
}

export function textOf(turn: Turn): string {
  return [
    ...turn.texts,
    ...(turn.updated ? [cardText(turn.updated)] : []),
    ...turn.cards.map(cardText),
  ].join('\n');
}

export function newConversationId(): string {
  return `conv-${randomUUID()}`;
}
