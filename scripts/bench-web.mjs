// The web app in a real headless Chromium (Debian's, via playwright-core), measured
// from the browser's side: the People page with 10,000 people and the map with
// 5,000 people and 300 networks. Called by scripts/bench.mjs; loopback only.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';

const round = (ms) => Math.round(ms * 10) / 10;
const median = (xs) => round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function serve(dataDir, now) {
  const port = await freePort();
  const server = spawn(process.execPath, ['bin/waggle.js', '--data', dataDir, 'serve', '--port', String(port)], { env: { ...process.env, WAGGLE_NOW: now, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => chunk.toString().includes('serving') && resolve());
    server.once('exit', (code) => reject(new Error(`waggle serve exited with ${code}`)));
  });
  return { base: `http://127.0.0.1:${port}`, stop: () => server.kill('SIGTERM') };
}

const nextFrame = (page) => page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))');

/** Time from an action to the API's answer and the next painted frame. */
async function timed(page, urlPart, action) {
  const start = performance.now();
  await Promise.all([page.waitForResponse((r) => r.url().includes(urlPart) && r.status() === 200), action()]);
  await nextFrame(page);
  return performance.now() - start;
}

export async function benchWeb({ peopleDataDir, mapDataDir, now }) {
  const browser = await chromium.launch({
    executablePath: process.env.WAGGLE_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
  });
  const results = {};
  try {
    // The People page on 10,000 people: first page, a computed sort with a filter, paging, a search.
    {
      const app = await serve(peopleDataDir, now);
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const opens = [];
      for (let i = 0; i < 5; i++) {
        opens.push(await timed(page, '/api/people?', () => page.goto(`${app.base}/people`)));
        await page.locator('table.people tbody tr').nth(49).waitFor();
      }
      results.peopleFirstPageMs = median(opens);
      results.peopleTotal = Number(((await page.locator('.count').textContent()) ?? '').match(/\d+/)?.[0]);
      const sorts = [];
      for (let i = 0; i < 5; i++) {
        await page.goto(`${app.base}/people`);
        await page.locator('table.people tbody tr').first().waitFor();
        sorts.push(await timed(page, 'sort=next-contact', () => page.getByLabel('Sort by').selectOption('next-contact')));
      }
      results.peopleSortByNextContactMs = median(sorts);
      const dues = [];
      for (let i = 0; i < 5; i++) {
        await page.goto(`${app.base}/people?sort=next-contact`);
        await page.locator('table.people tbody tr').first().waitFor();
        dues.push(await timed(page, 'due=due', () => page.getByLabel('Due').selectOption('due')));
      }
      results.peopleDueFilterMs = median(dues);
      const pages = [];
      await page.goto(`${app.base}/people`);
      await page.locator('table.people tbody tr').first().waitFor();
      for (let i = 0; i < 5; i++) pages.push(await timed(page, `offset=${(i + 1) * 50}`, () => page.getByRole('button', { name: 'Next' }).click()));
      results.peopleNextPageMs = median(pages);
      const searches = [];
      for (const word of ['ana', 'park', 'hospital', 'silva', 'ben']) {
        await page.getByRole('searchbox').fill(word);
        searches.push(await timed(page, `search=${word}`, () => page.getByRole('button', { name: 'Search' }).click()));
      }
      results.peopleSearchMs = median(searches);
      results.peopleHeapMb = round((await page.evaluate('performance.memory.usedJSHeapSize')) / 1e6);
      await page.close();
      app.stop();
    }
    // The map on 5,000 people and 300 networks: ready to use, then frames while panning.
    {
      const app = await serve(mapDataDir, now);
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      // The check page first: the whole report (12 MB of JSON) and a chart of 5,300 dots.
      const checks = [];
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        await page.goto(`${app.base}/check`);
        await page.getByTestId('quadrant-chart').locator('.dot').nth(5000).waitFor();
        await nextFrame(page);
        checks.push(performance.now() - start);
      }
      results.checkPageMs = median(checks);
      const opens = [];
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        await page.goto(`${app.base}/map`);
        await page.getByTestId('map').locator('canvas').first().waitFor();
        await nextFrame(page);
        opens.push(performance.now() - start);
      }
      results.mapReadyMs = median(opens);
      results.mapNodes = Number(((await page.getByTestId('map').getAttribute('aria-label')) ?? '').match(/\d+/)?.[0]);
      const box = await page.getByTestId('map').boundingBox();
      await page.evaluate('window.__frames = 0; (function count() { window.__frames++; requestAnimationFrame(count); })()');
      const start = performance.now();
      // Drag the map round in circles for about two seconds, as a user exploring it would.
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      for (let step = 0; performance.now() - start < 2000; step++) {
        const angle = step / 10;
        await page.mouse.move(box.x + box.width / 2 + Math.cos(angle) * 200, box.y + box.height / 2 + Math.sin(angle) * 200);
      }
      await page.mouse.up();
      const frames = await page.evaluate('window.__frames');
      results.mapPanFps = round((frames * 1000) / (performance.now() - start));
      const zooms = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        await page.mouse.wheel(0, i % 2 ? 400 : -400);
        await nextFrame(page);
        zooms.push(performance.now() - t);
      }
      results.mapZoomFrameMs = median(zooms);
      const findStart = performance.now();
      await page.getByLabel('Find').fill('Silva');
      await nextFrame(page);
      results.mapFindMs = round(performance.now() - findStart);
      results.mapHeapMb = round((await page.evaluate('performance.memory.usedJSHeapSize')) / 1e6);
      await page.close();
      app.stop();
    }
  } finally {
    await browser.close();
  }
  return results;
}
