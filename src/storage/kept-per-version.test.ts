import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../test-support/databases.js';
import { openStore, type Store } from './database.js';
import { KeptPerVersion, type CatchUp } from './kept-per-version.js';
import type { Database } from './schema.js';

/*
 * A kept value owing a catch-up is caught up when read, in a transaction of its own. A write that
 * commits while that catch-up runs leaves it reading a picture from before the write: a read made
 * after the commit must get a value with the write in it, not share the catch-up already under way.
 */
describe('a kept value owing a catch-up', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshDatabase('sqlite');
    dispose = fresh.dispose;
    store = await openStore(fresh.config);
  });
  afterAll(async () => {
    await store.close();
    await dispose();
  });

  /** Values are lists of letters; what is owed is letters to add; `version` says what the data is at. */
  function world() {
    const state = { version: 'v1' };
    const held: Array<() => void> = [];
    let holdNext = false;
    const catchUp: CatchUp<string[], undefined, string[]> = {
      add: (owed, more) => [...(owed ?? []), ...more],
      versionIn: async () => state.version,
      apply: async (_trx, { value, weight, owed }) => {
        if (holdNext) {
          holdNext = false;
          await new Promise<void>((resolve) => held.push(resolve));
        }
        return { value: [...value, ...owed], weight: weight + owed.length };
      },
    };
    const kept = new KeptPerVersion<string[], undefined, string[]>(1 << 20, (letters) => letters.length);
    return { state, held, catchUp, kept, holdTheNextCatchUp: () => (holdNext = true) };
  }

  it('a read after a write committed catches up with it, even while an earlier read’s catch-up is under way', async () => {
    const { state, held, catchUp, kept, holdTheNextCatchUp } = world();
    const db = store.db as Kysely<Database>;
    expect(await kept.get(db, 'k', 'v1', async () => ['a'])).toEqual(['a']);

    // A write to v2 owes "b"; a read at v2 starts catching up, and is held there.
    kept.owe(db, catchUp, () => ({ version: 'v2', owe: ['b'] }));
    state.version = 'v2';
    holdTheNextCatchUp();
    const earlier = kept.get(db, 'k', 'v2', async () => ['fresh']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(held).toHaveLength(1);

    // Another write commits (v3, owing "c") while that catch-up is held; then a read at v3.
    kept.owe(db, catchUp, () => ({ version: 'v3', owe: ['c'] }));
    state.version = 'v3';
    const later = kept.get(db, 'k', 'v3', async () => ['fresh']);
    held[0]!();
    expect(await earlier).toEqual(['a', 'b']);
    expect(await later).toEqual(['a', 'b', 'c']);
    // And the value kept is the later one, owing nothing: read again without catching up.
    expect(await kept.get(db, 'k', 'v3', async () => ['fresh'])).toEqual(['a', 'b', 'c']);
  });

  it('reads arriving during one catch-up, with no write between, share it', async () => {
    const { state, held, catchUp, kept, holdTheNextCatchUp } = world();
    const db = store.db as Kysely<Database>;
    await kept.get(db, 'k2', 'v1', async () => ['a']);
    kept.owe(db, catchUp, () => ({ version: 'v2', owe: ['b'] }));
    state.version = 'v2';
    holdTheNextCatchUp();
    const first = kept.get(db, 'k2', 'v2', async () => ['fresh']);
    const second = kept.get(db, 'k2', 'v2', async () => ['fresh']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(held).toHaveLength(1);
    held[0]!();
    expect(await first).toEqual(['a', 'b']);
    expect(await second).toEqual(['a', 'b']);
    expect(held).toHaveLength(1);
  });
});
