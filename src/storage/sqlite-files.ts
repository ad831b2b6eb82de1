import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The SQLite database's name in its data folder. */
export const SQLITE_FILE_NAME = 'waggle.db';

/** A first load's own database, beside the folder's (sqlite-first-load.ts): `waggle.db.first-load-<pid>-<random>`, and SQLite's files beside it. */
const FIRST_LOAD = new RegExp(`^${SQLITE_FILE_NAME.replace('.', '\\.')}\\.first-load-(\\d+)-[0-9a-f]+(?:-wal|-shm|-journal)?$`);

/** The name a first load by this process writes under, before it is linked into place. */
export function firstLoadName(random: string): string {
  return `${SQLITE_FILE_NAME}.first-load-${process.pid}-${random}`;
}

/**
 * Removes the files of first loads whose process has ended (killed part way): never linked, of
 * use to no one, and holding people's data that nothing else would ever erase. Run by every
 * process that opens the folder for writing (database.ts), so that a crash's leftovers do not
 * outlive the next start. A load still running (its process alive) is left alone.
 */
export function removeAbandonedLoads(dataDir: string): void {
  for (const name of readdirSync(dataDir)) {
    const pid = FIRST_LOAD.exec(name)?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) rmSync(join(dataDir, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
