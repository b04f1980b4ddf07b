// Plays the Teams channel service: a local HTTP server that receives the bot's replies the way the Bot
// Framework connector does (POST /v3/conversations/:conversationId/activities[/:replyToId]).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedReply {
  conversationId: string;
  replyToId?: string;
  activity: Record<string, unknown> & { type: string; text?: string; attachments?: unknown[] };
  authorization?: string;
}

export interface FakeChannel {
  url: string;
  replies: ReceivedReply[];
  /** Resolves once `count` replies have arrived in total. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedReply[]>;
  close(): Promise<void>;
}

/** `delayMs` holds each reply open that long, to keep a turn in flight. */
export async function startFakeChannel(delayMs = 0): Promise<FakeChannel> {
  const replies: ReceivedReply[] = [];
  const waiters: (() => void)[] = [];
  let next = 1;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) {
        res.writeHead(404).end();
        return;
      }
      replies.push({
        conversationId: decodeURIComponent(match[1] ?? ''),
        replyToId: match[2] ? decodeURIComponent(match[2]) : undefined,
        activity: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedReply['activity'],
        authorization: req.headers.authorization,
      });
      waiters.splice(0).forEach((wake) => wake());
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${next++}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    replies,
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (replies.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`expected ${count} replies, got ${replies.length}`);
        }
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return replies.slice(0, count);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
