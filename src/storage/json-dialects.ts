import { PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/*
 * A row's parts built as JSON by the database, written once per dialect: what lets one
 * statement answer a person's page (person-detail.ts) or a page of people with their
 * channels (people-page.ts) in one round trip.
 */

export interface JsonDialect {
  object(pairs: Record<string, string>): string;
  /** The rows of `from` as a JSON list of `item`, in `orderBy`'s order; an empty list for none. */
  list(item: string, from: string, orderBy: string): string;
}

const quote = (key: string) => `'${key}'`;

export const postgresJson: JsonDialect = {
  object: (pairs) => `json_build_object(${Object.entries(pairs).map(([k, v]) => `${quote(k)}, ${v}`).join(', ')})`,
  list: (item, from, orderBy) => `(select coalesce(json_agg(${item} order by ${orderBy}), '[]'::json) from ${from})`,
};

export const sqliteJson: JsonDialect = {
  object: (pairs) => `json_object(${Object.entries(pairs).map(([k, v]) => `${quote(k)}, ${v}`).join(', ')})`,
  // A list from a subquery must stay JSON inside the object holding it, not become a string: as JSONB (a
  // blob json_object takes as JSON) rather than json() around the text, which parsed every list's text
  // again (a person's page, 11 lists: about 10% less time for the statement, the same text out).
  // Only ever a value inside an object: alone, the column would be a blob.
  list: (item, from, orderBy) => `(select jsonb_group_array(${item} order by ${orderBy}) from ${from})`,
};

export const isPostgres = (db: Kysely<Database>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/** A person's channels (the person's row aliased `person`) as a JSON list of contact point rows, in their order. */
export function channelsList(d: JsonDialect, person: string): string {
  return d.list(
    d.object({ personId: 'c.person_id', position: 'c.position', kind: 'c.kind', value: 'c.value', valueKey: 'c.value_key', label: 'c.label' }),
    `contact_points c where c.person_id = ${person}.id`,
    'c.position',
  );
}

/** PostgreSQL's driver hands JSON back parsed; SQLite hands back its text. */
export const parsedJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
