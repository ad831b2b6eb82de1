import type { ServiceContext } from '../services/context.js';
import { ensureWorkspace } from '../services/workspace.js';

/**
 * A context for a new, empty workspace in the same database as `ctx`: a test's own data
 * beside the suite's, so that it neither reads what another test left nor leaves anything
 * another test reads. Ids stay global in the database, so a test that counts on its own
 * sequence of ids hands its own generator (or random ids) in `overrides`.
 */
export async function workspaceBeside(ctx: ServiceContext, workspaceId: string, overrides: Partial<Pick<ServiceContext, 'clock' | 'ids' | 'timeZone'>> = {}): Promise<ServiceContext> {
  const clock = overrides.clock ?? ctx.clock;
  const timeZone = await ensureWorkspace(ctx.db, clock, overrides.timeZone ?? ctx.timeZone, workspaceId);
  return { ...ctx, ...overrides, clock, workspaceId, timeZone };
}
