// Plays a Teams client over HTTP against the real server: messages with expectReplies, card buttons
// as Teams posts them (Action.Execute as an adaptiveCard/action invoke, Action.Submit as a message).
import { cardSubmit, invoke, message, post, type ActivityOptions } from './activities';
import { cardsIn } from './card-validation';
import { buttonsOf, buttonTitles } from './teams-client';

type Card = Record<string, unknown>;

export interface HttpTurn {
  status: number;
  texts: string[];
  cards: Card[];
  /** For Action.Execute: the card that replaced the clicked one. */
  updated?: Card;
  body: unknown;
}

export class HttpTeamsClient {
  constructor(
    private readonly botUrl: () => string,
    private readonly options: ActivityOptions = {},
  ) {}

  private async send(activity: object): Promise<HttpTurn> {
    const res = await post(this.botUrl(), activity);
    const body = res.body as
      { activities?: { type: string; text?: string }[]; type?: string; value?: Card } | undefined;
    const activities = body?.activities ?? [];
    return {
      status: res.status,
      texts: activities.map((a) => a.text).filter((t): t is string => typeof t === 'string'),
      cards: cardsIn(activities),
      updated: body?.type === 'application/vnd.microsoft.card.adaptive' ? body.value : undefined,
      body,
    };
  }

  say(text: string, mention = false): Promise<HttpTurn> {
    return this.send(message(text, { ...this.options, mention, expectReplies: true }));
  }

  click(card: unknown, title: string, inputs: Record<string, string> = {}): Promise<HttpTurn> {
    const button = buttonsOf(card).find((b) => b.title === title);
    if (!button)
      throw new Error(`no button "${title}"; the card has: ${buttonTitles(card).join(', ')}`);
    const data = { ...(button.data ?? {}), ...inputs };
    if (button.type === 'Action.Execute') {
      return this.send(
        invoke(
          'adaptiveCard/action',
          { action: { type: 'Action.Execute', verb: data.action, data } },
          this.options,
        ),
      );
    }
    return this.send(cardSubmit(data, { ...this.options, expectReplies: true }));
  }

  invoke(name: string, value: unknown): Promise<HttpTurn> {
    return this.send(invoke(name, value, this.options));
  }
}
