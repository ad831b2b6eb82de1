import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/**
 * One PostgreSQL server for the whole run; each test file makes its own database in it. And one
 * folder for the workers the tests bundle from their sources (services/import/off-thread.ts,
 * workerScript), removed with the run: the test processes are ended by the runner, not left to
 * exit, and each had left about 1 MB a worker in the temporary folder.
 */
export default async function setup(project: TestProject) {
  const bundles = mkdtempSync(join(tmpdir(), 'waggle-test-workers-'));
  process.env.WAGGLE_WORKER_BUNDLES = bundles;
  const server = await startTestPostgres();
  project.provide('postgresUrl', server.url());
  return async () => {
    await server.stop();
    rmSync(bundles, { recursive: true, force: true });
  };
}
