// Opens the storage that conversation state lives in, as STORAGE says, and checks that it can be
// written to. A problem that only the operator can fix stops startup with the setting to fix.
import path from 'node:path';
import type { Storage } from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { BlobStorage, BlobSettingError } from './blob.storage';
import { SqliteStorage } from './sqlite.storage';
import { startExpirySweep, type ExpirySweep } from './state-expiry';
import { StorageHealth } from './storage-health';
import { VersionedStore } from './versioned.store';

/** Startup cannot continue; the message names the setting and what is wrong with it. */
export class StartupError extends Error {}

export interface StateStorage {
  storage: Storage;
  kind: string;
  /** Present when the storage expires old state itself (SQLite); Blob Storage uses a lifecycle policy. */
  deleteOlderThan?: (cutoff: Date) => Promise<number>;
  close(): void;
}

/** A small write that fails when the storage cannot save state: the health probe. */
export async function probeWrite(storage: Storage): Promise<void> {
  await storage.write({ 'aml-network-guide/health': { checkedAt: new Date().toISOString() } });
}

function reason(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : String(error);
  return typeof code === 'string' && !text.startsWith(code) ? `${code}: ${text}` : text;
}

function openSqlite(config: Config): StateStorage {
  const file = path.resolve(config.DATA_DIR, 'bot-state.sqlite');
  try {
    const storage = new SqliteStorage(file);
    return {
      storage,
      kind: 'sqlite',
      deleteOlderThan: (cutoff) => storage.deleteOlderThan(cutoff),
      close: () => storage.close(),
    };
  } catch (error) {
    throw new StartupError(`DATA_DIR=${config.DATA_DIR} is not writable (${reason(error)})`);
  }
}

function openBlob(config: Config): StateStorage {
  try {
    const storage = new BlobStorage(config.BLOB_CONNECTION_STRING ?? '', config.BLOB_CONTAINER);
    return { storage, kind: 'blob', close: () => undefined };
  } catch (error) {
    if (error instanceof BlobSettingError) throw new StartupError(error.message);
    throw error;
  }
}

function openStateStorage(config: Config): StateStorage {
  return config.STORAGE === 'blob' ? openBlob(config) : openSqlite(config);
}

/**
 * An embedded file that cannot be written now will not heal by itself: stop. A remote store may be
 * down for a moment: say so in /healthz and keep serving what needs no state.
 */
async function checkWritable(config: Config, opened: StateStorage): Promise<unknown> {
  try {
    await probeWrite(opened.storage);
    return undefined;
  } catch (error) {
    if (opened.kind === 'sqlite') {
      throw new StartupError(`DATA_DIR=${config.DATA_DIR} is not writable (${reason(error)})`);
    }
    return error;
  }
}

export interface ConversationStateStorage {
  kind: string;
  store: VersionedStore;
  health: StorageHealth;
  sweep?: ExpirySweep;
  close(): void;
}

/** Tests may bring their own storage; its class name is then the kind /healthz reports. */
function adopt(storage: Storage & { close?: () => void }): StateStorage {
  return {
    storage,
    kind: storage.constructor.name,
    deleteOlderThan:
      storage instanceof SqliteStorage ? (cutoff) => storage.deleteOlderThan(cutoff) : undefined,
    close: () => storage.close?.(),
  };
}

/** The storage STORAGE names, checked, with its health and (where it applies) the expiry sweep. */
export async function openConversationState(
  config: Config,
  logger: Logger,
  given?: Storage & { close?: () => void },
): Promise<ConversationStateStorage> {
  const opened = given ? adopt(given) : openStateStorage(config);
  const health = new StorageHealth({
    kind: opened.kind,
    probe: () => probeWrite(opened.storage),
    logger,
  });
  try {
    const problem = await checkWritable(config, opened);
    if (problem !== undefined) health.failed(problem);
  } catch (error) {
    opened.close();
    throw error;
  }
  const sweep = opened.deleteOlderThan
    ? startExpirySweep({
        deleteOlderThan: opened.deleteOlderThan,
        ttlDays: config.STATE_TTL_DAYS,
        logger,
      })
    : undefined;
  return {
    kind: opened.kind,
    store: new VersionedStore(opened.storage, health),
    health,
    sweep,
    close: () => {
      sweep?.stop();
      opened.close();
    },
  };
}
