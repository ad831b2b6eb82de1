import { beforeAll, describe, expect, it } from 'vitest';
import type { PersonFilter, PersonSort } from '../contract/filters.js';
import { generateLargeSnapshot } from '../demo/generate-map.js';
import { bulkLoad } from '../services/bulk-load.js';
import { inTransaction, randomIds, type ServiceContext } from '../services/context.js';
import { logExchange } from '../services/exchanges.js';
import { createPerson, listPeople, updatePerson } from '../services/people.js';
import { setPersonDates } from '../services/person-dates.js';
import type { Session } from '../services/session.js';
import { ensureWorkspace } from '../services/workspace.js';
import { DIALECTS } from '../test-support/databases.js';
import { freshSession } from '../test-support/fresh-session.js';
import { FEW_DATES, FEW_NAMES, randomExchange, randomPersonEdit, seeded, type Seeded } from '../test-support/random-writes.js';
import { listingVersion } from './data-version.js';
import { counts, orders } from './people-list.js';
import { orderCatchUp } from './people-list-catch-up.js';
import { movedNoPlacingKey } from './people-list-patch.js';
import { IdOrder } from '../core/id-order.js';
import { idsBytes } from '../core/byte-budget.js';

/*
 * A write to a few people patches the kept listings (people-list-patch.ts): after every write of a
 * seeded run of them (exchanges logged, people edited, dates set, a write refused halfway, writes
 * racing reads), every kept listing's page and total must be what a fresh read finds. A fresh read is
 * one inside a transaction, which never uses what is kept. Few names and few dates, so that many
 * people tie on the sort's key and on their sort name, and the tie-breakers decide.
 */
const TODAY = '2026-11-22';
const SORTS: PersonSort[] = ['name', 'next-contact', 'last-exchange', 'strength', 'importance', 'added'];


describe.each(DIALECTS)('kept listings patched by writes to a few people, on %s', (dialect) => {
  // `other`: another connection to the same data, the command line beside a running server.
  const world = freshSession(dialect, { clock: { now: () => new Date(`${TODAY}T10:00:00Z`) }, other: true });
  let session: Session;
  let other: Session;
  let ids: string[];
  let listings: PersonFilter[];

  beforeAll(async () => {
    session = world.session;
    other = world.other;
    const snapshot = generateLargeSnapshot({ people: 240, networks: 3, goals: 2, exchanges: 200, today: TODAY, seed: 23 });
    await bulkLoad(session.ctx, snapshot);
    ids = snapshot.people.map((p) => p.id);
    const filters: PersonFilter[] = [
      {},
      { category: 'leader-in-field' },
      { category: 'none' },
      { stage: 'met' },
      { due: 'due' },
      { due: 'overdue' },
      { dueBy: '2026-12-01' },
      { dueBy: '2026-11-25', dueFrom: '2026-11-25' },
      { search: 'ana' },
      { quadrant: 'strengthen' },
      { unjudged: true },
      { networkId: snapshot.networks[0]!.id },
      { goalId: snapshot.goals[0]!.id, stage: 'in-touch' },
    ];
    // Every sort on the whole list and the due filter; by name and by next contact on the rest.
    listings = filters.flatMap((filter, i) => (i === 0 || 'due' in filter ? SORTS : (['name', 'next-contact', i % 2 ? 'last-exchange' : 'strength'] as PersonSort[])).map((sort) => ({ ...filter, sort })));
  }, 120_000);

  /** Each listing by its kept order and count (a page past the first) against the same page read fresh. */
  async function keptEqualsFresh(step: string, ctx: ServiceContext = session.ctx, which: readonly PersonFilter[] = listings) {
    for (const listing of which) {
      const page = { ...listing, limit: 400, offset: 1 };
      const kept = await listPeople(ctx, page);
      const fresh = await inTransaction(ctx, (trx) => listPeople(trx, page));
      const first = await inTransaction(ctx, (trx) => listPeople(trx, { ...listing, limit: 1 }));
      expect(kept.items.map((p) => p.id), `${step}: ${JSON.stringify(listing)}`).toEqual(fresh.items.map((p) => p.id));
      expect(kept.total, `${step}: the total of ${JSON.stringify(listing)}`).toBe(first.total);
      // The count kept for the first page too.
      expect((await listPeople(ctx, { ...listing, limit: 5 })).total, `${step}: ${JSON.stringify(listing)}`).toBe(first.total);
    }
  }

  function randomWrite(random: Seeded, ctx: ServiceContext): Promise<unknown> {
    const person = random.pick(ids);
    const kind = random.next();
    if (kind < 0.35) return logExchange(ctx, randomExchange(random, person, ids));
    if (kind < 0.9) {
      return updatePerson(ctx, person, randomPersonEdit(random));
    }
    return setPersonDates(ctx, person, random.next() < 0.5 ? [] : [{ kind: 'birthday', month: 11, day: 25, year: null, label: null }]);
  }

  it('keeps every listing equal to a fresh read through a seeded run of writes', async () => {
    const random = seeded(dialect === 'sqlite' ? 1 : 2);
    await keptEqualsFresh('before any write');
    for (let step = 1; step <= 16; step++) {
      await randomWrite(random, session.ctx);
      await keptEqualsFresh(`after write ${step}`);
    }
  }, 300_000);

  it('patches in place: on SQLite an exchange leaves the orders by next contact under their version', async () => {
    const reads = ['people.sort_name', 'people.next_contact_due'];
    const before = await listingVersion(session.ctx.db, session.ctx.workspaceId, reads);
    await logExchange(session.ctx, { personIds: [ids[5]!], channel: 'email', occurredOn: TODAY });
    const after = await listingVersion(session.ctx.db, session.ctx.workspaceId, reads);
    if (dialect === 'sqlite') expect(after).toBe(before);
    else expect(after).not.toBe(before);
    await keptEqualsFresh('after an exchange');
  }, 120_000);

  it('keeps a count worked out after writes: on SQLite too, where those writes left its version as it was', async () => {
    const { db, workspaceId } = session.ctx;
    // Writes that move people in and out of the count's filter.
    await updatePerson(session.ctx, ids[9]!, { nextContactOn: '2026-12-20' });
    await updatePerson(session.ctx, ids[10]!, { nextContactOn: '2027-02-01' });
    const dueCounts = () => counts.kept(db).filter((count) => count.about.workspaceId === workspaceId && count.about.filter.dueBy === '2026-12-24' && count.settled);
    expect(dueCounts()).toEqual([]);
    const first = await listPeople(session.ctx, { dueBy: '2026-12-24', limit: 5 });
    expect(dueCounts()).toHaveLength(1);
    expect((await listPeople(session.ctx, { dueBy: '2026-12-24', limit: 5 })).total).toBe(first.total);
    expect(dueCounts()).toHaveLength(1);
  }, 120_000);

  it('leaves the listings as they were when a write is refused halfway', async () => {
    await keptEqualsFresh('before');
    // The person's last exchange and next contact are written, then the follow-up for someone not in it is refused: all rolls back.
    const refused = logExchange(session.ctx, { personIds: [ids[7]!], channel: 'coffee', occurredOn: TODAY, followUps: [{ description: 'Send the paper', personId: ids[8]! }] });
    await expect(refused).rejects.toThrow(/not one of the people in this exchange/);
    await keptEqualsFresh('after a refused write');
  }, 120_000);

  it('stays equal to a fresh read when writes race reads, and after another connection writes', async () => {
    const random = seeded(dialect === 'sqlite' ? 3 : 4);
    await keptEqualsFresh('before');
    const reads = listings.slice(0, 30).map((listing) => () => listPeople(session.ctx, { ...listing, limit: 10, offset: 3 }));
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? randomWrite(random, session.ctx) : random.pick(reads)())));
    await keptEqualsFresh('after writes raced reads');
    await randomWrite(random, other.ctx);
    await keptEqualsFresh('after another connection wrote');
  }, 300_000);
  it('catches up once for several writes before a read: each listing equal to a fresh read after runs of writes', async () => {
    const random = seeded(dialect === 'sqlite' ? 5 : 6);
    await keptEqualsFresh('before');
    for (let run = 2; run <= 6; run++) {
      for (let i = 0; i < run; i++) await randomWrite(random, session.ctx);
      await keptEqualsFresh(`after ${run} writes in a row`);
    }
  }, 300_000);

  it('notes a write on the orders it touches without catching them up, and catches each up when read', async () => {
    await keptEqualsFresh('before');
    const person = ids[11]!;
    await updatePerson(session.ctx, person, { strength: 5, importance: 1 });
    const kept = orders.kept(session.ctx.db).filter((order) => order.about.workspaceId === session.ctx.workspaceId && order.settled);
    const bySorting = kept.filter((order) => order.about.reads.includes('people.strength'));
    const untouched = kept.filter((order) => !order.about.reads.includes('people.strength') && !order.about.reads.includes('people.importance'));
    expect(bySorting.length).toBeGreaterThan(0);
    expect(untouched.length).toBeGreaterThan(0);
    // Owing the person, not caught up: the write asked the database nothing about them.
    for (const order of bySorting) expect([...(order.owed ?? [])], JSON.stringify(order.about.filter)).toEqual([person]);
    // An order nobody wrote to owes nothing, and is read as it was kept.
    for (const order of untouched) expect(order.owed, JSON.stringify(order.about.filter)).toBeUndefined();
    // Weighed by the ids a catch-up moved, as if weighed whole (people who left a listing by their scores, or joined it, included).
    for (const order of bySorting) {
      const value = order.settled?.value ?? IdOrder.of([]);
      const caught = await orderCatchUp.apply(session.ctx.db, { value, weight: idsBytes(value.toArray()), about: order.about, owed: order.owed ?? new Set() });
      expect(caught.weight, JSON.stringify(order.about.filter)).toBe(idsBytes(caught.value.toArray()));
    }
    await keptEqualsFresh('after one edit of scores');
    // Each read caught its order up and kept it so.
    const owing = orders.kept(session.ctx.db).filter((order) => order.about.workspaceId === session.ctx.workspaceId && order.owed !== undefined);
    expect(owing.map((order) => order.about.filter)).toEqual([]);
  }, 120_000);

  it('stays equal to a fresh read when a write lands between a read and its catch-up', async () => {
    const random = seeded(dialect === 'sqlite' ? 7 : 8);
    await keptEqualsFresh('before');
    for (const [i, listing] of listings.entries()) {
      // Owing someone, then read while another write is sent: on SQLite the write's transaction runs between
      // the read's version and its catch-up; on PostgreSQL it may commit while the catch-up reads.
      await randomWrite(random, session.ctx);
      const page = { ...listing, limit: 10, offset: 2 };
      const later = (steps: number) => Array.from({ length: steps }).reduce<Promise<unknown>>((p) => p.then(() => new Promise((resolve) => setImmediate(resolve))), Promise.resolve());
      await Promise.all([listPeople(session.ctx, page), later(i % 4).then(() => randomWrite(random, session.ctx)), later((i + 2) % 4).then(() => listPeople(session.ctx, page))]);
    }
    await keptEqualsFresh('after writes between reads and their catch-up');
  }, 300_000);

  it('reads its own write: a read after a write has committed never takes a catch-up begun before it', async () => {
    const random = seeded(dialect === 'sqlite' ? 11 : 12);
    await keptEqualsFresh('before');
    for (const listing of listings) {
      const page = { ...listing, limit: 10, offset: 2 };
      // Owing someone, so the next read catches up; another write commits while that catch-up may still read.
      await randomWrite(random, session.ctx);
      const earlier = listPeople(session.ctx, page);
      await randomWrite(random, session.ctx);
      const after = await listPeople(session.ctx, page);
      const fresh = await inTransaction(session.ctx, (trx) => listPeople(trx, page));
      expect(after.items.map((p) => p.id), `after a committed write: ${JSON.stringify(listing)}`).toEqual(fresh.items.map((p) => p.id));
      expect(after.total, `after a committed write, the total: ${JSON.stringify(listing)}`).toBe(fresh.total);
      await earlier;
    }
  }, 300_000);

  it('keeps two workspaces apart when their writes interleave', async () => {
    const random = seeded(dialect === 'sqlite' ? 9 : 10);
    const elsewhere: ServiceContext = { ...session.ctx, workspaceId: `ws_elsewhere_${dialect}`, ids: randomIds };
    await ensureWorkspace(session.ctx.db, session.ctx.clock, 'UTC', elsewhere.workspaceId);
    const theirs: string[] = [];
    for (let i = 0; i < 14; i++) theirs.push((await createPerson(elsewhere, { name: random.pick(FEW_NAMES), nextContactOn: random.pick(FEW_DATES) })).id);
    const theirListings: PersonFilter[] = [{ sort: 'name' }, { sort: 'next-contact' }, { sort: 'last-exchange' }, { due: 'due', sort: 'name' }, { stage: 'met', sort: 'strength' }];
    const both = async (step: string) => {
      await keptEqualsFresh(step);
      await keptEqualsFresh(`${step}, elsewhere`, elsewhere, theirListings);
    };
    await both('before');
    for (let step = 1; step <= 10; step++) {
      for (let i = 0; i < 1 + (step % 3); i++) {
        if (random.next() < 0.5) await randomWrite(random, session.ctx);
        else {
          const person = random.pick(theirs);
          await (random.next() < 0.4 ? logExchange(elsewhere, randomExchange(random, person, theirs)) : updatePerson(elsewhere, person, randomPersonEdit(random)));
        }
      }
      await both(`after writes to both, round ${step}`);
    }
  }, 300_000);
});

describe('what a write to a few people must read again of their placing keys', () => {
  it('reads nothing again after a write to other columns of their rows alone', () => {
    expect(movedNoPlacingKey(new Set(['people.notes', 'people.updated_at']))).toBe(true);
  });

  it('reads them again after a write to a placing column, the text a search matches, another table, or an unknown target', () => {
    for (const name of ['people.stage', 'people.next_contact_due', 'people.last_exchange_on', 'people.search_text', 'exchanges', 'memberships', '*']) {
      expect(movedNoPlacingKey(new Set(['people.notes', name])), name).toBe(false);
    }
  });
});
