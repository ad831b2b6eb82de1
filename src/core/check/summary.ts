/**
 * The check's summary: counts and a few plain headlines, most useful first, for
 * the top of the page and the command line.
 */
import { hoursText } from './suggest.js';
import type { CheckIndex } from './snapshot-index.js';
import type { CheckReport, CheckSummary } from './types.js';
import { isAre, plural } from '../words.js';

const MAX_HEADLINES = 6;

/** Counts and headlines from a finished report. */
export function summarise(index: CheckIndex, report: Omit<CheckReport, 'summary'>): CheckSummary {
  const { snapshot } = index;
  const headlines: string[] = [];
  if (snapshot.people.length === 0 && snapshot.networks.length === 0) {
    headlines.push('Your map is empty: add the people and networks you already know, starting with those you know and like.');
  }
  if (report.goals.message) headlines.push(report.goals.message);

  const start = report.startHere.items.slice(0, 3).map((f) => f.name);
  if (start.length > 0) headlines.push(`Start with ${listOf(start)}: you know and like them, and they can help.`);

  const overdue = report.neglect.overdue;
  if (overdue.length > 0) {
    const first = overdue[0];
    headlines.push(`${plural(overdue.length, 'contact')} ${isAre(overdue.length)} overdue${first ? `; the longest waiting is ${first.name}` : ''}.`);
  }
  for (const goal of report.goals.items) {
    if (goal.verdict !== 'covered') headlines.push(`"${goal.statement}" is ${goal.verdict === 'missing' ? 'not served by anyone yet' : 'thinly covered'}. ${goal.next}`);
  }
  const over = report.quadrants.totals.overInvested.hoursPerMonth;
  if (over > 0) headlines.push(`${hoursText(over)} ${over === 1 ? 'goes' : 'go'} to over-invested networks: time you could give to your goals.`);
  const oneWay = report.reciprocity.oneWay.length;
  if (oneWay > 0) headlines.push(`${plural(oneWay, 'tie')} ${isAre(oneWay)} one-way: see reciprocity.`);
  const gaps = report.diversity.gaps.length;
  if (gaps > 0 && snapshot.people.length > 0) {
    headlines.push(`Your map has no ${listOf(report.diversity.gaps.map((g) => report.diversity.counts.find((c) => c.category === g.category)?.label ?? g.category))}.`);
  }
  if (report.transition.status === 'goal-not-found' && !report.goals.message) headlines.push(report.transition.message ?? '');

  return {
    today: snapshot.today,
    focusGoalId: index.requestedGoalId,
    people: snapshot.people.length,
    networks: snapshot.networks.length,
    activeGoals: snapshot.goals.filter((g) => g.status === 'active').length,
    headlines: headlines.filter((h) => h !== '').slice(0, MAX_HEADLINES),
  };
}

function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
