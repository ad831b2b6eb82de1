import { NotFoundError } from '../core/errors.js';
import { checkPhoto, type PhotoType } from '../core/photo.js';
import { inTransaction, nowTimestamp, type ServiceContext } from './context.js';
import { requirePerson } from './people.js';
import { deletePhoto, replacePhoto, selectPhotosOf, type StoredPhoto } from '../storage/photos.js';
import { touchPerson } from '../storage/people.js';

/**
 * People's photos, kept in the workspace's database. Every read and write goes
 * through the person, so a photo of another workspace is "not found", as the
 * person is. The bytes are checked (core/photo.ts) before anything is stored.
 */

export type Photo = StoredPhoto;

/** Stores the person's photo in place of any before it; refuses what is not a PNG, JPEG, WebP or GIF of 2 MB at most. */
export async function setPhoto(ctx: ServiceContext, personId: string, bytes: Uint8Array): Promise<{ mediaType: PhotoType; size: number; updatedAt: string }> {
  const mediaType = checkPhoto(bytes);
  return inTransaction(ctx, async (trx) => {
    await requirePerson(trx, personId);
    const updatedAt = nowTimestamp(trx);
    await writePhotos(trx, [{ personId, mediaType, bytes, updatedAt }]);
    await touchPerson(trx.db, trx.workspaceId, personId, updatedAt);
    return { mediaType, size: bytes.length, updatedAt };
  });
}

/** Writes photos already checked (an import's, a restore's), replacing any the people had. */
export async function writePhotos(ctx: ServiceContext, photos: readonly { personId: string; mediaType: PhotoType; bytes: Uint8Array; updatedAt: string }[]): Promise<void> {
  for (const photo of photos) await replacePhoto(ctx.db, photo);
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
  if (personIds.length === 0) return new Map();
  return selectPhotosOf(ctx.db, ctx.workspaceId, personIds);
}

/** Removes the person's photo, if any. */
export async function removePhoto(ctx: ServiceContext, personId: string): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    await requirePerson(trx, personId);
    await deletePhoto(trx.db, personId);
  });
}
