import type { Insertable, Kysely, Selectable } from 'kysely';
import type { ShareToken } from '../core/model.js';
import type { ShareKind } from '../core/vocabulary.js';
import type { Database } from './schema.js';

/* Share links: only a token's hash is kept; a request finds its link by that hash. */

type ShareTokensTable = Database['shareTokens'];

export function toShare(row: Selectable<ShareTokensTable>): ShareToken {
  return { id: row.id, kind: row.kind as ShareKind, label: row.label, includeNotes: row.includeNotes === 1, createdAt: row.createdAt, revokedAt: row.revokedAt };
}

export async function insertShare(db: Kysely<Database>, row: Insertable<ShareTokensTable>): Promise<void> {
  await db.insertInto('shareTokens').values(row).execute();
}

/** The workspace's share links, oldest first. */
export async function selectShares(db: Kysely<Database>, workspaceId: string): Promise<Selectable<ShareTokensTable>[]> {
  return db.selectFrom('shareTokens').selectAll().where('workspaceId', '=', workspaceId).orderBy('createdAt').orderBy('id').execute();
}

export async function findShareRow(db: Kysely<Database>, workspaceId: string, id: string): Promise<Selectable<ShareTokensTable> | undefined> {
  return db.selectFrom('shareTokens').selectAll().where('workspaceId', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** The link whose token has this hash, in any workspace: a share link is opened without signing in. */
export async function findShareByTokenHash(db: Kysely<Database>, tokenHash: string): Promise<Selectable<ShareTokensTable> | undefined> {
  return db.selectFrom('shareTokens').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
}

export async function markShareRevoked(db: Kysely<Database>, id: string, revokedAt: string): Promise<void> {
  await db.updateTable('shareTokens').set({ revokedAt }).where('id', '=', id).execute();
}
