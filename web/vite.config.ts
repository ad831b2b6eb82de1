import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app, built into dist/web and served by `waggle serve` beside the API.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  // The manifest names each source's built chunk: the server preloads the map page's script on /map (src/server/module-preloads.ts).
  build: { outDir: '../dist/web', emptyOutDir: true, sourcemap: true, manifest: true },
  server: { proxy: { '/api': 'http://127.0.0.1:4747' } },
});
