import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Schema } from '../api/shapes.js';
import { quadrantDots, type Dot, type QuadrantKey, type QuadrantLists } from './quadrant-dots.js';

/** Each quadrant's counts and hours, over all its items (not only those drawn). */
export type QuadrantTotals = Schema<'CheckSummaryView'>['quadrants']['totals'];
const NONE = { items: 0, people: 0, networks: 0, hoursPerMonth: 0 };
/** A quadrant's totals; the document cannot say that every quadrant is there, though the check always gives all four. */
export const totalOf = (totals: QuadrantTotals, q: QuadrantKey) => totals[q] ?? NONE;

const SIZE = 520;
const PAD = 36;
const COLOURS: Record<QuadrantKey, string> = { maintain: '#1f6f43', strengthen: '#0b5cad', overInvested: '#a4262c', letBe: '#6b6b75' };
const LABELS: [QuadrantKey, string, number, number][] = [
  ['strengthen', 'Strengthen', 0, 0],
  ['maintain', 'Maintain', 1, 0],
  ['letBe', 'Let be', 0, 1],
  ['overInvested', 'Over-invested', 1, 1],
];

/**
 * Strength × importance, one dot per person (circle) or network (square). A dot opens
 * its page; the lists below the chart carry the same items for keyboard and screen readers.
 */
export function QuadrantChart({ quadrants, totals }: { quadrants: QuadrantLists; totals: QuadrantTotals }) {
  const navigate = useNavigate();
  const dots = useMemo(() => quadrantDots(quadrants), [quadrants]);
  const [pointed, setPointed] = useState<Dot | null>(null);
  const inner = SIZE - 2 * PAD;
  const at = (d: Dot) => ({ cx: PAD + d.x * inner, cy: PAD + (1 - d.y) * inner });
  const open = (d: Dot) => void navigate(d.kind === 'person' ? `/people/${d.id}` : `/networks/${d.id}`);
  const total = (q: QuadrantKey) => totalOf(totals, q);
  return (
    <figure className="quadrant-chart">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={`Strength across, importance up: ${LABELS.map(([q, label]) => `${label} ${total(q).items}`).join(', ')}`} data-testid="quadrant-chart">
        {LABELS.map(([q, label, col, row]) => (
          <g key={q}>
            <rect x={PAD + (col * inner) / 2} y={PAD + (row * inner) / 2} width={inner / 2} height={inner / 2} fill={COLOURS[q]} fillOpacity={0.06} stroke="#c8c8d0" />
            {/* Labels sit on the outer edge of each panel, away from the crowded middle. */}
            <text x={PAD + (col * inner) / 2 + 8} y={row === 0 ? PAD + 18 : PAD + inner - 8} className="quadrant-label" fill={COLOURS[q]}>
              {label} · {total(q).items}
              {total(q).hoursPerMonth > 0 ? ` · ${total(q).hoursPerMonth} h/month` : ''}
            </text>
          </g>
        ))}
        <text x={SIZE / 2} y={SIZE - 8} textAnchor="middle" className="axis">
          strength of the tie →
        </text>
        <text x={12} y={SIZE / 2} textAnchor="middle" className="axis" transform={`rotate(-90 12 ${SIZE / 2})`}>
          importance to my goals →
        </text>
        {dots.map((d) => {
          const { cx, cy } = at(d);
          const common = {
            fill: COLOURS[d.quadrant],
            fillOpacity: 0.8,
            className: 'dot',
            onClick: () => open(d),
            onMouseEnter: () => setPointed(d),
            onMouseLeave: () => setPointed(null),
          };
          return d.kind === 'person' ? (
            <circle key={d.key} cx={cx} cy={cy} r={5} {...common} data-id={d.id}>
              <title>{d.name}</title>
            </circle>
          ) : (
            <rect key={d.key} x={cx - 5} y={cy - 5} width={10} height={10} {...common} data-id={d.id}>
              <title>{d.name} (network)</title>
            </rect>
          );
        })}
      </svg>
      <figcaption aria-live="polite">
        {pointed ? `${pointed.name}: ${pointed.quadrant === 'overInvested' ? 'over-invested' : pointed.quadrant === 'letBe' ? 'let be' : pointed.quadrant}. Click to open.` : 'Circles are people, squares networks. Up is importance or relevance to a goal, whichever says more.'}
      </figcaption>
    </figure>
  );
}
