// The bot through its real HTTP server: a test plays the Teams channel, posting Bot Framework activities
// to /api/messages and receiving the replies on a local connector.
import { readFileSync } from 'node:fs';
import { getKnowledge, knowledgeSummary } from '../../src/knowledge';
import { projectPath } from '../../src/paths';
import { MAX_BODY_BYTES } from '../../src/server/request-body';
import { cardsIn, cardText } from '../support/card-validation';
import { installed, message, post } from '../support/activities';
import { startFakeChannel, type FakeChannel } from '../support/fake-channel';
import { startTestApp, type TestApp } from '../support/app';

let app: TestApp;
let channel: FakeChannel;

beforeAll(async () => {
  channel = await startFakeChannel();
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
  await channel.close();
});
beforeEach(() => channel.replies.splice(0));

describe('POST /api/messages', () => {
  it('answers "help" by posting the help card to the channel service', async () => {
    const res = await post(app.url, message('help', { serviceUrl: channel.url }));
    expect(res.status).toBe(200);
    const [reply] = await channel.waitFor(1);
    expect(cardText(cardsIn([reply!.activity])[0])).toContain('What I can do');
  });

  it('answers an @mention in a channel thread in the same reply chain', async () => {
    const activity = message('help', {
      scope: 'channel',
      mention: true,
      serviceUrl: channel.url,
      conversationId: '19:channel-1@thread.tacv2;messageid=1700000000000',
    });
    await post(app.url, activity);
    const [reply] = await channel.waitFor(1);
    expect(reply!.conversationId).toBe('19:channel-1@thread.tacv2;messageid=1700000000000');
    expect(reply!.replyToId).toBe(activity.id);
    expect(reply!.activity.replyToId).toBe(activity.id);
  });

  it('sends the welcome card when installed', async () => {
    await post(app.url, installed({ scope: 'groupChat', serviceUrl: channel.url }));
    const [reply] = await channel.waitFor(1);
    expect(cardText(cardsIn([reply!.activity])[0])).toContain('Start the wizard');
  });

  it('returns the replies in the response body with deliveryMode expectReplies', async () => {
    const res = await post(app.url, message('help', { expectReplies: true }));
    expect(res.status).toBe(200);
    const body = res.body as { activities: unknown[] };
    expect(cardText(cardsIn(body.activities)[0])).toContain('What I can do');
    expect(channel.replies).toHaveLength(0);
  });
});

describe('malformed requests', () => {
  it.each([
    ['a body that is not JSON', '{"type": "message",', {}, 400, /not valid JSON/],
    ['an activity without type', JSON.stringify({ text: 'hi' }), {}, 400, /"type"/],
    [
      'a non-JSON content type',
      JSON.stringify({ type: 'message' }),
      { 'content-type': 'text/plain' },
      400,
      /application\/json/,
    ],
    [
      'a body over 256 KB',
      JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) }),
      {},
      413,
      /larger than/,
    ],
  ])(
    'rejects %s with a JSON error, then serves the next request',
    async (_name, body, headers, status, error) => {
      const bad = await post(app.url, body, headers as Record<string, string>);
      expect(bad.status).toBe(status);
      expect((bad.body as { error: string }).error).toMatch(error);

      const good = await post(app.url, message('help', { expectReplies: true }));
      expect(good.status).toBe(200);
    },
  );
});

describe('GET /healthz', () => {
  it('reports status, version, storage and the knowledge date and size', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    const { version } = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as {
      version: string;
    };
    const { asOf, rules } = knowledgeSummary(getKnowledge());
    expect(await res.json()).toEqual({
      status: 'ok',
      version,
      storage: 'sqlite',
      knowledge: { asOf, rules },
    });
    expect(rules).toBeGreaterThan(50);
    expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('a pasted NSG through the real server', () => {
  const nsg = readFileSync(
    projectPath('test', 'nsg-check', '__fixtures__', 'nsg-show.json'),
    'utf8',
  );

  it('"compute westeurope {nsg}" gets a verdict per flow and the fix', async () => {
    const activity = message(`compute westeurope ${nsg}`, { serviceUrl: channel.url });
    expect((await post(app.url, activity)).status).toBe(200);
    const [reply] = await channel.waitFor(1);
    const text = cardText(cardsIn([reply!.activity])[0]);
    expect(text).toContain('NSG check: ml-compute-nsg');
    expect(text).toContain('Blocked: Outbound to MicrosoftContainerRegistry, TCP 443');
  });

  it('a paste larger than a request may be is refused with 413', async () => {
    const huge = `compute [${'{"name": "r"},'.repeat(MAX_BODY_BYTES / 10)}{}]`;
    const res = await post(app.url, message(huge, { serviceUrl: channel.url }));
    expect(res.status).toBe(413);
  });
});
