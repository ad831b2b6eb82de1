import type { Kysely } from 'kysely';
import type { CheckReport } from '../core/check/index.js';
import type { Database } from '../storage/schema.js';

/**
 * The network check, worked out once per version of the data (storage/data-version.ts)
 * and kept for the requests that follow until anything is written. A few reports a
 * database at most: at 30,000 people one report holds tens of megabytes.
 * Kept per database handle, so two data folders in one process never share one.
 */
const MAX_KEPT = 3;

interface Kept {
  version: string;
  report: CheckReport;
}

const keptByDatabase = new WeakMap<Kysely<Database>, Map<string, Kept>>();

/** The report kept for `key` if it was worked out from this very version of the data. */
export function keptCheck(db: Kysely<Database>, key: string, version: string): CheckReport | null {
  const kept = keptByDatabase.get(db)?.get(key);
  return kept && kept.version === version ? kept.report : null;
}

export async function cachedCheck(db: Kysely<Database>, key: string, version: string, work: () => Promise<CheckReport>): Promise<CheckReport> {
  const hit = keptCheck(db, key, version);
  if (hit) return hit;
  const report = await work();
  let kept = keptByDatabase.get(db);
  if (!kept) keptByDatabase.set(db, (kept = new Map()));
  kept.delete(key);
  kept.set(key, { version, report });
  // Oldest out first: a Map keeps insertion order.
  while (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value as string);
  return report;
}
