import { sql, type Compilable } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateLargeSnapshot } from '../demo/generate-map.js';
import { bulkLoad } from '../services/bulk-load.js';
import { freshSession } from '../test-support/fresh-session.js';
import { inOrder, peopleMatching } from './people-list.js';
import { afterCursor } from './people-keyset.js';
import { NO_NEXT_CONTACT } from './derived.js';

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

  it('starts a page by cursor, by next contact, at the cursor: the index bounds the whole row, and nothing before it is read and dropped', async () => {
    const { db, workspaceId } = world.session.ctx;
    // A cursor among the people with nothing planned, the far end of the order most people share.
    const [middle] = (await sql<{ sortName: string; id: string }>`select sort_name as "sortName", id from people where workspace_id = ${workspaceId} and next_contact_due is null order by sort_name, id offset 40 limit 1`.execute(db)).rows;
    expect(middle).toBeDefined();
    const cursor = { sort: 'next-contact' as const, key: NO_NEXT_CONTACT, sortName: middle!.sortName, id: middle!.id };
    const page = inOrder(peopleMatching(db, workspaceId, TODAY, {}).select('people.id'), 'next-contact').where(afterCursor(cursor, { postgres: true })).limit(51);
    const { rows } = await sql<{ 'QUERY PLAN': Array<{ Plan: Record<string, unknown> }> }>`explain (analyze, format json) ${page}`.execute(db);
    const scans: Record<string, unknown>[] = [];
    const walk = (node: Record<string, unknown>) => {
      if (typeof node['Index Name'] === 'string') scans.push(node);
      for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
    };
    walk(rows[0]!['QUERY PLAN'][0]!.Plan);
    expect(scans.map((scan) => scan['Index Name'])).toEqual(['people_by_next_contact']);
    expect(String(scans[0]!['Index Cond'])).toMatch(/ROW\(\(?COALESCE\(next_contact_due/);
    expect(scans[0]!['Rows Removed by Filter'] ?? 0).toBe(0);
    // The page itself: the people after the cursor, as the order has them.
    const after = (await page.execute()).map((row) => row.id);
    const whole = (await inOrder(peopleMatching(db, workspaceId, TODAY, {}).select('people.id'), 'next-contact').execute()).map((row) => row.id);
    const at = whole.indexOf(middle!.id);
    expect(after).toEqual(whole.slice(at + 1, at + 52));
  });
});
