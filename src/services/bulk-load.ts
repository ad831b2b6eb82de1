import type { Insertable } from 'kysely';
import type { MapSnapshot } from '../core/check/index.js';
import type { Exchange } from '../core/model.js';
import { nameKey } from './keys.js';
import { insertRows } from '../storage/insert-rows.js';
import { toContactPointRow, toPersonRow } from '../storage/people.js';
import { refreshPlannerStatistics } from '../storage/planner-statistics.js';
import { inTransaction, type ServiceContext } from './context.js';
import type { Database } from '../storage/schema.js';
import { refreshRhythm } from './rhythm.js';
import { refreshGoalRelevance } from './goal-relevance.js';

/**
 * Writes a whole map, ids kept, into an empty workspace in one transaction, in
 * batches. For benchmarks and generated test maps today; the JSON backup restore
 * will stand on it.
 */
export async function bulkLoad(ctx: ServiceContext, map: Omit<MapSnapshot, 'today' | 'profile' | 'exchanges'> & { exchanges: Exchange[] }): Promise<void> {
  const ws = ctx.workspaceId;
  await inTransaction(ctx, async (trx) => {
    const insert = <T extends keyof Database & string>(table: T, rows: Insertable<Database[T]>[]) => insertRows(trx.db, table, rows);
    await insert(
      'people',
      map.people.map((p) => toPersonRow(ws, p, p.channels.map((c) => c.value))),
    );
    await insert('contactPoints', map.people.flatMap((p) => p.channels.map((c, position) => toContactPointRow(p.id, position, c))));
    await insert(
      'networks',
      map.networks.map((n) => ({ id: n.id, workspaceId: ws, name: n.name, nameKey: nameKey(n.name), kind: n.kind, role: n.role, strength: n.strength, importance: n.importance, hoursPerMonth: n.hoursPerMonth, url: n.url, notes: n.notes, createdAt: n.createdAt, updatedAt: n.updatedAt })),
    );
    await insert(
      'goals',
      map.goals.map((g) => ({ id: g.id, workspaceId: ws, statement: g.statement, horizon: g.horizon, needs: JSON.stringify(g.needs), transitionFrom: g.transitionFrom, transitionTo: g.transitionTo, status: g.status, createdAt: g.createdAt, updatedAt: g.updatedAt })),
    );
    await insert('memberships', map.memberships.map((m) => ({ workspaceId: ws, networkId: m.networkId, personId: m.personId, role: m.role })));
    await insert('personGoals', map.goalLinks.filter((l) => l.kind === 'person').map((l) => ({ workspaceId: ws, goalId: l.goalId, personId: l.targetId, relevance: l.relevance, note: l.note, serves: JSON.stringify(l.serves) })));
    await insert('networkGoals', map.goalLinks.filter((l) => l.kind === 'network').map((l) => ({ workspaceId: ws, goalId: l.goalId, networkId: l.targetId, relevance: l.relevance, note: l.note, serves: JSON.stringify(l.serves) })));
    await insert('ties', map.ties.map((t) => ({ workspaceId: ws, personA: t.personAId, personB: t.personBId, strength: t.strength, note: t.note })));
    await insert(
      'exchanges',
      map.exchanges.map((e) => ({ id: e.id, workspaceId: ws, occurredOn: e.occurredOn, channel: e.channel, initiatedBy: e.initiatedBy, networkId: e.networkId, gave: JSON.stringify(e.gave), received: JSON.stringify(e.received), learned: e.learned, feeling: e.feeling, notes: e.notes, createdAt: e.createdAt })),
    );
    await insert('exchangePeople', map.exchanges.flatMap((e) => e.personIds.map((personId) => ({ exchangeId: e.id, personId, workspaceId: ws, occurredOn: e.occurredOn }))));
    await insert('introductions', map.introductions.map((i) => ({ id: i.id, workspaceId: ws, byId: i.byId, personId: i.personId, toId: i.toId, madeOn: i.madeOn, note: i.note, createdAt: i.createdAt })));
    await refreshRhythm(trx);
    await refreshGoalRelevance(trx, 'everyone');
  });
  await refreshPlannerStatistics(ctx.db);
}
