/** GEXF and GraphML read with one small tag scanner: nodes, edges and weights, nothing else. */
import { buildGraph, type Graph } from '../../core/graph/index.js';
import { checkWeight, EdgeBuffer, fail, IdTable } from './edges.js';

/** Line and column (1-based) of an offset in the text. */
function locate(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lastBreak = i;
  }
  return { line, column: offset - lastBreak };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

interface Tag {
  name: string;
  attrs: Map<string, string>;
  closing: boolean;
  selfClosing: boolean;
  start: number;
  end: number;
}

/** A minimal XML tag scanner: enough for GEXF and GraphML; comments, PIs, CDATA and DOCTYPE skipped. */
function* tags(text: string, file: string): Generator<Tag> {
  let pos = 0;
  const attrRe = /([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("([^"]*)"|'([^']*)')/y;
  const bad = (at: number, reason: string): never => {
    const { line, column } = locate(text, at);
    return fail(file, line, column, reason);
  };
  for (;;) {
    const open = text.indexOf('<', pos);
    if (open < 0) return;
    if (text.startsWith('<!--', open)) {
      const close = text.indexOf('-->', open + 4);
      if (close < 0) bad(open, 'a comment is not closed');
      pos = close + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', open)) {
      const close = text.indexOf(']]>', open);
      if (close < 0) bad(open, 'a CDATA section is not closed');
      pos = close + 3;
      continue;
    }
    if (text.startsWith('<?', open) || text.startsWith('<!', open)) {
      const close = text.indexOf('>', open);
      if (close < 0) bad(open, 'a declaration is not closed');
      pos = close + 1;
      continue;
    }
    let p = open + 1;
    const closing = text.charCodeAt(p) === 47;
    if (closing) p++;
    const nameMatch = /[A-Za-z_][-A-Za-z0-9_:.]*/y;
    nameMatch.lastIndex = p;
    const m = nameMatch.exec(text);
    if (!m) bad(open, 'expected a tag name after "<"');
    const name = m![0].replace(/^.*:/, '');
    p = nameMatch.lastIndex;
    const attrs = new Map<string, string>();
    for (;;) {
      while (/\s/.test(text[p] ?? '')) p++;
      const c = text[p];
      if (c === undefined) bad(open, `the tag <${name}> is not closed`);
      if (c === '>') {
        yield { name, attrs, closing, selfClosing: false, start: open, end: p + 1 };
        pos = p + 1;
        break;
      }
      if (c === '/' && text[p + 1] === '>') {
        yield { name, attrs, closing, selfClosing: true, start: open, end: p + 2 };
        pos = p + 2;
        break;
      }
      attrRe.lastIndex = p;
      const a = attrRe.exec(text);
      if (!a) bad(p, `malformed attribute in <${name}>`);
      attrs.set(a![1]!.replace(/^.*:/, ''), unescapeXml(a![3] ?? a![4] ?? ''));
      p = attrRe.lastIndex;
    }
  }
}

function xmlGraph(text: string, file: string, format: 'gexf' | 'graphml'): Graph {
  const table = new IdTable();
  const edges = new EdgeBuffer();
  let sawGraph = false;
  let weightKey: string | undefined;
  let openEdge: { a: number; b: number; w: number; at: number } | undefined;
  let dataKey: string | undefined;
  let dataStart = 0;
  const stack: string[] = [];
  const weightOf = (raw: string | undefined, at: number): number => {
    if (raw === undefined) return 1;
    const { line, column } = locate(text, at);
    return checkWeight(file, line, column, raw.trim());
  };
  for (const tag of tags(text, file)) {
    if (tag.closing) {
      const top = stack.pop();
      if (top !== tag.name) {
        const { line, column } = locate(text, tag.start);
        fail(file, line, column, top ? `</${tag.name}> closes <${top}>` : `</${tag.name}> closes nothing`);
      }
      if (tag.name === 'data' && openEdge && dataKey !== undefined && dataKey === weightKey) {
        openEdge.w = weightOf(unescapeXml(text.slice(dataStart, tag.start)), dataStart);
      }
      if (tag.name === 'edge' && openEdge) {
        edges.push(openEdge.a, openEdge.b, openEdge.w);
        openEdge = undefined;
      }
      continue;
    }
    const where = () => locate(text, tag.start);
    switch (tag.name) {
      case 'graph':
        sawGraph = true;
        break;
      case 'key':
        if (tag.attrs.get('attr.name') === 'weight' && (tag.attrs.get('for') ?? 'edge') === 'edge') weightKey = tag.attrs.get('id');
        break;
      case 'node': {
        if (stack.includes('node')) break; // nested graphs: the outer node stands
        const id = tag.attrs.get('id');
        if (id === undefined || id === '') {
          const { line, column } = where();
          fail(file, line, column, '<node> has no id');
        }
        table.get(id!);
        break;
      }
      case 'edge': {
        const s = tag.attrs.get('source');
        const t = tag.attrs.get('target');
        if (!s || !t) {
          const { line, column } = where();
          fail(file, line, column, `<edge> needs a source and a target`);
        }
        const edge = { a: table.get(s!), b: table.get(t!), w: format === 'gexf' ? weightOf(tag.attrs.get('weight'), tag.start) : 1, at: tag.start };
        if (tag.selfClosing) edges.push(edge.a, edge.b, edge.w);
        else openEdge = edge;
        break;
      }
      case 'data':
        dataKey = tag.attrs.get('key');
        dataStart = tag.end;
        break;
    }
    if (!tag.selfClosing) stack.push(tag.name);
  }
  if (stack.length > 0) {
    const { line, column } = locate(text, text.length);
    fail(file, line, column, `the file ends inside <${stack[stack.length - 1]}>`);
  }
  if (!sawGraph) fail(file, 1, 1, `no <graph> element: not a ${format === 'gexf' ? 'GEXF' : 'GraphML'} file`);
  return buildGraph(table.ids, edges.s, edges.t, edges.w, edges.count);
}

export const parseGexf = (text: string, file = 'GEXF'): Graph => xmlGraph(text, file, 'gexf');
export const parseGraphml = (text: string, file = 'GraphML'): Graph => xmlGraph(text, file, 'graphml');

