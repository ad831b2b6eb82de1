import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CamelCasePlugin, Kysely, Migrator } from 'kysely';
import { migrations } from './migrations/index.js';
import { createPostgresDialect } from './postgres.js';
import { createSqliteDialect } from './sqlite.js';
export const SQLITE_FILE_NAME = 'waggle.db';
export class MigrationFailedError extends Error {
    name = 'MigrationFailedError';
}
/** Opens the database and brings its schema up to date. */
export async function openStore(config) {
    let dialect;
    let location;
    if (config.kind === 'sqlite') {
        mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
        location = join(config.dataDir, SQLITE_FILE_NAME);
        dialect = createSqliteDialect(location);
    }
    else {
        dialect = createPostgresDialect(config.url);
        location = redactPassword(config.url);
    }
    const db = new Kysely({ dialect, plugins: [new CamelCasePlugin()] });
    try {
        await migrateToLatest(db);
    }
    catch (error) {
        await db.destroy();
        throw error;
    }
    return { db, kind: config.kind, location, close: () => db.destroy() };
}
export async function migrateToLatest(db) {
    // Migrations see the raw snake_case schema, so they run without the camelCase plugin.
    const migrator = new Migrator({
        db: db.withoutPlugins(),
        provider: { getMigrations: async () => migrations },
    });
    const result = await migrator.migrateToLatest();
    if (result.error) {
        const failed = result.results?.find((r) => r.status === 'Error');
        throw new MigrationFailedError(`Could not bring the database schema up to date${failed ? ` (migration ${failed.migrationName})` : ''}: ${String(result.error)}`);
    }
    return result;
}
function redactPassword(url) {
    try {
        const parsed = new URL(url);
        if (parsed.password)
            parsed.password = '***';
        return parsed.toString();
    }
    catch {
        return 'postgres';
    }
}
//# sourceMappingURL=database.js.map