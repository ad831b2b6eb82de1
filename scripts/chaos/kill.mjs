// kill -9 at random moments: during `waggle import` of a LinkedIn export of a few
// thousand rows, and during bursts of writes to `waggle serve`. After each kill the
// data folder is opened and checked (sqlite-check.mjs).
import { clearTimeout, setTimeout } from 'node:timers';
/* global fetch */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { linkedInCsv } from './linkedin.mjs';
import { checkDataDir } from './sqlite-check.mjs';
import { sleep, startWaggle } from './waggle.mjs';
import { freePort } from './free-port.mjs';


/** One import, killed after `delayMs` if still running. */
async function importCycle({ dataDir, file, delayMs }) {
  const run = startWaggle(['--data', dataDir, 'import', file, '--json']);
  const timer = setTimeout(() => run.child.kill('SIGKILL'), delayMs);
  const result = await run.done;
  clearTimeout(timer);
  return result;
}

/** Starts `waggle serve`, resolves once it listens. */
async function startServer(dataDir) {
  const port = await freePort();
  const run = startWaggle(['--data', dataDir, 'serve', '--port', String(port)], { timeoutMs: 10 * 60_000 });
  const deadline = Date.now() + 30_000;
  while (!run.output().stdout.includes('Waggle is serving')) {
    if (run.child.exitCode !== null || run.child.signalCode !== null || Date.now() > deadline) {
      run.child.kill('SIGKILL');
      const result = await run.done;
      throw new Error(`waggle serve did not start: ${result.stderr || result.stdout}`);
    }
    await sleep(20);
  }
  return { run, base: `http://127.0.0.1:${port}` };
}

/**
 * Fires writes at the server from a few concurrent writers until it is killed; each
 * write answered with 2xx is recorded as acknowledged (table and id).
 */
async function apiCycle({ dataDir, rng, cycle, killAfterMs }) {
  const { run, base } = await startServer(dataDir);
  const acked = [];
  let sent = 0;
  let stop = false;
  const people = [];
  const post = async (path, body) => {
    sent++;
    const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await response.text();
    if (response.status >= 200 && response.status < 300) return JSON.parse(text);
    // The server answered but refused: a bug in this script or the server, never silently ignored.
    throw Object.assign(new Error(`${path} answered ${response.status}: ${text.slice(0, 300)}`), { answered: true });
  };
  const refusals = [];
  const writer = async (w) => {
    let n = 0;
    while (!stop) {
      n++;
      const choice = rng.next();
      try {
        if (choice < 0.6 || people.length === 0) {
          const person = await post('/api/people', {
            name: `Api ${cycle}-${w}-${n}`,
            notes: `written by writer ${w} in cycle ${cycle}`,
            channels: [{ kind: 'email', value: `api-${cycle}-${w}-${n}@example.org` }],
          });
          people.push(person.id);
          acked.push({ table: 'people', id: person.id });
        } else if (choice < 0.75) {
          const network = await post('/api/networks', { name: `Network ${cycle}-${w}-${n}` });
          acked.push({ table: 'networks', id: network.id });
        } else if (choice < 0.85) {
          const goal = await post('/api/goals', { statement: `Goal ${cycle}-${w}-${n}` });
          acked.push({ table: 'goals', id: goal.id });
        } else {
          const exchange = await post('/api/exchanges', { occurredOn: '2026-01-10', channel: 'coffee', personIds: [rng.pick(people)], learned: `cycle ${cycle}` });
          acked.push({ table: 'exchanges', id: exchange.exchange.id });
        }
      } catch (error) {
        if (error.answered) refusals.push(error.message);
        else return; // the connection broke: the server was killed
      }
    }
  };
  const writers = Array.from({ length: 6 }, (_, w) => writer(w));
  await sleep(killAfterMs);
  run.child.kill('SIGKILL');
  const result = await run.done;
  stop = true;
  await Promise.all(writers);
  return { acked, sent, refusals, signal: result.signal };
}

/**
 * Runs `cycles` kill cycles, alternating imports and API bursts, in data folders
 * that are each used for `perFolder` cycles (so later cycles kill over earlier data).
 */
export async function killCycles({ cycles, rng, workDir, rows = 3000, perFolder = 10, log = () => {} }) {
  const totals = { cycles: 0, importCycles: 0, apiCycles: 0, killedMidway: 0, integrityFailures: 0, partialImports: 0, lostWrites: 0, acknowledgedWrites: 0, crashes: 0, problems: [] };
  // How long a whole import takes here, so kills land anywhere from start-up to the end.
  let importMs = null;
  let folder = null;
  let history = null;
  for (let cycle = 1; cycle <= cycles; cycle++) {
    if ((cycle - 1) % perFolder === 0 || totals.problems.some((p) => p.cycle === cycle - 1)) {
      folder = join(workDir, `kill-${cycle}`);
      mkdirSync(folder, { recursive: true });
      history = { imports: [], acked: [] };
    }
    const dataDir = join(folder, 'data');
    let note;
    if (cycle % 2 === 1) {
      totals.importCycles++;
      const company = `Chaos Import ${cycle}`;
      const file = join(folder, `connections-${cycle}.csv`);
      writeFileSync(file, linkedInCsv(rng, { rows, company, tag: `c${cycle}` }));
      const delayMs = importMs === null ? 10 * 60_000 : Math.floor(rng.next() * importMs * 1.1);
      const result = await importCycle({ dataDir, file, delayMs });
      const killed = result.signal === 'SIGKILL';
      if (!killed && result.code !== 0) {
        totals.crashes++;
        totals.problems.push({ cycle, kind: 'import-failed', detail: `exit ${result.code}: ${result.stderr.slice(0, 500)}` });
      }
      if (importMs === null && !killed) importMs = result.ms;
      if (!killed) totals.acknowledgedWrites++;
      else totals.killedMidway++;
      history.imports.push({ company, rows, acknowledged: !killed && result.code === 0 });
      note = `import ${killed ? `killed at ${result.ms} ms` : `finished in ${result.ms} ms (exit ${result.code})`}`;
    } else {
      totals.apiCycles++;
      const killAfterMs = 50 + Math.floor(rng.next() * 1500);
      let outcome;
      try {
        outcome = await apiCycle({ dataDir, rng, cycle, killAfterMs });
      } catch (error) {
        // The folder no longer opens after an earlier kill: a failure, and the rest go on in a fresh folder.
        totals.crashes++;
        totals.problems.push({ cycle, kind: 'cannot-start', detail: error instanceof Error ? error.message.slice(0, 500) : String(error) });
        outcome = { acked: [], sent: 0, refusals: [] };
      }
      history.acked.push(...outcome.acked);
      totals.acknowledgedWrites += outcome.acked.length;
      totals.killedMidway++;
      for (const refusal of outcome.refusals) totals.problems.push({ cycle, kind: 'api-refused', detail: refusal });
      totals.crashes += outcome.refusals.length;
      note = `api: ${outcome.sent} writes sent, ${outcome.acked.length} acknowledged, killed after ${killAfterMs} ms`;
    }
    const check = checkDataDir(dataDir, history);
    totals.integrityFailures += check.integrityFailures;
    totals.partialImports += check.partialImports;
    totals.lostWrites += check.lostWrites;
    for (const problem of check.problems) totals.problems.push({ cycle, ...problem });
    totals.cycles++;
    log(`cycle ${cycle}/${cycles}: ${note}${check.problems.length ? ` — ${check.problems.length} PROBLEMS` : ''}`);
  }
  return totals;
}
