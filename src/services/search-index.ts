import { searchText } from '../core/search-text.js';
import type { ServiceContext } from './context.js';
import { chunks } from '../storage/chunks.js';
import { parseJsonList } from '../storage/columns.js';

/**
 * Writes `people.search_text` again for these people, from their fields and channels
 * as stored now, inside the caller's transaction. Writes that have the whole person in
 * hand (adding one, an import's new people, a restore) compute it as they insert.
 */
export async function refreshSearchText(ctx: ServiceContext, personIds: readonly string[]): Promise<void> {
  for (const ids of chunks([...new Set(personIds)])) {
    const people = await ctx.db
      .selectFrom('people')
      .select(['id', 'name', 'organisation', 'role', 'location', 'tags', 'notes', 'searchText'])
      .where('workspaceId', '=', ctx.workspaceId)
      .where('id', 'in', ids)
      .execute();
    const points = await ctx.db.selectFrom('contactPoints').select(['personId', 'value']).where('personId', 'in', ids).orderBy('personId').orderBy('position').execute();
    const channels = new Map<string, string[]>();
    for (const point of points) channels.set(point.personId, [...(channels.get(point.personId) ?? []), point.value]);
    for (const person of people) {
      const text = searchText({ ...person, tags: parseJsonList<string>(person.tags) }, channels.get(person.id) ?? []);
      if (text !== person.searchText) await ctx.db.updateTable('people').set({ searchText: text }).where('id', '=', person.id).execute();
    }
  }
}
