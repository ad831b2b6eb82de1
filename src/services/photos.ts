import { NotFoundError } from '../core/errors.js';
import { checkPhoto, type PhotoType } from '../core/photo.js';
import { inTransaction, nowTimestamp, type ServiceContext } from './context.js';
import { requirePerson } from './people.js';
import { chunks } from '../storage/chunks.js';

/**
 * People's photos, kept in the workspace's database. Every read and write goes
 * through the person, so a photo of another workspace is "not found", as the
 * person is. The bytes are checked (core/photo.ts) before anything is stored.
 */

export interface Photo {
  mediaType: PhotoType;
  bytes: Uint8Array;
  updatedAt: string;
}

/** Both drivers take a Node Buffer for a blob or bytea; a plain Uint8Array is not always enough. */
const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Stores the person's photo in place of any before it; refuses what is not a PNG, JPEG, WebP or GIF of 2 MB at most. */
export async function setPhoto(ctx: ServiceContext, personId: string, bytes: Uint8Array): Promise<{ mediaType: PhotoType; size: number; updatedAt: string }> {
  const mediaType = checkPhoto(bytes);
  return inTransaction(ctx, async (trx) => {
    await requirePerson(trx, personId);
    const updatedAt = nowTimestamp(trx);
    await writePhotos(trx, [{ personId, mediaType, bytes, updatedAt }]);
    await trx.db.updateTable('people').set({ updatedAt }).where('id', '=', personId).where('workspaceId', '=', trx.workspaceId).execute();
    return { mediaType, size: bytes.length, updatedAt };
  });
}

/** Writes photos already checked (an import's, a restore's), replacing any the people had. */
export async function writePhotos(ctx: ServiceContext, photos: readonly { personId: string; mediaType: PhotoType; bytes: Uint8Array; updatedAt: string }[]): Promise<void> {
  for (const photo of photos) {
    await ctx.db.deleteFrom('personPhotos').where('personId', '=', photo.personId).execute();
    await ctx.db.insertInto('personPhotos').values({ personId: photo.personId, mediaType: photo.mediaType, bytes: asBuffer(photo.bytes), updatedAt: photo.updatedAt }).execute();
  }
}

/** The person's photo; NotFoundError when the person (in this workspace) has none. */
export async function getPhoto(ctx: ServiceContext, personId: string): Promise<Photo> {
  const photo = (await photosOf(ctx, [personId])).get(personId);
  if (!photo) {
    await requirePerson(ctx, personId);
    throw new NotFoundError('photo of person', personId);
  }
  return photo;
}

/** The photos of the people named that have one, this workspace's only. */
export async function photosOf(ctx: ServiceContext, personIds: readonly string[]): Promise<Map<string, Photo>> {
  const byPerson = new Map<string, Photo>();
  if (personIds.length === 0) return byPerson;
  for (const ids of chunks(personIds)) {
    const rows = await ctx.db
      .selectFrom('personPhotos')
      .innerJoin('people', 'people.id', 'personPhotos.personId')
      .select(['personPhotos.personId', 'personPhotos.mediaType', 'personPhotos.bytes', 'personPhotos.updatedAt'])
      .where('people.workspaceId', '=', ctx.workspaceId)
      .where('personPhotos.personId', 'in', ids)
      .execute();
    for (const row of rows) byPerson.set(row.personId, { mediaType: row.mediaType as PhotoType, bytes: new Uint8Array(row.bytes), updatedAt: row.updatedAt });
  }
  return byPerson;
}

/** Whether the person (in this workspace) has a photo, without reading its bytes. */
export async function hasPhoto(ctx: ServiceContext, personId: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('personPhotos')
    .innerJoin('people', 'people.id', 'personPhotos.personId')
    .select('personPhotos.personId')
    .where('people.workspaceId', '=', ctx.workspaceId)
    .where('personPhotos.personId', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Removes the person's photo, if any. */
export async function removePhoto(ctx: ServiceContext, personId: string): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    await requirePerson(trx, personId);
    await trx.db.deleteFrom('personPhotos').where('personId', '=', personId).execute();
  });
}
