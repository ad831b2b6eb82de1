import type { MapEdge, MapNode, NetworkMap } from '../../core/check/index.js';

/**
 * The map of "The network check" as GEXF (Gephi's own format; 1.2draft by default,
 * which Gephi and every networkx read, or 1.3 when asked) and as GraphML,
 * for Gephi, networkx and other network tools: every node and edge with its
 * attributes (kind, category, strength, importance, goals …), labels and weights.
 *
 * Direction: the map is undirected except for introductions, which point from the
 * person introduced to the one they were introduced to. networkx refuses a file
 * that mixes directed and undirected edges (GEXF `type="directed"`, GraphML
 * `directed="true"` inside an undirected graph), so by default every edge is
 * written undirected, keeping source → target, with a boolean `directed` edge
 * attribute that says which ones point. `markDirected: true` writes the
 * per-edge direction markup too, for tools that draw mixed graphs (Gephi draws
 * the arrows); networkx cannot read that file.
 */

export interface GraphExportOptions {
  /** Shown as the file's description (GEXF) or graph title (GraphML). */
  title: string;
  /** When the file was made (GEXF's `lastmodifieddate`). */
  now: Date;
  /** Write per-edge direction markup for directed edges (Gephi); networkx refuses such files. Off by default. */
  markDirected?: boolean;
}

/** The GEXF versions Waggle writes; the first is the default. */
export const GEXF_VERSIONS = ['1.2draft', '1.3'] as const;
export type GexfVersion = (typeof GEXF_VERSIONS)[number];

export interface GexfOptions extends GraphExportOptions {
  /**
   * The GEXF version: 1.2draft by default, which Gephi and networkx 2.x and 3.x
   * read. networkx reads the 1.3 namespace only from version 3.6 on (Debian 12
   * ships 2.8, which says "No <graph> element in GEXF file"), so 1.3 only when asked.
   */
  version?: GexfVersion;
  /** Write `<viz:size>` from each node's importance (on by default). */
  viz?: boolean;
}

type AttrType = 'string' | 'integer' | 'double' | 'boolean';
type AttrValue = string | number | boolean | null;

interface Attribute<T> {
  name: string;
  type: AttrType;
  value: (item: T) => AttrValue;
}

// Scores are whole numbers in storage; rounding only guards a hand-built map against an unreadable file.
const whole = (value: number): number => Math.round(value);

const NODE_ATTRIBUTES: readonly Attribute<MapNode>[] = [
  { name: 'kind', type: 'string', value: (n) => n.kind },
  { name: 'category', type: 'string', value: (n) => n.category },
  { name: 'networkKind', type: 'string', value: (n) => n.networkKind },
  { name: 'strength', type: 'integer', value: (n) => whole(n.strength) },
  { name: 'importance', type: 'integer', value: (n) => whole(n.importance) },
  { name: 'ring', type: 'integer', value: (n) => whole(n.ring) },
  { name: 'relevance', type: 'integer', value: (n) => whole(n.relevance) },
  { name: 'quadrant', type: 'string', value: (n) => n.quadrant },
  { name: 'goals', type: 'string', value: (n) => (n.goalIds.length > 0 ? n.goalIds.join(';') : null) },
  { name: 'hoursPerMonth', type: 'double', value: (n) => n.hoursPerMonth },
  { name: 'role', type: 'string', value: (n) => n.role },
];

const EDGE_ATTRIBUTES: readonly Attribute<MapEdge>[] = [
  { name: 'kind', type: 'string', value: (e) => e.kind },
  { name: 'role', type: 'string', value: (e) => e.role },
  { name: 'introductionKind', type: 'string', value: (e) => e.introductionKind },
  { name: 'introducedBy', type: 'string', value: (e) => e.introducedBy },
  { name: 'madeOn', type: 'string', value: (e) => e.madeOn },
  { name: 'directed', type: 'boolean', value: (e) => e.directed },
];

// XML 1.0 cannot hold these characters at all, not even as character references.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/**
 * Escapes text for an XML attribute value or element content. Tabs and line
 * breaks become character references so that attribute normalisation keeps them;
 * characters XML cannot carry become U+FFFD.
 */
export function xmlEscape(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\t\n\r]/g, (c) => ENTITIES[c] ?? c);
}

function format(value: string | number | boolean): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  return typeof value === 'boolean' ? String(value) : xmlEscape(value);
}

const dateOf = (now: Date): string => now.toISOString().slice(0, 10);

/** Node size in Gephi: never zero, so that an importance of 0 still shows. */
const vizSize = (node: MapNode): number => 4 + 4 * Math.max(0, node.size);

const GEXF_NAMESPACES = {
  '1.3': { gexf: 'http://gexf.net/1.3', viz: 'http://gexf.net/1.3/viz', schema: 'http://gexf.net/1.3/gexf.xsd', version: '1.3' },
  '1.2draft': { gexf: 'http://www.gexf.net/1.2draft', viz: 'http://www.gexf.net/1.2draft/viz', schema: 'http://www.gexf.net/1.2draft/gexf.xsd', version: '1.2' },
} as const;

/** The map as a GEXF document (1.2draft unless asked otherwise). */
export function toGexf(map: NetworkMap, options: GexfOptions): string {
  const ns = GEXF_NAMESPACES[options.version ?? GEXF_VERSIONS[0]];
  const withViz = options.viz !== false;
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<gexf xmlns="${ns.gexf}"${withViz ? ` xmlns:viz="${ns.viz}"` : ''} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${ns.gexf} ${ns.schema}" version="${ns.version}">`,
  );
  out.push(`  <meta lastmodifieddate="${dateOf(options.now)}">`);
  out.push('    <creator>Waggle</creator>');
  out.push(`    <description>${xmlEscape(options.title)}</description>`);
  out.push('  </meta>');
  out.push('  <graph defaultedgetype="undirected" mode="static">');
  const declare = <T>(cls: 'node' | 'edge', attributes: readonly Attribute<T>[]) => {
    out.push(`    <attributes class="${cls}" mode="static">`);
    for (const a of attributes) out.push(`      <attribute id="${a.name}" title="${a.name}" type="${a.type}"/>`);
    out.push('    </attributes>');
  };
  declare('node', NODE_ATTRIBUTES);
  declare('edge', EDGE_ATTRIBUTES);
  const attvalues = <T>(item: T, attributes: readonly Attribute<T>[], indent: string) => {
    const values = attributes.flatMap((a) => {
      const value = a.value(item);
      return value === null ? [] : [`${indent}  <attvalue for="${a.name}" value="${format(value)}"/>`];
    });
    if (values.length === 0) return;
    out.push(`${indent}<attvalues>`, ...values, `${indent}</attvalues>`);
  };
  out.push('    <nodes>');
  for (const node of map.nodes) {
    out.push(`      <node id="${xmlEscape(node.key)}" label="${xmlEscape(node.label)}">`);
    attvalues(node, NODE_ATTRIBUTES, '        ');
    if (withViz) out.push(`        <viz:size value="${vizSize(node)}"/>`);
    out.push('      </node>');
  }
  out.push('    </nodes>');
  out.push('    <edges>');
  for (const edge of map.edges) {
    const type = options.markDirected && edge.directed ? ' type="directed"' : '';
    out.push(`      <edge id="${xmlEscape(edge.key)}" source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}" weight="${format(edge.weight)}"${type}>`);
    attvalues(edge, EDGE_ATTRIBUTES, '        ');
    out.push('      </edge>');
  }
  out.push('    </edges>');
  out.push('  </graph>');
  out.push('</gexf>');
  return `${out.join('\n')}\n`;
}

const GRAPHML_TYPES: Record<AttrType, string> = { string: 'string', integer: 'int', double: 'double', boolean: 'boolean' };

/** The map as a GraphML document. */
export function toGraphml(map: NetworkMap, options: GraphExportOptions): string {
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  );
  const nodeAttributes: readonly Attribute<MapNode>[] = [{ name: 'label', type: 'string', value: (n) => n.label }, ...NODE_ATTRIBUTES];
  const edgeAttributes: readonly Attribute<MapEdge>[] = [{ name: 'weight', type: 'double', value: (e) => e.weight }, ...EDGE_ATTRIBUTES];
  // Key ids are prefixed by what they are for: node and edge attributes share names (kind, role).
  out.push('  <key id="g_title" for="graph" attr.name="title" attr.type="string"/>');
  out.push('  <key id="g_created" for="graph" attr.name="created" attr.type="string"/>');
  for (const a of nodeAttributes) out.push(`  <key id="n_${a.name}" for="node" attr.name="${a.name}" attr.type="${GRAPHML_TYPES[a.type]}"/>`);
  for (const a of edgeAttributes) out.push(`  <key id="e_${a.name}" for="edge" attr.name="${a.name}" attr.type="${GRAPHML_TYPES[a.type]}"/>`);
  out.push('  <graph id="waggle-map" edgedefault="undirected">');
  out.push(`    <data key="g_title">${xmlEscape(options.title)}</data>`);
  out.push(`    <data key="g_created">${options.now.toISOString()}</data>`);
  const data = <T>(item: T, attributes: readonly Attribute<T>[], prefix: string) => {
    for (const a of attributes) {
      const value = a.value(item);
      if (value !== null) out.push(`      <data key="${prefix}${a.name}">${format(value)}</data>`);
    }
  };
  for (const node of map.nodes) {
    out.push(`    <node id="${xmlEscape(node.key)}">`);
    data(node, nodeAttributes, 'n_');
    out.push('    </node>');
  }
  for (const edge of map.edges) {
    const directed = options.markDirected && edge.directed ? ' directed="true"' : '';
    out.push(`    <edge id="${xmlEscape(edge.key)}" source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}"${directed}>`);
    data(edge, edgeAttributes, 'e_');
    out.push('    </edge>');
  }
  out.push('  </graph>');
  out.push('</graphml>');
  return `${out.join('\n')}\n`;
}
