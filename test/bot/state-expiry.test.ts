// The expiry sweep and the storage health, each on its own with a storage that answers on cue.
import { createLogger } from '../../src/logger';
import { startExpirySweep } from '../../src/bot/state-expiry';
import { failureCode, StorageHealth } from '../../src/bot/storage-health';

const logger = createLogger('silent');
const DAY = 24 * 60 * 60 * 1000;

describe('the expiry sweep', () => {
  it('deletes what is older than STATE_TTL_DAYS, at start and then on every tick until stopped', async () => {
    const cutoffs: Date[] = [];
    const now = Date.parse('2026-11-26T12:00:00Z');
    const sweep = startExpirySweep({
      deleteOlderThan: async (cutoff) => (cutoffs.push(cutoff), 0),
      ttlDays: 30,
      logger,
      everyMs: 20,
      now: () => now,
    });
    await new Promise((resolve) => setTimeout(resolve, 90));
    sweep.stop();
    const runs = cutoffs.length;
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(cutoffs[0]!.toISOString()).toBe(new Date(now - 30 * DAY).toISOString());
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(cutoffs).toHaveLength(runs);
  });

  it('keeps going after a sweep fails', async () => {
    let calls = 0;
    const sweep = startExpirySweep({
      deleteOlderThan: async () => {
        calls += 1;
        if (calls === 1) throw new Error('SQLITE_BUSY');
        return 3;
      },
      ttlDays: 1,
      logger,
      everyMs: 60_000,
    });
    // The sweep at start is still running: asking for one joins it, and it fails.
    expect(await sweep.sweep()).toBe(0);
    expect(await sweep.sweep()).toBe(3);
    sweep.stop();
  });
});

describe('the storage health', () => {
  it('names a failure by its code, and turns ok once a probe succeeds', async () => {
    let down = true;
    const health = new StorageHealth({
      kind: 'blob',
      logger,
      probe: async () => {
        if (down)
          throw Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), {
            code: 'ECONNREFUSED',
          });
      },
    });
    expect(await health.check()).toMatchObject({
      kind: 'blob',
      status: 'failing',
      error: 'ECONNREFUSED',
    });
    down = false;
    expect(await health.check()).toEqual({ kind: 'blob', status: 'ok' });
  });

  it('gives up on a probe that hangs', async () => {
    const health = new StorageHealth({
      kind: 'blob',
      logger,
      probeTimeoutMs: 50,
      probe: () => new Promise(() => undefined),
    });
    expect(await health.check()).toMatchObject({ status: 'failing', error: 'ETIMEDOUT' });
  });

  it.each([
    [Object.assign(new Error('x'), { code: 'SQLITE_FULL' }), 'SQLITE_FULL'],
    [Object.assign(new Error('x'), { statusCode: 403 }), 'HTTP_403'],
    [Object.assign(new Error('x'), { code: 'has spaces and https://host' }), 'Error'],
    [new TypeError('x'), 'TypeError'],
  ])('reports %p as %s, never its message', (error, code) => {
    expect(failureCode(error)).toBe(code);
  });
});
