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

/**
 * PostgreSQL: a timestamp column inside a statement's JSON comes in PostgreSQL's own form, read back
 * with this (SQLite's JSON holds the ISO text the service wrote). Formatting it in SQL instead
 * (`to_char`) was 7–9% of PostgreSQL's time for a page of fifty (docs/speed-history.md).
 *
 * A timestamp as PostgreSQL's JSON writes a timestamptz (`2026-11-22T10:00:00.5+00:00`: the fraction
 * only when there is one, up to six digits, then the session's offset, with seconds where the zone's
 * offset had them, as local mean time did before 1900) as the ISO string storage/postgres.ts gives every
 * other read of one (`2026-11-22T10:00:00.500Z`: milliseconds, the fraction's further digits dropped, as
 * `to_char`'s MS did). In UTC, the server's own session, it is cut and joined as text: a page of fifty
 * people holds a hundred, and a Date made and written for each cost ten times as long. Another offset is
 * taken off by hand (JavaScript's Date reads no offset in seconds); a value of no such form (`infinity`)
 * is left as it is.
 */
export function isoFromPostgresJson(value: string): string {
  const end = value.length - UTC_OFFSET.length;
  if (end >= 19 && value.endsWith(UTC_OFFSET) && value.charCodeAt(10) === T && value.charCodeAt(4) === DASH) {
    if (end === 19) return `${value.slice(0, 19)}.000Z`;
    if (value.charCodeAt(19) === DOT && end > 20) return `${value.slice(0, 20)}${`${value.slice(20, Math.min(end, 23))}00`.slice(0, 3)}Z`;
  }
  const parts = POSTGRES_TIMESTAMP.exec(value);
  if (!parts) return value;
  const [year, month, day, hours, minutes, seconds] = parts.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const milliseconds = Number(`${parts[7] ?? ''}000`.slice(0, 3));
  const offsetSeconds = (parts[8] === '-' ? -1 : 1) * (Number(parts[9]) * 3600 + Number(parts[10] ?? 0) * 60 + Number(parts[11] ?? 0));
  // Set field by field: Date.UTC would read a year under 100 as 19xx.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hours, minutes, seconds - offsetSeconds, milliseconds);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}
const UTC_OFFSET = '+00:00';
const T = 'T'.charCodeAt(0);
const DASH = '-'.charCodeAt(0);
const DOT = '.'.charCodeAt(0);
/** Year, month, day, hours, minutes, seconds, the fraction's digits, and the offset's sign, hours, minutes and seconds. */
const POSTGRES_TIMESTAMP = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?([+-])(\d\d)(?::(\d\d))?(?::(\d\d))?$/;

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
