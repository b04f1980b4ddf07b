// What the bot remembers per user per conversation thread (the wizard in progress and the plan it
// ended with), read with its eTag so that a save loses to any turn that saved in between. The keys
// are botbuilder's own (private conversation state, user state), so stored data stays readable.
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { Situation } from '../knowledge';
import type { Logger } from '../logger';
import { WizardState } from '../wizard/wizard.machine';
import type { VersionedStore } from '../bot/versioned.store';

export interface ThreadState {
  wizard?: WizardState;
  plan?: Situation;
  /** An NSG pasted without scenarios, kept while the bot asks which to check it for. */
  nsg?: string;
}

/** Bounded so a pasted NSG cannot grow the stored state without limit. */
export const MAX_STORED_NSG = 200_000;
const StoredNsg = z.string().max(MAX_STORED_NSG);

export interface ThreadSnapshot {
  thread: ThreadState;
  eTag?: string;
}

function idsOf(context: TurnContext) {
  const { channelId, conversation, from } = context.activity;
  if (!channelId || !conversation?.id || !from?.id) {
    throw new Error('the activity lacks channelId, conversation.id or from.id');
  }
  return { channelId, conversationId: conversation.id, userId: from.id };
}

function threadKey(context: TurnContext): string {
  const { channelId, conversationId, userId } = idsOf(context);
  return `${channelId}/conversations/${conversationId}/users/${userId}`;
}

function userKey(context: TurnContext): string {
  const { channelId, userId } = idsOf(context);
  return `${channelId}/users/${userId}`;
}

export class ThreadStore {
  constructor(
    private readonly store: VersionedStore,
    private readonly logger: Logger,
  ) {}

  /** The thread's state; stored data that no longer parses is dropped (and overwritten on save). */
  async read(context: TurnContext): Promise<ThreadSnapshot> {
    const { value, eTag } = await this.store.read(threadKey(context));
    const wizard = WizardState.safeParse(value.wizard);
    const plan = Situation.safeParse(value.plan);
    const nsg = StoredNsg.safeParse(value.nsg);
    if (value.wizard !== undefined && !wizard.success) {
      this.logger.warn(
        { conversationId: context.activity.conversation?.id },
        'dropping unreadable wizard state',
      );
    }
    const thread: ThreadState = {
      ...(wizard.success ? { wizard: wizard.data } : {}),
      ...(plan.success ? { plan: plan.data } : {}),
      ...(nsg.success ? { nsg: nsg.data } : {}),
    };
    return { thread, eTag };
  }

  /** Saves `next` unless another turn saved since `read` (StateConflictError). */
  async save(context: TurnContext, read: ThreadSnapshot, next: ThreadState): Promise<void> {
    await this.store.write(threadKey(context), { ...next }, read.eTag);
  }

  /** The plan this person finished last in any conversation, for `plan` in a new thread. */
  async lastPlanOfUser(context: TurnContext): Promise<Situation | undefined> {
    const { value } = await this.store.read(userKey(context));
    const stored = Situation.safeParse(value.lastSituation);
    return stored.success ? stored.data : undefined;
  }

  /** A copy across conversations; the thread's own plan is what counts, so the last finish wins. */
  async rememberPlanForUser(context: TurnContext, plan: Situation): Promise<void> {
    await this.store.write(userKey(context), { lastSituation: plan }, '*');
  }
}
