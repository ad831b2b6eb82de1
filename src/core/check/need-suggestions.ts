/**
 * Where to look for a need that nobody (or only weak ties) serves, from what the
 * map already knows. Every suggestion is an offer for the user to confirm: a
 * person whose notes mention the need is never linked to it silently.
 *
 * 1. people whose "can help" note, tags, role, organisation or notes name the need;
 * 2. strong ties to ask for an introduction to someone who serves it;
 * 3. networks of the kinds that usually hold it (the user's own first);
 * 4. when nothing fits, the diversity category to grow.
 */
import type { Network, Person } from '../model.js';
import { compareText, FirstInOrder } from './sort.js';
import type { NetworkKind, PersonCategory } from '../vocabulary.js';
import { STRONG_MIN_STRENGTH } from './thresholds.js';

export type NeedSuggestionKind = 'confirm-person' | 'ask-for-introduction' | 'ask-at-network' | 'find-network' | 'grow-category';

export interface NeedSuggestion {
  kind: NeedSuggestionKind;
  /** The person or network the suggestion names, when it names one. */
  target: { kind: 'person' | 'network'; id: string; name: string } | null;
  networkKind: NetworkKind | null;
  category: PersonCategory | null;
  /** Which of the map's facts produced the suggestion. */
  why: { text: string; facts: Record<string, string | number | boolean | null> };
  next: string;
}

export interface NeedSuggestionInput {
  need: string;
  people: readonly { person: Person; strength: number }[];
  networks: readonly { network: Network; strength: number }[];
  /** People and networks already serving this need: never suggested for it again. */
  serving: ReadonlySet<string>;
  /** People per diversity category, for the last resort. */
  categoryCounts: ReadonlyMap<PersonCategory, number>;
  /** Relevance to the goal of the people and networks already linked to it: they are asked first. */
  relevance?: ReadonlyMap<string, number>;
  /** How many suggestions of each kind, at most. */
  limit?: number;
}

const STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'in', 'on', 'for', 'to', 'with', 'my', 'me', 'or', 'at', 'by', 'from', 'de', 'la']);

/** Lower case, accents off, split into words. */
export function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** A crude stem: "mentors", "mentoring" and "mentor" share "mento". Enough to match a need's words in notes. */
function stem(word: string): string {
  return word.length <= 4 ? word : word.slice(0, Math.max(4, word.length - 3));
}

/** The words of a need worth looking for (short filler words dropped). */
export function needTerms(need: string): string[] {
  const terms = words(need).filter((w) => !STOP_WORDS.has(w) && w.length >= 3);
  return [...new Set(terms.map(stem))];
}

/** True when the text names the need: every term of a short need, or two of a long one. */
export function mentionsNeed(text: string | null | undefined, terms: readonly string[]): boolean {
  return !!text && wordsMention(words(text), terms);
}

function wordsMention(textWords: readonly string[], terms: readonly string[]): boolean {
  if (textWords.length === 0 || terms.length === 0) return false;
  let found = 0;
  for (const term of terms) if (textWords.some((w) => w.startsWith(term))) found++;
  return terms.length <= 2 ? found === terms.length : found >= 2;
}

/** Network kinds that usually hold a need, by the need's words; the default is a professional body. */
const KIND_HINTS: readonly [RegExp, NetworkKind[]][] = [
  [/research|academ|doctor|phd|supervis|method|statist|journal|publica|scien|universit|fellowship/, ['research-network', 'professional-body']],
  [/fund|grant|money|invest/, ['research-network', 'professional-body']],
  [/mentor|coach|leader|career/, ['professional-body', 'alumni']],
  [/writ|blog|podcast|social|online|communit/, ['social-media-community', 'interest-group']],
  [/patient|public|volunteer|charit/, ['interest-group', 'own-hub']],
  [/conferen|event|talk|speak|present/, ['conference', 'professional-body']],
  [/job|hiring|recruit|employ/, ['alumni', 'professional-body']],
];

export function networkKindsFor(need: string): NetworkKind[] {
  const flat = words(need).join(' ');
  for (const [pattern, kinds] of KIND_HINTS) if (pattern.test(flat)) return kinds;
  return ['professional-body', 'interest-group'];
}

const KIND_WORDS: Record<NetworkKind, string> = {
  'professional-body': 'a professional body',
  'interest-group': 'a special interest group',
  'social-media-community': 'an online community',
  employer: 'a department of your organisation',
  alumni: 'an alumni group',
  conference: 'a conference',
  'research-network': 'a research network',
  'own-hub': 'a group you start yourself',
  other: 'a group',
};

const CATEGORY_WORDS: Partial<Record<PersonCategory, string>> = {
  'leader-in-field': 'leaders in your field',
  'professional-association': 'people from professional bodies',
  'author-blogger': 'authors and bloggers',
  'other-function': 'colleagues in other functions',
  'unrelated-industry': 'people in unrelated industries',
};

/** Person fields searched for the need, most telling first. */
const PERSON_FIELDS: readonly [keyof Person, string][] = [
  ['canHelpHow', '"can help" note'],
  ['tags', 'tags'],
  ['role', 'role'],
  ['organisation', 'organisation'],
  ['notes', 'notes'],
  ['howMet', '"how we met"'],
];

/** Each searched field's words, worked out once per person per check (a map can hold 30,000 people). */
const wordCache = new WeakMap<Person, string[][]>();
function personWords(person: Person): string[][] {
  let cached = wordCache.get(person);
  if (!cached) {
    cached = PERSON_FIELDS.map(([field]) => {
      const value = person[field];
      return Array.isArray(value) ? words(value.join(' ')) : typeof value === 'string' ? words(value) : [];
    });
    wordCache.set(person, cached);
  }
  return cached;
}

/**
 * Every searched word of a people list, sorted, each with the places (person ordinal ×
 * fields + field) it is in: a need's terms are prefixes, so each term is a range of this
 * list. Built once per list (one check), so that need after need costs the people whose
 * words name it, not a scan of everyone.
 */
interface WordIndex {
  words: string[];
  places: number[][];
  /** Ordinals of the people who can be asked for an introduction: strong ties, not dormant. */
  strong: number[];
}

const wordIndexes = new WeakMap<readonly { person: Person; strength: number }[], WordIndex>();

function wordIndexOf(people: readonly { person: Person; strength: number }[]): WordIndex {
  let index = wordIndexes.get(people);
  if (index) return index;
  const byWord = new Map<string, number[]>();
  const strong: number[] = [];
  people.forEach(({ person, strength }, ordinal) => {
    personWords(person).forEach((fieldWords, field) => {
      const place = ordinal * PERSON_FIELDS.length + field;
      for (const word of fieldWords) {
        const places = byWord.get(word);
        if (!places) byWord.set(word, [place]);
        else if (places.at(-1) !== place) places.push(place);
      }
    });
    if (strength >= STRONG_MIN_STRENGTH && person.stage !== 'dormant') strong.push(ordinal);
  });
  const words = [...byWord.keys()].sort();
  index = { words, places: words.map((w) => byWord.get(w)!), strong };
  wordIndexes.set(people, index);
  return index;
}

/** For each person whose words name the need, the first (most telling) field that does: `wordsMention`, by the index. */
function namingFields(index: WordIndex, terms: readonly string[]): Map<number, number> {
  const found = new Map<number, number>();
  for (const term of terms) {
    // Each place counts a term once, however many of its words start with it.
    const places = new Set<number>();
    let lo = 0;
    let hi = index.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (index.words[mid]! < term) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < index.words.length && index.words[i]!.startsWith(term); i++) for (const place of index.places[i]!) places.add(place);
    for (const place of places) found.set(place, (found.get(place) ?? 0) + 1);
  }
  const fields = new Map<number, number>();
  for (const [place, count] of found) {
    if (terms.length <= 2 ? count !== terms.length : count < 2) continue;
    const ordinal = Math.floor(place / PERSON_FIELDS.length);
    const field = place % PERSON_FIELDS.length;
    const known = fields.get(ordinal);
    if (known === undefined || field < known) fields.set(ordinal, field);
  }
  return fields;
}

/** Two ascending lists of ordinals as one, each once. */
function mergeAscending(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (out.at(-1) !== next) out.push(next);
  }
  return out;
}

export function suggestForNeed(input: NeedSuggestionInput): NeedSuggestion[] {
  const limit = input.limit ?? 3;
  const terms = needTerms(input.need);
  const need = input.need.trim();
  const suggestions: NeedSuggestion[] = [];

  // 1. People whose own words name the need, and 2. strong ties to ask for an introduction,
  // those you know and like first: one pass, keeping only the few shown (a LinkedIn import
  // can put thousands of people under a need's words).
  const relevanceOf = (id: string) => input.relevance?.get(id) ?? 0;
  type Match = { person: Person; strength: number; field: string; rank: number };
  type Tie = { person: Person; strength: number };
  const matches = new FirstInOrder<Match>(
    limit,
    (a, b) => relevanceOf(b.person.id) - relevanceOf(a.person.id) || a.rank - b.rank || b.strength - a.strength || compareText(a.person.name, b.person.name),
  );
  // At most two introductions are ever shown (one when there are people to confirm).
  const strongTies = new FirstInOrder<Tie>(
    Math.min(2, limit),
    (a, b) =>
      Number(b.person.knowAndLike) - Number(a.person.knowAndLike) || b.strength - a.strength || b.person.importance - a.person.importance || compareText(a.person.name, b.person.name),
  );
  // Only the people whose words name the need and the strong ties can be offered: the word
  // index finds the first, the second are listed once per check. Walked in the list's order,
  // so equal candidates keep the order a scan of everyone would give them.
  const words = wordIndexOf(input.people);
  const named = namingFields(words, terms);
  for (const ordinal of mergeAscending([...named.keys()].sort((a, b) => a - b), words.strong)) {
    const { person, strength } = input.people[ordinal]!;
    if (input.serving.has(person.id)) continue;
    const hit = named.get(ordinal);
    if (hit !== undefined && !(person.stage === 'dormant' && strength === 0)) {
      matches.offer({ person, strength, field: PERSON_FIELDS[hit]![1], rank: hit });
      continue;
    }
    if (strength >= STRONG_MIN_STRENGTH && person.stage !== 'dormant') strongTies.offer({ person, strength });
  }
  for (const m of matches.items) {
    suggestions.push({
      kind: 'confirm-person',
      target: { kind: 'person', id: m.person.id, name: m.person.name },
      networkKind: null,
      category: null,
      why: { text: `${m.person.name}'s ${m.field} ${m.field === 'notes' || m.field === 'tags' ? 'mention' : 'mentions'} ${need}.`, facts: { field: m.field, strength: m.strength } },
      next: `Confirm that ${m.person.name} can help with ${need}, then ask them about it.`,
    });
  }

  // With people to confirm, one introduction and one network are enough; the list must stay short enough to act on.
  const others = matches.offered > 0 ? 1 : 2;
  for (const { person, strength } of strongTies.items.slice(0, Math.min(others, limit))) {
    suggestions.push({
      kind: 'ask-for-introduction',
      target: { kind: 'person', id: person.id, name: person.name },
      networkKind: null,
      category: null,
      why: { text: `${person.name} is a strong tie (strength ${strength})${person.knowAndLike ? ' you know and like' : ''}.`, facts: { strength, knowAndLike: person.knowAndLike } },
      next: `Ask ${person.name} whom they know who could help with ${need}, and for an introduction.`,
    });
  }

  // 3. Networks: the user's own that name the need or are of a kind that holds it; else a kind to find.
  const kinds = networkKindsFor(need);
  const networks = input.networks
    .filter(({ network }) => network.role !== 'left' && !input.serving.has(network.id))
    .map(({ network, strength }) => ({ network, strength, named: mentionsNeed(`${network.name} ${network.notes ?? ''}`, terms), kindRank: kinds.indexOf(network.kind) }))
    .filter((n) => n.named || n.kindRank >= 0)
    .sort((a, b) => Number(b.named) - Number(a.named) || relevanceOf(b.network.id) - relevanceOf(a.network.id) || a.kindRank - b.kindRank || b.strength - a.strength || compareText(a.network.name, b.network.name));
  for (const n of networks.slice(0, Math.min(others, limit))) {
    const joined = n.network.role !== 'want-to-join';
    suggestions.push({
      kind: 'ask-at-network',
      target: { kind: 'network', id: n.network.id, name: n.network.name },
      networkKind: n.network.kind,
      category: null,
      why: {
        text: n.named ? `${n.network.name} names ${need}.` : `${n.network.name} is ${KIND_WORDS[n.network.kind]}, where ${need} is often found.`,
        facts: { networkKind: n.network.kind, role: n.network.role, namesNeed: n.named },
      },
      next: joined
        ? `At the next ${n.network.name} meeting, ask who works on ${need}.`
        : `Join ${n.network.name}, which you already want to join, and ask who works on ${need}.`,
    });
  }
  if (networks.length === 0) {
    const kind = kinds[0]!;
    suggestions.push({
      kind: 'find-network',
      target: null,
      networkKind: kind,
      category: null,
      why: { text: `None of your networks is ${KIND_WORDS[kind]} or names ${need}.`, facts: { networkKind: kind } },
      next: `Find ${KIND_WORDS[kind]} on ${need} and go to one open event.`,
    });
  }

  // 4. Nothing about the need on the map at all: grow the category that reaches it.
  if (matches.offered === 0 && strongTies.offered === 0) {
    const category = (['leader-in-field', 'professional-association', 'author-blogger'] as const)
      .map((c) => ({ c, n: input.categoryCounts.get(c) ?? 0 }))
      .sort((a, b) => a.n - b.n)[0]!.c;
    suggestions.push({
      kind: 'grow-category',
      target: null,
      networkKind: null,
      category,
      why: {
        text: `Nobody on your map mentions ${need}, and you have ${input.categoryCounts.get(category) ?? 0} ${CATEGORY_WORDS[category] ?? category}.`,
        facts: { category, count: input.categoryCounts.get(category) ?? 0 },
      },
      next: `Add ${CATEGORY_WORDS[category] ?? category} who work on ${need}: read one's work and write with a specific question.`,
    });
  }
  return suggestions;
}
