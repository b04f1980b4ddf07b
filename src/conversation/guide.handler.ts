// Decides what answers a message or a card button: commands, the onboarding wizard, or a question
// about the network. Wizard state is kept per user per conversation thread, so people in one channel
// each run their own wizard. A turn saves its new state before it answers, with the eTag it read:
// a card whose buttons lead to a step that was never stored is never sent.
import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { fallbackCard, helpCard, noticeCard, type OutsideSubject } from '../cards/guide.card';
import { scenarioListCard } from '../cards/answer.cards';
import { planCards, situationFacts, feedbackButtons } from '../cards/plan.card';
import { button } from '../cards/card-actions';
import { wizardStepCard } from '../cards/wizard.card';
import type { AdaptiveCard } from '../cards/render';
import { planFor, ScenarioId, type Knowledge, type Situation } from '../knowledge';
import type { Recognition, Recognizer } from '../understanding/recognizer';
import {
  advance,
  questionsFor,
  startWizard,
  type WizardInput,
  type WizardState,
} from '../wizard/wizard.machine';
import type { Logger } from '../logger';
import type { CardExecuteResult, MessageHandler } from '../bot/guide.bot';
import { cardReply, textReply } from '../bot/replies';
import { showAsCommands } from '../cards/commands.card';
import { nsgHelpText } from '../cards/nsg-check.card';
import { CommandsFlow, type ExportRequest } from './commands.flow';
import type { DownloadPolicy } from './file-download';
import { StateConflictError, StateUnavailableError } from '../bot/versioned.store';
import { answerFor, cardsFor } from '../answers/reply';
import { routeAttachment, routeCard, routeText, type Intent, type WizardRef } from './router';
import type { ThreadSnapshot, ThreadState, ThreadStore } from './thread.store';

export const SAVE_FAILED = "I couldn't save your progress, please try again.";
export const OUT_OF_DATE = 'That card is out of date. Here is where you are now.';

/** What a turn answers with: an optional line of text and cards, in order, then text files. */
export interface Reply {
  text?: string;
  cards: AdaptiveCard[];
  /** Sent only in 1:1 chats, where a file belongs to the one person who asked. */
  files?: ReplyFile[];
}

export interface ReplyFile {
  name: string;
  text: string;
  /** How to make the file again when the person accepts it later. */
  request: ExportRequest;
}

/** A reply, and the thread state to save before it is sent (absent when nothing changed). */
export interface Decision {
  reply: Reply;
  next?: ThreadState;
}

/** A turn either has a reply to send or could not save, in which case nothing else is sent. */
type Outcome = { saved: true; reply: Reply } | { saved: false };

export interface GuideHandlerDeps {
  knowledge: Knowledge;
  /** Understands free-text questions; injected so tests can swap it. */
  recognize: Recognizer;
  threads: ThreadStore;
  logger: Logger;
  newId?: () => string;
  /** Which attached-file links may be downloaded, and how much; tests allow a local server. */
  downloads?: DownloadPolicy;
}

/** Situations whose plan cards are kept; each entry is a few tens of KB. */
const PLAN_CACHE_SIZE = 200;

/** Shared cards must not change under another turn: freezing makes any attempt fail loudly. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Intents whose answer reads or changes the stored wizard or plan. */
const NEEDS_STATE: ReadonlySet<Intent['kind']> = new Set([
  'start',
  'restart',
  'cancel',
  'back',
  'answer',
  'plan',
]);

export class GuideHandler implements MessageHandler {
  private readonly k: Knowledge;
  private readonly newId: () => string;
  private readonly plans = new Map<string, AdaptiveCard[]>();
  private readonly commands: CommandsFlow;

  constructor(private readonly deps: GuideHandlerDeps) {
    this.k = deps.knowledge;
    this.commands = new CommandsFlow(deps.knowledge, deps.downloads);
    this.newId = deps.newId ?? (() => randomUUID());
  }

  async onMessage(context: TurnContext): Promise<void> {
    const value: unknown = context.activity.value;
    const clicked = value !== undefined && value !== null && !context.activity.text;
    const text = context.activity.text ?? '';
    const outcome = await this.turn(
      context,
      (wizard) =>
        routeAttachment(context.activity.attachments, text) ??
        (clicked
          ? routeCard(value)
          : routeText(text, wizard && { knowledge: this.k, state: wizard })),
    );
    await this.send(context, outcome.saved ? outcome.reply : { text: SAVE_FAILED, cards: [] });
  }

  /**
   * An Action.Execute from a card (Teams' adaptiveCard/action invoke). Returns the card that replaces
   * the one clicked (any further cards are sent as messages), or a message that leaves it in place.
   */
  async onCardExecute(context: TurnContext, data: unknown): Promise<CardExecuteResult> {
    const outcome = await this.turn(context, () => routeCard(data));
    // The clicked card stays as it was, so the same click can simply be tried again.
    if (!outcome.saved) return { message: SAVE_FAILED };
    const [first, ...rest] = outcome.reply.cards;
    if (!first) return outcome.reply.text ? { card: noticeCard(outcome.reply.text) } : {};
    await this.send(context, { text: outcome.reply.text, cards: rest });
    return { card: first };
  }

  /**
   * Reads the thread, decides, saves, and only then answers. When another turn saved first, the
   * action is decided again once on what that turn left: a card it made stale is answered with the
   * current step instead. When storage fails, answers that need no state still go out.
   */
  private async turn(
    context: TurnContext,
    intentFor: (wizard: WizardState | undefined) => Intent,
  ): Promise<Outcome> {
    let read: ThreadSnapshot;
    try {
      read = await this.deps.threads.read(context);
    } catch (error) {
      if (!(error instanceof StateUnavailableError)) throw error;
      const intent = intentFor(undefined);
      if (NEEDS_STATE.has(intent.kind)) return { saved: false };
      return { saved: true, reply: (await this.decide(context, intent, {})).reply };
    }
    const actedOn = read.thread.wizard?.id;
    for (let attempt = 1; ; attempt += 1) {
      const decision = await this.decide(context, intentFor(read.thread.wizard), read.thread);
      if (!decision.next) return { saved: true, reply: decision.reply };
      try {
        await this.deps.threads.save(context, read, decision.next);
        await this.rememberPlan(context, read.thread, decision.next);
        return { saved: true, reply: decision.reply };
      } catch (error) {
        if (error instanceof StateUnavailableError) return { saved: false };
        if (!(error instanceof StateConflictError)) throw error;
        this.deps.logger.info(
          { conversationId: context.activity.conversation?.id, attempt },
          'state changed by another turn; deciding again',
        );
        try {
          read = await this.deps.threads.read(context);
        } catch (readError) {
          if (readError instanceof StateUnavailableError) return { saved: false };
          throw readError;
        }
        // A wizard started or ended by the other turn is not one this action was meant for.
        if (attempt >= 2 || read.thread.wizard?.id !== actedOn) {
          return { saved: true, reply: this.outOfDate(read.thread.wizard) };
        }
      }
    }
  }

  /** The plan a thread just finished is also kept for the person, for `plan` in other threads. */
  private async rememberPlan(context: TurnContext, before: ThreadState, after: ThreadState) {
    if (!after.plan || after.plan === before.plan) return;
    try {
      await this.deps.threads.rememberPlanForUser(context, after.plan);
    } catch (error) {
      // The thread has its plan; only the copy for other threads is missing.
      this.deps.logger.warn(
        { err: { message: (error as Error).message } },
        'could not keep the plan for other conversations',
      );
    }
  }

  async onFileConsent(context: TurnContext, value: unknown): Promise<void> {
    await this.commands.onFileConsent(context, value);
  }

  private async send(context: TurnContext, reply: Reply): Promise<void> {
    if (reply.text) await context.sendActivity(textReply(reply.text));
    for (const card of reply.cards) await context.sendActivity(cardReply(card));
    await this.commands.sendFiles(context, reply.files ?? []);
  }

  private outOfDate(state: WizardState | undefined): Reply {
    return state
      ? { cards: [wizardStepCard(this.k, state, { notice: OUT_OF_DATE })] }
      : { text: 'That wizard has already ended. Say **start** to begin a new one.', cards: [] };
  }

  /** The one place an intent is answered, whether it was typed or clicked. No side effects on state. */
  private async decide(
    context: TurnContext,
    intent: Intent,
    thread: ThreadState,
  ): Promise<Decision> {
    const state = thread.wizard;
    // A wizard button must belong to the wizard still running, and to its current step.
    if ('card' in intent && intent.card && !this.isCurrent(state, intent.card)) {
      return { reply: this.outOfDate(state) };
    }
    const noWizard = {
      reply: { text: 'There is no wizard running. Say **start** to begin one.', cards: [] },
    };
    switch (intent.kind) {
      case 'help':
        return { reply: this.help(state) };
      case 'start':
        return this.begin(thread, intent.scenario);
      case 'restart':
        // A new id makes every card of the abandoned run stale.
        return this.begin(thread);
      case 'cancel':
        if (!state) {
          return {
            reply: {
              text: 'There is no wizard running, so there is nothing to cancel.',
              cards: [],
            },
          };
        }
        return {
          reply: {
            text: 'Wizard cancelled. Say **start** whenever you want to begin again.',
            cards: [],
          },
          next: { plan: thread.plan },
        };
      case 'back':
        return state ? this.step(thread, state, { kind: 'back' }) : noWizard;
      case 'answer':
        return state ? this.step(thread, state, { kind: 'answer', ...intent.input }) : noWizard;
      case 'scenarios':
        return { reply: { cards: [scenarioListCard(this.k)] } };
      case 'plan':
        return { reply: await this.lastPlan(context, thread) };
      case 'show': {
        const cards = cardsFor(this.k, intent.target.kind, intent.target.id);
        return {
          reply: cards
            ? { cards }
            : { text: "I don't know that item any more.", cards: [scenarioListCard(this.k)] },
        };
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
          reply: {
            text:
              intent.helpful === 'yes'
                ? 'Thanks, glad it helped.'
                : 'Thanks for telling me. If something was wrong or missing, say what in a message so the team can fix it.',
            cards: [],
          },
        };
      case 'export':
        return { reply: this.commands.exportAs(context, intent, thread) };
      case 'nsg-check':
        return this.commands.checkPasted(intent.json, intent.words, thread);
      case 'nsg-scenarios':
        return { reply: this.commands.checkPending(intent.scenario, thread) };
      case 'nsg-file':
        return this.commands.checkFile(context, intent.url, intent.words, thread);
      case 'nsg-help':
        return { reply: { text: nsgHelpText(), cards: [] } };
      case 'question':
        return { reply: this.question(intent.text) };
      case 'unreadable-card':
        this.deps.logger.info({ issues: intent.problems }, 'unreadable card data');
        return {
          reply: {
            text: "I couldn't read that button: it may belong to an older version of one of my cards.",
            cards: state ? [wizardStepCard(this.k, state)] : [helpCard()],
          },
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
    if (answer.cards.length === 0)
      return {
        cards: [fallbackCard(text, outsideSubject(recognition))],
      };
    return answer;
  }

  private help(state: WizardState | undefined): Reply {
    if (!state) return { cards: [helpCard()] };
    return {
      text: 'Your wizard is still open; here is help, and then the step you were on.',
      cards: [helpCard(), wizardStepCard(this.k, state)],
    };
  }

  private begin(thread: ThreadState, scenario?: string): Decision {
    const preselected = ScenarioId.safeParse(scenario);
    const wizard = startWizard(this.newId(), preselected.success ? preselected.data : undefined);
    return { reply: { cards: [wizardStepCard(this.k, wizard)] }, next: { ...thread, wizard } };
  }

  private step(thread: ThreadState, state: WizardState, input: WizardInput): Decision {
    const result = advance(this.k, state, input);
    if (result.kind === 'ask') {
      const card = wizardStepCard(this.k, result.state, {
        problem: result.problem,
        suggestions: result.suggestions,
      });
      // An answer that was not accepted leaves the stored step as it is.
      if (result.state === state) return { reply: { cards: [card] } };
      return { reply: { cards: [card] }, next: { ...thread, wizard: result.state } };
    }
    return {
      reply: { cards: this.planCardsFor(result.situation) },
      next: { plan: result.situation },
    };
  }

  /**
   * A plan's cards depend only on the situation (and the knowledge, fixed while running), and many
   * people share a few situations: they are made once per situation, not on every finish or "plan".
   */
  private planCardsFor(situation: Situation): AdaptiveCard[] {
    const key = JSON.stringify(situation);
    let cards = this.plans.get(key);
    if (!cards) {
      cards = this.makePlanCards(situation).map(deepFreeze);
      // Oldest first out, so the cache stays bounded however many situations people describe.
      if (this.plans.size >= PLAN_CACHE_SIZE) this.plans.delete(this.plans.keys().next().value!);
      this.plans.set(key, cards);
    }
    return cards;
  }

  private makePlanCards(situation: Situation): AdaptiveCard[] {
    const plan = planFor(this.k, situation);
    return planCards(this.k, plan, {
      title: 'Your network plan',
      subtitle: '',
      facts: situationFacts(plan, new Set(questionsFor(this.k, situation.scenarios))),
      actions: feedbackButtons(`plan:${situation.scenarios.join('+')}`),
      endActions: [
        showAsCommands({ kind: 'plan', situation }),
        button('Start over', { action: 'wizard.start' }),
      ],
    });
  }

  /** This thread's last plan, else the last one this person finished in another conversation. */
  private async lastPlan(context: TurnContext, thread: ThreadState): Promise<Reply> {
    let situation = thread.plan;
    try {
      situation ??= await this.deps.threads.lastPlanOfUser(context);
    } catch (error) {
      if (!(error instanceof StateUnavailableError)) throw error;
      return { text: "I couldn't read your last plan just now, please try again.", cards: [] };
    }
    if (!situation) {
      return {
        text: "You haven't finished the wizard yet, so there is no plan to show. Say **start** to begin.",
        cards: [],
      };
    }
    return { cards: this.planCardsFor(situation) };
  }
}

/** Why a question the bot declines is outside its subject, if it is. */
function outsideSubject(r: Recognition): OutsideSubject | undefined {
  if (r.kind !== 'none' || r.offSubject !== true) return undefined;
  return r.facets?.failsOutsideNetwork ?? 'subject';
}
