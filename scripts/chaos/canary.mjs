// The canary erasure check through the real command line and the real server: a
// unique string in a person's notes and e-mail address, the person removed (or
// everything erased), then every byte of the data's files searched for it.
import { Buffer } from 'node:buffer';
/* global fetch */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { linkedInCsv } from './linkedin.mjs';
import { runWaggle, sleep, startWaggle, waggleEnv } from './waggle.mjs';
import { freePort } from './free-port.mjs';

const newCanary = () => `canary${randomBytes(8).toString('hex')}`;

/** Files under `dir` whose bytes hold `needle`. */
export function filesContaining(dir, needle) {
  const bytes = Buffer.from(needle, 'utf8');
  const hits = [];
  const walk = (path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
    else if (stat.isFile()) {
      try {
        if (readFileSync(path).includes(bytes)) hits.push(path);
      } catch {
        // gone while we read it
      }
    }
  };
  walk(dir);
  return hits;
}


async function serve(args, env) {
  const port = await freePort();
  const run = startWaggle([...args, 'serve', '--port', String(port)], { env, timeoutMs: 10 * 60_000 });
  const deadline = Date.now() + 30_000;
  while (!run.output().stdout.includes('Waggle is serving')) {
    if (run.child.exitCode !== null || Date.now() > deadline) throw new Error(`waggle serve did not start: ${run.output().stderr}`);
    await sleep(20);
  }
  const call = async (method, path, body) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  };
  const stop = async () => {
    run.child.kill('SIGTERM');
    await run.done;
  };
  return { call, stop };
}

const canaryPerson = (canary) => ({ name: 'Carla Canary', notes: `private note ${canary} about her health`, channels: [{ kind: 'email', value: `${canary}@example.org` }] });

/**
 * Each check: { name, planted (the canary was found before the erase: the search
 * works), hits (files holding it after) }. A check fails when it was not planted
 * or when anything holds it after.
 */
export async function canaryChecksSqlite({ workDir, rng }) {
  const checks = [];
  const fresh = async (name) => {
    const dataDir = join(workDir, `canary-${name}`);
    mkdirSync(dataDir, { recursive: true });
    // Neighbours, so the canary's pages stay in use after it goes.
    const csv = join(dataDir, '..', `canary-${name}.csv`);
    writeFileSync(csv, linkedInCsv(rng, { rows: 300, company: 'Neighbours', tag: name }));
    const imported = await runWaggle(['--data', dataDir, 'import', csv, '--json']);
    if (imported.code !== 0) throw new Error(`canary setup import failed: ${imported.stderr}`);
    return dataDir;
  };

  // The command line: person add, person remove.
  {
    const dataDir = await fresh('cli-remove');
    const canary = newCanary();
    const added = await runWaggle(['--data', dataDir, 'person', 'add', 'Carla Canary', '--notes', `private note ${canary}`, '--email', `${canary}@example.org`, '--json']);
    if (added.code !== 0) throw new Error(`person add failed: ${added.stderr}`);
    const planted = filesContaining(dataDir, canary).length > 0;
    const removed = await runWaggle(['--data', dataDir, 'person', 'remove', JSON.parse(added.stdout).id, '--json']);
    if (removed.code !== 0) throw new Error(`person remove failed: ${removed.stderr}`);
    checks.push({ name: 'sqlite cli: person remove', planted, hits: filesContaining(dataDir, canary) });
  }
  // The server: DELETE /api/people/{id}, then POST /api/erase, searched while it runs and after it stops.
  {
    const dataDir = await fresh('api');
    const server = await serve(['--data', dataDir], waggleEnv());
    try {
      const canary = newCanary();
      const person = await server.call('POST', '/api/people', canaryPerson(canary));
      const planted = filesContaining(dataDir, canary).length > 0;
      await server.call('DELETE', `/api/people/${person.id}`);
      checks.push({ name: 'sqlite api: DELETE /api/people/{id}, server running', planted, hits: filesContaining(dataDir, canary) });

      const canary2 = newCanary();
      await server.call('POST', '/api/people', canaryPerson(canary2));
      await server.call('POST', '/api/exchanges', { occurredOn: '2026-01-10', channel: 'coffee', personIds: [(await server.call('POST', '/api/people', { name: `Other ${canary2}` })).id], learned: `told me ${canary2}` });
      const planted2 = filesContaining(dataDir, canary2).length > 0;
      await server.call('POST', '/api/erase', { confirm: 'erase everything' });
      checks.push({ name: 'sqlite api: POST /api/erase, server running', planted: planted2, hits: filesContaining(dataDir, canary2) });
      await server.stop();
      checks.push({ name: 'sqlite api: after the server stopped', planted: planted && planted2, hits: [...filesContaining(dataDir, canary), ...filesContaining(dataDir, canary2)] });
    } finally {
      await server.stop().catch(() => {});
    }
  }
  return checks;
}

/** The same over PostgreSQL: erase-everything through the API, then the database's files under base/<oid>. */
export async function canaryChecksPostgres({ url, rng, workDir }) {
  const pg = (await import('pg')).default;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const checks = [];
  try {
    const { rows } = await admin.query(`select current_setting('data_directory') as dir, oid::int as oid from pg_database where datname = current_database()`);
    const baseDir = join(rows[0].dir, 'base', String(rows[0].oid));
    const search = async (canary) => {
      await admin.query('checkpoint');
      return filesContaining(baseDir, canary);
    };
    const env = waggleEnv({ DATABASE_URL: url });
    const csv = join(workDir, 'canary-pg.csv');
    writeFileSync(csv, linkedInCsv(rng, { rows: 300, company: 'Neighbours', tag: 'pg' }));
    const imported = await runWaggle(['import', csv, '--json'], { env });
    if (imported.code !== 0) throw new Error(`canary setup import failed: ${imported.stderr}`);
    const server = await serve([], env);
    try {
      const canary = newCanary();
      await server.call('POST', '/api/people', canaryPerson(canary));
      const planted = (await search(canary)).length > 0;
      await server.call('POST', '/api/erase', { confirm: 'erase everything' });
      checks.push({ name: 'postgres api: POST /api/erase', planted, hits: await search(canary) });
    } finally {
      await server.stop();
    }
  } finally {
    await admin.end();
  }
  return checks;
}
