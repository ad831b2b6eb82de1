import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CheckReport } from '../core/check/index.js';
import type { Goal } from '../core/model.js';
import { waggleInProcess } from '../test-support/waggle-in-process.js';

/** Needs from the command line: named on the goal, served by links, judged one by one. */
describe('needs on the command line', () => {
  let dataDir: string;
  const savedNow = process.env.WAGGLE_NOW;
  const waggle = (...argv: string[]) => waggleInProcess(dataDir, argv);
  const json = async <T>(...argv: string[]): Promise<T> => {
    const run = await waggle(...argv, '--json');
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as T;
  };

  const dataDirs: string[] = [];

  beforeAll(() => {
    process.env.WAGGLE_NOW = '2026-11-22T10:00:00Z';
  });
  // Each test its own data folder, so that none reads the goal or the people another made.
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'waggle-needs-'));
    dataDirs.push(dataDir);
  });
  afterAll(() => {
    if (savedNow === undefined) delete process.env.WAGGLE_NOW;
    else process.env.WAGGLE_NOW = savedNow;
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  /** The goal as the first test leaves it: Funding (essential), then supervisor. */
  const fellowship = () => json<Goal>('goal', 'add', 'Win a fellowship', '--need', 'Funding', '--need', 'supervisor', '--essential', 'Funding');
  const tomTheFunder = () => json('person', 'add', 'Tom Reed', '--strength', '1', '--notes', 'Sat on the charity funding panel', '--tag', 'funder');

  it('names needs in order, marks the essential ones, and keeps that mark when the list is named again', async () => {
    const goal = await json<Goal>('goal', 'add', 'Win a fellowship', '--need', 'supervisor', '--need', 'funding', '--essential', 'funding', '--essential', 'statistics');
    expect(goal.needs.map((n) => [n.name, n.essential])).toEqual([
      ['supervisor', false],
      ['funding', true],
      ['statistics', true],
    ]);
    const edited = await json<Goal>('goal', 'edit', 'Win a fellowship', '--need', 'Funding', '--need', 'supervisor', '--optional', 'supervisor');
    expect(edited.needs.map((n) => [n.name, n.essential])).toEqual([
      ['Funding', true],
      ['supervisor', false],
    ]);
    // The ids stay: a link that serves "funding" still does after the rename.
    expect(edited.needs.map((n) => n.id)).toEqual([goal.needs[1]!.id, goal.needs[0]!.id]);
    const unknown = await waggle('goal', 'edit', 'Win a fellowship', '--optional', 'methods');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--optional: "methods" is not one of the goal\'s needs');
  });

  it('links with the needs served, refuses a need the goal does not have, and judges the goal need by need', async () => {
    await fellowship();
    await json('person', 'add', 'Rosa Jiménez', '--strength', '4', '--importance', '5');
    await tomTheFunder();
    const link = await json<{ serves: string[] }>('person', 'link', 'Rosa Jiménez', '--goal', 'Win a fellowship', '--relevance', '5', '--serves', 'supervisor');
    expect(link.serves).toHaveLength(1);
    const wrong = await waggle('person', 'link', 'Rosa Jiménez', '--goal', 'Win a fellowship', '--serves', 'statistics');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('"statistics" is not a need of "Win a fellowship"; its needs are: Funding, supervisor');

    // Linking again without --serves keeps the needs served.
    const relinked = await json<{ relevance: number; serves: string[] }>('person', 'link', 'Rosa Jiménez', '--goal', 'Win a fellowship', '--relevance', '4');
    expect(relinked).toMatchObject({ relevance: 4, serves: link.serves });

    const shown = await waggle('goal', 'show', 'Win a fellowship');
    expect(shown.stdout).toContain('missing  Funding (essential): nobody');
    expect(shown.stdout).toContain('? Confirm that Tom Reed can help with Funding');
    expect(shown.stdout).toContain('covered  supervisor: Rosa Jiménez 4/5');
  });

  it('links many people at once to the need they serve', async () => {
    await fellowship();
    await tomTheFunder();
    const result = await json<{ updated: number }>('person', 'bulk-edit', '--tag', 'funder', '--goal', 'Win a fellowship', '--relevance', '3', '--serves', 'funding');
    expect(result.updated).toBe(1);
    const report = await json<CheckReport>('check');
    const funding = report.goals.items[0]!.needs.find((n) => n.name === 'Funding')!;
    expect(funding).toMatchObject({ verdict: 'thin', contributors: [expect.objectContaining({ name: 'Tom Reed', strength: 1 })] });
    const lonely = await waggle('person', 'bulk-edit', '--tag', 'funder', '--serves', 'funding');
    expect(lonely.code).toBe(2);
  });

  it('on the demo, names a goal that is not covered, the essential need nobody serves, and a next step', async () => {
    const demoDir = mkdtempSync(join(tmpdir(), 'waggle-needs-demo-'));
    try {
      expect((await waggleInProcess(demoDir, ['demo'])).code).toBe(0);
      const run = await waggleInProcess(demoDir, ['check', '--json']);
      const report = JSON.parse(run.stdout) as CheckReport;
      const notCovered = report.goals.items.filter((g) => g.verdict !== 'covered');
      expect(notCovered.length).toBeGreaterThan(0);
      const missing = notCovered.flatMap((g) => g.needs.filter((n) => n.essential && n.verdict === 'missing').map((n) => ({ goal: g, need: n })));
      expect(missing.map((m) => m.need.name)).toContain('funding');
      const { goal, need } = missing.find((m) => m.need.name === 'funding')!;
      expect(need.next.length).toBeGreaterThan(10);
      expect(goal.gaps[0]).toMatchObject({ code: 'need-missing' });
      expect(report.goals.items.some((g) => g.verdict === 'covered')).toBe(true);
    } finally {
      rmSync(demoDir, { recursive: true, force: true });
    }
  });
});
