import ICAL from 'ical.js';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../services/context.js';
import { DIALECTS } from '../test-support/databases.js';
import { workspaceBeside } from '../test-support/workspaces.js';
import { createApi, OPENAPI_PATH, type Api } from './app.js';
import { freshSession } from '../test-support/fresh-session.js';

/** The rhythm through the API: plan, drafts, share links and the calendar feed. */
describe.each(DIALECTS)('the rhythm API on %s', (dialect) => {
  const world = freshSession(dialect);
  let api: Api;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await api.request(path, { method, ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}) });
    const type = response.headers.get('content-type') ?? '';
    const text = await response.text();
    return { status: response.status, type, text, body: type.includes('json') && text ? JSON.parse(text) : null };
  };
  let ana: string;

  let ctx: ServiceContext;
  let workspaces = 0;

  beforeAll(async () => {
    api = createApi(() => ctx);
  });
  // Each test its own workspace with Jo's profile, the goal and Ana: none reads the plan, exchanges, shares or imports another left.
  beforeEach(async () => {
    ctx = await workspaceBeside(world.session.ctx, `ws_rhythm_${++workspaces}`);
    await call('PATCH', '/api/profile', { name: 'Jo <b>Reyes</b>', workingOn: 'a pilot study of home rehabilitation' });
    const goal = (await call('POST', '/api/goals', { statement: 'Get into research' })).body;
    ana = (await call('POST', '/api/people', { name: 'Ana <script>alert(1)</script> Silva', strength: 3, importance: 5, knowAndLike: true, canHelp: true, stage: 'in-touch', cadence: '1m', notes: 'Private: ask about her move' })).body.id;
    await call('PUT', `/api/people/${ana}/goals/${goal.id}`, { relevance: 5 });
  });

  it('suggests, accepts and completes a target by logging an exchange', async () => {
    const suggestions = await call('GET', '/api/plan/suggestions');
    expect(suggestions.status).toBe(200);
    expect(suggestions.body.suggestions[0]).toMatchObject({ personId: ana, source: 'start-here' });
    const added = await call('POST', '/api/plan/targets', { personId: ana });
    expect(added.status).toBe(201);
    expect(added.body.warnings).toEqual([]);
    expect((await call('POST', '/api/plan/targets', { personId: ana, month: '2026-13' })).body.error.field).toBe('month');
    await call('POST', '/api/exchanges', { channel: 'coffee', personIds: [ana], followUps: [{ kind: 'thank-you', description: 'Thank Ana' }] });
    const plan = await call('GET', '/api/plan');
    expect(plan.body.progress).toMatchObject({ done: 1, planned: 1 });
    expect(plan.body.workingOn).toBe('a pilot study of home rehabilitation');
  });

  it('drafts outreach from what it knows', async () => {
    const draft = await call('POST', '/api/drafts', { personId: ana, purpose: 'expert-opinion', interest: 'designing a small pilot', minutes: 15 });
    expect(draft.status).toBe(200);
    expect(draft.body.body).toContain('designing a small pilot');
    expect(draft.body.body).toMatch(/15/);
    expect(draft.body.body).toContain('a pilot study of home rehabilitation');
    expect((await call('POST', '/api/drafts', { personId: ana, purpose: 'gossip' })).status).toBe(400);
  });

  it('opens the plan page and the calendar feed by token, and stops at once when revoked', async () => {
    expect((await call('POST', '/api/plan/targets', { personId: ana })).status).toBe(201); // Ana on the plan page
    const page = await call('POST', '/api/shares', { kind: 'plan', label: 'Supervisor' });
    expect(page.status).toBe(201);
    const html = await call('GET', page.body.path);
    expect(html.status).toBe(200);
    expect(html.text).toContain('Ana &lt;script&gt;alert(1)&lt;/script&gt; Silva');
    expect(html.text).not.toContain('<script>');
    expect(html.text).toContain('Jo &lt;b&gt;Reyes&lt;/b&gt;');
    expect(html.text).not.toContain('Private: ask about her move');

    // The thank-you that the feed shows on 24 November.
    await call('POST', '/api/exchanges', { channel: 'coffee', personIds: [ana], followUps: [{ kind: 'thank-you', description: 'Thank Ana' }] });
    const feed = await call('POST', '/api/shares', { kind: 'calendar' });
    const ics = await call('GET', feed.body.path);
    expect(ics.status).toBe(200);
    expect(ics.type).toContain('text/calendar');
    const events = new ICAL.Component(ICAL.parse(ics.text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.uid, e.startDate.toString()])).toEqual(
      expect.arrayContaining([
        [`next-contact-${ana}@waggle`, '2026-12-22'],
        [expect.stringMatching(/^follow-up-/), '2026-11-24'],
      ]),
    );
    expect(ics.text).not.toContain('Private');

    // A plan token does not open the feed, and the other way round.
    expect((await call('GET', page.body.path.replace('/share/', '/feeds/') + '.ics')).status).toBe(404);
    expect((await call('DELETE', `/api/shares/${page.body.share.id}`)).status).toBe(200);
    expect((await call('GET', page.body.path)).status).toBe(404);
    const rotated = await call('POST', `/api/shares/${feed.body.share.id}/rotate`);
    expect((await call('GET', feed.body.path)).status).toBe(404);
    expect((await call('GET', rotated.body.path)).status).toBe(200);
    expect((await call('GET', '/share/not-a-real-token-at-all-xxxxxxxx')).status).toBe(404);
  });

  it('shows notes about people on the plan page only when the link was made to include them', async () => {
    expect((await call('POST', '/api/plan/targets', { personId: ana })).status).toBe(201); // Ana on the plan page
    const withNotes = await call('POST', '/api/shares', { kind: 'plan', includeNotes: true });
    expect((await call('GET', withNotes.body.path)).text).toContain('Private: ask about her move');
  });

  it('imports through the API with progress lines when asked for them', async () => {
    const csv = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nLina,Haddad,https://www.linkedin.com/in/lina,,Acme,Nurse,01 Feb 2024\r\n';
    const preview = await api.request('/api/imports?dryRun=true', { method: 'POST', body: csv, headers: { 'content-type': 'application/octet-stream' } });
    expect(preview.status).toBe(200);
    expect(((await preview.json()) as { summary: unknown }).summary).toEqual({ records: 1, created: 1, merged: 0, skipped: 0 });
    const streamed = await api.request('/api/imports', { method: 'POST', body: csv, headers: { 'content-type': 'application/octet-stream', accept: 'application/x-ndjson' } });
    const events = (await streamed.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(events.some((e) => e.progress?.phase === 'writing')).toBe(true);
    expect(events.at(-1).outcome.summary.created).toBe(1);
    const broken = await api.request('/api/imports', { method: 'POST', body: 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"Open,quote\r\n', headers: { 'content-type': 'application/octet-stream' } });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { message: string } }).error.message).toMatch(/line 2/);
    expect((await call('GET', '/api/people?source=linkedin&unjudged=true')).body.total).toBe(1);
    expect((await call('POST', '/api/people/bulk-edit', { filter: { source: 'linkedin', unjudged: true }, set: { strength: 1, importance: 2 } })).body).toEqual({ updated: 1 });
    expect((await call('GET', '/api/people?source=linkedin&unjudged=true')).body.total).toBe(0);
    expect((await call('POST', '/api/people/bulk-edit', { filter: {}, set: {} })).status).toBe(400);
    const exported = await call('GET', '/api/export/csv');
    expect(exported.type).toContain('text/csv');
    expect(exported.text).toContain('Lina Haddad');
  });

  it('erases only when confirmed in words', async () => {
    const refused = await call('POST', '/api/erase', { confirm: 'yes' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.field).toBe('confirm');
    expect((await call('GET', '/api/people')).body.total).toBeGreaterThan(0);
  });

  it('documents the rhythm in OpenAPI', async () => {
    const doc = (await call('GET', OPENAPI_PATH)).body;
    for (const path of ['/api/plan', '/api/plan/suggestions', '/api/plan/targets', '/api/plan/roll-over', '/api/shares', '/api/drafts', '/api/templates', '/api/export/{format}', '/api/imports']) expect(Object.keys(doc.paths)).toContain(path);
  });
});
