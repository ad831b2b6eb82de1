import type { Kysely } from 'kysely';

/*
 * Lists sort people by family name where it is known: a vCard's N, a CSV's Last Name
 * or Family Name column, or typed in. The family name is kept as it was given (a fact
 * of the person, carried by backups); `sort_name` is derived from it and the name
 * (core/names.ts sortKey). Nobody has one yet, so every stored sort name stays right.
 * Frozen once shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('people').addColumn('family_name', 'text').execute();
}
