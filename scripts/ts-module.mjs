// Runs `use` with a TypeScript module of the project compiled by esbuild to a temporary file and
// loaded once: how the generators (gen-api.mjs, gen-sqlite-snapshot.mjs) reach code that is
// TypeScript without a build. The file sits inside the project (dist/ is ignored by git), so that
// the module finds the project's packages; it is removed afterwards.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export async function withTsModule(entry, use) {
  mkdirSync('dist', { recursive: true });
  const name = basename(entry, '.ts');
  const out = mkdtempSync(join('dist', `gen-${name}-`));
  try {
    const outfile = join(out, `${name}.mjs`);
    await build({ entryPoints: [entry], outfile, bundle: true, packages: 'external', format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' });
    return await use(await import(pathToFileURL(join(process.cwd(), outfile)).href));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
