import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    /** The same server through its Unix socket (postgres-server.ts socketUrl). */
    postgresSocketUrl: string;
  }
}

/**
 * One PostgreSQL server for the whole run; each test file makes its own database in it. And one
 * temporary folder for the run, removed with it: the test processes inherit TMPDIR, so every
 * folder a test makes with `os.tmpdir()` (data folders, scripts, the workers bundled from their
 * sources by services/import/off-thread.ts's workerScript) goes under it. The test processes are
 * ended by the runner, not left to exit, so a test's own clean-up does not always run; dozens of
 * folders a run had piled up in /tmp.
 */
export default async function setup(project: TestProject) {
  const runFolder = mkdtempSync(join(tmpdir(), 'waggle-test-run-'));
  // Passable for PostgreSQL's own user (the servers' folders under it are its own), not listable.
  chmodSync(runFolder, 0o711);
  process.env.TMPDIR = runFolder;
  const server = await startTestPostgres();
  project.provide('postgresUrl', server.url());
  project.provide('postgresSocketUrl', server.socketUrl());
  return async () => {
    await server.stop();
    rmSync(runFolder, { recursive: true, force: true });
  };
}
