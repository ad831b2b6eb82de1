import { PostgresAdapter, type Kysely } from 'kysely';
import { columnTypes, inList } from './column-types.js';

/*
 * An optional photo per person, kept in the workspace's own database (never a file
 * path, never a web address): the bytes as they came, their sniffed type (one of the
 * raster types core/photo.ts takes) and their size. Removing the person removes the
 * photo. Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('person_photos')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
    .addColumn('media_type', 'text', (c) => c.notNull().check(inList('media_type', ['image/png', 'image/jpeg', 'image/webp', 'image/gif'])))
    .addColumn('bytes', postgres ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('updated_at', columnTypes(db).timestamp, (c) => c.notNull())
    .execute();
}
