// botbuilder's Storage contract over an embedded SQLite file, so conversations survive a restart
// without any external service. Optimistic concurrency follows the contract: a write whose eTag is
// neither '*' nor the stored one is rejected.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { StoreItems } from 'botbuilder';
import type { CreatingStorage } from './versioned.store';

export class EtagConflictError extends Error {
  constructor(key: string) {
    super(`Storage: eTag conflict for key "${key}"; the item was changed by another writer`);
  }
}

export class SqliteStorage implements CreatingStorage {
  private readonly db: Database.Database;
  private readonly selectOne: Database.Statement<[string], { value: string; etag: string }>;
  private readonly upsert: Database.Statement<[string, string, string]>;
  private readonly insert: Database.Statement<[string, string, string]>;
  private readonly remove: Database.Statement<[string]>;
  private readonly removeOld: Database.Statement<[string, number]>;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS bot_state (key TEXT PRIMARY KEY, value TEXT NOT NULL, etag TEXT NOT NULL, updated_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)',
    );
    // The expiry sweep finds old rows by this index instead of reading the whole table.
    this.db.exec('CREATE INDEX IF NOT EXISTS bot_state_updated_at ON bot_state (updated_at)');
    this.selectOne = this.db.prepare('SELECT value, etag FROM bot_state WHERE key = ?');
    this.upsert = this.db.prepare(
      'INSERT INTO bot_state (key, value, etag) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = CURRENT_TIMESTAMP',
    );
    this.insert = this.db.prepare(
      'INSERT INTO bot_state (key, value, etag) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING',
    );
    this.remove = this.db.prepare('DELETE FROM bot_state WHERE key = ?');
    this.removeOld = this.db.prepare(
      'DELETE FROM bot_state WHERE rowid IN (SELECT rowid FROM bot_state WHERE updated_at < ? LIMIT ?)',
    );
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const row = this.selectOne.get(key);
      if (row) items[key] = { ...(JSON.parse(row.value) as object), eTag: row.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    // One transaction, so a conflict on one key leaves every key as it was.
    const writeAll = this.db.transaction((entries: [string, Record<string, unknown>][]) => {
      for (const [key, item] of entries) {
        const { eTag, ...value } = item;
        if (typeof eTag === 'string' && eTag !== '*') {
          const current = this.selectOne.get(key);
          if (!current || current.etag !== eTag) throw new EtagConflictError(key);
        }
        this.upsert.run(key, JSON.stringify(value), randomUUID());
      }
    });
    writeAll(Object.entries(changes) as [string, Record<string, unknown>][]);
  }

  async create(key: string, value: Record<string, unknown>): Promise<void> {
    const { eTag: _ignored, ...item } = value;
    const { changes } = this.insert.run(key, JSON.stringify(item), randomUUID());
    if (changes === 0) throw new EtagConflictError(key);
  }

  async delete(keys: string[]): Promise<void> {
    const deleteAll = this.db.transaction((all: string[]) => {
      for (const key of all) this.remove.run(key);
    });
    deleteAll(keys);
  }

  /**
   * Deletes items last written before `cutoff`, in small batches with a pause between them, so a
   * large sweep never holds the event loop (better-sqlite3 is synchronous). Returns how many.
   */
  async deleteOlderThan(cutoff: Date, batch = 500): Promise<number> {
    // updated_at is SQLite's CURRENT_TIMESTAMP: UTC "YYYY-MM-DD HH:MM:SS", which sorts as text.
    const before = cutoff.toISOString().slice(0, 19).replace('T', ' ');
    let total = 0;
    for (;;) {
      if (!this.db.open) return total;
      const { changes } = this.removeOld.run(before, batch);
      total += changes;
      if (changes < batch) return total;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
