import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/test-support/postgres-server.js';
import { SHOTS, startApp, type App } from './harness.js';

/**
 * A hostile page on another origin (another port of 127.0.0.1: same site, other
 * origin) in a real Chromium, trying what any web page can try without asking the
 * server first: no-cors fetches with each "simple" content type, a form posted to
 * /api/erase, reading the export, and framing the app. None may change or read the map.
 */
describe('a page on another origin, in a real browser', () => {
  let app: App;
  let evil: Server;
  let evilBase = '';

  const snapshot = async () => {
    const response = await fetch(`${app.base}/api/export/json`);
    expect(response.status).toBe(200);
    return (await response.text()).replace(/"exportedAt":"[^"]*"/, '');
  };

  beforeAll(async () => {
    app = await startApp();
    // The map has data to lose: the demo, loaded as a non-browser client (the CLI) would.
    const loaded = await fetch(`${app.base}/api/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(loaded.status).toBe(200);
    const port = await freePort();
    evilBase = `http://127.0.0.1:${port}`;
    evil = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(attackPage(app.base));
    });
    await new Promise<void>((resolve) => evil.listen(port, '127.0.0.1', resolve));
  }, 60_000);

  afterAll(async () => {
    await new Promise((resolve) => evil?.close(resolve));
    await app?.close();
  });

  it('changes nothing, reads nothing, and cannot frame the app', async () => {
    const before = await snapshot();
    expect(before).toContain('Rosa');
    const { page } = app;
    const answers: Response[] = [];
    page.on('response', (response) => {
      if (response.url().startsWith(app.base)) answers.push(response);
    });

    await page.goto(evilBase);
    const outcomes = await page.evaluate<Record<string, string>>('window.attack()');
    // The no-cors fetches go out (their answers are opaque to the page); the reading one fails.
    expect(outcomes).toMatchObject({ read: 'blocked', 'read-export': 'blocked' });

    // The classic form posts: JSON smuggled in text/plain, and a urlencoded one.
    for (const form of ['plain', 'urlencoded']) {
      const posted = page.waitForResponse((r) => r.url() === `${app.base}/api/erase` && r.request().method() === 'POST' && (r.request().headers()['content-type'] ?? '').includes(form === 'plain' ? 'text/plain' : 'urlencoded'));
      await page.evaluate(`document.getElementById('${form}').submit()`);
      expect((await posted).status()).toBe(403);
    }

    // Every request that reached the server from this page was refused.
    const posts = answers.filter((r) => r.request().method() === 'POST');
    expect(posts.length).toBeGreaterThanOrEqual(3 * 3 + 2);
    for (const response of posts) expect([403, 415], `${response.request().headers()['content-type']} to ${response.url()}`).toContain(response.status());

    // The app in a frame: Chromium refuses to show it (frame-ancestors 'none', X-Frame-Options: DENY).
    const framed = answers.find((r) => r.url() === `${app.base}/` && r.request().resourceType() === 'document');
    expect(framed, 'the frame asked for the app').toBeDefined();
    expect(framed!.headers()['x-frame-options']).toBe('DENY');
    expect(framed!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    const frame = page.frames().find((f) => f.name() === 'app')!;
    await expect.poll(() => frame.url()).toMatch(/^chrome-error:/);
    await page.screenshot({ path: join(SHOTS, 'cross-site-attack.png') });

    expect(await snapshot()).toBe(before);
  });
});

/** The hostile page: what any site can do to a server on 127.0.0.1 without a preflight. */
function attackPage(target: string): string {
  return `<!doctype html><html><head><title>Totally harmless</title></head><body>
<h1>Nothing to see here</h1>
<form id="plain" method="post" action="${target}/api/erase" enctype="text/plain" target="sink"><input name='{"confirm":"erase everything","x":"' value='"}'></form>
<form id="urlencoded" method="post" action="${target}/api/erase" target="sink"><input name="confirm" value="erase everything"></form>
<iframe name="sink" title="sink"></iframe>
<iframe name="app" title="app" src="${target}/"></iframe>
<script>
const vcard = 'BEGIN:VCARD\\r\\nVERSION:3.0\\r\\nFN:Mallory Planted\\r\\nEND:VCARD\\r\\n';
const bodies = {
  'text/plain': () => JSON.stringify({ name: 'Mallory', confirm: 'erase everything' }),
  'application/x-www-form-urlencoded': () => new URLSearchParams({ confirm: 'erase everything', name: 'Mallory' }),
  'multipart/form-data': () => { const f = new FormData(); f.append('file', new Blob([vcard], { type: 'text/vcard' }), 'planted.vcf'); f.append('confirm', 'erase everything'); return f; },
};
window.attack = async () => {
  const outcomes = {};
  const tries = [];
  for (const [type, body] of Object.entries(bodies)) {
    for (const path of ['/api/people', '/api/imports', '/api/erase']) {
      const headers = type === 'multipart/form-data' ? {} : { 'content-type': type };
      tries.push(fetch('${target}' + path, { method: 'POST', mode: 'no-cors', headers, body: body() })
        .then(() => { outcomes[type + ' ' + path] = 'sent'; }, () => { outcomes[type + ' ' + path] = 'error'; }));
    }
  }
  tries.push(fetch('${target}/api/people').then((r) => r.text()).then((t) => { outcomes.read = 'read ' + t.length; }, () => { outcomes.read = 'blocked'; }));
  tries.push(fetch('${target}/api/export/json').then((r) => r.text()).then((t) => { outcomes['read-export'] = 'read ' + t.length; }, () => { outcomes['read-export'] = 'blocked'; }));
  await Promise.all(tries);
  return outcomes;
};
</script></body></html>`;
}
