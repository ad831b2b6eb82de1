import type { Selectable } from 'kysely';
import type { Introduction } from '../core/model.js';
import type { Database } from './schema.js';

/* Introductions: who introduced whom to whom. */

export function toIntroduction(row: Selectable<Database['introductions']>): Introduction {
  return {
    id: row.id,
    byId: row.byId,
    personId: row.personId,
    toId: row.toId,
    madeOn: row.madeOn,
    note: row.note,
    createdAt: row.createdAt,
  };
}
