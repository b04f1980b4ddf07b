// Bot Framework activities as Teams sends them, for personal chats, group chats and channels.
import { randomUUID } from 'node:crypto';

export const BOT = { id: '28:aml-network-guide', name: 'AML Network Guide' };
export const ALICE = { id: '29:alice', name: 'Alice Network', aadObjectId: 'aad-alice' };
export const BOB = { id: '29:bob', name: 'Bob Platform', aadObjectId: 'aad-bob' };

export type Scope = 'personal' | 'groupChat' | 'channel';

export interface ActivityOptions {
  scope?: Scope;
  conversationId?: string;
  from?: { id: string; name: string };
  serviceUrl?: string;
  expectReplies?: boolean;
}

function conversationFor(scope: Scope, id: string) {
  switch (scope) {
    case 'personal':
      return { id, conversationType: 'personal', tenantId: 'tenant-1' };
    case 'groupChat':
      return { id, conversationType: 'groupChat', isGroup: true, tenantId: 'tenant-1' };
    case 'channel':
      return { id, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' };
  }
}

function channelDataFor(scope: Scope) {
  return scope === 'channel'
    ? { tenant: { id: 'tenant-1' }, team: { id: '19:team-1' }, channel: { id: '19:channel-1' } }
    : { tenant: { id: 'tenant-1' } };
}

function base(options: ActivityOptions) {
  const scope = options.scope ?? 'personal';
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl ?? 'http://127.0.0.1:9/',
    timestamp: new Date().toISOString(),
    from: options.from ?? ALICE,
    recipient: BOT,
    conversation: conversationFor(scope, options.conversationId ?? `conv-${scope}-${randomUUID()}`),
    channelData: channelDataFor(scope),
    locale: 'en-US',
    ...(options.expectReplies ? { deliveryMode: 'expectReplies' } : {}),
  };
}

/** A message; in channels and group chats pass `mention: true` to @mention the bot like Teams does. */
export function message(text: string, options: ActivityOptions & { mention?: boolean } = {}) {
  const mentionText = `<at>${BOT.name}</at>`;
  return {
    ...base(options),
    type: 'message',
    text: options.mention ? `${mentionText} ${text}` : text,
    textFormat: 'plain',
    entities: options.mention ? [{ type: 'mention', text: mentionText, mentioned: BOT }] : [],
  };
}

/** What an Action.Submit button posts: the card's data as `value`, no text. */
export function cardSubmit(value: Record<string, unknown>, options: ActivityOptions = {}) {
  return { ...base(options), type: 'message', value };
}

/** The conversationUpdate Teams sends when the app is installed in a scope. */
export function installed(options: ActivityOptions & { members?: { id: string }[] } = {}) {
  return {
    ...base(options),
    type: 'conversationUpdate',
    membersAdded: options.members ?? [BOT],
    channelData: { ...channelDataFor(options.scope ?? 'personal'), eventType: 'teamMemberAdded' },
  };
}

export function invoke(name: string, value: unknown, options: ActivityOptions = {}) {
  return { ...base(options), type: 'invoke', name, value };
}

export interface PostResult {
  status: number;
  body: unknown;
}

export async function post(
  botUrl: string,
  activity: unknown,
  headers: Record<string, string> = {},
): Promise<PostResult> {
  const res = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body };
}
