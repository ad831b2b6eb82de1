import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fdatasync as fdatasyncCallback, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { firstLoadName, SQLITE_FILE_NAME } from './sqlite-files.js';

/** The files SQLite keeps beside a database: a folder holding any of them holds a database (or what is left of one). */
const COMPANIONS = ['', '-wal', '-shm', '-journal'];

/**
 * A first load into a data folder that holds no database yet (the first `waggle import` of a
 * 30,000-row LinkedIn export, issue 15): the database is made and written beside the folder's,
 * under a name no other process knows, with its rollback journal in memory and no syncs on the
 * way (sqlite.ts, `firstLoad`); then it is set to WAL as any database of the folder is, synced
 * once, and linked into place under the folder's name. Written through SQLite's log and
 * copied back at the end, as every other write is, the same 38 MB went to the disk twice, with
 * a sync each time: this way the whole process takes 0.966-0.974 of the time (16 and 12 runs
 * in turn), and the one sync left is mostly done beside the load (flushAlong).
 *
 * Nothing of the user's can be lost or half-seen: until the link the folder holds no database,
 * so a process that opens it meanwhile makes its own, and the link then finds it and refuses;
 * after it, the folder holds the whole load. A crash part way leaves only the load's own file,
 * removed by the next process that opens the folder (sqlite-files.ts). A failed load (a file
 * refused part way) removes its file, and the folder stays as it was.
 *
 * `load` opens the database at the path it is given, writes, and closes it. Returns null when
 * the folder holds a database already, or one appeared while loading (the load's work is then
 * thrown away): the caller loads into that database as any command writes.
 */
export async function loadIntoNewDatabase<T>(dataDir: string, load: (file: string) => Promise<T>): Promise<{ value: T } | null> {
  const target = join(dataDir, SQLITE_FILE_NAME);
  if (COMPANIONS.some((suffix) => isPresent(`${target}${suffix}`))) return null;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, firstLoadName(randomBytes(4).toString('hex')));
  const flushing = flushAlong(file);
  try {
    let value: T;
    try {
      value = await load(file);
    } finally {
      await flushing.stop();
    }
    settle(file);
    try {
      // A link, not a rename: it refuses to replace a database another process made meanwhile.
      linkSync(file, target);
    } catch {
      // EEXIST: that database. Anything else (a file system without hard links): nothing was put in
      // the folder, so the caller's usual way, which needs no link, is as safe as ever.
      return null;
    }
    syncFolder(dataDir);
    return { value };
  } finally {
    for (const suffix of COMPANIONS) rmSync(`${file}${suffix}`, { force: true });
  }
}

/**
 * The loaded file as the folder's database must be: in WAL mode (a header setting, written
 * through a journal and synced by SQLite, as a mode change is), and all of it on the disk
 * before anyone can open it by the folder's name.
 */
function settle(file: string): void {
  const database = new SqliteDatabase(file, { fileMustExist: true });
  try {
    database.pragma('journal_mode = WAL');
  } finally {
    database.close();
  }
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const fdatasync = promisify(fdatasyncCallback);

/** How often what the load wrote so far is sent to the disk while it runs. */
const FLUSH_EVERY_MS = 100;

/**
 * Sends what the load has written so far to the disk now and then while it runs, from the
 * thread pool (fs.fdatasync), so that the sync that settles the file at the end finds little
 * left to write: the disk works beside the load instead of after it. Nothing here is needed for
 * safety; the file is synced whole before it is linked (settle).
 */
function flushAlong(file: string): { stop(): Promise<void> } {
  let fd: number | null = null;
  // The flush under way, if any: one at a time.
  let inFlight: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (inFlight !== null) return;
    if (fd === null) {
      if (!existsSync(file)) return;
      fd = openSync(file, 'r');
    }
    inFlight = fdatasync(fd).then(
      () => void (inFlight = null),
      () => void (inFlight = null),
    );
  }, FLUSH_EVERY_MS);
  timer.unref();
  return {
    /** Ends the flushing once the one under way, if any, is done, and closes the file. */
    stop: async () => {
      clearInterval(timer);
      await inFlight;
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}

/** The folder's entry for the new name on the disk too, so that the link outlives a power cut. */
function syncFolder(dataDir: string): void {
  const fd = openSync(dataDir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Whether the folder has an entry by that name: a symbolic link counts, even one to nothing. */
function isPresent(path: string): boolean {
  return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
}
