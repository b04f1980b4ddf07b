// An NSG attached as a file in a Teams 1:1 chat: the bot downloads it from the link Teams sends
// (here a real HTTP server on 127.0.0.1) and answers with a verdict per flow.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import type { Activity } from 'botbuilder';
import { projectPath } from '../../src/paths';
import { TEAMS_DOWNLOADS } from '../../src/conversation/commands.flow';
import { message, type Scope } from '../support/activities';
import { cardsIn, cardText } from '../support/card-validation';
import { createTestBot } from '../support/test-bot';

const nsg = readFileSync(projectPath('test', 'nsg-check', '__fixtures__', 'nsg-show.json'));
const MAX = 64 * 1024;

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/nsg.json') return res.end(nsg);
    if (req.url === '/endless') {
      // No content-length: the cap has to hold while reading.
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      for (let i = 0; i < 8; i++) res.write(chunk);
      return res.end();
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function attach(path: string, text: string, scope: Scope = 'personal', name = 'nsg.json') {
  const { adapter } = createTestBot(undefined, undefined, {
    downloads: { ...TEAMS_DOWNLOADS, maxBytes: MAX, allowed: (u) => u.hostname === '127.0.0.1' },
  });
  const activity = {
    ...message(text, { scope }),
    attachments: [
      {
        contentType: 'application/vnd.microsoft.teams.file.download.info',
        name,
        contentUrl: `${base}${path}`,
        content: { downloadUrl: `${base}${path}`, uniqueId: 'f1', fileType: 'json' },
      },
    ],
  };
  adapter.activeQueue.splice(0);
  await adapter.processActivity(activity as Partial<Activity>);
  const replies = adapter.activeQueue.splice(0);
  return {
    texts: replies
      .map((r) => r.text)
      .filter(Boolean)
      .join(' '),
    cards: cardsIn(replies).map(cardText).join('\n'),
  };
}

describe('an NSG attached as a file', () => {
  it('is downloaded and checked for the scenarios named in the message', async () => {
    const { cards } = await attach('/nsg.json', 'compute westeurope');
    expect(cards).toContain('NSG check: ml-compute-nsg');
    expect(cards).toContain('Blocked: Outbound to AzureMachineLearning, UDP 5831');
  });

  it.each([
    ['/endless', 'The file is larger than 66 KB'],
    ['/missing', "I couldn't download the file (HTTP 404)"],
  ])('%s: the bot says what went wrong, without the link', async (path, error) => {
    const { texts } = await attach(path, 'compute');
    expect(texts).toContain(error);
    expect(texts).not.toContain(base);
  });

  it('a link the policy does not allow is not opened', async () => {
    const { adapter } = createTestBot();
    const activity = {
      ...message('compute'),
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'nsg.json',
          content: { downloadUrl: `${base}/nsg.json` },
        },
      ],
    };
    await adapter.processActivity(activity as Partial<Activity>);
    const replies = adapter.activeQueue.splice(0);
    expect(replies.map((r) => r.text).join(' ')).toContain('not a link I can open');
  });

  it('a file that is not JSON or text is not taken for an NSG', async () => {
    const { texts, cards } = await attach(
      '/nsg.json',
      'what is port 44224 for',
      'personal',
      'diagram.png',
    );
    expect(cards).not.toContain('NSG check');
    expect(`${texts} ${cards}`).toContain('44224');
  });

  it('outside a 1:1 chat the bot asks for a paste instead', async () => {
    const { texts } = await attach('/nsg.json', 'compute', 'channel');
    expect(texts).toContain('Attach the file in a 1:1 chat with me, or paste its content.');
  });
});
