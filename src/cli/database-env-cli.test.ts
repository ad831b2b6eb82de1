import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'waggle.js');

describe('the database settings read from the environment', () => {
  it('refuses a pool size that is not a whole number from 1 to 100 before connecting, saying which variable', () => {
    // Port 1 has no PostgreSQL: a connection tried would fail with the driver's words, not these.
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: 'postgres://waggle@127.0.0.1:1/waggle', WAGGLE_DATABASE_POOL_SIZE: '0' };
    delete env.WAGGLE_DATA_DIR;
    const run = spawnSync(process.execPath, [BIN, 'due'], { env, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('WAGGLE_DATABASE_POOL_SIZE: must be a whole number of connections from 1 to 100, not "0"');
    expect(run.stdout).toBe('');
  });
});
