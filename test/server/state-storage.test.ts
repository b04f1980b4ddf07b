// The state store as an operator meets it, with real bot processes: a DATA_DIR that cannot be
// written stops startup naming the setting and the path, a bad connection string names the setting
// and never its secret, and state older than STATE_TTL_DAYS is gone after a restart.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { cardText } from '../support/card-validation';
import { HttpTeamsClient } from '../support/http-client';
import { runToExit, startBotProcess, type BotProcess } from '../support/process';
import { newConversationId } from '../support/teams-client';

let dir: string;
const running: BotProcess[] = [];
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'amlg-state-proc-'));
});
afterAll(async () => {
  for (const bot of running) await bot.stop('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('starting with storage that cannot work', () => {
  it('a DATA_DIR that cannot be written names the setting and the path', async () => {
    // A folder inside a regular file cannot be created, even by root.
    const file = path.join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    const dataDir = path.join(file, 'data');
    const { code, output } = await runToExit({ DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(output).toContain(`DATA_DIR=${dataDir} is not writable`);
  });

  it('a connection string that is not one names the setting, never the value', async () => {
    const secret = 'AccountKey=c2VjcmV0LWtleS10aGF0LW11c3Qtbm90LWxlYWs=';
    const { code, output } = await runToExit({
      STORAGE: 'blob',
      BLOB_CONNECTION_STRING: `nonsense;${secret}`,
    });
    expect(code).toBe(1);
    expect(output).toContain(
      'BLOB_CONNECTION_STRING is not a valid Azure Storage connection string',
    );
    expect(output).not.toContain('c2VjcmV0');
  });
});

describe('conversation state older than STATE_TTL_DAYS', () => {
  /** Makes the stored state of one conversation look `days` old, as if nobody touched it since. */
  function age(dataDir: string, conversationId: string, days: number): void {
    const db = new Database(path.join(dataDir, 'bot-state.sqlite'));
    const changed = db
      .prepare(
        `UPDATE bot_state SET updated_at = datetime('now', ?) WHERE key LIKE '%/conversations/' || ? || '/%'`,
      )
      .run(`-${days} days`, conversationId);
    db.close();
    expect(changed.changes).toBe(1);
  }

  it('is swept away; younger state is kept', async () => {
    const dataDir = path.join(dir, 'ttl');
    let bot = await startBotProcess({ DATA_DIR: dataDir, STATE_TTL_DAYS: '30' });
    running.push(bot);
    const [stale, fresh] = [newConversationId(), newConversationId()];
    const people = [stale, fresh].map(
      (conversationId) => new HttpTeamsClient(() => bot.url, { conversationId }),
    );
    const cards = await Promise.all(
      people.map(async (person) => (await person.say('start')).cards[0]),
    );
    expect(await bot.stop('SIGTERM')).toBe(0);

    age(dataDir, stale, 31);
    age(dataDir, fresh, 29);
    // The sweep runs when the bot starts, then every hour.
    bot = await startBotProcess({ DATA_DIR: dataDir, STATE_TTL_DAYS: '30' });
    running.push(bot);
    expect(bot.output()).toMatch(/"deleted":1,"ttlDays":30,"msg":"expired conversation state"/);

    const expired = await people[0]!.click(cards[0], 'Next', { picks: 'compute' });
    expect(cardText(expired.updated)).toContain('That wizard has already ended');
    const kept = await people[1]!.click(cards[1], 'Next', { picks: 'compute' });
    expect(cardText(kept.updated)).toContain('Which Azure region');
    expect(await bot.stop('SIGTERM')).toBe(0);
  });
});
