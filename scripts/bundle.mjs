// Bundles the command line into dist/bundle: Node 20 loads one file far faster
// than kysely's and zod's hundreds of modules (measured: 0.35 s → 0.14 s to start).
// better-sqlite3 (native) and pg stay outside; the server and each database driver
// are split into chunks loaded only when used.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry a content hash: without emptying the folder first, every build left the last one's chunks behind (830 files after a day's builds).
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  // The workers are entries of their own: off-thread.ts starts ./parse-worker.js, capture/off-thread.ts ./capture-worker.js, check-off-thread.ts ./check-worker.js.
  entryPoints: { main: 'src/cli/main.ts', 'parse-worker': 'src/services/import/parse-worker.ts', 'capture-worker': 'src/services/capture/capture-worker.ts', 'check-worker': 'src/services/check-worker.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: ['better-sqlite3', 'pg', '@node-rs/argon2'],
  // Bundled CommonJS packages call require(); give them one.
  banner: { js: "import { createRequire as __waggleCreateRequire } from 'node:module'; const require = __waggleCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
