import type { CheckReport, CheckSection, Finding, Gap, GoalCoverage, SummaryCard } from '../core/check/index.js';
import { plural } from '../core/words.js';

/* The network check as a report a coach would read aloud: headlines first, then
 * each part with its findings, each finding with why and what to do next. Long
 * lists are cut; --json has everything. */

const SHOWN = 5;

export function checkText(report: CheckReport): string {
  const out: string[] = [];
  const s = report.summary;
  out.push(`Network check, ${s.today}: ${plural(s.people, 'person', 'people')}, ${plural(s.networks, 'network')}, ${plural(s.activeGoals, 'active goal')}${s.focusGoalId ? ` (focused on ${s.focusGoalId})` : ''}`);
  // The first screen: the same cards as the top of the web page, each with its one action.
  if (s.cards.length) out.push('', 'Do now:', ...s.cards.flatMap((c) => [`• ${c.text}`, `  → ${c.action}: ${cardCommand(c)}`]));
  if (s.people === 0 && s.networks === 0) out.push('• To see what a full check looks like, load the sample map into a spare data folder: waggle --data /tmp/waggle-demo demo');

  section(out, 'Strength × importance');
  const q = report.quadrants;
  for (const [name, label] of [
    ['maintain', 'Maintain (strong, important)'],
    ['strengthen', 'Strengthen (weak, important)'],
    ['overInvested', 'Over-invested (strong or time-heavy, unimportant)'],
    ['letBe', 'Let be'],
  ] as const) {
    const t = q.totals[name];
    out.push(`${label}: ${plural(t.people, 'person', 'people')}, ${plural(t.networks, 'network')}, ${t.hoursPerMonth} h/month`);
  }
  findings(out, 'Strengthen first', q.strengthen);
  findings(out, 'Over-invested', q.overInvested);

  section(out, 'Goal coverage');
  if (report.goals.message) out.push(report.goals.message);
  for (const g of report.goals.items) {
    out.push(`${g.verdict.toUpperCase().padEnd(8)} ${g.statement}  [${g.goalId}]`);
    out.push(`         ${g.why.text}`);
    for (const line of needLines(g)) out.push(`         ${line}`);
    for (const gap of g.gaps.filter((m) => !m.code.startsWith('need-')).slice(0, 4)) out.push(`         – Missing: ${gap.why.text}`);
    for (const risk of g.risks.filter((m) => !m.code.startsWith('need-')).slice(0, 4)) out.push(`         – Risk: ${risk.why.text}`);
    out.push(`         → ${g.next}`);
  }

  section(out, 'Diversity');
  out.push(report.diversity.counts.map((c) => `${c.label} ${c.count}`).join(' · ') + ` · uncategorised ${report.diversity.uncategorised}`);
  gaps(out, report.diversity.gaps);

  section(out, 'Start here');
  if (report.startHere.message) out.push(report.startHere.message);
  findings(out, null, report.startHere.items);

  section(out, 'Reciprocity');
  const r = report.reciprocity.overall;
  out.push(`${plural(r.exchanges, 'exchange')}: gave ${r.gave}, received ${r.received}. ${r.why.text}`);
  out.push(`→ ${r.next}`);
  findings(out, 'One-way ties', report.reciprocity.oneWay);

  section(out, 'Neglect');
  findings(out, 'Past their cadence', report.neglect.overdue);
  findings(out, 'Fading ties', report.neglect.fading);
  findings(out, 'On the lost-my-job list, not heard from', report.neglect.lostJobList);
  if (!report.neglect.overdue.length && !report.neglect.fading.length && !report.neglect.lostJobList.length) out.push('Nobody is slipping away. Well kept.');

  section(out, 'Weak ties worth strengthening');
  if (report.weakTies.message) out.push(report.weakTies.message);
  findings(out, null, report.weakTies.items);

  section(out, 'Transition');
  if (report.transition.message) out.push(report.transition.message);
  for (const plan of report.transition.items) {
    out.push(`${plan.from ?? '?'} → ${plan.to ?? '?'}: ${plan.statement}`);
    findings(out, `Keep (${plan.hoursPerMonth.keep} h/month)`, plan.keep);
    findings(out, `Reduce (${plan.hoursPerMonth.reduce} h/month)`, plan.reduce);
    findings(out, 'Build', plan.build);
    if (plan.needs.length) out.push('Need by need:');
    for (const need of plan.needs) {
      const where = [need.keep.length ? `keep ${need.keep.join(', ')}` : '', need.build.length ? `build ${need.build.join(', ')}` : ''].filter(Boolean).join('; ');
      out.push(`  ${need.name}${need.essential ? ' (essential)' : ''}: ${where || 'no network to keep or build serves it'}`);
    }
    gaps(out, plan.gaps);
  }
  out.push('', 'The full report, with every item and the facts behind it: waggle check --json');
  return out.join('\n');
}

function section(out: string[], title: string): void {
  out.push('', `== ${title}`);
}

function findings(out: string[], title: string | null, items: readonly Finding[]): void {
  if (items.length === 0) return;
  if (title) out.push(`${title} (${items.length}):`);
  for (const f of items.slice(0, SHOWN)) {
    out.push(`  ${f.name}  [${f.id}]`);
    out.push(`    why:  ${f.why.text}`);
    out.push(`    next: ${f.next}`);
  }
  if (items.length > SHOWN) out.push(`  … and ${items.length - SHOWN} more`);
}

function gaps(out: string[], list: readonly Gap[]): void {
  for (const gap of list) out.push(`  – ${gap.why.text}`, `    → ${gap.next}`);
}

/** A goal's needs, one line each (verdict, name, who serves it), and for a need not covered, where to look. */
export function needLines(g: GoalCoverage): string[] {
  const out: string[] = [];
  for (const need of g.needs) {
    const who = need.contributors.length ? need.contributors.slice(0, 3).map((c) => `${c.name} ${c.strength}/5`).join(', ') + (need.contributors.length > 3 ? ` +${need.contributors.length - 3}` : '') : 'nobody';
    out.push(`${need.verdict.padEnd(8)} ${need.name}${need.essential ? ' (essential)' : ''}: ${who}`);
    if (need.verdict !== 'covered') for (const s of need.suggestions.slice(0, 2)) out.push(`           ? ${s.next}`);
  }
  return out;
}

/** Where each part of the check is printed below, by its heading. */
const SECTION_HEADINGS: Record<CheckSection, string> = {
  quadrants: 'Strength × importance',
  goals: 'Goal coverage',
  'start-here': 'Start here',
  diversity: 'Diversity',
  reciprocity: 'Reciprocity',
  neglect: 'Neglect',
  'weak-ties': 'Weak ties worth strengthening',
  transition: 'Transition',
};

/** A card's action on the command line: the command to run, or the heading to read below. */
function cardCommand(card: SummaryCard): string {
  const t = card.target;
  switch (t.kind) {
    case 'person':
      return `waggle person show ${t.id}`;
    case 'network':
      return `waggle network show ${t.id}`;
    case 'section':
      return `see "${SECTION_HEADINGS[t.section]}" below`;
    case 'start':
      return t.what === 'add-person' ? 'waggle person add NAME' : t.what === 'add-goal' ? 'waggle goal add "STATEMENT"' : 'waggle check';
  }
}
