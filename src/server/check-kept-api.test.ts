import { Buffer } from 'node:buffer';
import { renameSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CheckFreshness } from '../contract/check-output.js';
import type { CheckSummaryView } from '../core/check/parts.js';
import { checkKeeperSettled, checkKeeperState } from '../services/check-cache.js';
import type { ServiceContext } from '../services/context.js';
import { DIALECTS } from '../test-support/databases.js';
import { serverWorld } from '../test-support/server-world.js';
import { workspaceBeside } from '../test-support/workspaces.js';
import { createApi, type Api } from './app.js';
import { freshSession } from '../test-support/fresh-session.js';

type Summary = CheckSummaryView & { freshness: CheckFreshness };
type Page = { items: { id: string; kind?: string }[]; total: number; freshness: CheckFreshness };

/**
 * The server's check is worked out in a worker thread and kept (services/check-cache.ts):
 * after a write the last check answers, marked updating, until the newer one is ready.
 */
describe.each(DIALECTS)('the kept check through the API, on %s', (dialect) => {
  const world = freshSession(dialect);
  let api: Api;
  // Each test its own workspace with the demo in it: its own kept check, counted from none.
  let ctx: ServiceContext;
  let workspaces = 0;
  const key = () => `${ctx.workspaceId}||2026-11-22`;
  const state = () => checkKeeperState(ctx.db, key())!;
  const get = async <T>(path: string): Promise<T> => {
    const response = await api.request(path);
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
  const patch = async (id: string, body: object) => {
    const response = await api.request(`/api/people/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.status).toBe(200);
  };

  beforeAll(async () => {
    api = createApi(() => ctx);
  });
  beforeEach(async () => {
    ctx = await workspaceBeside(world.session.ctx, `ws_kept_${++workspaces}`);
    expect((await api.request('/api/demo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
  });

  it('waits for the first check, then answers the last one marked updating after a write, then the new one', async () => {
    const first = await get<Summary>('/api/check/summary');
    expect(first.freshness.updating).toBe(false);
    expect(first.freshness.workedOutAt).toBe('2026-11-22T10:00:00.000Z');
    expect(state()).toMatchObject({ computations: 1, running: false, keptVersion: first.freshness.dataVersion });
    const someone = (await get<Page>('/api/check/parts/letBe?limit=1000')).items.find((i) => i.kind === 'person')!;

    await patch(someone.id, { strength: 5, importance: 5 });
    const stale = await get<Summary>('/api/check/summary');
    // The check from before the write, said to be so, while the newer one is worked out.
    expect(stale.freshness).toEqual({ ...first.freshness, updating: true });
    expect(stale.quadrants.totals).toEqual(first.quadrants.totals);
    const stalePage = await get<Page>('/api/check/parts/letBe?limit=1000');
    expect(stalePage.freshness.dataVersion).toBe(first.freshness.dataVersion);
    expect(stalePage.items.map((i) => i.id)).toContain(someone.id);
    expect(state().running).toBe(true);

    await checkKeeperSettled(ctx.db, key());
    const renewed = await get<Summary>('/api/check/summary');
    expect(renewed.freshness.updating).toBe(false);
    expect(renewed.freshness.dataVersion).not.toBe(first.freshness.dataVersion);
    expect(renewed.quadrants.totals.maintain.people).toBe(first.quadrants.totals.maintain.people + 1);
    expect(renewed.quadrants.totals.letBe.people).toBe(first.quadrants.totals.letBe.people - 1);
    const maintain = await get<Page>('/api/check/parts/maintain?limit=1000');
    expect(maintain.items.map((i) => i.id)).toContain(someone.id);
    expect(maintain.freshness).toEqual(renewed.freshness);
    expect(state()).toMatchObject({ computations: 2, running: false });
  });

  it('sends the summary and a page as kept while the check stands, zipped or not alike, and drops them when the check moves on', async () => {
    /** One answer as sent, read whole (unzipped when it came zipped), with how it came. */
    const fetched = async (path: string, gzip: boolean) => {
      const response = await api.request(path, { headers: gzip ? { 'accept-encoding': 'gzip' } : {} });
      expect(response.status, path).toBe(200);
      const bytes = Buffer.from(await response.arrayBuffer());
      const zipped = response.headers.get('content-encoding') === 'gzip';
      return { zipped, vary: response.headers.get('vary'), text: (zipped ? gunzipSync(bytes) : bytes).toString('utf8') };
    };
    const summaryPath = '/api/check/summary?top=20';
    const pagePath = '/api/check/parts/letBe?limit=1000';
    const first = await fetched(summaryPath, true);
    expect(first.zipped).toBe(true);
    expect(first.vary).toMatch(/accept-encoding/i);
    const plain = await fetched(summaryPath, false);
    expect(plain.zipped).toBe(false);
    // The same answer either way, and the same again while the check stands.
    expect(plain.text).toBe(first.text);
    expect((await fetched(summaryPath, true)).text).toBe(first.text);
    const before = JSON.parse(first.text) as Summary;
    expect(before.freshness.updating).toBe(false);
    // Each number of items per list its own answer, not the first one asked for.
    expect((await get<Summary>('/api/check/summary?top=1')).startHere.items.length).toBeLessThanOrEqual(1);
    const page = await fetched(pagePath, true);
    expect(JSON.parse((await fetched(pagePath, false)).text)).toEqual(JSON.parse(page.text));
    const someone = (JSON.parse(page.text) as Page).items.find((i) => i.kind === 'person')!;
    // Another page of the same list is its own answer.
    const second = await get<Page>('/api/check/parts/letBe?limit=1&offset=1');
    expect(second.items.map((i) => i.id)).toEqual([(JSON.parse(page.text) as Page).items[1]!.id]);

    await patch(someone.id, { strength: 5, importance: 5 });
    // The same check answers, but said to be updating: not the answer kept before the write.
    const stale = JSON.parse((await fetched(summaryPath, true)).text) as Summary;
    expect(stale.freshness).toEqual({ ...before.freshness, updating: true });
    expect(JSON.parse((await fetched(pagePath, false)).text).freshness.updating).toBe(true);

    await checkKeeperSettled(ctx.db, key());
    for (const gzip of [true, false]) {
      const renewed = JSON.parse((await fetched(summaryPath, gzip)).text) as Summary;
      expect(renewed.freshness.updating).toBe(false);
      expect(renewed.freshness.dataVersion).not.toBe(before.freshness.dataVersion);
      expect(renewed.quadrants.totals.maintain.people).toBe(before.quadrants.totals.maintain.people + 1);
      const letBe = JSON.parse((await fetched(pagePath, gzip)).text) as Page;
      expect(letBe.items.map((i) => i.id)).not.toContain(someone.id);
      expect(letBe.total).toBe((JSON.parse(page.text) as Page).total - 1);
    }
  });

  it('works the check out once more for any number of writes seen while one is worked out, not once per write', async () => {
    await get<Summary>('/api/check/summary');
    await checkKeeperSettled(ctx.db, key());
    const before = state().computations;
    const people = (await get<Page>('/api/check/parts/maintain?limit=1000')).items.filter((i) => i.kind === 'person').slice(0, 3);
    expect(people.length).toBe(3);
    await patch(people[0]!.id, { strength: 0, importance: 0 });
    // This request finds the kept check out of date and starts the next.
    await get<Summary>('/api/check/summary');
    expect(state()).toMatchObject({ computations: before + 1, running: true });
    await patch(people[1]!.id, { strength: 0, importance: 0 });
    await patch(people[2]!.id, { strength: 0, importance: 0 });
    // Whether the worker is still busy when these come (one more after it) or has just finished (they start it): one more, not three.
    const during = await Promise.all([get<Summary>('/api/check/summary'), get<Summary>('/api/check/summary'), get<Page>('/api/check/parts/letBe?limit=5')]);
    for (const answer of during) expect(answer.freshness.updating).toBe(true);
    await checkKeeperSettled(ctx.db, key());
    expect(state()).toMatchObject({ computations: before + 2, running: false });
    const after = await get<Summary>('/api/check/summary');
    expect(after.freshness.updating).toBe(false);
    const maintain = (await get<Page>('/api/check/parts/maintain?limit=1000')).items.map((i) => i.id);
    for (const p of people) expect(maintain).not.toContain(p.id);
    // Nothing written since: no computation more.
    await get<Summary>('/api/check/summary');
    expect(state().computations).toBe(before + 2);
  });

  it('sends the whole report, worked out on demand, with no freshness to say (it is not kept)', async () => {
    const response = await api.request('/api/check');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const report = (await response.json()) as { summary: unknown; map: { nodes: unknown[] } };
    const summary = await get<Summary>('/api/check/summary');
    expect(report.summary).toEqual(summary.summary);
    expect(report.map.nodes.length).toBe(summary.map.nodes);
    expect((await api.request('/api/check?goalId=goal_nope')).status).toBe(404);
  });
});

describe('a check that cannot be worked out', () => {
  const world = freshSession('sqlite');
  let api: Api;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = (world.config as { dataDir: string }).dataDir;
    api = createApi(() => world.session.ctx);
    expect((await api.request('/api/demo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
  });

  it('is said to be ours and passing, and the next request tries again', async () => {
    // The worker opens the database by its path: with the data folder moved away it cannot (this process keeps its open files).
    renameSync(dataDir, `${dataDir}-away`);
    let failed: Response;
    try {
      failed = await api.request('/api/check/summary');
    } finally {
      renameSync(`${dataDir}-away`, dataDir);
    }
    expect(failed.status).toBe(503);
    const body = (await failed.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('check_failed');
    expect(body.error.message).toMatch(/could not be worked out.*ask again/);
    expect(body.error.message).not.toContain(dataDir);

    const retried = await api.request('/api/check/summary');
    expect(retried.status).toBe(200);
    expect(((await retried.json()) as Summary).summary.people).toBeGreaterThan(0);
  });
});

describe.each(DIALECTS)('the kept check across accounts, on %s', (kind) => {
  const world = serverWorld(kind);

  it("answers each account its own check at the same address, never another workspace's", async () => {
    const ana = await world.accountWithSession({ email: 'ana@example.org', name: 'Ana', password: 'correct horse battery' });
    const bea = await world.accountWithSession({ email: 'bea@example.org', name: 'Bea', password: 'battery staple horse' });
    const canary = await world.json<{ id: string }>(201, '/api/people', { method: 'POST', body: { name: 'Canary Person', strength: 4, importance: 4 }, cookie: ana.cookie });

    const anas = await world.json<Summary>(200, '/api/check/summary', { cookie: ana.cookie });
    expect(anas.summary.people).toBe(1);
    expect(JSON.stringify(await world.json(200, '/api/check/parts/maintain', { cookie: ana.cookie }))).toContain(canary.id);

    const beas = await world.json<Summary>(200, '/api/check/summary', { cookie: bea.cookie });
    expect(beas.summary.people).toBe(0);
    for (const part of ['maintain', 'strengthen', 'overInvested', 'letBe', 'balances']) {
      const page = await world.json<Page>(200, `/api/check/parts/${part}`, { cookie: bea.cookie });
      expect(page.total).toBe(0);
    }
    expect(JSON.stringify(await world.json(200, '/api/check', { cookie: bea.cookie }))).not.toContain('Canary');

    const anonymous = await world.call('/api/check/summary');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toContain('Canary');
  });
});
