import { COVERED_MIN_SCORE, COVERED_MIN_STRONG } from '../../../src/core/check/thresholds.js';
import type { CheckSummaryView } from './use-check.js';

/** A goal as the check's summary has it: its first contributors, with the counts of all of them. */
type GoalCoverage = CheckSummaryView['goals']['items'][number];

const BAR = 300;
/** The scale runs to twice the covered mark, so "covered" sits in the middle; more is shown as full. */
const SCALE_MAX = 2 * COVERED_MIN_SCORE;
const MARK = { covered: '✓', thin: '~', missing: '✗' } as const;

/**
 * Each goal's coverage as a picture: a bar of its score against the covered mark, its
 * strong contributors against the two it needs, and each need as a chip. The verdict is
 * written as well as coloured, so that the picture reads without colour.
 */
export function CoverageChart({ goals }: { goals: readonly GoalCoverage[] }) {
  return (
    <ul className="coverage-chart" data-testid="coverage-chart">
      {goals.map((g) => {
        // Counted by the check over every contributor, not only the first few the summary carries.
        const strong = Number(g.why.facts.strongContributors ?? 0);
        const filled = Math.min(1, g.score / SCALE_MAX) * BAR;
        const mark = (COVERED_MIN_SCORE / SCALE_MAX) * BAR;
        return (
          <li key={g.goalId} className={`coverage-goal ${g.verdict}`}>
            <div className="coverage-title">
              <span className={`badge ${g.verdict}`}>
                {MARK[g.verdict]} {g.verdict}
              </span>{' '}
              {g.statement}
            </div>
            <svg viewBox={`0 0 ${BAR} 22`} preserveAspectRatio="none" className="coverage-bar" role="img" aria-label={`Score ${g.score} of the ${COVERED_MIN_SCORE} that counts as covered; ${strong} of ${COVERED_MIN_STRONG} strong contributors`}>
              <rect x={0} y={4} width={BAR} height={12} rx={3} className="track" />
              <rect x={0} y={4} width={Math.max(filled, g.score > 0 ? 3 : 0)} height={12} rx={3} className={`fill ${g.verdict}`} />
              <line x1={mark} x2={mark} y1={0} y2={20} className="covered-mark" vectorEffect="non-scaling-stroke" />
            </svg>
            <div className="coverage-facts">
              score {g.score} (covered from {COVERED_MIN_SCORE}) · {strong} strong {strong === 1 ? 'contributor' : 'contributors'} (needs {COVERED_MIN_STRONG}) · {g.contributorsTotal} in all
            </div>
            {g.needs.length > 0 && (
              <ul className="need-chips" aria-label={`Needs of ${g.statement}`}>
                {g.needs.map((n) => (
                  <li key={n.needId} className={`badge ${n.verdict}`} title={n.why.text}>
                    {MARK[n.verdict]} {n.name}
                    {n.essential ? ' (essential)' : ''}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
