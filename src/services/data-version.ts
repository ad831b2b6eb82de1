import { dataVersion, withDataVersionRead, withDataVersionSeen } from '../storage/data-version.js';
import type { ServiceContext } from './context.js';

/**
 * What identifies the data as it stands now (storage/data-version.ts): equal versions mean
 * nothing was written in between, by this process or another. Read it before the reads an
 * answer is worked out from, and an answer kept under it is never older than the version says.
 */
export function currentDataVersion(ctx: ServiceContext): Promise<string> {
  return dataVersion(ctx.db, ctx.workspaceId);
}

/** Works an answer out with `version` (just read by currentDataVersion) standing for the data's version in its reads: one read, not one per listing. */
export function atDataVersion<T>(ctx: ServiceContext, version: string, work: () => Promise<T>): Promise<T> {
  return withDataVersionRead(ctx.db, ctx.workspaceId, version, work);
}

/**
 * Works an answer out whose reads name the version they saw (a person's page: on PostgreSQL in the
 * same statement), and gives it back with that version, or undefined when none was named (then it
 * is not to be kept under any).
 */
export function atDataVersionSeen<T>(ctx: ServiceContext, work: () => Promise<T>): Promise<{ value: T; version: string | undefined }> {
  return withDataVersionSeen(ctx.db, ctx.workspaceId, work);
}
