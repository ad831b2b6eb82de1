import { sql, type Compilable } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateLargeSnapshot } from '../demo/generate-map.js';
import { bulkLoad } from '../services/bulk-load.js';
import { freshSession } from '../test-support/fresh-session.js';
import { inOrder, peopleMatching } from './people-list.js';

/*
 * On PostgreSQL the due filter's count and the whole orders by next contact and by last exchange are
 * answered from their indexes alone (migration 2026-12-11T1000): an index on an expression of a date
 * cannot answer an index-only scan unless the date itself is in it. Asked with the table's own walk
 * and bitmap scans turned off, the planner shows which index can answer: an index-only scan on the
 * order's index, where without the date included it could only be an index scan, row by row.
 */
const TODAY = '2026-11-22';

describe('the orders by date, read from their indexes alone on PostgreSQL', () => {
  const world = freshSession('postgres', { clock: { now: () => new Date(`${TODAY}T10:00:00Z`) } });

  beforeAll(async () => {
    await bulkLoad(world.session.ctx, generateLargeSnapshot({ people: 300, networks: 2, goals: 1, exchanges: 200, today: TODAY, seed: 11 }));
    // Marks the table's pages all-visible, as autovacuum does after a load.
    await sql`vacuum analyze people`.execute(world.session.ctx.db);
  }, 120_000);

  /** Each scan of the plan of `query`: its kind and its index. */
  async function scansOf(query: Compilable<unknown>): Promise<string[]> {
    const { db } = world.session.ctx;
    return db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      await sql`set local enable_bitmapscan = off`.execute(trx);
      const { rows } = await sql<{ 'QUERY PLAN': unknown }>`explain (format json) ${query}`.execute(trx);
      const scans: string[] = [];
      const walk = (node: Record<string, unknown>) => {
        if (typeof node['Index Name'] === 'string') scans.push(`${String(node['Node Type'])} using ${node['Index Name']}`);
        for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
      };
      walk(((rows[0]?.['QUERY PLAN'] as Array<{ Plan: Record<string, unknown> }>)[0] as { Plan: Record<string, unknown> }).Plan);
      return scans;
    });
  }

  it('counts who is due from the index by next contact alone', async () => {
    const { db, workspaceId } = world.session.ctx;
    const count = peopleMatching(db, workspaceId, TODAY, { due: 'due' }).select((eb) => eb.fn.countAll<number>().as('count'));
    expect(await scansOf(count)).toEqual(['Index Only Scan using people_by_next_contact']);
  });

  it('reads the whole orders by next contact and by last exchange from their indexes alone', async () => {
    const { db, workspaceId } = world.session.ctx;
    const order = (sort: string) => inOrder(peopleMatching(db, workspaceId, TODAY, {}).select('people.id'), sort);
    expect(await scansOf(order('next-contact'))).toEqual(['Index Only Scan using people_by_next_contact']);
    expect(await scansOf(order('last-exchange'))).toEqual(['Index Only Scan using people_by_last_exchange']);
  });
});
