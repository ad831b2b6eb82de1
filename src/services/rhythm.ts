import { sql } from 'kysely';
import { nextContact } from '../core/next-contact.js';
import type { ServiceContext } from './context.js';
import { chunks } from '../storage/chunks.js';

/**
 * Keeps each person's derived dates current: `lastExchangeOn` (the latest exchange
 * with them) and `nextContactDue` (the core's nextContact date), which the people
 * list filters and sorts by through an index. Every write that adds or removes an
 * exchange, or changes a cadence, a hand-set next contact or the day added, calls
 * this inside its own transaction, so a reader never sees them disagree with the rows
 * they come from. Without `personIds`: everyone in the workspace (a restore, a bulk load).
 */
export async function refreshRhythm(ctx: ServiceContext, personIds?: readonly string[]): Promise<void> {
  const ws = ctx.workspaceId;
  const groups = personIds === undefined ? [undefined] : chunks([...new Set(personIds)]);
  for (const ids of groups) {
    if (ids !== undefined && ids.length === 0) continue;
    let update = ctx.db
      .updateTable('people')
      .set({ lastExchangeOn: sql`(select max(ep.occurred_on) from exchange_people ep where ep.person_id = people.id)` })
      .where('workspaceId', '=', ws);
    if (ids) update = update.where('id', 'in', ids);
    await update.execute();

    let select = ctx.db.selectFrom('people').select(['id', 'nextContactOn', 'cadence', 'lastExchangeOn', 'addedOn', 'nextContactDue']).where('workspaceId', '=', ws);
    if (ids) select = select.where('id', 'in', ids);
    const rows = await select.execute();
    // One statement per distinct date, not one per person: a restore of thousands stays a few dozen statements.
    const byDue = new Map<string | null, string[]>();
    for (const row of rows) {
      const due = nextContact({ nextContactOn: row.nextContactOn, cadence: row.cadence, lastExchangeOn: row.lastExchangeOn, addedOn: row.addedOn })?.date ?? null;
      if (due === row.nextContactDue) continue;
      const list = byDue.get(due);
      if (list) list.push(row.id);
      else byDue.set(due, [row.id]);
    }
    for (const [due, changed] of byDue) {
      for (const chunk of chunks(changed)) await ctx.db.updateTable('people').set({ nextContactDue: due }).where('workspaceId', '=', ws).where('id', 'in', chunk).execute();
    }
  }
}
