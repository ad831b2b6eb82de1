import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { egoMap, runCheck } from '../core/check/index.js';
import type { CheckOptions, CheckReport, MapSnapshot, NetworkMap } from '../core/check/index.js';
import { inTransaction, today, type ServiceContext } from './context.js';
import { listJournalEntries } from './exchanges.js';
import { getGoal, listGoals } from './goals.js';
import { listIntroductions } from './introductions.js';
import { listGoalLinks, listMemberships, listTies } from './links.js';
import { listNetworks } from './networks.js';
import { listPeople } from './people.js';
import { getProfile } from './workspace.js';
import { dataVersion } from '../storage/data-version.js';
import { readJournalSummary } from '../storage/journal-summary.js';
import type { Goal } from '../core/model.js';
import { serveKept, type KeptCheck, type ServedCheck } from './check-cache.js';
import { checkOffThread, wholeCheckOffThread, type CheckJob, type PackedMap } from './check-off-thread.js';
import { encodeMap } from '../core/check/compact-map.js';
import { GEXF_VERSIONS, toGexf, toGraphml, type GexfVersion } from '../codecs/graph/write.js';
import { KeptParts, packCheck } from './check-packed.js';
import { configOf } from '../storage/database.js';
import { readThroughMemoryMap } from '../storage/mapped-reads.js';

/**
 * Everything the network check looks at, read in one transaction so that it is one consistent
 * picture. The journal as its exchanges (`entries`, the default), summed by the database
 * (`summed`: what the check itself reads), or not at all (`none`: the map reads no journal).
 */
export async function loadSnapshot(ctx: ServiceContext, options: { journal?: 'entries' | 'summed' | 'none' } = {}): Promise<MapSnapshot> {
  const journal = options.journal ?? 'entries';
  const read = async (c: ServiceContext): Promise<MapSnapshot> => {
    const profile = await getProfile(c);
    const people = await listPeople(c);
    const networks = await listNetworks(c);
    const memberships = await listMemberships(c);
    const goals = await listGoals(c);
    const goalLinks = await listGoalLinks(c);
    const ties = await listTies(c);
    const exchanges = journal === 'entries' ? await listJournalEntries(c) : [];
    const summed = journal === 'summed' ? await readJournalSummary(c.db, c.workspaceId) : undefined;
    const introductions = await listIntroductions(c);
    return {
      today: today(c),
      profile: { name: profile.name, workingOn: profile.workingOn },
      people: people.items,
      networks: networks.items,
      memberships,
      goals: goals.items,
      goalLinks,
      ties,
      exchanges,
      ...(summed ? { journal: summed } : {}),
      introductions,
    };
  };
  return inTransaction(ctx, read);
}

/**
 * The network check on the workspace as it is now, optionally focused on one goal, worked
 * out on this thread: what a command that checks once (`waggle check`, an export, the plan's
 * suggestions) and the server's check worker run. The server's routes answer from
 * `servedCheck`, which keeps it between changes and works it out off the main thread.
 */
export async function checkNetwork(ctx: ServiceContext, options: CheckOptions = {}): Promise<CheckReport> {
  if (options.goalId) await getGoal(ctx, options.goalId);
  if (ctx.db.isTransaction) return runCheck(await loadSnapshot(ctx, { journal: 'summed' }), options);
  // Set before the transaction begins, on the connection that reads nearly every page once.
  await readThroughMemoryMap(ctx.db);
  // Read in one repeatable-read transaction: one consistent picture.
  return ctx.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => runCheck(await loadSnapshot({ ...ctx, db: trx }, { journal: 'summed' }), options));
}

const checkKey = (ctx: ServiceContext, options: CheckOptions) => `${ctx.workspaceId}|${options.goalId ?? ''}|${today(ctx)}`;

/** How to reach the check's worker: the database's config, unless the handle is a transaction or was not opened by openStore. */
function workerJob(ctx: ServiceContext, options: CheckOptions): Omit<CheckJob, 'want'> | null {
  const config = ctx.db.isTransaction ? null : configOf(ctx.db);
  return config ? { config, workspaceId: ctx.workspaceId, now: ctx.clock.now().toISOString(), timeZone: ctx.timeZone, goalId: options.goalId ?? null } : null;
}

/**
 * The check as the server answers it: the one kept for this workspace, focus and day,
 * worked out in a process of its own, and renewed there after a change while the last one
 * answers (check-cache.ts says how, and `freshness` says how current it is).
 */
export async function servedCheck(ctx: ServiceContext, options: CheckOptions = {}): Promise<ServedCheck> {
  if (options.goalId) await getGoal(ctx, options.goalId);
  const version = await dataVersion(ctx.db, ctx.workspaceId);
  return serveKept(ctx.db, checkKey(ctx, options), version, async (): Promise<KeptCheck> => {
    // The version is read before the worker reads the data, so the data is at least as new as the version it is kept under.
    const workedOutAt = ctx.clock.now().toISOString();
    const labelled = await dataVersion(ctx.db, ctx.workspaceId);
    const job = workerJob(ctx, options);
    const packed = job ? await checkOffThread({ ...job, want: 'kept' }) : packCheck(await checkNetwork(ctx, options));
    return { version: labelled, workedOutAt, check: new KeptParts(packed) };
  });
}

/** The whole report as JSON, worked out in the check's worker and read as it writes it (on this thread when there is no worker to reach). */
export async function wholeCheckJson(ctx: ServiceContext, options: CheckOptions = {}): Promise<Readable> {
  if (options.goalId) await getGoal(ctx, options.goalId);
  const job = workerJob(ctx, options);
  return job ? wholeCheckOffThread({ ...job, want: 'whole' }) : Readable.from([Buffer.from(JSON.stringify(await checkNetwork(ctx, options)))]);
}

/** The map's goals: the focused one, or every active one. */
type MapGoal = { id: string; statement: string; needs: { id: string; name: string; essential: boolean }[] };

/** The map alone, for drawing, worked out on this thread: the check's map without reading the journal, which the map does not use. */
export async function mapViewHere(ctx: ServiceContext, options: CheckOptions = {}): Promise<{ map: NetworkMap; goals: MapGoal[] }> {
  if (options.goalId) await getGoal(ctx, options.goalId);
  const goalsOf = (all: readonly Goal[]) => all.filter((g) => (options.goalId ? g.id === options.goalId : g.status === 'active')).map((g) => ({ id: g.id, statement: g.statement, needs: g.needs }));
  const snapshot = await loadSnapshot(ctx, { journal: 'none' });
  return { map: egoMap(snapshot, options), goals: goalsOf(snapshot.goals) };
}

/** The map's two answers as they are kept, gzipped (GET /api/map, GET /api/map/compact), worked out on this thread: what the check's worker runs. */
export async function mapAnswersHere(ctx: ServiceContext, options: CheckOptions = {}): Promise<PackedMap> {
  const view = await mapViewHere(ctx, options);
  // The level the server zips its other answers at (server/gzip.ts): JSON of repeated keys shrinks almost as much as at 6, for half the CPU.
  const zipped = (value: unknown) => new Uint8Array(gzipSync(JSON.stringify(value), { level: 4 }));
  return { viewGzip: zipped(view), compactGzip: zipped({ map: encodeMap(view.map), goals: view.goals }) };
}

/**
 * The map's answers as the server sends them: kept per workspace, focus, day and version of the
 * data like the check (check-cache.ts), worked out in the check's worker, and after a change the
 * last one answers (`freshness.updating`) while a newer one is worked out.
 */
export async function servedMap(ctx: ServiceContext, options: CheckOptions = {}): Promise<ServedCheck<PackedMap>> {
  if (options.goalId) await getGoal(ctx, options.goalId);
  const version = await dataVersion(ctx.db, ctx.workspaceId);
  return serveKept(ctx.db, `map|${checkKey(ctx, options)}`, version, async (): Promise<KeptCheck<PackedMap>> => {
    const workedOutAt = ctx.clock.now().toISOString();
    const labelled = await dataVersion(ctx.db, ctx.workspaceId);
    const job = workerJob(ctx, options);
    const packed = job ? await checkOffThread({ ...job, want: 'map' }) : await mapAnswersHere(ctx, options);
    return { version: labelled, workedOutAt, check: packed };
  });
}

/** The map as a graph file (GEXF or GraphML), written on this thread: what the check's worker runs. */
export async function graphFileHere(ctx: ServiceContext, format: 'gexf' | 'graphml', gexfVersion: GexfVersion = GEXF_VERSIONS[0]): Promise<string> {
  const { map } = await mapViewHere(ctx);
  const meta = { title: 'Waggle map', now: ctx.clock.now() };
  return format === 'gexf' ? toGexf(map, { ...meta, version: gexfVersion }) : toGraphml(map, meta);
}

/** The map as a graph file, written in the check's worker (on this thread when there is no worker to reach): tens of megabytes of XML at 30,000 people. */
export async function graphFile(ctx: ServiceContext, format: 'gexf' | 'graphml', gexfVersion?: GexfVersion): Promise<string> {
  const job = workerJob(ctx, {});
  if (!job) return graphFileHere(ctx, format, gexfVersion);
  const bytes = await checkOffThread({ ...job, want: format, ...(gexfVersion ? { gexfVersion } : {}) });
  return new TextDecoder().decode(bytes);
}
