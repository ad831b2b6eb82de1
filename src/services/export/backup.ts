import type { Insertable, Selectable } from 'kysely';
import { BACKUP_FORMAT_VERSION, BACKUP_TABLES, parseBackup, type BackupTable, type BackupWorkspace, type WaggleBackup } from '../../contract/backup-schema.js';
import { ConflictError, WaggleError } from '../../core/errors.js';
import { ImportFileError } from '../../core/import-types.js';
import { migrations } from '../../storage/migrations/index.js';
import { ConstraintError } from '../../storage/driver-errors.js';
import type { GoalNeed } from '../../core/model.js';
import type { Database, ExchangesTable, GoalsTable, NetworksTable, PeopleTable } from '../../storage/schema.js';
import { inTransaction, nowTimestamp, type ServiceContext } from '../context.js';
import { contactKey, nameKey } from '../keys.js';
import { toBase64 } from '../../core/photo.js';
import { chunks } from '../../storage/chunks.js';
import { parseJsonList } from '../../storage/columns.js';
import { toPersonRow } from '../../storage/people.js';
import { refreshRhythm } from '../rhythm.js';
import { refreshGoalRelevance } from '../goal-relevance.js';

export type { WaggleBackup } from '../../contract/backup-schema.js';

/**
 * The lossless JSON backup: every table of the workspace, row for row, ids kept,
 * tagged with the backup format's version and the database schema (the latest
 * migration's name) of the Waggle that wrote it. Restoring it into an empty data
 * folder gives back the same data.
 *
 * Left out on purpose:
 * - share tokens (plan pages, calendar feeds): a link is a secret that belongs to
 *   one install; a backup copied elsewhere must not carry working or revocable
 *   links with it, so links are made anew after a restore;
 * - the workspace row itself (its id, name and creation time), which belongs to
 *   the install and is made when a data folder is first opened.
 */

const migrationNames = Object.keys(migrations).sort();

/** The database schema this Waggle writes: its latest migration. */
export const BACKUP_SCHEMA: string = migrationNames.at(-1) ?? '';

/**
 * The schemas whose backups this Waggle restores: from the first one that had
 * backups up to its own. A migration that changes a backed-up table must add an
 * upgrade step here for older backups (the strict schema refuses them otherwise).
 */
const FIRST_BACKUP_SCHEMA = '2026-11-22T1400-rhythm';
const RESTORABLE_SCHEMAS: ReadonlySet<string> = new Set(migrationNames.filter((name) => name >= FIRST_BACKUP_SCHEMA));

/** How many rows a restore wrote, table by table. */
export type RestoreSummary = { profile: number } & Record<BackupTable, number>;

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
  const { lastExchangeOn: _last, nextContactDue: _due, searchText: _search, goalRelevance: _relevance, sortName: _sort, ...stored } = row;
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

/** Reads the whole workspace, in one transaction so that it is one consistent picture. */
export async function exportBackup(ctx: ServiceContext): Promise<WaggleBackup> {
  const read = async (c: ServiceContext): Promise<WaggleBackup> => {
    const ws = c.workspaceId;
    const db = c.db;
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
    // Share tokens are not read: see the note at the top of this file.

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
    return {
      waggleBackup: BACKUP_FORMAT_VERSION,
      schema: BACKUP_SCHEMA,
      exportedAt: nowTimestamp(c),
      // The database's check constraints guarantee the closed sets; the cast only restores what storage erased.
      workspace: workspace as BackupWorkspace,
    };
  };
  return inTransaction(ctx, read);
}

/** Refuses what is not a backup this Waggle can read, before looking at its rows. */
function checkVersion(data: unknown): void {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new ImportFileError(null, 'not a Waggle backup: expected a JSON object with a "waggleBackup" field');
  const { waggleBackup, schema } = data as Record<string, unknown>;
  if (waggleBackup === undefined) throw new ImportFileError(null, 'not a Waggle backup: it has no "waggleBackup" field');
  if (waggleBackup !== BACKUP_FORMAT_VERSION) {
    throw new ImportFileError(null, `backup format ${JSON.stringify(waggleBackup)} is not one this Waggle knows (it reads format ${BACKUP_FORMAT_VERSION}); a newer Waggle may read it`);
  }
  if (typeof schema !== 'string' || !RESTORABLE_SCHEMAS.has(schema)) {
    throw new ImportFileError(
      null,
      `the backup's database schema ${JSON.stringify(schema)} is not one this Waggle knows (it knows ${[...RESTORABLE_SCHEMAS].join(', ')}); a backup from a newer Waggle needs that version to restore`,
    );
  }
}

/** The migration that made needs first-class: older backups carry `areas` and links without `serves`. */
const NEEDS_SCHEMA = '2026-12-01T1000-goal-needs';

/**
 * Brings a backup written before a schema change to the current shape, as the
 * migrations did to the database: each area becomes a need (none essential), and
 * every goal link serves the goal as a whole.
 */
function upgradeBackup(backup: unknown): unknown {
  const data = backup as { schema: string; workspace?: Record<string, unknown> };
  if (data.schema >= NEEDS_SCHEMA || !data.workspace || typeof data.workspace !== 'object') return backup;
  const w = { ...data.workspace };
  if (Array.isArray(w.goals)) {
    w.goals = w.goals.map((g: unknown) => {
      if (!g || typeof g !== 'object' || !('areas' in g)) return g;
      const { areas, ...rest } = g as { areas: unknown };
      const names = Array.isArray(areas) ? [...new Set(areas.filter((a): a is string => typeof a === 'string' && a.trim() !== '').map((a) => a.trim()))] : areas;
      return { ...rest, needs: Array.isArray(names) ? names.map((name, i) => ({ id: `need_${i + 1}`, name, essential: false })) : names };
    });
  }
  for (const table of ['personGoals', 'networkGoals'] as const) {
    const rows = w[table];
    if (Array.isArray(rows)) w[table] = rows.map((l: unknown) => (l && typeof l === 'object' && !('serves' in l) ? { ...l, serves: [] } : l));
  }
  return { ...data, workspace: w };
}

/** Rows as the tables take them: the workspace added, derived keys recomputed, lists and flags back to the database's forms. */
function tableRows(ws: string, w: BackupWorkspace): { [T in BackupTable]: Insertable<Database[T]>[] } {
  const occurredOn = new Map(w.exchanges.map((e) => [e.id, e.occurredOn]));
  const channels = new Map<string, { position: number; value: string }[]>();
  for (const c of w.contactPoints) channels.set(c.personId, [...(channels.get(c.personId) ?? []), c]);
  return {
    people: w.people.map((p) => toPersonRow(ws, { ...p, familyName: p.familyName ?? null }, (channels.get(p.id) ?? []).sort((a, b) => a.position - b.position).map((c) => c.value))),
    contactPoints: w.contactPoints.map((c) => ({ ...c, valueKey: contactKey(c.value) })),
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

/** Workspace tables whose rows mean the workspace is not empty (the others hang off these). */
const OWNING_TABLES = ['people', 'networks', 'goals', 'exchanges', 'followUps', 'introductions', 'planTargets', 'outreachTemplates'] as const;

/**
 * Restores a backup into an empty workspace, in one transaction, ids kept.
 * Refuses an unknown format or schema (ImportFileError), any fault in the rows
 * (ValidationError naming its JSON path, e.g. `workspace.people[3].strength`), and
 * a workspace that already has data (ConflictError). A refusal or a failure part
 * way leaves the database as it was.
 */
export async function restoreBackup(ctx: ServiceContext, backup: unknown): Promise<RestoreSummary> {
  checkVersion(backup);
  const parsed = parseBackup(upgradeBackup(backup));
  const rows = tableRows(ctx.workspaceId, parsed.workspace);
  try {
    return await inTransaction(ctx, async (trx) => {
      const ws = trx.workspaceId;
      const found: string[] = [];
      for (const table of OWNING_TABLES) {
        const { n } = await trx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('workspaceId', '=', ws).executeTakeFirstOrThrow();
        if (Number(n) > 0) found.push(`${Number(n)} ${table}`);
      }
      if (found.length > 0) throw new ConflictError(`This data folder already has data (${found.join(', ')}); restore into an empty data folder (--data DIR)`);

      const profile = { ...parsed.workspace.profile, emails: JSON.stringify(parsed.workspace.profile.emails) };
      const updated = await trx.db.updateTable('profiles').set(profile).where('workspaceId', '=', ws).executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) await trx.db.insertInto('profiles').values({ ...profile, workspaceId: ws }).execute();

      const summary = { profile: 1 } as RestoreSummary;
      for (const table of BACKUP_TABLES) {
        const tableRowsOf: Insertable<Database[typeof table]>[] = rows[table];
        // 100 rows a statement keeps every batch under both databases' parameter limits.
        for (const batch of chunks(tableRowsOf, 100)) await trx.db.insertInto(table).values(batch as never).execute();
        summary[table] = tableRowsOf.length;
      }
      await refreshRhythm(trx);
      await refreshGoalRelevance(trx, 'everyone');
      return summary;
    });
  } catch (error) {
    if (error instanceof WaggleError && !(error instanceof ConstraintError)) throw error;
    // The database refused a row (an id another workspace of this database already uses, say); the transaction undid everything.
    const why =
      error instanceof ConstraintError
        ? error.constraint === 'unique'
          ? 'a record in it has an id this database already holds'
          : 'a record in it refers to one the backup does not hold'
        : error instanceof Error
          ? error.message
          : String(error);
    throw new ConflictError(`The backup could not be restored, nothing was changed: ${why}`, { cause: error });
  }
}
