import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One chunk in Vite's build manifest (dist/web/.vite/manifest.json), keyed there by its source file. */
interface ManifestChunk {
  file: string;
  imports?: string[];
}

/**
 * The built files a page's lazily loaded script needs, in the order to ask for them: the chunk made
 * from each source named, and every chunk it imports statically, deeply, each once. A source the
 * build does not name is left out (a renamed page loads as before, only without the head start).
 */
export function chunksOf(manifest: Record<string, ManifestChunk>, sources: readonly string[]): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const source of sources) visit(source);
  return files;
}

/**
 * `<link rel="modulepreload">` tags for the chunks of `sources` that the page `html` does not already
 * name, read from the build's manifest in `root`. With no manifest (a build without one), or one that
 * cannot be read, none: the page then loads its script when it runs, as before.
 */
export function modulePreloadTags(root: string, html: string, sources: readonly string[]): string {
  let manifest: Record<string, ManifestChunk>;
  try {
    manifest = JSON.parse(readFileSync(join(root, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  } catch {
    return '';
  }
  if (typeof manifest !== 'object' || manifest === null) return '';
  return chunksOf(manifest, sources)
    .filter((file) => typeof file === 'string' && /^[\w./-]+\.js$/.test(file) && !html.includes(`/${file}"`))
    .map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`)
    .join('\n    ');
}
