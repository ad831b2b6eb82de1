/**
 * What every graph reader builds with: node ids mapped to integers once, edges in
 * typed arrays, and the one way a bad file is refused (a ValidationError whose field
 * names the file, line and column).
 */
import { ValidationError } from '../../core/errors.js';

/** Ids are mapped to integers once: pure digits through a dense table, anything else through a Map. */
export class IdTable {
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

export class EdgeBuffer {
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

export const fail = (file: string, line: number, column: number, reason: string): never => {
  throw new ValidationError(`${file}: line ${line}, column ${column}`, reason);
};

export function checkWeight(file: string, line: number, column: number, text: string): number {
  const w = Number(text);
  if (text.trim() === '' || !Number.isFinite(w)) fail(file, line, column, `the weight "${text}" is not a number`);
  if (w <= 0) fail(file, line, column, `the weight ${text} must be greater than 0`);
  return w;
}

