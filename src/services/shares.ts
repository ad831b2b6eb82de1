import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { NotFoundError } from '../core/errors.js';
import type { ShareToken } from '../core/model.js';
import type { ShareKind } from '../core/vocabulary.js';
import type { Database } from '../storage/schema.js';
import { inTransaction, nowTimestamp, type ServiceContext } from './context.js';
import { flag } from '../storage/columns.js';
import { findShareByTokenHash, findShareRow, insertShare, markShareRevoked, selectShares, toShare } from '../storage/shares.js';

/**
 * Share links: a long random token (256 bits) in a URL opens one thing, read-only:
 * the plan page for an accountability partner, or the calendar feed. Only the
 * token's hash is stored; revoking works at once because every request looks the
 * token up.
 */

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface CreatedShare {
  share: ShareToken;
  /** Shown once: only its hash is kept. */
  token: string;
}

export async function createShare(ctx: ServiceContext, input: { kind: ShareKind; label?: string | null; includeNotes?: boolean }): Promise<CreatedShare> {
  const token = randomBytes(32).toString('base64url');
  const row = {
    id: ctx.ids('shr'),
    workspaceId: ctx.workspaceId,
    kind: input.kind,
    label: input.label ?? null,
    tokenHash: hashToken(token),
    includeNotes: flag(input.includeNotes ?? false),
    createdAt: nowTimestamp(ctx),
    revokedAt: null,
  };
  await insertShare(ctx.db, row);
  return { share: toShare(row), token };
}

export async function listShares(ctx: ServiceContext): Promise<ShareToken[]> {
  return (await selectShares(ctx.db, ctx.workspaceId)).map(toShare);
}

export async function revokeShare(ctx: ServiceContext, id: string): Promise<ShareToken> {
  const row = await findShareRow(ctx.db, ctx.workspaceId, id);
  if (!row) throw new NotFoundError('share link', id);
  if (row.revokedAt) return toShare(row);
  const revokedAt = nowTimestamp(ctx);
  await markShareRevoked(ctx.db, id, revokedAt);
  return toShare({ ...row, revokedAt });
}

/** A new token for the same thing: the old link stops working, a new one is made. */
export async function rotateShare(ctx: ServiceContext, id: string): Promise<CreatedShare> {
  return inTransaction(ctx, async (trx) => {
    const old = await revokeShare(trx, id);
    return createShare(trx, { kind: old.kind, label: old.label, includeNotes: old.includeNotes });
  });
}

export interface ResolvedShare {
  id: string;
  workspaceId: string;
  kind: ShareKind;
  includeNotes: boolean;
}

/** What a token opens, or null when it is unknown, revoked, or for another kind of thing. */
export async function resolveShareToken(db: Kysely<Database>, token: string, kind: ShareKind): Promise<ResolvedShare | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await findShareByTokenHash(db, hashToken(token));
  if (!row || row.revokedAt !== null || row.kind !== kind) return null;
  return { id: row.id, workspaceId: row.workspaceId, kind, includeNotes: row.includeNotes === 1 };
}
