import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ServiceContext } from '../../services/context.js';
import { calendarIcs } from '../../services/ics.js';
import { currentMonth, planView } from '../../services/plan.js';
import { planPageHtml } from '../../codecs/html/plan-page.js';
import { resolveShareToken } from '../../services/shares.js';
import { getProfile, workspaceTimeZone } from '../../services/workspace.js';

/**
 * The two pages a token opens without an account: the read-only plan and the
 * calendar feed. An unknown or revoked token is a plain 404, whichever it was.
 */
export function registerPublicRoutes(app: OpenAPIHono, context: () => ServiceContext): void {
  const scoped = async (workspaceId: string): Promise<ServiceContext> => {
    const base = context();
    return { ...base, workspaceId, timeZone: await workspaceTimeZone(base.db, workspaceId, base.timeZone) };
  };

  app.get('/share/:token', async (c) => {
    const share = await resolveShareToken(context().db, c.req.param('token'), 'plan');
    if (!share) return c.text('This link does not open anything (it may have been revoked).', 404);
    const ctx = await scoped(share.workspaceId);
    const view = await planView(ctx, currentMonth(ctx));
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    return c.html(planPageHtml(view, { ownerName: (await getProfile(ctx)).name, includeNotes: share.includeNotes }));
  });

  app.get('/feeds/:file', async (c) => {
    const file = c.req.param('file');
    const token = file.endsWith('.ics') ? file.slice(0, -4) : '';
    const share = token ? await resolveShareToken(context().db, token, 'calendar') : null;
    if (!share) return c.text('This feed does not exist (it may have been revoked).', 404);
    const ics = await calendarIcs(await scoped(share.workspaceId), { includeNotes: share.includeNotes });
    c.header('Cache-Control', 'no-store');
    return c.body(ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
  });
}
