import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../services/context.js';
import { currentDataVersion } from '../services/data-version.js';
import { createPerson } from '../services/people.js';
import { setPersonDates } from '../services/person-dates.js';
import { freshSession } from '../test-support/fresh-session.js';

/*
 * On PostgreSQL a workspace's data version is a counter that triggers move on
 * (storage/data-version.ts). Answers kept under a version (the check, the API's kept
 * answers) are only as fresh as those triggers are complete: a table holding a
 * workspace's data with no trigger would let a kept answer outlive a write to it.
 * This lists every table with a workspace_id and asks each for its three triggers.
 */

/** Accounts and their sign-in: written on sign-in or on every request, never read into a kept answer (bumping on them would keep nothing). */
const NOT_COUNTED = new Set(['workspace_data_versions', 'sessions', 'access_tokens', 'sign_in_failures', 'invitations', 'accounts']);

describe('the workspace data version on PostgreSQL', () => {
  const world = freshSession('postgres', { clock: systemClock, ids: 'random' });
  let url = '';
  beforeAll(() => {
    if (world.config.kind !== 'postgres') throw new Error('a PostgreSQL database was asked for');
    url = world.config.url;
  });

  it('is moved on by a write to every table holding a workspace’s data', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows: tables } = await client.query<{ table_name: string }>(
        // A workspace's own rows, and a person's parts (found through people): team tables are shared, not a workspace's.
        "select distinct table_name from information_schema.columns where column_name in ('workspace_id', 'person_id') and table_schema = current_schema() and table_name not like 'team%' order by table_name",
      );
      const { rows: triggers } = await client.query<{ table_name: string; event: string }>(
        "select event_object_table as table_name, event_manipulation as event from information_schema.triggers where trigger_name like 'data_version_%' and trigger_schema = current_schema()",
      );
      const counted = tables.map((t) => t.table_name).filter((name) => !NOT_COUNTED.has(name));
      expect(counted).toContain('people');
      expect(counted).toContain('follow_ups');
      expect(counted).toContain('contact_points');
      const missing = counted.flatMap((name) =>
        ['INSERT', 'UPDATE', 'DELETE'].filter((event) => !triggers.some((t) => t.table_name === name && t.event === event)).map((event) => `${name} ${event}`),
      );
      expect(missing).toEqual([]);
      for (const name of NOT_COUNTED) expect(triggers.filter((t) => t.table_name === name)).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('moves on when only a person’s own part changes (a date), as a kept person page must see', async () => {
    const { session } = world;
    const person = await createPerson(session.ctx, { name: 'Ana Silva' });
    const before = await currentDataVersion(session.ctx);
    await setPersonDates(session.ctx, person.id, [{ kind: 'birthday', label: null, month: 4, day: 12, year: null }]);
    expect(await currentDataVersion(session.ctx)).not.toBe(before);
  });
});
