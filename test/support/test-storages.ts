// Storages for tests that need a storage to misbehave on cue: reads that meet before either turn
// writes (a race that always happens), and a storage that fails like a full disk until it is fixed.
// Both keep the real SQLite store underneath.
import type { StoreItems } from 'botbuilder';
import { SqliteStorage } from '../../src/bot/sqlite.storage';

export class TestSqliteStorage extends SqliteStorage {
  private gate?: { waiting: (() => void)[]; size: number };
  /** When set, every call fails with this code, as a full or read-only disk makes SQLite fail. */
  failWith?: string;

  /** The next `size` reads of wizard state each wait until all of them have read. */
  raceNextReads(size = 2): void {
    this.gate = { waiting: [], size };
  }

  override async read(keys: string[]): Promise<StoreItems> {
    this.fail();
    const items = await super.read(keys);
    const gate = this.gate;
    if (gate && keys.some((key) => key.includes('/conversations/'))) {
      await new Promise<void>((resolve) => {
        gate.waiting.push(resolve);
        if (gate.waiting.length === gate.size) {
          this.gate = undefined;
          gate.waiting.forEach((release) => release());
        }
      });
    }
    return items;
  }

  override async write(changes: StoreItems): Promise<void> {
    this.fail();
    return super.write(changes);
  }

  private fail(): void {
    if (this.failWith) {
      throw Object.assign(new Error(`${this.failWith}: database or disk is full`), {
        code: this.failWith,
      });
    }
  }
}
