/**
 * The check's summary: counts and a few things to do now, most useful first, each a
 * plain sentence with one action, for the top of the page and the command line.
 */
import { listView } from './decided-list.js';
import { hoursText } from './suggest.js';
import type { CheckIndex } from './snapshot-index.js';
import type { CheckReport, CheckSummary, Finding, SummaryCard } from './types.js';
import { isAre, plural } from '../words.js';

const MAX_CARDS = 6;

function open(item: Finding): Pick<SummaryCard, 'action' | 'target'> {
  return { action: `Open ${item.name}`, target: { kind: item.kind, id: item.id, name: item.name } };
}

/** Counts and cards (with their sentences as headlines) from a finished report. */
export function summarise(index: CheckIndex, report: Omit<CheckReport, 'summary' | 'map'>): CheckSummary {
  const { snapshot } = index;
  const cards: SummaryCard[] = [];
  if (snapshot.people.length === 0 && snapshot.networks.length === 0) {
    cards.push({
      code: 'empty-map',
      text: 'Your map is empty: add the people and networks you already know, starting with those you know and like.',
      action: 'Add a person',
      target: { kind: 'start', what: 'add-person' },
    });
  }
  if (report.goals.message) {
    const noGoals = report.goals.status === 'no-goals';
    cards.push({ code: noGoals ? 'no-goals' : 'goal-not-found', text: report.goals.message, action: noGoals ? 'Add a goal' : 'Check all goals', target: { kind: 'start', what: noGoals ? 'add-goal' : 'whole-check' } });
  }

  // Read through the lists' views: a summary writes out only the findings it names (decided-list.ts).
  const start = listView(report.startHere, 'items').slice(0, 3);
  if (start[0]) cards.push({ code: 'start-here', text: `Start with ${listOf(start.map((f) => f.name))}: you know and like them, and they can help.`, ...open(start[0]) });

  const overdue = listView(report.neglect, 'overdue');
  const longest = overdue.slice(0, 1)[0];
  if (longest) {
    cards.push({ code: 'overdue', text: `${plural(overdue.total, 'contact')} ${isAre(overdue.total)} overdue; the longest waiting is ${longest.name}.`, ...open(longest) });
  }
  for (const goal of report.goals.items) {
    if (goal.verdict === 'covered') continue;
    cards.push({
      code: `goal-${goal.verdict}`,
      text: `"${goal.statement}" is ${goal.verdict === 'missing' ? 'not served by anyone yet' : 'thinly covered'}. ${goal.next}`,
      action: 'See what it lacks',
      target: { kind: 'section', section: 'goals' },
    });
  }
  const over = report.quadrants.totals.overInvested.hoursPerMonth;
  if (over > 0) {
    cards.push({ code: 'over-invested', text: `${hoursText(over)} ${over === 1 ? 'goes' : 'go'} to over-invested networks: time you could give to your goals.`, action: 'See where the time goes', target: { kind: 'section', section: 'quadrants' } });
  }
  const oneWay = listView(report.reciprocity, 'oneWay').total;
  if (oneWay > 0) cards.push({ code: 'one-way', text: `${plural(oneWay, 'tie')} ${isAre(oneWay)} one-way.`, action: 'See give and take', target: { kind: 'section', section: 'reciprocity' } });
  const gaps = report.diversity.gaps.length;
  if (gaps > 0 && snapshot.people.length > 0) {
    cards.push({
      code: 'diversity-gaps',
      text: `Your map has no ${listOf(report.diversity.gaps.map((g) => report.diversity.counts.find((c) => c.category === g.category)?.label ?? g.category))}.`,
      action: 'See the checklist',
      target: { kind: 'section', section: 'diversity' },
    });
  }
  if (report.transition.status === 'goal-not-found' && !report.goals.message && report.transition.message) {
    cards.push({ code: 'goal-not-found', text: report.transition.message, action: 'Check all goals', target: { kind: 'start', what: 'whole-check' } });
  }

  const shown = cards.slice(0, MAX_CARDS);
  return {
    today: snapshot.today,
    focusGoalId: index.requestedGoalId,
    people: snapshot.people.length,
    networks: snapshot.networks.length,
    activeGoals: snapshot.goals.filter((g) => g.status === 'active').length,
    headlines: shown.map((c) => c.text),
    cards: shown,
  };
}

function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
