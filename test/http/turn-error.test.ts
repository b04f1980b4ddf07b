// A turn that fails is logged with the ids needed to find it; the person gets a one-line apology, and
// the server goes on serving.
import { Writable } from 'node:stream';
import { MemoryStorage, type StoreItems } from 'botbuilder';
import { createLogger } from '../../src/logger';
import { APOLOGY } from '../../src/bot/adapter';
import { message, post } from '../support/activities';
import { startTestApp, type TestApp } from '../support/app';

/**
 * Storage that breaks its contract while `broken` is set (a read answers nothing at all), as a bug
 * would. (A storage that is merely down is answered politely: see state.test.ts.)
 */
class FlakyStorage extends MemoryStorage {
  broken = false;
  override async read(keys: string[]): Promise<StoreItems> {
    if (this.broken) return undefined as unknown as StoreItems;
    return super.read(keys);
  }
}

let app: TestApp;
const storage = new FlakyStorage();
const lines: string[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  app = await startTestApp({}, { storage, logger: createLogger('info', sink) });
});
afterAll(() => app.close());

it('apologises, logs the activity and conversation ids, and serves the next request', async () => {
  storage.broken = true;
  const failing = message('help', { expectReplies: true, conversationId: 'conv-broken' });
  const res = await post(app.url, failing);
  expect(res.status).toBe(200);
  const replies = (res.body as { activities: { text?: string }[] }).activities;
  expect(replies.map((a) => a.text)).toEqual([APOLOGY]);

  const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(logged).toContainEqual(
    expect.objectContaining({
      msg: 'turn failed',
      activityId: failing.id,
      conversationId: 'conv-broken',
    }),
  );

  storage.broken = false;
  const next = await post(app.url, message('help', { expectReplies: true }));
  expect(next.status).toBe(200);
  expect((next.body as { activities: unknown[] }).activities).toHaveLength(1);
});
