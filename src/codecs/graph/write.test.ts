import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildGoal, buildIntroduction, buildLink, buildMembership, buildNetwork, buildPerson, buildSnapshot, buildTie, runCheck } from '../../core/check/index.js';
import type { NetworkMap } from '../../core/check/index.js';
import { toGexf, toGraphml, xmlEscape } from './write.js';

const NAUGHTY = `Ana <&"'> O'Neil`;
const now = new Date('2026-11-22T09:30:00.000Z');

function smallMap(): NetworkMap {
  const snapshot = buildSnapshot({
    profile: { name: 'Sam & co', workingOn: null },
    people: [
      buildPerson({ id: 'per_a', name: NAUGHTY, strength: 4, importance: 5, category: 'leader-in-field' }),
      buildPerson({ id: 'per_b', name: 'Bén Okafor', strength: 2, importance: 3 }),
      buildPerson({ id: 'per_c', name: 'Chen\tline\nbreak', strength: 0, importance: 0, category: 'social-media' }),
    ],
    networks: [buildNetwork({ id: 'net_1', name: 'Physio Society', kind: 'professional-body', role: 'member', strength: 2, importance: 4, hoursPerMonth: 3.5 })],
    goals: [buildGoal({ id: 'goal_1', statement: 'Research' }), buildGoal({ id: 'goal_2', statement: 'Teach' })],
    goalLinks: [buildLink('goal_1', 'person', 'per_a', 5), buildLink('goal_2', 'person', 'per_a', 4), buildLink('goal_1', 'network', 'net_1', 3)],
    memberships: [buildMembership('per_b', 'net_1', 'committee')],
    ties: [buildTie('per_a', 'per_b', 3)],
    introductions: [buildIntroduction({ id: 'intro_1', byId: 'per_b', personId: 'per_c', toId: null, madeOn: '2026-02-01' })],
  });
  return runCheck(snapshot).map;
}

const map = smallMap();
const options = { title: 'Waggle map <test>', now };

describe('graph exports: known answers', () => {
  it('the map is the one the tests expect', () => {
    expect(map.nodes.map((n) => n.key)).toEqual(['me', 'person:per_a', 'person:per_b', 'person:per_c', 'network:net_1']);
    expect(map.edges).toHaveLength(6);
    expect(map.nodes[1]?.goalIds).toEqual(['goal_1', 'goal_2']);
  });

  it('GEXF (1.2draft by default): namespace, undirected static graph, attribute declarations, nodes and edges with their values', () => {
    const gexf = toGexf(map, options);
    expect(gexf.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz"')).toBe(true);
    expect(gexf).toContain('xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">');
    expect(gexf).toContain('<meta lastmodifieddate="2026-11-22">');
    expect(gexf).toContain('<description>Waggle map &lt;test&gt;</description>');
    expect(gexf).toContain('<graph defaultedgetype="undirected" mode="static">');
    expect(gexf).toContain(
      [
        '    <attributes class="node" mode="static">',
        '      <attribute id="kind" title="kind" type="string"/>',
        '      <attribute id="category" title="category" type="string"/>',
        '      <attribute id="networkKind" title="networkKind" type="string"/>',
        '      <attribute id="strength" title="strength" type="integer"/>',
        '      <attribute id="importance" title="importance" type="integer"/>',
        '      <attribute id="ring" title="ring" type="integer"/>',
        '      <attribute id="relevance" title="relevance" type="integer"/>',
        '      <attribute id="quadrant" title="quadrant" type="string"/>',
        '      <attribute id="goals" title="goals" type="string"/>',
        '      <attribute id="hoursPerMonth" title="hoursPerMonth" type="double"/>',
        '      <attribute id="role" title="role" type="string"/>',
        '    </attributes>',
        '    <attributes class="edge" mode="static">',
        '      <attribute id="kind" title="kind" type="string"/>',
        '      <attribute id="role" title="role" type="string"/>',
        '      <attribute id="introductionKind" title="introductionKind" type="string"/>',
        '      <attribute id="introducedBy" title="introducedBy" type="string"/>',
        '      <attribute id="madeOn" title="madeOn" type="string"/>',
        '      <attribute id="directed" title="directed" type="boolean"/>',
        '    </attributes>',
      ].join('\n'),
    );
    expect(gexf).toContain(
      [
        '      <node id="person:per_a" label="Ana &lt;&amp;&quot;&apos;&gt; O&apos;Neil">',
        '        <attvalues>',
        '          <attvalue for="kind" value="person"/>',
        '          <attvalue for="category" value="leader-in-field"/>',
        '          <attvalue for="strength" value="4"/>',
        '          <attvalue for="importance" value="5"/>',
        '          <attvalue for="ring" value="2"/>',
        '          <attvalue for="relevance" value="5"/>',
        '          <attvalue for="quadrant" value="maintain"/>',
        '          <attvalue for="goals" value="goal_1;goal_2"/>',
        '        </attvalues>',
        '        <viz:size value="24"/>',
        '      </node>',
      ].join('\n'),
    );
    expect(gexf).toContain('<attvalue for="hoursPerMonth" value="3.5"/>');
    expect(gexf).toContain('<node id="person:per_c" label="Chen&#9;line&#10;break">');
    expect(gexf).toContain('<edge id="person:per_a~person:per_b" source="person:per_a" target="person:per_b" weight="3">');
    expect(gexf).toContain(
      [
        '      <edge id="introduction:intro_1" source="person:per_c" target="me" weight="1">',
        '        <attvalues>',
        '          <attvalue for="kind" value="introduction"/>',
        '          <attvalue for="introductionKind" value="introduced-to-me"/>',
        '          <attvalue for="introducedBy" value="person:per_b"/>',
        '          <attvalue for="madeOn" value="2026-02-01"/>',
        '          <attvalue for="directed" value="true"/>',
        '        </attvalues>',
        '      </edge>',
      ].join('\n'),
    );
    expect(gexf.match(/<node /g)).toHaveLength(5);
    expect(gexf.match(/<edge /g)).toHaveLength(6);
    expect(gexf).not.toContain('type="directed"');
    expect(gexf.endsWith('</gexf>\n')).toBe(true);
  });

  it('GEXF marks directed edges per edge when asked, and can be written as 1.3, or without viz', () => {
    const marked = toGexf(map, { ...options, markDirected: true });
    expect(marked).toContain('<edge id="introduction:intro_1" source="person:per_c" target="me" weight="1" type="directed">');
    expect(marked.match(/type="directed"/g)).toHaveLength(1);
    const v13 = toGexf(map, { ...options, version: '1.3' });
    expect(v13).toContain('<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz"');
    expect(v13).toContain('version="1.3">');
    const plain = toGexf(map, { ...options, viz: false });
    expect(plain).toContain('<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi=');
    expect(plain).not.toContain('viz');
  });

  it('GraphML: namespace, typed keys, undirected graph, labels and data', () => {
    const graphml = toGraphml(map, options);
    expect(graphml).toContain('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"');
    expect(graphml).toContain('<key id="n_label" for="node" attr.name="label" attr.type="string"/>');
    expect(graphml).toContain('<key id="n_strength" for="node" attr.name="strength" attr.type="int"/>');
    expect(graphml).toContain('<key id="n_hoursPerMonth" for="node" attr.name="hoursPerMonth" attr.type="double"/>');
    expect(graphml).toContain('<key id="n_goals" for="node" attr.name="goals" attr.type="string"/>');
    expect(graphml).toContain('<key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>');
    expect(graphml).toContain('<key id="e_kind" for="edge" attr.name="kind" attr.type="string"/>');
    expect(graphml).toContain('<key id="e_directed" for="edge" attr.name="directed" attr.type="boolean"/>');
    expect(graphml).toContain('<graph id="waggle-map" edgedefault="undirected">');
    expect(graphml).toContain('<data key="g_title">Waggle map &lt;test&gt;</data>');
    expect(graphml).toContain(
      [
        '    <node id="person:per_a">',
        '      <data key="n_label">Ana &lt;&amp;&quot;&apos;&gt; O&apos;Neil</data>',
        '      <data key="n_kind">person</data>',
        '      <data key="n_category">leader-in-field</data>',
        '      <data key="n_strength">4</data>',
        '      <data key="n_importance">5</data>',
        '      <data key="n_ring">2</data>',
        '      <data key="n_relevance">5</data>',
        '      <data key="n_quadrant">maintain</data>',
        '      <data key="n_goals">goal_1;goal_2</data>',
        '    </node>',
      ].join('\n'),
    );
    expect(graphml).toContain('<edge id="introduction:intro_1" source="person:per_c" target="me">');
    expect(graphml).toContain('<data key="e_directed">true</data>');
    expect(graphml.match(/<node /g)).toHaveLength(5);
    expect(graphml.match(/<edge /g)).toHaveLength(6);
    expect(graphml).not.toContain('directed="true"');
    expect(toGraphml(map, { ...options, markDirected: true })).toContain('<edge id="introduction:intro_1" source="person:per_c" target="me" directed="true">');
  });

  it('escapes what XML needs escaped and replaces what XML cannot hold', () => {
    expect(xmlEscape(`<&"'>`)).toBe('&lt;&amp;&quot;&apos;&gt;');
    expect(xmlEscape('a\u0000b\u001Fc\uD800d🐝')).toBe('a\uFFFDb\uFFFDc\uFFFDd🐝');
    expect(xmlEscape('x\r\ny')).toBe('x&#13;&#10;y');
  });
});

// ------------------------------------------------------------ networkx reads the files

/** An interpreter with networkx: Debian's /usr/bin/python3 first, then whatever python3 is on the PATH. */
function pythonWithNetworkx(): string | null {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(candidate, ['-c', 'import networkx'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return null;
}

/*
 * Reads each file with networkx exactly as installed (nothing patched or
 * registered) and prints what it made of it. The default GEXF must read
 * everywhere; GEXF 1.3 reads from networkx 3.6 on, and older ones (Debian 12's
 * 2.8) refuse it, which is why it is not the default.
 */
const READER = String.raw`
import json, sys
import networkx as nx

def describe(G, node, edge):
    data = dict(G.nodes[node])
    data.pop('viz', None)
    u, v = edge
    return {
        'nodes': G.number_of_nodes(),
        'edges': G.number_of_edges(),
        'directed': G.is_directed(),
        'node': data,
        'edge': dict(G.edges[u, v]),
        'graph': {k: v for k, v in G.graph.items() if k in ('title', 'created')},
    }

gexf, gexf13, graphml = sys.argv[1:4]
node = 'person:per_a'
edge = ('person:per_c', 'me')
out = {'networkx': nx.__version__}
out['gexf'] = describe(nx.read_gexf(gexf), node, edge)
try:
    out['gexf13'] = describe(nx.read_gexf(gexf13), node, edge)
except Exception as e:
    out['gexf13'] = {'error': str(e)}
out['graphml'] = describe(nx.read_graphml(graphml), node, edge)
print(json.dumps(out))
`;

describe('graph exports: networkx', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waggle-graph-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the default GEXF and the GraphML, as installed, with the same nodes, edges and attributes', () => {
    const python = pythonWithNetworkx();
    if (python === null) {
      throw new Error('No python3 with networkx found (tried /usr/bin/python3 and python3): install Debian\'s python3-networkx (apt-get install python3-networkx) to run this test');
    }
    const files = { gexf: join(dir, 'map.gexf'), gexf13: join(dir, 'map-1.3.gexf'), graphml: join(dir, 'map.graphml') };
    writeFileSync(files.gexf, toGexf(map, options));
    writeFileSync(files.gexf13, toGexf(map, { ...options, version: '1.3' }));
    writeFileSync(files.graphml, toGraphml(map, options));
    const run = spawnSync(python, ['-c', READER, files.gexf, files.gexf13, files.graphml], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown> & { networkx: string };
    const node = { label: NAUGHTY, kind: 'person', category: 'leader-in-field', strength: 4, importance: 5, ring: 2, relevance: 5, quadrant: 'maintain', goals: 'goal_1;goal_2' };
    const edge = { kind: 'introduction', introductionKind: 'introduced-to-me', introducedBy: 'person:per_b', madeOn: '2026-02-01', directed: true, weight: 1, id: 'introduction:intro_1' };
    expect(result.gexf).toEqual({ nodes: 5, edges: 6, directed: false, node, edge, graph: {} });
    const [major = 0, minor = 0] = result.networkx.split('.').map(Number);
    if (major > 3 || (major === 3 && minor >= 6)) expect(result.gexf13).toEqual({ nodes: 5, edges: 6, directed: false, node, edge, graph: {} });
    else expect(result.gexf13).toEqual({ error: expect.stringMatching(/^No <graph> element in GEXF file/) });
    expect(result.graphml).toEqual({ nodes: 5, edges: 6, directed: false, node, edge, graph: { title: 'Waggle map <test>', created: now.toISOString() } });
    // Which networkx did the reading, for the test log.
    console.info(`networkx ${result.networkx} via ${python}, unpatched`);
  });
});
