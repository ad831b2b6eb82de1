import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waggleInProcess } from '../test-support/waggle-in-process.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'graphs');

describe('waggle analyse', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'waggle-analyse-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...argv: string[]) => waggleInProcess(join(dir, 'data'), argv);
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('summarises an edge list: brokers, clusters with members, the most central, the isolated', async () => {
    const { code, stdout } = await run('analyse', join(FIXTURES, 'karate.tsv'), '--top', '3');
    expect(code).toBe(0);
    expect(stdout).toContain('34 nodes, 78 ties, 1 connected part');
    expect(stdout).toMatch(/Top brokers[\s\S]*\n0\s+231\.1/);
    expect(stdout).toMatch(/Clusters \(Louvain, modularity 0\.44/);
    expect(stdout).toMatch(/Most central[\s\S]*\n33\s/);
    expect(stdout).toContain('Isolated: none');
  });

  it('prints per-node metrics as JSON and as CSV, only those chosen', async () => {
    const json = await run('--json', 'analyse', join(FIXTURES, 'florentine.tsv'), '--metrics', 'degree,pagerank,core');
    expect(json.code).toBe(0);
    const analysis = JSON.parse(json.stdout) as { metrics: string[]; nodes: Record<string, unknown>[] };
    expect(analysis.metrics).toEqual(['degree', 'pagerank', 'core']);
    const medici = analysis.nodes.find((n) => n.id === 'Medici')!;
    expect(medici.degree).toBe(6);
    expect(Object.keys(medici).sort()).toEqual(['core', 'degree', 'id', 'label', 'pagerank']);
    const csv = await run('analyse', join(FIXTURES, 'florentine.tsv'), '--csv', '--metrics', 'betweenness,community');
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('id,label,betweenness,community');
    expect(lines).toHaveLength(16);
    expect(lines.find((l) => l.startsWith('Medici,'))).toMatch(/^Medici,Medici,47\.5,\d+$/);
  });

  it('reads GEXF and GraphML, counts self-loops and repeats, names isolated nodes', async () => {
    const gexf = file(
      'g.gexf',
      `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.2draft" version="1.2"><graph defaultedgetype="undirected">
<nodes><node id="a" label="Ann"/><node id="b" label="Bo"/><node id="c"/><node id="z" label="Zed"/></nodes>
<edges><edge source="a" target="b" weight="2"/><edge source="b" target="c"/><edge source="c" target="c"/><edge source="b" target="a" weight="1"/></edges>
</graph></gexf>`,
    );
    const out = await run('--json', 'analyse', gexf);
    expect(out.code).toBe(0);
    const a = JSON.parse(out.stdout) as { graph: Record<string, number>; isolated: { names: string[] }; nodes: { id: string; strength: number }[] };
    expect(a.graph).toMatchObject({ nodes: 4, ties: 2, isolated: 1, selfLoopsDropped: 1, mergedDuplicates: 1 });
    expect(a.isolated.names).toEqual(['z']);
    expect(a.nodes.find((n) => n.id === 'a')!.strength).toBe(3);
    const graphml = file(
      'g.graphml',
      `<?xml version="1.0"?><graphml><key id="w" for="edge" attr.name="weight" attr.type="double"/>
<graph edgedefault="undirected"><node id="x"/><node id="y"/><edge source="x" target="y"><data key="w">4.5</data></edge></graph></graphml>`,
    );
    const g = await run('--json', 'analyse', graphml, '--metrics', 'strength');
    expect(JSON.parse(g.stdout).nodes).toEqual([{ id: 'x', label: 'x', strength: 4.5 }, { id: 'y', label: 'y', strength: 4.5 }]);
  });

  it('refuses a bad file with its line and column', async () => {
    const csv = file('bad.csv', 'source,target,weight\na,b,2\nb,c\nc,d,heavy\n');
    const bad = await run('analyse', csv);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('line 4, column 5: the weight "heavy" is not a number');
    const missing = await run('analyse', file('short.tsv', 'a\tb\nc\n'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('line 2, column 2: expected source<TAB>target[,weight]; the target is missing');
    const xml = await run('analyse', file('cut.graphml', '<graphml>\n<graph>\n  <node id="a"/>\n  <edge source="a" target="b">\n'));
    expect(xml.code).toBe(2);
    expect(xml.stderr).toMatch(/line \d+, column \d+: the file ends inside <edge>/);
    const json = await run('--json', 'analyse', csv);
    expect(JSON.parse(json.stderr).error).toMatchObject({ code: 'validation', field: expect.stringContaining('line 4, column 5') });
    expect((await run('analyse', join(dir, 'nothing.csv'))).code).toBe(3);
    expect((await run('analyse')).code).toBe(2);
    const metrics = await run('analyse', csv, '--metrics', 'degree,fame');
    expect(metrics.stderr).toContain('--metrics: "fame" is not a metric');
  });

  it('states the error bound when betweenness is sampled', async () => {
    const { code, stdout } = await run('analyse', join(FIXTURES, 'lesmis.tsv'), '--pivots', '10');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Betweenness estimated from 10 of 77 sources, rescaled by n\/k; with probability ≥ 0\.95 every node's betweenness is within ±/);
  });

  it('says who can introduce one node to another, and the strongest path there', async () => {
    const text = await run('analyse', join(FIXTURES, 'lesmis.tsv'), '--from', 'valjean', '--reach', 'Napoleon');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Who can introduce Valjean to Napoleon[\s\S]*\nMyriel\s+5\s+1/);
    expect(text.stdout).toContain('Strongest path (2 steps): Valjean → Myriel → Napoleon');
    const json = await run('--json', 'analyse', join(FIXTURES, 'florentine.tsv'), '--from', 'Pazzi', '--reach', 'Medici');
    const r = JSON.parse(json.stdout) as { introducers: { id: string }[]; path: { id: string }[]; length: number };
    expect(r.introducers.map((x) => x.id)).toEqual(['Salviati']);
    expect(r.path.map((p) => p.id)).toEqual(['Pazzi', 'Salviati', 'Medici']);
    expect(r.length).toBe(2);
    expect((await run('analyse', join(FIXTURES, 'florentine.tsv'), '--reach', 'Medici')).stderr).toContain('--from');
    expect((await run('analyse', join(FIXTURES, 'florentine.tsv'), '--from', 'Pazzi', '--reach', 'Nobody')).code).toBe(3);
  });

  it('analyses your own map', async () => {
    expect((await run('demo')).code).toBe(0);
    const { code, stdout } = await run('--json', 'analyse', '--map');
    expect(code).toBe(0);
    const a = JSON.parse(stdout) as { graph: { nodes: number; mergedDuplicates: number }; central: { id: string }[]; communities: { count: number } };
    expect(a.graph.nodes).toBeGreaterThan(80);
    // Repeated map edges were folded to the strongest before the engine saw them.
    expect(a.graph.mergedDuplicates).toBe(0);
    expect(a.central[0]!.id).toBe('me');
    expect(a.communities.count).toBeGreaterThan(1);
    const intro = await run('--json', 'analyse', '--map', '--reach', 'Dr Rosa Jimenez');
    expect(intro.code).toBe(0);
    const r = JSON.parse(intro.stdout) as { from: { id: string }; introducers: { label: string }[] };
    expect(r.from.id).toBe('me');
    expect(r.introducers.length).toBeGreaterThan(0);
  });

  it('takes a Louvain resolution: a higher one finds more, smaller clusters; a bad one is refused', async () => {
    const clusters = async (...extra: string[]) => {
      const r = await run('--json', 'analyse', join(FIXTURES, 'karate.tsv'), '--metrics', 'community', ...extra);
      expect(r.code).toBe(0);
      return (JSON.parse(r.stdout) as { communities: { count: number; resolution: number } }).communities;
    };
    const plain = await clusters();
    const fine = await clusters('--resolution', '3');
    expect(plain.resolution).toBe(1);
    expect(fine.resolution).toBe(3);
    expect(fine.count).toBeGreaterThan(plain.count);
    const text = await run('analyse', join(FIXTURES, 'karate.tsv'), '--resolution', '3');
    expect(text.stdout).toContain('Louvain at resolution 3');
    const bad = await run('analyse', join(FIXTURES, 'karate.tsv'), '--resolution', '-1');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--resolution');
  });
});
