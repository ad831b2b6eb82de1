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
});
