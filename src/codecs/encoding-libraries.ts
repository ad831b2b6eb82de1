/**
 * iconv-lite and chardet, loaded the first time a file needs them: a file that is not UTF-8
 * (decoding), one whose encoding is guessed (detection), an encoding named by the user. A UTF-8
 * file, what LinkedIn and Google export, needs neither. Bundled, they were 0.7 MB of the 1.6 MB of
 * code `waggle import` compiled before reading a byte (iconv-lite's tables for Chinese, Japanese
 * and Korean alone 0.5 MB), compiled on every run (issue 15). Required from node_modules when
 * first used, which the bundle (scripts/bundle.mjs) leaves as it is: a require through a name of
 * our own is not one esbuild follows.
 */
import { createRequire } from 'node:module';
import type IconvLite from 'iconv-lite';
import type Chardet from 'chardet';

const load = createRequire(import.meta.url);

let iconvLite: typeof IconvLite | undefined;
let chardetLibrary: typeof Chardet | undefined;

/** iconv-lite, loaded on first use. */
export function iconv(): typeof IconvLite {
  return (iconvLite ??= load('iconv-lite') as typeof IconvLite);
}

/** chardet, loaded on first use. */
export function chardet(): typeof Chardet {
  return (chardetLibrary ??= load('chardet') as typeof Chardet);
}
