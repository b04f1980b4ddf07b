// Whether conversation state can be saved right now, for /healthz. Turns report what their reads and
// writes did; /healthz also probes the storage (at most once a second, and on every check while it
// is failing), so the status turns back to ok by itself once the storage returns.
import type { Logger } from '../logger';

export interface StorageStatus {
  kind: string;
  status: 'ok' | 'failing';
  /** A short code such as ECONNREFUSED or SQLITE_FULL; never a message that could carry a secret. */
  error?: string;
  since?: string;
}

export interface StorageHealthOptions {
  kind: string;
  /** Writes something small to the storage; throws when it cannot. */
  probe: () => Promise<void>;
  logger: Logger;
  probeTimeoutMs?: number;
  probeEveryMs?: number;
  now?: () => number;
}

/** A code that names the failure without repeating its message (which may hold a host or a path). */
export function failureCode(error: unknown): string {
  const { code, statusCode, name } = (error ?? {}) as {
    code?: unknown;
    statusCode?: unknown;
    name?: unknown;
  };
  if (typeof code === 'string' && /^[A-Za-z0-9_]{1,40}$/.test(code)) return code;
  if (typeof statusCode === 'number') return `HTTP_${statusCode}`;
  return typeof name === 'string' && name ? name : 'Error';
}

class ProbeTimeout extends Error {
  readonly code = 'ETIMEDOUT';
}

export class StorageHealth {
  private failure?: { code: string; since: number };
  private lastProbe = -Infinity;
  private probing?: Promise<void>;
  private readonly now: () => number;

  constructor(private readonly options: StorageHealthOptions) {
    this.now = options.now ?? Date.now;
  }

  succeeded(): void {
    if (!this.failure) return;
    this.options.logger.info({ storage: this.options.kind }, 'storage recovered');
    this.failure = undefined;
  }

  failed(error: unknown): void {
    if (this.failure) return;
    const code = failureCode(error);
    // One line when it starts failing, not one per turn.
    this.options.logger.error(
      { storage: this.options.kind, code, err: { message: (error as Error)?.message } },
      'storage failing: conversation state cannot be read or saved',
    );
    this.failure = { code, since: this.now() };
  }

  status(): StorageStatus {
    if (!this.failure) return { kind: this.options.kind, status: 'ok' };
    return {
      kind: this.options.kind,
      status: 'failing',
      error: this.failure.code,
      since: new Date(this.failure.since).toISOString(),
    };
  }

  /** The status after a fresh probe, unless one ran within the last second and all was well. */
  async check(): Promise<StorageStatus> {
    const fresh = this.now() - this.lastProbe < (this.options.probeEveryMs ?? 1000);
    if (this.failure || !fresh) {
      this.probing ??= this.probe().finally(() => (this.probing = undefined));
      await this.probing;
    }
    return this.status();
  }

  private async probe(): Promise<void> {
    this.lastProbe = this.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ProbeTimeout('the storage did not answer in time')),
        this.options.probeTimeoutMs ?? 3000,
      );
    });
    try {
      await Promise.race([this.options.probe(), timeout]);
      this.succeeded();
    } catch (error) {
      this.failed(error);
    } finally {
      clearTimeout(timer);
    }
  }
}
