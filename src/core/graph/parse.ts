import { ValidationError } from '../errors.js';
import { buildGraph, type Graph } from './csr.js';

/**
 * Reading graphs: CSV/TSV edge lists (source,target[,weight]), GEXF and GraphML.
 * Pure (text in, Graph out). A bad file is refused with a ValidationError whose
 * field names the file, line and column.
 */

export type GraphFormat = 'edgelist' | 'gexf' | 'graphml';

/** Ids are mapped to integers once: pure digits through a dense table, anything else through a Map. */
class IdTable {
  readonly ids: string[] = [];
  private dense = new Int32Array(1024).fill(-1);
  private readonly named = new Map<string, number>();
  private static readonly DENSE_LIMIT = 1 << 22;

  /** Index of a canonical non-negative integer id (no leading zeros). */
  numeric(value: number, text: () => string): number {
    if (value >= IdTable.DENSE_LIMIT) return this.named.has(text()) ? this.named.get(text())! : this.add(text());
    if (value >= this.dense.length) {
      let size = this.dense.length;
      while (size <= value) size *= 2;
      const next = new Int32Array(size).fill(-1);
      next.set(this.dense);
      this.dense = next;
    }
    const at = this.dense[value]!;
    if (at >= 0) return at;
    const i = this.ids.length;
    this.ids.push(text());
    this.dense[value] = i;
    return i;
  }

  get(id: string): number {
    if (/^(0|[1-9][0-9]{0,8})$/.test(id)) return this.numeric(Number(id), () => id);
    const at = this.named.get(id);
    return at !== undefined ? at : this.add(id);
  }

  private add(id: string): number {
    const i = this.ids.length;
    this.ids.push(id);
    this.named.set(id, i);
    return i;
  }
}

class EdgeBuffer {
  s = new Int32Array(1024);
  t = new Int32Array(1024);
  w = new Float64Array(1024);
  count = 0;
  constructor(expected = 1024) {
    this.grow(Math.max(1024, expected));
  }
  private grow(size: number): void {
    const s = new Int32Array(size);
    s.set(this.s.subarray(0, this.count));
    const t = new Int32Array(size);
    t.set(this.t.subarray(0, this.count));
    const w = new Float64Array(size);
    w.set(this.w.subarray(0, this.count));
    this.s = s;
    this.t = t;
    this.w = w;
  }
  push(a: number, b: number, weight: number): void {
    if (this.count === this.s.length) this.grow(this.count * 2);
    this.s[this.count] = a;
    this.t[this.count] = b;
    this.w[this.count] = weight;
    this.count++;
  }
}

const fail = (file: string, line: number, column: number, reason: string): never => {
  throw new ValidationError(`${file}: line ${line}, column ${column}`, reason);
};

function checkWeight(file: string, line: number, column: number, text: string): number {
  const w = Number(text);
  if (text.trim() === '' || !Number.isFinite(w)) fail(file, line, column, `the weight "${text}" is not a number`);
  if (w <= 0) fail(file, line, column, `the weight ${text} must be greater than 0`);
  return w;
}

const HEADER_WORDS = new Set(['source', 'target', 'from', 'to', 'src', 'dst', 'node1', 'node2', 'u', 'v', 'weight', 'id1', 'id2']);

/**
 * A CSV or TSV edge list: `source,target[,weight]` per line (tab, comma or semicolon,
 * judged from the first data line), `#` comment lines and blank lines skipped, an
 * optional header line (source,target,weight or the like), double-quoted fields
 * allowed. Ties without a weight weigh 1.
 */
export function parseEdgeList(text: string, file = 'edge list'): Graph {
  const len = text.length;
  const table = new IdTable();
  const edges = new EdgeBuffer(Math.ceil(len / 16));
  let pos = 0;
  let line = 0;
  let delimiter = -1;
  let headerChecked = false;
  if (text.charCodeAt(0) === 0xfeff) pos = 1;
  // Field scratch, reused: start/end of each field and whether it was quoted.
  const fields: string[] = [];
  const fieldCols: number[] = [];
  while (pos < len) {
    line++;
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = len;
    let end = eol;
    if (end > pos && text.charCodeAt(end - 1) === 13) end--;
    const lineStart = pos;
    pos = eol + 1;
    if (end === lineStart || text.charCodeAt(lineStart) === 35 /* # */) continue;
    if (delimiter < 0) {
      const first = text.slice(lineStart, end);
      delimiter = first.includes('\t') ? 9 : first.includes(',') ? 44 : first.includes(';') ? 59 : 32;
    }
    // Fast path: unquoted fields of digits (the common machine-made file).
    let p = lineStart;
    let simple = text.charCodeAt(p) !== 34;
    let a = -1;
    let b = -1;
    let w = 1;
    if (simple && headerChecked) {
      let value = 0;
      let c = text.charCodeAt(p);
      const aStart = p;
      while (c >= 48 && c <= 57 && p < end) {
        value = value * 10 + (c - 48);
        c = text.charCodeAt(++p);
      }
      if (p > aStart && p - aStart < 9 && p < end && c === delimiter && !(text.charCodeAt(aStart) === 48 && p - aStart > 1)) {
        a = table.numeric(value, () => text.slice(aStart, p));
        p++;
        const bStart = p;
        value = 0;
        c = text.charCodeAt(p);
        while (c >= 48 && c <= 57 && p < end) {
          value = value * 10 + (c - 48);
          c = text.charCodeAt(++p);
        }
        if (p > bStart && p - bStart < 9 && (p === end || c === delimiter) && !(text.charCodeAt(bStart) === 48 && p - bStart > 1)) {
          const bEnd = p;
          b = table.numeric(value, () => text.slice(bStart, bEnd));
          if (p < end) {
            p++;
            const wStart = p;
            let iw = 0;
            c = text.charCodeAt(p);
            while (c >= 48 && c <= 57 && p < end) {
              iw = iw * 10 + (c - 48);
              c = text.charCodeAt(++p);
            }
            if (p > wStart && (p === end || c === delimiter) && iw > 0 && p - wStart < 15) w = iw;
            else {
              let wEnd = text.indexOf(String.fromCharCode(delimiter), wStart);
              if (wEnd < 0 || wEnd > end) wEnd = end;
              w = checkWeight(file, line, wStart - lineStart + 1, text.slice(wStart, wEnd).trim());
            }
          }
          edges.push(a, b, w);
          continue;
        }
      }
      simple = false;
    }
    // General path: split with quotes.
    fields.length = 0;
    fieldCols.length = 0;
    p = lineStart;
    while (p <= end) {
      fieldCols.push(p - lineStart + 1);
      if (text.charCodeAt(p) === 34) {
        let value = '';
        let q = p + 1;
        for (;;) {
          const close = text.indexOf('"', q);
          if (close < 0 || close >= end) fail(file, line, p - lineStart + 1, 'a quoted field is not closed on its line');
          value += text.slice(q, close);
          if (text.charCodeAt(close + 1) === 34) {
            value += '"';
            q = close + 2;
            continue;
          }
          q = close + 1;
          break;
        }
        if (q < end && text.charCodeAt(q) !== delimiter) fail(file, line, q - lineStart + 1, 'unexpected text after a quoted field');
        fields.push(value);
        p = q + 1;
      } else {
        let next = p;
        while (next < end && text.charCodeAt(next) !== delimiter) next++;
        fields.push(delimiter === 32 ? text.slice(p, next) : text.slice(p, next).trim());
        p = next + 1;
        if (delimiter === 32) while (p < end && text.charCodeAt(p) === 32) p++;
      }
    }
    if (!headerChecked) {
      headerChecked = true;
      const f0 = (fields[0] ?? '').toLowerCase();
      const f1 = (fields[1] ?? '').toLowerCase();
      if (HEADER_WORDS.has(f0) && HEADER_WORDS.has(f1)) continue;
    }
    const src = fields[0] ?? '';
    const dst = fields[1];
    if (src === '') fail(file, line, 1, 'the source is empty');
    if (dst === undefined) fail(file, line, end - lineStart + 1, `expected source${delimiter === 9 ? '<TAB>' : String.fromCharCode(delimiter)}target[,weight]; the target is missing`);
    if (dst === '') fail(file, line, fieldCols[1]!, 'the target is empty');
    const weightText = fields[2];
    w = weightText === undefined || weightText === '' ? 1 : checkWeight(file, line, fieldCols[2]!, weightText);
    edges.push(table.get(src), table.get(dst!), w);
  }
  return buildGraph(table.ids, edges.s, edges.t, edges.w, edges.count);
}

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
