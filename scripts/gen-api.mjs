// npm run gen:api: writes web/src/api/schema.d.ts, the API's types for the web app, from the
// server's OpenAPI document. The generator is TypeScript (src/server/openapi-types.ts, which the
// staleness test also runs); esbuild compiles it to a temporary module that is loaded once.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

// Inside the project (dist/ is ignored by git), so that the module finds the project's packages.
mkdirSync('dist', { recursive: true });
const out = mkdtempSync(join('dist', 'gen-api-'));
try {
  await build({
    entryPoints: ['src/server/openapi-types.ts'],
    outfile: join(out, 'openapi-types.mjs'),
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  const { webApiTypesSource } = await import(pathToFileURL(join(process.cwd(), out, 'openapi-types.mjs')).href);
  writeFileSync('web/src/api/schema.d.ts', await webApiTypesSource());
  console.log('wrote web/src/api/schema.d.ts');
} finally {
  rmSync(out, { recursive: true, force: true });
}
