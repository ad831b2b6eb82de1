import { describe, expect, it } from 'vitest';
import { searchMoved, staysPlaced, type DateOrder, type Placing, type PlacingKeys } from './listing-placement.js';

const keys = (nextContactDue: string, lastExchangeOn = '2026-01-01', stage = 'met', searchText = 'ana lima'): PlacingKeys => ({ stage, nextContactDue, lastExchangeOn, searchText });
const byNextContact = (before: string | null, after: string | null, paging: DateOrder['paging'] = 'offset'): Placing => ({ order: { by: 'next-contact', before, after, paging } });

describe('staysPlaced', () => {
  it('keeps a page when the written person stays before it or after it', () => {
    const page = byNextContact('2026-03-01', '2026-04-01');
    expect(staysPlaced(page, { before: keys('2026-01-10'), after: keys('2026-02-20') })).toBe(true);
    expect(staysPlaced(page, { before: keys('2026-05-01'), after: keys('2026-12-01') })).toBe(true);
  });

  it('drops a page the written person was on, comes onto, or ties with at an edge', () => {
    const page = byNextContact('2026-03-01', '2026-04-01');
    expect(staysPlaced(page, { before: keys('2026-03-15'), after: keys('2026-12-01') })).toBe(false);
    expect(staysPlaced(page, { before: keys('2026-12-01'), after: keys('2026-03-15') })).toBe(false);
    // On the edge's date the name and id decide, which only the database orders.
    expect(staysPlaced(page, { before: keys('2026-01-01'), after: keys('2026-03-01') })).toBe(false);
    expect(staysPlaced(page, { before: keys('2026-12-01'), after: keys('2026-04-01') })).toBe(false);
  });

  it('drops a page by offset crossed from before to after (everyone on it moves by one), but not a page after a cursor', () => {
    const crossing = { before: keys('2026-01-10'), after: keys('2026-12-01') };
    expect(staysPlaced(byNextContact('2026-03-01', '2026-04-01', 'offset'), crossing)).toBe(false);
    expect(staysPlaced(byNextContact('2026-03-01', '2026-04-01', 'cursor'), crossing)).toBe(true);
    // Leaving what stands after a cursor's page may leave it the last: worked out again.
    expect(staysPlaced(byNextContact('2026-03-01', '2026-04-01', 'cursor'), { before: crossing.after, after: crossing.before })).toBe(false);
  });

  it('keeps a page after a cursor that someone leaves from beyond it for before it, only while another is known to stay beyond it', () => {
    const leaving = { before: keys('x', '2026-01-05'), after: keys('x', '2026-11-22') };
    const afterCursor = (standsAfterKnown?: boolean): Placing => ({ order: { by: 'last-exchange', before: '2026-10-01', after: '2026-09-01', paging: 'cursor', ...(standsAfterKnown === undefined ? {} : { standsAfterKnown }) } });
    expect(staysPlaced(afterCursor(true), leaving)).toBe(true);
    // Nobody known beyond it: the one leaving may have been the last, and the page no longer has a next one.
    expect(staysPlaced(afterCursor(), leaving)).toBe(false);
    expect(staysPlaced(afterCursor(false), leaving)).toBe(false);
    // By offset everyone on the page moves by one, whoever stands beyond it.
    expect(staysPlaced({ order: { by: 'last-exchange', before: '2026-10-01', after: '2026-09-01', paging: 'offset', standsAfterKnown: true } }, leaving)).toBe(false);
    // Leaving beyond it for the page itself is never kept.
    expect(staysPlaced(afterCursor(true), { before: keys('x', '2026-01-05'), after: keys('x', '2026-09-15') })).toBe(false);
  });

  it('has nothing before a first page, and nothing after a last one', () => {
    expect(staysPlaced(byNextContact(null, '2026-04-01'), { before: keys('2026-12-01'), after: keys('2025-01-01') })).toBe(false);
    expect(staysPlaced(byNextContact('2026-03-01', null), { before: keys('2026-01-01'), after: keys('2026-12-01') })).toBe(false);
  });

  it('orders by last exchange latest first', () => {
    const page: Placing = { order: { by: 'last-exchange', before: '2026-10-01', after: '2026-09-01', paging: 'offset' } };
    expect(staysPlaced(page, { before: keys('x', '2026-10-05'), after: keys('x', '2026-11-22') })).toBe(true);
    expect(staysPlaced(page, { before: keys('x', '2026-01-05'), after: keys('x', '2026-11-22') })).toBe(false);
    expect(staysPlaced(page, { before: keys('x', '2026-01-05'), after: keys('x', '2026-02-01') })).toBe(true);
  });

  it('drops an answer when the written person joins or leaves who counts, and keeps it when they stay out or stay in a fixed order', () => {
    const stage: Placing = { stages: ['reached-out', 'met'], order: 'fixed' };
    expect(staysPlaced(stage, { before: keys('2026-01-01', '2026-01-01', 'to-meet'), after: keys('2026-01-01', '2026-01-01', 'reached-out') })).toBe(false);
    expect(staysPlaced(stage, { before: keys('2026-01-01', '2026-01-01', 'reached-out'), after: keys('2026-01-01', '2026-01-01', 'met') })).toBe(true);
    expect(staysPlaced(stage, { before: keys('2026-01-01', '2026-01-01', 'in-touch'), after: keys('2026-01-01', '2026-01-01', 'dormant') })).toBe(true);
    const due: Placing = { dueUntil: [{ date: '2026-11-29', inclusive: true }], order: 'fixed' };
    expect(staysPlaced(due, { before: keys('2026-11-29'), after: keys('2026-12-20') })).toBe(false);
    expect(staysPlaced(due, { before: keys('2026-12-01'), after: keys('2027-01-20') })).toBe(true);
    const overdue: Placing = { dueUntil: [{ date: '2026-11-22', inclusive: false }], dueFrom: '2026-11-01', order: 'fixed' };
    expect(staysPlaced(overdue, { before: keys('2026-11-22'), after: keys('2026-12-01') })).toBe(true);
    expect(staysPlaced(overdue, { before: keys('2026-10-31'), after: keys('2026-11-01') })).toBe(false);
  });

  it('never keeps an answer on keys it was not told, and keeps it when they did not change', () => {
    const page = byNextContact('2026-03-01', '2026-04-01');
    expect(staysPlaced(page, undefined)).toBe(false);
    expect(staysPlaced(page, { before: null, after: keys('2026-12-01') })).toBe(false);
    expect(staysPlaced(page, { before: keys('2026-03-15'), after: keys('2026-03-15') })).toBe(true);
  });
});

describe('searchMoved', () => {
  const text = (searchText: string) => keys('2026-03-01', '2026-01-01', 'met', searchText);
  it('says a write moved someone into or out of a search only when its text found them before and not after, or after and not before', () => {
    expect(searchMoved('lima', { before: text('ana lima'), after: text('ana lima met at the fair') })).toBe(false);
    expect(searchMoved('fair', { before: text('ana lima'), after: text('ana lima met at the fair') })).toBe(true);
    expect(searchMoved('lima', { before: text('ana lima'), after: text('ana souza') })).toBe(true);
    expect(searchMoved('porto', { before: text('ana lima'), after: text('ana souza') })).toBe(false);
    // A part anywhere in the text, across its fields, as LIKE '%…%' finds it.
    expect(searchMoved('a li', { before: text('bea lins'), after: text('bea lins, notes') })).toBe(false);
  });

  it('a write that did not say, or a person added or removed, may have', () => {
    expect(searchMoved('lima', undefined)).toBe(true);
    expect(searchMoved('lima', { before: null, after: text('ana lima') })).toBe(true);
    expect(searchMoved('porto', { before: text('ana lima'), after: null })).toBe(true);
  });
});
