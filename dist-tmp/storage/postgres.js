import pg from 'pg';
import { PostgresDialect } from 'kysely';
// Read dates as the ISO strings the core uses: a `date` must never become a
// JavaScript Date at local midnight, which is how reminders drift by a day.
const DATE_OID = 1082;
const TIMESTAMPTZ_OID = 1184;
const INT8_OID = 20;
pg.types.setTypeParser(DATE_OID, (value) => value);
pg.types.setTypeParser(TIMESTAMPTZ_OID, (value) => new Date(value).toISOString());
// Counts come back as int8; ours never exceed 2^53.
pg.types.setTypeParser(INT8_OID, (value) => Number(value));
export function createPostgresDialect(connectionString) {
    return new PostgresDialect({ pool: new pg.Pool({ connectionString, max: 10 }) });
}
//# sourceMappingURL=postgres.js.map