/**
 * Runs an import's reading and planning in a worker thread, so that a server
 * keeps answering while a 30,000-row file is parsed; only the database write
 * stays on the main thread.
 *
 * The worker is the compiled `parse-worker.js` next to this module (in dist/,
 * and in dist/bundle where the bundler writes it as an entry of its own). Run
 * from the TypeScript sources (the tests), the worker is bundled once per
 * process with esbuild, a development dependency.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import type { ExistingPerson } from '../../core/import-merge.js';
import { ImportFileError } from '../../core/import-types.js';
import { runWorkerJob } from '../worker-job.js';
import type { BackupText, PlannedFile, ReadOptions } from './plan-file.js';

export interface WorkerJob {
  bytes: Uint8Array;
  options: ReadOptions;
  existing: readonly ExistingPerson[];
}

export type WorkerAnswer =
  | { kind: 'progress'; phase: 'reading' | 'planning'; done: number; total: number }
  | { kind: 'done'; result: PlannedFile | BackupText }
  | { kind: 'refused'; line: number | null; reason: string }
  | { kind: 'failed'; message: string };

let workerFile: Promise<string> | null = null;

/**
 * The script of a worker: `NAME.js` compiled beside `base` (dist/, or dist/bundle
 * where the bundler writes it as an entry of its own), else `NAME.ts` bundled
 * once per process with esbuild (the tests, run from the sources).
 */
export async function workerScript(name: string, base: string): Promise<string> {
  const compiled = fileURLToPath(new URL(`./${name}.js`, base));
  if (existsSync(compiled)) return compiled;
  const source = fileURLToPath(new URL(`./${name}.ts`, base));
  if (!existsSync(source)) throw new Error(`the worker is missing: ${compiled}`);
  const esbuild = await import('esbuild');
  // The database drivers stay outside, as in dist/bundle (better-sqlite3 finds its native part beside itself),
  // named by their full path: the bundle is written to a temporary folder with no node_modules above it.
  const resolve = createRequire(source).resolve;
  const drivers: Plugin = { name: 'drivers', setup: (b) => b.onResolve({ filter: /^(better-sqlite3|pg)$/ }, (args) => ({ path: resolve(args.path), external: true })) };
  // import.meta.url stays the source's: what the worker requires at run time (iconv-lite, codecs/encoding-libraries.ts) is found from there, not from the temporary folder.
  const built = await esbuild.build({ entryPoints: [source], bundle: true, platform: 'node', format: 'esm', target: 'node20', write: false, logLevel: 'silent', plugins: [drivers], define: { 'import.meta.url': JSON.stringify(pathToFileURL(source).href) }, banner: { js: "import { createRequire as __wr } from 'node:module'; const require = __wr(import.meta.url);" } });
  // Run by the tests, the temporary folder is the run's own (test-support/global-setup.ts sets TMPDIR), removed with the run.
  const file = join(mkdtempSync(join(tmpdir(), `waggle-${name}-`)), `${name}.mjs`);
  writeFileSync(file, built.outputFiles[0]!.contents);
  return file;
}

const findWorker = () => workerScript('parse-worker', import.meta.url);

/** Reads and plans a file in a worker thread (a backup comes back as its text); ImportFileError when the file is refused. */
export async function planFileOffThread(job: WorkerJob, progress: (phase: 'reading' | 'planning', done: number, total: number) => void = () => undefined): Promise<PlannedFile | BackupText> {
  workerFile ??= findWorker();
  const file = await workerFile.catch((error: unknown) => {
    workerFile = null;
    throw error;
  });
  return runWorkerJob<PlannedFile | BackupText, WorkerAnswer>(
    file,
    job,
    (answer, outcome) => {
      if (answer.kind === 'progress') progress(answer.phase, answer.done, answer.total);
      else if (answer.kind === 'done') outcome.done(answer.result);
      else if (answer.kind === 'refused') outcome.fail(new ImportFileError(answer.line, answer.reason));
      else outcome.fail(new Error('the import worker failed', { cause: answer.message }));
    },
    (cause, exitCode) => (exitCode === undefined ? cause : new Error(`the import worker stopped (exit code ${exitCode}) before answering`)),
  );
}
