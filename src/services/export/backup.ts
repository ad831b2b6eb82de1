import { BACKUP_FORMAT_VERSION, parseBackup, type BackupTable, type WaggleBackup } from '../../contract/backup-schema.js';
import { ConflictError, WaggleError } from '../../core/errors.js';
import { ImportFileError } from '../../core/import-types.js';
import { migrations } from '../../storage/migrations/index.js';
import { ConstraintError } from '../../storage/driver-errors.js';
import { insertBackupRows, readWorkspaceTables, restoreProfile, toBackupRows } from '../../storage/backup.js';
import { countWorkspaceRows } from '../../storage/workspaces.js';
import { inTransaction, nowTimestamp, type ServiceContext } from '../context.js';
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

/** Reads the whole workspace, in one transaction so that it is one consistent picture. */
export async function exportBackup(ctx: ServiceContext): Promise<WaggleBackup> {
  const read = async (c: ServiceContext): Promise<WaggleBackup> => {
    // Share tokens are not read: see the note at the top of this file.
    const workspace = await readWorkspaceTables(c.db, c.workspaceId);
    return { waggleBackup: BACKUP_FORMAT_VERSION, schema: BACKUP_SCHEMA, exportedAt: nowTimestamp(c), workspace };
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
  const rows = toBackupRows(ctx.workspaceId, parsed.workspace);
  try {
    return await inTransaction(ctx, async (trx) => {
      const found = (await countWorkspaceRows(trx.db, trx.workspaceId, OWNING_TABLES)).filter(({ count }) => count > 0).map(({ table, count }) => `${count} ${table}`);
      if (found.length > 0) throw new ConflictError(`This data folder already has data (${found.join(', ')}); restore into an empty data folder (--data DIR)`);
      await restoreProfile(trx.db, trx.workspaceId, parsed.workspace.profile);
      const summary: RestoreSummary = { profile: 1, ...(await insertBackupRows(trx.db, rows)) };
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
