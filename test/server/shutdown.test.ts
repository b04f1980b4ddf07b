// Stopping the bot (SIGTERM from the platform, Ctrl+C locally) lets the turns in flight finish and
// save, answers whatever else arrives with 503 and "Connection: close", and cuts stalled uploads.
import http from 'node:http';
import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { message, post } from '../support/activities';
import { cardsIn, cardText } from '../support/card-validation';
import { startFakeChannel, type FakeChannel } from '../support/fake-channel';
import { HttpTeamsClient } from '../support/http-client';
import { startBotProcess, type BotProcess } from '../support/process';
import { newConversationId } from '../support/teams-client';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let dataDir: string;
let slowChannel: FakeChannel;
const bots: BotProcess[] = [];
beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'amlg-stop-'));
  slowChannel = await startFakeChannel(1500);
});
afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.stop('SIGKILL');
  await slowChannel.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function startBot(env: Record<string, string> = {}): Promise<BotProcess> {
  const bot = await startBotProcess({ DATA_DIR: dataDir, ...env });
  bots.push(bot);
  return bot;
}

/** Starts a turn whose reply the slow channel holds for 1.5 s, and waits until it is in flight. */
async function turnInFlight(
  bot: BotProcess,
  activity = message('help', { serviceUrl: slowChannel.url }),
) {
  const answered = post(bot.url, activity);
  await pause(300);
  // Wrapped, or awaiting this function would wait for the answer too.
  return { answered };
}

/** A request on a connection that was opened (and kept alive) before the signal. */
function requestOn(agent: http.Agent, url: string, method: string, body?: string) {
  return new Promise<{ status: number; connection?: string }>((resolve, reject) => {
    const req = http.request(
      url,
      { method, agent, headers: body ? { 'content-type': 'application/json' } : {} },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe.each<NodeJS.Signals>(['SIGTERM', 'SIGINT'])('on %s', (signal) => {
  it('answers health with 503, finishes the turn in flight, and exits 0', async () => {
    const bot = await startBot();
    const { answered: inFlight } = await turnInFlight(bot);
    const exitCode = bot.stop(signal);
    await pause(200);

    const health = await fetch(`${bot.url}/healthz`);
    expect(health.status).toBe(503);
    const refused = await post(bot.url, message('help', { expectReplies: true }));
    expect(refused.status).toBe(503);

    expect((await inFlight).status).toBe(200);
    expect(slowChannel.replies).toHaveLength(1);
    expect(await exitCode).toBe(0);
    expect(bot.output()).toContain('"msg":"stopped"');
  });
});

describe('on SIGTERM', () => {
  it('answers requests on kept-alive connections with 503 and Connection: close, not a reset', async () => {
    const bot = await startBot();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
    try {
      // Two connections opened and left idle before the signal.
      await Promise.all([
        requestOn(agent, `${bot.url}/healthz`, 'GET'),
        requestOn(agent, `${bot.url}/healthz`, 'GET'),
      ]);
      const { answered: inFlight } = await turnInFlight(bot);
      const exitCode = bot.stop('SIGTERM');
      await pause(200);

      const body = JSON.stringify(message('help', { expectReplies: true }));
      const answers = await Promise.all([
        requestOn(agent, `${bot.url}/api/messages`, 'POST', body),
        requestOn(agent, `${bot.url}/healthz`, 'GET'),
      ]);
      expect(answers).toEqual([
        { status: 503, connection: 'close' },
        { status: 503, connection: 'close' },
      ]);
      expect((await inFlight).status).toBe(200);
      expect(await exitCode).toBe(0);
    } finally {
      agent.destroy();
    }
  });

  it('saves the state of the turn in flight: after a restart the wizard goes on from there', async () => {
    const conversationId = newConversationId();
    let bot = await startBot();
    const { answered: start } = await turnInFlight(
      bot,
      message('start', { serviceUrl: slowChannel.url, conversationId }),
    );
    expect(await bot.stop('SIGTERM')).toBe(0);
    expect((await start).status).toBe(200);
    const [reply] = await slowChannel.waitFor(1);
    const card = cardsIn([reply!.activity])[0];

    bot = await startBot();
    const chat = new HttpTeamsClient(() => bot.url, { conversationId });
    const next = await chat.click(card, 'Next', { picks: 'compute' });
    expect(next.status).toBe(200);
    expect(cardText(next.updated)).toContain('Which Azure region');
  });

  it('cuts a stalled upload after a short timeout instead of waiting for it', async () => {
    // A shutdown timeout far longer than the upload timeout: only the cut lets it exit early.
    const bot = await startBot({ SHUTDOWN_TIMEOUT_MS: '60000' });
    const { port, hostname } = new URL(bot.url);
    const socket = net.connect(Number(port), hostname);
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    socket.write(
      'POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"type":',
    );
    await pause(200);
    const started = Date.now();
    const exitCode = bot.stop('SIGTERM');

    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toContain('request body not received within');
    expect(await exitCode).toBe(0);
    // Bound check, not a benchmark: the cut (5 s) comes long before the shutdown timeout (60 s).
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
