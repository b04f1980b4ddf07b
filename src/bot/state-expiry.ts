// Conversation state expires STATE_TTL_DAYS after it was last saved: a sweep at startup and then
// every hour deletes older items, so the store does not grow with every conversation ever held.
import type { Logger } from '../logger';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ExpirySweepOptions {
  deleteOlderThan: (cutoff: Date) => Promise<number>;
  ttlDays: number;
  logger: Logger;
  everyMs?: number;
  now?: () => number;
}

export interface ExpirySweep {
  /** Runs one sweep now; resolves with how many items it deleted. */
  sweep(): Promise<number>;
  stop(): void;
}

export function startExpirySweep(options: ExpirySweepOptions): ExpirySweep {
  const now = options.now ?? Date.now;
  let running: Promise<number> | undefined;

  const sweep = (): Promise<number> => {
    running ??= (async () => {
      const cutoff = new Date(now() - options.ttlDays * DAY_MS);
      try {
        const deleted = await options.deleteOlderThan(cutoff);
        if (deleted > 0) {
          options.logger.info({ deleted, ttlDays: options.ttlDays }, 'expired conversation state');
        }
        return deleted;
      } catch (error) {
        // The next sweep tries again; a failing store also shows in /healthz through the turns.
        options.logger.warn({ err: { message: (error as Error).message } }, 'expiry sweep failed');
        return 0;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  void sweep();
  const timer = setInterval(() => void sweep(), options.everyMs ?? 60 * 60 * 1000);
  // The sweep alone never keeps the process alive.
  timer.unref();
  return {
    sweep,
    stop: () => clearInterval(timer),
  };
}
