import type { Kysely } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '../storage/schema.js';
import { checkKeeperSettled, checkKeeperState, serveKept, type KeptCheck } from './check-cache.js';

/** A computation the test settles by hand, so what the keeper does in between can be seen. */
function deferredWork() {
  const calls: Array<(kept: KeptCheck<string>) => void> = [];
  const work = () => new Promise<KeptCheck<string>>((resolve) => calls.push(resolve));
  return { work, calls };
}

async function microtasks(n = 10): Promise<void> {
  for (let i = 0; i < n; i++) await Promise.resolve();
}

describe('the check keeper under a stream of writes', () => {
  // The keeper holds its slots per database handle and uses it only as an identity.
  const db = {} as Kysely<Database>;

  it('rests before a computation due straight after another, saying it is updating, then works the newest out once', async () => {
    const { work, calls } = deferredWork();
    const first = serveKept(db, 'ws|', 'v1', work);
    expect(calls).toHaveLength(1);
    calls[0]!({ version: 'v1', workedOutAt: '2026-11-22T10:00:00.000Z', check: 'check of v1' });
    expect((await first).check).toBe('check of v1');
    await checkKeeperSettled(db, 'ws|');

    // A write (v2) starts one computation; two more writes (v3, v4) during it make one more due after it.
    const during = await serveKept(db, 'ws|', 'v2', work);
    expect(during.freshness.updating).toBe(true);
    await serveKept(db, 'ws|', 'v3', work);
    await serveKept(db, 'ws|', 'v4', work);
    expect(calls).toHaveLength(2);
    calls[1]!({ version: 'v2', workedOutAt: '2026-11-22T10:01:00.000Z', check: 'check of v2' });
    await microtasks();

    // The second is kept and answered; the next has not started: the keeper rests, still updating.
    expect(calls).toHaveLength(2);
    expect(checkKeeperState(db, 'ws|')).toEqual({ computations: 2, running: true, keptVersion: 'v2' });
    const resting = await serveKept(db, 'ws|', 'v4', work);
    expect(resting.check).toBe('check of v2');
    expect(resting.freshness.updating).toBe(true);

    const settled = checkKeeperSettled(db, 'ws|');
    // The rest is three times as long as the last computation took (a few milliseconds here).
    await vi.waitFor(() => expect(calls).toHaveLength(3), { timeout: 15_000 });
    calls[2]!({ version: 'v4', workedOutAt: '2026-11-22T10:02:00.000Z', check: 'check of v4' });
    await settled;
    expect(checkKeeperState(db, 'ws|')).toEqual({ computations: 3, running: false, keptVersion: 'v4' });
    const fresh = await serveKept(db, 'ws|', 'v4', work);
    expect(fresh).toEqual({ check: 'check of v4', freshness: { dataVersion: 'v4', workedOutAt: '2026-11-22T10:02:00.000Z', updating: false } });
  });

  it('rests three times as long as the last computation took: a quarter of a core at most under a stream of writes', async () => {
    const { work, calls } = deferredWork();
    const first = serveKept(db, 'ws|rest', 'v1', work);
    calls[0]!({ version: 'v1', workedOutAt: '2026-11-22T10:00:00.000Z', check: 'check of v1' });
    await first;
    await checkKeeperSettled(db, 'ws|rest');

    // A computation of about 100 ms, with a write seen meanwhile: one more is due after it.
    await serveKept(db, 'ws|rest', 'v2', work);
    await serveKept(db, 'ws|rest', 'v3', work);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const ended = performance.now();
    calls[1]!({ version: 'v2', workedOutAt: '2026-11-22T10:01:00.000Z', check: 'check of v2' });
    await vi.waitFor(() => expect(calls).toHaveLength(3), { timeout: 15_000, interval: 5 });
    const rested = performance.now() - ended;
    // Three times the 100 ms it took (timers fire no sooner than asked, give or take a millisecond); and not ten times.
    expect(rested).toBeGreaterThanOrEqual(290);
    expect(rested).toBeLessThan(1_000);
    calls[2]!({ version: 'v3', workedOutAt: '2026-11-22T10:02:00.000Z', check: 'check of v3' });
    await checkKeeperSettled(db, 'ws|rest');
  });
});
