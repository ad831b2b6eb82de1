/**
 * Names, as people write them. One place for how names are compared and greeted,
 * shared by search, duplicate detection, the check's wording and outreach drafts.
 */
import { lowerCase } from './lower-case.js';

/** The key two names are compared by: case, accents and spacing do not make two people different. */
export function nameKey(name: string): string {
  // Printable ASCII words one space apart, as most names, organisations and addresses are,
  // have no accents, spacing or ends to fix: lower-casing is all, one test instead of a
  // replace and a trim for each of the nine keys an imported row needs (issue 15).
  if (PLAIN_WORDS.test(name)) return lowerCase(name);
  // ASCII has no accents to take off and decomposes to itself: most names and every
  // address skip the Unicode work, a third of an import's row building (issue 15).
  const plain = NOT_ASCII.test(name) ? name.normalize('NFKD').replace(/\p{M}/gu, '') : name;
  return plain.toLowerCase().replace(/\s+/g, ' ').trim();
}

const NOT_ASCII = /[^ -~\t\n\r\v\f]/;
/** Printable ASCII words (no space, no control character) joined by single spaces. */
const PLAIN_WORDS = /^[!-~]+(?: [!-~]+)*$/;

const TITLES = new Set(['dr', 'prof', 'professor', 'mr', 'mrs', 'ms', 'mx', 'miss', 'sir', 'dame', 'rev', 'revd']);

/** The name to greet: the first word, skipping a title ("Dr Ana Silva" → "Ana") and anything after a comma. */
export function firstNameOf(fullName: string): string {
  const words = (fullName.split(',')[0] ?? '').trim().split(/\s+/).filter(Boolean);
  const given = words.find((word, i) => i === words.length - 1 || !TITLES.has(word.replace(/\.$/, '').toLowerCase()));
  return given ?? fullName.trim();
}

/**
 * The key a list sorts people by, compared like `nameKey`. Where the family name is
 * known (a vCard's N, a CSV's Last Name column, or typed in) and is part of the name,
 * the person files under it: "Dr Ana Silva" with family name "Silva" → "silva ana".
 * Otherwise under the name without its title ("Dr Ana Silva" → "ana silva"): a
 * family name is never guessed, as many names do not end in one. `fullNameKey`, when given,
 * must be `nameKey(fullName)`: worked out once where the caller needs both (an import's rows).
 */
export function sortKey(fullName: string, familyName?: string | null, fullNameKey?: string): string {
  // The name's own key (`nameKey(fullName)`), when the caller has it: a name with no title is its own key's source.
  const untitled = withoutTitle(fullName);
  const name = fullNameKey !== undefined && untitled === fullName ? fullNameKey : nameKey(untitled);
  const family = nameKey(familyName ?? '');
  if (family === '' || family === name) return name;
  // The family name as the last words, as most names end (both keys are single-spaced and trimmed).
  // Tested without writing " family" out: one string fewer for each of an import's 30,000 names.
  const at = name.length - family.length - 1;
  if (at >= 0 && name.charCodeAt(at) === 32 && name.endsWith(family)) return `${family} ${name.slice(0, at)}`;
  // Whole words only, the last occurrence: "Ana Silva Silva" with family "Silva" → "silva ana silva".
  const words = name.split(' ');
  const familyWords = family.split(' ');
  for (let at = words.length - familyWords.length; at >= 0; at--) {
    if (familyWords.every((word, i) => words[at + i] === word)) {
      const rest = [...words.slice(0, at), ...words.slice(at + familyWords.length)].join(' ');
      return rest === '' ? family : `${family} ${rest}`;
    }
  }
  // A family name no longer in the name (the name was edited since) says nothing about it.
  return name;
}

/** Something with a name to sort by, and its family name where known. */
export interface Named {
  name: string;
  familyName?: string | null;
}

/** The order of people in every list: by `sortKey`, then by the name as written, so that the order is total. */
export function compareNames(a: Named, b: Named): number {
  const ka = sortKey(a.name, a.familyName);
  const kb = sortKey(b.name, b.familyName);
  return ka < kb ? -1 : ka > kb ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The name without a leading title ("Dr Ana Silva" → "Ana Silva", "Prof. Rui Costa" → "Rui Costa"), for finding and sorting. */
export function withoutTitle(fullName: string): string {
  // Words one space apart whose first is no title come back as they are: split and joined
  // again they would be the same string, made anew for each of an import's rows (issue 15).
  const firstSpace = fullName.indexOf(' ');
  if (SINGLE_SPACED.test(fullName) && (firstSpace === -1 || !mayBeTitle(fullName) || !isTitle(fullName.slice(0, firstSpace)))) return fullName;
  const words = fullName.trim().split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && isTitle(words[i]!)) i++;
  return words.slice(i).join(' ');
}

/** Words of anything but spacing, joined by single spaces. */
const SINGLE_SPACED = /^\S+(?: \S+)*$/;

/** Whether a word is a title ("Dr", "Prof."), whatever its case. */
function isTitle(word: string): boolean {
  return TITLES.has(word.replace(/\.$/, '').toLowerCase());
}

/** The first letters of the titles, lower case. */
const TITLE_INITIALS = new Set([...TITLES].map((title) => title.charCodeAt(0)));

/**
 * False when `text` cannot start with a title: its first character is ASCII and, either case, no
 * title's first letter ("Ana …"), found without cutting and lower-casing the word as isTitle does,
 * for each of an import's 30,000 names (issue 15). Any other first character is left to isTitle.
 */
function mayBeTitle(text: string): boolean {
  const first = text.charCodeAt(0);
  return first >= 128 || TITLE_INITIALS.has(first | 0x20);
}
