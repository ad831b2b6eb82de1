import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { DatabaseConfig } from '../storage/database.js';

/** The databases every storage-level suite runs against. */
export const DIALECTS = ['sqlite', 'postgres'] as const;
export type Dialect = (typeof DIALECTS)[number];

let counter = 0;

/** A fresh, empty database of the given kind, and a way to throw it away. */
export async function freshDatabase(kind: Dialect): Promise<{ config: DatabaseConfig; dispose(): Promise<void> }> {
  if (kind === 'sqlite') {
    // The data folder itself is left for Waggle to make, as on a first run: its mode is then Waggle's doing, not the test's.
    const root = mkdtempSync(join(tmpdir(), 'waggle-test-'));
    return { config: { kind: 'sqlite', dataDir: join(root, 'data') }, dispose: async () => rmSync(root, { recursive: true, force: true }) };
  }
  const adminUrl = inject('postgresUrl');
  const name = `waggle_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  return {
    config: { kind: 'postgres', url },
    dispose: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      // A closed pool's sockets may still be saying goodbye; forcing them off now
      // would surface as an error in a client nobody listens to any more.
      for (let i = 0; i < 50; i++) {
        const { rows } = await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0]?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
