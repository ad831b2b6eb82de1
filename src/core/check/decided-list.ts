/**
 * A list of the check whose items are chosen and ordered by the analysis but written
 * out (sentences, facts, suggestions) only when read. At 30,000 people the quadrants,
 * neglect, give and take and weak ties hold tens of thousands of findings of a few
 * hundred characters each, while a page shows the first few: writing them all was
 * most of the analysis's time and of its garbage.
 *
 * The list sits on its part as an ordinary, enumerable property that writes every
 * item on first read and keeps them (so the whole report, its JSON and deep equality
 * see a plain array); `listView` reads its length and a slice without writing the rest.
 */

/** The items of a decided list, by position: how many, and a run of them written out. */
export interface ListView<T> {
  readonly total: number;
  slice(start: number, end: number): T[];
}

const views = new WeakMap<object, Map<PropertyKey, ListView<unknown>>>();

/**
 * Puts on `owner[key]` the list of `decided.length` items, the i-th written by `write(decided[i])`
 * when read. `write` must be pure: a slice and the whole list give the same items.
 */
export function defineDecidedList<O extends object, K extends keyof O & string, D>(owner: O, key: K, decided: readonly D[], write: (entry: D) => O[K] extends readonly (infer T)[] ? T : never): O {
  type T = O[K] extends readonly (infer I)[] ? I : never;
  let all: T[] | null = null;
  const whole = (): T[] => (all ??= decided.map(write));
  Object.defineProperty(owner, key, { enumerable: true, configurable: true, get: whole });
  let byKey = views.get(owner);
  if (!byKey) views.set(owner, (byKey = new Map()));
  byKey.set(key, {
    total: decided.length,
    slice: (start, end) => (all ? all.slice(start, end) : decided.slice(start, end).map(write)),
  });
  return owner;
}

/**
 * The view of `owner[key]` when it is a decided list, else undefined; reading it writes nothing out.
 * A writer that hands a list on in runs (the CLI's JSON) takes each run from here and lets it go,
 * where reading `owner[key]` would write every item and keep them all until the report is dropped.
 */
export function decidedListView(owner: object, key: PropertyKey): ListView<unknown> | undefined {
  return views.get(owner)?.get(key);
}

/** The view of `owner[key]`: without writing a decided list out, or over a plain array. */
export function listView<O extends object, K extends keyof O & string>(owner: O, key: K): ListView<O[K] extends readonly (infer T)[] ? T : never> {
  type T = O[K] extends readonly (infer I)[] ? I : never;
  const view = decidedListView(owner, key);
  if (view) return view as ListView<T>;
  const items = owner[key] as unknown as readonly T[];
  return { total: items.length, slice: (start, end) => items.slice(start, end) };
}
