/**
 * Reading graphs: CSV/TSV edge lists (source,target[,weight]), GEXF and GraphML.
 * Pure (text in, Graph out). A bad file is refused with a ValidationError whose
 * field names the file, line and column. Read by `waggle analyse` and the web's
 * analyse page. Split at its seams: read-edge-list.ts, read-xml.ts (GEXF and GraphML,
 * one tag scanner), and edges.ts (the ids, the edges, the refusal both share).
 */
import type { Graph } from '../../core/graph/index.js';
import { parseEdgeList } from './read-edge-list.js';
import { parseGexf, parseGraphml } from './read-xml.js';

export { parseEdgeList, parseGexf, parseGraphml };

export type GraphFormat = 'edgelist' | 'gexf' | 'graphml';

/** The format of a file from its name, else from its first bytes. */
export function detectFormat(name: string, text: string): GraphFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith('.gexf')) return 'gexf';
  if (lower.endsWith('.graphml') || lower.endsWith('.xml')) return 'graphml';
  const head = text.slice(0, 2000);
  if (/<gexf[\s>]/.test(head)) return 'gexf';
  if (/<graphml[\s>]/.test(head)) return 'graphml';
  return 'edgelist';
}

export function parseGraph(name: string, text: string): Graph {
  const format = detectFormat(name, text);
  if (format === 'gexf') return parseGexf(text, name);
  if (format === 'graphml') return parseGraphml(text, name);
  return parseEdgeList(text, name);
}
