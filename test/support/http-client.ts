// Plays a Teams client over HTTP against the real server: messages with expectReplies, card buttons
// as Teams posts them (Action.Execute as an adaptiveCard/action invoke, Action.Submit as a message).
import { invoke, message, post, type ActivityOptions } from './activities';
import { cardsIn } from './card-validation';
import { clickActivity } from './teams-client';

type Card = Record<string, unknown>;

export interface HttpTurn {
  status: number;
  texts: string[];
  cards: Card[];
  /** Each reply activity's `summary`, what a notification or screen reader says for it. */
  summaries: (string | undefined)[];
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
      | {
          activities?: { type: string; text?: string; summary?: string }[];
          type?: string;
          value?: Card;
        }
      | undefined;
    const activities = body?.activities ?? [];
    return {
      status: res.status,
      texts: activities.map((a) => a.text).filter((t): t is string => typeof t === 'string'),
      cards: cardsIn(activities),
      summaries: activities.map((a) => a.summary),
      updated: body?.type === 'application/vnd.microsoft.card.adaptive' ? body.value : undefined,
      body,
    };
  }

  say(text: string, mention = false): Promise<HttpTurn> {
    return this.send(message(text, { ...this.options, mention, expectReplies: true }));
  }

  click(card: unknown, title: string, inputs: Record<string, string> = {}): Promise<HttpTurn> {
    return this.send(clickActivity(card, title, inputs, { ...this.options, expectReplies: true }));
  }

  invoke(name: string, value: unknown): Promise<HttpTurn> {
    return this.send(invoke(name, value, this.options));
  }
}

/**
 * From the region question of a wizard for compute and studio: Sweden Central, Azure Firewall, and
 * on the yes/no card no public IP, no VS Code, an hbi workspace. Returns the turn that shows the plan.
 */
export async function answerSwedenWithFirewall(
  chat: HttpTeamsClient,
  regionCard: unknown,
): Promise<HttpTurn> {
  const egress = await chat.click(regionCard, 'Next', { region: 'swedencentral' });
  const setup = await chat.click(egress.updated, 'Next', { value: 'azure-firewall' });
  return chat.click(setup.updated, 'Show my plan', { computePublicIp: 'no', hbi: 'yes' });
}
