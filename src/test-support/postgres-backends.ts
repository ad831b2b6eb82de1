import pg from 'pg';

/*
 * Ending a PostgreSQL backend from a connection of one's own, as an administrator (or a restart)
 * would: for the tests of what a store does when the server ends a connection it holds.
 */

/** Runs `work` on a connection of its own to `url`, closed after. */
async function asAdmin<T>(url: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** Ends the backend `pid`; whether PostgreSQL says it did. */
export function terminateBackend(url: string, pid: number): Promise<boolean> {
  return asAdmin(url, async (admin) => (await admin.query<{ ended: boolean }>('select pg_terminate_backend($1) as ended', [pid])).rows[0]?.ended === true);
}

/**
 * The backend (another connection's) running a statement whose text holds `marker`, looked for every
 * 20 ms for up to a second while that statement starts; undefined if none was found.
 */
export async function backendRunning(url: string, marker: string): Promise<number | undefined> {
  for (let tries = 0; tries < 50; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const pid = await asAdmin(url, async (admin) => (await admin.query<{ pid: number }>(`select pid from pg_stat_activity where query like $1 and pid <> pg_backend_pid()`, [`%${marker}%`])).rows[0]?.pid);
    if (pid !== undefined) return pid;
  }
  return undefined;
}
