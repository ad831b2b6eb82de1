// Running the built `waggle` command (bin/waggle.js over dist/) as a real process.
import { clearTimeout, setTimeout } from 'node:timers';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'waggle.js');

export function assertBuilt() {
  if (!existsSync(join(ROOT, 'dist', 'bundle', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` first');
}

/** The environment a waggle process gets: no PostgreSQL unless asked, no debug stack traces. */
export function waggleEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  if (!('DATABASE_URL' in extra)) delete env.DATABASE_URL;
  delete env.WAGGLE_DEBUG;
  delete env.WAGGLE_DATA_DIR;
  return env;
}

/** Starts `waggle ARGS`; the promise `done` settles with the exit code, signal, output and time taken. */
export function startWaggle(args, { env = waggleEnv(), timeoutMs = 120_000, stdin } = {}) {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
  if (stdin !== undefined) child.stdin.end(stdin);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  const done = new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started, timedOut });
    });
  });
  return { child, done, output: () => ({ stdout, stderr }) };
}

export function runWaggle(args, options) {
  return startWaggle(args, options).done;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
