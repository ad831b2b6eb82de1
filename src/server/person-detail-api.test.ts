import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import { serverWorld } from '../test-support/server-world.js';

const OWNER = { email: 'jo@example.org', name: 'Jo Reyes', password: 'correct horse battery staple' };
const OTHER = { email: 'bo@example.org', name: 'Bo Lind', password: 'another long passphrase' };

/** GET /api/people/{id}: a person's page, for their own account only, and a clean answer to any id. */
describe.each(DIALECTS)("a person's page over HTTP (%s)", (kind) => {
  const w = serverWorld(kind);
  let owner = '';
  let other = '';
  let ana = '';

  beforeAll(async () => {
    owner = (await w.accountWithSession(OWNER)).cookie;
    other = (await w.accountWithSession(OTHER)).cookie;
    ana = (await w.json<{ id: string }>(201, '/api/people', { method: 'POST', cookie: owner, body: { name: 'Ana Silva', nextContactOn: '2026-11-01' } })).id;
  });

  it("gives the person with today, so the page needs no other request to tell an overdue contact", async () => {
    const detail = await w.json<{ person: { id: string; name: string; nextContact: { date: string } | null }; today: string }>(200, `/api/people/${ana}`, { cookie: owner });
    expect(detail.person).toMatchObject({ id: ana, name: 'Ana Silva', nextContact: { date: '2026-11-01' } });
    expect(detail.today).toBe('2026-11-22');
  });

  it("answers 404 for another account's person, naming nothing of them", async () => {
    const response = await w.call(`/api/people/${ana}`, { cookie: other });
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).toMatch(/"code":"not_found"/);
    expect(body).not.toContain('Ana');
  });

  it('answers a malformed or hostile id with a clean 400 or 404, never a 500', async () => {
    // A NUL no id holds (and PostgreSQL's text refuses): the path's id is at fault.
    for (const id of ['%00', 'a%00b']) {
      const response = await w.call(`/api/people/${id}`, { cookie: owner });
      expect(response.status, id).toBe(400);
      expect(await response.json(), id).toMatchObject({ error: { message: expect.stringMatching(/NUL/) } });
    }
    for (const id of [encodeURIComponent("x' or '1'='1"), '%25', 'p'.repeat(4000), encodeURIComponent('ünïcødé ✓'), '%E2%80%AE', '..%2F..%2Fapi%2Fhealth']) {
      const response = await w.call(`/api/people/${id}`, { cookie: owner });
      expect(response.status, id).toBe(404);
      expect(await response.json(), id).toMatchObject({ error: { code: 'not_found' } });
    }
  });
});
