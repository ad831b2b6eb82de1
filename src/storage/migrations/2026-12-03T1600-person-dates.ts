import { sql, type Kysely } from 'kysely';
import { inList } from './column-types.js';

/*
 * Dates that matter on a person: a birthday, an anniversary, or a date of the user's
 * own naming, each a month and day with the year when known. Kept as numbers, not a
 * date column, because a birthday without a year is not a calendar date. Removing the
 * person removes their dates. Frozen once shipped.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('person_dates')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', ['birthday', 'anniversary', 'other'])))
    .addColumn('label', 'text')
    .addColumn('month', 'integer', (c) => c.notNull().check(sql`month between 1 and 12`))
    .addColumn('day', 'integer', (c) => c.notNull().check(sql`day between 1 and 31`))
    .addColumn('year', 'integer')
    .addPrimaryKeyConstraint('person_dates_pk', ['person_id', 'position'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('person_dates').execute();
}
