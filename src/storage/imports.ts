import type { Kysely } from 'kysely';
import type { PersonDateKind } from '../core/person-dates.js';
import type { Database } from './schema.js';

/*
 * What an import reads and writes beyond inserting its new rows (insert-rows.ts): the map's
 * fingerprint, taken when the file is planned and again before the plan is written, and what
 * the people the file matched hold now, so that a merge adds to it rather than over it.
 */

/** A fingerprint of the people in a workspace: how many, and the latest change. */
export async function peopleFingerprint(db: Kysely<Database>, workspaceId: string): Promise<string> {
  const row = await db
    .selectFrom('people')
    .select((eb) => [eb.fn.countAll().as('count'), eb.fn.max('updatedAt').as('latest')])
    .where('workspaceId', '=', workspaceId)
    .executeTakeFirst();
  return `${String(row?.count ?? 0)}|${String(row?.latest ?? '')}`;
}

export interface MergeTarget {
  /** The fields a merge may fill, as stored (tags as their JSON list). */
  current: { tags: string; organisation: string | null; role: string | null; location: string | null; notes: string | null; tieBeganOn: string | null };
  /** The last position among the person's contact points, -1 for none. */
  lastChannel: number;
  dates: { kind: PersonDateKind; label: string | null; month: number; day: number; year: number | null; position: number }[];
}

/** What each of these people holds now, three queries for the lot (a chunk of ids, chunks.ts). A person deleted meanwhile is missing. */
export async function selectMergeTargets(db: Kysely<Database>, workspaceId: string, ids: readonly string[]): Promise<Map<string, MergeTarget>> {
  const targets = new Map<string, MergeTarget>();
  if (ids.length === 0) return targets;
  const rows = await db.selectFrom('people').select(['id', 'tags', 'organisation', 'role', 'location', 'notes', 'tieBeganOn']).where('workspaceId', '=', workspaceId).where('id', 'in', ids).execute();
  for (const { id, ...current } of rows) targets.set(id, { current, lastChannel: -1, dates: [] });
  const positions = await db.selectFrom('contactPoints').select((eb) => ['personId', eb.fn.max('position').as('max')]).where('personId', 'in', ids).groupBy('personId').execute();
  for (const row of positions) {
    const target = targets.get(row.personId);
    if (target) target.lastChannel = Number(row.max);
  }
  for (const row of await db.selectFrom('personDates').select(['personId', 'kind', 'label', 'month', 'day', 'year', 'position']).where('personId', 'in', ids).execute()) {
    const { personId, ...date } = row;
    targets.get(personId)?.dates.push(date);
  }
  return targets;
}

/** Fills a merged person's empty fields and sets the tags, as the plan says. */
export async function fillPerson(db: Kysely<Database>, id: string, change: Record<string, string>, updatedAt: string): Promise<void> {
  await db
    .updateTable('people')
    .set({ ...change, updatedAt })
    .where('id', '=', id)
    .execute();
}
