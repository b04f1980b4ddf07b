// Secrets never reach the logs: not the bot's client secret, not a caller's token.
import { Writable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger } from '../../src/logger';
import { message, post } from '../support/activities';
import { startBotProcess } from '../support/process';

function captureLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger('info', sink), lines };
}

describe('logs', () => {
  it('redact the client secret and Authorization headers wherever they appear', () => {
    const { logger, lines } = captureLogger();
    logger.info(
      { config: { MicrosoftAppPassword: 'pw-123' }, MicrosoftAppPassword: 'pw-456' },
      'a',
    );
    logger.info({ req: { headers: { authorization: 'Bearer tok-789' } } }, 'b');
    logger.info({ headers: { Authorization: 'Bearer tok-000' } }, 'c');
    const all = lines.join('');
    for (const secret of ['pw-123', 'pw-456', 'tok-789', 'tok-000'])
      expect(all).not.toContain(secret);
    expect(all).toContain('[redacted]');
  });

  it('of a bot in Teams mode that rejects a bad token contain neither secret nor token', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'amlg-log-'));
    const bot = await startBotProcess({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'trace',
      MicrosoftAppId: '00000000-0000-0000-0000-00000000abcd',
      MicrosoftAppPassword: 'very-secret-client-secret',
      MicrosoftAppType: 'MultiTenant',
    });
    try {
      const refusals = ['Bearer forged.token.value', 'Basic dXNlcjpwYXNz', ''];
      for (const authorization of refusals) {
        const res = await post(bot.url, message('help'), authorization ? { authorization } : {});
        expect(res.status).toBe(401);
      }
      await bot.stop();
      expect(bot.output()).toContain('Teams mode');
      expect(bot.output()).not.toContain('very-secret-client-secret');
      expect(bot.output()).not.toContain('forged.token.value');
      expect(bot.output()).not.toContain('dXNlcjpwYXNz');

      // Every line is one JSON object (the bot SDK's own printing included), and each refused
      // request is one line.
      const lines = bot.output().trim().split('\n');
      const entries = lines.map((line) => JSON.parse(line) as { msg: string });
      const refused = entries.filter((e) => e.msg.startsWith('request refused'));
      expect(refused).toHaveLength(refusals.length);
    } finally {
      await bot.stop('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
