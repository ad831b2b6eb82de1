import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkPartOutput, checkReportOutput, checkSummaryOutput, mapViewOutput } from '../contract/check-output.js';
import type { Holds, Same } from '../contract/same-type.js';
import type { CheckReport } from '../core/check/types.js';
import { CHECK_PARTS } from '../core/check/parts.js';
import type { ServiceContext } from '../services/context.js';
import { workspaceBeside } from '../test-support/workspaces.js';
import { createApi, type Api } from './app.js';
import { freshSession } from '../test-support/fresh-session.js';

/*
 * The check's answers, read back through the contract's strict schemas: a field the
 * core adds without the contract naming it, or a value outside a documented set,
 * fails here at run time (and, for the types, at compile time below).
 */

// A schema with a field the core does not produce is not the same type: the tie must not compile.
const _drifted = checkReportOutput.extend({ extra: z.string() });
// @ts-expect-error the drifted schema names a field CheckReport does not have
export type DriftIsCaught = Holds<Same<z.output<typeof _drifted>, CheckReport>>;

describe('the check’s outputs match the contract', () => {
  const world = freshSession('sqlite');
  let api: Api;
  let ctx: ServiceContext;
  let workspaces = 0;
  const get = async (path: string): Promise<unknown> => {
    const response = await api.request(path);
    expect(response.status, path).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    api = createApi(() => ctx);
  });
  // Each test its own workspace: the empty map must not be read after the demo went in.
  beforeEach(async () => {
    ctx = await workspaceBeside(world.session.ctx, `ws_output_${++workspaces}`);
  });

  it('an empty map: the report, its summary and the map view', async () => {
    const report = checkReportOutput.parse(await get('/api/check'));
    expect(report.goals.status).toBe('no-goals');
    expect(report.map.nodes.map((n) => n.kind)).toEqual(['me']);
    checkSummaryOutput.parse(await get('/api/check/summary'));
    mapViewOutput.parse(await get('/api/map'));
  });

  it('the demo map: every part of the report, focused on each goal too, and every page of every list', async () => {
    expect((await api.request('/api/demo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(200);
    const report = checkReportOutput.parse(await get('/api/check'));
    // The demo exercises the parts, so the schema is checked against real findings, not empty lists.
    expect(report.map.edges.length).toBeGreaterThan(10);
    expect(report.goals.items.length).toBeGreaterThan(0);
    expect(report.goals.items.some((g) => g.needs.length > 0)).toBe(true);
    expect(report.reciprocity.people.length).toBeGreaterThan(0);
    expect(report.transition.items.length).toBeGreaterThan(0);
    expect(report.summary.cards.length).toBeGreaterThan(0);
    for (const goal of report.goals.items) {
      checkReportOutput.parse(await get(`/api/check?goalId=${goal.goalId}`));
      checkSummaryOutput.parse(await get(`/api/check/summary?goalId=${goal.goalId}&top=2`));
      mapViewOutput.parse(await get(`/api/map?goalId=${goal.goalId}`));
    }
    checkSummaryOutput.parse(await get('/api/check/summary?top=0'));
    for (const part of CHECK_PARTS) {
      const page = checkPartOutput.parse(await get(`/api/check/parts/${part}?limit=1000`));
      expect(page.items.length, part).toBe(page.total);
    }
  });

  it('a report with a field the contract does not name is refused, naming the path', () => {
    const report = { map: { nodes: [], edges: [], rings: [], focusGoalId: null, surprise: 1 } };
    const result = checkReportOutput.safeParse(report);
    expect(result.success).toBe(false);
    expect(result.error?.issues.some((i) => i.code === 'unrecognized_keys' && i.path.join('.') === 'map')).toBe(true);
  });
});
