import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCheck, type CheckReport } from '../core/check/index.js';
import type { DueReport } from '../core/due.js';
import { CHECK_PARTS, partOf, type CheckSummaryView } from '../core/check/parts.js';
import { loadSnapshot } from '../services/check.js';
import { checkKeeperSettled, checkKeeperState } from '../services/check-cache.js';
import type { ServiceContext } from '../services/context.js';
import { logExchange } from '../services/exchanges.js';
import { updatePerson } from '../services/people.js';
import { DIALECTS } from '../test-support/databases.js';
import { createApi, type Api } from './app.js';
import { freshSession } from '../test-support/fresh-session.js';
import { servedWhenSettled } from '../test-support/demo-sessions.js';

/** The check's summary and parts, kept between changes of the map and never after one; compressed answers. */
describe.each(DIALECTS)('the check in parts, the due list cut, compressed answers, on %s', (dialect) => {
  const world = freshSession(dialect, { other: true });
  let api: Api;
  const get = async <T>(path: string): Promise<T> => {
    const response = await api.request(path);
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
  const key = () => `${world.session.ctx.workspaceId}||2026-11-22`;
  /** The map's keeper: kept apart from the check, under its own key (services/check.ts servedMap). */
  const mapKey = () => `map|${key()}`;
  /** The summary once the check kept has caught up with the data: after a write the first answer is the last check, marked updating. */
  const current = async <T>(path: string): Promise<T> => {
    await get(path);
    await checkKeeperSettled(world.session.ctx.db, key());
    return get<T>(path);
  };
  /** The check worked out afresh from the database, past any kept report. */
  const fresh = async (ctx: ServiceContext): Promise<CheckReport> => ctx.db.transaction().execute(async (trx) => runCheck(await loadSnapshot({ ...ctx, db: trx })));

  beforeAll(async () => {
    api = createApi(() => world.session.ctx);
    expect((await api.request('/api/demo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
  });

  it('summarises every list with its first items and its length, and pages each list in the report’s order', async () => {
    // Caught up with whatever a test before this one wrote: the parts below are paged from the same kept check.
    const summary = await current<CheckSummaryView>('/api/check/summary?top=3');
    const report = await fresh(world.session.ctx);
    expect(summary.summary).toEqual(report.summary);
    expect(summary.quadrants.totals).toEqual(report.quadrants.totals);
    expect(summary.quadrants.strengthen).toEqual({ items: report.quadrants.strengthen.slice(0, 3), total: report.quadrants.strengthen.length });
    expect(summary.neglect.overdue.total).toBe(report.neglect.overdue.length);
    expect(summary.reciprocity.balances.total).toBe(report.reciprocity.people.length);
    expect(summary.goals.items.map((g) => [g.goalId, g.verdict])).toEqual(report.goals.items.map((g) => [g.goalId, g.verdict]));
    expect(summary.map).toEqual({ nodes: report.map.nodes.length, edges: report.map.edges.length, focusGoalId: null });
    for (const part of CHECK_PARTS) {
      const all = partOf(report, part);
      const pages: unknown[] = [];
      for (let offset = 0; offset < all.length + 7; offset += 7) {
        const page = await get<{ items: unknown[]; total: number }>(`/api/check/parts/${part}?offset=${offset}&limit=7`);
        expect(page.total, part).toBe(all.length);
        pages.push(...page.items);
      }
      expect(pages, part).toEqual(all);
    }
    expect((await api.request('/api/check/parts/everything')).status).toBe(400);
    expect((await api.request('/api/check/summary?goalId=goal_nope')).status).toBe(404);
    expect((await api.request('/api/check/parts/maintain?limit=0')).status).toBe(400);
  });

  it('is worked out again after every write, through this server or another connection, and not before', async () => {
    const before = await current<CheckSummaryView>('/api/check/summary');
    // No write: the same check, kept for this version of the data, and no computation more.
    const first = checkKeeperState(world.session.ctx.db, key())!;
    expect(first.keptVersion).not.toBeNull();
    expect(await get<CheckSummaryView>('/api/check/summary')).toEqual(before);
    expect(checkKeeperState(world.session.ctx.db, key())).toEqual(first);

    const someone = (await fresh(world.session.ctx)).quadrants.letBe.find((i) => i.kind === 'person')!;
    const patched = await api.request(`/api/people/${someone.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ strength: 5, importance: 5 }) });
    expect(patched.status).toBe(200);
    const afterPatch = await current<CheckSummaryView>('/api/check/summary');
    expect(afterPatch.quadrants.totals).toEqual((await fresh(world.session.ctx)).quadrants.totals);
    expect(afterPatch.quadrants.totals.maintain.people).toBe(before.quadrants.totals.maintain.people + 1);
    expect(checkKeeperState(world.session.ctx.db, key())).toMatchObject({ computations: first.computations + 1, running: false });
    expect(checkKeeperState(world.session.ctx.db, key())!.keptVersion).not.toBe(first.keptVersion);

    // Written by another connection (another process on SQLite, another server on PostgreSQL).
    await updatePerson(world.other.ctx, someone.id, { strength: 0, importance: 0 });
    const afterOther = await current<CheckSummaryView>('/api/check/summary');
    expect(afterOther.quadrants.totals).toEqual(before.quadrants.totals);

    await logExchange(world.other.ctx, { personIds: [someone.id], channel: 'coffee', occurredOn: '2026-11-21', gave: [{ kind: 'help' }] });
    const afterLog = await current<CheckSummaryView>('/api/check/summary');
    expect(afterLog.reciprocity.overall.exchanges).toBe(before.reciprocity.overall.exchanges + 1);
    // The map is kept apart from the check and served stale while renewed (check-cache.ts): once a
    // test before this one has had a map kept, the first answer after these writes is that old map.
    const map = await servedWhenSettled(world.session.ctx.db, mapKey(), () => get<{ map: CheckReport['map'] }>('/api/map'));
    expect(map.map).toEqual((await fresh(world.session.ctx)).map);
  });

  it('cuts the due list to its first contacts and follow-ups, in the same order, with the totals', async () => {
    for (const within of [0, 7, 60, 400]) {
      const whole = await get<DueReport>(`/api/due?within=${within}`);
      expect(whole.contactsTotal).toBe(whole.contacts.length);
      for (const limit of [1, 3, 10]) {
        const cut = await get<DueReport>(`/api/due?within=${within}&limit=${limit}`);
        expect(cut).toEqual({ ...whole, contacts: whole.contacts.slice(0, limit), followUps: whole.followUps.slice(0, limit) });
      }
    }
    expect((await get<DueReport>('/api/due?within=400')).contactsTotal).toBeGreaterThan(10);
    expect((await api.request('/api/due?limit=0')).status).toBe(400);
  });

  it('gzips JSON for clients that ask, and the unzipped answer is the same', async () => {
    const plain = await api.request('/api/people?limit=50');
    const zipped = await api.request('/api/people?limit=50', { headers: { 'accept-encoding': 'gzip' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const bytes = Buffer.from(await zipped.arrayBuffer());
    const text = await plain.text();
    expect(bytes.length).toBeLessThan(text.length / 3);
    expect(gunzipSync(bytes).toString('utf8')).toBe(text);
  });

  it('sends the map as it keeps it, gzipped, to clients that take gzip, and unzipped JSON to those that do not', async () => {
    // Caught up with whatever a test before this one wrote: a map renewed between the two requests below would make them differ.
    await servedWhenSettled(world.session.ctx.db, mapKey(), async () => api.request('/api/map'));
    for (const path of ['/api/map', '/api/map/compact']) {
      const zipped = await api.request(path, { headers: { 'accept-encoding': 'gzip' } });
      const plain = await api.request(path, { headers: { 'accept-encoding': 'identity' } });
      expect(zipped.headers.get('content-encoding')).toBe('gzip');
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
      const text = await plain.text();
      expect(JSON.parse(text)).toHaveProperty('map');
      expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')).toBe(text);
      // Kept as sent: the same bytes again, no zipping per request.
      const again = Buffer.from(await (await api.request(path, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer());
      expect(gunzipSync(again).toString('utf8')).toBe(text);
    }
  });

  it('says in a header when the map it sends is the last one kept while a newer one is worked out, and the web can ask again until it is current', async () => {
    type MapAnswer = { map: CheckReport['map'] };
    const settled = await servedWhenSettled(world.session.ctx.db, mapKey(), async () => api.request('/api/map'));
    expect(settled.headers.get('waggle-updating')).toBe('false');
    const before = ((await settled.json()) as MapAnswer).map.nodes.length;
    // A new person moves the map: the first answer after it is the map kept before, marked updating, on both routes.
    const added = await api.request('/api/people', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Map Newcomer' }) });
    expect(added.status).toBe(201);
    const stale = await api.request('/api/map');
    expect(stale.headers.get('waggle-updating')).toBe('true');
    expect(((await stale.json()) as MapAnswer).map.nodes).toHaveLength(before);
    expect((await api.request('/api/map/compact')).headers.get('waggle-updating')).toBe('true');
    // Once the newer map is kept, it is sent, and no longer marked.
    await checkKeeperSettled(world.session.ctx.db, mapKey());
    for (const path of ['/api/map', '/api/map/compact']) expect((await api.request(path)).headers.get('waggle-updating'), path).toBe('false');
    expect((await get<MapAnswer>('/api/map')).map.nodes).toHaveLength(before + 1);
  });
});
