import envPaths from 'env-paths';
import { resolve } from 'node:path';
/**
 * Where the data lives: PostgreSQL when DATABASE_URL is set; otherwise SQLite in
 * the folder given by --data, else WAGGLE_DATA_DIR, else the user's data
 * directory (~/.local/share/waggle on Linux, ~/Library/Application Support/waggle
 * on macOS, %LOCALAPPDATA%\waggle\Data on Windows).
 */
export function resolveDatabaseConfig(env, dataFlag) {
    if (dataFlag)
        return { kind: 'sqlite', dataDir: resolve(dataFlag) };
    const url = env.DATABASE_URL?.trim();
    if (url)
        return { kind: 'postgres', url };
    const fromEnv = env.WAGGLE_DATA_DIR?.trim();
    if (fromEnv)
        return { kind: 'sqlite', dataDir: resolve(fromEnv) };
    return { kind: 'sqlite', dataDir: envPaths('waggle', { suffix: '' }).data };
}
//# sourceMappingURL=config.js.map