/**
 * Where the map's names go: most important first, each beside its node (right, else
 * left), never over another name and never past the edge of the view. A name that
 * cannot be placed is left out rather than drawn over another: hovering still names it.
 */

export interface LabelCandidate {
  key: string;
  text: string;
  /** The node's centre and radius, in pixels of the view. */
  x: number;
  y: number;
  radius: number;
  /** Higher is placed first (importance, size). */
  priority: number;
  /** Placed before any other (the node hovered, the names found). */
  forced?: boolean;
  /** The text's width in pixels at the label font; when absent, `measure` is asked as the name is tried. */
  width?: number;
}

export interface LabelBox {
  key: string;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  side: 'right' | 'left';
}

const GAP = 3;
const CELL = 64;

/**
 * `reserved`: boxes already drawn (the rings' names) that no name may cover. `measure` gives a
 * name's width only when it is tried: of 5,000 names about a hundred fit, and measuring every
 * one first cost the map's first labelled frame most of its time.
 */
export function placeLabels(candidates: readonly LabelCandidate[], view: { width: number; height: number }, lineHeight: number, max = 600, reserved: readonly LabelBox[] = [], measure: (text: string) => number = () => 0): LabelBox[] {
  // Keys compared by code unit, not by locale: they only break ties, and the locale's rules cost thousands of calls.
  const order = [...candidates].sort((a, b) => Number(b.forced ?? false) - Number(a.forced ?? false) || b.priority - a.priority || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const placed: LabelBox[] = [];
  // A grid of cells, each listing the boxes that touch it: a new box is tested against its neighbours only.
  const grid = new Map<number, LabelBox[]>();
  const cellsOf = (b: LabelBox) => {
    const cells: number[] = [];
    for (let cx = Math.floor(b.x / CELL); cx <= Math.floor((b.x + b.width) / CELL); cx++) for (let cy = Math.floor(b.y / CELL); cy <= Math.floor((b.y + b.height) / CELL); cy++) cells.push(cx * 100_003 + cy);
    return cells;
  };
  const reserve = (box: LabelBox) => {
    for (const cell of cellsOf(box)) {
      const list = grid.get(cell);
      if (list) list.push(box);
      else grid.set(cell, [box]);
    }
  };
  for (const box of reserved) reserve(box);
  const fits = (b: LabelBox) => b.x >= 0 && b.y >= 0 && b.x + b.width <= view.width && b.y + b.height <= view.height && !cellsOf(b).some((c) => grid.get(c)?.some((o) => overlaps(o, b)));
  for (const c of order) {
    if (placed.length >= max) break;
    if (c.x < -c.radius || c.y < -c.radius || c.x > view.width + c.radius || c.y > view.height + c.radius) continue;
    const y = c.y - lineHeight / 2;
    const width = c.width ?? measure(c.text);
    const right: LabelBox = { key: c.key, text: c.text, x: c.x + c.radius + GAP, y, width, height: lineHeight, side: 'right' };
    const left: LabelBox = { ...right, x: c.x - c.radius - GAP - width, side: 'left' };
    const box = fits(right) ? right : fits(left) ? left : null;
    if (!box) continue;
    placed.push(box);
    reserve(box);
  }
  return placed;
}

/** Two boxes overlap when they share any area (touching edges is fine). */
export function overlaps(a: Pick<LabelBox, 'x' | 'y' | 'width' | 'height'>, b: Pick<LabelBox, 'x' | 'y' | 'width' | 'height'>): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
