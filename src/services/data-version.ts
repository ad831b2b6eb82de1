import { dataVersion, withDataVersionRead, withDataVersionSeen } from '../storage/data-version.js';
import { listingSeesItsVersion } from '../storage/people-list.js';
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

/**
 * Whether the people listing a URL's query asks for (GET /api/people) reads the version it saw with
 * its page, in one statement (storage/people-list.ts: on PostgreSQL a page of a kept order): a kept
 * answer's miss is then worked out by atDataVersionSeen, one round trip where reading the version
 * first was two. Told from the raw query, before the route validates it: a query the route refuses is
 * answered with an error, never kept, and any filter named here is still read right.
 */
export function listingSeesVersion(ctx: ServiceContext, query: URLSearchParams): boolean {
  const value = (name: string) => query.get(name) ?? undefined;
  const number = (name: string) => (query.has(name) ? Number(query.get(name)) : undefined);
  return listingSeesItsVersion(ctx.db, { limit: number('limit'), offset: number('offset'), cursor: value('cursor'), goalId: value('goalId'), networkId: value('networkId'), search: value('search') });
}
