#!/usr/bin/env node
// npm run chaos [-- --cycles N --seed S --only kill,corpus,canary --json --keep]
//
// Runs the built waggle (bin/waggle.js over dist/: `npm run build` first) through:
//  a. N kill -9 cycles at random moments during imports and API write bursts, each
//     followed by integrity_check, foreign_key_check, all-or-nothing imports and every
//     acknowledged write present;
//  b. a malformed corpus generated from the seed, each file imported with
//     `waggle import FILE --json`: a result or a clear error, never a crash or a
//     partial write;
//  c. the canary erasure check (SQLite through the CLI and the API; PostgreSQL when a
//     server can be started or WAGGLE_CHAOS_PG names one).
// Prints a summary and exits 1 on any failure.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canaryChecksPostgres, canaryChecksSqlite } from './chaos/canary.mjs';
import { corpusBases, generateCorpus } from './chaos/corpus.mjs';
import { runCorpus } from './chaos/corpus-run.mjs';
import { killCycles } from './chaos/kill.mjs';
import { startTempPostgres } from './chaos/postgres.mjs';
import { seededRandom } from './chaos/random.mjs';
import { assertBuilt, runWaggle, waggleEnv } from './chaos/waggle.mjs';

function parseArgs(argv) {
  const options = { cycles: 20, seed: 1, only: new Set(['kill', 'corpus', 'canary']), json: false, keep: false, workers: 2, rows: 3000, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--cycles') options.cycles = Number(value());
    else if (arg === '--seed') options.seed = Number(value());
    else if (arg === '--rows') options.rows = Number(value());
    else if (arg === '--workers') options.workers = Number(value());
    else if (arg === '--only') options.only = new Set(value().split(','));
    else if (arg === '--json') options.json = true;
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--verbose') options.verbose = true;
    else throw new Error(`unknown option ${arg} (--cycles N --seed S --rows N --workers N --only kill,corpus,canary --json --keep --verbose)`);
  }
  for (const key of ['cycles', 'seed', 'rows', 'workers']) if (!Number.isInteger(options[key]) || options[key] < 0) throw new Error(`--${key} must be a whole number`);
  return options;
}

/** A Waggle backup to damage: the demo map on a fixed day, its random ids renumbered so the bytes repeat. */
async function makeBackup(workDir) {
  const dataDir = join(workDir, 'backup-source');
  const env = waggleEnv({ WAGGLE_NOW: '2026-01-15T12:00:00Z' });
  const demo = await runWaggle(['--data', dataDir, 'demo', '--json'], { env });
  if (demo.code !== 0) throw new Error(`waggle demo failed: ${demo.stderr}`);
  const exported = await runWaggle(['--data', dataDir, 'export', 'json'], { env });
  if (exported.code !== 0) throw new Error(`waggle export json failed: ${exported.stderr}`);
  const ids = new Map();
  return exported.stdout.replace(/\b(per|net|goal|ex|fu|intro|tgt|tpl|shr)_[0-9a-z]{10}\b/g, (id, prefix) => {
    if (!ids.has(id)) ids.set(id, `${prefix}_${String(ids.size).padStart(10, '0')}`);
    return ids.get(id);
  });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  assertBuilt();
  const say = options.json ? (line) => process.stderr.write(`${line}\n`) : (line) => process.stdout.write(`${line}\n`);
  const workDir = mkdtempSync(join(tmpdir(), 'waggle-chaos-'));
  const started = Date.now();
  const summary = { seed: options.seed, cycles: 0, integrityFailures: 0, partialImports: 0, lostAcknowledgedWrites: 0, acknowledgedWrites: 0, killCycleErrors: 0, corpusFiles: 0, corpusResults: 0, corpusErrors: 0, corpusLineNumbered: 0, crashes: 0, unclearErrors: 0, partialWrites: 0, canaryChecks: 0, canaryHits: 0, canaryNotPlanted: 0, postgres: 'not run', failures: [], seconds: 0 };
  try {
    if (options.only.has('kill') && options.cycles > 0) {
      say(`kill -9: ${options.cycles} cycles (imports of ${options.rows} rows, API bursts)`);
      const kill = await killCycles({ cycles: options.cycles, rng: seededRandom(options.seed), workDir: join(workDir, 'kill'), rows: options.rows, log: options.verbose ? say : (line) => (line.includes('PROBLEM') ? say(line) : undefined) });
      summary.cycles = kill.cycles;
      summary.integrityFailures = kill.integrityFailures;
      summary.partialImports = kill.partialImports;
      summary.lostAcknowledgedWrites = kill.lostWrites;
      summary.acknowledgedWrites = kill.acknowledgedWrites;
      summary.killCycleErrors = kill.crashes;
      for (const p of kill.problems) summary.failures.push(`kill cycle ${p.cycle}: ${p.kind}: ${p.detail}`);
    }
    if (options.only.has('corpus')) {
      const rng = seededRandom(options.seed + 1);
      mkdirSync(join(workDir, 'corpus'), { recursive: true });
      const entries = generateCorpus(rng, join(workDir, 'corpus', 'files'), corpusBases(rng, await makeBackup(workDir)));
      say(`corpus: ${entries.length} malformed files`);
      const results = await runCorpus(entries, { workDir: join(workDir, 'corpus'), workers: options.workers, log: options.verbose ? say : () => {} });
      summary.corpusFiles = results.length;
      const byKind = {};
      for (const r of results) {
        if (r.outcome === 'result') summary.corpusResults++;
        else if (r.outcome === 'error') summary.corpusErrors++;
        else if (r.outcome === 'crash') summary.crashes++;
        else if (r.outcome === 'partial-write') summary.partialWrites++;
        else summary.unclearErrors++;
        if (r.lineNumbered) summary.corpusLineNumbered++;
        byKind[r.kind] ??= { files: 0, failures: 0 };
        byKind[r.kind].files++;
        if (r.problem) {
          byKind[r.kind].failures++;
          summary.failures.push(`corpus ${r.file.split('/').pop()}: ${r.outcome}: ${r.problem}`);
        }
      }
      summary.corpusByKind = byKind;
    }
    if (options.only.has('canary')) {
      const rng = seededRandom(options.seed + 2);
      const checks = await canaryChecksSqlite({ workDir: join(workDir, 'canary'), rng });
      const pgSetting = process.env.WAGGLE_CHAOS_PG?.trim();
      if (pgSetting === '0' || pgSetting === 'off') summary.postgres = 'skipped (WAGGLE_CHAOS_PG=0)';
      else {
        let server = null;
        try {
          server = pgSetting ? { url: pgSetting, stop: () => {} } : await startTempPostgres();
          if (!server) summary.postgres = 'skipped (no PostgreSQL binaries under /usr/lib/postgresql)';
          else {
            checks.push(...(await canaryChecksPostgres({ url: server.url, rng, workDir: join(workDir, 'canary') })));
            summary.postgres = 'checked';
          }
        } catch (error) {
          summary.postgres = 'failed';
          summary.failures.push(`canary on PostgreSQL: ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          server?.stop();
        }
      }
      summary.canaryChecks = checks.length;
      for (const check of checks) {
        if (!check.planted) {
          summary.canaryNotPlanted++;
          summary.failures.push(`canary ${check.name}: the canary was never found before the erase, so the search proves nothing`);
        }
        if (check.hits.length) {
          summary.canaryHits += check.hits.length;
          summary.failures.push(`canary ${check.name}: still in ${check.hits.join(', ')}`);
        }
      }
    }
  } finally {
    if (!options.keep) rmSync(workDir, { recursive: true, force: true });
    else say(`kept the work folder: ${workDir}`);
  }
  summary.seconds = Math.round((Date.now() - started) / 1000);
  const failed = summary.failures.length > 0;
  if (options.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else {
    say('');
    say(`cycles                        ${summary.cycles}`);
    say(`integrity failures            ${summary.integrityFailures}`);
    say(`partial imports               ${summary.partialImports}`);
    say(`lost acknowledged writes      ${summary.lostAcknowledgedWrites} (of ${summary.acknowledgedWrites} acknowledged)`);
    say(`kill-cycle errors             ${summary.killCycleErrors}`);
    say(`corpus files                  ${summary.corpusFiles} (${summary.corpusResults} imported, ${summary.corpusErrors} clear errors, ${summary.corpusLineNumbered} naming a line)`);
    say(`crashes                       ${summary.crashes}`);
    say(`unclear errors                ${summary.unclearErrors}`);
    say(`partial writes                ${summary.partialWrites}`);
    say(`canary checks                 ${summary.canaryChecks} (PostgreSQL: ${summary.postgres})`);
    say(`canary hits                   ${summary.canaryHits}`);
    say(`seed ${summary.seed}, ${summary.seconds} s`);
    if (failed) {
      say('');
      say(`${summary.failures.length} failure${summary.failures.length === 1 ? '' : 's'}:`);
      for (const failure of summary.failures.slice(0, 100)) say(`  ${failure}`);
      if (summary.failures.length > 100) say(`  … and ${summary.failures.length - 100} more`);
    } else say('no failures');
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
  process.stderr.write(`chaos: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
