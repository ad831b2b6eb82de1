/**
 * Normalised mutual information between two partitions of the same nodes (labels
 * as non-negative integers), with the arithmetic-mean normalisation that networkx
 * and scikit-learn use by default: NMI = I(A;B) / ((H(A) + H(B)) / 2). 1 when the
 * partitions are the same up to renaming, near 0 when they are independent. Two
 * trivial partitions (everything in one group) count as identical (1).
 */
export function normalisedMutualInformation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  if (n !== b.length) throw new RangeError(`the partitions cover ${n} and ${b.length} nodes`);
  if (n === 0) return 1;
  const countA = new Map<number, number>();
  const countB = new Map<number, number>();
  const joint = new Map<number, number>();
  let sizeB = 0;
  for (let i = 0; i < n; i++) sizeB = Math.max(sizeB, b[i]! + 1);
  for (let i = 0; i < n; i++) {
    countA.set(a[i]!, (countA.get(a[i]!) ?? 0) + 1);
    countB.set(b[i]!, (countB.get(b[i]!) ?? 0) + 1);
    const key = a[i]! * sizeB + b[i]!;
    joint.set(key, (joint.get(key) ?? 0) + 1);
  }
  const entropy = (counts: Map<number, number>) => {
    let h = 0;
    for (const c of counts.values()) h -= (c / n) * Math.log(c / n);
    return h;
  };
  const hA = entropy(countA);
  const hB = entropy(countB);
  if (hA === 0 && hB === 0) return 1;
  let mutual = 0;
  for (const [key, c] of joint) {
    const pa = countA.get(Math.floor(key / sizeB))! / n;
    const pb = countB.get(key % sizeB)! / n;
    mutual += (c / n) * Math.log(c / n / (pa * pb));
  }
  return Math.max(0, Math.min(1, mutual / ((hA + hB) / 2)));
}
