import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { suggestTargets } from '../core/plan.js';
import { DIALECTS } from '../test-support/databases.js';
import { demoSessions, servedWhenSettled } from '../test-support/demo-sessions.js';
import { checkNetwork, graphFile, graphFileHere, mapAnswersHere, servedMap } from './check.js';
import { checkKeeperSettled } from './check-cache.js';
import type { ServiceContext } from './context.js';
import { listPeople, updatePerson } from './people.js';
import { currentMonth, getPlanSettings, listTargets, suggestPlan, updatePlanSettings } from './plan.js';

const clock = { now: () => new Date('2026-11-22T10:00:00Z') };
const mapKey = (ctx: ServiceContext) => `map|${ctx.workspaceId}||2026-11-22`;
// The map is kept gzipped, as it is sent.
const text = (bytes: Uint8Array) => gunzipSync(bytes).toString('utf8');

/** The map once its renewal after the last change has settled. */
function currentMap(ctx: ServiceContext) {
  return servedWhenSettled(ctx.db, mapKey(ctx), () => servedMap(ctx));
}

/** What the server reads of the check from its worker: the map's answers, graph files and the plan's suggestions, the same as worked out on this thread. */
describe.each(DIALECTS)('views kept from the check worker, %s', (dialect) => {
  const world = demoSessions(dialect, clock);
  // Registered after the sessions' own afterAll, so it runs first: the map's renewal settles before they close.
  afterAll(() => checkKeeperSettled(world.session.ctx.db, mapKey(world.session.ctx)));

  it('keeps the map per version of the data, the same bytes as worked out here, and answers the stale one while a newer one is worked out', async () => {
    const first = await currentMap(world.session.ctx);
    const here = await mapAnswersHere(world.session.ctx);
    expect(text(first.check.viewGzip)).toBe(text(here.viewGzip));
    expect(text(first.check.compactGzip)).toBe(text(here.compactGzip));
    expect(first.freshness.updating).toBe(false);
    expect((await servedMap(world.session.ctx)).check).toBe(first.check);

    const view = JSON.parse(text(first.check.viewGzip)) as { map: { nodes: { id: string; kind: string; strength: number }[] } };
    const someone = view.map.nodes.find((n) => n.kind === 'person' && n.strength < 5)!;
    await updatePerson(world.other.ctx, someone.id, { strength: 5 });
    const stale = await servedMap(world.session.ctx);
    expect(stale.check).toBe(first.check);
    expect(stale.freshness).toMatchObject({ dataVersion: first.freshness.dataVersion, updating: true });

    const renewed = await currentMap(world.session.ctx);
    expect(renewed.freshness.updating).toBe(false);
    expect(renewed.freshness.dataVersion).not.toBe(first.freshness.dataVersion);
    const node = (JSON.parse(text(renewed.check.viewGzip)) as typeof view).map.nodes.find((n) => n.id === someone.id)!;
    expect(node.strength).toBe(5);
    expect(text(renewed.check.compactGzip)).toBe(text((await mapAnswersHere(world.session.ctx)).compactGzip));
  });

  it('writes the graph files in the worker as they are written here', async () => {
    for (const format of ['gexf', 'graphml'] as const) {
      const file = await graphFile(world.session.ctx, format);
      expect(file).toBe(await graphFileHere(world.session.ctx, format));
      expect(file).toContain(format === 'gexf' ? '<gexf' : '<graphml');
    }
    expect(await graphFile(world.session.ctx, 'gexf', '1.3')).toBe(await graphFileHere(world.session.ctx, 'gexf', '1.3'));
  });

  it("suggests from the kept check's candidates what the whole report suggests", async () => {
    // Room for many: the candidates are walked well past the first few, people looked up as reached.
    await updatePlanSettings(world.session.ctx, { monthlyTargets: 8, newRelationshipCap: 50 });
    const month = currentMonth(world.session.ctx);
    const kept = await suggestPlan(world.session.ctx, month);
    const expected = suggestTargets(await checkNetwork(world.session.ctx), (await listPeople(world.session.ctx)).items, await listTargets(world.session.ctx, month), await getPlanSettings(world.session.ctx), month);
    expect(kept.suggestions.length).toBeGreaterThan(3);
    expect(kept).toEqual(expected);
  });
});
