// A small channel for the local chat page, in the spirit of Direct Line: the page creates a
// conversation, posts what the user types or clicks, and reads everything shown in the conversation
// as server-sent events (replayed from the start after a reload). Each turn goes to the bot through
// /api/messages with deliveryMode expectReplies, like any channel's; messages the bot sends on its
// own reach the page through a local connector endpoint, because in local mode the bot's serviceUrl
// for these conversations is this server. Only registered in local mode.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type restify from 'restify';
import { z } from 'zod';
import type { Logger } from '../logger';
import { BadRequestError, readBody } from './request-body';
import { TranscriptStore, type ChatActivity, type Delivery } from './transcripts';

export const CHAT_BOT = { id: 'aml-network-guide', name: 'AML Network Guide', role: 'bot' };
const CHANNEL_ID = 'msteams';
const CARD = 'application/vnd.microsoft.card.adaptive';
const MAX_TEXT = 4000;
const TURN_TIMEOUT_MS = 60_000;
const KEEP_ALIVE_MS = 20_000;

const ConversationId = z
  .string()
  .regex(/^webchat-[0-9a-f-]{36}$/, { error: 'expected a conversation id made by this server' });
const ActivityId = z.string().min(1).max(200);

const PageUser = z.object({
  id: z.string().min(1).max(100),
  name: z.string().max(100).optional(),
});

/** What Web Chat adds so it can match the echo of what it sent. */
const ClientData = z.object({ clientActivityID: z.string().max(100).optional() }).optional();

const NewConversation = z.object({ user: PageUser });

/** Typed text, or an Action.Submit (its data as `value`, no text). */
const PageMessage = z
  .object({
    type: z.literal('message'),
    from: PageUser,
    text: z
      .string()
      .max(MAX_TEXT, { error: `expected at most ${MAX_TEXT} characters` })
      .optional(),
    value: z.record(z.string(), z.unknown()).optional(),
    locale: z.string().max(20).optional(),
    channelData: ClientData,
  })
  .refine((m) => (m.text ?? '').trim() !== '' || m.value !== undefined, {
    error: 'expected "text" or a card\'s "value"',
  });

/** An Action.Execute, sent as Teams does: an adaptiveCard/action invoke naming the clicked card. */
const PageExecute = z.object({
  type: z.literal('invoke'),
  name: z.literal('adaptiveCard/action'),
  from: PageUser,
  replyToId: ActivityId,
  value: z.object({
    action: z.object({
      type: z.literal('Action.Execute'),
      verb: z.string().max(100).optional(),
      data: z.record(z.string(), z.unknown()),
    }),
  }),
  channelData: ClientData,
});

export const PageActivity = z.discriminatedUnion('type', [PageMessage, PageExecute], {
  error: 'expected "type" to be "message" or "invoke"',
});
export type PageActivity = z.infer<typeof PageActivity>;

/** What the bot posts to the connector endpoint; the page reads the rest. */
export const ConnectorActivity = z.looseObject({
  type: z.string().min(1).max(50),
  text: z.string().optional(),
  attachments: z.array(z.looseObject({ contentType: z.string() })).optional(),
});

/** The body of an expectReplies turn. */
const ExpectedReplies = z.object({
  activities: z.array(z.looseObject({ type: z.string() })),
});

const InvokeResponse = z.object({
  status: z.number(),
  body: z
    .looseObject({
      type: z.string().optional(),
      value: z.unknown(),
    })
    .optional(),
});

/** A request the chat page or the bot got wrong, answered with its status and what was wrong. */
class ChatRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(res: restify.Response, status: number, body: unknown): void {
  res.status(status);
  res.header('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

async function readJson<T>(req: IncomingMessage, schema: z.ZodType<T>, what: string): Promise<T> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    throw new BadRequestError(400, 'expected Content-Type: application/json');
  }
  let json: unknown;
  try {
    json = JSON.parse((await readBody(req)).toString('utf8'));
  } catch (error) {
    if (error instanceof BadRequestError) throw error;
    throw new BadRequestError(400, 'request body is not valid JSON');
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
    throw new BadRequestError(400, `not ${what}: ${problems.join('; ')}`);
  }
  return result.data;
}

/** This server as the bot reaches it: the address and port the request came in on. */
function selfUrl(req: IncomingMessage): string {
  const address = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  const host = address.includes(':') ? `[${address}]` : address;
  return `http://${host}:${req.socket.localPort}`;
}

export interface DirectLineOptions {
  logger: Logger;
  store?: TranscriptStore;
}

export function registerDirectLine(server: restify.Server, options: DirectLineOptions): void {
  const { logger } = options;
  const store = options.store ?? new TranscriptStore();

  const stamp = (conversationId: string, activity: Record<string, unknown>): ChatActivity => {
    const position = store.nextPosition(conversationId);
    return {
      ...activity,
      id: `${conversationId}|${String(position).padStart(7, '0')}`,
      timestamp: new Date().toISOString(),
      conversation: { id: conversationId },
      // Web Chat orders the transcript by this number.
      channelData: {
        ...(activity['channelData'] as object | undefined),
        'webchat:sequence-id': position,
      },
    };
  };

  const fromBot = (conversationId: string, reply: Record<string, unknown>) =>
    store.put(conversationId, stamp(conversationId, { ...reply, from: CHAT_BOT }));

  /** Replaces the cards of an earlier activity, keeping its place (Teams' card refresh). */
  const replaceCard = (conversationId: string, activityId: string, card: unknown) => {
    const earlier = store.get(conversationId, activityId);
    const attachments = [{ contentType: CARD, content: card }];
    if (earlier) store.put(conversationId, { ...earlier, attachments });
    else fromBot(conversationId, { type: 'message', attachments });
  };

  /** One turn of the bot through /api/messages, as a channel posts it; returns its replies. */
  const turn = async (
    req: IncomingMessage,
    conversationId: string,
    activity: Record<string, unknown> & { channelData?: object },
  ) => {
    const { channelData, ...rest } = activity;
    const response = await fetch(`${selfUrl(req)}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        locale: 'en-US',
        ...rest,
        // What the channel decides, whatever the page sent.
        channelId: CHANNEL_ID,
        serviceUrl: `${selfUrl(req)}/`,
        recipient: CHAT_BOT,
        conversation: { id: conversationId, conversationType: 'personal', tenantId: 'local' },
        channelData: { ...channelData, tenant: { id: 'local' } },
        deliveryMode: 'expectReplies',
        timestamp: new Date().toISOString(),
      }),
      signal: AbortSignal.timeout(TURN_TIMEOUT_MS),
    });
    if (!response.ok) {
      const status = response.status === 503 ? 503 : 502;
      throw new ChatRequestError(status, `the bot answered ${response.status}`);
    }
    return ExpectedReplies.parse(await response.json()).activities;
  };

  const conversationIdOf = (req: restify.Request): string => {
    const parsed = ConversationId.safeParse(req.params['id']);
    if (!parsed.success)
      throw new ChatRequestError(400, 'expected a conversation id made by this server');
    if (!store.has(parsed.data))
      throw new ChatRequestError(404, 'no such conversation; start a new one');
    return parsed.data;
  };

  const route =
    (handler: (req: restify.Request, res: restify.Response) => Promise<void>) =>
    async (req: restify.Request, res: restify.Response) => {
      try {
        await handler(req, res);
      } catch (error) {
        if (error instanceof BadRequestError || error instanceof ChatRequestError) {
          sendJson(res, error.status, { error: error.message });
        } else {
          logger.error({ err: error }, 'chat page request failed');
          if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
        }
      }
    };

  server.post(
    '/webchat/conversations',
    route(async (req, res) => {
      const { user } = await readJson(req, NewConversation, 'a new conversation');
      const conversationId = `webchat-${randomUUID()}`;
      store.create(conversationId);
      // What Teams sends when the app is added to a personal chat: the bot greets.
      const replies = await turn(req, conversationId, {
        type: 'conversationUpdate',
        id: randomUUID(),
        from: user,
        membersAdded: [CHAT_BOT, user],
      });
      for (const reply of replies) fromBot(conversationId, reply);
      sendJson(res, 201, { conversationId });
    }),
  );

  server.get(
    '/webchat/conversations/:id',
    route(async (req, res) => sendJson(res, 200, { conversationId: conversationIdOf(req) })),
  );

  server.get(
    '/webchat/conversations/:id/events',
    route(async (req, res) => {
      const conversationId = conversationIdOf(req);
      // A reconnecting EventSource says what it saw last; a fresh page gets everything.
      const seen = z.coerce.number().int().min(0).catch(0).parse(req.headers['last-event-id']);
      const write = (d: Delivery) =>
        res.write(`id: ${d.version}\ndata: ${JSON.stringify(d.activity)}\n\n`);
      const stop = store.listen(conversationId, write);
      if (!stop) throw new ChatRequestError(429, 'too many open pages on this conversation');
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
      });
      for (const delivery of store.since(conversationId, seen)) write(delivery);
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
      req.on('close', () => {
        clearInterval(keepAlive);
        stop();
      });
    }),
  );

  server.post(
    '/webchat/conversations/:id/activities',
    route(async (req, res) => {
      const conversationId = conversationIdOf(req);
      const posted = await readJson(req, PageActivity, 'a chat page activity');
      const from = { ...posted.from, role: 'user' };
      const echo = stamp(conversationId, { ...posted, from });
      if (posted.type === 'message') {
        // The page shows what was sent once the echo (with Web Chat's clientActivityID) comes back.
        store.put(conversationId, echo);
        const replies = await turn(req, conversationId, { ...posted, from, id: echo.id });
        for (const reply of replies) fromBot(conversationId, reply);
      } else {
        const replies = await turn(req, conversationId, { ...posted, from, id: echo.id });
        for (const reply of replies) {
          if (reply.type !== 'invokeResponse') {
            fromBot(conversationId, reply);
            continue;
          }
          const answer = InvokeResponse.safeParse(reply['value']);
          if (answer.success && answer.data.body?.type === CARD) {
            replaceCard(conversationId, posted.replyToId, answer.data.body.value);
          } else if (!answer.success || answer.data.status >= 400) {
            fromBot(conversationId, { type: 'message', text: 'That button did not work.' });
          }
        }
      }
      sendJson(res, 200, { id: echo.id });
    }),
  );

  // The connector endpoint: what the bot sends outside a turn's reply (botbuilder's
  // sendToConversation, replyToActivity and updateActivity).
  const fromConnector = route(async (req, res) => {
    const conversationId = conversationIdOf(req);
    const activity = await readJson(req, ConnectorActivity, 'a Bot Framework activity');
    const activityId = ActivityId.safeParse(req.params['activityId']);
    const earlier = activityId.success ? store.get(conversationId, activityId.data) : undefined;
    if (req.method === 'PUT' && earlier) {
      // The activity keeps its id, time and place in the conversation.
      const { id, timestamp, channelData } = earlier;
      store.put(conversationId, { ...earlier, ...activity, id, timestamp, channelData });
      return sendJson(res, 200, { id: earlier.id });
    }
    const stored = stamp(conversationId, { ...activity, from: CHAT_BOT });
    store.put(conversationId, stored);
    sendJson(res, 200, { id: stored.id });
  });
  server.post('/v3/conversations/:id/activities', fromConnector);
  server.post('/v3/conversations/:id/activities/:activityId', fromConnector);
  server.put('/v3/conversations/:id/activities/:activityId', fromConnector);
}
