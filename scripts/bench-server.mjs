// Server mode's costs, measured (never asserted in unit tests), in one run:
//  1. signing in: one argon2id hash (19 MiB, 2 passes), one verification, and a whole
//     POST /api/auth/sign-in over HTTP;
//  2. the API's throughput with authentication on beside local mode: `waggle serve` in a
//     child process on SQLite with the demo map, and N concurrent clients on loopback
//     asking GET /api/people?limit=50 for a bounded time; local mode (no accounts), server
//     mode with a personal access token, and server mode with a session cookie, in
//     alternating rounds. p50 / p95 / requests a second;
//  3. what authentication adds to one request, without the network: the same API in this
//     process (app.request), one request at a time, local and token, interleaved; medians.
// Prints a table and writes bench-results/server.json. `--skip-build` when dist/ is fresh;
// `--clients N` (default 50), `--seconds S` per round (default 5), `--rounds R` (default 2).
/* global fetch */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CLIENTS = arg('clients', 50);
const SECONDS = arg('seconds', 5);
const ROUNDS = arg('rounds', 2);
if (!process.argv.includes('--skip-build')) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
const { openSession } = await import('../dist/services/session.js');
const { loadDemo } = await import('../dist/services/demo.js');
const { ARGON, argonHash, argonVerify, createAccount, createAccessToken } = await import('../dist/services/accounts.js');
const { createApi } = await import('../dist/server/app.js');
const { scopedContext } = await import('../dist/server/auth.js');

const NOW = '2026-11-22T10:00:00Z';
const OWNER = { email: 'bench@example.org', name: 'Bench Owner', password: 'a long bench passphrase' };
const round = (ms) => Math.round(ms * 100) / 100;
const percentile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const median = (xs) => percentile([...xs].sort((a, b) => a - b), 0.5);

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/** `waggle serve` as a user starts it, in its own process (its own event loop and core). */
async function serve(dataDir, extra) {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/waggle.js', '--data', dataDir, 'serve', '--port', String(port), ...extra(port)], {
    env: { ...process.env, WAGGLE_NOW: NOW, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Stop with Ctrl+C')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`waggle serve exited with ${code}: ${output}`)));
  });
  return { base: `http://127.0.0.1:${port}`, stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))) };
}

/** CLIENTS loops, each asking one request after another, for SECONDS. */
async function load(base, headers) {
  const url = `${base}/api/people?limit=50`;
  const latencies = [];
  let failures = 0;
  const end = performance.now() + SECONDS * 1000;
  const client = async () => {
    while (performance.now() < end) {
      const start = performance.now();
      const response = await fetch(url, { headers });
      const body = await response.arrayBuffer();
      if (response.status !== 200 || body.byteLength < 1000) failures += 1;
      latencies.push(performance.now() - start);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  return { latencies, failures, seconds: (performance.now() - started) / 1000 };
}

const results = { machine: { node: process.version, cpus: cpus().length }, clients: CLIENTS, secondsPerRound: SECONDS, rounds: ROUNDS, request: 'GET /api/people?limit=50 (demo map, 81 people), SQLite' };

// 1. argon2id, in this process: what every sign-in (and account, and password change) costs.
{
  await argonHash('warm the binding up', ARGON);
  const hashes = [];
  const verifies = [];
  let hashed = '';
  for (let i = 0; i < 10; i++) {
    let start = performance.now();
    hashed = await argonHash(`a password number ${i}`, ARGON);
    hashes.push(performance.now() - start);
    start = performance.now();
    await argonVerify(hashed, `a password number ${i}`);
    verifies.push(performance.now() - start);
  }
  results.argon2id = { parameters: ARGON, hashMedianMs: round(median(hashes)), verifyMedianMs: round(median(verifies)), runs: hashes.length };
}

// Two data folders with the same map: one for local mode, one with the owner's account and a token.
const localDir = mkdtempSync(join(tmpdir(), 'waggle-bench-local-'));
const serverDir = mkdtempSync(join(tmpdir(), 'waggle-bench-server-'));
const servers = [];
try {
  const clock = { now: () => new Date(NOW) };
  for (const dir of [localDir, serverDir]) {
    const session = await openSession({ kind: 'sqlite', dataDir: dir }, { clock, defaultTimeZone: 'UTC' });
    await loadDemo(session.ctx);
    if (dir === serverDir) {
      const deps = { db: session.ctx.db, clock, ids: session.ctx.ids, defaultTimeZone: 'UTC' };
      const owner = await createAccount(deps, OWNER);
      results.token = (await createAccessToken(deps, owner.id, 'bench')).token;
    }
    await session.close();
  }
  const local = await serve(localDir, () => []);
  servers.push(local);
  const server = await serve(serverDir, (port) => ['--public-url', `http://127.0.0.1:${port}`]);
  servers.push(server);

  // A whole sign-in over HTTP: the argon2id verification, the session written, the cookie set.
  const signIns = [];
  let cookie = '';
  for (let i = 0; i < 8; i++) {
    const start = performance.now();
    const response = await fetch(`${server.base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: OWNER.email, password: OWNER.password }) });
    if (response.status !== 200) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
    signIns.push(performance.now() - start);
    cookie = /waggle_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')[0];
  }
  results.signInHttpMedianMs = round(median(signIns));

  // 2. Throughput, in alternating rounds so that drift on a shared machine falls on every mode alike.
  const modes = [
    ['local mode (no accounts)', local.base, {}],
    ['server mode, access token', server.base, { authorization: `Bearer ${results.token}` }],
    ['server mode, session cookie', server.base, { cookie }],
  ];
  for (const [, base, headers] of modes) await load(base, headers).then(() => undefined, () => undefined); // warm-up
  const collected = new Map(modes.map(([name]) => [name, { latencies: [], failures: 0, requests: 0, seconds: 0 }]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, base, headers] of modes) {
      const run = await load(base, headers);
      const into = collected.get(name);
      into.latencies.push(...run.latencies);
      into.failures += run.failures;
      into.requests += run.latencies.length;
      into.seconds += run.seconds;
    }
  }
  results.throughput = {};
  for (const [name, data] of collected) {
    const sorted = data.latencies.sort((a, b) => a - b);
    results.throughput[name] = { requests: data.requests, failures: data.failures, rps: Math.round(data.requests / data.seconds), p50Ms: round(percentile(sorted, 0.5)), p95Ms: round(percentile(sorted, 0.95)), maxMs: round(sorted[sorted.length - 1]) };
  }

  // 3. One request at a time in this process: what the token's lookup (hash, account, profile) adds.
  {
    const localSession = await openSession({ kind: 'sqlite', dataDir: localDir }, { clock, defaultTimeZone: 'UTC' });
    const serverSession = await openSession({ kind: 'sqlite', dataDir: serverDir }, { clock, defaultTimeZone: 'UTC' });
    try {
      const localApi = createApi(() => localSession.ctx, undefined, { edge: { port: null } });
      const deps = { db: serverSession.ctx.db, clock, ids: serverSession.ctx.ids, defaultTimeZone: 'UTC' };
      const serverApi = createApi(scopedContext(serverSession.ctx), undefined, { edge: { port: null, publicUrl: 'https://waggle.example.org' }, auth: { deps, secure: true, trustProxy: false } });
      const ask = async (api, headers) => {
        const start = performance.now();
        const response = await api.request('/api/people?limit=50', { headers: { host: '127.0.0.1', ...headers } });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`in-process request answered ${response.status}`);
        return performance.now() - start;
      };
      const token = { authorization: `Bearer ${results.token}` };
      for (let i = 0; i < 50; i++) {
        await ask(localApi, {});
        await ask(serverApi, token);
      }
      const localMs = [];
      const tokenMs = [];
      for (let i = 0; i < 400; i++) {
        localMs.push(await ask(localApi, {}));
        tokenMs.push(await ask(serverApi, token));
      }
      results.inProcess = { requests: localMs.length, localMedianMs: round(median(localMs)), tokenMedianMs: round(median(tokenMs)) };
    } finally {
      await localSession.close();
      await serverSession.close();
    }
  }
} finally {
  for (const s of servers) await s.stop();
  rmSync(localDir, { recursive: true, force: true });
  rmSync(serverDir, { recursive: true, force: true });
}
delete results.token;

console.log(`\nServer mode (Node ${process.version}, ${results.machine.cpus} cores; ${CLIENTS} clients, ${ROUNDS} × ${SECONDS} s a mode, ${results.request})`);
console.log(`argon2id (m=${ARGON.memoryCost} KiB, t=${ARGON.timeCost}, p=${ARGON.parallelism}): hash ${results.argon2id.hashMedianMs} ms, verify ${results.argon2id.verifyMedianMs} ms (median of ${results.argon2id.runs}); POST /api/auth/sign-in ${results.signInHttpMedianMs} ms`);
console.log(`${'mode'.padEnd(30)} ${'requests'.padStart(9)} ${'req/s'.padStart(7)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'max'.padStart(9)}  failures`);
for (const [name, t] of Object.entries(results.throughput)) {
  console.log(`${name.padEnd(30)} ${String(t.requests).padStart(9)} ${String(t.rps).padStart(7)} ${`${t.p50Ms} ms`.padStart(9)} ${`${t.p95Ms} ms`.padStart(9)} ${`${t.maxMs} ms`.padStart(9)}  ${t.failures}`);
}
console.log(`one request at a time in-process (median of ${results.inProcess.requests}): local ${results.inProcess.localMedianMs} ms, with a token ${results.inProcess.tokenMedianMs} ms`);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/server.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('details: bench-results/server.json');
