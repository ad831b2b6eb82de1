import { describe, expect, it } from 'vitest';
import { inTransaction } from '../services/context.js';
import { atDataVersion, currentDataVersion } from '../services/data-version.js';
import { createPerson, listPeople } from '../services/people.js';
import { DIALECTS } from '../test-support/databases.js';
import { freshSession } from '../test-support/fresh-session.js';
import { dataVersion, listingVersion } from './data-version.js';

/*
 * A kept answer reads the data's version once (server/answer-cache.ts) and the listing behind it
 * takes that version as its own (atDataVersion), instead of a second round trip to PostgreSQL for
 * the same row. What must hold: a version so taken is never newer than the data read under it, a
 * transaction still reads its own snapshot's, and the next answer sees every write meanwhile.
 */
describe.each(DIALECTS)('a version read once for an answer, on %s', (dialect) => {
  const world = freshSession(dialect, { other: true });

  it('stands for the version in the reads behind the answer, and the data read under it is never older', async () => {
    const ctx = world.session.ctx;
    await createPerson(ctx, { name: 'Ada Before', stage: 'met' });
    const page = { limit: 1, offset: 1, stage: 'met' as const };
    const version = await currentDataVersion(ctx);
    // Another process writes after the version was read: a second person who is met.
    await createPerson(world.other.ctx, { name: 'Bea Meanwhile', stage: 'met' });
    const newest = await currentDataVersion(ctx);
    expect(newest).not.toBe(version);

    const inAnswer = await atDataVersion(ctx, version, async () => ({
      whole: await dataVersion(ctx.db, ctx.workspaceId),
      listing: await listingVersion(ctx.db, ctx.workspaceId, ['people.stage']),
      // A transaction reads its own snapshot's version, whatever the answer read.
      inTransaction: await inTransaction(ctx, (trx) => dataVersion(trx.db, trx.workspaceId)),
      otherWorkspace: await dataVersion(ctx.db, `${ctx.workspaceId}-not`),
      page: await listPeople(ctx, page),
    }));
    // The data read is the newest (Bea is there), whichever version it is kept under.
    expect(inAnswer.page.total).toBe(2);
    expect(inAnswer.page.items.map((p) => p.name)).toEqual(['Bea Meanwhile']);
    expect(inAnswer.inTransaction).toBe(newest);
    if (dialect === 'postgres') {
      expect(inAnswer.whole).toBe(version);
      expect(inAnswer.listing).toBe(version);
      expect(inAnswer.otherWorkspace).not.toBe(version);
    } else {
      // SQLite's version is no round trip and counts this process's writes as they happen: asked anew.
      expect(inAnswer.whole).toBe(newest);
    }

    // Outside the answer the version is read again; what was kept under the older one is not taken for the newer.
    expect(await dataVersion(ctx.db, ctx.workspaceId)).toBe(newest);
    await createPerson(world.other.ctx, { name: 'Cy Later', stage: 'met' });
    const after = await listPeople(ctx, page);
    expect(after.total).toBe(3);
    expect(after.items.map((p) => p.name)).toEqual(['Bea Meanwhile']);
    expect((await listPeople(ctx, { ...page, offset: 2 })).items.map((p) => p.name)).toEqual(['Cy Later']);
  });

  it('gives reads asked together one version, and every read asked after another connection\'s commit the version after it', async () => {
    const ctx = world.session.ctx;
    const together = await Promise.all(Array.from({ length: 30 }, () => dataVersion(ctx.db, ctx.workspaceId)));
    expect(new Set(together).size).toBe(1);
    // Reads on their way while another connection commits: those asked after the commit see it, whatever was sent before.
    const before = Array.from({ length: 10 }, () => dataVersion(ctx.db, ctx.workspaceId));
    await createPerson(world.other.ctx, { name: 'Dee Elsewhere', stage: 'met' });
    const after = await Promise.all(Array.from({ length: 10 }, () => dataVersion(ctx.db, ctx.workspaceId)));
    expect(new Set(after).size).toBe(1);
    expect(after[0]).not.toBe(together[0]);
    await Promise.all(before);
    if (dialect !== 'postgres') return;
    // PostgreSQL: the write is one commit, so a read on its way saw the data before it or after it, nothing between.
    for (const seen of await Promise.all(before)) expect([together[0], after[0]]).toContain(seen);
    // Another workspace's version is its own counter, read beside, not shared.
    const [mine, theirs] = await Promise.all([dataVersion(ctx.db, ctx.workspaceId), dataVersion(ctx.db, `${ctx.workspaceId}-not`)]);
    expect(mine).toBe(after[0]);
    expect(theirs).not.toBe(mine);
  });
});
