import { z } from 'zod';
import { CURSOR_SORTS, type PersonCursor } from './person-cursor-text.js';

/*
 * Keyset paging for the people list: a cursor names the last person of a page by its
 * place in the order (the sort's own key, the sort name, the id), so the next page
 * starts from an index position instead of counting past every earlier row, and a
 * person added or removed meanwhile neither repeats nor skips anyone. Opaque to
 * clients: base64url of a small JSON object, checked field by field when it comes back.
 */

export { CURSOR_SORTS, encodePersonCursor, type CursorSort, type PersonCursor } from './person-cursor-text.js';

const MAX_CURSOR = 2000;

const cursorShape = z
  .object({
    s: z.enum(CURSOR_SORTS),
    k: z.string().max(40).nullable(),
    n: z.string().max(MAX_CURSOR),
    i: z.string().min(1).max(200),
  })
  .strict()
  .refine((c) => (c.s === 'name') === (c.k === null));

/** The cursor, or null when the text is not one this server made (cut, edited or from elsewhere). */
export function decodePersonCursor(text: string): PersonCursor | null {
  if (text.length > MAX_CURSOR || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const json = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
    const parsed = cursorShape.safeParse(JSON.parse(json));
    return parsed.success ? { sort: parsed.data.s, key: parsed.data.k, sortName: parsed.data.n, id: parsed.data.i } : null;
  } catch {
    // Not base64, not UTF-8 or not JSON: the same answer as a wrong shape.
    return null;
  }
}

/** A `cursor` query parameter: decoded at the edge, with words that say what to do about a bad one. */
export const personCursorParam = z
  .string()
  .transform((text, ctx) => {
    const cursor = decodePersonCursor(text);
    if (cursor) return cursor;
    ctx.addIssue({ code: 'custom', message: 'is not a cursor this list gave out (cut short or changed?): start again from the first page, without cursor' });
    return z.NEVER;
  })
  .meta({ description: 'continue after the page that gave this `nextCursor` (sorts name, next-contact, last-exchange; not with offset)' });
