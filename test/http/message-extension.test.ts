// "Find network rules" in the compose box: Teams posts composeExtension/query invokes to the bot.
import { cardProblems, cardText } from '../support/card-validation';
import { invoke, post } from '../support/activities';
import { startTestApp, type TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

interface Result {
  type: string;
  text?: string;
  attachments?: {
    content: Record<string, unknown>;
    preview: { content: { title: string; text: string } };
  }[];
}

async function search(query: string | undefined, queryOptions = { skip: 0, count: 10 }) {
  const parameters =
    query === undefined
      ? [{ name: 'initialRun', value: 'true' }]
      : [{ name: 'query', value: query }];
  const res = await post(
    app.url,
    invoke('composeExtension/query', { commandId: 'findRules', parameters, queryOptions }),
  );
  return {
    status: res.status,
    result: (res.body as { composeExtension: Result }).composeExtension,
  };
}

const titles = (r: Result) => (r.attachments ?? []).map((a) => a.preview.content.title);

describe('the message extension', () => {
  it('lists the scenarios when opened', async () => {
    const { status, result } = await search(undefined);
    expect(status).toBe(200);
    expect(result.type).toBe('result');
    expect(titles(result)).toHaveLength(6);
    expect(titles(result)[0]).toMatch(/studio/i);
  });

  it.each([
    ['44224', /AzureMachineLearning/],
    ['AzureMachineLearning', /AzureMachineLearning/],
    ['Storage.westeurope', /Storage\.<region>/],
    ['compute cluster', /compute/i],
    ['ImageBuildComputeNotValid', /image/i],
  ])('finds "%s"', async (query, expected) => {
    const { status, result } = await search(query);
    expect(status).toBe(200);
    expect(result.type).toBe('result');
    expect(titles(result).join('\n')).toMatch(expected);
    for (const attachment of result.attachments ?? []) {
      expect(cardProblems(attachment.content)).toEqual([]);
      expect(cardText(attachment.content).length).toBeGreaterThan(0);
    }
  });

  it.each(['AzureMachineLearning', '44224', 'storage', 'compute cluster'])(
    '"%s": no two results insert the same card, and every title starts with a capital',
    async (query) => {
      const { result } = await search(query, { skip: 0, count: 25 });
      const cards = (result.attachments ?? []).map((a) => JSON.stringify(a.content.body));
      expect(new Set(cards).size).toBe(cards.length);
      for (const title of titles(result)) expect(title).toMatch(/^[^a-z]/);
    },
  );

  it('inserts a card for the chat: no personal feedback, no wizard buttons, one source', async () => {
    const { result } = await search('AzureMachineLearning', { skip: 0, count: 25 });
    for (const attachment of result.attachments ?? []) {
      const json = JSON.stringify(attachment.content);
      expect(json).not.toContain('"action":"feedback"');
      expect(json).not.toContain('"action":"wizard.');
      expect(json.match(/learn\.microsoft\.com/g) ?? []).toHaveLength(1);
      expect(attachment.content.fallbackText).toMatch(/\w/);
    }
  });

  it('says so when nothing matches', async () => {
    const { result } = await search('zzqqxx-nothing');
    expect(result).toEqual({ type: 'message', text: expect.stringContaining('Nothing matches') });
  });

  it('pages with skip and count', async () => {
    const first = await search('storage', { skip: 0, count: 3 });
    const second = await search('storage', { skip: 3, count: 3 });
    expect(titles(first.result)).toHaveLength(3);
    expect(titles(second.result).length).toBeGreaterThan(0);
    expect(titles(second.result)).not.toEqual(titles(first.result));
  });

  it.each([
    ['no value', undefined],
    ['an unknown command', { commandId: 'deleteEverything', parameters: [] }],
    [
      'a negative skip',
      { commandId: 'findRules', parameters: [], queryOptions: { skip: -1, count: 5 } },
    ],
  ])('answers %s with 400 and keeps serving', async (_name, value) => {
    const res = await post(app.url, invoke('composeExtension/query', value));
    expect(res.status).toBe(400);
    expect((res.body as { error: string }).error).toMatch(/not a message extension query/);
    expect((await search('44224')).status).toBe(200);
  });
});
