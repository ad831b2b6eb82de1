import { buildGraph, type Graph } from '../../core/graph/index.js';
import { checkWeight, EdgeBuffer, fail, IdTable } from './edges.js';

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

