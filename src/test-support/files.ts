import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every regular file under `dir` (recursively) whose bytes contain `needle`. */
export function filesContaining(dir: string, needle: string): string[] {
  const bytes = Buffer.from(needle, 'utf8');
  const hits: string[] = [];
  const walk = (path: string) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return; // removed while we walked (a WAL file going away)
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) walk(join(path, entry));
    } else if (stat.isFile()) {
      let content: Buffer;
      try {
        content = readFileSync(path);
      } catch {
        return;
      }
      if (content.includes(bytes)) hits.push(path);
    }
  };
  walk(dir);
  return hits;
}
