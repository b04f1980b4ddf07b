// The embedded store keeps botbuilder's Storage contract, including optimistic concurrency by eTag.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Database from 'better-sqlite3';
import path from 'node:path';
import { EtagConflictError, SqliteStorage } from '../../src/bot/sqlite.storage';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'amlg-sqlite-'));
  file = path.join(dir, 'nested', 'state.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('SqliteStorage', () => {
  it('reads back what it wrote, with an eTag, and forgets what it deleted', async () => {
    const storage = new SqliteStorage(file);
    await storage.write({ a: { step: 'region', picks: ['compute'] }, b: { n: 1 } });
    const read = await storage.read(['a', 'b', 'missing']);
    expect(read.a).toMatchObject({ step: 'region', picks: ['compute'] });
    expect(typeof read.a!.eTag).toBe('string');
    expect(read.missing).toBeUndefined();
    await storage.delete(['a']);
    expect(Object.keys(await storage.read(['a', 'b']))).toEqual(['b']);
    storage.close();
  });

  it('keeps data across reopening the file', async () => {
    const first = new SqliteStorage(file);
    await first.write({ k: { value: 'kept' } });
    first.close();
    const second = new SqliteStorage(file);
    expect((await second.read(['k'])).k).toMatchObject({ value: 'kept' });
    second.close();
  });

  it('rejects a write based on a stale eTag and keeps the newer value', async () => {
    const storage = new SqliteStorage(file);
    await storage.write({ k: { v: 1 } });
    const { k: seenByA } = await storage.read(['k']);
    const { k: seenByB } = await storage.read(['k']);
    await storage.write({ k: { ...seenByA, v: 2 } });
    await expect(storage.write({ k: { ...seenByB, v: 3 } })).rejects.toThrow(EtagConflictError);
    expect((await storage.read(['k'])).k).toMatchObject({ v: 2 });
    storage.close();
  });

  it('creates an item only while there is none', async () => {
    const storage = new SqliteStorage(file);
    await storage.create('k', { v: 1 });
    await expect(storage.create('k', { v: 2 })).rejects.toThrow(EtagConflictError);
    expect((await storage.read(['k'])).k).toMatchObject({ v: 1 });
    storage.close();
  });

  it('lets eTag "*" overwrite, as botbuilder state does', async () => {
    const storage = new SqliteStorage(file);
    await storage.write({ k: { v: 1 } });
    await storage.write({ k: { v: 2, eTag: '*' } });
    expect((await storage.read(['k'])).k).toMatchObject({ v: 2 });
    storage.close();
  });

  it('writes all keys of a batch or none', async () => {
    const storage = new SqliteStorage(file);
    await storage.write({ a: { v: 1 } });
    await expect(storage.write({ a: { v: 2, eTag: 'stale' }, b: { v: 1 } })).rejects.toThrow(
      /eTag conflict for key "a"/,
    );
    expect(Object.keys(await storage.read(['a', 'b']))).toEqual(['a']);
    storage.close();
  });

  it('deletes only items last written before the cutoff, finding them by an index', async () => {
    const storage = new SqliteStorage(file);
    await storage.write({ old: { v: 1 }, recent: { v: 2 } });
    const db = new Database(file);
    db.prepare("UPDATE bot_state SET updated_at = '2026-01-01 00:00:00' WHERE key = 'old'").run();
    db.prepare(
      "UPDATE bot_state SET updated_at = '2026-03-01 00:00:00' WHERE key = 'recent'",
    ).run();
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT rowid FROM bot_state WHERE updated_at < '2026-02-01'")
      .all() as { detail: string }[];
    expect(plan.map((row) => row.detail).join()).toContain('bot_state_updated_at');
    db.close();

    expect(await storage.deleteOlderThan(new Date('2026-02-01T00:00:00Z'))).toBe(1);
    expect(Object.keys(await storage.read(['old', 'recent']))).toEqual(['recent']);
    storage.close();
  });

  it('sweeps a large backlog in batches', async () => {
    const storage = new SqliteStorage(file);
    const many = Object.fromEntries(Array.from({ length: 1203 }, (_, i) => [`k${i}`, { i }]));
    await storage.write(many);
    expect(await storage.deleteOlderThan(new Date(Date.now() + 60_000), 500)).toBe(1203);
    expect(await storage.read(['k0', 'k1202'])).toEqual({});
    storage.close();
  });
});
