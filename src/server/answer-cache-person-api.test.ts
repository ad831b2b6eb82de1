import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { inTransaction } from '../services/context.js';
import { atDataVersionSeen, currentDataVersion } from '../services/data-version.js';
import { personDetail } from '../services/details.js';
import { logExchange } from '../services/exchanges.js';
import { listNetworks } from '../services/networks.js';
import { createPerson, updatePerson } from '../services/people.js';
import { DIALECTS } from '../test-support/databases.js';
import { freshSession } from '../test-support/fresh-session.js';
import { AnswerCache, keepAnswers } from './answer-cache.js';

/*
 * A person's page asked with nothing kept for it is read without reading the data's version first
 * (on PostgreSQL a round trip of its own): its one statement names the version it saw, and the answer
 * is kept under that. What must hold: the version named is the one the data read belongs to, so the
 * kept page is sent again only while nothing is written, from here or from another connection.
 */
describe.each(DIALECTS)("a person's page kept under the version its read saw, on %s", (dialect) => {
  const world = freshSession(dialect, { other: true });

  it('names the version the data read belongs to, a newer one after any write, and none in a transaction or for a read that names none', async () => {
    const ctx = world.session.ctx;
    const ada = await createPerson(ctx, { name: 'Ada Seen' });
    const first = await atDataVersionSeen(ctx, () => personDetail(ctx, ada.id));
    expect(first.version).toBe(await currentDataVersion(ctx));
    expect(first.value.person.name).toBe('Ada Seen');

    await updatePerson(world.other.ctx, ada.id, { notes: 'Written by another connection' });
    const second = await atDataVersionSeen(ctx, () => personDetail(ctx, ada.id));
    expect(second.value.person.notes).toBe('Written by another connection');
    expect(second.version).not.toBe(first.version);
    expect(second.version).toBe(await currentDataVersion(ctx));

    // A transaction reads its own snapshot: nothing it reads is named for the answer.
    expect((await atDataVersionSeen(ctx, () => inTransaction(ctx, (trx) => personDetail(trx, ada.id)))).version).toBeUndefined();
    // A read that does not name its version (the networks) names none: such an answer is kept under none.
    expect((await atDataVersionSeen(ctx, () => listNetworks(ctx))).version).toBeUndefined();
    // Nor does a person who is not there.
    await expect(atDataVersionSeen(ctx, () => personDetail(ctx, 'per_nobody'))).rejects.toThrow(/person/i);
  });

  it('works a page out once while nothing is written, again after a write from anywhere, and keeps none whose read named no version', async () => {
    const ctx = world.session.ctx;
    const bea = await createPerson(ctx, { name: 'Bea Kept' });
    let worked = 0;
    const app = new Hono();
    app.use('*', keepAnswers(() => world.session.ctx, new AnswerCache()));
    app.get('/api/people/:id', async (c) => {
      worked += 1;
      const id = c.req.param('id');
      // A route on the same path whose read names no version: answered, never kept.
      if (id === 'listing') return c.json({ total: (await listNetworks(world.session.ctx)).total, worked });
      return c.json({ detail: await personDetail(world.session.ctx, id), worked });
    });
    const ask = async (id: string) => (await (await app.request(`/api/people/${id}`)).json()) as { detail: { person: { notes: string | null }; exchanges: unknown[] }; worked: number };

    expect((await ask(bea.id)).worked).toBe(1);
    expect((await ask(bea.id)).worked).toBe(1);

    await updatePerson(world.other.ctx, bea.id, { notes: 'From the command line' });
    const afterOther = await ask(bea.id);
    expect(afterOther.worked).toBe(2);
    expect(afterOther.detail.person.notes).toBe('From the command line');
    expect((await ask(bea.id)).worked).toBe(2);

    await logExchange(ctx, { personIds: [bea.id], channel: 'coffee', occurredOn: '2026-11-21' });
    const afterOwn = await ask(bea.id);
    expect(afterOwn.worked).toBe(3);
    expect(afterOwn.detail.exchanges).toHaveLength(1);

    expect((await ask('listing')).worked).toBe(4);
    expect((await ask('listing')).worked).toBe(5);
  });
});
