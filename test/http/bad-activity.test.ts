// Activities of the wrong shape are refused before the turn with what is wrong; invokes the bot does
// not handle get a well-formed answer; in local mode replies only go to loopback addresses.
import { installed, invoke, message, post } from '../support/activities';
import { startTestApp, type TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const askHelp = () => message('help', { expectReplies: true });

describe('an activity of the wrong shape', () => {
  it.each([
    [
      'an entity without a type',
      { ...askHelp(), entities: [{}] },
      /^entities\.0\.type: expected a string "type"/,
    ],
    [
      'no sender',
      { ...askHelp(), from: undefined },
      /^from: expected the sender as an object with an "id"/,
    ],
    ['text as an array', { ...askHelp(), text: ['help'] }, /^text: expected a string/],
    [
      'members added as a string',
      { ...installed(), membersAdded: 'x' },
      /^membersAdded: expected an array of members/,
    ],
    [
      'a conversation without id',
      { ...askHelp(), conversation: {} },
      /^conversation\.id: expected a string id/,
    ],
    [
      'a serviceUrl that is not a URL',
      { ...askHelp(), serviceUrl: 'javascript:alert(1)' },
      /^serviceUrl: expected an http or https URL/,
    ],
    [
      'no recipient',
      { ...askHelp(), recipient: undefined },
      /^recipient: expected the bot as an object with an "id"/,
    ],
    ['no channel', { ...askHelp(), channelId: undefined }, /^channelId: expected a string/],
    [
      'a sender id as a number',
      { ...askHelp(), from: { id: 42 } },
      /^from\.id: expected a string id/,
    ],
  ])('with %s gets 400 saying what is wrong', async (_name, activity, problem) => {
    const res = await post(app.url, activity);
    expect(res.status).toBe(400);
    const { error } = res.body as { error: string };
    expect(error).toMatch(/^not a Bot Framework activity: /);
    expect(error.replace('not a Bot Framework activity: ', '')).toMatch(problem);
  });

  it('does not stop the next conversation', async () => {
    await post(app.url, { ...askHelp(), text: ['help'] });
    const res = await post(app.url, askHelp());
    expect(res.status).toBe(200);
    expect((res.body as { activities: unknown[] }).activities).toHaveLength(1);
  });
});

describe('an invoke the bot does not handle', () => {
  it.each([
    'task/fetch',
    'signin/verifyState',
    'composeExtension/fetchTask',
    'constructor',
    '__proto__',
    'x'.repeat(200),
  ])('"%s" gets 200 with a "not supported" body', async (name) => {
    const res = await post(app.url, invoke(name, { anything: true }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'This bot does not support that action.',
    });
  });
});

describe('in local mode', () => {
  it.each([
    ['a public host', 'https://smba.trafficmanager.net/amer/'],
    ['a private address', 'http://10.1.2.3/'],
    ['a host name that merely starts with localhost', 'http://localhost.example.com/'],
    ['an address that only looks like loopback', 'http://127.0.0.1.nip.io/'],
  ])('refuses a serviceUrl on %s with 400', async (_name, serviceUrl) => {
    const res = await post(app.url, message('help', { serviceUrl }));
    expect(res.status).toBe(400);
    expect((res.body as { error: string }).error).toMatch(/only loopback addresses/);
  });

  it('refuses a message without serviceUrl unless the replies come back in the response', async () => {
    const { serviceUrl: _omitted, ...withoutServiceUrl } = message('help');
    const res = await post(app.url, withoutServiceUrl);
    expect(res.status).toBe(400);
    expect((res.body as { error: string }).error).toMatch(/serviceUrl: required unless/);

    const inline = await post(app.url, { ...withoutServiceUrl, deliveryMode: 'expectReplies' });
    expect(inline.status).toBe(200);
    expect((inline.body as { activities: unknown[] }).activities).toHaveLength(1);
  });

  it('accepts a serviceUrl on an origin listed in LOCAL_SERVICE_URLS', async () => {
    const configured = await startTestApp({
      LOCAL_SERVICE_URLS: 'https://bot-proxy.example.invalid/, https://other.example.invalid',
    });
    try {
      // Replies come back in the response, so nothing leaves this machine.
      const listed = message('help', {
        serviceUrl: 'https://bot-proxy.example.invalid/api/',
        expectReplies: true,
      });
      expect((await post(configured.url, listed)).status).toBe(200);
      const other = message('help', { serviceUrl: 'https://example.com/', expectReplies: true });
      expect((await post(configured.url, other)).status).toBe(400);
    } finally {
      await configured.close();
    }
  });
});
