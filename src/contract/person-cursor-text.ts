/*
 * A people-list cursor as it is written out: its parts and its text. Apart from the reading
 * back (person-cursor.ts), which needs zod: the list writes cursors on every paged read, and
 * `waggle check` (which reads the whole list) should not load zod to start.
 */

/** The sorts with an index that ends in (sort name, id): those a cursor can continue. */
export const CURSOR_SORTS = ['name', 'next-contact', 'last-exchange'] as const;
export type CursorSort = (typeof CURSOR_SORTS)[number];

export interface PersonCursor {
  sort: CursorSort;
  /** The sort's own key of the last person (the next contact or last exchange date, as the index has it); null for name. */
  key: string | null;
  sortName: string;
  id: string;
}

export function encodePersonCursor(cursor: PersonCursor): string {
  const bytes = new TextEncoder().encode(JSON.stringify({ s: cursor.sort, k: cursor.key, n: cursor.sortName, i: cursor.id }));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
