// Stopping the bot (SIGTERM from the platform, Ctrl+C locally) lets the turns in flight finish first.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { message, post } from '../support/activities';
import { startFakeChannel } from '../support/fake-channel';
import { startBotProcess } from '../support/process';

describe.each<NodeJS.Signals>(['SIGTERM', 'SIGINT'])('on %s', (signal) => {
  it('answers health with 503, finishes the turn in flight, and exits 0', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'amlg-stop-'));
    const slowChannel = await startFakeChannel(1500);
    const bot = await startBotProcess({ DATA_DIR: dataDir });
    try {
      const inFlight = post(bot.url, message('help', { serviceUrl: slowChannel.url }));
      await slowChannel.waitFor(0);
      await new Promise((r) => setTimeout(r, 300));
      const exitCode = bot.stop(signal);
      await new Promise((r) => setTimeout(r, 200));

      const health = await fetch(`${bot.url}/healthz`);
      expect(health.status).toBe(503);
      const refused = await post(bot.url, message('help', { expectReplies: true }));
      expect(refused.status).toBe(503);

      expect((await inFlight).status).toBe(200);
      expect(slowChannel.replies).toHaveLength(1);
      expect(await exitCode).toBe(0);
      expect(bot.output()).toContain('"msg":"stopped"');
    } finally {
      await bot.stop('SIGKILL');
      await slowChannel.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
