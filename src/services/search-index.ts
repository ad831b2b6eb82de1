import type { ServiceContext } from './context.js';
import { refreshSearchText as refreshStoredSearchText } from '../storage/search-index.js';

/**
 * Writes `people.search_text` again for these people inside the caller's transaction:
 * the query is storage's (storage/search-index.ts); kept here under its old name for
 * the services that call it (people, imports).
 */
export function refreshSearchText(ctx: ServiceContext, personIds: readonly string[]): Promise<void> {
  return refreshStoredSearchText(ctx.db, ctx.workspaceId, personIds);
}
