import { openStore } from '../storage/database.js';
import { randomIds, systemClock } from './context.js';
import { ensureWorkspace, LOCAL_WORKSPACE_ID } from './workspace.js';
/** Opens the database, brings it up to date and returns a context for the local workspace. */
export async function openSession(config, options = {}) {
    const store = await openStore(config);
    const clock = options.clock ?? systemClock;
    try {
        const timeZone = await ensureWorkspace(store.db, clock, options.defaultTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
        const ctx = { db: store.db, workspaceId: LOCAL_WORKSPACE_ID, clock, ids: options.ids ?? randomIds, timeZone };
        return { ctx, store, close: () => store.close() };
    }
    catch (error) {
        await store.close();
        throw error;
    }
}
//# sourceMappingURL=session.js.map