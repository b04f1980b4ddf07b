// The embedded store keeps botbuilder's Storage contract, including optimistic concurrency by eTag.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
});
