import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import { workspaceBeside } from '../test-support/workspaces.js';
import { randomIds, type Clock, type ServiceContext } from './context.js';
import { logExchange } from './exchanges.js';
import { addMember } from './links.js';
import { createNetwork } from './networks.js';
import { createTemplate, draftFor, getTemplate, listTemplates, MISSING_NAME, removeTemplate, updateTemplate } from './outreach.js';
import { createPerson } from './people.js';
import { updateProfile } from './workspace.js';
import { freshSession } from '../test-support/fresh-session.js';

/** A clock the test moves by hand. */
function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => now, set: (next) => (now = new Date(next)) };
}

describe.each(DIALECTS)('outreach on %s', (dialect) => {
  const clock = fixedClock('2026-03-10T09:00:00Z');
  const world = freshSession(dialect, { clock, timeZone: 'Europe/London' });
  let ctx: ServiceContext;
  let anaId: string;

  beforeAll(async () => {
    ctx = world.session.ctx;

    await updateProfile(ctx, { name: 'Jo Reyes', workingOn: 'a clinical audit of knee rehabilitation outcomes' });
    const ana = await createPerson(ctx, { name: 'Ana Silva', organisation: 'Hospital Norte', howMet: 'At the Physio Society spring meeting', preferredChannel: 'coffee' });
    anaId = ana.id;
    const society = await createNetwork(ctx, { name: 'Physio Society', kind: 'professional-body', role: 'member', importance: 4 });
    await addMember(ctx, society.id, anaId, { role: 'committee' });
    const wanted = await createNetwork(ctx, { name: 'Sports Medicine Forum', kind: 'professional-body', role: 'want-to-join', importance: 5 });
    await addMember(ctx, wanted.id, anaId, { role: 'member' });
    await logExchange(ctx, { channel: 'video', personIds: [anaId], occurredOn: '2026-01-15', learned: 'Ask the research office early' });
    await logExchange(ctx, { channel: 'coffee', personIds: [anaId], occurredOn: '2026-03-02', learned: 'Small pilot studies open doors.' });
  });

  it('drafts from what Waggle knows: how we met, the shared network, the last exchange and what I am working on', async () => {
    const draft = await draftFor(ctx, { personId: anaId, purpose: 'learn-solution', interest: 'how your team set up its first pilot study' });
    expect(draft).toMatchObject({ personId: anaId, purpose: 'learn-solution', templateId: 'builtin-learn-solution' });
    expect(draft.context).toMatchObject({
      firstName: 'Ana',
      myName: 'Jo Reyes',
      minutes: 20,
      channelAsk: 'a 20-minute coffee',
      howWeMet: 'at the Physio Society spring meeting',
      lastExchange: { date: '2 March 2026', learned: 'Small pilot studies open doors' },
      sharedNetworks: ['Physio Society'],
      sharedNetworksText: 'the Physio Society',
      workingOn: 'a clinical audit of knee rehabilitation outcomes',
      organisation: 'Hospital Norte',
    });
    expect(draft.subject).toBe('Could I learn from your experience, Ana?');
    for (const piece of [
      'Hi Ana,',
      'since we met — at the Physio Society spring meeting',
      'since we spoke on 2 March 2026',
      'both in the Physio Society',
      'how your team set up its first pilot study at Hospital Norte',
      'here is what I am working on: a clinical audit of knee rehabilitation outcomes',
      'a 20-minute coffee',
      'Jo Reyes',
    ]) {
      expect(draft.body).toContain(piece);
    }
    expect(draft.body).not.toContain('Small pilot studies open doors');
    expect(draft.reminders).toEqual(['What you learned on 2026-03-02: Small pilot studies open doors.']);
    // A network the user only wants to join is not shared; an older exchange is not the last one.
    expect(draft.body).not.toContain('Sports Medicine Forum');
    expect(draft.body).not.toContain('research office');
  });

  it('asks for the minutes given, and falls back to a sentence of its own without an interest', async () => {
    const draft = await draftFor(ctx, { personId: anaId, purpose: 'expert-opinion', minutes: 30 });
    expect(draft.templateId).toBe('builtin-expert-opinion');
    expect(draft.body).toContain('a 30-minute coffee');
    expect(draft.body).toContain('There is a question in your field');
  });

  it('asks for the sign-off name when the profile has none, and only then', async () => {
    expect((await draftFor(ctx, { personId: anaId, purpose: 'thank-you' })).reminders).not.toContain(MISSING_NAME);
    await updateProfile(ctx, { name: null });
    try {
      const draft = await draftFor(ctx, { personId: anaId, purpose: 'thank-you', interest: 'your audit template' });
      expect(draft.reminders).toContain(MISSING_NAME);
      expect(draft.body).toMatch(/^Thank you for everything you shared about your audit template\./m);
      expect(draft.body.split('\n').at(-1)).toBe('With many thanks,');
    } finally {
      await updateProfile(ctx, { name: 'Jo Reyes' });
    }
  });

  it('lists the built-ins, one per purpose', async () => {
    // A workspace with no templates of its own (the suite's gets some in another test).
    const fresh = await workspaceBeside(ctx, 'ws_no_templates');
    const all = await listTemplates(fresh);
    expect(all.map((t) => t.id)).toEqual([
      'builtin-expert-opinion',
      'builtin-learn-solution',
      'builtin-explore-collaboration',
      'builtin-navigate-situation',
      'builtin-interview',
      'builtin-meet-the-team',
      'builtin-informational-interview',
      'builtin-catching-up',
      'builtin-reconnecting',
      'builtin-thank-you',
      'builtin-congratulations',
      'builtin-ask-introduction',
      'builtin-offer-help',
    ]);
    expect((await getTemplate(ctx, 'builtin-interview')).builtIn).toBe(true);
    await expect(getTemplate(ctx, 'tpl_nope')).rejects.toMatchObject({ name: 'NotFoundError', code: 'not_found' });
  });

  it("the user's template for a purpose overrides the built-in; the most recently changed one wins", async () => {
    clock.set('2026-03-11T09:00:00Z');
    const short = await createTemplate(ctx, {
      purpose: 'learn-solution',
      name: 'Short and direct',
      subject: 'Quick question, {{firstName}}',
      body: 'Hi {{firstName}},\n\nCould I have {{minutes}} minutes on {{interest}}?{{#lastExchange}} Thanks again for {{date}}.{{/lastExchange}}\n\n{{myName}}',
    });
    // Removed at the end, even on a failure: a template of the user's for this purpose would change every other test's draft.
    onTestFinished(() => removeTemplate(ctx, short.id).then(() => undefined, () => undefined));
    expect(short).toMatchObject({ id: 'tpl_0001', builtIn: false, createdAt: '2026-03-11T09:00:00.000Z', updatedAt: '2026-03-11T09:00:00.000Z' });
    clock.set('2026-03-12T09:00:00Z');
    const other = await createTemplate(ctx, { purpose: 'learn-solution', name: 'Other', subject: 'Hello {{firstName}}', body: 'Other body for {{firstName}}' });
    onTestFinished(() => removeTemplate(ctx, other.id).then(() => undefined, () => undefined));

    let draft = await draftFor(ctx, { personId: anaId, purpose: 'learn-solution', interest: 'pilot studies', minutes: 15 });
    expect(draft.templateId).toBe(other.id);

    clock.set('2026-03-13T09:00:00Z');
    await updateTemplate(ctx, short.id, { name: 'Short' });
    draft = await draftFor(ctx, { personId: anaId, purpose: 'learn-solution', interest: 'pilot studies', minutes: 15 });
    expect(draft).toMatchObject({ templateId: short.id, subject: 'Quick question, Ana', body: 'Hi Ana,\n\nCould I have 15 minutes on pilot studies? Thanks again for 2 March 2026.\n\nJo Reyes' });

    // Asking for a template by id picks it, built-ins included; the other purposes keep their built-ins.
    expect((await draftFor(ctx, { personId: anaId, purpose: 'learn-solution', templateId: 'builtin-learn-solution' })).templateId).toBe('builtin-learn-solution');
    expect((await draftFor(ctx, { personId: anaId, purpose: 'interview' })).templateId).toBe('builtin-interview');
    await expect(draftFor(ctx, { personId: anaId, purpose: 'interview', templateId: short.id })).rejects.toMatchObject({ name: 'ValidationError', field: 'templateId' });

    // The user's come first in the list.
    expect((await listTemplates(ctx, 'learn-solution')).map((t) => t.id)).toEqual([short.id, other.id, 'builtin-learn-solution']);
    expect((await listTemplates(ctx)).slice(0, 2).map((t) => t.id)).toEqual([short.id, other.id]);

    await removeTemplate(ctx, other.id);
    await expect(getTemplate(ctx, other.id)).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(removeTemplate(ctx, other.id)).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('built-in templates cannot be edited or removed', async () => {
    await expect(updateTemplate(ctx, 'builtin-interview', { name: 'Mine' })).rejects.toMatchObject({ name: 'ConflictError', code: 'conflict', message: expect.stringContaining('createTemplate') });
    await expect(removeTemplate(ctx, 'builtin-interview')).rejects.toMatchObject({ name: 'ConflictError' });
    expect((await getTemplate(ctx, 'builtin-interview')).name).toBe('Interview them for an article');
  });

  it('refuses an invalid template and stores nothing', async () => {
    // A template of its own to edit, in a workspace of its own (random ids: the suite's sequential ones stay the other tests').
    const own = await workspaceBeside(ctx, 'ws_invalid_templates', { ids: randomIds });
    const short = await createTemplate(own, { purpose: 'learn-solution', name: 'Short', subject: 'Quick question, {{firstName}}', body: 'Hi {{firstName}}' });
    const before = await listTemplates(own);
    await expect(createTemplate(own, { purpose: 'interview', name: 'Broken', subject: 'Hi', body: '{{#interest}}About {{interest}}' })).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'body',
      reason: expect.stringContaining('never closed'),
    });
    await expect(createTemplate(own, { purpose: 'interview', name: 'Typo', subject: 'Hi {{frstName}}', body: 'Fine' })).rejects.toMatchObject({
      name: 'ValidationError',
      field: 'subject',
      reason: expect.stringContaining('frstName'),
    });
    await expect(updateTemplate(own, short.id, { body: '{{unknownThing}}' })).rejects.toMatchObject({ name: 'ValidationError', field: 'body' });
    expect(await listTemplates(own)).toEqual(before);
    await expect(updateTemplate(own, 'tpl_nope', { name: 'x' })).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('refuses a draft for someone unknown', async () => {
    await expect(draftFor(ctx, { personId: 'per_nope', purpose: 'interview' })).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});
