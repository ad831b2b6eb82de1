// The web app in a real headless Chromium (Debian's, via playwright-core), measured from the
// browser's side at issue 15's sizes, each figure beside its target:
//   - the People page's first 50 rows, at 30,000 people (target: under 300 ms);
//   - a person's page, at 30,000 people (target: under 300 ms);
//   - the check page (its counts, cards and the strength × importance chart), at 30,000 people
//     (target: under 1 s);
//   - the map's first frame, at 5,000 people and 300 networks (target: under 1 s), beside the
//     baseline of sigma's bare draw of the same map (the same JSON fetched, the same nodes and
//     edges drawn by sigma on a page with nothing else on it).
// Each figure is a full page load (page.goto), timed from the navigation's start (the page's
// performance.timeOrigin) to the first animation frame in which the content is in the document:
// a predicate polled on every frame returns performance.now(). The browser cache is warm (a
// returning user's); the first load after the server starts (the check worked out cold) is
// given apart. Then the People page's interactions and the map's frames while dragging.
//
// Alone: node scripts/bench-web.mjs [--skip-build] [--runs N] [--data DIR] [--json FILE] [--only PARTS]
//   --data DIR keeps the generated maps there and reuses them on the next run.
//   --only people,person,check,people-actions,map measures those parts alone (people-actions: the
//   sort, filter, paging and search within the People page; map: its load, baseline and frames);
//   every part when not given.
// From scripts/bench.mjs: benchWeb({ largeDataDir, mapDataDir, now }). Loopback only.
// The functions handed to page.evaluate run in the browser, with its globals.
/* global document, requestAnimationFrame, setTimeout, clearTimeout */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

export const TODAY = '2026-11-22';
export const NOW = `${TODAY}T10:00:00Z`;
/** Issue 15's sizes: the People, person and check pages at 30,000 people; the map at 5,000. */
export const LARGE = { people: 30000, networks: 1000, goals: 20, exchanges: 100000 };
export const MAP = { people: 5000, networks: 300, goals: 20, exchanges: 50000 };
export const TARGETS = { peopleFirstPageMs: 300, personPageMs: 300, checkPageMs: 1000, mapFirstFrameMs: 1000 };
/** The flags issue 15 names; SwiftShader's WebGL is what sigma draws with here. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'];

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

/** The servers started, stopped when the bench ends however it ends. */
const servers = new Set();
process.on('exit', () => {
  for (const server of servers) server.kill('SIGTERM');
});

async function serve(dataDir, now) {
  const port = await freePort();
  const server = spawn(process.execPath, ['bin/waggle.js', '--data', dataDir, 'serve', '--port', String(port)], { env: { ...process.env, WAGGLE_NOW: now, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => chunk.toString().includes('serving') && resolve());
    server.once('exit', (code) => reject(new Error(`waggle serve exited with ${code}`)));
  });
  servers.add(server);
  return {
    base: `http://127.0.0.1:${port}`,
    stop: () => {
      servers.delete(server);
      server.kill('SIGTERM');
    },
  };
}

/** A generated map loaded into a fresh SQLite folder (kept and reused when `dir` already holds one). */
export async function loadMap(dir, size, seed) {
  if (existsSync(join(dir, '.loaded'))) return dir;
  const { generateLargeSnapshot } = await import('../dist/demo/generate-map.js');
  const { openSession } = await import('../dist/services/session.js');
  const { bulkLoad } = await import('../dist/services/bulk-load.js');
  const { updateProfile } = await import('../dist/services/workspace.js');
  mkdirSync(dir, { recursive: true });
  const session = await openSession({ kind: 'sqlite', dataDir: dir }, { clock: { now: () => new Date(NOW) }, defaultTimeZone: 'UTC' });
  const snapshot = generateLargeSnapshot({ ...size, today: TODAY, seed });
  await bulkLoad(session.ctx, snapshot);
  await updateProfile(session.ctx, snapshot.profile);
  await session.close();
  writeFileSync(join(dir, '.loaded'), `${JSON.stringify(size)}\n`);
  return dir;
}

const nextFrame = (page) => page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))');

/** Time from an action to the API's answer and the next painted frame (for interactions within a page). */
async function timed(page, urlPart, action) {
  const start = performance.now();
  await Promise.all([page.waitForResponse((r) => r.url().includes(urlPart) && r.status() === 200), action()]);
  await nextFrame(page);
  return performance.now() - start;
}

// Long tasks on the main thread (script parse and run, layout, rendering), recorded from the page's start.
const LONG_TASKS = `window.__longTasks = []; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });`;

/**
 * One full page load: milliseconds from the navigation's start to the first frame in which
 * `visible` (a function body run in the page) is true, and where the time went.
 */
/**
 * CPU time used so far (ms, from /proc) by the browser's processes (this process's descendants
 * other than the servers) and by the servers: what a page load costs whatever else the machine runs.
 */
function cpuNow() {
  const stats = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.push({ pid: Number(entry), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // gone between listing and reading
    }
  }
  const children = new Map();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const serverPids = new Set([...servers].map((s) => s.pid));
  let browser = 0;
  let server = 0;
  const walk = (pid, inServer) => {
    for (const child of children.get(pid) ?? []) {
      const isServer = inServer || serverPids.has(child.pid);
      if (isServer) server += child.ticks;
      else browser += child.ticks;
      walk(child.pid, isServer);
    }
  };
  walk(process.pid, false);
  const msPerTick = 1000 / 100;
  return { browser: browser * msPerTick, server: server * msPerTick };
}

async function loadUntil(page, url, visible) {
  const cpuBefore = cpuNow();
  await page.goto(url, { waitUntil: 'commit' });
  // Polled on every frame by a function evaluated over the DevTools protocol (the app's
  // Content-Security-Policy allows no eval, which playwright's waitForFunction uses).
  const ms = await page.evaluate(
    ([what, arg]) =>
      new Promise((resolve, reject) => {
        const shown = {
          people: () => document.querySelectorAll('table.people tbody tr').length >= 50,
          person: () => document.querySelector('article.person h1')?.textContent === arg && document.querySelector('dl.facts') !== null,
          check: () => document.querySelector('.do-now-part') !== null && document.querySelector('[data-testid="quadrant-chart"]') !== null,
          // Sigma draws its first frame as it is made, in the same task that adds its canvases.
          map: () => document.querySelector('[data-testid="map"] canvas') !== null,
        }[what];
        const timeout = setTimeout(() => reject(new Error(`${what} not shown in 5 minutes`)), 300000);
        const poll = () => {
          if (!shown()) return requestAnimationFrame(poll);
          clearTimeout(timeout);
          resolve(performance.now());
        };
        poll();
      }),
    visible,
  );
  const waterfall = await page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const rows = [['document', 0, Math.round(nav.responseEnd), nav.transferSize]];
    for (const r of performance.getEntriesByType('resource')) rows.push([r.name.replace(location.origin, ''), Math.round(r.startTime), Math.round(r.responseEnd), r.transferSize]);
    return { resources: rows, longTasks: window.__longTasks ?? [], domContentLoaded: Math.round(nav.domContentLoadedEventEnd) };
  })()`);
  const cpuAfter = cpuNow();
  return { ms, waterfall, browserCpuMs: cpuAfter.browser - cpuBefore.browser, serverCpuMs: cpuAfter.server - cpuBefore.server };
}

/** Loads `url` `runs` times (after one warm-up) and gives the median, the first load, and the median run's waterfall. */
async function repeatLoad(page, url, visible, runs) {
  const first = await loadUntil(page, url, visible);
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await loadUntil(page, url, visible));
  const sorted = [...samples].sort((a, b) => a.ms - b.ms);
  const middle = sorted[Math.floor(sorted.length / 2)];
  return {
    ms: round(middle.ms),
    firstMs: round(first.ms),
    runs: samples.map((s) => round(s.ms)),
    // CPU time per load (10 ms ticks), the machine's load aside: the browser's processes (GPU's software WebGL included) and the server.
    cpu: { browserMs: median(samples.map((s) => s.browserCpuMs)), serverMs: median(samples.map((s) => s.serverCpuMs)) },
    waterfall: middle.waterfall,
  };
}

/**
 * The baseline for the map: sigma alone (no React, no app) fetching the same /api/map, putting
 * every node on a ring by its strength and drawing it with sigma's defaults. Bundled here with
 * esbuild and served at the app's own origin (so the fetch is the same).
 */
async function bareSigmaPage() {
  const dir = mkdtempSync(join(tmpdir(), 'waggle-bare-sigma-'));
  try {
    const entry = join(dir, 'bare.mjs');
    writeFileSync(
      entry,
      `import Graph from 'graphology';
import Sigma from 'sigma';
const { map } = await (await fetch('/api/map')).json();
const graph = new Graph({ multi: true });
const perRing = new Map();
for (const n of map.nodes) perRing.set(n.ring, (perRing.get(n.ring) ?? 0) + 1);
const seen = new Map();
for (const n of map.nodes) {
  const i = seen.get(n.ring) ?? 0;
  seen.set(n.ring, i + 1);
  const angle = (2 * Math.PI * i) / perRing.get(n.ring);
  graph.addNode(n.key, { x: Math.cos(angle) * n.ring * 100, y: Math.sin(angle) * n.ring * 100, size: 3 + n.size * 1.6, color: '#4a6fa5', label: n.label });
}
for (const e of map.edges) if (e.source !== 'me' && e.target !== 'me') graph.addEdgeWithKey(e.key, e.source, e.target, { size: 0.5, color: '#d5d5dd' });
new Sigma(graph, document.getElementById('map'), { renderLabels: false });
`,
    );
    const out = await build({ entryPoints: [entry], bundle: true, format: 'esm', minify: true, write: false, nodePaths: [join(process.cwd(), 'node_modules')], logLevel: 'warning' });
    const script = out.outputFiles[0].text;
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare sigma</title></head><body><div id="map" data-testid="map" style="width:1200px;height:700px"></div><script type="module" src="/__bare-sigma.js"></script></body></html>`;
    return { html, script };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Within the People page: a computed sort with a filter, the due filter, paging, a search. */
async function peopleInteractions(page, base, results) {
  const sorts = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(`${base}/people`);
    await page.locator('table.people tbody tr').first().waitFor();
    sorts.push(await timed(page, 'sort=next-contact', () => page.getByLabel('Sort by').selectOption('next-contact')));
  }
  results.peopleSortByNextContactMs = median(sorts);
  const dues = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(`${base}/people?sort=next-contact`);
    await page.locator('table.people tbody tr').first().waitFor();
    dues.push(await timed(page, 'due=due', () => page.getByLabel('Due').selectOption('due')));
  }
  results.peopleDueFilterMs = median(dues);
  const pages = [];
  await page.goto(`${base}/people`);
  await page.locator('table.people tbody tr').first().waitFor();
  for (let i = 0; i < 5; i++) pages.push(await timed(page, '/api/people?', () => page.getByRole('button', { name: 'Next' }).click()));
  results.peopleNextPageMs = median(pages);
  const searches = [];
  // Words the generated map holds (src/demo/generate-map.ts), from many to a few: three of the five before found no one.
  for (const word of ['hospital', 'chen', 'grace', 'ben', '1234']) {
    await page.locator('main input[type="search"]').fill(word);
    searches.push(await timed(page, `search=${word}`, () => page.locator('main').getByRole('button', { name: 'Search', exact: true }).click()));
  }
  results.peopleSearchMs = median(searches);
  results.peopleHeapMb = round((await page.evaluate('performance.memory.usedJSHeapSize')) / 1e6);
}

/** The parts a run can be limited to (--only); all of them by default. */
export const PARTS = ['people', 'person', 'check', 'people-actions', 'map'];

export async function benchWeb({ largeDataDir, mapDataDir, now = NOW, runs = 7, only = PARTS }) {
  const unknown = only.filter((part) => !PARTS.includes(part));
  if (unknown.length > 0) throw new Error(`--only: unknown part ${unknown.join(', ')}; the parts are ${PARTS.join(', ')}`);
  const wants = (part) => only.includes(part);
  const browser = await chromium.launch({ executablePath: process.env.WAGGLE_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const results = { chromium: browser.version(), runs, waterfalls: {} };
  const newPage = async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(LONG_TASKS);
    return page;
  };
  try {
    // 30,000 people: the People page, a person's page, the check page.
    if (wants('people') || wants('person') || wants('check') || wants('people-actions')) {
      const app = await serve(largeDataDir, now);
      const page = await newPage();
      if (wants('people')) {
        const people = await repeatLoad(page, `${app.base}/people`, ['people'], runs);
        results.peopleFirstPageMs = people.ms;
        results.peopleFirstPageFirstLoadMs = people.firstMs;
        results.peopleFirstPageRuns = people.runs;
        results.waterfalls.people = people.waterfall;
        results.peopleFirstPageCpu = people.cpu;
        results.peopleTotal = Number(((await page.locator('.count').first().textContent()) ?? '').replace(/[^\d]/g, ''));
      }
      if (wants('person')) {
        // The first person of the first page (by name), asked of the API as the page would.
        await page.goto(`${app.base}/people`, { waitUntil: 'commit' });
        const someone = await page.evaluate(`fetch('/api/people?limit=50').then((r) => r.json()).then((p) => p.items[0])`);
        const person = await repeatLoad(page, `${app.base}/people/${someone.id}`, ['person', someone.name], runs);
        results.personPageMs = person.ms;
        results.personPageFirstLoadMs = person.firstMs;
        results.personPageRuns = person.runs;
        results.waterfalls.person = person.waterfall;
        results.personPageCpu = person.cpu;
      }
      if (wants('check')) {
        const check = await repeatLoad(page, `${app.base}/check`, ['check'], runs);
        results.checkPageMs = check.ms;
        results.checkPageFirstLoadMs = check.firstMs;
        results.checkPageRuns = check.runs;
        results.waterfalls.check = check.waterfall;
        results.checkPageCpu = check.cpu;
      }
      // Within the People page: a computed sort with a filter, paging, a search.
      if (wants('people-actions')) await peopleInteractions(page, app.base, results);
      await page.close();
      app.stop();
    }
    // 5,000 people and 300 networks: the map's first frame, sigma's bare draw beside it, then frames while dragging.
    if (wants('map')) {
      const app = await serve(mapDataDir, now);
      const page = await newPage();
      const bare = await bareSigmaPage();
      await page.route(`${app.base}/__bare-sigma`, (route) => route.fulfill({ contentType: 'text/html', body: bare.html }));
      await page.route(`${app.base}/__bare-sigma.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: bare.script }));
      const baseline = await repeatLoad(page, `${app.base}/__bare-sigma`, ['map'], runs);
      results.bareSigmaFirstFrameMs = baseline.ms;
      results.bareSigmaRuns = baseline.runs;
      results.waterfalls.bareSigma = baseline.waterfall;
      results.bareSigmaCpu = baseline.cpu;
      const map = await repeatLoad(page, `${app.base}/map`, ['map'], runs);
      results.mapFirstFrameMs = map.ms;
      results.mapFirstFrameFirstLoadMs = map.firstMs;
      results.mapFirstFrameRuns = map.runs;
      results.waterfalls.map = map.waterfall;
      results.mapFirstFrameCpu = map.cpu;
      results.mapNodes = Number(((await page.getByTestId('map').getAttribute('aria-label')) ?? '').match(/\d+/)?.[0]);
      // When the layout has settled (the map page marks it, where it lays out in steps).
      results.mapLayoutSettledMs = await page
        .evaluate(
          () =>
            new Promise((resolve) => {
              const started = performance.now();
              const poll = () => {
                const mark = performance.getEntriesByName('waggle:map-layout-settled')[0];
                if (mark) resolve(mark.startTime);
                else if (performance.now() - started > 30000) resolve(null);
                else setTimeout(poll, 50);
              };
              poll();
            }),
        )
        .then((ms) => (ms === null ? null : round(ms)));
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

/** The table's rows: each figure beside its target (or its baseline). */
export function webRows(web) {
  const ok = (value, target) => (value < target ? 'ok' : 'OVER TARGET');
  const cpu = (c) => (c ? ` (CPU ${c.browserMs} + ${c.serverMs})` : '');
  // Each row beside the figure it shows: a part left out (--only) leaves its rows out.
  return [
    [web.peopleFirstPageMs, `People page, first 50 of ${web.peopleTotal?.toLocaleString('en')} (page load, median of ${web.runs})`, `${web.peopleFirstPageMs} ms${cpu(web.peopleFirstPageCpu)}`, `< ${TARGETS.peopleFirstPageMs} ms`, ok(web.peopleFirstPageMs, TARGETS.peopleFirstPageMs)],
    [web.personPageMs, "A person's page (page load)", `${web.personPageMs} ms${cpu(web.personPageCpu)}`, `< ${TARGETS.personPageMs} ms`, ok(web.personPageMs, TARGETS.personPageMs)],
    [web.checkPageMs, 'Check page: counts, cards and the quadrant chart (page load)', `${web.checkPageMs} ms${cpu(web.checkPageCpu)}`, `< ${TARGETS.checkPageMs} ms`, ok(web.checkPageMs, TARGETS.checkPageMs)],
    [web.checkPageFirstLoadMs, '  the first load after the server starts (check worked out cold)', `${web.checkPageFirstLoadMs} ms`, '', ''],
    [web.mapFirstFrameMs, `Map of ${web.mapNodes?.toLocaleString('en')} nodes, first frame (page load)`, `${web.mapFirstFrameMs} ms${cpu(web.mapFirstFrameCpu)}`, `< ${TARGETS.mapFirstFrameMs} ms`, ok(web.mapFirstFrameMs, TARGETS.mapFirstFrameMs)],
    [web.bareSigmaFirstFrameMs, '  baseline: sigma alone drawing the same /api/map', `${web.bareSigmaFirstFrameMs} ms${cpu(web.bareSigmaCpu)}`, '', ''],
    [web.mapFirstFrameMs, '  the layout settled (worked out off the main thread)', web.mapLayoutSettledMs === null ? 'n/a' : `${web.mapLayoutSettledMs} ms`, '', ''],
    [web.peopleSortByNextContactMs, 'People page, sort by next contact', `${web.peopleSortByNextContactMs} ms`, '< 500 ms', ok(web.peopleSortByNextContactMs, 500)],
    [web.peopleDueFilterMs, 'People page, filter due this week', `${web.peopleDueFilterMs} ms`, '< 500 ms', ok(web.peopleDueFilterMs, 500)],
    [web.peopleNextPageMs, 'People page, next page', `${web.peopleNextPageMs} ms`, '< 300 ms', ok(web.peopleNextPageMs, 300)],
    [web.peopleSearchMs, 'People page, search', `${web.peopleSearchMs} ms`, '< 300 ms', ok(web.peopleSearchMs, 300)],
    [web.mapPanFps, 'Map, frames a second while dragging (software WebGL)', `${web.mapPanFps} fps`, '>= 30 fps', web.mapPanFps >= 30 ? 'ok' : 'UNDER TARGET'],
    [web.mapZoomFrameMs, 'Map, one zoom step to its first frame', `${web.mapZoomFrameMs} ms`, '< 200 ms', ok(web.mapZoomFrameMs, 200)],
    [web.mapFindMs, 'Map, find a name: highlighted, camera on its way', `${web.mapFindMs} ms`, '< 1000 ms', ok(web.mapFindMs, 1000)],
    [web.peopleHeapMb ?? web.mapHeapMb, 'Browser memory: People page / map (JS heap)', `${web.peopleHeapMb ?? 'n/a'} / ${web.mapHeapMb ?? 'n/a'} MB`, '', ''],
  ]
    .filter(([figure]) => figure !== undefined)
    .map(([, ...row]) => row);
}

export function printWebTable(web) {
  console.log(`\nThe web app in headless Chromium ${web.chromium} (${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}); page loads from navigation start to the content's first frame, warm cache; (CPU browser + server ms a load)`);
  for (const [label, value, target, verdict] of webRows(web)) console.log(`${label.padEnd(72)} ${value.padStart(30)}  ${target.padEnd(10)} ${verdict}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values: args } = parseArgs({ options: { 'skip-build': { type: 'boolean', default: false }, runs: { type: 'string', default: '7' }, data: { type: 'string' }, json: { type: 'string', default: 'bench-results/web.json' }, only: { type: 'string' } } });
  if (!args['skip-build']) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  const root = args.data ?? mkdtempSync(join(tmpdir(), 'waggle-bench-web-'));
  try {
    const loadStart = performance.now();
    const only = args.only === undefined ? PARTS : args.only.split(',').map((part) => part.trim());
    // Only the maps the parts asked for are made (the 30,000 takes a while).
    const largeDataDir = only.some((part) => part !== 'map') ? await loadMap(join(root, 'large'), LARGE, 11) : undefined;
    const mapDataDir = only.includes('map') ? await loadMap(join(root, 'map'), MAP, 7) : undefined;
    console.log(`maps ready in ${round((performance.now() - loadStart) / 1000)} s`);
    const web = await benchWeb({ largeDataDir, mapDataDir, runs: Number(args.runs), only });
    printWebTable(web);
    mkdirSync('bench-results', { recursive: true });
    writeFileSync(args.json, `${JSON.stringify({ size: { large: LARGE, map: MAP }, web }, null, 2)}\n`);
    console.log(`details, with each page's waterfall and long tasks: ${args.json}`);
  } finally {
    if (!args.data) rmSync(root, { recursive: true, force: true });
  }
}
