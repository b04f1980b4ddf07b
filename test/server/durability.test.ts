// A wizard interrupted by a restart continues where it was: state written by one bot process is read
// by the next one started on the same DATA_DIR (two real processes, the embedded SQLite store).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cardText } from '../support/card-validation';
import { HttpTeamsClient } from '../support/http-client';
import { startBotProcess, type BotProcess } from '../support/process';
import { newConversationId } from '../support/teams-client';

describe('after a restart', () => {
  let dataDir: string;
  const running: BotProcess[] = [];
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'amlg-durable-'));
  });
  afterAll(async () => {
    for (const bot of running) await bot.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the wizard continues at the step it was on', async () => {
    let bot = await startBotProcess({ DATA_DIR: dataDir });
    running.push(bot);
    const chat = new HttpTeamsClient(() => bot.url, { conversationId: newConversationId() });

    const start = await chat.say('start');
    const region = await chat.click(start.cards[0], 'Next', { picks: 'compute' });
    expect(cardText(region.updated)).toContain('Which Azure region');
    expect(await bot.stop('SIGTERM')).toBe(0);

    bot = await startBotProcess({ DATA_DIR: dataDir });
    running.push(bot);
    const next = await chat.click(region.updated, 'Next', { region: 'eastus' });
    expect(next.status).toBe(200);
    expect(cardText(next.updated)).toContain('How is outbound traffic');
    expect(cardText(next.updated)).toContain('eastus');
    expect(await bot.stop('SIGTERM')).toBe(0);
  });
});
