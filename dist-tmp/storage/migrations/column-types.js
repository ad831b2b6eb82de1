import { PostgresAdapter, sql } from 'kysely';
/**
 * Column types that differ between the two databases. SQLite keeps dates and
 * timestamps as ISO text; PostgreSQL gets real `date` and `timestamptz` columns,
 * read back as the same strings (see storage/postgres.ts).
 */
export function columnTypes(db) {
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    return {
        date: postgres ? 'date' : 'text',
        timestamp: postgres ? 'timestamptz' : 'text',
        real: postgres ? 'double precision' : 'real',
    };
}
/** `column in ('a', 'b', …)` for a check constraint; values are our own literals, never user input. */
export function inList(column, values) {
    return sql `${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
//# sourceMappingURL=column-types.js.map