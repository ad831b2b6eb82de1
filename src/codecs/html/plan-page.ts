import type { Month, Person, PlanSettings, PlanTarget } from '../../core/model.js';
import type { PlanProgress } from '../../core/plan.js';

/** What the page shows of a month's plan (the plan service's PlanView has it all): the codec reads no more than this. */
export interface PrintablePlan {
  month: Month;
  today: string;
  settings: Pick<PlanSettings, 'monthlyTargets' | 'accountabilityPartner'>;
  targets: readonly (Pick<PlanTarget, 'status' | 'reason'> & { person: Pick<Person, 'name' | 'organisation' | 'notes'> })[];
  progress: Pick<PlanProgress, 'done' | 'open'>;
  workingOn: string | null;
}

/**
 * The accountability page: the month's plan as a printable, read-only HTML page
 * for a supervisor or colleague. Names, reasons and progress only; notes about
 * people only when the user chose to include them. Every piece of user text is
 * escaped: nothing the user typed is ever read as HTML.
 */
export function planPageHtml(view: PrintablePlan, options: { ownerName: string | null; includeNotes: boolean }): string {
  const owner = options.ownerName ? escapeHtml(options.ownerName) : 'My';
  const title = `${options.ownerName ? `${owner}'s` : owner} networking plan for ${monthName(view.month)}`;
  const rows = view.targets
    .filter((t) => t.status !== 'dropped' && t.status !== 'rolled-over')
    .map(
      (t) => `<tr><td>${t.status === 'done' ? '✔ done' : 'to do'}</td><td>${escapeHtml(t.person.name)}${t.person.organisation ? `<br><small>${escapeHtml(t.person.organisation)}</small>` : ''}</td><td>${escapeHtml(t.reason)}${
        options.includeNotes && t.person.notes ? `<br><small>Notes: ${escapeHtml(t.person.notes)}</small>` : ''
      }</td></tr>`,
    )
    .join('\n');
  const progress = `${view.progress.done} of ${view.settings.monthlyTargets} done${view.progress.open ? `, ${view.progress.open} to go` : ''}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; line-height: 1.5; }
  h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
  table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
  th, td { text-align: left; vertical-align: top; padding: 0.5rem; border-bottom: 1px solid #ccc; }
  small { color: #555; }
  .progress { font-size: 1.1rem; }
  @media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>${title}</h1>
<p class="progress">Progress: ${progress}.</p>
${view.workingOn ? `<p><strong>Working on now:</strong> ${escapeHtml(view.workingOn)}</p>` : ''}
${view.settings.accountabilityPartner ? `<p>Shared with ${escapeHtml(view.settings.accountabilityPartner)}.</p>` : ''}
${rows ? `<table><thead><tr><th>Status</th><th>Who</th><th>Why this month</th></tr></thead><tbody>\n${rows}\n</tbody></table>` : '<p>No one planned yet this month.</p>'}
<p><small>A read-only page from Waggle, as of ${view.today}.</small></p>
</body>
</html>
`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function monthName(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;
}
