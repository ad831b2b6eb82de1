import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * Column types that differ between the two databases. SQLite keeps dates and
 * timestamps as ISO text; PostgreSQL gets real `date` and `timestamptz` columns,
 * read back as the same strings (see storage/postgres.ts).
 */
export function columnTypes(db: Kysely<any>) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  return {
    date: postgres ? ('date' as const) : ('text' as const),
    timestamp: postgres ? ('timestamptz' as const) : ('text' as const),
    real: postgres ? ('double precision' as const) : ('real' as const),
  };
}

/** `column in ('a', 'b', …)` for a check constraint; values are our own literals, never user input. */
export function inList(column: string, values: readonly string[]): RawBuilder<unknown> {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
