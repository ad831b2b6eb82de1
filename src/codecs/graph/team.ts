/**
 * The team's graph file. The service hands it the team map made of consented shares
 * only (core/team/map.ts); this writes that map and nothing more.
 */
import type { TeamMap } from '../../core/team/index.js';
import { xmlEscape } from './write.js';

export type TeamGraphFormat = 'gexf' | 'graphml';

const NODE_ATTRS = ['kind', 'category', 'networkKind', 'organisation'] as const;

/** The team map as GEXF 1.2draft or GraphML, for Gephi, Kumu and networkx: what the map holds (members, networks and shared people), nothing else. */
export function teamGraphFile({ nodes, edges }: TeamMap, format: TeamGraphFormat, now: Date): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  if (format === 'gexf') {
    out.push('<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">');
    out.push(`  <meta lastmodifieddate="${now.toISOString().slice(0, 10)}"><creator>Waggle</creator><description>The team graph, consented shares only</description></meta>`);
    out.push('  <graph defaultedgetype="undirected" mode="static">');
    out.push('    <attributes class="node" mode="static">');
    for (const a of NODE_ATTRS) out.push(`      <attribute id="${a}" title="${a}" type="string"/>`);
    out.push('    </attributes>');
    out.push('    <attributes class="edge" mode="static"><attribute id="role" title="role" type="string"/></attributes>');
    out.push('    <nodes>');
    for (const n of nodes) {
      const values = NODE_ATTRS.filter((a) => n[a] !== null).map((a) => `<attvalue for="${a}" value="${xmlEscape(String(n[a]))}"/>`);
      out.push(`      <node id="${xmlEscape(n.id)}" label="${xmlEscape(n.label)}"><attvalues>${values.join('')}</attvalues></node>`);
    }
    out.push('    </nodes>', '    <edges>');
    edges.forEach((e, i) => {
      const role = e.role ? `<attvalues><attvalue for="role" value="${xmlEscape(e.role)}"/></attvalues>` : '';
      out.push(`      <edge id="e${i}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}" weight="${e.weight}">${role}</edge>`);
    });
    out.push('    </edges>', '  </graph>', '</gexf>');
  } else {
    out.push('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">');
    out.push('  <key id="label" for="node" attr.name="label" attr.type="string"/>');
    for (const a of NODE_ATTRS) out.push(`  <key id="${a}" for="node" attr.name="${a}" attr.type="string"/>`);
    out.push('  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>', '  <key id="role" for="edge" attr.name="role" attr.type="string"/>');
    out.push('  <graph id="team" edgedefault="undirected">');
    for (const n of nodes) {
      const data = [`<data key="label">${xmlEscape(n.label)}</data>`, ...NODE_ATTRS.filter((a) => n[a] !== null).map((a) => `<data key="${a}">${xmlEscape(String(n[a]))}</data>`)];
      out.push(`    <node id="${xmlEscape(n.id)}">${data.join('')}</node>`);
    }
    edges.forEach((e, i) => {
      const role = e.role ? `<data key="role">${xmlEscape(e.role)}</data>` : '';
      out.push(`    <edge id="e${i}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}"><data key="weight">${e.weight}</data>${role}</edge>`);
    });
    out.push('  </graph>', '</graphml>');
  }
  return `${out.join('\n')}\n`;
}
