// Files in a Teams 1:1 chat, against a real HTTP server on 127.0.0.1 standing in for OneDrive: an
// NSG attached as a file is downloaded and checked; commands the person accepts as a file are
// uploaded to the link Teams gives and shown as a file card.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import type { Activity } from 'botbuilder';
import { projectPath } from '../../src/paths';
import { TEAMS_DOWNLOADS } from '../../src/conversation/commands.flow';
import { message, type Scope } from '../support/activities';
import { cardsIn, cardText } from '../support/card-validation';
import { createTestBot } from '../support/test-bot';
import { newConversationId, TeamsClient } from '../support/teams-client';

const nsg = readFileSync(projectPath('test', 'nsg-check', '__fixtures__', 'nsg-show.json'));
const MAX = 64 * 1024;

let server: Server;
let base: string;
const uploads: { range?: string; body: string }[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.method === 'PUT' && req.url === '/upload') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        uploads.push({
          range: req.headers['content-range'],
          body: Buffer.concat(chunks).toString(),
        });
        res.statusCode = 201;
        res.end();
      });
      return;
    }
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

/** The bot, allowed to reach the local server as it would Teams' HTTPS links. */
const localBot = () =>
  createTestBot(undefined, undefined, {
    downloads: { ...TEAMS_DOWNLOADS, maxBytes: MAX, allowed: (u) => u.hostname === '127.0.0.1' },
  });

async function attach(path: string, text: string, scope: Scope = 'personal', name = 'nsg.json') {
  const { adapter } = localBot();
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
  await adapter.processActivity(activity as unknown as Partial<Activity>);
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
    await adapter.processActivity(activity as unknown as Partial<Activity>);
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

describe('commands accepted as a file', () => {
  const request = {
    source: { kind: 'scenario', id: 'compute' },
    format: 'terraform',
    start: '200',
  };
  const consent = (action: 'accept' | 'decline', uploadUrl = `${base}/upload`) => ({
    type: 'fileUpload',
    action,
    context: request,
    uploadInfo: {
      name: 'aml-security-rules.tf',
      uploadUrl,
      contentUrl: 'https://contoso-my.sharepoint.com/personal/alice/aml-security-rules.tf',
      uniqueId: 'file-1',
      fileType: 'tf',
    },
  });

  async function answer(value: object) {
    const { adapter } = localBot();
    const client = new TeamsClient(adapter, { conversationId: newConversationId() });
    return client.invoke('fileConsent/invoke', value);
  }

  it('accepted: the text is uploaded in one range and Teams shows the file', async () => {
    uploads.splice(0);
    const turn = await answer(consent('accept'));
    expect(turn.invokeStatus).toBe(200);
    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.body).toMatch(/^resource "azurerm_network_security_rule"/m);
    expect(uploads[0]!.body).toContain('priority                    = 200');
    const size = Buffer.byteLength(uploads[0]!.body);
    expect(uploads[0]!.range).toBe(`bytes 0-${size - 1}/${size}`);
    const info = turn.raw.flatMap((a) => a.attachments ?? [])[0];
    expect(info).toMatchObject({
      contentType: 'application/vnd.microsoft.teams.card.file.info',
      name: 'aml-security-rules.tf',
      content: { uniqueId: 'file-1', fileType: 'tf' },
    });
  });

  it('declined: the bot says the commands stay in the card', async () => {
    const turn = await answer(consent('decline'));
    expect(turn.invokeStatus).toBe(200);
    expect(turn.texts.join(' ')).toContain('No file then');
  });

  it('a failed upload is said, without the link', async () => {
    const turn = await answer(consent('accept', `${base}/missing`));
    expect(turn.texts.join(' ')).toContain("I couldn't upload the file");
    expect(turn.texts.join(' ')).not.toContain(base);
  });

  it('a tampered answer is refused', async () => {
    const turn = await answer({ type: 'fileUpload', action: 'accept', context: { source: 'all' } });
    expect(turn.invokeStatus).toBe(200);
    expect(turn.texts.join(' ')).toContain("couldn't read that answer");
  });
});
