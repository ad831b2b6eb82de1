/**
 * Names, as people write them. One place for how names are compared and greeted,
 * shared by search, duplicate detection, the check's wording and outreach drafts.
 */

/** The key two names are compared by: case, accents and spacing do not make two people different. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const TITLES = new Set(['dr', 'prof', 'professor', 'mr', 'mrs', 'ms', 'mx', 'miss', 'sir', 'dame', 'rev', 'revd']);

/** The name to greet: the first word, skipping a title ("Dr Ana Silva" → "Ana") and anything after a comma. */
export function firstNameOf(fullName: string): string {
  const words = (fullName.split(',')[0] ?? '').trim().split(/\s+/).filter(Boolean);
  const given = words.find((word, i) => i === words.length - 1 || !TITLES.has(word.replace(/\.$/, '').toLowerCase()));
  return given ?? fullName.trim();
}

/** The key a list sorts people by: the name without its title, compared like `nameKey` ("Dr Ana Silva" files under A). */
export function sortKey(fullName: string): string {
  return nameKey(withoutTitle(fullName));
}

/** The name without a leading title ("Dr Ana Silva" → "Ana Silva", "Prof. Rui Costa" → "Rui Costa"), for finding and sorting. */
export function withoutTitle(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && TITLES.has(words[i]!.replace(/\.$/, '').toLowerCase())) i++;
  return words.slice(i).join(' ');
}
