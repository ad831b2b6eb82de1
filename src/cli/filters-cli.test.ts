import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../server/app.js';
import { freshSession } from '../test-support/fresh-session.js';
import { waggleInProcess } from '../test-support/waggle-in-process.js';

/*
 * The list filters live once, in src/contract/filters.ts: the API reads its query
 * string with them and the CLI parses its flags with them. So a bad value gets the
 * same words on both edges; only the name of the field differs (`--category` on the
 * command line, `query.category` in the API).
 */

interface Refusal {
  field: string;
  reason: string;
}

const reasonOf = (message: string, field: string) => (message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message);

describe('a bad filter value: the same words from the CLI and the API', () => {
  // The API over a session on the data folder the command line (in-process) is pointed at.
  const world = freshSession('sqlite', { ids: 'random' });
  let dataDir: string;
  let api: ReturnType<typeof createApi>;
  const savedNow = process.env.WAGGLE_NOW;

  beforeAll(async () => {
    process.env.WAGGLE_NOW = '2026-11-22T10:00:00Z';
    dataDir = world.dataDir;
    api = createApi(() => world.session.ctx);
  });
  afterAll(() => {
    if (savedNow === undefined) delete process.env.WAGGLE_NOW;
    else process.env.WAGGLE_NOW = savedNow;
  });

  async function cliRefusal(argv: string[]): Promise<Refusal> {
    const run = await waggleInProcess(dataDir, ['--json', ...argv]);
    expect(run.code, `waggle ${argv.join(' ')} should be refused as bad input`).toBe(2);
    const { error } = JSON.parse(run.stderr) as { error: { code: string; field: string; message: string } };
    expect(error.code).toBe('validation');
    return { field: error.field, reason: reasonOf(error.message, error.field) };
  }

  async function apiRefusal(path: string): Promise<Refusal> {
    const response = await api.request(path);
    expect(response.status, path).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; field: string; message: string } };
    expect(error.code).toBe('validation');
    return { field: error.field, reason: reasonOf(error.message, error.field) };
  }

  const longSource = 'x'.repeat(41);
  const cases: [string, string[], string, string, RegExp][] = [
    ['a category not in the checklist', ['person', 'list', '--category', 'wizards'], '/api/people?category=wizards', 'category', /^must be one of: .*leader-in-field.*, none$/],
    ['a stage that does not exist', ['person', 'list', '--stage', 'married'], '/api/people?stage=married', 'stage', /^must be one of: to-meet, /],
    ['an order that does not exist', ['person', 'list', '--sort', 'loudest'], '/api/people?sort=loudest', 'sort', /^must be one of: name, strength, /],
    ['a quadrant that does not exist', ['person', 'list', '--quadrant', 'nowhere'], '/api/people?quadrant=nowhere', 'quadrant', /^must be one of: maintain, strengthen, overInvested, letBe$/],
    ['a source name too long', ['person', 'list', '--source', longSource], `/api/people?source=${longSource}`, 'source', /^must be at most 40 characters$/],
    ['a page of nobody', ['person', 'list', '--limit', '0'], '/api/people?limit=0', 'limit', /^must be from 1 to 100000$/],
    ['a page size that is not a number', ['person', 'list', '--limit', 'many'], '/api/people?limit=many', 'limit', /^must be a whole number$/],
    ['a negative offset', ['exchange', 'list', '--offset=-1'], '/api/exchanges?offset=-1', 'offset', /^must be 0 or more$/],
    ['a network kind that does not exist', ['network', 'list', '--kind', 'club'], '/api/networks?kind=club', 'kind', /^must be one of: /],
    ['a goal status that does not exist', ['goal', 'list', '--status', 'someday'], '/api/goals?status=someday', 'status', /^must be one of: /],
    ['a follow-up kind given as its status', ['follow-up', 'list', '--status', 'question'], '/api/follow-ups?status=question', 'status', /^must be one of: open, done, dropped$/],
  ];

  it.each(cases)('%s', async (_what, argv, path, name, reason) => {
    const cli = await cliRefusal(argv);
    const fromApi = await apiRefusal(path);
    expect(cli.field).toBe(`--${name}`);
    expect(fromApi.field).toBe(`query.${name}`);
    expect(cli.reason).toMatch(reason);
    expect(cli.reason).toBe(fromApi.reason);
  });

  it('bulk-edit reads its filter with the API’s schema too', async () => {
    const cli = await cliRefusal(['person', 'bulk-edit', '--source', longSource, '--strength', '2']);
    const response = await api.request('/api/people/bulk-edit', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ filter: { source: longSource }, set: { strength: 2 } }),
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { field: string; message: string } };
    expect(cli).toEqual({ field: '--source', reason: 'must be at most 40 characters' });
    expect(error.field).toBe('filter.source');
    expect(reasonOf(error.message, error.field)).toBe(cli.reason);
  });

  it('good values find the same people on both edges', async () => {
    for (const name of ['Ana Silva', 'Bo Chen', 'Cy Ortiz']) expect((await waggleInProcess(dataDir, ['person', 'add', name])).code).toBe(0);
    expect((await waggleInProcess(dataDir, ['person', 'edit', 'Bo Chen', '--strength', '4', '--importance', '5', '--category', 'leader-in-field'])).code).toBe(0);
    const pairs: [string[], string][] = [
      [['--unjudged'], 'unjudged=true'],
      [['--category', 'leader-in-field'], 'category=leader-in-field'],
      [['--category', 'none', '--limit', '1', '--offset', '1'], 'category=none&limit=1&offset=1'],
      [['--sort', 'strength'], 'sort=strength'],
    ];
    for (const [flags, query] of pairs) {
      const cli = JSON.parse((await waggleInProcess(dataDir, ['--json', 'person', 'list', ...flags])).stdout) as { items: { name: string }[]; total: number };
      const fromApi = (await (await api.request(`/api/people?${query}`)).json()) as { items: { name: string }[]; total: number };
      expect(cli, flags.join(' ')).toEqual(fromApi);
      expect(cli.items.length).toBeGreaterThan(0);
    }
    const unjudged = JSON.parse((await waggleInProcess(dataDir, ['--json', 'person', 'list', '--unjudged'])).stdout) as { items: { name: string }[] };
    expect(unjudged.items.map((p) => p.name)).toEqual(['Ana Silva', 'Cy Ortiz']);
  });
});
