import { beforeAll, describe, expect, it } from 'vitest';
import { parseIcs } from '../test-support/read-ics.js';
import type { Clock, ServiceContext } from './context.js';
import { logExchange } from './exchanges.js';
import { calendarIcs } from './ics.js';
import { createPerson } from './people.js';
import { freshSession } from '../test-support/fresh-session.js';

/** A clock that stands still. */
function fixedClock(iso: string): Clock {
  const now = new Date(iso);
  return { now: () => now };
}

describe('the reminders feed of a workspace (SQLite)', () => {
  const world = freshSession('sqlite', { clock: fixedClock('2026-11-22T09:00:00Z'), timeZone: 'Europe/London' });
  let ctx: ServiceContext;

  beforeAll(async () => {
    ctx = world.session.ctx;
    const ana = await createPerson(ctx, { name: 'Ana Silva', cadence: '1m', preferredChannel: 'coffee', notes: 'Private: thinking of leaving' });
    await logExchange(ctx, { personIds: [ana.id], channel: 'coffee', occurredOn: '2026-11-20', followUps: [{ description: 'Send the trial protocol', kind: 'resource', dueOn: '2026-11-27' }] });
    await ctx.db
      .insertInto('planTargets')
      .values({ id: 'tgt_0001', workspaceId: ctx.workspaceId, month: '2026-12', personId: ana.id, source: 'own', reason: 'Ask her to review the grant draft', status: 'open', rolledOverFrom: null, exchangeId: null, closedOn: null, createdAt: '2026-11-22T09:00:00.000Z' })
      .execute();
  });

  it('holds the next contact, the open follow-up and the plan target', async () => {
    const text = await calendarIcs(ctx);
    const { calendar, events } = parseIcs(text);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Waggle reminders');
    expect(text).toContain('\r\nDTSTAMP:20261122T090000Z\r\n');
    expect(events.map((e) => [e.uid, e.start, e.end, e.summary, e.allDay])).toEqual([
      ['follow-up-fu_0001@waggle', '2026-11-27', '2026-11-28', 'Follow up: Send the trial protocol (Ana Silva)', true],
      ['plan-target-tgt_0001@waggle', '2026-12-01', '2027-01-01', 'This month: reach Ana Silva', true],
      ['next-contact-per_0001@waggle', '2026-12-20', '2026-12-21', 'Get in touch with Ana Silva', true],
    ]);
    expect(events[2]?.description).toBe('Due on 2026-12-20.\nYour rhythm: every month.\nLast exchange: 2026-11-20.\nPrefers: coffee.');
    expect(events[1]?.description).toBe('Ask her to review the grant draft');
    expect(events[0]?.categories).toEqual(['waggle', 'follow-up']);
    expect(text).not.toContain('thinking of leaving');
  });

  it('adds notes about people only when asked', async () => {
    const { events } = parseIcs(await calendarIcs(ctx, { includeNotes: true }));
    expect(events.find((e) => e.uid === 'next-contact-per_0001@waggle')?.description).toContain('Notes: Private: thinking of leaving');
  });
});
