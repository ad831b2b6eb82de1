// Imports every corpus file with `waggle import FILE --json` and judges the end:
// a result (exit 0), or a clear error (exit 2 with a JSON error object) that left
// the data exactly as it was. Anything else is a failure: a crash (exit 1, a stack
// trace, a signal, a hang), another exit code, an unclear error, a partial write.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { snapshot } from './sqlite-check.mjs';
import { runWaggle } from './waggle.mjs';

/** Creates the folder's database before anything is judged: opening a new folder writes its schema and workspace. */
async function initialise(dataDir) {
  mkdirSync(dataDir, { recursive: true });
  const result = await runWaggle(['--data', dataDir, 'profile', '--json']);
  if (result.code !== 0) throw new Error(`could not create a data folder: ${result.stderr}`);
}

const STACK = /\n\s+at .+(:\d+:\d+\)?|\(native\))$/m;

export function judge(result, before, after) {
  const out = { outcome: 'result', lineNumbered: false, problem: null };
  if (result.timedOut) return { ...out, outcome: 'crash', problem: 'hung (killed after the time limit)' };
  if (result.signal) return { ...out, outcome: 'crash', problem: `ended by ${result.signal}` };
  if (STACK.test(result.stderr) || STACK.test(result.stdout)) return { ...out, outcome: 'crash', problem: `stack trace: ${result.stderr.slice(0, 300)}` };
  if (result.code === 0) {
    try {
      const parsed = JSON.parse(result.stdout);
      if (!parsed || typeof parsed !== 'object' || !parsed.summary) return { ...out, outcome: 'unclear', problem: 'exit 0 without an import summary' };
    } catch {
      return { ...out, outcome: 'unclear', problem: `exit 0 with output that is not JSON: ${result.stdout.slice(0, 200)}` };
    }
    return out;
  }
  if (result.code === 1) return { ...out, outcome: 'crash', problem: `exit 1: ${result.stderr.slice(0, 300)}` };
  let error = null;
  try {
    error = JSON.parse(result.stderr).error;
  } catch {
    // judged below
  }
  if (!error || typeof error.message !== 'string' || !error.message) return { ...out, outcome: 'unclear', problem: `exit ${result.code} without a JSON error object: ${result.stderr.slice(0, 300)}` };
  const lineNumbered = /\bline \d+/i.test(error.message);
  if (before.digest !== after.digest) return { outcome: 'partial-write', lineNumbered, problem: `exit ${result.code} (${error.message.slice(0, 200)}) but the data changed: ${JSON.stringify(diffCounts(before.counts, after.counts))}` };
  if (result.code !== 2) return { outcome: 'unclear', lineNumbered, problem: `exit ${result.code} (expected 0 or 2): ${error.message.slice(0, 200)}` };
  return { outcome: 'error', lineNumbered, problem: null, message: error.message };
}

function diffCounts(a, b) {
  const diff = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) if (a[key] !== b[key]) diff[key] = `${a[key] ?? 0} → ${b[key] ?? 0}`;
  return Object.keys(diff).length ? diff : 'same counts, changed rows';
}

/**
 * `workers` processes at a time, each with its own data folders: one that keeps
 * what earlier files imported (CSV and vCard merge into it) and one that is empty
 * for backups (a backup is restored only into an empty map).
 */
export async function runCorpus(entries, { workDir, workers = 2, timeoutMs = 120_000, log = () => {} }) {
  const results = new Array(entries.length);
  let next = 0;
  const worker = async (w) => {
    const populated = join(workDir, `corpus-worker-${w}`, 'data');
    const emptyDir = join(workDir, `corpus-worker-${w}`, 'empty');
    await initialise(populated);
    await initialise(emptyDir);
    while (next < entries.length) {
      const index = next++;
      const entry = entries[index];
      const isBackup = entry.kind === 'backup' || /\.json$/.test(entry.file);
      const dataDir = isBackup ? emptyDir : populated;
      const before = snapshot(dataDir);
      const result = await runWaggle(['--data', dataDir, 'import', entry.file, '--json'], { timeoutMs });
      const after = snapshot(dataDir);
      const verdict = judge(result, before, after);
      results[index] = { ...entry, code: result.code, signal: result.signal, ms: result.ms, ...verdict };
      if (isBackup && result.code === 0) {
        rmSync(emptyDir, { recursive: true, force: true });
        await initialise(emptyDir);
      }
      log(`${verdict.outcome.padEnd(13)} exit ${String(result.code ?? result.signal).padEnd(3)} ${entry.file.split('/').pop()}${verdict.problem ? `  ${verdict.problem}` : ''}`);
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, w) => worker(w)));
  return results;
}
