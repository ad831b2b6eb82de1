import { sql, type RawBuilder } from 'kysely';
import type { PersonCursor } from '../contract/person-cursor-text.js';
import { ValidationError } from '../core/errors.js';
import { NO_LAST_EXCHANGE, NO_NEXT_CONTACT } from './derived.js';

/*
 * Keyset paging on the people list's indexed sorts: "after this person" written as a
 * range on the sort's index (the first key bounded, then (sort_name, id) past the
 * cursor's), so a page deep in the list costs what the first page costs.
 */

/** The next contact's date as the index on it has it: people with nothing planned at the far end. */
export const dueDate = sql<string>`coalesce(people.next_contact_due, ${sql.lit(NO_NEXT_CONTACT)})`;
/** The last exchange as its index has it: people never met at the far end (the order is latest first). */
export const lastExchange = sql<string>`coalesce(people.last_exchange_on, ${sql.lit(NO_LAST_EXCHANGE)})`;

/**
 * The people after `cursor` in its sort's order (the same order the list uses: its key, then sort name, then id).
 *
 * By next contact on PostgreSQL, one comparison of the three as a row: its B-tree starts the walk at the
 * cursor's place, where the key bounded alone started it at the first person of the cursor's date and
 * read past every one before the cursor. Most people have nothing planned (one date, the far end), so a
 * page deep among them read thousands of index entries for its 51: in a table of 30,000, two thirds with
 * nothing planned, 14,000 entries and 7.6 ms against 51 and 0.05 ms; 2.7 ms of PostgreSQL's time a page
 * on average in the mixed run. SQLite's planner does not take a row holding an expression to its index
 * (it walked the workspace's whole index instead), so SQLite keeps the bounded key.
 */
export function afterCursor(cursor: PersonCursor, { postgres }: { postgres: boolean }): RawBuilder<boolean> {
  const rest = sql<boolean>`(people.sort_name, people.id) > (${cursor.sortName}, ${cursor.id})`;
  if (cursor.sort === 'name') return rest;
  const key = cursor.key as string;
  if (cursor.sort === 'next-contact' && postgres) return sql<boolean>`(${dueDate}, people.sort_name, people.id) > (${key}, ${cursor.sortName}, ${cursor.id})`;
  if (cursor.sort === 'next-contact') return sql<boolean>`(${dueDate} >= ${key} and (${dueDate} > ${key} or ${rest}))`;
  return sql<boolean>`(${lastExchange} <= ${key} and (${lastExchange} < ${key} or ${rest}))`;
}

/** Refuses a cursor that cannot continue this listing, in words that say what to do instead. */
export function checkCursor(cursor: PersonCursor, sort: string, offset: number | undefined): void {
  if (offset !== undefined) throw new ValidationError('cursor', 'continues a list by itself: leave out offset, or leave out cursor to page by offset');
  if (cursor.sort !== sort) throw new ValidationError('cursor', `was given for the sort "${cursor.sort}": ask again with sort=${cursor.sort}, or start from the first page without cursor`);
}

/** The cursor naming this row's place in the sort's order. */
export function cursorFor(sort: PersonCursor['sort'], row: { id: string; sortName: string; nextContactDue: string | null; lastExchangeOn: string | null }): PersonCursor {
  const key = sort === 'next-contact' ? (row.nextContactDue ?? NO_NEXT_CONTACT) : sort === 'last-exchange' ? (row.lastExchangeOn ?? NO_LAST_EXCHANGE) : null;
  return { sort, key, sortName: row.sortName, id: row.id };
}
