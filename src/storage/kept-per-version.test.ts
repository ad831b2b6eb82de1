import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../test-support/databases.js';
import { openStore, type Store } from './database.js';
import { KeptPerVersion, type CatchUp } from './kept-per-version.js';
import type { Database } from './schema.js';

/** A real SQLite store for the describe it is called in (the catch-ups run their transactions on it); `.db` once opened. */
function aStore(): { db: Kysely<Database> } {
  let store: Store | undefined;
  let dispose: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const fresh = await freshDatabase('sqlite');
    dispose = fresh.dispose;
    store = await openStore(fresh.config);
  });
  afterAll(async () => {
    await store?.close();
    await dispose();
  });
  return {
    get db() {
      return (store as Store).db as Kysely<Database>;
    },
  };
}

/*
 * A kept value owing a catch-up is caught up when read, in a transaction of its own. A write that
 * commits while that catch-up runs leaves it reading a picture from before the write: a read made
 * after the commit must get a value with the write in it, not share the catch-up already under way.
 */
describe('a kept value owing a catch-up', () => {
  const store = aStore();

  /** Values are lists of letters; what is owed is letters to add; `version` says what the data is at. */
  function world() {
    const state = { version: 'v1' };
    const held: Array<() => void> = [];
    let holdNext = false;
    const catchUp: CatchUp<string[], undefined, string[]> = {
      // Appending: a value that already held a write would get its letter twice.
      idempotent: false,
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
    const db = store.db;
    expect(await kept.get(db, 'k', 'v1', async () => ['a'])).toEqual(['a']);

    // A write to v2 owes "b"; a read at v2 starts catching up, and is held there.
    kept.owe(db, catchUp, () => ({ version: 'v2', owe: ['b'] }), { remember: false });
    state.version = 'v2';
    holdTheNextCatchUp();
    const earlier = kept.get(db, 'k', 'v2', async () => ['fresh']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(held).toHaveLength(1);

    // Another write commits (v3, owing "c") while that catch-up is held; then a read at v3.
    kept.owe(db, catchUp, () => ({ version: 'v3', owe: ['c'] }), { remember: false });
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
    const db = store.db;
    await kept.get(db, 'k2', 'v1', async () => ['a']);
    kept.owe(db, catchUp, () => ({ version: 'v2', owe: ['b'] }), { remember: false });
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

/*
 * A value put on the shelf after a write, under the version the write left behind (its version read
 * before the write, its value asked for after), or worked out while the write commits, is brought
 * through that write as if it had been there: under a steady stream of writes it was otherwise kept
 * under a version no read asks for any more, and worked out again whole by the next read.
 */
describe('a kept value put on the shelf after a write', () => {
  const store = aStore();

  /** Values are sets of letters as sorted lists; what is owed is letters to put in; putting one in twice changes nothing (idempotent). */
  function world() {
    const state = { version: 'v1' };
    const catchUps: string[][] = [];
    const catchUp: CatchUp<string[], undefined, string[]> = {
      idempotent: true,
      add: (owed, more) => [...new Set([...(owed ?? []), ...more])],
      versionIn: async () => state.version,
      apply: async (_trx, { value, weight, owed }) => {
        catchUps.push(owed);
        return { value: [...new Set([...value, ...owed])].sort(), weight };
      },
    };
    /** A write from `from` to `to` that touches the value and owes `letter`, as people-list-patch.ts decides: only for a value under `from`. */
    const write = (from: string, to: string, letter: string) => (kept: { version: string }) => (kept.version === from ? { version: to, owe: [letter] } : undefined);
    const kept = new KeptPerVersion<string[], undefined, string[]>(1 << 20, (letters) => letters.length);
    return { state, catchUp, catchUps, write, kept };
  }
  const db = () => store.db;
  /** A computation that counts how often it ran. */
  const counted = (value: string[]) => {
    const runs = { n: 0 };
    return { runs, compute: async () => (runs.n++, value) };
  };

  it('read under the version before a write: kept under the version after it, owing the write, and not worked out again', async () => {
    const { state, catchUp, catchUps, write, kept } = world();
    kept.owe(db(), catchUp, write('v1', 'v2', 'b'), { remember: true });
    state.version = 'v2';
    // A read that read the version before the write asks for its value only now.
    const first = counted(['a']);
    expect(await kept.get(db(), 'k', 'v1', first.compute)).toEqual(['a']);
    // The next read, at v2, catches that value up with "b" instead of working it out again.
    const again = counted(['a', 'b']);
    expect(await kept.get(db(), 'k', 'v2', again.compute)).toEqual(['a', 'b']);
    expect(again.runs.n).toBe(0);
    expect(catchUps).toEqual([['b']]);
  });

  it('worked out while a write commits: a read after the write waits for it and catches it up, whether or not its picture held the write', async () => {
    for (const picture of [['a'], ['a', 'b']]) {
      const { state, catchUp, write, kept } = world();
      let finish!: (value: string[]) => void;
      const pending = kept.get(db(), 'k', 'v1', () => new Promise<string[]>((resolve) => (finish = resolve)));
      kept.owe(db(), catchUp, write('v1', 'v2', 'b'), { remember: true });
      state.version = 'v2';
      const later = counted(['fresh']);
      const after = kept.get(db(), 'k', 'v2', later.compute);
      finish(picture);
      expect(await pending).toEqual(picture);
      expect(await after).toEqual(['a', 'b']);
      expect(later.runs.n).toBe(0);
    }
  });

  it('a write undone (its COMMIT refused): the values it moved are forgotten, and a value put on the shelf after is not brought through it', async () => {
    const { catchUp, catchUps, write, kept } = world();
    await kept.get(db(), 'moved', 'pg:1.100', async () => ['a']);
    // Refused at 3.101: the next write, committed, leaves 2.102, whose count is behind the refused one's.
    const end = kept.owe(db(), catchUp, write('pg:1.100', 'pg:3.101', 'b'), { remember: true });
    end(true);
    const again = counted(['a', 'c']);
    expect(await kept.get(db(), 'moved', 'pg:2.102', again.compute)).toEqual(['a', 'c']);
    expect(again.runs.n).toBe(1);
    kept.offer(db(), 'later', 'pg:1.100', ['a']);
    expect(await kept.get(db(), 'later', 'pg:1.100', counted(['fresh']).compute)).toEqual(['a']);
    expect(catchUps).toEqual([]);
  });

  it('a write not to be remembered (SQLite) says nothing to a value put on the shelf after it', async () => {
    const { catchUp, catchUps, write, kept } = world();
    kept.owe(db(), catchUp, write('v1', 'v2', 'b'), { remember: false });
    kept.offer(db(), 'k', 'v1', ['a', 'b']);
    expect(await kept.get(db(), 'k', 'v1', counted(['fresh']).compute)).toEqual(['a', 'b']);
    expect(catchUps).toEqual([]);
  });

  it('offered under the version before a write: moved through it, and through the writes after it in turn', async () => {
    const { state, catchUp, catchUps, write, kept } = world();
    kept.owe(db(), catchUp, write('v1', 'v2', 'b'), { remember: true });
    kept.owe(db(), catchUp, write('v2', 'v3', 'c'), { remember: true });
    // A write from a version this value was never under says nothing to it.
    kept.owe(db(), catchUp, write('v9', 'v10', 'z'), { remember: true });
    state.version = 'v3';
    kept.offer(db(), 'k', 'v1', ['a']);
    expect(await kept.get(db(), 'k', 'v3', counted(['fresh']).compute)).toEqual(['a', 'b', 'c']);
    expect(catchUps).toEqual([['b', 'c']]);
  });

  it('a catch-up that is not idempotent: a value worked out while a write touches it is forgotten, not moved twice', async () => {
    const { state, catchUp, write, kept } = world();
    const appending: CatchUp<string[], undefined, string[]> = { ...catchUp, idempotent: false };
    let finish!: (value: string[]) => void;
    const pending = kept.get(db(), 'k', 'v1', () => new Promise<string[]>((resolve) => (finish = resolve)));
    kept.owe(db(), appending, write('v1', 'v2', 'b'), { remember: true });
    state.version = 'v2';
    finish(['a', 'b']);
    expect(await pending).toEqual(['a', 'b']);
    const again = counted(['a', 'b']);
    expect(await kept.get(db(), 'k', 'v2', again.compute)).toEqual(['a', 'b']);
    expect(again.runs.n).toBe(1);
  });

  it('a write that leaves a value as it is moves a value worked out meanwhile to the version after it', async () => {
    const { state, catchUp, kept } = world();
    let finish!: (value: string[]) => void;
    const pending = kept.get(db(), 'k', 'v1', () => new Promise<string[]>((resolve) => (finish = resolve)));
    kept.owe(db(), catchUp, (k) => (k.version === 'v1' ? { version: 'v2' } : undefined), { remember: true });
    state.version = 'v2';
    finish(['a']);
    await pending;
    const again = counted(['fresh']);
    expect(await kept.get(db(), 'k', 'v2', again.compute)).toEqual(['a']);
    expect(again.runs.n).toBe(0);
  });

  it('asked for under an older version than it is kept under (PostgreSQL): given as kept, not worked out again and put back older', async () => {
    const { kept } = world();
    await kept.get(db(), 'k', 'pg:5.901', async () => ['a', 'b']);
    const older = counted(['a']);
    expect(await kept.get(db(), 'k', 'pg:4.800', older.compute)).toEqual(['a', 'b']);
    expect(older.runs.n).toBe(0);
    // Still kept under the newer version; a version after it, or the same count by another transaction, is worked out.
    const same = counted(['a', 'b']);
    expect(await kept.get(db(), 'k', 'pg:5.901', same.compute)).toEqual(['a', 'b']);
    expect(same.runs.n).toBe(0);
    const refused = counted(['c']);
    expect(await kept.get(db(), 'k', 'pg:5.902', refused.compute)).toEqual(['c']);
    expect(refused.runs.n).toBe(1);
    const later = counted(['d']);
    expect(await kept.get(db(), 'k', 'pg:12.950', later.compute)).toEqual(['d']);
    expect(later.runs.n).toBe(1);
    // SQLite's versions are never told apart by age: a different one is worked out.
    await kept.get(db(), 's', 'sqlite:3:9', async () => ['x']);
    const other = counted(['y']);
    expect(await kept.get(db(), 's', 'sqlite:2:1', other.compute)).toEqual(['y']);
    expect(other.runs.n).toBe(1);
  });
});

/*
 * A value whose computation names the version it saw (getSeeing: one statement reads both) is put on
 * the shelf under that version once worked out, and brought through the writes after it. So a value
 * whose catch-up is not idempotent (a count) outlives a write that commits while it is worked out,
 * where put on the shelf under the version read before it (get) it could not tell whether it held the
 * write and was forgotten.
 */
describe('a value worked out with the version it saw', () => {
  const store = aStore();
  const db = () => store.db;
  /** Values are lists of letters; what is owed is letters to append: a value that already held a write would get its letter twice. */
  const appending: CatchUp<string[], undefined, string[]> = {
    idempotent: false,
    add: (owed, more) => [...(owed ?? []), ...more],
    versionIn: async () => 'v2',
    apply: async (_trx, { value, weight, owed }) => ({ value: [...value, ...owed], weight: weight + owed.length }),
  };
  const write = (from: string, to: string, letter: string) => (kept: { version: string }) => (kept.version === from ? { version: to, owe: [letter] } : undefined);
  /** A computation held until `finish`, counting how often it ran. */
  function held(value: string[], version: string) {
    const runs = { n: 0 };
    let finish = () => {};
    const gate = new Promise<void>((resolve) => (finish = resolve));
    return { runs, finish: () => finish(), compute: async () => (runs.n++, await gate, { value, version }) };
  }

  it('is kept under the version its computation names, worked out once for the readers of one version meanwhile', async () => {
    const kept = new KeptPerVersion<string[], undefined, string[]>(1 << 20, (letters) => letters.length);
    const work = held(['a'], 'pg:2.11');
    const first = kept.getSeeing(db(), 'k', 'pg:1.10', work.compute);
    const second = kept.getSeeing(db(), 'k', 'pg:1.10', work.compute);
    expect(kept.seeingNow(db()).map((under) => under.key)).toEqual(['k']);
    expect(kept.kept(db())).toEqual([]);
    work.finish();
    expect(await first).toEqual(['a']);
    expect(await second).toEqual(['a']);
    expect(work.runs.n).toBe(1);
    expect(kept.seeingNow(db())).toEqual([]);
    expect(kept.kept(db())).toMatchObject([{ key: 'k', version: 'pg:2.11', settled: { value: ['a'] } }]);
    // A reader of the version it names, or of an older one (PostgreSQL's counter tells), is answered from it.
    const again = held(['fresh'], 'pg:3.12');
    again.finish();
    expect(await kept.getSeeing(db(), 'k', 'pg:2.11', again.compute)).toEqual(['a']);
    expect(await kept.getSeeing(db(), 'k', 'pg:1.10', again.compute)).toEqual(['a']);
    expect(again.runs.n).toBe(0);
    // A reader of a newer version works it out again.
    expect(await kept.getSeeing(db(), 'k', 'pg:3.12', again.compute)).toEqual(['fresh']);
    expect(again.runs.n).toBe(1);
  });

  it('a write that commits while it is worked out: kept, owing the write once, when its picture is from before the write', async () => {
    const kept = new KeptPerVersion<string[], undefined, string[]>(1 << 20, (letters) => letters.length);
    const work = held(['a'], 'v1');
    const reading = kept.getSeeing(db(), 'k', 'v1', work.compute);
    kept.owe(db(), appending, write('v1', 'v2', 'b'), { remember: true });
    work.finish();
    expect(await reading).toEqual(['a']);
    expect(kept.kept(db())).toMatchObject([{ key: 'k', version: 'v2', owed: ['b'] }]);
    const later = held(['fresh'], 'v2');
    expect(await kept.getSeeing(db(), 'k', 'v2', later.compute)).toEqual(['a', 'b']);
    expect(later.runs.n).toBe(0);
  });

  it('a write that commits while it is worked out: kept as it is, owing nothing, when its picture holds the write', async () => {
    const kept = new KeptPerVersion<string[], undefined, string[]>(1 << 20, (letters) => letters.length);
    const work = held(['a', 'b'], 'v2');
    const reading = kept.getSeeing(db(), 'k', 'v1', work.compute);
    kept.owe(db(), appending, write('v1', 'v2', 'b'), { remember: true });
    work.finish();
    expect(await reading).toEqual(['a', 'b']);
    expect(kept.kept(db())).toMatchObject([{ key: 'k', version: 'v2' }]);
    expect(kept.kept(db())[0]?.owed).toBeUndefined();
  });
});

/*
 * PostgreSQL: other connections see a write's version as soon as it has committed, before the
 * writing process hears its COMMIT back and moves what it kept on to that version (owe). A reader
 * in between found its value one write behind and worked it out again whole; it now waits for the
 * committing write (`movingOn`) once, and takes the value it moved on.
 */
describe('a kept value one write behind while that write is committing', () => {
  const store = aStore();

  function world() {
    const state = { version: 'v1' };
    const catchUp: CatchUp<string[], { workspaceId: string }, string[]> = {
      idempotent: true,
      add: (owed, more) => [...new Set([...(owed ?? []), ...more])],
      versionIn: async () => state.version,
      apply: async (_trx, { value, weight, owed }) => ({ value: [...new Set([...value, ...owed])].sort(), weight }),
    };
    let committing: { promise: Promise<void>; settle: () => void } | null = null;
    const asked: string[] = [];
    const kept = new KeptPerVersion<string[], { workspaceId: string }, string[]>(1 << 20, (letters) => letters.length, (_db, about) => {
      asked.push(about.workspaceId);
      return committing?.promise;
    });
    const beginCommit = () => {
      let settle = () => {};
      const promise = new Promise<void>((resolve) => (settle = resolve));
      committing = { promise, settle: () => ((committing = null), settle()) };
      return committing;
    };
    return { state, catchUp, kept, beginCommit, asked };
  }
  const about = { workspaceId: 'w' };

  it('waits for the write to move it on, then catches it up rather than working it out again', async () => {
    const { state, catchUp, kept, beginCommit, asked } = world();
    const db = store.db;
    let computed = 0;
    const compute = async () => (computed++, ['fresh']);
    expect(await kept.get(db, 'k', 'v1', async () => ['a'], about)).toEqual(['a']);
    // The write's COMMIT is out; PostgreSQL has committed it (v2) and a reader has read v2 already.
    const commit = beginCommit();
    state.version = 'v2';
    const reading = kept.get(db, 'k', 'v2', compute, about);
    await new Promise((resolve) => setImmediate(resolve));
    // The COMMIT comes back: the kept value moved on, owing the written "b"; then the write settles.
    kept.owe(db, catchUp, () => ({ version: 'v2', owe: ['b'] }), { remember: true });
    commit.settle();
    expect(await reading).toEqual(['a', 'b']);
    expect(computed).toBe(0);
    expect(asked).toEqual(['w']);
  });

  it('works it out once the write has settled without moving it (refused, or not a write it could patch), and waits only once', async () => {
    const { state, kept, beginCommit } = world();
    const db = store.db;
    let computed = 0;
    await kept.get(db, 'k2', 'v1', async () => ['a'], about);
    const commit = beginCommit();
    state.version = 'v2';
    const reading = kept.get(db, 'k2', 'v2', async () => (computed++, ['a', 'c']), about);
    await new Promise((resolve) => setImmediate(resolve));
    expect(computed).toBe(0);
    // Another write begins committing as the first settles: the reader does not wait for it too.
    commit.settle();
    beginCommit();
    expect(await reading).toEqual(['a', 'c']);
    expect(computed).toBe(1);
  });

  it('does not wait when nothing is kept for the listing, nor when nothing is committing', async () => {
    const { kept, beginCommit, asked } = world();
    const db = store.db;
    beginCommit();
    expect(await kept.get(db, 'none yet', 'v1', async () => ['x'], about)).toEqual(['x']);
    expect(asked).toEqual([]);
    const idle = world();
    await idle.kept.get(db, 'k3', 'v1', async () => ['a'], about);
    idle.state.version = 'v2';
    expect(await idle.kept.get(db, 'k3', 'v2', async () => ['b'], about)).toEqual(['b']);
    expect(idle.asked).toEqual(['w']);
  });

  it('getSeeing waits the same way, and takes the value moved on', async () => {
    const { state, catchUp, kept, beginCommit } = world();
    const db = store.db;
    let computed = 0;
    await kept.getSeeing(db, 'k4', 'v1', async () => ({ value: ['a'], version: 'v1' }), about);
    const commit = beginCommit();
    state.version = 'v2';
    const reading = kept.getSeeing(db, 'k4', 'v2', async () => (computed++, { value: ['fresh'], version: 'v2' }), about);
    await new Promise((resolve) => setImmediate(resolve));
    kept.owe(db, catchUp, () => ({ version: 'v2', owe: ['b'] }), { remember: true });
    commit.settle();
    expect(await reading).toEqual(['a', 'b']);
    expect(computed).toBe(0);
  });
});
