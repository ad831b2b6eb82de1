import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase } from '../test-support/databases.js';
import { freePort } from '../test-support/postgres-server.js';

/** The real `waggle` binary, run as a user would, on a fresh database. */
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'waggle.js');
const NOW = '2026-11-22T10:00:00Z';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  json: <T = any>() => T; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe.each(DIALECTS)('the waggle command line on %s', (dialect) => {
  let dispose: () => Promise<void>;
  let baseArgs: string[] = [];
  let env: NodeJS.ProcessEnv;

  const waggle = (...args: string[]): Run => {
    const result = spawnSync(process.execPath, [BIN, ...baseArgs, ...args], { env, encoding: 'utf8' });
    return {
      code: result.status ?? -1,
      stdout: result.stdout,
      stderr: result.stderr,
      json: () => JSON.parse(result.stdout),
    };
  };

  /** A fresh database of its own, the profile set: what every test (or the refusals together) starts from. */
  const openMap = async () => {
    if (!existsSync(join(import.meta.dirname, '..', '..', 'dist', 'cli', 'main.js'))) throw new Error('Build first: npm run build (npm test does it)');
    const db = await freshDatabase(dialect);
    env = { ...process.env, WAGGLE_NOW: NOW, TZ: 'UTC' };
    delete env.DATABASE_URL;
    delete env.WAGGLE_DATA_DIR;
    baseArgs = [];
    if (db.config.kind === 'sqlite') baseArgs = ['--data', db.config.dataDir];
    else env.DATABASE_URL = db.config.url;
    expect(waggle('profile', 'set', '--time-zone', 'Europe/London').code).toBe(0);
    return db.dispose;
  };

  /** The story: Ana and Kofi, a society, a goal, their links and a coffee with Ana. Each run is returned for the first test to judge. */
  const story = () => {
    const ana = waggle('person', 'add', 'Ana Silva', '--org', 'Hospital Norte', '--category', 'leader-in-field', '--strength', '3', '--importance', '5', '--cadence', 'monthly', '--email', 'ana@example.org', '--json');
    const kofi = waggle('person', 'add', 'Kofi Mensah', '--cadence', '2w', '--json');
    const network = waggle('network', 'add', 'Physio Society', '--kind', 'professional-body', '--role', 'member', '--hours', '4', '--json').json();
    const goal = waggle('goal', 'add', 'Get involved in research in my clinical specialty', '--from', 'clinical practice', '--to', 'clinical research', '--json').json();
    const links = [
      waggle('person', 'link', 'Ana Silva', '--goal', goal.id, '--relevance', '5'),
      waggle('network', 'link', 'Physio Society', '--person', 'Ana Silva', '--role', 'committee'),
      waggle('goal', 'link', goal.id, '--network', network.id, '--relevance', '4'),
    ];
    const logged = waggle('log', '--with', 'Ana Silva', '--channel', 'coffee', '--on', '2026-11-01', '--gave', 'resource:audit template', '--received', 'insight', '--learned', 'Pilot studies open doors', '--thank-you', '--json');
    return { ana, kofi, links, logged };
  };

  // These only read the story (the refusals assert that they change nothing), so they share one database with it, made once.
  describe('on the story, read only', () => {
    let disposeStory: () => Promise<void>;
    beforeAll(async () => {
      disposeStory = await openMap();
      story();
    });
    afterAll(async () => disposeStory());

    it('checks the network: JSON for scripts, a readable report for people', () => {
      const json = waggle('check', '--json');
      expect(json.code).toBe(0);
      const report = json.json();
      expect(Object.keys(report)).toEqual(expect.arrayContaining(['map', 'quadrants', 'goals', 'diversity', 'startHere', 'reciprocity', 'neglect', 'weakTies', 'transition']));
      expect(report.goals.items[0].statement).toBe('Get involved in research in my clinical specialty');
      const text = waggle('check', '--goal', 'Get involved in research in my clinical specialty');
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/^Network check, 2026-11-22/);
      expect(text.stdout).toMatch(/== Goal coverage\n(COVERED|THIN|MISSING)\s+Get involved in research/);
      expect(text.stdout).toMatch(/== Transition\nclinical practice → clinical research/);
      expect(waggle('check', '--goal', 'no such goal').code).toBe(3);
    });

    it('prints readable tables, not JSON, without --json', () => {
      const list = waggle('person', 'list');
      expect(list.code).toBe(0);
      expect(list.stdout).toMatch(/^ID\s+NAME\s+ORGANISATION/m);
      expect(list.stdout).toMatch(/Ana Silva\s+Hospital Norte/);
      expect(list.stdout).toMatch(/^2 people$/m);
      expect(() => JSON.parse(list.stdout)).toThrow();
      expect(waggle('due').stdout).toMatch(/Follow-ups:/);
      // A search or filter that finds no one says so, not that the map is empty.
      for (const args of [['--search', 'nobody-by-this-name'], ['--stage', 'dormant'], ['--unjudged', '--search', 'ana']]) {
        const none = waggle('person', 'list', ...args);
        expect(none.code, args.join(' ')).toBe(0);
        expect(none.stdout, args.join(' ')).toMatch(/^No one matches\./);
        expect(none.stdout, args.join(' ')).not.toMatch(/No people yet/);
      }
    });

    it('returns every match, or a page with --limit and --offset', () => {
      expect(waggle('person', 'list', '--json').json().items).toHaveLength(2);
      const page = waggle('person', 'list', '--limit', '1', '--offset', '1', '--json').json();
      expect(page.total).toBe(2);
      expect(page.items.map((p: { name: string }) => p.name)).toEqual(['Kofi Mensah']);
    });

    it('filters by quadrant and due and sorts, refusing an unknown choice by name', () => {
      const names = (...args: string[]) => waggle('person', 'list', ...args, '--json').json().items.map((p: { name: string }) => p.name);
      expect(names('--quadrant', 'maintain')).toEqual(['Ana Silva']);
      expect(names('--quadrant', 'letBe')).toEqual(['Kofi Mensah']);
      expect(names('--sort', 'importance')).toEqual(['Ana Silva', 'Kofi Mensah']);
      expect(names('--sort', 'next-contact')).toHaveLength(2);
      expect(names('--due', '--sort', 'next-contact').length).toBeLessThanOrEqual(2);
      const bad = waggle('person', 'list', '--quadrant', 'nowhere');
      // In the API's words (the contract's), as every closed-set flag: GET /api/people?quadrant=nowhere says the same.
      expect(bad.code).toBe(2);
      expect(bad.stderr).toBe('waggle: --quadrant: must be one of: maintain, strengthen, overInvested, letBe\n');
    });

    describe('refuses bad input, names the field and changes nothing', () => {
      let before: string;
      beforeAll(() => {
        before = waggle('person', 'list', '--json').stdout;
      });
      afterAll(() => {
        expect(waggle('person', 'list', '--json').stdout).toBe(before);
      });

      it.each([
        [['person', 'add', 'Zed', '--strength', '9'], '--strength', /from 0 to 5/],
        [['person', 'add', 'Zed', '--category', 'wizards'], '--category', /one of: department-colleague/],
        [['person', 'add', 'Zed', '--next-contact', '2026-02-30'], '--next-contact', /not a day of the calendar/],
        [['person', 'add', ''], 'NAME', /must not be empty/],
        [['person', 'edit', 'Ana Silva', '--importance', 'high'], '--importance', /whole number/],
        [['person', 'add', 'Zed', '--cadence', 'sometimes'], '--cadence', /2w, 3m, 1y/],
        [['log', '--with', 'Ana Silva', '--channel', 'carrier-pigeon'], '--channel', /one of: coffee/],
        [['log', '--with', 'Ana Silva', '--channel', 'email', '--gave', 'money'], '--gave', /one of: help/],
      ])('%j', (args, field, reason) => {
        const run = waggle(...args);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain(field);
        expect(run.stderr).toMatch(reason);
      });

      it('a missing name is a usage error', () => {
        const run = waggle('person', 'add');
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/missing required argument 'name'/);
      });

      it('an unknown id is "not found", exit 3', () => {
        const run = waggle('person', 'edit', 'per_nobody', '--strength', '2');
        expect(run.code).toBe(3);
        expect(run.stderr).toMatch(/No person matches "per_nobody"/);
        expect(waggle('log', '--with', 'Ana Silva', '--with', 'Nobody Atall', '--channel', 'call').code).toBe(3);
      });

      it('with --json, errors are JSON on stderr', () => {
        const run = waggle('person', 'add', 'Zed', '--strength', '9', '--json');
        expect(run.code).toBe(2);
        expect(JSON.parse(run.stderr)).toEqual({ error: { code: 'validation', field: '--strength', message: '--strength: must be from 0 to 5' } });
      });
    });
  });

  describe('each writer on a database of its own', () => {
    // Each its own database (with the story where the test starts from it): none reads what another added, edited or removed.
    beforeEach(async () => {
      dispose = await openMap();
    });
    afterEach(async () => dispose());

    it('adds, links, logs and reports what is due, as the issue describes', () => {
      const { ana, kofi: kofiRun, links, logged } = story();
      expect(ana.code).toBe(0);
      const anaId = ana.json().id as string;
      const kofi = kofiRun.json().id as string;
      for (const link of links) expect(link.code).toBe(0);

      expect(logged.code).toBe(0);
      expect(logged.json().followUps[0]).toMatchObject({ kind: 'thank-you', dueOn: '2026-11-03', personId: anaId });

      const due = waggle('due', '--within', '14', '--json');
      expect(due.code).toBe(0);
      const report = due.json();
      expect(report.today).toBe('2026-11-22');
      // Ana: last exchange 1 November + one month = 1 December, within 14 days.
      // Kofi: added today, every two weeks, no exchange yet = 6 December.
      expect(report.contacts.map((c: { personId: string; date: string; status: string }) => [c.personId, c.date, c.status])).toEqual([
        [anaId, '2026-12-01', 'upcoming'],
        [kofi, '2026-12-06', 'upcoming'],
      ]);
      expect(report.followUps.map((f: { status: string; daysOverdue: number }) => [f.status, f.daysOverdue])).toEqual([['overdue', 19]]);

      const show = waggle('person', 'show', anaId, '--json').json();
      expect(show.goals[0].relevance).toBe(5);
      expect(show.networks[0]).toMatchObject({ role: 'committee', network: { name: 'Physio Society' } });
      expect(show.person.stage).toBe('met');
    });

    it('edits and removes', () => {
      story();
      const edited = waggle('person', 'edit', 'Kofi Mensah', '--cadence', 'none', '--know-and-like', '--can-help', 'knows the grant office', '--json').json();
      expect(edited).toMatchObject({ cadence: null, knowAndLike: true, canHelp: true, canHelpHow: 'knows the grant office', nextContact: null });
      expect(waggle('person', 'remove', 'Kofi Mensah').code).toBe(0);
      expect(waggle('person', 'list', '--json').json().total).toBe(1);
    });

    if (dialect === 'sqlite') {
      it('shares the SQLite file with a running server', async () => {
        const port = await freePort();
        const server = spawn(process.execPath, [BIN, ...baseArgs, 'serve', '--port', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
        try {
          await new Promise<void>((resolve, reject) => {
            server.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('serving') && resolve());
            server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
          });
          const base = `http://127.0.0.1:${port}`;
          const posted = await fetch(`${base}/api/people`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Mei Chen', strength: 2 }) });
          expect(posted.status).toBe(201);
          expect(waggle('person', 'list', '--search', 'mei', '--json').json().total).toBe(1);
          expect(waggle('person', 'add', 'Lars Berg').code).toBe(0);
          const listed = (await (await fetch(`${base}/api/people?search=lars`)).json()) as { total: number };
          expect(listed.total).toBe(1);
        } finally {
          server.kill('SIGTERM');
        }
      });
    }
  });
});
