import type { Kysely } from 'kysely';
import type { PhotoType } from '../core/photo.js';
import { chunks } from './chunks.js';
import type { Database } from './schema.js';

/* People's photos: the bytes, their sniffed type, when they were set. Read through the person, so another workspace's photo is not found. */

export interface StoredPhoto {
  mediaType: PhotoType;
  bytes: Uint8Array;
  updatedAt: string;
}

/** Both drivers take a Node Buffer for a blob or bytea; a plain Uint8Array is not always enough. */
const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Writes a person's photo in place of any before it. */
export async function replacePhoto(db: Kysely<Database>, photo: StoredPhoto & { personId: string }): Promise<void> {
  await db.deleteFrom('personPhotos').where('personId', '=', photo.personId).execute();
  await db.insertInto('personPhotos').values({ personId: photo.personId, mediaType: photo.mediaType, bytes: asBuffer(photo.bytes), updatedAt: photo.updatedAt }).execute();
}

export async function deletePhoto(db: Kysely<Database>, personId: string): Promise<void> {
  await db.deleteFrom('personPhotos').where('personId', '=', personId).execute();
}

/** The photos of the people named that have one, this workspace's only. */
export async function selectPhotosOf(db: Kysely<Database>, workspaceId: string, personIds: readonly string[]): Promise<Map<string, StoredPhoto>> {
  const byPerson = new Map<string, StoredPhoto>();
  for (const ids of chunks(personIds)) {
    const rows = await db
      .selectFrom('personPhotos')
      .innerJoin('people', 'people.id', 'personPhotos.personId')
      .select(['personPhotos.personId', 'personPhotos.mediaType', 'personPhotos.bytes', 'personPhotos.updatedAt'])
      .where('people.workspaceId', '=', workspaceId)
      .where('personPhotos.personId', 'in', ids)
      .execute();
    for (const row of rows) byPerson.set(row.personId, { mediaType: row.mediaType as PhotoType, bytes: new Uint8Array(row.bytes), updatedAt: row.updatedAt });
  }
  return byPerson;
}
