// The chat page in the real process `npm start` runs: the start log says where it is (in local mode
// only), and a page left open with its event stream does not keep the bot from stopping.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newConversation, readEvents } from '../support/chat-channel';
import { startBotProcess } from '../support/process';

const TEAMS = {
  MicrosoftAppId: '00000000-0000-0000-0000-00000000abcd',
  MicrosoftAppPassword: 'client-secret',
};

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'amlg-page-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

it('logs the chat page address in local mode and stops cleanly with a page open', async () => {
  const bot = await startBotProcess({ DATA_DIR: dataDir });
  try {
    const port = new URL(bot.url).port;
    const line = `chat page: open http://localhost:${port}/`;
    expect(await bot.waitForOutput(line)).toContain(line);

    const conversation = await newConversation(bot.url);
    const open = fetch(`${bot.url}/webchat/conversations/${conversation}/events`);
    expect((await readEvents(bot.url, conversation, { count: 1 })).length).toBe(1);
    expect((await open).status).toBe(200);

    expect(await bot.stop()).toBe(0);
    expect(bot.output()).toContain('"msg":"stopped"');
  } finally {
    await bot.stop('SIGKILL');
  }
});

it('has no chat page in Teams mode', async () => {
  const bot = await startBotProcess({ DATA_DIR: dataDir, ...TEAMS });
  try {
    expect((await fetch(`${bot.url}/`)).status).toBe(404);
    await bot.stop();
    expect(bot.output()).not.toContain('chat page');
  } finally {
    await bot.stop('SIGKILL');
  }
});
