import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '../test-support/postgres-server.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'waggle.js');

/** A month's routine on the command line, the way the README tells it, across a month boundary. */
describe('a month with the waggle command line', () => {
  const NOVEMBER = '2026-11-20T09:00:00Z';
  const DECEMBER = '2026-12-02T09:00:00Z';
  const dataDirs: string[] = [];
  let dataDir = '';
  const waggleAt = (now: string, ...args: string[]) => {
    const run = spawnSync(process.execPath, [BIN, '--data', dataDir, ...args], { env: { ...process.env, WAGGLE_NOW: now, TZ: 'UTC', DATABASE_URL: '' }, encoding: 'utf8' });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr, json: () => JSON.parse(run.stdout) };
  };
  const waggle = (...args: string[]) => waggleAt(NOVEMBER, ...args);
  afterAll(() => {
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  // Each test its own folder with the month's start, so that none reads the plan, the log or the day another left.
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'waggle-rhythm-'));
    dataDirs.push(dataDir);
    expect(waggle('profile', 'set', '--name', 'Jo Reyes', '--working-on', 'a pilot study of home rehabilitation', '--time-zone', 'UTC').code).toBe(0);
    waggle('goal', 'add', 'Get into research');
    waggle('person', 'add', 'Ana Silva', '--strength', '3', '--importance', '5', '--know-and-like', '--can-help', 'runs a research unit', '--stage', 'in-touch', '--cadence', 'monthly', '--how-met', 'at the Physio Society spring meeting');
    waggle('person', 'add', 'Ben Okafor', '--strength', '1', '--importance', '4', '--stage', 'to-meet');
    waggle('person', 'link', 'Ana Silva', '--goal', 'Get into research', '--relevance', '5');
    waggle('person', 'link', 'Ben Okafor', '--goal', 'Get into research', '--relevance', '4');
  });

  /** November as the first test leaves it: two targets, both accepted, a coffee with Ana logged with a thank-you. */
  const novemberPlanned = () => {
    expect(waggle('plan', 'settings', '--targets', '2', '--cap', '3', '--partner', 'Dr Fay Mentor').code).toBe(0);
    expect(waggle('plan', 'accept', 'Ana Silva').code).toBe(0);
    expect(waggle('plan', 'accept', 'Ben Okafor').code).toBe(0);
    expect(waggle('log', '--with', 'Ana Silva', '--channel', 'coffee', '--gave', 'feedback', '--received', 'insight:how to scope a pilot', '--learned', 'Start small', '--thank-you').code).toBe(0);
  };

  it('sets the rhythm, suggests, accepts, and sees a logged coffee complete the target', () => {
    expect(waggle('plan', 'settings', '--targets', '2', '--cap', '3', '--partner', 'Dr Fay Mentor', '--json').json()).toEqual({ monthlyTargets: 2, newRelationshipCap: 3, accountabilityPartner: 'Dr Fay Mentor' });
    expect(waggle('plan', 'settings', '--targets', '0').stderr).toMatch(/--targets: must be from 1 to 20/);
    const suggestions = waggle('plan', 'suggest', '--json').json();
    expect(suggestions.suggestions.map((s: { name: string }) => s.name)).toEqual(['Ana Silva', 'Ben Okafor']);
    expect(waggle('plan', 'suggest').stdout).toMatch(/2 places left in 2026-11/);
    expect(waggle('plan', 'accept', 'Ana Silva').code).toBe(0);
    expect(waggle('plan', 'accept', 'Ben Okafor').code).toBe(0);
    const again = waggle('plan', 'accept', 'Ben Okafor');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Ben Okafor is already in your plan for 2026-11: nothing to add\./);
    expect(again.stdout).not.toMatch(/tgt_/);
    expect(waggle('plan', 'accept', 'Ben Okafor', '--json').json()).toMatchObject({ alreadyPlanned: true, warnings: [] });
    const future = waggle('log', '--with', 'Ana Silva', '--channel', 'coffee', '--on', '2027-08-15');
    expect(future.code).toBe(2);
    expect(future.stderr).toMatch(/--on: 2027-08-15 is after today \(2026-11-20\).*waggle plan add/);
    expect(waggle('person', 'show', 'Ana Silva', '--json').json().person.lastExchangeOn).toBeNull();
    const log = waggle('log', '--with', 'Ana Silva', '--channel', 'coffee', '--gave', 'feedback', '--received', 'insight:how to scope a pilot', '--learned', 'Start small', '--thank-you');
    expect(log.code).toBe(0);
    const plan = waggle('plan');
    expect(plan.stdout).toMatch(/Plan for 2026-11: 1 of 2 done, 1 open/);
    expect(plan.stdout).toMatch(/^1 new relationship in progress \(your cap is 3\)\.$/m);
    expect(plan.stdout).toMatch(/done\s+Ana Silva/);
    expect(plan.stdout).toMatch(/Working on now: a pilot study/);
  });

  it('drafts an outreach message', () => {
    const draft = waggle('draft', 'Ben Okafor', '--purpose', 'explore-collaboration', '--interest', 'a joint audit', '--minutes', '30');
    expect(draft.code).toBe(0);
    expect(draft.stdout).toMatch(/^Subject: /);
    expect(draft.stdout).toContain('a joint audit');
    expect(waggle('draft', 'Ben Okafor', '--purpose', 'gossip').stderr).toMatch(/--purpose: must be one of: expert-opinion/);
  });

  it('exports reminders as ICS that an independent parser reads with the right dates', () => {
    novemberPlanned();
    const file = join(dataDir, 'reminders.ics');
    expect(waggle('export', 'ics', '--out', file).code).toBe(0);
    const events = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8'))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const byUid = new Map(events.map((e) => [e.uid, e]));
    const ana = waggle('person', 'show', 'Ana Silva', '--json').json().person;
    expect(byUid.get(`next-contact-${ana.id}@waggle`)?.startDate.toString()).toBe('2026-12-20');
    expect([...byUid.values()].some((e) => e.summary.startsWith('Follow up: Send a thank-you note') && e.startDate.toString() === '2026-11-22')).toBe(true);
    expect([...byUid.values()].some((e) => e.summary === 'This month: reach Ben Okafor' && e.startDate.toString() === '2026-11-01' && e.endDate.toString() === '2026-12-01')).toBe(true);
  });

  it('rolls the unfinished target into December', () => {
    novemberPlanned();
    expect(waggleAt(DECEMBER, 'plan', '--json').json().targets).toEqual([]);
    expect(waggleAt(DECEMBER, 'plan', 'roll-over').stdout).toMatch(/Rolled over 1 target into 2026-12/);
    const december = waggleAt(DECEMBER, 'plan', '--json').json();
    expect(december.targets.map((t: { person: { name: string }; status: string }) => [t.person.name, t.status])).toEqual([['Ben Okafor', 'open']]);
  });

  it('shares the plan page with a partner until the link is revoked', async () => {
    const now = DECEMBER;
    const created = waggleAt(now, 'share', 'create', 'plan', '--label', 'Supervisor', '--json').json();
    expect(created.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/share\/[A-Za-z0-9_-]{43}$/);
    const port = await freePort();
    const server = spawn(process.execPath, [BIN, '--data', dataDir, 'serve', '--port', String(port)], { env: { ...process.env, WAGGLE_NOW: now, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await new Promise<void>((resolve, reject) => {
        server.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('serving') && resolve());
        server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
      });
      const url = `http://127.0.0.1:${port}/share/${created.token}`;
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Jo Reyes's networking plan for December 2026");
      expect(waggleAt(now, 'share', 'revoke', created.share.id).code).toBe(0);
      expect((await fetch(url)).status).toBe(404);
    } finally {
      server.kill('SIGTERM');
    }
  });
  it('asks the after-meeting questions when run in a terminal', () => {
    const now = DECEMBER;
    // util-linux `script` gives the command a real pseudo-terminal; the answers are typed ahead.
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} --data ${JSON.stringify(dataDir)} log --with "Ana Silva" --channel video`;
    const run = spawnSync('script', ['-qec', command, '/dev/null'], {
      input: 'time\nresource:a reading list\nThey review for the journal\nquestion:Ask about reviewing@2026-12-30\n',
      env: { ...process.env, WAGGLE_NOW: now, TZ: 'UTC', DATABASE_URL: '' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/What did you give\?[\s\S]*What did you learn\?[\s\S]*Any follow-up\?/);
    const [latest] = waggle('exchange', 'list', '--person', 'Ana Silva', '--json').json().items;
    expect(latest).toMatchObject({ channel: 'video', gave: [{ kind: 'time' }], received: [{ kind: 'resource', note: 'a reading list' }], learned: 'They review for the journal' });
    const followUps = waggle('follow-up', 'list', '--json').json();
    expect(followUps).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'question', description: 'Ask about reviewing', dueOn: '2026-12-30' })]));
  });

});
