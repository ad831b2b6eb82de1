import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiOnFreshSqlite } from '../test-support/api-on-sqlite.js';
import { DIALECTS } from '../test-support/databases.js';
import { TEST_NOW } from '../test-support/fresh-session.js';
import { serverWorld } from '../test-support/server-world.js';

/** One card read by ical.js, a reader independent of ours. */
function readCard(text: string) {
  const card = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const n = card.getFirstPropertyValue('n') as string[] | string;
  const org = card.getFirstPropertyValue('org') as string[] | string | null;
  return {
    version: String(card.getFirstPropertyValue('version')),
    fn: String(card.getFirstPropertyValue('fn')),
    family: Array.isArray(n) ? n[0] : String(n).split(';')[0],
    emails: card.getAllProperties('email').map((p) => String(p.getFirstValue())),
    phones: card.getAllProperties('tel').map((p) => String(p.getFirstValue())),
    org: Array.isArray(org) ? org[0] : org,
    note: card.getFirstPropertyValue('note'),
  };
}

const OWNER = { email: 'jo@example.org', name: 'Jo Reyes', password: 'correct horse battery staple' };
const OTHER = { email: 'bo@example.org', name: 'Bo Lind', password: 'another long passphrase' };

describe.each(DIALECTS)("a person's vCard as a download (%s)", (kind) => {
  const w = serverWorld(kind);
  let owner = '';
  let other = '';
  let ana = '';

  beforeAll(async () => {
    owner = (await w.accountWithSession(OWNER)).cookie;
    other = (await w.accountWithSession(OTHER)).cookie;
    const created = await w.json<{ id: string }>(201, '/api/people', {
      method: 'POST',
      cookie: owner,
      body: {
        name: 'Dr Ana Maria Silva',
        familyName: 'Silva',
        organisation: 'Hospital Norte',
        notes: 'Private: thinking of leaving',
        channels: [
          { kind: 'email', value: 'ana@example.org' },
          { kind: 'phone', value: '+351 22 000 0000' },
        ],
      },
    });
    ana = created.id;
  });

  it('gives the owner a vCard 4.0 file named after the person, which ical.js reads back; notes only when asked for', async () => {
    const response = await w.call(`/api/people/${ana}/vcard`, { cookie: owner });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/vcard; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="dr-ana-maria-silva.vcf"');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const text = await response.text();
    expect(text.match(/BEGIN:VCARD/g)).toHaveLength(1);
    expect(readCard(text)).toMatchObject({ version: '4.0', fn: 'Dr Ana Maria Silva', family: 'Silva', emails: ['ana@example.org'], org: 'Hospital Norte', note: null });
    expect(readCard(text).phones.join()).toContain('+351 22 000 0000');

    const withNotes = await w.call(`/api/people/${ana}/vcard?includeNotes=true&vcardVersion=3.0`, { cookie: owner });
    expect(readCard(await withNotes.text())).toMatchObject({ version: '3.0', fn: 'Dr Ana Maria Silva', note: 'Private: thinking of leaving' });
  });

  it('never gives it to another account, nor without a session; an unknown id or version is refused', async () => {
    const foreign = await w.call(`/api/people/${ana}/vcard`, { cookie: other });
    expect(foreign.status).toBe(404);
    const body = await foreign.text();
    expect(body).not.toContain('Silva');
    expect(body).not.toContain('ana@example.org');
    expect((await w.call(`/api/people/${ana}/vcard`)).status).toBe(401);
    expect((await w.call('/api/people/per_nobody/vcard', { cookie: owner })).status).toBe(404);
    expect((await w.call(`/api/people/${ana}/vcard?vcardVersion=2.1`, { cookie: owner })).status).toBe(400);
  });
});

describe("a person's vCard on your own machine: no other site may read it", () => {
  const PORT = 4747;
  const world = apiOnFreshSqlite(TEST_NOW, { edgePort: PORT });
  const api = () => world.api;
  let id = '';

  beforeAll(async () => {
    const created = await api().request('/api/people', { method: 'POST', headers: { host: `127.0.0.1:${PORT}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Ana Silva', channels: [{ kind: 'email', value: 'ana@example.org' }] }) });
    id = ((await created.json()) as { id: string }).id;
  });

  it('answers the app itself, and refuses another site and a rebound host name', async () => {
    const own = await api().request(`/api/people/${id}/vcard`, { headers: { host: `127.0.0.1:${PORT}`, 'sec-fetch-site': 'same-origin' } });
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('ana@example.org');
    for (const site of ['cross-site', 'same-site']) {
      const read = await api().request(`/api/people/${id}/vcard`, { headers: { host: `127.0.0.1:${PORT}`, 'sec-fetch-site': site } });
      expect(read.status, site).toBe(403);
      expect(await read.text()).not.toContain('ana@example.org');
    }
    const rebound = await api().request(`/api/people/${id}/vcard`, { headers: { host: `evil.example:${PORT}` } });
    expect(rebound.status).not.toBe(200);
    expect(await rebound.text()).not.toContain('ana@example.org');
  });
});
