// Decides what answers a message or a card button: commands, the onboarding wizard, or a question
// about the network. Wizard state is kept per user per conversation thread (private conversation
// state), so people in one channel each run their own wizard.
import { randomUUID } from 'node:crypto';
import type { BotState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { fallbackCard, helpCard, noticeCard } from '../cards/guide.card';
import { scenarioListCard } from '../cards/answer.cards';
import { planCards, feedbackButtons } from '../cards/plan.card';
import { button } from '../cards/card-actions';
import { wizardStepCard } from '../cards/wizard.card';
import type { AdaptiveCard } from '../cards/render';
import { planFor, ScenarioId, Situation, type Knowledge } from '../knowledge';
import type { Recognizer } from '../understanding/recognizer';
import { situationFacts } from '../wizard/questions';
import { advance, startWizard, WizardState, type WizardInput } from '../wizard/wizard.machine';
import type { Logger } from '../logger';
import type { MessageHandler } from '../bot/guide.bot';
import { cardReply, textReply } from '../bot/replies';
import { answerFor, cardsFor } from '../answers/reply';
import { routeCard, routeText, type Intent, type WizardRef } from './router';

/** What a turn answers with: an optional line of text and cards, in order. */
export interface Reply {
  text?: string;
  cards: AdaptiveCard[];
}

export interface GuideHandlerDeps {
  knowledge: Knowledge;
  /** Understands free-text questions; injected so tests can swap it. */
  recognize: Recognizer;
  privateState: BotState;
  userState: BotState;
  logger: Logger;
  newId?: () => string;
}

export class GuideHandler implements MessageHandler {
  private readonly k: Knowledge;
  private readonly wizard: StatePropertyAccessor<unknown>;
  private readonly lastSituation: StatePropertyAccessor<unknown>;
  private readonly newId: () => string;

  constructor(private readonly deps: GuideHandlerDeps) {
    this.k = deps.knowledge;
    this.wizard = deps.privateState.createProperty('wizard');
    this.lastSituation = deps.userState.createProperty('lastSituation');
    this.newId = deps.newId ?? (() => randomUUID());
  }

  async onMessage(context: TurnContext): Promise<void> {
    const value: unknown = context.activity.value;
    const state = await this.readWizard(context);
    const intent =
      value !== undefined && value !== null && !context.activity.text
        ? routeCard(value)
        : routeText(context.activity.text ?? '', state && { knowledge: this.k, state });
    await this.send(context, await this.handle(context, intent, state));
  }

  /**
   * An Action.Execute from a card (Teams' adaptiveCard/action invoke). Returns the card that replaces
   * the one clicked; any further cards are sent as messages.
   */
  async onCardExecute(context: TurnContext, data: unknown): Promise<AdaptiveCard | undefined> {
    const reply = await this.handle(context, routeCard(data), await this.readWizard(context));
    const [first, ...rest] = reply.cards;
    if (!first) return reply.text ? noticeCard(reply.text) : undefined;
    await this.send(context, { text: reply.text, cards: rest });
    return first;
  }

  private async send(context: TurnContext, reply: Reply): Promise<void> {
    if (reply.text) await context.sendActivity(textReply(reply.text));
    for (const card of reply.cards) await context.sendActivity(cardReply(card));
  }

  /** The one place an intent is answered, whether it was typed or clicked. */
  private async handle(
    context: TurnContext,
    intent: Intent,
    state: WizardState | undefined,
  ): Promise<Reply> {
    // A wizard button must belong to the wizard still running, and to its current step.
    if ('card' in intent && intent.card && !this.isCurrent(state, intent.card)) {
      return state
        ? {
            text: 'That card is from an earlier step or an earlier wizard. Here is where you are now:',
            cards: [wizardStepCard(this.k, state)],
          }
        : { text: 'That wizard has already ended. Say **start** to begin a new one.', cards: [] };
    }
    switch (intent.kind) {
      case 'help':
        return this.help(state);
      case 'start':
        return this.begin(context, intent.scenario);
      case 'restart':
        // A new id makes every card of the abandoned run stale.
        return this.begin(context);
      case 'cancel':
        return this.cancel(context, state);
      case 'back':
        return state
          ? this.step(context, state, { kind: 'back' })
          : { text: 'There is no wizard running. Say **start** to begin one.', cards: [] };
      case 'answer':
        return state
          ? this.step(context, state, { kind: 'answer', ...intent.input })
          : { text: 'There is no wizard running. Say **start** to begin one.', cards: [] };
      case 'scenarios':
        return { cards: [scenarioListCard(this.k)] };
      case 'plan':
        return this.lastPlan(context);
      case 'show': {
        const cards = cardsFor(this.k, intent.target.kind, intent.target.id);
        return cards
          ? { cards }
          : { text: "I don't know that item any more.", cards: [scenarioListCard(this.k)] };
      }
      case 'feedback':
        this.deps.logger.info(
          {
            feedback: intent.helpful,
            target: intent.target,
            conversationId: context.activity.conversation?.id,
          },
          'feedback',
        );
        return {
          text:
            intent.helpful === 'yes'
              ? 'Thanks, glad it helped.'
              : 'Thanks for telling me. If something was wrong or missing, say what in a message so the team can fix it.',
          cards: [],
        };
      case 'question':
        return this.question(intent.text);
      case 'unreadable-card':
        this.deps.logger.info({ issues: intent.problems }, 'unreadable card data');
        return {
          text: "I couldn't read that button: it may belong to an older version of one of my cards.",
          cards: state ? [wizardStepCard(this.k, state)] : [helpCard()],
        };
    }
  }

  private isCurrent(state: WizardState | undefined, card: WizardRef): boolean {
    return (
      state !== undefined &&
      state.id === card.wizardId &&
      (card.step === undefined || card.step === state.step)
    );
  }

  private question(text: string): Reply {
    const recognition = this.deps.recognize(text);
    this.deps.logger.debug({ recognition: recognition.kind, why: recognition.why }, 'question');
    const answer = answerFor(this.k, recognition, text);
    if (answer.cards.length === 0) return { cards: [fallbackCard(text)] };
    return answer;
  }

  private help(state: WizardState | undefined): Reply {
    if (!state) return { cards: [helpCard()] };
    return {
      text: 'Your wizard is still open; here is help, and then the step you were on.',
      cards: [helpCard(), wizardStepCard(this.k, state)],
    };
  }

  private async begin(context: TurnContext, scenario?: string): Promise<Reply> {
    const preselected = ScenarioId.safeParse(scenario);
    const state = startWizard(this.newId(), preselected.success ? preselected.data : undefined);
    await this.wizard.set(context, state);
    return { cards: [wizardStepCard(this.k, state)] };
  }

  private async cancel(context: TurnContext, state: WizardState | undefined): Promise<Reply> {
    if (!state)
      return { text: 'There is no wizard running, so there is nothing to cancel.', cards: [] };
    await this.wizard.delete(context);
    return { text: 'Wizard cancelled. Say **start** whenever you want to begin again.', cards: [] };
  }

  private async step(context: TurnContext, state: WizardState, input: WizardInput): Promise<Reply> {
    const result = advance(this.k, state, input);
    if (result.kind === 'ask') {
      await this.wizard.set(context, result.state);
      return {
        cards: [
          wizardStepCard(this.k, result.state, {
            problem: result.problem,
            suggestions: result.suggestions,
          }),
        ],
      };
    }
    await this.wizard.delete(context);
    await this.lastSituation.set(context, result.situation);
    return { cards: this.planCardsFor(result.situation) };
  }

  private planCardsFor(situation: Situation): AdaptiveCard[] {
    const plan = planFor(this.k, situation);
    return planCards(this.k, plan, {
      title: 'Your network plan',
      subtitle:
        'The inbound rules, outbound rules and steps your situation needs, merged across the scenarios you picked. Each rule says why it is needed and, where it matters, when.',
      facts: situationFacts(this.k, situation),
      actions: [
        button('Start over', { action: 'wizard.start' }),
        ...feedbackButtons(`plan:${situation.scenarios.join('+')}`),
      ],
    });
  }

  private async lastPlan(context: TurnContext): Promise<Reply> {
    const stored = Situation.safeParse(await this.lastSituation.get(context));
    if (!stored.success) {
      return {
        text: "You haven't finished the wizard yet, so there is no plan to show. Say **start** to begin.",
        cards: [],
      };
    }
    return { cards: this.planCardsFor(stored.data) };
  }

  /** The wizard in progress, if any; stored data that no longer parses is dropped, not trusted. */
  private async readWizard(context: TurnContext): Promise<WizardState | undefined> {
    const stored = await this.wizard.get(context);
    if (stored === undefined) return undefined;
    const parsed = WizardState.safeParse(stored);
    if (parsed.success) return parsed.data;
    this.deps.logger.warn(
      { conversationId: context.activity.conversation?.id },
      'dropping unreadable wizard state',
    );
    await this.wizard.delete(context);
    return undefined;
  }
}
