import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from './app.js';
import { chunksOf, modulePreloadTags } from './module-preloads.js';
import { MAP_SCRIPT_SOURCES, serveWebApp } from './web-app.js';

describe("a page's lazily loaded script, from the build's manifest", () => {
  it('is the chunk of each source and every chunk it imports, deeply, each once', () => {
    const manifest = {
      'src/pages/MapPage.tsx': { file: 'assets/MapPage-1.js', imports: ['_sigma-2.js', 'index.html'] },
      '_sigma-2.js': { file: 'assets/sigma-2.js', imports: ['_graph-3.js', 'src/pages/MapPage.tsx'] },
      '_graph-3.js': { file: 'assets/graph-3.js', imports: ['_sigma-2.js'] },
      'index.html': { file: 'assets/index-0.js' },
      'src/decoder.ts': { file: 'assets/decoder-4.js', imports: ['_graph-3.js'] },
    };
    expect(chunksOf(manifest, ['src/pages/MapPage.tsx', 'src/decoder.ts'])).toEqual(['assets/MapPage-1.js', 'assets/sigma-2.js', 'assets/graph-3.js', 'assets/index-0.js', 'assets/decoder-4.js']);
    // A source the build does not name (renamed, or left out) gives nothing rather than an error.
    expect(chunksOf(manifest, ['src/pages/Gone.tsx'])).toEqual([]);
  });

  describe('as tags in the page', () => {
    let dir: string | undefined;
    afterEach(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = undefined;
    });
    const withManifest = (text: string | null) => {
      dir = mkdtempSync(join(tmpdir(), 'waggle-preloads-'));
      if (text !== null) {
        mkdirSync(join(dir, '.vite'));
        writeFileSync(join(dir, '.vite', 'manifest.json'), text);
      }
      return dir;
    };
    const page = '<script type="module" crossorigin src="/assets/index-0.js"></script>';

    it('names each chunk the page does not already load', () => {
      const root = withManifest(JSON.stringify({ 'src/pages/MapPage.tsx': { file: 'assets/MapPage-1.js', imports: ['index.html'] }, 'index.html': { file: 'assets/index-0.js' } }));
      expect(modulePreloadTags(root, page, ['src/pages/MapPage.tsx'])).toBe('<link rel="modulepreload" crossorigin href="/assets/MapPage-1.js">');
    });

    it('is nothing without a manifest, or with one that cannot be read', () => {
      expect(modulePreloadTags(withManifest(null), page, ['src/pages/MapPage.tsx'])).toBe('');
      expect(modulePreloadTags(withManifest('{"src/pages/MapPage.tsx": {"file": '), page, ['src/pages/MapPage.tsx'])).toBe('');
      expect(modulePreloadTags(withManifest('null'), page, ['src/pages/MapPage.tsx'])).toBe('');
      expect(modulePreloadTags(withManifest('"a string"'), page, ['src/pages/MapPage.tsx'])).toBe('');
    });

    it('leaves out a file name that is not a plain script path (nothing from the manifest is written into the page unchecked)', () => {
      const root = withManifest(
        JSON.stringify({
          'src/pages/MapPage.tsx': { file: 'assets/a.js"><script>alert(1)</script>', imports: ['_b', '_c', '_d'] },
          _b: { file: 42 },
          _c: { file: 'assets/style.css' },
          _d: { file: 'assets/ok-5.js', imports: 'not a list' },
        }),
      );
      expect(modulePreloadTags(root, page, ['src/pages/MapPage.tsx'])).toBe('<link rel="modulepreload" crossorigin href="/assets/ok-5.js">');
    });
  });

  describe('in the built app', () => {
    const built = join(import.meta.dirname, '..', '..', 'dist', 'web');
    const manifest = join(built, '.vite', 'manifest.json');

    it("the map's page asks for the map's script (sigma, graphology) as it arrives; other pages do not", async () => {
      expect(existsSync(manifest), 'the built app has a manifest: npm run build first (npm test does it)').toBe(true);
      const chunks = chunksOf(JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, { file: string }>, MAP_SCRIPT_SOURCES);
      const mapChunk = chunks.find((file) => /\/MapPage-[\w-]+\.js$/.test(file));
      expect(mapChunk).toBeDefined();
      const app = createApi(
        () => {
          throw new Error('no data needed');
        },
        undefined,
        { edge: { port: 4747 } },
      );
      serveWebApp(app, { root: built, mode: 'local' });
      const headers = { host: '127.0.0.1:4747' };
      const map = await (await app.request('/map', { headers })).text();
      expect(map).toContain(`<link rel="modulepreload" crossorigin href="/${mapChunk}">`);
      // Every chunk it imports (sigma's among them) is named once, in the page's head.
      for (const chunk of chunks) expect(map.split(`/${chunk}"`).length - 1).toBe(1);
      expect(map.indexOf(`/${mapChunk}"`)).toBeLessThan(map.indexOf('</head>'));
      const people = await (await app.request('/people', { headers })).text();
      expect(people).not.toContain(mapChunk);
    });
  });
});
