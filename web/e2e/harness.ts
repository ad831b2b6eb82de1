import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { freePort } from '../../src/test-support/postgres-server.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SHOTS = join(ROOT, '.test-results', 'screenshots');
const CHROMIUM = process.env.WAGGLE_CHROMIUM ?? '/usr/bin/chromium';

export interface App {
  base: string;
  page: Page;
  browser: Browser;
  /** Messages of every alert/confirm the page raised (confirms are accepted only when `acceptDialogs` is set). */
  dialogs: string[];
  /** Answer the next confirm() with yes. */
  acceptDialogs: boolean;
  /** What `waggle serve` printed. */
  output: () => string;
  close: () => Promise<void>;
}

/**
 * `waggle serve` on a fresh data folder and a real headless Chromium (Debian's,
 * driven by playwright-core), with the clock fixed so dates in the demo are stable.
 */
export async function startApp(options: { viewport?: { width: number; height: number }; bypassCsp?: boolean; serveArgs?: (port: number) => string[]; dataDir?: string } = {}): Promise<App> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's chromium package (.ci/run does)`);
  if (!existsSync(join(ROOT, 'dist', 'web', 'index.html'))) throw new Error('Build the web app first: npm run build (npm test does it)');
  mkdirSync(SHOTS, { recursive: true });
  // A data folder made by the test (a generated map) is the test's to remove.
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'waggle-web-'));
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin', 'waggle.js'), '--data', dataDir, 'serve', '--port', String(port), ...(options.serveArgs?.(port) ?? [])], {
    env: { ...process.env, WAGGLE_NOW: '2026-11-22T10:00:00Z', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Stop with Ctrl+C')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // WebGL for the map comes from SwiftShader, Chromium's software renderer.
    args: ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  // bypassCsp lets a test inject axe-core into the page; the app's own CSP is tested with it on.
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 900 }, bypassCSP: options.bypassCsp ?? false });
  const app: App = {
    base: `http://127.0.0.1:${port}`,
    page,
    browser,
    dialogs: [],
    acceptDialogs: false,
    output: () => output,
    close: async () => {
      await browser.close();
      server.kill('SIGTERM');
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  page.on('dialog', (dialog) => {
    app.dialogs.push(dialog.message());
    void (app.acceptDialogs ? dialog.accept() : dialog.dismiss());
  });
  return app;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const axeSource = () => readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2 A and AA rules) on the page as it is now; returns the violations. */
export async function accessibilityProblems(page: Page): Promise<AxeViolation[]> {
  // The page's code runs in the browser, so it is given as text (Node's types have no DOM).
  if (!(await page.evaluate<boolean>("'axe' in window"))) await page.addScriptTag({ content: axeSource() });
  return page.evaluate<AxeViolation[]>(`(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  })()`);
}
