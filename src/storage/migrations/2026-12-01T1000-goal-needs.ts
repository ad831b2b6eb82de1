import type { Kysely } from 'kysely';

/*
 * Needs become first-class: a goal's `areas` (a list of words) become `needs`
 * (each with an id, a name and whether it is essential), and a goal link names the
 * needs it serves. Lists stay JSON text in both databases. Frozen once shipped.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('goals').addColumn('needs', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('person_goals').addColumn('serves', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('network_goals').addColumn('serves', 'text', (c) => c.notNull().defaultTo('[]')).execute();

  const goals = await db.selectFrom('goals').select(['id', 'areas']).execute();
  for (const goal of goals as { id: string; areas: string }[]) {
    const needs = areasToNeeds(goal.areas);
    if (needs.length > 0) await db.updateTable('goals').set({ needs: JSON.stringify(needs) }).where('id', '=', goal.id).execute();
  }
  await db.schema.alterTable('goals').dropColumn('areas').execute();
}

/** Each area becomes a need, none essential (the user says which are), ids by position. */
function areasToNeeds(json: string): { id: string; name: string; essential: boolean }[] {
  let areas: unknown;
  try {
    areas = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(areas)) return [];
  const seen = new Set<string>();
  const needs: { id: string; name: string; essential: boolean }[] = [];
  for (const area of areas) {
    if (typeof area !== 'string' || area.trim() === '') continue;
    const key = area.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    needs.push({ id: `need_${needs.length + 1}`, name: area.trim(), essential: false });
  }
  return needs;
}
