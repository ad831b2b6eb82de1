import { describeCadence } from '../core/cadence.js';
import type { DueReport } from '../core/due.js';
import { formatDayOfYear, personDateTitle, type UpcomingDate } from '../core/person-dates.js';
import type { Exchange, Goal, Network, Person } from '../core/model.js';
import type { GoalDetail, NetworkDetail, PersonDetail } from '../services/details.js';
import { plural } from '../core/words.js';
import { countLine, fields, table, yesNo } from './output.js';

/* Human renderings of results; the JSON form is the result itself. */

/** `filtered`: the list was asked for with a search or a filter, so none found says nothing about the map being empty. */
export function peopleTable(people: readonly Person[], total: number, filtered = false): string {
  if (total === 0 && filtered) return 'No one matches. Without the search and filters: waggle person list';
  if (total === 0) return 'No people yet. Add the first: waggle person add "Name" --org "Where they work"\nOr load the sample map: waggle demo';
  return `${table(people, [
    { header: 'ID', value: (p) => p.id },
    { header: 'NAME', value: (p) => p.name },
    { header: 'ORGANISATION', value: (p) => p.organisation },
    { header: 'CATEGORY', value: (p) => p.category },
    { header: 'STAGE', value: (p) => p.stage },
    { header: 'STR', value: (p) => p.strength, align: 'right' },
    { header: 'IMP', value: (p) => p.importance, align: 'right' },
    { header: 'NEXT CONTACT', value: (p) => p.nextContact?.date },
  ])}\n${countLine(people.length, total, 'person').replace('persons', 'people')}`;
}

export function personText(detail: PersonDetail): string {
  const p = detail.person;
  const next = p.nextContact ? `${p.nextContact.date} (${p.nextContact.basis === 'manual' ? 'set by hand' : p.cadence ? describeCadence(p.cadence) : ''})` : 'not planned';
  const lines = [
    `${p.name}  [${p.id}]`,
    fields([
      ['Organisation', p.organisation],
      ['Role', p.role],
      ['Location', p.location],
      ['Category', p.category],
      ['Tags', p.tags.join(', ')],
      ['How we met', p.howMet],
      ['Strength', `${p.strength}/5`],
      ['Importance', `${p.importance}/5`],
      ['Know and like', yesNo(p.knowAndLike)],
      ['Can help', p.canHelp ? (p.canHelpHow ?? 'yes') : 'no'],
      ['Stage', p.stage],
      ['Cadence', p.cadence ? describeCadence(p.cadence) : 'none'],
      ['Preferred channel', p.preferredChannel],
      ['Lost-job list', p.lostJobList ? 'yes' : null],
      ['Last exchange', p.lastExchangeOn ?? 'none yet'],
      ['Next contact', next],
      ['Tie began', p.tieBeganOn],
      ['Source', p.source === 'manual' ? null : p.source],
      ...p.channels.map((c): [string, string] => [c.kind, c.label ? `${c.value} (${c.label})` : c.value]),
      ['Notes', p.notes],
    ]),
  ];
  if (detail.dates.length) lines.push('', 'Dates:', ...detail.dates.map((d) => `  ${personDateTitle(d)}: ${formatDayOfYear(d)}`));
  if (detail.goals.length) lines.push('', 'Goals:', ...detail.goals.map((g) => `  ${g.goal.statement} — relevance ${g.relevance}/5 [${g.goal.id}]`));
  if (detail.networks.length) lines.push('', 'Networks:', ...detail.networks.map((n) => `  ${n.network.name}${n.role ? ` (${n.role})` : ''} [${n.network.id}]`));
  if (detail.ties.length) lines.push('', 'Knows:', ...detail.ties.map((t) => `  ${t.person.name} — strength ${t.strength}/5 [${t.person.id}]`));
  if (detail.followUps.length) lines.push('', 'Follow-ups:', ...detail.followUps.map((f) => `  ${f.dueOn}  ${f.status.padEnd(7)} ${f.description} [${f.id}]`));
  if (detail.exchanges.length) lines.push('', `Exchanges (${detail.exchanges.length}):`, ...detail.exchanges.slice(0, 10).map(exchangeLine));
  return lines.join('\n');
}

export function exchangeLine(e: Exchange): string {
  const gave = e.gave.map((g) => g.kind).join(', ');
  const received = e.received.map((r) => r.kind).join(', ');
  const exchange = [gave && `gave ${gave}`, received && `got ${received}`].filter(Boolean).join('; ');
  return `  ${e.occurredOn}  ${e.channel.padEnd(12)} ${exchange}${e.learned ? ` — learned: ${e.learned}` : ''}`;
}

export function networksTable(networks: readonly Network[], total: number): string {
  if (total === 0) return 'No networks yet. Add one: waggle network add "Name" --kind professional-body --role member';
  return `${table(networks, [
    { header: 'ID', value: (n) => n.id },
    { header: 'NAME', value: (n) => n.name },
    { header: 'KIND', value: (n) => n.kind },
    { header: 'MY ROLE', value: (n) => n.role },
    { header: 'STR', value: (n) => n.strength, align: 'right' },
    { header: 'IMP', value: (n) => n.importance, align: 'right' },
    { header: 'H/MONTH', value: (n) => n.hoursPerMonth, align: 'right' },
  ])}\n${countLine(networks.length, total, 'network')}`;
}

export function networkText(detail: NetworkDetail): string {
  const n = detail.network;
  const lines = [
    `${n.name}  [${n.id}]`,
    fields([
      ['Kind', n.kind],
      ['My role', n.role],
      ['Strength', `${n.strength}/5`],
      ['Importance', `${n.importance}/5`],
      ['Hours a month', n.hoursPerMonth],
      ['Link', n.url],
      ['Exchanges at it', detail.exchanges],
      ['Notes', n.notes],
    ]),
  ];
  if (detail.goals.length) lines.push('', 'Serves goals:', ...detail.goals.map((g) => `  ${g.goal.statement} — relevance ${g.relevance}/5`));
  lines.push('', detail.members.length ? `People (${detail.members.length}):` : 'People: none linked yet (waggle network link NETWORK --person NAME)');
  lines.push(...detail.members.map((m) => `  ${m.name}${m.role ? ` (${m.role})` : ''} [${m.id}]`));
  return lines.join('\n');
}

export function goalsTable(goals: readonly Goal[], total: number): string {
  if (total === 0) return 'No goals yet. Strategic networking starts with one: waggle goal add "Get involved in research in my specialty"';
  return `${table(goals, [
    { header: 'ID', value: (g) => g.id },
    { header: 'GOAL', value: (g) => g.statement },
    { header: 'HORIZON', value: (g) => g.horizon },
    { header: 'TRANSITION', value: (g) => (g.transitionFrom || g.transitionTo ? `${g.transitionFrom ?? '?'} → ${g.transitionTo ?? '?'}` : '') },
    { header: 'STATUS', value: (g) => g.status },
  ])}\n${countLine(goals.length, total, 'goal')}`;
}

export function goalText(detail: GoalDetail): string {
  const g = detail.goal;
  const lines = [
    `${g.statement}  [${g.id}]`,
    fields([
      ['Status', g.status],
      ['Horizon', g.horizon],
      ['Needs', g.needs.map((n) => (n.essential ? `${n.name} (essential)` : n.name)).join(', ')],
      ['Transition', g.transitionFrom || g.transitionTo ? `${g.transitionFrom ?? '?'} → ${g.transitionTo ?? '?'}` : null],
    ]),
    '',
    detail.people.length ? `People (${detail.people.length}):` : 'People: none linked yet (waggle goal link GOAL --person NAME --relevance 4)',
    ...detail.people.map((p) => `  ${p.name} — relevance ${p.relevance}/5, strength ${p.strength}/5 [${p.id}]`),
    '',
    detail.networks.length ? `Networks (${detail.networks.length}):` : 'Networks: none linked yet',
    ...detail.networks.map((n) => `  ${n.name} — relevance ${n.relevance}/5, ${n.hoursPerMonth} h/month [${n.id}]`),
  ];
  return lines.join('\n');
}

/** Birthdays, anniversaries and named dates coming round, as `waggle due` lists them. */
export function upcomingDatesText(dates: readonly UpcomingDate[]): string {
  return table(dates, [
    { header: 'WHEN', value: (d) => (d.daysAway === 0 ? 'today' : d.on) },
    { header: 'WHAT', value: (d) => personDateTitle(d) + (d.years !== null && d.years > 0 ? ` (${d.years})` : '') },
    { header: 'WHO', value: (d) => d.personName },
    { header: 'ID', value: (d) => d.personId },
  ]);
}

export function dueText(report: DueReport): string {
  const lines: string[] = [];
  if (report.contacts.length === 0) {
    lines.push(`Nobody is due in the next ${plural(report.withinDays, 'day')}.`);
  } else {
    lines.push(
      table(report.contacts, [
        { header: 'WHEN', value: (c) => (c.status === 'overdue' ? `${c.daysOverdue}d overdue` : c.status === 'due-today' ? 'today' : c.date) },
        { header: 'WHO', value: (c) => c.name },
        { header: 'DUE', value: (c) => c.date },
        { header: 'LAST EXCHANGE', value: (c) => c.lastExchangeOn ?? 'never' },
        { header: 'WHY', value: (c) => (c.basis === 'manual' ? 'date set by hand' : c.cadence ? describeCadence(c.cadence) : '') },
        { header: 'ID', value: (c) => c.personId },
      ]),
    );
  }
  if (report.followUps.length > 0) {
    lines.push('', 'Follow-ups:');
    lines.push(
      table(report.followUps, [
        { header: 'WHEN', value: (f) => (f.status === 'overdue' ? `${f.daysOverdue}d overdue` : f.status === 'due-today' ? 'today' : f.followUp.dueOn) },
        { header: 'WHAT', value: (f) => f.followUp.description },
        { header: 'WHO', value: (f) => f.personName },
        { header: 'ID', value: (f) => f.followUp.id },
      ]),
    );
  }
  if (report.laterFollowUps > 0) lines.push('', `${report.laterFollowUps} more follow-up(s) due later: waggle follow-up list`);
  return lines.join('\n');
}
