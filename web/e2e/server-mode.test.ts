import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, startApp, type App } from './harness.js';

/**
 * `waggle serve --public-url …` in a real Chromium: the owner's account made at
 * /setup with the printed code, the app behind it, signing out and in again.
 */
describe('server mode in a real browser', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ serveArgs: (port) => ['--public-url', `http://127.0.0.1:${port}`] });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('makes the owner at /setup, opens the app, signs out and in again; the API refuses a stranger', async () => {
    const { page, base } = app;
    const code = /give the code ([A-Za-z0-9_-]+)/.exec(app.output())?.[1];
    expect(code).toBeDefined();
    expect((await fetch(`${base}/api/people`)).status).toBe(401);

    await page.goto(`${base}/setup`);
    await page.getByLabel('Setup code').fill(code!);
    await page.getByLabel('Your name', { exact: true }).fill('Ana Silva');
    await page.getByLabel('Email', { exact: true }).fill('ana@example.org');
    await page.getByLabel(/^Password/).fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Make the account' }).click();
    await page.getByRole('heading', { name: 'Start your map' }).waitFor();
    await page.getByText('Signed in as Ana Silva').waitFor();
    await page.screenshot({ path: join(SHOTS, 'server-signed-in.png') });

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in to Waggle' }).waitFor();
    await page.getByLabel('Email', { exact: true }).fill('ana@example.org');
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('That email address and password do not match an account').waitFor();
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Start your map' }).waitFor();
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'waggle_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  });

  it('invites a second account, who signs up at the link and sees a map of their own', async () => {
    const { page, base, browser } = app;
    await page.getByRole('button', { name: 'Load the sample map' }).click();
    await page.getByRole('heading', { name: /This month/ }).waitFor();
    const { path } = await page.evaluate<{ path: string }>(
      "fetch('/api/auth/invitations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then((r) => r.json())",
    );
    expect(path).toMatch(/^\/invite\//);

    const other = await browser.newPage();
    try {
      await other.goto(`${base}${path}`);
      await other.getByRole('heading', { name: 'Make your Waggle account' }).waitFor();
      await other.getByLabel('Your name', { exact: true }).fill('Bo Lind');
      await other.getByLabel('Email', { exact: true }).fill('bo@example.org');
      await other.getByLabel(/^Password/).fill('another long passphrase');
      await other.getByRole('button', { name: 'Make the account' }).click();
      await other.getByText('Signed in as Bo Lind').waitFor();
      // Bo's map is empty: Ana's demo is hers alone.
      await other.getByRole('heading', { name: 'Start your map' }).waitFor();
      const people = await other.evaluate<{ total: number }>("fetch('/api/people').then((r) => r.json())");
      expect(people.total).toBe(0);
      await other.screenshot({ path: join(SHOTS, 'server-invited.png') });
      // The link was for one account.
      await other.goto(`${base}${path}`);
      const again = await other.evaluate<number>(
        `fetch('/api/auth/invitations/${path.split('/').pop()}/accept', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'eve@example.org', name: 'Eve', password: 'yet another passphrase' }) }).then((r) => r.status)`,
      );
      expect(again).toBe(404);
    } finally {
      await other.close();
    }
    const ana = await page.evaluate<{ total: number }>("fetch('/api/people').then((r) => r.json())");
    expect(ana.total).toBeGreaterThan(50);
  });
});
