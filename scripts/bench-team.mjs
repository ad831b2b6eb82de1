// The team check at scale (issue 14): 50 members, 5,000 consented people and 300
// networks, in a real SQLite file, asked through the API in-process as the lead
// (session cookie, authentication, loading every consented row, merging and the
// check). Target: under 300 ms on the server. Also times the analysis alone.
// Prints a table and writes bench-results/team.json. `--skip-build` when dist/ is fresh.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

if (!process.argv.includes('--skip-build')) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
const { openSession } = await import('../dist/services/session.js');
const { ensureWorkspace } = await import('../dist/services/workspace.js');
const { hashToken } = await import('../dist/services/accounts.js');
const { randomIds } = await import('../dist/services/context.js');
const { createApi } = await import('../dist/server/app.js');
const { scopedContext } = await import('../dist/server/auth.js');
const { loadTeamSnapshot } = await import('../dist/services/teams-sharing.js');
const { runTeamCheck } = await import('../dist/core/team/index.js');
const { makeRandom } = await import('../dist/core/graph/index.js');

const SIZE = { members: 50, people: 5000, networks: 300, networksPerMember: 12, goals: 5 };
const NOW = '2026-11-22T10:00:00.000Z';
const KINDS = ['professional-body', 'interest-group', 'social-media-community', 'employer', 'alumni', 'conference', 'research-network', 'own-hub', 'other'];
const CATEGORIES = ['department-colleague', 'other-function', 'unrelated-industry', 'author-blogger', 'already-valued', 'professional-association', 'leader-in-field', 'social-media'];
const round = (ms) => Math.round(ms * 10) / 10;
const stats = (samples) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { runs: sorted.length, min: round(sorted[0]), median: round(at(0.5)), p90: round(at(0.9)), max: round(sorted.at(-1)) };
};
const chunks = function* (rows, size = 100) {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
};

const random = makeRandom(14);
const pick = (list) => list[Math.floor(random() * list.length)];
const dataDir = mkdtempSync(join(tmpdir(), 'waggle-bench-team-'));
const clock = { now: () => new Date(NOW) };
const results = { machine: { node: process.version, cpus: (await import('node:os')).cpus().length }, size: SIZE };
try {
  const session = await openSession({ kind: 'sqlite', dataDir }, { clock, defaultTimeZone: 'UTC' });
  const db = session.ctx.db;
  const loadStart = performance.now();
  const teamId = 'team_bench';
  // 300 network names; each member is in 12 of them, so most are shared by a few members.
  const networkNames = Array.from({ length: SIZE.networks }, (_v, i) => ({ name: `Network ${i + 1}`, kind: KINDS[i % KINDS.length] }));
  // A fifth of the people are known to more than one member: the same email, so the server merges them.
  const common = Array.from({ length: 400 }, (_v, i) => ({ name: `Common Person ${i}`, email: `common${i}@example.org` }));
  let leadToken = '';
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('teams').values({ id: teamId, name: 'Bench team', createdAt: NOW }).execute();
    for (let m = 0; m < SIZE.members; m++) {
      const accountId = `acct_bench${m}`;
      const ws = `ws_bench${m}`;
      await ensureWorkspace(trx, clock, 'UTC', ws);
      await trx.insertInto('accounts').values({ id: accountId, email: `member${m}@example.org`, name: `Member ${m}`, passwordHash: 'not-used', workspaceId: ws, role: m === 0 ? 'owner' : 'member', createdAt: NOW }).execute();
      await trx.insertInto('teamMembers').values({ teamId, accountId, role: m === 0 ? 'lead' : 'member', sharePlan: 0, joinedAt: new Date(Date.parse(NOW) + m * 1000).toISOString() }).execute();
      // Member m is in networks 6m … 6m+11 (mod 300): every network has a member, most have two.
      const mine = new Set(Array.from({ length: SIZE.networksPerMember }, (_v, k) => (m * 6 + k) % SIZE.networks));
      const networks = [...mine].map((i) => ({
        id: `net_b${m}_${i}`, workspaceId: ws, name: networkNames[i].name, nameKey: networkNames[i].name.toLowerCase(), kind: networkNames[i].kind, role: pick(['member', 'member', 'committee', 'lurker', 'organiser']),
        strength: 1 + Math.floor(random() * 5), importance: 3, hoursPerMonth: Math.floor(random() * 6), url: null, notes: 'private notes', createdAt: NOW, updatedAt: NOW,
      }));
      for (const batch of chunks(networks)) await trx.insertInto('networks').values(batch).execute();
      const people = [];
      const contacts = [];
      const memberships = [];
      const perMember = SIZE.people / SIZE.members;
      for (let p = 0; p < perMember; p++) {
        const shared = p < 8 ? common[Math.floor(random() * common.length)] : null;
        const id = `per_b${m}_${p}`;
        const name = shared?.name ?? `Person ${m}-${p}`;
        people.push({
          id, workspaceId: ws, name, nameKey: name.toLowerCase(), organisation: `Org ${Math.floor(random() * 400)}`, role: null, location: null, howMet: null, category: pick(CATEGORIES), tags: '[]', notes: 'private',
          strength: Math.floor(random() * 6), importance: 3, knowAndLike: 0, canHelp: 0, canHelpHow: null, stage: 'in-touch', cadence: null, preferredChannel: null, lostJobList: 0, nextContactOn: null, nextContactSetOn: null,
          tieBeganOn: null, source: 'manual', importedOn: null, addedOn: '2026-01-01', createdAt: NOW, updatedAt: NOW,
        });
        const email = shared?.email ?? `p${m}x${p}@example.org`;
        contacts.push({ personId: id, position: 0, kind: 'email', value: email, valueKey: email, label: null });
        memberships.push({ workspaceId: ws, networkId: networks[p % networks.length].id, personId: id, role: 'member' });
      }
      for (const batch of chunks(people)) await trx.insertInto('people').values(batch).execute();
      for (const batch of chunks(contacts)) await trx.insertInto('contactPoints').values(batch).execute();
      for (const batch of chunks(memberships)) await trx.insertInto('memberships').values(batch).execute();
      for (const batch of chunks(people.map((p) => ({ teamId, accountId, personId: p.id })))) await trx.insertInto('teamSharedPeople').values(batch).execute();
      if (m === 0) {
        leadToken = randomBytes(32).toString('base64url');
        await trx.insertInto('sessions').values({ id: 'ses_bench', tokenHash: hashToken(leadToken), accountId, createdAt: NOW, lastSeenAt: NOW, expiresAt: '2026-12-22T10:00:00.000Z', revokedAt: null }).execute();
      }
    }
    for (let g = 0; g < SIZE.goals; g++) {
      const id = `tgoal_b${g}`;
      await trx.insertInto('teamGoals').values({ id, teamId, statement: `Goal ${g}`, needs: JSON.stringify({ categories: [CATEGORIES[g]], networkKinds: [KINDS[g]] }), createdAt: NOW }).execute();
      const links = Array.from({ length: 10 }, (_v, i) => ({ goalId: id, accountId: `acct_bench${i}`, itemKind: 'person', itemId: `per_b${i}_${g + 10}`, relevance: 1 + (i % 5) }));
      await trx.insertInto('teamGoalLinks').values(links).execute();
    }
  });
  results.loadMs = round(performance.now() - loadStart);

  const deps = { db, clock, ids: randomIds, defaultTimeZone: 'UTC' };
  const api = createApi(scopedContext(session.ctx), undefined, { edge: { port: 4747, publicUrl: 'https://waggle.example.org' }, auth: { deps, secure: true, trustProxy: false } });
  const ask = async () => {
    const start = performance.now();
    const response = await api.request(`/api/teams/${teamId}/check`, { headers: { host: 'waggle.example.org', cookie: `__Host-waggle=${leadToken}` } });
    const body = await response.text();
    const ms = performance.now() - start;
    if (response.status !== 200) throw new Error(`the team check answered ${response.status}: ${body.slice(0, 300)}`);
    return { ms, body };
  };
  const first = await ask();
  results.apiFirstCallMs = round(first.ms);
  const report = JSON.parse(first.body);
  results.counts = report.counts;
  results.reportBytes = first.body.length;
  results.brokers = { exact: report.brokers.exact, statement: report.brokers.statement };
  for (let i = 0; i < 3; i++) await ask();
  const apiRuns = [];
  for (let i = 0; i < 20; i++) apiRuns.push((await ask()).ms);
  results.apiMs = stats(apiRuns);

  const loadRuns = [];
  let snapshot;
  for (let i = 0; i < 10; i++) {
    const start = performance.now();
    snapshot = await loadTeamSnapshot(db, teamId);
    loadRuns.push(performance.now() - start);
  }
  results.loadSnapshotMs = stats(loadRuns);
  const analysisRuns = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    runTeamCheck(snapshot);
    analysisRuns.push(performance.now() - start);
  }
  results.analysisMs = stats(analysisRuns);
  await session.close();
} finally {
  if (process.argv.includes('--keep')) console.log(`kept ${dataDir}`);
  else rmSync(dataDir, { recursive: true, force: true });
}

const rows = [
  ['GET /api/teams/{id}/check, in-process, median of 20 warm', `${results.apiMs.median} ms (p90 ${results.apiMs.p90})`, '< 300 ms', results.apiMs.median < 300],
  ['  first call', `${results.apiFirstCallMs} ms`, '', null],
  ['  loading the consented rows from SQLite (median of 10)', `${results.loadSnapshotMs.median} ms`, '', null],
  ['  the analysis alone (median of 20)', `${results.analysisMs.median} ms`, '', null],
];
console.log(`\nThe team check: ${results.counts.members} members, ${results.counts.people} people after merging, ${results.counts.networks} networks, ${results.counts.goals} goals; betweenness ${results.brokers.exact ? 'exact' : 'estimated'}`);
for (const [what, measured, target, met] of rows) console.log(`${what.padEnd(62)} ${measured.padEnd(24)} ${target.padEnd(10)} ${met === null ? '' : met ? 'met' : 'NOT MET'}`);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/team.json', `${JSON.stringify(results, null, 2)}\n`);
