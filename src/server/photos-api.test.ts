import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES } from '../core/photo.js';
import { parseVcards } from '../codecs/vcard/read.js';
import { DIALECTS } from '../test-support/databases.js';
import { serverWorld } from '../test-support/server-world.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="fetch(\'/api/export/json\')"><script>alert(document.cookie)</script></svg>');

const OWNER = { email: 'jo@example.org', name: 'Jo Reyes', password: 'correct horse battery staple' };
const OTHER = { email: 'bo@example.org', name: 'Bo Lind', password: 'another long passphrase' };

describe.each(DIALECTS)("a person's photo (%s)", (kind) => {
  const w = serverWorld(kind);
  let owner = '';
  let other = '';
  const photo = (id: string) => `/api/people/${id}/photo`;

  beforeAll(async () => {
    owner = (await w.accountWithSession(OWNER)).cookie;
    other = (await w.accountWithSession(OTHER)).cookie;
  });

  /** The owner's own Ana for one test, with a photo already where one is given (a JPEG declared as a PNG is kept as a JPEG). */
  async function newAna(bytes?: Uint8Array): Promise<string> {
    const id = (await w.json<{ id: string }>(201, '/api/people', { method: 'POST', cookie: owner, body: { name: 'Ana Silva' } })).id;
    if (bytes) await w.json(200, photo(id), { method: 'PUT', cookie: owner, raw: { type: 'image/png', bytes } });
    return id;
  }

  it('stores an upload in the workspace and serves it with its sniffed type, nosniff and no scripts', async () => {
    const ana = await newAna();
    expect((await w.call(photo(ana), { cookie: owner })).status).toBe(404);
    const hasPhoto = async () => (await w.json<{ hasPhoto: boolean }>(200, `/api/people/${ana}`, { cookie: owner })).hasPhoto;
    expect(await hasPhoto()).toBe(false);
    // Declared as octet-stream: the type comes from the bytes.
    const stored = await w.json<{ mediaType: string; size: number }>(200, photo(ana), { method: 'PUT', cookie: owner, raw: { type: 'application/octet-stream', bytes: PNG } });
    expect(stored).toMatchObject({ mediaType: 'image/png', size: PNG.length });
    const served = await w.call(photo(ana), { cookie: owner });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
    // The person's page learns there is one, and asks for it.
    expect(await hasPhoto()).toBe(true);
    // A JPEG declared as a PNG is served as what it is.
    await w.json(200, photo(ana), { method: 'PUT', cookie: owner, raw: { type: 'image/png', bytes: JPEG } });
    expect((await w.call(photo(ana), { cookie: owner })).headers.get('content-type')).toBe('image/jpeg');
  });

  it('refuses an SVG with a script, a page, a huge file and an empty one, each with its reason, and keeps the photo there was', async () => {
    const ana = await newAna(JPEG);
    const refused = async (type: string, bytes: Uint8Array, status: number, message: RegExp) => {
      const response = await w.call(photo(ana), { method: 'PUT', cookie: owner, raw: { type, bytes } });
      expect(response.status, message.source).toBe(status);
      expect(await response.text()).toMatch(message);
    };
    await refused('application/octet-stream', SVG, 400, /SVG drawing, which can carry scripts/);
    await refused('image/svg+xml', SVG, 415, /image\/png/);
    await refused('application/octet-stream', new TextEncoder().encode('<!doctype html><script>alert(1)</script>'), 400, /HTML or XML document/);
    const huge = new Uint8Array(MAX_PHOTO_BYTES + 1);
    huge.set(PNG);
    await refused('image/png', huge, 400, /the most a photo may be is 2 MB/);
    await refused('image/png', new Uint8Array(), 400, /empty/);
    expect((await w.call(photo(ana), { cookie: owner })).headers.get('content-type')).toBe('image/jpeg');
  });

  it('never shows, changes or removes a photo for another account, nor without a session', async () => {
    const ana = await newAna(JPEG);
    const foreign = await w.call(photo(ana), { cookie: other });
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('content-type')).not.toMatch(/^image\//);
    expect((await w.call(photo(ana), { method: 'PUT', cookie: other, raw: { type: 'image/png', bytes: PNG } })).status).toBe(404);
    expect((await w.call(photo(ana), { method: 'DELETE', cookie: other })).status).toBe(404);
    expect((await w.call(photo(ana))).status).toBe(401);
    expect((await w.call(photo(ana), { method: 'PUT', raw: { type: 'image/png', bytes: PNG } })).status).toBe(401);
    // Still the owner's JPEG.
    expect((await w.call(photo(ana), { cookie: owner })).headers.get('content-type')).toBe('image/jpeg');
  });

  it("goes into the person's vCard, read back by ical.js and by our reader", async () => {
    const ana = await newAna();
    await w.json(200, photo(ana), { method: 'PUT', cookie: owner, raw: { type: 'image/png', bytes: PNG } });
    for (const version of ['4.0', '3.0']) {
      const text = await (await w.call(`/api/people/${ana}/vcard?vcardVersion=${version}`, { cookie: owner })).text();
      const card = new ICAL.Component(ICAL.parse(text) as unknown[]);
      const value = String(card.getFirstPropertyValue('photo'));
      expect(value.replace(/^data:image\/png;base64,/, ''), version).toBe(Buffer.from(PNG).toString('base64'));
      expect(parseVcards(text).contacts[0]!.photo, version).toEqual(PNG);
    }
  });

  it('imports a photo carried in a vCard, and never fetches one given as a web address or keeps an SVG', async () => {
    const b64 = Buffer.from(PNG).toString('base64');
    const svg = Buffer.from(SVG).toString('base64');
    const cards = [
      `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Rui Costa\r\nPHOTO:data:image/png;base64,${b64}\r\nEND:VCARD`,
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Eva Lind\r\nPHOTO;ENCODING=b;TYPE=PNG:${b64}\r\nEND:VCARD`,
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Kai Lee\r\nPHOTO:https://169.254.169.254/latest/meta-data/photo.png\r\nEND:VCARD',
      `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Mallory Svg\r\nPHOTO:data:image/svg+xml;base64,${svg}\r\nEND:VCARD`,
    ].join('\r\n');
    const outcome = await w.json<{ summary: { created: number } }>(200, '/api/imports?fileName=cards.vcf', { method: 'POST', cookie: owner, raw: { type: 'text/vcard', bytes: new TextEncoder().encode(`${cards}\r\n`) } });
    expect(outcome.summary.created).toBe(4);
    const people = (await w.json<{ items: { id: string; name: string }[] }>(200, '/api/people', { cookie: owner })).items;
    const idOf = (name: string) => people.find((p) => p.name === name)!.id;
    for (const name of ['Rui Costa', 'Eva Lind']) {
      const served = await w.call(photo(idOf(name)), { cookie: owner });
      expect(served.status, name).toBe(200);
      expect(new Uint8Array(await served.arrayBuffer()), name).toEqual(PNG);
    }
    for (const name of ['Kai Lee', 'Mallory Svg']) expect((await w.call(photo(idOf(name)), { cookie: owner })).status, name).toBe(404);
  });

  it('removes the photo, and removing the person removes it too', async () => {
    const ana = await newAna(PNG);
    expect((await w.call(photo(ana), { method: 'DELETE', cookie: owner })).status).toBe(204);
    expect((await w.call(photo(ana), { cookie: owner })).status).toBe(404);
    await w.json(200, photo(ana), { method: 'PUT', cookie: owner, raw: { type: 'image/png', bytes: PNG } });
    expect((await w.call(`/api/people/${ana}`, { method: 'DELETE', cookie: owner })).status).toBeLessThan(300);
    expect((await w.call(photo(ana), { cookie: owner })).status).toBe(404);
  });
});
