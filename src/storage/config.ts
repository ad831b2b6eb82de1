import envPaths from 'env-paths';
import { resolve } from 'node:path';
import type { DatabaseConfig } from './database.js';
import { poolSizeFromEnv } from './postgres-pool-size.js';

/**
 * Where the data lives: PostgreSQL when DATABASE_URL is set; otherwise SQLite in
 * the folder given by --data, else WAGGLE_DATA_DIR, else the user's data
 * directory (~/.local/share/waggle on Linux, ~/Library/Application Support/waggle
 * on macOS, %LOCALAPPDATA%\waggle\Data on Windows). WAGGLE_DATABASE_POOL_SIZE sets how many
 * connections are kept to PostgreSQL (postgres-pool-size.ts).
 */
export function resolveDatabaseConfig(env: NodeJS.ProcessEnv, dataFlag?: string): DatabaseConfig {
  if (dataFlag) return { kind: 'sqlite', dataDir: resolve(dataFlag) };
  const url = env.DATABASE_URL?.trim();
  if (url) {
    const poolSize = poolSizeFromEnv(env.WAGGLE_DATABASE_POOL_SIZE);
    return poolSize === undefined ? { kind: 'postgres', url } : { kind: 'postgres', url, poolSize };
  }
  const fromEnv = env.WAGGLE_DATA_DIR?.trim();
  if (fromEnv) return { kind: 'sqlite', dataDir: resolve(fromEnv) };
  return { kind: 'sqlite', dataDir: envPaths('waggle', { suffix: '' }).data };
}
