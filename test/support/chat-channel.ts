// Talks to the chat page's channel over HTTP as the page does: creates a conversation, posts
// activities, and reads the conversation's server-sent events.

export type ChatEvent = { version: number; activity: Record<string, unknown> & { id: string } };

export interface ChatResponse {
  status: number;
  body: Record<string, unknown>;
}

export const PAGE_USER = { id: 'user-ada', name: 'Ada' };

export async function postJson(url: string, body: unknown, method = 'POST'): Promise<ChatResponse> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export async function newConversation(botUrl: string): Promise<string> {
  const created = await postJson(`${botUrl}/webchat/conversations`, { user: PAGE_USER });
  if (created.status !== 201) throw new Error(`no conversation: ${JSON.stringify(created.body)}`);
  return String(created.body['conversationId']);
}

/** Reads events from the conversation's stream until `count` arrived (or the time is up). */
export async function readEvents(
  botUrl: string,
  conversationId: string,
  options: { count: number; after?: number; timeoutMs?: number },
): Promise<ChatEvent[]> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), options.timeoutMs ?? 5000);
  const events: ChatEvent[] = [];
  try {
    const res = await fetch(`${botUrl}/webchat/conversations/${conversationId}/events`, {
      headers: options.after ? { 'last-event-id': String(options.after) } : {},
      signal: abort.signal,
    });
    if (!res.ok || !res.body) throw new Error(`the stream answered ${res.status}`);
    const decoder = new TextDecoder();
    let buffered = '';
    const reader = res.body.getReader();
    while (events.length < options.count) {
      const { done, value } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      const blocks = buffered.split('\n\n');
      buffered = blocks.pop() ?? '';
      for (const block of blocks) {
        const id = /^id: (\d+)$/m.exec(block);
        const data = /^data: (.*)$/m.exec(block);
        if (id && data) events.push({ version: Number(id[1]), activity: JSON.parse(data[1]!) });
      }
    }
  } catch (error) {
    if (!abort.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  return events;
}

/** The Adaptive Cards in an activity. */
export function cardsOf(activity: Record<string, unknown>): Record<string, unknown>[] {
  const attachments = (activity['attachments'] ?? []) as {
    contentType: string;
    content: unknown;
  }[];
  return attachments
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a) => a.content as Record<string, unknown>);
}
