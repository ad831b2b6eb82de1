import type { Insertable, Kysely, Selectable } from 'kysely';
import { BACKUP_TABLES, type BackupTable, type BackupWorkspace } from '../contract/backup-schema.js';
import { nameKey } from '../core/names.js';
import type { GoalNeed } from '../core/model.js';
import { toBase64 } from '../core/photo.js';
import { chunks } from './chunks.js';
import { parseJsonList } from './columns.js';
import { toContactPointRow, toPersonRow } from './people.js';
import type { Database, ExchangesTable, GoalsTable, NetworksTable, PeopleTable } from './schema.js';

/*
 * The backup's rows: every table of one workspace read row for row (lists and flags in the
 * backup's forms, without the workspace, in primary-key order), and written back from the
 * backup (the workspace added, the derived keys worked out again). Share tokens are neither
 * read nor written: see services/export/backup.ts.
 */

/** Primary-key order, by code unit: the same on every database and every locale. */
function byKey<T>(...fields: (keyof T)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const field of fields) {
      const x = String(a[field]);
      const y = String(b[field]);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
}

function withoutWorkspace<T extends { workspaceId: string }>(row: T): Omit<T, 'workspaceId'> {
  const { workspaceId: _workspaceId, ...rest } = row;
  return rest;
}

function personRow(row: Selectable<PeopleTable>) {
  // The derived dates stay out: a restore works them out again (services/rhythm.ts).
  const { lastExchangeOn: _last, nextContactDue: _due, searchText: _search, goalRelevance: _relevance, sortName: _sort, journalExchanges: _exchanges, journalGave: _gave, journalReceived: _received, journalOnlineOnly: _online, ...stored } = row;
  return { ...withoutWorkspace(stored), tags: parseJsonList<string>(row.tags), knowAndLike: row.knowAndLike === 1, canHelp: row.canHelp === 1, lostJobList: row.lostJobList === 1 };
}

function networkRow(row: Selectable<NetworksTable>) {
  return { ...withoutWorkspace(row), hoursPerMonth: Number(row.hoursPerMonth) };
}

function goalRow(row: Selectable<GoalsTable>) {
  return { ...withoutWorkspace(row), needs: parseJsonList<GoalNeed>(row.needs) };
}

function exchangeRow(row: Selectable<ExchangesTable>) {
  return { ...withoutWorkspace(row), gave: parseJsonList(row.gave), received: parseJsonList(row.received) };
}

/** Every backed-up table of the workspace, row for row (the caller holds one transaction, so that it is one consistent picture). */
export async function readWorkspaceTables(db: Kysely<Database>, ws: string): Promise<BackupWorkspace> {
  const profile = await db.selectFrom('profiles').selectAll().where('workspaceId', '=', ws).executeTakeFirstOrThrow();
  const people = await db.selectFrom('people').selectAll().where('workspaceId', '=', ws).execute();
  const contactPoints = await db.selectFrom('contactPoints').innerJoin('people', 'people.id', 'contactPoints.personId').selectAll('contactPoints').where('people.workspaceId', '=', ws).execute();
  const networks = await db.selectFrom('networks').selectAll().where('workspaceId', '=', ws).execute();
  const memberships = await db.selectFrom('memberships').selectAll().where('workspaceId', '=', ws).execute();
  const goals = await db.selectFrom('goals').selectAll().where('workspaceId', '=', ws).execute();
  const personGoals = await db.selectFrom('personGoals').selectAll().where('workspaceId', '=', ws).execute();
  const networkGoals = await db.selectFrom('networkGoals').selectAll().where('workspaceId', '=', ws).execute();
  const ties = await db.selectFrom('ties').selectAll().where('workspaceId', '=', ws).execute();
  const exchanges = await db.selectFrom('exchanges').selectAll().where('workspaceId', '=', ws).execute();
  const exchangePeople = await db.selectFrom('exchangePeople').selectAll().where('workspaceId', '=', ws).execute();
  const followUps = await db.selectFrom('followUps').selectAll().where('workspaceId', '=', ws).execute();
  const introductions = await db.selectFrom('introductions').selectAll().where('workspaceId', '=', ws).execute();
  const planTargets = await db.selectFrom('planTargets').selectAll().where('workspaceId', '=', ws).execute();
  const outreachTemplates = await db.selectFrom('outreachTemplates').selectAll().where('workspaceId', '=', ws).execute();
  const capturedItems = await db.selectFrom('capturedItems').selectAll().where('workspaceId', '=', ws).execute();
  const personDates = await db.selectFrom('personDates').innerJoin('people', 'people.id', 'personDates.personId').selectAll('personDates').where('people.workspaceId', '=', ws).execute();
  const personPhotos = await db.selectFrom('personPhotos').innerJoin('people', 'people.id', 'personPhotos.personId').selectAll('personPhotos').where('people.workspaceId', '=', ws).execute();

  const workspace = {
    profile: { ...withoutWorkspace(profile), emails: parseJsonList(profile.emails) },
    people: people.map(personRow).sort(byKey('id')),
    contactPoints: contactPoints.map((r) => ({ ...r })).sort((a, b) => byKey<typeof a>('personId')(a, b) || a.position - b.position),
    networks: networks.map(networkRow).sort(byKey('id')),
    memberships: memberships.map(withoutWorkspace).sort(byKey('networkId', 'personId')),
    goals: goals.map(goalRow).sort(byKey('id')),
    personGoals: personGoals.map((l) => ({ ...withoutWorkspace(l), serves: parseJsonList<string>(l.serves) })).sort(byKey('goalId', 'personId')),
    networkGoals: networkGoals.map((l) => ({ ...withoutWorkspace(l), serves: parseJsonList<string>(l.serves) })).sort(byKey('goalId', 'networkId')),
    ties: ties.map(withoutWorkspace).sort(byKey('personA', 'personB')),
    exchanges: exchanges.map(exchangeRow).sort(byKey('id')),
    exchangePeople: exchangePeople.map(withoutWorkspace).sort(byKey('exchangeId', 'personId')),
    followUps: followUps.map(withoutWorkspace).sort(byKey('id')),
    introductions: introductions.map(withoutWorkspace).sort(byKey('id')),
    planTargets: planTargets.map(withoutWorkspace).sort(byKey('id')),
    outreachTemplates: outreachTemplates.map(withoutWorkspace).sort(byKey('id')),
    capturedItems: capturedItems.map(withoutWorkspace).sort(byKey('sourceKey')),
    personDates: personDates.map((r) => ({ ...r })).sort((a, b) => byKey<typeof a>('personId')(a, b) || a.position - b.position),
    personPhotos: personPhotos.map((r) => ({ personId: r.personId, mediaType: r.mediaType, data: toBase64(new Uint8Array(r.bytes)), updatedAt: r.updatedAt })).sort(byKey('personId')),
  };
  // The database's check constraints guarantee the closed sets; the cast only restores what storage erased.
  return workspace as BackupWorkspace;
}

/** A backup's rows as the tables take them. */
export type BackupRows = { [T in BackupTable]: Insertable<Database[T]>[] };

/** Rows as the tables take them: the workspace added, derived keys recomputed, lists and flags back to the database's forms. */
export function toBackupRows(ws: string, w: BackupWorkspace): BackupRows {
  const occurredOn = new Map(w.exchanges.map((e) => [e.id, e.occurredOn]));
  const channels = new Map<string, { position: number; value: string }[]>();
  for (const c of w.contactPoints) channels.set(c.personId, [...(channels.get(c.personId) ?? []), c]);
  return {
    people: w.people.map((p) => toPersonRow(ws, { ...p, familyName: p.familyName ?? null }, (channels.get(p.id) ?? []).sort((a, b) => a.position - b.position).map((c) => c.value))),
    contactPoints: w.contactPoints.map((c) => toContactPointRow(c.personId, c.position, c)),
    networks: w.networks.map((n) => ({ ...n, workspaceId: ws, nameKey: nameKey(n.name) })),
    goals: w.goals.map((g) => ({ ...g, workspaceId: ws, needs: JSON.stringify(g.needs) })),
    memberships: w.memberships.map((m) => ({ ...m, workspaceId: ws })),
    personGoals: w.personGoals.map((l) => ({ ...l, workspaceId: ws, serves: JSON.stringify(l.serves) })),
    networkGoals: w.networkGoals.map((l) => ({ ...l, workspaceId: ws, serves: JSON.stringify(l.serves) })),
    ties: w.ties.map((t) => ({ ...t, workspaceId: ws })),
    exchanges: w.exchanges.map((e) => ({ ...e, workspaceId: ws, gave: JSON.stringify(e.gave), received: JSON.stringify(e.received) })),
    // The validation has checked every exchange exists; its date is the one true copy.
    exchangePeople: w.exchangePeople.map((x) => ({ ...x, workspaceId: ws, occurredOn: occurredOn.get(x.exchangeId) ?? x.occurredOn ?? '' })),
    followUps: w.followUps.map((f) => ({ ...f, workspaceId: ws })),
    introductions: w.introductions.map((i) => ({ ...i, workspaceId: ws })),
    planTargets: w.planTargets.map((t) => ({ ...t, workspaceId: ws })),
    outreachTemplates: w.outreachTemplates.map((t) => ({ ...t, workspaceId: ws })),
    capturedItems: w.capturedItems.map((c) => ({ ...c, workspaceId: ws })),
    personDates: w.personDates.map((d) => ({ ...d })),
    // Checked as an upload is (backup-schema.ts) before anything is written.
    personPhotos: w.personPhotos.map((p) => ({ personId: p.personId, mediaType: p.mediaType, bytes: Buffer.from(p.data.replace(/\s+/g, ''), 'base64'), updatedAt: p.updatedAt })),
  };
}

/** Writes the backup's profile over the workspace's (making it if the workspace has none). */
export async function restoreProfile(db: Kysely<Database>, ws: string, backupProfile: BackupWorkspace['profile']): Promise<void> {
  const profile = { ...backupProfile, emails: JSON.stringify(backupProfile.emails) };
  const updated = await db.updateTable('profiles').set(profile).where('workspaceId', '=', ws).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await db.insertInto('profiles').values({ ...profile, workspaceId: ws }).execute();
}

/** Inserts every table's rows, parents first (the order of BACKUP_TABLES), and says how many went into each. */
export async function insertBackupRows(db: Kysely<Database>, rows: BackupRows): Promise<Record<BackupTable, number>> {
  const counts = {} as Record<BackupTable, number>;
  for (const table of BACKUP_TABLES) {
    const tableRowsOf: Insertable<Database[typeof table]>[] = rows[table];
    // 100 rows a statement keeps every batch under both databases' parameter limits.
    for (const batch of chunks(tableRowsOf, 100)) await db.insertInto(table).values(batch as never).execute();
    counts[table] = tableRowsOf.length;
  }
  return counts;
}
