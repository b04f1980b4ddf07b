// State read together with its eTag and written back only if nobody changed it in between.
// botbuilder's BotState always writes with eTag "*" (last writer wins), which would let two clicks on
// the same card both succeed; this store hands the eTag that was read back to the storage instead.
import type { Storage, StoreItem } from 'botbuilder';
import type { StorageHealth } from './storage-health';

/** Another turn saved this item after we read it. */
export class StateConflictError extends Error {
  constructor(key: string) {
    super(`the state under "${key}" was changed by another turn`);
  }
}

/** The storage itself failed (unreachable, full, read-only). */
export class StateUnavailableError extends Error {
  constructor(override readonly cause: unknown) {
    super(`storage failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/**
 * A storage that can write an item only if there is none yet. Without it, two turns that both found
 * nothing would both write, and the later would silently replace the earlier.
 */
export interface CreatingStorage extends Storage {
  /** Throws an eTag conflict when the key already exists. */
  create(key: string, value: Record<string, unknown>): Promise<void>;
}

function canCreate(storage: Storage): storage is CreatingStorage {
  return typeof (storage as Partial<CreatingStorage>).create === 'function';
}

export interface Versioned {
  value: Record<string, unknown>;
  /** Absent when nothing is stored yet. */
  eTag?: string;
}

/**
 * Every Storage signals a lost race differently: our SQLite store throws its own error, botbuilder's
 * MemoryStorage and BlobsStorage throw a plain Error saying "eTag conflict", Azure answers 412.
 */
export function isEtagConflict(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (/etag conflict/i.test(error.message)) return true;
  const status = (error as { statusCode?: unknown }).statusCode;
  return status === 412;
}

export class VersionedStore {
  constructor(
    private readonly storage: Storage,
    private readonly health?: StorageHealth,
  ) {}

  async read(key: string): Promise<Versioned> {
    let items;
    try {
      items = await this.storage.read([key]);
    } catch (error) {
      this.health?.failed(error);
      throw new StateUnavailableError(error);
    }
    this.health?.succeeded();
    const stored: StoreItem | undefined = Object.hasOwn(items, key) ? items[key] : undefined;
    if (!stored) return { value: {} };
    const { eTag, ...value } = stored;
    return typeof eTag === 'string' ? { value, eTag } : { value };
  }

  /**
   * Writes `value` if the stored item still has `eTag`; without an eTag (nothing was stored when it
   * was read), only if there is still nothing, where the storage can tell; "*" overwrites.
   */
  async write(
    key: string,
    value: Record<string, unknown>,
    eTag: string | undefined,
  ): Promise<void> {
    try {
      if (eTag === undefined && canCreate(this.storage)) await this.storage.create(key, value);
      else
        await this.storage.write({ [key]: eTag === undefined ? { ...value } : { ...value, eTag } });
    } catch (error) {
      if (isEtagConflict(error)) {
        this.health?.succeeded();
        throw new StateConflictError(key);
      }
      this.health?.failed(error);
      throw new StateUnavailableError(error);
    }
    this.health?.succeeded();
  }
}
