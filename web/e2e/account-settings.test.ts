import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { accessibilityProblems, SHOTS, startApp, type App } from './harness.js';

const OWNER = { name: 'Ana Silva', email: 'ana@example.org', password: 'correct horse battery staple' };

async function signIn(page: Page, base: string, password: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByRole('heading', { name: 'Sign in to Waggle' }).waitFor();
  await page.getByLabel('Email', { exact: true }).fill(OWNER.email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(`Signed in as ${OWNER.name}`).waitFor();
}

/**
 * Account settings in server mode, in a real Chromium: the password, the sessions,
 * access tokens, an ended session noticed by the page, and deleting the account.
 */
describe('account settings in a real browser', () => {
  let app: App;
  beforeAll(async () => {
    // bypassCsp lets the test inject axe-core; the app's own CSP is tested with it on elsewhere.
    app = await startApp({ bypassCsp: true, serveArgs: (port) => ['--public-url', `http://127.0.0.1:${port}`] });
    const code = /give the code ([A-Za-z0-9_-]+)/.exec(app.output())?.[1];
    const { page, base } = app;
    page.setDefaultTimeout(15_000);
    await page.goto(`${base}/setup`);
    await page.getByLabel('Setup code').fill(code!);
    await page.getByLabel('Your name', { exact: true }).fill(OWNER.name);
    await page.getByLabel('Email', { exact: true }).fill(OWNER.email);
    await page.getByLabel(/^Password/).fill(OWNER.password);
    await page.getByRole('button', { name: 'Make the account' }).click();
    await page.getByText(`Signed in as ${OWNER.name}`).waitFor();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('makes an access token shown once, which the API takes until it is revoked', async () => {
    const { page, base } = app;
    await page.goto(`${base}/settings`);
    await page.getByRole('heading', { name: 'Access tokens' }).waitFor();
    await page.getByLabel('What it is for').fill('laptop CLI');
    await page.getByRole('button', { name: 'Make a token' }).click();
    const token = (await page.getByTestId('new-token').textContent())!;
    expect(token).toMatch(/^wgl_[A-Za-z0-9_-]{40,}$/);
    await page.getByRole('table', { name: 'Your access tokens' }).getByText('laptop CLI').waitFor();
    expect((await fetch(`${base}/api/people`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    await page.screenshot({ path: join(SHOTS, 'account-settings.png'), fullPage: true });
    expect(await accessibilityProblems(page)).toEqual([]);
    // Shown once: after a reload, the list names it but never shows it.
    await page.reload();
    await page.getByRole('table', { name: 'Your access tokens' }).getByText('laptop CLI').waitFor();
    expect(await page.content()).not.toContain(token);
    await page.getByRole('button', { name: 'Revoke laptop CLI' }).click();
    await page.getByText(/^revoked /).waitFor();
    expect((await fetch(`${base}/api/people`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('lists the sessions and logs out everywhere else; the other browser notices and keeps its page for after signing in', async () => {
    const { page, base, browser } = app;
    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    try {
      await signIn(other, base, OWNER.password);
      await other.goto(`${base}/goals`);
      await other.getByRole('heading', { name: 'Goals', exact: true }).waitFor();

      await page.goto(`${base}/settings`);
      const sessions = page.getByRole('table', { name: 'Your sessions' });
      await sessions.getByText('this browser').waitFor();
      expect(await sessions.locator('tbody tr').count()).toBe(2);
      await page.getByRole('button', { name: 'Log out everywhere else' }).click();
      await page.getByText('Signed out 1 other session.').waitFor();
      expect(await sessions.locator('tbody tr').count()).toBe(1);

      // The other browser's next request is refused: it asks to sign in, at the same address.
      await other.getByRole('link', { name: 'People' }).click();
      await other.getByRole('heading', { name: 'Sign in to Waggle' }).waitFor();
      await other.getByText('Your session has ended').waitFor();
      expect(new URL(other.url()).pathname).toBe('/people');
      await other.getByLabel('Email', { exact: true }).fill(OWNER.email);
      await other.getByLabel('Password', { exact: true }).fill(OWNER.password);
      await other.getByRole('button', { name: 'Sign in' }).click();
      await other.getByRole('heading', { name: 'People', exact: true }).waitFor();
      expect(new URL(other.url()).pathname).toBe('/people');
    } finally {
      await otherContext.close();
    }
  });

  it('changes the password only with the current one, and signs the other browsers out', async () => {
    const { page, base, browser } = app;
    const otherContext = await browser.newContext();
    const other = await otherContext.newPage();
    other.setDefaultTimeout(15_000);
    try {
      await signIn(other, base, OWNER.password);
      await page.goto(`${base}/settings`);
      const form = page.getByRole('form', { name: 'Change your password' });
      await form.getByLabel('Current password').fill('not my password at all');
      await form.getByLabel(/^New password/).fill('a brand new passphrase');
      await form.getByRole('button', { name: 'Change password' }).click();
      await form.getByRole('alert').getByText('currentPassword: is not your password').waitFor();
      await form.getByLabel('Current password').fill(OWNER.password);
      await form.getByLabel(/^New password/).fill('a brand new passphrase');
      await form.getByRole('button', { name: 'Change password' }).click();
      // This browser's session stays; the other's ends (and the one the last test's other browser left open).
      await form.getByText(/^Your password is changed\. [12] other sessions? ended\.$/).waitFor();
      expect(await other.evaluate<number>("fetch('/api/auth/me').then((r) => r.status)")).toBe(401);
      expect(await page.evaluate<number>("fetch('/api/auth/me').then((r) => r.status)")).toBe(200);
      OWNER.password = 'a brand new passphrase';
    } finally {
      await otherContext.close();
    }
  });

  it('deletes the account with the password typed again and, for the owner, the phrase; the account cannot sign in again', async () => {
    const { page, base } = app;
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: 'Load the sample map' }).click();
    await page.getByRole('heading', { name: /This month/ }).waitFor();
    await page.goto(`${base}/settings`);
    const form = page.getByRole('form', { name: 'Delete your account' });
    const button = form.getByRole('button', { name: 'Delete my account' });
    await form.getByLabel('Your password').fill(OWNER.password);
    expect(await button.isDisabled()).toBe(true);
    await form.getByLabel('Type “delete the owner”').fill('delete the owner');
    await form.getByLabel('Your password').fill('a wrong password here');
    await button.click();
    await page.getByRole('alert').getByText('password: is not your password').waitFor();
    await form.getByLabel('Your password').fill(OWNER.password);
    await button.click();
    await page.getByRole('heading', { name: 'Sign in to Waggle' }).waitFor();
    expect(await (await fetch(`${base}/api/auth/status`)).json()).toEqual({ mode: 'server', account: null, needsOwner: true });
    const signIn = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: OWNER.email, password: OWNER.password }) });
    expect(signIn.status).toBe(401);
  });
});

describe('account settings on one\'s own machine', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('are not there: no accounts, nothing changes', async () => {
    const { page, base } = app;
    await page.goto(`${base}/settings`);
    await page.getByRole('heading', { name: 'Export and backup' }).waitFor();
    for (const heading of ['Password', 'Where you are signed in', 'Access tokens', 'Delete your account']) expect(await page.getByRole('heading', { name: heading }).count()).toBe(0);
    await page.getByText('An SQLite file on this computer').waitFor();
  });
});
