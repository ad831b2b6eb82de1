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
import { cachedCheck, keptCheck } from './check-cache.js';

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

/** The network check on the workspace as it is now, optionally focused on one goal. */
export async function checkNetwork(ctx: ServiceContext, options: CheckOptions = {}): Promise<CheckReport> {
  if (options.goalId) await getGoal(ctx, options.goalId);
  if (ctx.db.isTransaction) return runCheck(await loadSnapshot(ctx, { journal: 'summed' }), options);
  // Read in one repeatable-read transaction: the data version and the snapshot describe the same rows.
  return ctx.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const inTrx = { ...ctx, db: trx };
      const version = await dataVersion(trx, ctx.workspaceId);
      const key = `${ctx.workspaceId}|${options.goalId ?? ''}|${today(ctx)}`;
      return cachedCheck(ctx.db, key, version, async () => runCheck(await loadSnapshot(inTrx, { journal: 'summed' }), options));
    });
}

/** The map alone, for drawing: the check's map without reading the journal, which the map does not use. */
export async function mapView(ctx: ServiceContext, options: CheckOptions = {}): Promise<{ map: NetworkMap; goals: { id: string; statement: string; needs: { id: string; name: string; essential: boolean }[] }[] }> {
  if (options.goalId) await getGoal(ctx, options.goalId);
  const goalsOf = (all: readonly Goal[]) => all.filter((g) => (options.goalId ? g.id === options.goalId : g.status === 'active')).map((g) => ({ id: g.id, statement: g.statement, needs: g.needs }));
  if (!ctx.db.isTransaction) {
    // The check's map is this map: while the check for this version of the data is kept, it answers.
    const kept = await ctx.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const report = keptCheck(ctx.db, `${ctx.workspaceId}|${options.goalId ?? ''}|${today(ctx)}`, await dataVersion(trx, ctx.workspaceId));
        return report ? { map: report.map, goals: goalsOf((await listGoals({ ...ctx, db: trx })).items) } : null;
      });
    if (kept) return kept;
  }
  const snapshot = await loadSnapshot(ctx, { journal: 'none' });
  return { map: egoMap(snapshot, options), goals: goalsOf(snapshot.goals) };
}
