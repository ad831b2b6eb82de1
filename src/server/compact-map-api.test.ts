import { describe, expect, it } from 'vitest';
import { compactMapViewOutput } from '../contract/compact-map.js';
import { decodeMap } from '../core/check/compact-map.js';
import type { NetworkMap } from '../core/check/types.js';
import { DIALECTS } from '../test-support/databases.js';
import { serverWorld } from '../test-support/server-world.js';

type Goals = { id: string; statement: string; needs: { id: string; name: string; essential: boolean }[] }[];

/*
 * GET /api/map/compact: the map page's map, in parallel arrays. It must say exactly what GET /api/map
 * says, hold to its declared schema, and, in server mode, be one account's map alone.
 */
describe.each(DIALECTS)('the compact map, on %s', (kind) => {
  const w = serverWorld(kind);

  it("is the same map as GET /api/map, focused or not, and only the account's own", async () => {
    const ana = await w.accountWithSession({ email: 'ana@example.org', name: 'Ana', password: 'correct horse battery' });
    const bea = await w.accountWithSession({ email: 'bea@example.org', name: 'Bea', password: 'battery staple horse' });
    await w.json(200, '/api/demo', { method: 'POST', body: {}, cookie: ana.cookie });

    const full = await w.json<{ map: NetworkMap; goals: Goals }>(200, '/api/map', { cookie: ana.cookie });
    const compact = compactMapViewOutput.parse(await w.json(200, '/api/map/compact', { cookie: ana.cookie }));
    expect(full.map.edges.map((e) => e.kind)).toEqual(expect.arrayContaining(['membership', 'person-person', 'introduction']));
    expect(decodeMap(compact.map)).toEqual(full.map);
    expect(compact.goals).toEqual(full.goals);

    const goalId = full.goals[0]!.id;
    const focusedFull = await w.json<{ map: NetworkMap; goals: Goals }>(200, `/api/map?goalId=${goalId}`, { cookie: ana.cookie });
    const focused = compactMapViewOutput.parse(await w.json(200, `/api/map/compact?goalId=${goalId}`, { cookie: ana.cookie }));
    expect(focused.map.focusGoalId).toBe(goalId);
    expect(decodeMap(focused.map)).toEqual(focusedFull.map);

    // Another account at the same address gets its own, empty map: only themselves at the centre.
    const theirs = compactMapViewOutput.parse(await w.json(200, '/api/map/compact', { cookie: bea.cookie }));
    expect(theirs.map.nodes.ids).toEqual([null]);
    expect(theirs.map.edges).toEqual([]);
    expect(theirs.goals).toEqual([]);
    const names = full.map.nodes.filter((n) => n.kind !== 'me').map((n) => n.label);
    const text = JSON.stringify(theirs);
    expect(names.filter((name) => text.includes(name))).toEqual([]);
    // Nor can they focus on a goal of Ana's: it is not found in their workspace.
    const refused = await w.call(`/api/map/compact?goalId=${goalId}`, { cookie: bea.cookie });
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain(full.goals[0]!.statement);

    // Nobody signed out, and no stranger's token.
    const anonymous = await w.call('/api/map/compact');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toContain(names[0]!);
    expect((await w.call('/api/map/compact', { token: 'wag_not-a-token' })).status).toBe(401);
  });
});
