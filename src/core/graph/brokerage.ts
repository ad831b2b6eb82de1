import type { Graph } from './csr.js';

export interface Brokerage {
  /** Burt's constraint (weighted), as networkx: Σ_j (p_ij + Σ_q p_iq p_qj)², p_ij = w_ij / strength_i. */
  readonly constraint: Float64Array;
  /** Burt's effective size (weighted), as networkx: Σ_j (1 − Σ_q p_iq m_jq), m_jq = w_jq / max_k w_jk. */
  readonly effectiveSize: Float64Array;
}

/**
 * Burt's constraint and effective size over the CSR in one sweep, with a dense
 * scratch array marking the current node's neighbours. Cost Σ_v Σ_{w∈N(v)} deg(w).
 * An isolated node has nothing constraining it and no contacts: both are 0 there
 * (networkx answers NaN; we never do).
 */
export function brokerage(graph: Graph, want: { constraint?: boolean; effectiveSize?: boolean } = {}): Brokerage {
  const { n, offsets, targets, weights } = graph;
  const doC = want.constraint ?? true;
  const doE = want.effectiveSize ?? true;
  const invStrength = new Float64Array(n);
  const invMax = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let s = 0;
    let mx = 0;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
      const w = weights[p]!;
      s += w;
      if (w > mx) mx = w;
    }
    invStrength[v] = s > 0 ? 1 / s : 0;
    invMax[v] = mx > 0 ? 1 / mx : 0;
  }
  // pn[p] = p_{v,targets[p]}: the weight of entry p normalised by its row's strength.
  const pn = new Float64Array(targets.length);
  for (let v = 0; v < n; v++) {
    const inv = invStrength[v]!;
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) pn[p] = weights[p]! * inv;
  }
  const mark = new Int32Array(n).fill(-1);
  const pv = new Float64Array(n);
  const acc = new Float64Array(n);
  const constraint = new Float64Array(doC ? n : 0);
  const effectiveSize = new Float64Array(doE ? n : 0);
  for (let v = 0; v < n; v++) {
    const start = offsets[v]!;
    const end = offsets[v + 1]!;
    if (start === end) continue;
    for (let p = start; p < end; p++) {
      const u = targets[p]!;
      mark[u] = v;
      pv[u] = pn[p]!;
      acc[u] = 0;
    }
    let eff = 0;
    for (let p = start; p < end; p++) {
      const w = targets[p]!;
      const pvw = pn[p]!;
      let redundancy = 0;
      for (let q = offsets[w]!; q < offsets[w + 1]!; q++) {
        const x = targets[q]!;
        if (mark[x] === v) {
          // x is a contact of v reached through contact w.
          if (doC) acc[x] = acc[x]! + pvw * pn[q]!;
          if (doE) redundancy += pv[x]! * weights[q]!;
        }
      }
      if (doE) eff += 1 - redundancy * invMax[w]!;
    }
    if (doE) effectiveSize[v] = eff;
    if (doC) {
      let c = 0;
      for (let p = start; p < end; p++) {
        const u = targets[p]!;
        const t = pv[u]! + acc[u]!;
        c += t * t;
      }
      constraint[v] = c;
    }
  }
  return { constraint, effectiveSize };
}
