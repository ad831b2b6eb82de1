/** One group of a map's colour legend: a button that hides or shows the group, its swatch (square for networks) and its count. */
export function LegendGroup({ label, colour, count, square, shown, onToggle }: { label: string; colour: string; count: number; square: boolean; shown: boolean; onToggle: () => void }) {
  return (
    <li>
      <button type="button" className="legend-item" aria-pressed={shown} onClick={onToggle}>
        <span className={`swatch${square ? ' square' : ''}`} style={{ background: colour }} /> {label}
      </button>{' '}
      <span className="count">{count}</span>
    </li>
  );
}

/** The set with the group taken out if it was in, put in if it was not. */
export function toggled(set: ReadonlySet<string>, group: string): Set<string> {
  const next = new Set(set);
  if (!next.delete(group)) next.add(group);
  return next;
}
