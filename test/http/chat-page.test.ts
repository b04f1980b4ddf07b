// The chat page's channel through the real server: the page and Web Chat are served in local mode
// only; a conversation greets, replays after a reload and resumes after a dropped stream; typed
// text, Action.Submit and Action.Execute reach the bot; messages the bot sends on its own arrive
// through the local connector endpoint; and what the endpoints receive is checked.
import { readFileSync } from 'node:fs';
import { message, post } from '../support/activities';
import { startTestApp, type TestApp } from '../support/app';
import { cardText } from '../support/card-validation';
import { cardsOf, newConversation, PAGE_USER, postJson, readEvents } from '../support/chat-channel';
import { buttonsOf } from '../support/teams-client';
import { webChatBundlePath } from '../../src/server/webchat';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app.close());

const say = (conversationId: string, text: string) =>
  postJson(`${app.url}/webchat/conversations/${conversationId}/activities`, {
    type: 'message',
    from: PAGE_USER,
    text,
    channelData: { clientActivityID: `client-${text}` },
  });

describe('the page in local mode', () => {
  it.each([
    ['/', 'text/html', '/webchat/webchat.js'],
    ['/webchat/chat.js', 'text/javascript', 'EventSource'],
    ['/webchat/teams-hostconfig.json', 'application/json', '"fontFamily"'],
  ])('GET %s serves %s', async (path, type, content) => {
    const res = await fetch(`${app.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(type);
    expect(await res.text()).toContain(content);
  });

  it('serves Web Chat from the installed package, not a CDN', async () => {
    const res = await fetch(`${app.url}/webchat/webchat.js`);
    const served = Buffer.from(await res.arrayBuffer());
    expect(served.equals(readFileSync(webChatBundlePath()))).toBe(true);
    expect(readFileSync(`${__dirname}/../../web/index.html`, 'utf8')).not.toMatch(/https?:\/\//);
  });

  it('says where the page is', () => {
    expect(app.chatPage).toBe(`http://localhost:${app.port}/`);
  });
});

describe('the page in Teams mode', () => {
  it('is not served, nor is its channel', async () => {
    const teams = await startTestApp({
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'secret',
    });
    try {
      for (const path of ['/', '/webchat/webchat.js', '/webchat/conversations/x']) {
        expect((await fetch(`${teams.url}${path}`)).status).toBe(404);
      }
      const created = await postJson(`${teams.url}/webchat/conversations`, { user: PAGE_USER });
      expect(created.status).toBe(404);
      expect(teams.chatPage).toBeUndefined();
    } finally {
      await teams.close();
    }
  });
});

describe('a conversation on the page', () => {
  it('greets with the welcome card, then answers a typed question after its echo', async () => {
    const id = await newConversation(app.url);
    expect((await say(id, 'what is port 44224 for')).status).toBe(200);

    const [welcome, echo, answer] = await readEvents(app.url, id, { count: 3 });
    expect(cardText(cardsOf(welcome!.activity)[0])).toContain('Start the wizard');
    expect(echo!.activity).toMatchObject({
      text: 'what is port 44224 for',
      from: { id: PAGE_USER.id, role: 'user' },
      channelData: { clientActivityID: 'client-what is port 44224 for' },
    });
    expect(cardText(cardsOf(answer!.activity)[0])).toContain('44224');
    expect(answer!.activity['from']).toMatchObject({ role: 'bot' });
    // Web Chat orders the conversation by this number.
    const order = [welcome, echo, answer].map(
      (e) => (e!.activity['channelData'] as Record<string, number>)['webchat:sequence-id'],
    );
    expect(order).toEqual([1, 2, 3]);
  });

  it('replays from the start for a reloaded page and resumes after the last event seen', async () => {
    const id = await newConversation(app.url);
    await say(id, 'help');
    const all = await readEvents(app.url, id, { count: 3 });
    expect(all).toHaveLength(3);
    await say(id, 'scenarios');
    const resumed = await readEvents(app.url, id, { count: 2, after: all[2]!.version });
    expect(resumed.map((e) => e.activity['text'] ?? 'card')).toEqual(['scenarios', 'card']);
  });

  it('runs an Action.Execute as Teams does: the answer replaces the clicked card', async () => {
    const id = await newConversation(app.url);
    await say(id, 'start');
    const events = await readEvents(app.url, id, { count: 3 });
    const wizard = events[2]!;
    const next = buttonsOf(cardsOf(wizard.activity)[0]).find((b) => b.title === 'Next')!;
    expect(next.type).toBe('Action.Execute');

    const clicked = await postJson(`${app.url}/webchat/conversations/${id}/activities`, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      from: PAGE_USER,
      replyToId: wizard.activity.id,
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'wizard.answer',
          data: { ...next.data, picks: 'compute' },
        },
      },
    });
    expect(clicked.status).toBe(200);

    const [updated] = await readEvents(app.url, id, { count: 1, after: wizard.version });
    expect(updated!.activity.id).toBe(wizard.activity.id);
    expect(cardText(cardsOf(updated!.activity)[0])).toContain('Which Azure region');
    // A reloaded page sees the card as it is now, in its old place.
    const replay = await readEvents(app.url, id, { count: 3 });
    expect(replay.map((e) => e.activity.id)).toEqual(events.map((e) => e.activity.id));
    expect(cardText(cardsOf(replay[2]!.activity)[0])).toContain('Which Azure region');
  });

  it('shows what the bot sends on its own, through the local connector endpoint', async () => {
    const id = await newConversation(app.url);
    // A turn without expectReplies: the bot answers by posting to the conversation's serviceUrl.
    const turn = await post(
      app.url,
      message('help', { conversationId: id, serviceUrl: `${app.url}/`, from: PAGE_USER }),
    );
    expect(turn.status).toBe(200);
    const [, help] = await readEvents(app.url, id, { count: 2 });
    expect(cardText(cardsOf(help!.activity)[0])).toContain('scenarios');

    const replaced = await postJson(
      `${app.url}/v3/conversations/${id}/activities/${encodeURIComponent(help!.activity.id)}`,
      { type: 'message', text: 'updated by the bot', channelData: { note: 'x' } },
      'PUT',
    );
    expect(replaced.body).toEqual({ id: help!.activity.id });
    const [update] = await readEvents(app.url, id, { count: 1, after: help!.version });
    expect(update!.activity).toMatchObject({
      id: help!.activity.id,
      text: 'updated by the bot',
      channelData: help!.activity['channelData'],
    });
  });
});

describe('what the endpoints receive is checked', () => {
  let id: string;
  beforeAll(async () => {
    id = await newConversation(app.url);
  });

  const activities = () => `${app.url}/webchat/conversations/${id}/activities`;

  it.each([
    [
      'an unknown type',
      { type: 'event', from: PAGE_USER },
      'expected "type" to be "message" or "invoke"',
    ],
    [
      'a message without text or value',
      { type: 'message', from: PAGE_USER, text: ' ' },
      'expected "text"',
    ],
    ['no sender', { type: 'message', text: 'hi' }, 'from:'],
    [
      'a message that is too long',
      { type: 'message', from: PAGE_USER, text: 'x'.repeat(4001) },
      'at most 4000 characters',
    ],
    [
      'an invoke that is not Action.Execute',
      {
        type: 'invoke',
        name: 'adaptiveCard/action',
        from: PAGE_USER,
        replyToId: 'a',
        value: { action: { type: 'Action.Submit', data: {} } },
      },
      'value.action.type',
    ],
    ['a body that is not JSON', '{"type":', 'not valid JSON'],
  ])('%s gets 400 saying what is wrong', async (_what, body, problem) => {
    const res = await postJson(activities(), body);
    expect(res.status).toBe(400);
    expect(String(res.body['error'])).toContain(problem);
  });

  it.each([
    ['/webchat/conversations', {}, 400, 'user'],
    [
      '/webchat/conversations/not-ours/activities',
      { type: 'message', text: 'hi' },
      400,
      'conversation id',
    ],
    [
      '/webchat/conversations/webchat-00000000-0000-0000-0000-000000000000/activities',
      { type: 'message', from: PAGE_USER, text: 'hi' },
      404,
      'no such conversation',
    ],
    ['/v3/conversations/{id}/activities', { text: 'no type' }, 400, 'type'],
  ])('POST %s with %j gets %i', async (path, body, status, problem) => {
    const res = await postJson(`${app.url}${path.replace('{id}', id)}`, body);
    expect(res.status).toBe(status);
    expect(String(res.body['error'])).toContain(problem);
  });

  it('refuses a body that is not JSON by its content type', async () => {
    const res = await fetch(activities(), { method: 'POST', body: 'hello' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'expected Content-Type: application/json' });
  });
});
