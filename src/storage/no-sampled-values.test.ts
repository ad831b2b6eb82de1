import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../services/context.js';
import { createPerson, removePerson } from '../services/people.js';
import { freshSession } from '../test-support/fresh-session.js';

/*
 * The planner's statistics are files too. PostgreSQL's ANALYZE copies sampled column
 * values into pg_statistic, SQLite's (with STAT4) sampled index keys into sqlite_stat4:
 * a removed person's name or e-mail address would outlive them there.
 */

describe('sampled values on PostgreSQL', () => {
  const world = freshSession('postgres', { clock: systemClock, ids: 'random' });
  let client: pg.Client | undefined;
  beforeAll(async () => {
    if (world.config.kind !== 'postgres') throw new Error('a PostgreSQL database was asked for');
    client = new pg.Client({ connectionString: world.config.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
  });

  it('are kept for no column that can hold what a user wrote, nor any expression index', async () => {
    const { rows } = await client!.query<{ name: string }>(`
      select c.relname || '.' || a.attname as name from pg_attribute a
      join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      join pg_type t on t.oid = a.atttypid
      where n.nspname = current_schema() and c.relkind = 'r' and c.relname not like 'kysely%' and a.attnum > 0 and not a.attisdropped
        and (t.typcategory in ('S', 'A') or t.typname in ('json', 'jsonb', 'bytea')) and a.attname <> 'id' and a.attname not like '%\\_id'
        and a.attstattarget <> 0 order by 1`);
    expect(rows.map((r) => r.name)).toEqual([]);
    const { rows: indexes } = await client!.query<{ name: string }>(`
      select c.relname || '.' || a.attnum as name from pg_index i join pg_class c on c.oid = i.indexrelid
      join pg_namespace n on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid and a.attnum > 0
      where n.nspname = current_schema() and i.indexprs is not null and i.indkey[a.attnum - 1] = 0 and a.attstattarget <> 0`);
    expect(indexes.map((r) => r.name)).toEqual([]);
  });

  it('hold no trace of a person after ANALYZE, while counts are still kept', async () => {
    const canary = `canary${randomBytes(6).toString('hex')}`;
    const ctx = world.session.ctx;
    for (let i = 0; i < 40; i++) await createPerson(ctx, { name: `${canary} ${i % 3}`, notes: `${canary} note`, channels: [{ kind: 'email', value: `${canary}${i % 2}@example.org` }] });
    await sql`analyze`.execute(ctx.db);
    const { rows } = await client!.query<{ n: number }>(`select count(*)::int as n from pg_stats where schemaname = current_schema() and (most_common_vals::text like $1 or histogram_bounds::text like $1)`, [`%${canary}%`]);
    expect(rows[0]!.n).toBe(0);
    const { rows: counted } = await client!.query<{ n: number }>(`select reltuples::int as n from pg_class where relname = 'people'`);
    expect(counted[0]!.n).toBeGreaterThanOrEqual(40);
  });
});

describe('sampled keys on SQLite', () => {
  const world = freshSession('sqlite', { clock: systemClock, ids: 'random' });
  let dataDir = '';
  beforeAll(() => {
    if (world.config.kind !== 'sqlite') throw new Error('a SQLite database was asked for');
    dataDir = world.config.dataDir;
  });

  it('leave the file when the person they came from is removed', async () => {
    const canary = `canary${randomBytes(6).toString('hex')}`;
    const ctx = world.session.ctx;
    for (let i = 0; i < 30; i++) await createPerson(ctx, { name: `Someone ${i}` });
    const person = await createPerson(ctx, { name: `Cy ${canary}`, channels: [{ kind: 'email', value: `${canary}@example.org` }] });
    await sql`analyze`.execute(ctx.db);
    const { rows } = await sql<{ n: number }>`select count(*) as n from sqlite_stat4 where cast(sample as text) like ${`%${canary}%`}`.execute(ctx.db);
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
    await removePerson(ctx, person.id);
    const file = readFileSync(join(dataDir, 'waggle.db'));
    expect(file.includes(Buffer.from(canary))).toBe(false);
  });
});
