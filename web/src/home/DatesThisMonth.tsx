import { Link } from 'react-router-dom';
import { personDateTitle, type UpcomingDate } from '../../../src/core/person-dates.js';
import { useDatesThisMonth } from '../data/due.js';
import { queryError } from '../data/query-state.js';
import { dayOfYearWritten } from '../dates.js';

/** "turns 42" on a birthday, "12 years" on another date, when the year it began is known. */
function yearsWritten(date: UpcomingDate): string | null {
  if (date.years === null || date.years === 0) return null;
  return date.kind === 'birthday' ? `turns ${date.years}` : `${date.years} ${date.years === 1 ? 'year' : 'years'}`;
}

/** This month's card of birthdays, anniversaries and named dates still to come, each with its person. */
export function DatesThisMonth() {
  const dates = useDatesThisMonth();
  const error = queryError(dates);
  return (
    <article className="card" aria-labelledby="dates-month-h">
      <h2 id="dates-month-h">Dates this month</h2>
      {error && <p role="alert">{error}</p>}
      {dates.data && dates.data.dates.length === 0 && <p>No birthdays or other dates still to come this month.</p>}
      <ul className="list" data-testid="dates-this-month">
        {dates.data?.dates.map((d) => {
          const years = yearsWritten(d);
          return (
            <li key={`${d.personId}-${d.kind}-${d.label ?? ''}-${d.on}`}>
              <Link to={`/people/${encodeURIComponent(d.personId)}`}>{d.personName}</Link> {personDateTitle(d)}
              {years && `, ${years}`}{' '}
              <span className="soon">{d.daysAway === 0 ? 'today' : dayOfYearWritten(Number(d.on.slice(5, 7)), Number(d.on.slice(8, 10)))}</span>
            </li>
          );
        })}
      </ul>
    </article>
  );
}
