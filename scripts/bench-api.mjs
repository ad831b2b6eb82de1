// The API under load (part of npm run bench; alone: node scripts/bench-api.mjs after npm run build).
// A generated map (default 30,000 people, 1,000 networks, 20 goals, 100,000 exchanges) is
// loaded into a fresh SQLite folder and/or a throwaway PostgreSQL server; `waggle serve` runs
// as its own process; 50 clients on loopback (keep-alive, one request at a time each) ask
// one kind of request for a fixed time, then the next kind, with GET /api/health measured
// the same way as the ceiling; then a mixed run of reads with one write in ten. Figures:
// requests a second, p50/p95/p99 in ms, errors (anything but 2xx, and dropped connections),
// the server's CPU time per request (from /proc: what a request costs, whatever else the
// machine runs; for PostgreSQL the database server's own time is its own column, "pg cpu",
// its postmaster's and backends' time from /proc), and the server's resident memory (RSS, and its peak).
//
// Options: --short (3 s a kind, 10,000 people), --seconds N (default 30, as issue 15 asks), --clients N, --people N,
// --networks N, --exchanges N, --db sqlite|postgres|both (default both when PostgreSQL's
// binaries are found), --only kind,kind, --json FILE, --fresh (every read's address made
// unique with a `fresh=N` parameter the API ignores, so no answer is kept: what a miss of
// src/server/answer-cache.ts costs, as after every write), --cpu-prof DIR (the server runs under
// node --cpu-prof and writes its profile into DIR when it stops; read it with
// scripts/profile-summary.mjs), --memory (the server started with WAGGLE_MEMORY_REPORT: after
// the check and after each kind it is sent SIGUSR2 and its breakdown read, src/server/memory-report.ts:
// RSS, V8's heap used and committed, external and array buffers, anonymous and file-backed
// resident memory, and the peak so far; then the same after a full collection the report forces,
// so later phases start from a collected heap), --statements (the server counts every statement
// it runs, src/storage/statement-count.ts, and each kind says how many a request cost, on
// PostgreSQL each a round trip, and the most frequent), --kept (the server counts how it answered each GET it could
// keep, src/server/answer-count.ts: sent as kept, kept across told writes, shared, or worked out, and why; each kind and
// the mixed run say what share of their reads was worked out anew, by the address's shape), --skip-check (the check is not worked out
// before the kinds: a run of --only kinds that do not read it, sooner), --pg-top (PostgreSQL's own
// time by statement over each kind, running and planning, from pg_stat_statements, top 14), --pg-socket (the server reaches
// PostgreSQL through its Unix socket, as an install with both on one machine can, instead of TCP on
// 127.0.0.1), --write-sections (the mixed run also says how long a write to a few people holds the
// workspace's lock, part by part, and how long a due callback waited for the server's thread:
// src/storage/write-sections.ts; those writes go one at a time, so the section bounds the writes a
// second, and a mix of one write in ten reads nine times that). Measurements, not tests.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import http from 'node:http';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';


const { values: args } = parseArgs({
  options: {
    short: { type: 'boolean', default: false },
    seconds: { type: 'string' },
    clients: { type: 'string', default: '50' },
    people: { type: 'string' },
    networks: { type: 'string' },
    exchanges: { type: 'string' },
    db: { type: 'string' },
    only: { type: 'string' },
    json: { type: 'string' },
    fresh: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    memory: { type: 'boolean', default: false },
    statements: { type: 'boolean', default: false },
    kept: { type: 'boolean', default: false },
    'skip-check': { type: 'boolean', default: false },
    'pg-top': { type: 'boolean', default: false },
    'pg-socket': { type: 'boolean', default: false },
    'write-sections': { type: 'boolean', default: false },
  },
});
/** The mixed run sends one write in this many requests, the rest reads: so its reads a second are (WRITE_EVERY - 1) times its writes. */
const WRITE_EVERY = 10;
// Issue 15's protocol: 50 clients for 30 s a kind (the mixed run twice that); --seconds for a shorter look.
const SECONDS = Number(args.seconds ?? (args.short ? 3 : 30));
const CLIENTS = Number(args.clients);
const SIZE = {
  people: Number(args.people ?? (args.short ? 10000 : 30000)),
  networks: Number(args.networks ?? (args.short ? 300 : 1000)),
  goals: 20,
  exchanges: Number(args.exchanges ?? (args.short ? 30000 : 100000)),
};
const TODAY = '2026-11-22';

if (!existsSync('dist/services/session.js')) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
const { generateLargeSnapshot } = await import('../dist/demo/generate-map.js');
const { openSession } = await import('../dist/services/session.js');
const { bulkLoad } = await import('../dist/services/bulk-load.js');
const { updateProfile } = await import('../dist/services/workspace.js');

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** A throwaway PostgreSQL server, as the tests start one (src/test-support/postgres-server.ts). */
async function startPostgres() {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  if (!version) return null;
  const bin = join(root, version, 'bin');
  const dir = mkdtempSync(join(tmpdir(), 'waggle-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (command, argv) => {
    const [file, list] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...argv]] : [join(bin, command), argv];
    const result = spawnSync(file, list, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  if (asRoot) {
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
    chmodSync(dir, 0o700);
  }
  run('initdb', ['-D', join(dir, 'data'), '-U', 'waggle', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  // Durable settings (fsync on), unlike the tests' server: a write here costs what it would cost a user.
  // --pg-top: PostgreSQL keeps each statement's time (pg_stat_statements, shipped with the server), read after each kind.
  const statementStats = args['pg-top'] ? ' -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all -c pg_stat_statements.track_planning=on' : '';
  run('pg_ctl', ['-D', join(dir, 'data'), '-l', join(dir, 'server.log'), '-w', '-o', `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c max_connections=200${statementStats}`, 'start']);
  return {
    // --pg-socket: node-postgres takes a folder as the host, and finds the server's socket in it by the port.
    url: args['pg-socket'] ? `postgres://waggle@localhost:${port}/postgres?host=${encodeURIComponent(dir)}` : `postgres://waggle@127.0.0.1:${port}/postgres`,
    cpuMs: () => postgresCpuMs(join(dir, 'data')),
    stop: () => {
      try {
        run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * The throwaway PostgreSQL server's CPU time so far, in ms: its postmaster's own and its children's
 * (the backends serving the pool, the background workers), the ones still running read from /proc
 * and the ones that ended already counted in the postmaster's children's time.
 */
function postgresCpuMs(dataDir) {
  const stat = (pid) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const own = stat(postmaster);
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = stat(entry);
      if (Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Ended meanwhile: its time is in the postmaster's children's.
    }
  }
  return (ticks * 1000) / 100;
}

const round = (x) => Math.round(x * 10) / 10;
function summarise(latencies, errors, seconds) {
  const sorted = Float64Array.from(latencies).sort();
  const at = (q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
  return { requests: sorted.length, errors, rps: Math.round(sorted.length / seconds), p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(sorted.at(-1) ?? NaN) };
}

function request(agent, port, { method = 'GET', path, body }) {
  return new Promise((resolve) => {
    const start = performance.now();
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      { host: '127.0.0.1', port, method, path, agent, headers: { 'accept-encoding': 'gzip', ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}) } },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk) => (bytes += chunk.length));
        res.on('end', () => resolve({ ok: res.statusCode >= 200 && res.statusCode < 300, status: res.statusCode, ms: performance.now() - start, bytes }));
      },
    );
    req.on('error', (error) => resolve({ ok: false, status: 0, ms: performance.now() - start, error: error.message }));
    if (payload) req.write(payload);
    req.end();
  });
}

/** One GET's JSON body, for setting a run up (not measured). */
function getJson(port, path) {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      })
      .on('error', reject);
  });
}

/** With --fresh, a read's address made one of a kind, so the server works its answer out instead of sending a kept one. */
let freshCount = 0;
const KEPT_READS = /^\/api\/(?:people|due|plan|networks|goals)(?:[/?]|$)/;
function fresh(r) {
  if (!args.fresh || (r.method && r.method !== 'GET') || !KEPT_READS.test(r.path)) return r;
  freshCount += 1;
  return { ...r, path: `${r.path}${r.path.includes('?') ? '&' : '?'}fresh=${freshCount}` };
}

/** `clients` loops, each asking `next()` for a request and sending it as soon as the last one answered, for `seconds`. */
async function drive(port, seconds, next) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const latencies = { read: [], write: [] };
  // A run that labels its requests (the mixed run, by kind) also gets each label's latencies.
  const byLabel = {};
  const errors = { read: 0, write: 0 };
  const statuses = {};
  const bytes = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        const r = fresh(next());
        const result = await request(agent, port, r);
        const kind = r.method && r.method !== 'GET' ? 'write' : 'read';
        latencies[kind].push(result.ms);
        if (r.label) (byLabel[r.label] ??= []).push(result.ms);
        if (!result.ok) {
          errors[kind] += 1;
          statuses[result.status] = (statuses[result.status] ?? 0) + 1;
        } else if (bytes.length < 200) bytes.push(result.bytes);
      }
    }),
  );
  agent.destroy();
  const labels = Object.fromEntries(Object.entries(byLabel).map(([label, ms]) => [label, summarise(ms, 0, seconds)]));
  return { read: summarise(latencies.read, errors.read, seconds), write: summarise(latencies.write, errors.write, seconds), statuses, labels, medianBytes: bytes.sort((a, b) => a - b)[bytes.length >> 1] ?? 0 };
}

/** A process's (or one of its threads') /proc stat fields after its name: [0] is the state, [11] utime, [12] stime, [13] cutime, [14] cstime. */
const statFields = (pid, thread) => readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8').split(') ')[1].split(' ');

/**
 * The CPU time of a process's finished children (their user + system, once reaped), in ms: the
 * server's job processes (the check's, the map's: services/process-job.ts), which its own time leaves out.
 */
function childrenCpuMsOf(pid) {
  const fields = statFields(pid);
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
}

/** The process's CPU time so far (user + system), in ms: what a request costs whatever else the machine runs. */
function cpuMsOf(pid, thread) {
  const fields = statFields(pid, thread);
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

const statementCountFile = args.statements ? join(mkdtempSync(join(tmpdir(), 'waggle-bench-statements-')), 'counts.json') : null;
const answerCountFile = args.kept ? join(mkdtempSync(join(tmpdir(), 'waggle-bench-answers-')), 'counts.json') : null;

/** With --kept: the server's counts of how it answered each GET it could keep (written twice a second), or null. */
async function answersSoFar() {
  if (!answerCountFile) return null;
  await sleep(600);
  return existsSync(answerCountFile) ? JSON.parse(readFileSync(answerCountFile, 'utf8')) : { total: 0, byShape: {} };
}

/** How the answers between two counts were given, all together and by shape (most worked out first): counts and the share worked out. */
function answersBetween(before, after) {
  if (!before || !after) return undefined;
  const sum = (outcomes) => Object.values(outcomes).reduce((a, b) => a + b, 0);
  const worked = (outcomes) => Object.entries(outcomes).filter(([outcome]) => outcome.startsWith('workedOut')).reduce((a, [, n]) => a + n, 0);
  const shapes = Object.entries(after.byShape)
    .map(([shape, outcomes]) => [shape, Object.fromEntries(Object.entries(outcomes).map(([outcome, n]) => [outcome, n - (before.byShape[shape]?.[outcome] ?? 0)]).filter(([, n]) => n > 0))])
    .filter(([, outcomes]) => sum(outcomes) > 0)
    .sort((a, b) => worked(b[1]) - worked(a[1]));
  const all = {};
  for (const [, outcomes] of shapes) for (const [outcome, n] of Object.entries(outcomes)) all[outcome] = (all[outcome] ?? 0) + n;
  const share = (outcomes) => Math.round((worked(outcomes) / Math.max(1, sum(outcomes))) * 1000) / 10;
  return { answers: sum(all), workedOutPercent: share(all), outcomes: all, byShape: shapes.map(([shape, outcomes]) => ({ shape, answers: sum(outcomes), workedOutPercent: share(outcomes), outcomes })) };
}

const writeSectionsFile = args['write-sections'] ? join(mkdtempSync(join(tmpdir(), 'waggle-bench-sections-')), 'sections.json') : null;

/** With --write-sections: the server's sums of its locked writes' parts so far, and its thread's delay window by window (written twice a second), or null. */
async function writeSectionsSoFar() {
  if (!writeSectionsFile) return null;
  await sleep(600);
  return existsSync(writeSectionsFile) ? JSON.parse(readFileSync(writeSectionsFile, 'utf8')) : { parts: {}, loopDelay: [] };
}

/** Each part's mean ms a write between two readings, and the thread's delay over the windows between `from` and `to` (ms since the epoch). */
function writeSectionsBetween(before, after, from, to) {
  if (!before || !after) return undefined;
  const parts = {};
  for (const [part, sum] of Object.entries(after.parts)) {
    const count = sum.count - (before.parts[part]?.count ?? 0);
    if (count > 0) parts[part] = { count, meanMs: round((sum.ms - (before.parts[part]?.ms ?? 0)) / count) };
  }
  const windows = after.loopDelay.filter((w) => w.at > from && w.at <= to);
  const mean = (list) => (list.length ? round(list.reduce((a, b) => a + b, 0) / list.length) : null);
  return { parts, loopDelay: { windows: windows.length, meanMs: mean(windows.map((w) => w.meanMs)), p50Ms: mean(windows.map((w) => w.p50Ms)), p99Ms: mean(windows.map((w) => w.p99Ms)) } };
}

/** With --statements: the server's statement counts so far (written twice a second), or null. */
/**
 * --pg-top: PostgreSQL's own time by statement (pg_stat_statements) over a kind, to see which
 * statements a kind's database CPU went to: `reset` before it, `report` after (top 8 by total time).
 */
async function postgresStatementTop(url) {
  if (!args['pg-top'] || !url) return { reset: async () => {}, report: async () => {} };
  const { default: pgModule } = await import('pg');
  const client = new pgModule.Client({ connectionString: url });
  await client.connect();
  await client.query('create extension if not exists pg_stat_statements');
  return {
    reset: async () => void (await client.query('select pg_stat_statements_reset()')),
    report: async (label) => {
      const { rows } = await client.query(
        `select calls, round(total_exec_time::numeric, 1) as total, round(total_plan_time::numeric, 1) as plan, plans, round(mean_exec_time::numeric, 3) as mean, rows, jit_functions as jit, round((jit_generation_time + jit_inlining_time + jit_optimization_time + jit_emission_time)::numeric, 1) as jit_ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) as query
         from pg_stat_statements where query not like '%pg_stat_statements%' order by total_exec_time + total_plan_time desc limit 14`,
      );
      console.error(`${label}, PostgreSQL's time by statement (calls, total ms running, ms planning (times planned), mean ms running, rows):`);
      for (const row of rows) console.error(`  ${row.calls}\t${row.total}\tplan ${row.plan} (${row.plans})\t${row.mean}\t${row.rows}${row.jit > 0 ? `\tJIT ${row.jit_ms} ms` : ''}\t${row.query}`);
      // Every statement together, and the most planning: what preparing more of them could save.
      const [all] = (await client.query(`select count(*) as texts, sum(calls) as calls, round(sum(total_exec_time)::numeric, 1) as running, round(sum(total_plan_time)::numeric, 1) as planning from pg_stat_statements where query not like '%pg_stat_statements%'`)).rows;
      console.error(`${label}, every statement: ${all.texts} texts, ${all.calls} calls, ${all.running} ms running, ${all.planning} ms planning; the most planning:`);
      const planned = (await client.query(`select calls, plans, round(total_plan_time::numeric, 1) as plan, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) as query from pg_stat_statements where query not like '%pg_stat_statements%' order by total_plan_time desc limit 8`)).rows;
      for (const row of planned) console.error(`  ${row.calls}\tplan ${row.plan} (${row.plans})\t${row.query}`);
    },
    close: () => client.end(),
  };
}

async function statementsSoFar() {
  if (!statementCountFile) return null;
  await sleep(1100);
  return existsSync(statementCountFile) ? JSON.parse(readFileSync(statementCountFile, 'utf8')) : { total: 0, byText: {} };
}

/** Statements a request between two counts, and the most frequent texts' share. */
function statementsPerRequest(before, after, requests) {
  if (!before || !after) return undefined;
  const per = (n) => Math.round((n / Math.max(1, requests)) * 100) / 100;
  const top = Object.entries(after.byText)
    .map(([text, n]) => [text, n - (before.byText[text] ?? 0)])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 16)
    .map(([text, n]) => `${per(n)} × ${text.slice(0, 150)}`);
  // SQLite: the ms its statements took on the requests' thread, a request, by text (most first).
  const msBefore = before.msByText ?? {};
  const timed = Object.entries(after.msByText ?? {})
    .map(([text, ms]) => [text, ms - (msBefore[text] ?? 0)])
    .filter(([, ms]) => ms > 0);
  if (timed.length === 0) return { perRequest: per(after.total - before.total), top };
  const perMs = (ms) => Math.round((ms / Math.max(1, requests)) * 1000) / 1000;
  const topByTime = timed
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([text, ms]) => `${perMs(ms)} ms (${per((after.byText[text] ?? 0) - (before.byText[text] ?? 0))} ×) ${text.slice(0, 100)}`);
  return { perRequest: per(after.total - before.total), msPerRequest: perMs(timed.reduce((sum, [, ms]) => sum + ms, 0)), top, topByTime };
}

const memoryReportFile = args.memory ? join(mkdtempSync(join(tmpdir(), 'waggle-bench-memory-')), 'report.json') : null;

/** With --memory: the server's own breakdown (src/server/memory-report.ts), asked for by SIGUSR2, with its peak so far. */
async function memoryOf(child, phase) {
  if (!memoryReportFile) return null;
  rmSync(memoryReportFile, { force: true });
  child.kill('SIGUSR2');
  for (let i = 0; i < 600 && !existsSync(memoryReportFile); i++) await sleep(50);
  await sleep(50);
  const report = JSON.parse(readFileSync(memoryReportFile, 'utf8'));
  const line = { phase, ...report, peak: rssOf(child.pid).peakMb };
  const spaces = Object.entries(report.heapSpaces).filter(([, s]) => s.size >= 1).map(([name, s]) => `${name.replace(/_space$/, '')} ${s.used}/${s.size}`);
  console.error(`memory after ${phase}: rss ${report.rss} (anon ${report.rssAnon}, file ${report.rssFile}, peak ${line.peak}); heap used ${report.heapUsed} of ${report.heapTotal}; external ${report.external} (array buffers ${report.arrayBuffers}); spaces ${spaces.join(', ')}${gcLine(report.afterGc)}`);
  return line;
}

/** The same after the server's full collection: what is held, not merely not yet collected. */
function gcLine(afterGc) {
  if (!afterGc) return '';
  return `; after a full GC: rss ${afterGc.rss} (anon ${afterGc.rssAnon}), heap used ${afterGc.heapUsed} of ${afterGc.heapTotal}, external ${afterGc.external}`;
}

function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

async function startServer(env, dataArgs) {
  const port = await freePort();
  const profile = args['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', args['cpu-prof']] : [];
  const child = spawn(process.execPath, [...profile, 'bin/waggle.js', ...dataArgs, 'serve', '--port', String(port)], { env: { ...process.env, ...env, ...(statementCountFile ? { WAGGLE_STATEMENT_COUNT: statementCountFile } : {}), ...(answerCountFile ? { WAGGLE_ANSWER_COUNT: answerCountFile } : {}), ...(memoryReportFile ? { WAGGLE_MEMORY_REPORT: memoryReportFile } : {}), ...(writeSectionsFile ? { WAGGLE_WRITE_SECTIONS: writeSectionsFile } : {}), WAGGLE_NOW: `${TODAY}T10:00:00Z` }, stdio: ['ignore', 'ignore', 'inherit'] });
  const agent = new http.Agent({ keepAlive: false });
  for (let i = 0; i < 300; i++) {
    const r = await request(agent, port, { path: '/api/health' });
    if (r.ok) return { port, child };
    await sleep(100);
  }
  child.kill();
  throw new Error('waggle serve did not answer /api/health within 30 s');
}

/**
 * With --cpu-prof, a run's start and end on the monotonic clock in µs, the clock V8's profile
 * timestamps use, so that profile-summary.mjs --from/--to can read one run out of the whole profile.
 */
function profileWindow(label) {
  const now = () => process.hrtime.bigint() / 1000n;
  const from = now();
  return { end: () => args['cpu-prof'] && console.error(`${label}: profile window --from ${from} --to ${now()}`) };
}

const pickFrom = (list) => list[Math.floor(Math.random() * list.length)];

async function benchOne(db, snapshot) {
  let dataArgs = [];
  let env = {};
  let cleanup = () => {};
  /** PostgreSQL's own CPU time so far (ms), or null on SQLite (in the server's). */
  let databaseCpuMs = () => null;
  const clock = { now: () => new Date(`${TODAY}T10:00:00Z`) };
  if (db === 'sqlite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'waggle-bench-api-'));
    dataArgs = ['--data', dataDir];
    cleanup = () => rmSync(dataDir, { recursive: true, force: true });
    const session = await openSession({ kind: 'sqlite', dataDir }, { clock, defaultTimeZone: 'UTC' });
    await bulkLoad(session.ctx, snapshot);
    await updateProfile(session.ctx, snapshot.profile);
    await session.close();
  } else {
    const pg = await startPostgres();
    if (!pg) return null;
    env = { DATABASE_URL: pg.url };
    databaseCpuMs = pg.cpuMs;
    cleanup = () => pg.stop();
    const session = await openSession({ kind: 'postgres', url: pg.url }, { clock, defaultTimeZone: 'UTC' });
    await bulkLoad(session.ctx, snapshot);
    await updateProfile(session.ctx, snapshot.profile);
    await session.close();
  }
  const server = await startServer(env, dataArgs);
  const pgTop = await postgresStatementTop(env.DATABASE_URL);
  const result = { db, kinds: {}, mixed: null, memory: null, memoryPhases: [] };
  const notePhase = async (phase) => {
    const line = await memoryOf(server.child, phase);
    if (line) result.memoryPhases.push(line);
  };
  await notePhase('start');
  try {
    const ids = snapshot.people.map((p) => p.id);
    const goals = snapshot.goals.map((g) => g.id);
    const networks = snapshot.networks.map((n) => n.id);
    // What a search finds in the generated map (src/demo/generate-map.ts), from most to none: 'hospital' about 6,000 of
    // 30,000 people, 'uni', 'lab', 'chen', 'grace' and 'ines' about 1,900-2,700 each, 'abara 1' about 800, 'novak 29'
    // about 90, '1234' about 13, 'zzq' no one. Fragments of names the map does not hold (six of the ten before)
    // measured mostly empty pages.
    const fragments = ['hospital', 'uni', 'lab', 'chen', 'grace', 'ines', 'abara 1', 'novak 29', '1234', 'zzq'];
    const categories = ['department-colleague', 'other-function', 'unrelated-industry', 'author-blogger', 'leader-in-field', 'social-media', 'none'];
    const stages = ['to-meet', 'reached-out', 'met', 'in-touch', 'dormant'];
    const deepOffset = () => Math.floor((Math.random() * Math.max(0, ids.length - 50)) / 50) * 50;
    // Cursors to deep places in each keyset-paged order, taken by offset once before the runs.
    const cursors = {};
    for (const sort of ['name', 'next-contact', 'last-exchange']) {
      cursors[sort] = [];
      for (let i = 0; i < 20; i++) {
        const body = await getJson(server.port, `/api/people?limit=50&sort=${sort}&offset=${deepOffset()}`);
        if (body.nextCursor) cursors[sort].push(encodeURIComponent(body.nextCursor));
      }
    }
    const kinds = {
      health: () => ({ path: '/api/health' }),
      'people: first page': () => ({ path: '/api/people?limit=50' }),
      'people: any page (offset)': () => ({ path: `/api/people?limit=50&offset=${deepOffset()}` }),
      'people: search': () => ({ path: `/api/people?limit=50&search=${encodeURIComponent(pickFrom(fragments))}` }),
      'people: category': () => ({ path: `/api/people?limit=50&category=${pickFrom(categories)}` }),
      'people: stage': () => ({ path: `/api/people?limit=50&stage=${pickFrom(stages)}` }),
      'people: goal': () => ({ path: `/api/people?limit=50&goalId=${pickFrom(goals)}` }),
      'people: network': () => ({ path: `/api/people?limit=50&networkId=${pickFrom(networks)}` }),
      'people: quadrant': () => ({ path: `/api/people?limit=50&quadrant=${pickFrom(['maintain', 'strengthen', 'overInvested', 'letBe'])}` }),
      'people: sort strength': () => ({ path: '/api/people?limit=50&sort=strength' }),
      'people: sort next contact': () => ({ path: `/api/people?limit=50&sort=next-contact&offset=${deepOffset()}` }),
      'people: sort last exchange': () => ({ path: '/api/people?limit=50&sort=last-exchange' }),
      'people: any page by cursor (name)': () => ({ path: `/api/people?limit=50&cursor=${pickFrom(cursors.name)}` }),
      'people: any page by cursor (next contact)': () => ({ path: `/api/people?limit=50&sort=next-contact&cursor=${pickFrom(cursors['next-contact'])}` }),
      'people: any page by cursor (last exchange)': () => ({ path: `/api/people?limit=50&sort=last-exchange&cursor=${pickFrom(cursors['last-exchange'])}` }),
      'people: due': () => ({ path: '/api/people?limit=50&due=due' }),
      "a person's page": () => ({ path: `/api/people/${pickFrom(ids)}` }),
      due: () => ({ path: '/api/due?limit=50' }),
      // What the home page (This month) asks: the week's first twelve, not the whole due list.
      'this month: due': () => ({ path: '/api/due?within=7&limit=12' }),
      plan: () => ({ path: '/api/plan' }),
      'check summary (kept)': () => ({ path: '/api/check/summary' }),
      'check part (kept)': () => ({ path: `/api/check/parts/${pickFrom(['strengthen', 'overdue', 'oneWay', 'balances'])}?limit=50&offset=${pickFrom([0, 50, 500])}` }),
      // The mixed run's writes alone, as it sends them (run only when --only names it: it changes the data the later kinds read).
      writes: () => mixedWrite(),
    };
    const OPT_IN = new Set(['writes']);
    let writesSent = 0;
    /** One write as the mixed run sends them: an exchange logged with someone, or every other time a person's notes edited. */
    function mixedWrite() {
      writesSent += 1;
      const personId = pickFrom(ids);
      return writesSent % 2 === 0
        ? { method: 'PATCH', path: `/api/people/${personId}`, body: { notes: `Seen at the bench, ${writesSent}` } }
        : { method: 'POST', path: '/api/exchanges', body: { personIds: [personId], channel: 'email', occurredOn: TODAY } };
    }
    // The check worked out once (the first request after a change), its summary's size, and the whole report's.
    if (!args['skip-check']) {
      const plain = new http.Agent({ keepAlive: false });
      const get = (path) =>
        new Promise((resolve, reject) => {
          const start = performance.now();
          http.get({ host: '127.0.0.1', port: server.port, path, agent: plain }, (res) => {
            let bytes = 0;
            res.on('data', (chunk) => (bytes += chunk.length));
            res.on('end', () => resolve({ ms: round(performance.now() - start), bytes, status: res.statusCode }));
          }).on('error', reject);
        });
      const first = await get('/api/check/summary');
      const again = await get('/api/check/summary');
      const whole = await get('/api/check');
      result.check = { summaryFirstMs: first.ms, summaryKeptMs: again.ms, summaryBytes: first.bytes, wholeReportKeptMs: whole.ms, wholeReportBytes: whole.bytes };
      console.error(`${db} check: ${JSON.stringify(result.check)}`);
      await notePhase('the check (summary twice, the whole report once)');
    }
    const only = args.only ? new Set(args.only.split(',')) : null;
    for (const [name, next] of Object.entries(kinds)) {
      if (only ? !only.has(name) && name !== 'health' : OPT_IN.has(name)) continue;
      const statementsBefore = await statementsSoFar();
      const answersBefore = await answersSoFar();
      const cpuBefore = cpuMsOf(server.child.pid);
      const mainCpuBefore = cpuMsOf(server.child.pid, server.child.pid);
      const databaseCpuBefore = databaseCpuMs();
      const window = profileWindow(`${db} ${name}`);
      await pgTop.reset();
      const r = await drive(server.port, SECONDS, next);
      window.end();
      await pgTop.report(`${db} ${name}`);
      const cpuMs = cpuMsOf(server.child.pid) - cpuBefore;
      // The main thread alone: what held the requests up, without what other threads (a checkpoint, the check's) did beside it.
      const mainCpuMs = cpuMsOf(server.child.pid, server.child.pid) - mainCpuBefore;
      const databaseCpu = databaseCpuBefore === null ? null : databaseCpuMs() - databaseCpuBefore;
      // A kind of writes is measured by its writes; every other by its reads.
      const side = r.write.requests > 0 ? r.write : r.read;
      const statements = statementsPerRequest(statementsBefore, await statementsSoFar(), side.requests);
      const answers = answersBetween(answersBefore, await answersSoFar());
      result.kinds[name] = { ...side, serverCpuMsPerRequest: round(cpuMs / Math.max(1, side.requests)), mainThreadCpuMsPerRequest: round(mainCpuMs / Math.max(1, side.requests)), ...(databaseCpu === null ? {} : { databaseCpuMsPerRequest: round(databaseCpu / Math.max(1, side.requests)) }), medianBytes: r.medianBytes, ...(statements ? { statements } : {}), ...(answers?.answers ? { answers: { workedOutPercent: answers.workedOutPercent, outcomes: answers.outcomes } } : {}), ...(Object.keys(r.statuses).length ? { statuses: r.statuses } : {}) };
      console.error(`${db} ${name}: ${JSON.stringify(result.kinds[name])}`);
      if (server.child.exitCode === null) await notePhase(name);
      if (server.child.exitCode !== null || server.child.signalCode !== null) {
        // Said, not hidden: the server died under this load (out of memory, say); what follows would measure nothing.
        result.crashed = `the server exited (${server.child.exitCode ?? server.child.signalCode}) during "${name}"`;
        console.error(`${db}: ${result.crashed}`);
        return result;
      }
    }
    if (!only || only.has('mixed')) {
      const reads = Object.entries(kinds)
        .filter(([name]) => name !== 'health' && !OPT_IN.has(name))
        .map(([name, next]) => () => ({ ...next(), label: name }));
      let n = 0;
      const statementsBefore = await statementsSoFar();
      const answersBefore = await answersSoFar();
      const cpuBefore = cpuMsOf(server.child.pid);
      const jobsCpuBefore = childrenCpuMsOf(server.child.pid);
      const databaseCpuBefore = databaseCpuMs();
      // The main thread alone (its id is the process's): what answers the requests, without the check's worker beside it.
      const mainCpuBefore = cpuMsOf(server.child.pid, server.child.pid);
      const window = profileWindow(`${db} mixed`);
      await pgTop.reset();
      const sectionsBefore = await writeSectionsSoFar();
      const mixedFrom = Date.now();
      const clientCpuBefore = process.cpuUsage();
      const r = await drive(server.port, SECONDS * 2, () => {
        n += 1;
        return n % WRITE_EVERY !== 0 ? pickFrom(reads)() : { ...mixedWrite(), label: 'write' };
      });
      window.end();
      await pgTop.report(`${db} mixed`);
      // The server's CPU time per request, reads and writes together: what the mixed load costs, whatever else the machine runs.
      const served = Math.max(1, r.read.requests + r.write.requests);
      const serverCpuMsPerRequest = round((cpuMsOf(server.child.pid) - cpuBefore) / served);
      const mainThreadCpuMsPerRequest = Math.round(((cpuMsOf(server.child.pid, server.child.pid) - mainCpuBefore) / served) * 100) / 100;
      // The bench's own CPU a request (it shares the machine's cores with the server).
      const clientCpu = process.cpuUsage(clientCpuBefore);
      const clientCpuMsPerRequest = round((clientCpu.user + clientCpu.system) / 1000 / served);
      // The check's processes that ended during the run (a few seconds of a core each at 30,000 people), and PostgreSQL's.
      const jobsCpuMsPerRequest = round((childrenCpuMsOf(server.child.pid) - jobsCpuBefore) / served);
      const databaseCpuMsPerRequest = databaseCpuBefore === null ? null : round((databaseCpuMs() - databaseCpuBefore) / served);
      // Everything the machine spent a request, and so the most its cores could serve: a bound no scheduling beats.
      const allToldCpuMsPerRequest = round(serverCpuMsPerRequest + jobsCpuMsPerRequest + clientCpuMsPerRequest + (databaseCpuMsPerRequest ?? 0));
      const statements = statementsPerRequest(statementsBefore, await statementsSoFar(), served);
      const writeSections = writeSectionsBetween(sectionsBefore, await writeSectionsSoFar(), mixedFrom, mixedFrom + SECONDS * 2 * 1000);
      const answers = answersBetween(answersBefore, await answersSoFar());
      result.mixed = { clientCpuMsPerRequest, jobsCpuMsPerRequest, ...(databaseCpuMsPerRequest === null ? {} : { databaseCpuMsPerRequest }), allToldCpuMsPerRequest, reads: r.read, writes: r.write, serverCpuMsPerRequest, mainThreadCpuMsPerRequest, ...(statements ? { statements } : {}), ...(writeSections ? { writeSections } : {}), ...(answers ? { answers } : {}), ...(Object.keys(r.statuses).length ? { statuses: r.statuses } : {}) };
      console.error(`${db} mixed: ${JSON.stringify(result.mixed)}`);
      // Which reads the mixed run worked out anew, by the shape of their address (--kept), most worked out first.
      if (answers) console.error(`${db} mixed, answers worked out anew: ${answers.workedOutPercent}% of ${answers.answers} (${Object.entries(answers.outcomes).map(([o, n]) => `${o} ${n}`).join(', ')}); by shape: ${answers.byShape.map((a) => `${a.shape} ${a.workedOutPercent}% of ${a.answers}`).join('; ')}`);
      // Which kinds the mixed run waits on: each kind's p50/p95/p99 in ms, slowest p95 first.
      const byKind = Object.entries(r.labels).sort((a, b) => b[1].p95 - a[1].p95);
      console.error(`${db} mixed by kind (p50/p95/p99 ms, n): ${byKind.map(([k, s]) => `${k} ${s.p50}/${s.p95}/${s.p99} ${s.requests}`).join('; ')}`);
      await notePhase('mixed');
    }
    result.memory = rssOf(server.child.pid);
  } finally {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      server.child.kill();
      await exited;
    }
    await pgTop.close?.();
    cleanup();
  }
  return result;
}

const snapshot = generateLargeSnapshot({ ...SIZE, today: TODAY, seed: 7 });
const databases = args.db ? (args.db === 'both' ? ['sqlite', 'postgres'] : [args.db]) : ['sqlite', 'postgres'];
const results = { machine: { node: process.version, cpus: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30) }, size: SIZE, seconds: SECONDS, clients: CLIENTS, runs: [] };
for (const db of databases) {
  const run = await benchOne(db, snapshot);
  if (run) results.runs.push(run);
  else console.error(`${db}: skipped (no PostgreSQL binaries under /usr/lib/postgresql)`);
}

const pad = (s, n) => String(s).padEnd(n);
for (const run of results.runs) {
  const memory = run.memory ? `server RSS ${run.memory.rssMb} MB (peak ${run.memory.peakMb} MB)` : `server RSS not measured: ${run.crashed}`;
  console.log(`\n${run.db}: ${SIZE.people} people, ${SIZE.networks} networks, ${SIZE.exchanges} exchanges; ${CLIENTS} clients, ${SECONDS} s a kind${args.fresh ? ', no answer kept (--fresh)' : ''}; ${memory}`);
  const pgCpu = run.db === 'postgres';
  console.log(`${pad('request', 30)}${pad('req/s', 8)}${pad('p50 ms', 9)}${pad('p95 ms', 9)}${pad('p99 ms', 9)}${pad('errors', 8)}${pad('cpu ms', 8)}${pgCpu ? pad('pg cpu', 8) : ''}bytes`);
  for (const [name, k] of Object.entries(run.kinds)) console.log(`${pad(name, 30)}${pad(k.rps, 8)}${pad(k.p50, 9)}${pad(k.p95, 9)}${pad(k.p99, 9)}${pad(k.errors, 8)}${pad(k.serverCpuMsPerRequest, 8)}${pgCpu ? pad(k.databaseCpuMsPerRequest ?? '', 8) : ''}${k.medianBytes}`);
  if (run.check) console.log(`check: summary ${run.check.summaryFirstMs} ms when worked out, ${run.check.summaryKeptMs} ms kept, ${Math.round(run.check.summaryBytes / 1024)} KB; the whole report ${Math.round(run.check.wholeReportBytes / 1024 / 1024)} MB in ${run.check.wholeReportKeptMs} ms (kept)`);
  if (run.mixed) {
    console.log(`${pad('mixed: reads', 30)}${pad(run.mixed.reads.rps, 8)}${pad(run.mixed.reads.p50, 9)}${pad(run.mixed.reads.p95, 9)}${pad(run.mixed.reads.p99, 9)}${run.mixed.reads.errors}`);
    console.log(`${pad(`mixed: writes (1 in ${WRITE_EVERY})`, 30)}${pad(run.mixed.writes.rps, 8)}${pad(run.mixed.writes.p50, 9)}${pad(run.mixed.writes.p95, 9)}${pad(run.mixed.writes.p99, 9)}${run.mixed.writes.errors}`);
    console.log(`${pad('mixed: cpu ms/request', 30)}${run.mixed.serverCpuMsPerRequest} (the main thread ${run.mixed.mainThreadCpuMsPerRequest}, the rest the server's other threads: checkpoints, the collector)`);
    const cores = cpus().length;
    const told = run.mixed.allToldCpuMsPerRequest;
    const parts = [`server ${run.mixed.serverCpuMsPerRequest}`, `the check's processes ${run.mixed.jobsCpuMsPerRequest}`, ...(run.mixed.databaseCpuMsPerRequest === undefined ? [] : [`PostgreSQL ${run.mixed.databaseCpuMsPerRequest}`]), `this bench's clients ${run.mixed.clientCpuMsPerRequest}`];
    console.log(`${pad('mixed: all told', 30)}${told} ms of CPU a request (${parts.join(' + ')}): ${cores} cores serve at most ${Math.round((cores * 1000) / Math.max(told, 0.001))} requests a second`);
    const sections = run.mixed.writeSections;
    if (sections?.parts.section) {
      const p = sections.parts;
      const named = [['lock', 'the lock'], ['statements', 'its statements'], ['commit', 'the commit'], ['after', 'after it']].filter(([key]) => p[key]).map(([key, label]) => `${label} ${p[key].meanMs}`);
      const most = Math.round(1000 / Math.max(p.section.meanMs, 0.001));
      console.log(`${pad('mixed: write lock held', 30)}${p.section.meanMs} ms${named.length ? ` (${named.join(', ')})` : ''}, one write at a time: at most ${most} writes a second, so ${most * (WRITE_EVERY - 1)} reads in this mix; the server's thread took a due callback ${sections.loopDelay.meanMs} ms late on average (p99 ${sections.loopDelay.p99Ms})`);
    }
  }
}
if (args.json) writeFileSync(args.json, `${JSON.stringify(results, null, 2)}\n`);
// The folders the server's statement counts and memory reports were written to (--statements, --memory).
for (const file of [statementCountFile, answerCountFile, memoryReportFile, writeSectionsFile]) if (file) rmSync(dirname(file), { recursive: true, force: true });
export default results;
