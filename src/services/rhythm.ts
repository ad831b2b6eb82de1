import { nextContact } from '../core/next-contact.js';
import type { ServiceContext } from './context.js';
import { chunks } from '../storage/chunks.js';
import { refreshJournalColumns, refreshJournalColumnsOfPeopleWithExchanges, selectRhythmRows, setNextContactDue, type JournalKnown, type RhythmRow } from '../storage/derived.js';

/**
 * Keeps each person's derived dates current: `lastExchangeOn` (the latest exchange
 * with them) and `nextContactDue` (the core's nextContact date), which the people
 * list filters and sorts by through an index; and, beside the last exchange, the
 * journal's sums for the person that the network check reads (storage/derived.ts). Every write that adds or removes an
 * exchange, or changes a cadence, a hand-set next contact or the day added, calls
 * this inside its own transaction, so a reader never sees them disagree with the rows
 * they come from. Without `personIds`: everyone in the workspace (a restore, a bulk load).
 */
export async function refreshRhythm(ctx: ServiceContext, personIds?: readonly string[], known: JournalKnown = {}): Promise<void> {
  const ws = ctx.workspaceId;
  const groups = personIds === undefined ? [undefined] : chunks([...new Set(personIds)]);
  for (const ids of groups) {
    if (ids !== undefined && ids.length === 0) continue;
    // Each has an exchange: the journal's columns and the rows read back in one statement (a round trip fewer on PostgreSQL).
    const rows = ids !== undefined && known.eachHasAnExchange ? await refreshJournalColumnsOfPeopleWithExchanges(ctx.db, ws, ids) : await refreshThenSelect(ctx, ids, known);
    await settleNextContactDue(ctx, rows);
  }
}

/**
 * Stores each row's next contact (the core's nextContact) where the date stored for it differs: one
 * statement per distinct date, not one per person, so a restore of thousands stays a few dozen statements.
 */
export async function settleNextContactDue(ctx: ServiceContext, rows: readonly RhythmRow[]): Promise<void> {
  const byDue = new Map<string | null, string[]>();
  for (const row of rows) {
    const due = nextContact({ nextContactOn: row.nextContactOn, cadence: row.cadence, lastExchangeOn: row.lastExchangeOn, addedOn: row.addedOn })?.date ?? null;
    if (due === row.nextContactDue) continue;
    const list = byDue.get(due);
    if (list) list.push(row.id);
    else byDue.set(due, [row.id]);
  }
  for (const [due, changed] of byDue) {
    for (const chunk of chunks(changed)) await setNextContactDue(ctx.db, ctx.workspaceId, chunk, due);
  }
}

async function refreshThenSelect(ctx: ServiceContext, ids: readonly string[] | undefined, known: JournalKnown) {
  await refreshJournalColumns(ctx.db, ctx.workspaceId, ids, known);
  return selectRhythmRows(ctx.db, ctx.workspaceId, ids);
}
