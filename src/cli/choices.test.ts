import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command, Option } from 'commander';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { QUADRANT_NAMES } from '../core/check/quadrants.js';
import { CAPTURE_FORMATS } from '../core/capture.js';
import { IMPORT_FORMATS } from '../core/import-types.js';
import {
  CHANNELS,
  FEELINGS,
  FOLLOW_UP_KINDS,
  FOLLOW_UP_STATUSES,
  GOAL_STATUSES,
  INITIATORS,
  NETWORK_KINDS,
  NETWORK_ROLES,
  OUTREACH_PURPOSES,
  PERSON_CATEGORIES,
  STAGES,
} from '../core/vocabulary.js';
import { createApi } from '../server/app.js';
import { EXPORT_FORMATS, GEXF_VERSIONS, VCARD_VERSIONS } from '../services/exports.js';
import { DUE_CHOICES, PERSON_SORTS } from '../contract/filters.js';
import { freshSession, TEST_NOW } from '../test-support/fresh-session.js';
import { waggleInProcess } from '../test-support/waggle-in-process.js';
import { buildWholeProgram } from './program.js';

/*
 * Every command-line choice among a closed set comes from the same constant the
 * API validates with (src/core/vocabulary.ts and the services' lists), through
 * commander's .choices(): `--status question` on follow-ups is refused, not
 * silently matched against another list.
 */

const NONE = 'none';

/** What each closed-set option must accept, by its flag and the command it is on. */
function expectedChoices(path: string, flag: string): readonly string[] | undefined {
  const [group] = path.split(' ');
  switch (flag) {
    case '--category':
      return [...PERSON_CATEGORIES, NONE];
    case '--stage':
      return STAGES;
    case '--channel':
      return group === 'person' ? [...CHANNELS, NONE] : CHANNELS;
    case '--kind':
      return group === 'network' ? NETWORK_KINDS : group === 'follow-up' ? FOLLOW_UP_KINDS : undefined;
    case '--role':
      // A person's role at work is free text; their role in a network is not.
      return (group === 'person' && (path.endsWith(' link') || path.endsWith(' unlink'))) || group === 'network' ? NETWORK_ROLES : undefined;
    case '--status':
      return group === 'goal' ? GOAL_STATUSES : group === 'follow-up' ? FOLLOW_UP_STATUSES : undefined;
    case '--felt':
      return FEELINGS;
    case '--started-by':
      return INITIATORS;
    case '--purpose':
      return OUTREACH_PURPOSES;
    case '--sort':
      return PERSON_SORTS;
    case '--quadrant':
      return QUADRANT_NAMES;
    case '--due':
      return group === 'person' ? DUE_CHOICES : undefined;
    case '--format':
      // Contact imports and capture share `waggle import` and the API's import route.
      return [...IMPORT_FORMATS, ...CAPTURE_FORMATS];
    case '--vcard-version':
      return VCARD_VERSIONS;
    case '--gexf-version':
      return GEXF_VERSIONS;
    default:
      return undefined;
  }
}

function walk(command: Command, path: string[] = []): { path: string; option: Option }[] {
  const here = command.options.map((option) => ({ path: path.join(' '), option }));
  return [...here, ...command.commands.flatMap((sub) => walk(sub, [...path, sub.name()]))];
}

const whole = await buildWholeProgram();

describe('the command line’s closed sets', () => {
  const options = walk(whole);

  it('finds the options to check', () => {
    expect(options.length).toBeGreaterThan(100);
    expect(options.some((o) => o.path === 'follow-up list' && o.option.long === '--status')).toBe(true);
  });

  it('every closed-set option takes exactly the vocabulary the API uses, and no other option pretends to', () => {
    const checked: string[] = [];
    for (const { path, option } of options) {
      const expected = expectedChoices(path, option.long ?? '');
      const where = `waggle ${path} ${option.long}`;
      if (option.negate) continue;
      if (expected) {
        expect(option.argChoices, where).toEqual([...expected]);
        checked.push(where);
      } else {
        expect(option.argChoices, `${where} has choices but no vocabulary is declared for it here`).toBeUndefined();
        // Help text that lists values is a closed set in disguise.
        expect(option.description, where).not.toMatch(/one of:/);
      }
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        'waggle follow-up list --status',
        'waggle follow-up add --kind',
        'waggle goal list --status',
        'waggle goal edit --status',
        'waggle person add --category',
        'waggle person edit --channel',
        'waggle person list --sort',
        'waggle person link --role',
        'waggle network add --kind',
        'waggle network edit --role',
        'waggle log --felt',
        'waggle log --started-by',
        'waggle log --channel',
        'waggle draft --purpose',
        'waggle import --format',
        'waggle export --gexf-version',
      ]),
    );
  });

  it('the export format argument is the API’s list', () => {
    const exporter = whole.commands.find((c) => c.name() === 'export')!;
    expect(exporter.registeredArguments[0]?.argChoices).toEqual([...EXPORT_FORMATS]);
  });
});

describe('closed sets on the command line, run', () => {
  // Each test its own data folder, with a session on it for the API beside the command line: no
  // test reads the follow-ups, category or flags another left on Ana.
  const world = freshSession('sqlite', { per: 'test' });
  const savedNow = process.env.WAGGLE_NOW;
  const waggle = (...argv: string[]) => waggleInProcess(world.dataDir, argv);
  beforeAll(() => {
    process.env.WAGGLE_NOW = TEST_NOW;
  });
  // Ana is every test's person: made for each, so that no test leans on another having added her.
  beforeEach(async () => {
    expect((await waggle('person', 'add', 'Ana Silva')).code).toBe(0);
  });
  afterAll(() => {
    if (savedNow === undefined) delete process.env.WAGGLE_NOW;
    else process.env.WAGGLE_NOW = savedNow;
  });

  it('follow-up list --status takes a status, not a follow-up kind', async () => {
    expect((await waggle('follow-up', 'add', 'Ask about the fellowship', '--kind', 'question', '--person', 'Ana Silva')).code).toBe(0);
    const kind = await waggle('follow-up', 'list', '--status', 'question', '--json');
    expect(kind.code).toBe(2);
    expect(JSON.parse(kind.stderr)).toEqual({ error: { code: 'validation', field: '--status', message: '--status: must be one of: open, done, dropped' } });
    const open = await waggle('follow-up', 'list', '--status', 'open', '--json');
    expect(open.code).toBe(0);
    expect(JSON.parse(open.stdout)).toHaveLength(1);
    const done = await waggle('follow-up', 'list', '--status', 'done', '--json');
    expect(JSON.parse(done.stdout)).toEqual([]);
  });

  it('--category none clears; a category not in the list is refused, naming the flag', async () => {
    expect((await waggle('person', 'edit', 'Ana Silva', '--category', 'leader-in-field')).code).toBe(0);
    const bad = await waggle('person', 'edit', 'Ana Silva', '--category', 'wizards');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`waggle: --category: must be one of: ${[...PERSON_CATEGORIES, 'none'].join(', ')}\n`);
    expect((await waggle('person', 'edit', 'Ana Silva', '--category', 'none')).code).toBe(0);
    expect(JSON.parse((await waggle('person', 'show', 'Ana Silva', '--json')).stdout).person.category).toBeNull();
  });

  it('edit leaves booleans alone unless --x or --no-x is given', async () => {
    expect((await waggle('person', 'edit', 'Ana Silva', '--know-and-like', '--lost-job-list', '--can-help', 'grants')).code).toBe(0);
    expect((await waggle('person', 'edit', 'Ana Silva', '--strength', '3')).code).toBe(0);
    expect(JSON.parse((await waggle('person', 'show', 'Ana Silva', '--json')).stdout).person).toMatchObject({ knowAndLike: true, lostJobList: true, canHelp: true, canHelpHow: 'grants', strength: 3 });
    expect((await waggle('person', 'edit', 'Ana Silva', '--no-know-and-like')).code).toBe(0);
    expect(JSON.parse((await waggle('person', 'show', 'Ana Silva', '--json')).stdout).person).toMatchObject({ knowAndLike: false, lostJobList: true, canHelp: true });
  });

  it('export gexf writes GEXF 1.2draft, which networkx reads as installed; --gexf-version 1.3 when asked; the API the same', async () => {
    const file = join(world.dataDir, 'map.gexf');
    expect((await waggle('export', 'gexf', '--out', file)).code).toBe(0);
    const gexf = readFileSync(file, 'utf8');
    expect(gexf).toContain('<gexf xmlns="http://www.gexf.net/1.2draft"');
    expect(gexf).toContain('version="1.2"');
    const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
    const read = spawnSync(python, ['-c', 'import sys, networkx as nx; G = nx.read_gexf(sys.argv[1]); print(G.number_of_nodes())', file], { encoding: 'utf8' });
    expect(read.stderr).toBe('');
    expect(Number(read.stdout.trim())).toBeGreaterThanOrEqual(2);
    const v13 = join(world.dataDir, 'map-1.3.gexf');
    expect((await waggle('export', 'gexf', '--gexf-version', '1.3', '--out', v13)).code).toBe(0);
    expect(readFileSync(v13, 'utf8')).toContain('<gexf xmlns="http://gexf.net/1.3"');
    expect((await waggle('export', 'gexf', '--gexf-version', '1.4')).code).toBe(2);

    const api = createApi(() => world.session.ctx);
    expect(await (await api.request('/api/export/gexf')).text()).toContain('version="1.2"');
    expect(await (await api.request('/api/export/gexf?gexfVersion=1.3')).text()).toContain('version="1.3"');
    const bad = await api.request('/api/export/gexf?gexfVersion=2');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('query.gexfVersion');
  });
});
