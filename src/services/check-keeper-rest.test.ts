import type { Kysely } from 'kysely';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Database } from '../storage/schema.js';
import { BUSY_REST_FACTOR, checkKeeperSettled, checkKeeperState, restAfter, serveKept, type KeptCheck } from './check-cache.js';

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
    // The rest is as long as the last computation took (a few milliseconds here).
    await vi.waitFor(() => expect(calls).toHaveLength(3), { timeout: 15_000 });
    calls[2]!({ version: 'v4', workedOutAt: '2026-11-22T10:02:00.000Z', check: 'check of v4' });
    await settled;
    expect(checkKeeperState(db, 'ws|')).toEqual({ computations: 3, running: false, keptVersion: 'v4' });
    const fresh = await serveKept(db, 'ws|', 'v4', work);
    expect(fresh).toEqual({ check: 'check of v4', freshness: { dataVersion: 'v4', workedOutAt: '2026-11-22T10:02:00.000Z', updating: false } });
  });

  it('rests longer when the requests kept the server busy during the computation (the check yields the cores to them)', async () => {
    const key = 'ws|busy';
    const { work, calls } = deferredWork();
    const first = serveKept(db, key, 'v1', work);
    calls[0]!({ version: 'v1', workedOutAt: '2026-11-22T10:00:00.000Z', check: 'check of v1' });
    await first;
    await checkKeeperSettled(db, key);

    // A computation during which the server's thread does nothing but work (a synchronous 60 ms), with a write seen meanwhile.
    await serveKept(db, key, 'v2', work);
    await serveKept(db, key, 'v3', work);
    const spinUntil = performance.now() + 60;
    while (performance.now() < spinUntil);
    calls[1]!({ version: 'v2', workedOutAt: '2026-11-22T10:01:00.000Z', check: 'check of v2' });
    await microtasks();
    const settledAt = performance.now();

    // Resting only as long as it took (the rule for an idle server), the next would have started by now.
    await new Promise((resolve) => setTimeout(resolve, 130));
    expect(performance.now() - settledAt).toBeGreaterThan(120);
    expect(calls).toHaveLength(2);
    expect(checkKeeperState(db, key)).toMatchObject({ running: true, keptVersion: 'v2' });

    // It does start, and works the newest out.
    await vi.waitFor(() => expect(calls).toHaveLength(3), { timeout: 15_000 });
    calls[2]!({ version: 'v3', workedOutAt: '2026-11-22T10:02:00.000Z', check: 'check of v3' });
    await checkKeeperSettled(db, key);
    expect(checkKeeperState(db, key)).toEqual({ computations: 3, running: false, keptVersion: 'v3' });
  });
});

describe('restAfter, the rest between two checks', () => {
  it('is as long as the computation on an idle server, 1 + BUSY_REST_FACTOR times as long on a busy one, at most 10 s', () => {
    expect(restAfter(2_000, 0)).toBe(2_000);
    expect(restAfter(2_000, 1)).toBe(2_000 * (1 + BUSY_REST_FACTOR));
    expect(restAfter(2_000, 0.5)).toBe(2_000 * (1 + BUSY_REST_FACTOR / 2));
    expect(restAfter(9_000, 1)).toBe(10_000);
    expect(restAfter(60_000, 0)).toBe(10_000);
  });

  it('reads a utilisation outside 0–1 (or none) as the nearest it can be, and a negative time as none', () => {
    expect(restAfter(1_000, Number.NaN)).toBe(1_000);
    expect(restAfter(1_000, -3)).toBe(1_000);
    expect(restAfter(1_000, 7)).toBe(1_000 * (1 + BUSY_REST_FACTOR));
    expect(restAfter(-5, 1)).toBe(0);
  });

  it('never rests less than the old rule (as long as the computation took, at most 10 s) nor more than 10 s, and never less when busier', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100_000, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (took, a, b) => {
        const [lower, higher] = a <= b ? [a, b] : [b, a];
        expect(restAfter(took, lower)).toBeGreaterThanOrEqual(Math.min(took, 10_000));
        expect(restAfter(took, higher)).toBeLessThanOrEqual(10_000);
        expect(restAfter(took, higher)).toBeGreaterThanOrEqual(restAfter(took, lower));
      }),
    );
  });
});
