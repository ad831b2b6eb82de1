import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import type { Clock, ServiceContext } from './context.js';
import { getExchange, listExchanges, logExchange, removeExchange } from './exchanges.js';
import { createNetwork } from './networks.js';
import { createPerson, getPerson, updatePerson } from './people.js';
import { addTarget, planView } from './plan.js';
import { freshSession } from '../test-support/fresh-session.js';

const clock: Clock = { now: () => new Date('2026-11-20T09:00:00Z') };

describe.each(DIALECTS)('logging and removing exchanges on %s', (dialect) => {
  const world = freshSession(dialect, { clock, timeZone: 'Europe/London' });
  let ctx: ServiceContext;

  beforeAll(async () => {
    ctx = world.session.ctx;
  });

  it('refuses an exchange dated after today, pointing to planning it, and changes nothing', async () => {
    const eva = await createPerson(ctx, { name: 'Eva Lopes' });
    const attempt = logExchange(ctx, { personIds: [eva.id], channel: 'coffee', occurredOn: '2027-08-15' });
    await expect(attempt).rejects.toMatchObject({ name: 'ValidationError', field: 'occurredOn' });
    await expect(attempt).rejects.toThrow(/2027-08-15 is after today \(2026-11-20\).*waggle plan add.*follow-up/);
    expect((await getPerson(ctx, eva.id)).stage).toBe('to-meet');
    expect((await listExchanges(ctx, { personId: eva.id })).total).toBe(0);
    // Today is fine, and "today" is the profile's time zone's: already the 21st in Kiribati.
    const lateMorningUtc: Clock = { now: () => new Date('2026-11-20T11:00:00Z') };
    await expect(logExchange({ ...ctx, clock: lateMorningUtc }, { personIds: [eva.id], channel: 'email', occurredOn: '2026-11-21' })).rejects.toMatchObject({ field: 'occurredOn' });
    await expect(logExchange({ ...ctx, clock: lateMorningUtc, timeZone: 'Pacific/Kiritimati' }, { personIds: [eva.id], channel: 'email', occurredOn: '2026-11-21' })).resolves.toBeTruthy();
    await expect(logExchange(ctx, { personIds: [eva.id], channel: 'email', occurredOn: '2026-11-21' })).rejects.toMatchObject({ field: 'occurredOn' });
  });

  it('answers a logged exchange as it is read back afterwards: its people in id order, what was given and received, its network', async () => {
    const people = [await createPerson(ctx, { name: 'Zoe Park' }), await createPerson(ctx, { name: 'Yann Roux' }), await createPerson(ctx, { name: 'Xia Chen' })];
    const personIds = people.map((p) => p.id).reverse();
    const network = await createNetwork(ctx, { name: 'Lisbon founders' });
    const { exchange } = await logExchange(ctx, {
      personIds,
      channel: 'lunch',
      occurredOn: '2026-11-19',
      initiatedBy: 'them',
      networkId: network.id,
      gave: [{ kind: 'help', note: 'pricing' }, { kind: 'introduction' }],
      received: [{ kind: 'resource', note: 'a deck' }],
      learned: 'They hire in spring',
      feeling: 'energising',
      notes: 'Long lunch',
    });
    expect(exchange).toEqual(await getExchange(ctx, exchange.id));
    expect(exchange.personIds).toEqual([...personIds].sort());
  });

  it('removing the only exchange puts the stage, the last exchange and the plan target back as they were', async () => {
    const ana = await createPerson(ctx, { name: 'Ana Silva' });
    await addTarget(ctx, { personId: ana.id, reason: 'Met at the congress' });
    const { exchange } = await logExchange(ctx, { personIds: [ana.id], channel: 'coffee', occurredOn: '2026-11-18' });
    expect(await getPerson(ctx, ana.id)).toMatchObject({ stage: 'met', lastExchangeOn: '2026-11-18' });
    expect((await planView(ctx)).targets.find((t) => t.personId === ana.id)?.status).toBe('done');
    await removeExchange(ctx, exchange.id);
    expect(await getPerson(ctx, ana.id)).toMatchObject({ stage: 'to-meet', lastExchangeOn: null });
    expect((await planView(ctx)).targets.find((t) => t.personId === ana.id)).toMatchObject({ status: 'open', exchangeId: null, closedOn: null });
  });

  it('replays the remaining exchanges: without the first email, the coffee still made them "met"; without both, "to meet"', async () => {
    const ben = await createPerson(ctx, { name: 'Ben Okafor' });
    const email = await logExchange(ctx, { personIds: [ben.id], channel: 'email', occurredOn: '2026-11-02' });
    expect((await getPerson(ctx, ben.id)).stage).toBe('reached-out');
    const coffee = await logExchange(ctx, { personIds: [ben.id], channel: 'coffee', occurredOn: '2026-11-10' });
    expect((await getPerson(ctx, ben.id)).stage).toBe('met');
    await removeExchange(ctx, email.exchange.id);
    expect(await getPerson(ctx, ben.id)).toMatchObject({ stage: 'met', lastExchangeOn: '2026-11-10' });
    await removeExchange(ctx, coffee.exchange.id);
    expect(await getPerson(ctx, ben.id)).toMatchObject({ stage: 'to-meet', lastExchangeOn: null });
  });

  it('does not undo a stage the user set by hand after the exchange', async () => {
    const cai = await createPerson(ctx, { name: 'Cai Wong' });
    const { exchange } = await logExchange(ctx, { personIds: [cai.id], channel: 'coffee', occurredOn: '2026-11-05' });
    await updatePerson(ctx, cai.id, { stage: 'in-touch' });
    await removeExchange(ctx, exchange.id);
    expect((await getPerson(ctx, cai.id)).stage).toBe('in-touch');
  });

  it('brings back a hand-set next contact the exchange had fulfilled, unless a later exchange fulfils it too', async () => {
    const dee = await createPerson(ctx, { name: 'Dee Mensah', cadence: '1m', nextContactOn: '2026-12-15' });
    const first = await logExchange(ctx, { personIds: [dee.id], channel: 'call', occurredOn: '2026-11-20' });
    expect((await getPerson(ctx, dee.id)).nextContactOn).toBeNull();
    const second = await logExchange(ctx, { personIds: [dee.id], channel: 'email', occurredOn: '2026-11-20' });
    await removeExchange(ctx, first.exchange.id);
    // The later email would have fulfilled the date as well: still cleared, the cadence from the email.
    expect(await getPerson(ctx, dee.id)).toMatchObject({ nextContactOn: null, nextContact: { date: '2026-12-20', basis: 'cadence-after-exchange' } });
    await removeExchange(ctx, second.exchange.id);
    expect(await getPerson(ctx, dee.id)).toMatchObject({ stage: 'to-meet', nextContactOn: '2026-12-15', nextContact: { date: '2026-12-15', basis: 'manual' } });
  });
});
