/**
 * The map's colours. People (by category) and networks (by kind) have a palette each,
 * so that no colour means two things in one legend; both are published colour-blind
 * safe sets: Paul Tol's "muted" for people, Okabe and Ito's for networks. Grey is kept
 * for "uncategorised", "other" and groups beyond a palette's length.
 */

/** Paul Tol, "muted" qualitative scheme (personal.sron.nl/~pault), for people's categories. */
export const PEOPLE_PALETTE = ['#332288', '#88CCEE', '#44AA99', '#117733', '#999933', '#DDCC77', '#CC6677', '#882255', '#AA4499'] as const;
/** Okabe & Ito, "Color Universal Design" (2008), for networks' kinds; yellow last, as it is faintest on white. */
export const NETWORK_PALETTE = ['#E69F00', '#56B4E9', '#009E73', '#0072B2', '#D55E00', '#CC79A7', '#000000', '#F0E442'] as const;
/** For a grouping that is neither (goal, need, cluster): Okabe & Ito again, one dimension at a time. */
export const GROUP_PALETTE = NETWORK_PALETTE;
/** Light grey: the one grey that stays apart from both palettes for every kind of colour vision (tested). */
export const GREY = '#CCCCCC';
export const ME_COLOUR = '#1d1d1f';

/** Groups given their palette's colours in order; what is grey by nature, or beyond the palette, is grey. */
export function assignColours(groups: readonly string[], palette: readonly string[], greyGroups: ReadonlySet<string> = new Set()): Map<string, string> {
  const colours = new Map<string, string>();
  let next = 0;
  for (const g of groups) {
    if (greyGroups.has(g) || next >= palette.length) colours.set(g, GREY);
    else colours.set(g, palette[next++]!);
  }
  return colours;
}

// ------------------------------------------------------------ colour vision, for tests and the legend

type Rgb = [number, number, number];

function hexToRgb(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
const toLinear = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};

/** Machado, Oliveira & Fernandes (2009), severity 1: how the colours look with each kind of colour blindness. */
const DEFICIENCIES: Record<'protanopia' | 'deuteranopia' | 'tritanopia', number[]> = {
  protanopia: [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998],
  deuteranopia: [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881],
  tritanopia: [1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.3039],
};
export type Vision = 'normal' | keyof typeof DEFICIENCIES;
export const VISIONS: readonly Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];

function linearAs(hex: string, vision: Vision): Rgb {
  const lin = hexToRgb(hex).map(toLinear) as Rgb;
  if (vision === 'normal') return lin;
  const m = DEFICIENCIES[vision];
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  return [clamp(m[0]! * lin[0] + m[1]! * lin[1] + m[2]! * lin[2]), clamp(m[3]! * lin[0] + m[4]! * lin[1] + m[5]! * lin[2]), clamp(m[6]! * lin[0] + m[7]! * lin[1] + m[8]! * lin[2])];
}

function lab([r, g, b]: Rgb): Rgb {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 colour difference (ΔE*ab) between two colours as seen with the given vision. */
export function colourDistance(a: string, b: string, vision: Vision = 'normal'): number {
  const [l1, a1, b1] = lab(linearAs(a, vision));
  const [l2, a2, b2] = lab(linearAs(b, vision));
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

/** The closest pair in a palette, over every kind of vision. */
export function closestPair(palette: readonly string[]): { a: string; b: string; vision: Vision; distance: number } {
  let best = { a: '', b: '', vision: 'normal' as Vision, distance: Infinity };
  for (const vision of VISIONS)
    for (let i = 0; i < palette.length; i++)
      for (let j = i + 1; j < palette.length; j++) {
        const distance = colourDistance(palette[i]!, palette[j]!, vision);
        if (distance < best.distance) best = { a: palette[i]!, b: palette[j]!, vision, distance };
      }
  return best;
}
