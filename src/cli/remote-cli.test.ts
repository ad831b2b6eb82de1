import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccessToken, revokeAccessToken } from '../services/accounts.js';
import { randomIds } from '../services/context.js';
import { startServer, type RunningServer } from '../server/serve.js';
import { freshSession, TEST_NOW } from '../test-support/fresh-session.js';
import { waggleInProcess } from '../test-support/waggle-in-process.js';

/**
 * `waggle --server URL --token T …` against a real server listening on loopback, on
 * the same data folder the local CLI reads: the owner's workspace is the one a local
 * install had, so every command can be run both ways on the same map and its output
 * compared byte for byte.
 */
describe('the command line against a server', () => {
  // One fresh data folder for the suite, read-only to the tests but for what each adds and reads
  // itself: the local CLI fills it (the demo, an account and its token) and the server answers
  // from the same folder through the suite's session, whose clock stands where WAGGLE_NOW does.
  const world = freshSession('sqlite', { ids: 'random' });
  let server: RunningServer;
  let token = '';
  const saved = { now: process.env.WAGGLE_NOW, password: process.env.WAGGLE_PASSWORD, server: process.env.WAGGLE_SERVER, token: process.env.WAGGLE_TOKEN };
  const local = (...argv: string[]) => waggleInProcess(world.dataDir, argv);
  const remote = (...argv: string[]) => waggleInProcess(world.dataDir, ['--server', server.url, '--token', token, ...argv]);

  beforeAll(async () => {
    process.env.WAGGLE_NOW = TEST_NOW;
    process.env.WAGGLE_PASSWORD = 'correct horse battery staple';
    delete process.env.WAGGLE_SERVER;
    delete process.env.WAGGLE_TOKEN;
    expect((await local('demo')).code).toBe(0);
    expect((await local('user', 'add', 'ana@example.org', '--name', 'Ana Silva')).code).toBe(0);
    token = (JSON.parse((await local('--json', 'user', 'token', 'ana@example.org', '--label', 'cli')).stdout) as { token: string }).token;
    server = await startServer(world.session, { port: 0, publicUrl: 'http://waggle.test' });
  });
  // Before freshSession's own: the server stops before its session closes and the folder goes.
  afterAll(async () => {
    await server?.close();
    for (const [key, value] of [['WAGGLE_NOW', saved.now], ['WAGGLE_PASSWORD', saved.password], ['WAGGLE_SERVER', saved.server], ['WAGGLE_TOKEN', saved.token]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('prints what the local CLI prints for the everyday reads, as text and as JSON', async () => {
    const goal = (JSON.parse((await local('--json', 'goal', 'list')).stdout) as { items: { statement: string }[] }).items[0]!.statement;
    const person = (JSON.parse((await local('--json', 'person', 'list', '--limit', '1', '--sort', 'importance')).stdout) as { items: { name: string }[] }).items[0]!.name;
    const network = (JSON.parse((await local('--json', 'network', 'list', '--limit', '1')).stdout) as { items: { name: string }[] }).items[0]!.name;
    const reads = [
      ['person', 'list'],
      ['person', 'list', '--goal', goal, '--sort', 'strength', '--limit', '7'],
      ['person', 'list', '--network', network, '--due'],
      ['person', 'show', person],
      ['network', 'list'],
      ['network', 'list', '--goal', goal],
      ['network', 'show', network],
      ['goal', 'show', goal],
      ['exchange', 'list', '--person', person, '--limit', '5'],
      ['exchange', 'list', '--network', network],
      ['goal', 'list'],
      ['follow-up', 'list'],
      ['follow-up', 'list', '--status', 'done'],
      ['due', '--within', '31'],
      ['check'],
      ['check', '--goal', goal],
      ['plan'],
      ['plan', 'show', '--month', '2026-10'],
      ['export', 'csv'],
      ['export', 'vcard', '--include-notes'],
    ];
    let compared = 0;
    for (const argv of reads) {
      for (const asJson of [false, true]) {
        const args = asJson ? ['--json', ...argv] : argv;
        const here = await local(...args);
        const there = await remote(...args);
        expect(here.code, `${args.join(' ')}: ${here.stderr}`).toBe(0);
        expect(there.stderr, args.join(' ')).toBe('');
        expect(there.code, args.join(' ')).toBe(0);
        expect(there.stdout, args.join(' ')).toBe(here.stdout);
        expect(there.stdout.length, `${args.join(' ')}: ${there.stdout}`).toBeGreaterThan(20);
        compared += 1;
      }
    }
    expect(compared).toBe(reads.length * 2);
    // The backup is the same data; only the moment of export differs.
    const stamp = (text: string) => text.replace(/"exportedAt":"[^"]*"/, '');
    const backupHere = await local('export', 'json');
    const backupThere = await remote('export', 'json');
    expect(stamp(backupThere.stdout)).toBe(stamp(backupHere.stdout));
    expect(JSON.parse(backupThere.stdout)).toMatchObject({ workspace: { people: expect.any(Array) } });
  });

  it('writes through the server: person add, edit, show, remove; network and goal add; log; follow-ups added, done, dropped', async () => {
    const added = await remote('person', 'add', 'Zed Remote', '--org', 'Far Lab', '--email', 'zed@far.example', '--strength', '2', '--cadence', 'monthly');
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/^Added Zed Remote \[per_[a-z0-9]+\]\n$/);
    const edited = await remote('person', 'edit', 'zed remote', '--importance', '4', '--tag', 'remote');
    expect(edited.stdout).toMatch(/^Updated Zed Remote \[per_[a-z0-9]+\]\n$/);
    const net = await remote('network', 'add', 'Remote Guild', '--kind', 'social-media-community', '--role', 'member', '--hours', '2');
    expect(net.stderr).toBe('');
    expect(net.stdout).toMatch(/^Added Remote Guild \[net_[a-z0-9]+\]\n$/);
    const goal = await remote('goal', 'add', 'Learn how remote labs recruit', '--need', 'insiders');
    expect(goal.stdout).toMatch(/^Added goal \[goal_[a-z0-9]+\]: Learn how remote labs recruit\n$/);
    const logged = await remote('log', '--with', 'Zed Remote', '--channel', 'video', '--at', 'Remote Guild', '--gave', 'resource:a reading list', '--learned', 'They hire from their reading group', '--thank-you', '--no-prompt');
    expect(logged.stderr).toBe('');
    expect(logged.stdout).toMatch(/^Logged video on 2026-11-22 \[ex_[a-z0-9]+\]\nFollow-up due 2026-11-24: Send a thank-you note \[fu_[a-z0-9]+\]\n$/);
    // What the server stored is what the local CLI reads, and both print it alike.
    const shownHere = await local('person', 'show', 'Zed Remote');
    expect(shownHere.stdout).toContain('Far Lab');
    expect(shownHere.stdout).toContain('They hire from their reading group');
    expect((await remote('person', 'show', 'Zed Remote')).stdout).toBe(shownHere.stdout);
    expect((await remote('--json', 'person', 'list', '--tag', 'remote')).stdout).toBe((await local('--json', 'person', 'list', '--tag', 'remote')).stdout);
    const promised = await remote('follow-up', 'add', 'Send the audit template', '--kind', 'resource', '--person', 'Zed Remote', '--due', '2026-11-30');
    expect(promised.stderr).toBe('');
    const followUpId = /\[(fu_[a-z0-9]+)\]/.exec(promised.stdout)![1]!;
    expect(promised.stdout).toBe(`Follow-up due 2026-11-30 [${followUpId}]\n`);
    expect((await remote('follow-up', 'done', followUpId)).stdout).toBe('Done: Send the audit template\n');
    expect((await local('follow-up', 'list', '--status', 'done', '--person', 'Zed Remote')).stdout).toContain('Send the audit template');
    const thanks = JSON.parse((await local('--json', 'follow-up', 'list', '--person', 'Zed Remote')).stdout) as { id: string; kind: string }[];
    expect((await remote('follow-up', 'drop', thanks.find((f) => f.kind === 'thank-you')!.id)).stdout).toBe('Dropped: Send a thank-you note\n');
    const removed = await remote('person', 'remove', 'Zed Remote');
    expect(removed.stdout).toMatch(/^Removed Zed Remote \[per_[a-z0-9]+\]\n$/);
    expect((await local('person', 'show', 'Zed Remote')).code).toBe(3);
  });

  it('fails as the local CLI does: not found, ambiguous, bad input, with the same words and exit codes', async () => {
    expect((await remote('person', 'add', 'Twin Name')).code).toBe(0);
    expect((await remote('person', 'add', 'Twin Name')).code).toBe(0);
    for (const argv of [['person', 'show', 'Nobody At All'], ['person', 'show', 'twin name'], ['goal', 'list', '--limit', '-3'], ['log', '--with', 'Nobody At All', '--channel', 'coffee', '--no-prompt'], ['log', '--with', 'Twin Name', '--channel', 'coffee', '--on', '2030-01-01', '--no-prompt'], ['person', 'add', 'X', '--strength', '9'], ['check', '--goal', 'no such goal']]) {
      const here = await local(...argv);
      const there = await remote(...argv);
      expect(here.code, argv.join(' ')).not.toBe(0);
      expect({ code: there.code, stderr: there.stderr }, argv.join(' ')).toEqual({ code: here.code, stderr: here.stderr });
    }
    const json = await remote('--json', 'person', 'show', 'twin name');
    expect(JSON.parse(json.stderr)).toMatchObject({ error: { code: 'ambiguous' } });
  });

  it('takes the server and token from WAGGLE_SERVER and WAGGLE_TOKEN', async () => {
    process.env.WAGGLE_SERVER = server.url;
    process.env.WAGGLE_TOKEN = token;
    try {
      const there = await local('goal', 'list');
      delete process.env.WAGGLE_SERVER;
      expect(there.code).toBe(0);
      expect(there.stdout).toBe((await local('goal', 'list')).stdout);
    } finally {
      delete process.env.WAGGLE_SERVER;
      delete process.env.WAGGLE_TOKEN;
    }
  });

  it('says so when a command has no remote form, instead of using the local database', async () => {
    const file = join(world.dataDir, 'one.vcf');
    writeFileSync(file, 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Mallory Local\r\nEND:VCARD\r\n');
    for (const argv of [['import', file], ['demo', '--replace'], ['user', 'list'], ['share', 'list'], ['person', 'link', 'Twin Name', '--goal', 'x']]) {
      const refused = await remote(...argv);
      expect(refused.code, argv.join(' ')).toBe(2);
      expect(refused.stderr).toMatch(/--server: `waggle [a-z -]+` works on local data only, not against a server; against a server these do: person list/);
    }
    expect((await local('person', 'list', '--search', 'Mallory')).stdout).not.toContain('Mallory');
  });

  it('refuses a wrong, a revoked or a missing token, and plain http to another host, with a clear error and a non-zero exit', async () => {
    const wrong = await waggleInProcess(world.dataDir, ['--server', server.url, '--token', 'wgl_not-a-real-token-at-all-000000', 'due']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('waggle: --token: This access token is not valid (it may have been revoked)\n');
    const { ctx } = world.session;
    const owner = (await ctx.db.selectFrom('accounts').select('id').executeTakeFirstOrThrow()).id;
    const deps = { db: ctx.db, clock: ctx.clock, ids: randomIds, defaultTimeZone: 'UTC' };
    // A token of its own to revoke: the suite's token stays good for the tests that run after this one.
    const doomed = await createAccessToken(deps, owner, 'to revoke');
    expect((await waggleInProcess(world.dataDir, ['--server', server.url, '--token', doomed.token, 'goal', 'list'])).code).toBe(0);
    await revokeAccessToken(deps, owner, doomed.accessToken.id);
    const revoked = await waggleInProcess(world.dataDir, ['--server', server.url, '--token', doomed.token, 'person', 'add', 'After Revocation']);
    expect(revoked.code).toBe(2);
    expect(revoked.stderr).toMatch(/--token: This access token is not valid/);
    expect((await local('person', 'list', '--search', 'After Revocation')).stdout).not.toContain('After Revocation');
    const missing = await waggleInProcess(world.dataDir, ['--server', server.url, 'plan']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--token: a server needs an access token/);
    const plain = await waggleInProcess(world.dataDir, ['--server', 'http://waggle.example.org', '--token', token, 'plan']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/plain http: the token would cross the network unencrypted/);
    const down = await waggleInProcess(world.dataDir, ['--server', 'http://127.0.0.1:9', '--token', token, 'plan']);
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(/--server: could not reach http:\/\/127\.0\.0\.1:9/);
  });
});
