import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, SqliteDialect } from 'kysely';
/** How long a writer waits for another process (the CLI beside a running server) before giving up. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;
/**
 * SQLite with WAL, foreign keys and a busy timeout, whose write transactions take
 * the write lock up front (`begin immediate`). A deferred `begin` that later tries
 * to write can fail with SQLITE_BUSY without waiting when another process wrote in
 * between; taking the lock first makes the busy timeout apply instead.
 */
export function createSqliteDialect(file) {
    const database = new SqliteDatabase(file);
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    database.pragma('synchronous = NORMAL');
    return new ImmediateSqliteDialect({ database });
}
class ImmediateSqliteDialect extends SqliteDialect {
    createDriver() {
        const driver = super.createDriver();
        driver.beginTransaction = async (connection) => {
            await connection.executeQuery(CompiledQuery.raw('begin immediate'));
        };
        return driver;
    }
}
//# sourceMappingURL=sqlite.js.map