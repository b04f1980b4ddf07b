// The chat page's conversations, kept in memory: every activity shown on the page in order, so a
// reloaded page can replay them, and the live listeners (server-sent event streams) of each one.
// Bounded in conversations, activities and listeners, so a long session cannot grow without limit.

/** An activity as the page shows it; the store only reads `id`. */
export type ChatActivity = Record<string, unknown> & { id: string };

export interface TranscriptLimits {
  conversations: number;
  activitiesPerConversation: number;
  listenersPerConversation: number;
}

export const DEFAULT_LIMITS: TranscriptLimits = {
  conversations: 200,
  activitiesPerConversation: 400,
  listenersPerConversation: 8,
};

/** One delivery to the page: `version` orders deliveries, so a stream can resume after one. */
export interface Delivery {
  version: number;
  activity: ChatActivity;
}

export type Listener = (delivery: Delivery) => void;

interface Entry {
  activity: ChatActivity;
  version: number;
}

class Transcript {
  /** By activity id; a Map keeps insertion order, which is the order of the conversation. */
  readonly entries = new Map<string, Entry>();
  readonly listeners = new Set<Listener>();
  nextPosition = 1;
}

export class TranscriptStore {
  private readonly conversations = new Map<string, Transcript>();
  private version = 0;

  constructor(private readonly limits: TranscriptLimits = DEFAULT_LIMITS) {}

  create(conversationId: string): void {
    if (this.conversations.size >= this.limits.conversations) {
      // The oldest conversation makes room; its page starts a new one when it comes back.
      const [oldest] = this.conversations.keys();
      if (oldest !== undefined) this.conversations.delete(oldest);
    }
    this.conversations.set(conversationId, new Transcript());
  }

  has(conversationId: string): boolean {
    return this.conversations.has(conversationId);
  }

  /** The next position in the conversation, for ids and for the page's ordering. */
  nextPosition(conversationId: string): number {
    const transcript = this.conversations.get(conversationId);
    if (!transcript) return 0;
    const position = transcript.nextPosition;
    transcript.nextPosition += 1;
    return position;
  }

  /** Adds an activity, or replaces the one with the same id in place (a card updated by the bot). */
  put(conversationId: string, activity: ChatActivity): boolean {
    const transcript = this.conversations.get(conversationId);
    if (!transcript) return false;
    this.version += 1;
    const entry = { activity, version: this.version };
    transcript.entries.set(activity.id, entry);
    if (transcript.entries.size > this.limits.activitiesPerConversation) {
      const [oldest] = transcript.entries.keys();
      if (oldest !== undefined) transcript.entries.delete(oldest);
    }
    for (const listener of transcript.listeners) listener(entry);
    return true;
  }

  get(conversationId: string, activityId: string): ChatActivity | undefined {
    return this.conversations.get(conversationId)?.entries.get(activityId)?.activity;
  }

  /** What a stream that has seen everything up to `afterVersion` still needs, in delivery order. */
  since(conversationId: string, afterVersion = 0): Delivery[] {
    const transcript = this.conversations.get(conversationId);
    if (!transcript) return [];
    return [...transcript.entries.values()]
      .filter((entry) => entry.version > afterVersion)
      .sort((a, b) => a.version - b.version);
  }

  /** Registers a listener; returns how to remove it, or undefined when there are too many. */
  listen(conversationId: string, listener: Listener): (() => void) | undefined {
    const transcript = this.conversations.get(conversationId);
    if (!transcript || transcript.listeners.size >= this.limits.listenersPerConversation) {
      return undefined;
    }
    transcript.listeners.add(listener);
    return () => transcript.listeners.delete(listener);
  }
}
