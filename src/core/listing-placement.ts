/*
 * Where a person stands against what an answer shows (a page of a listing, the due list, the plan's
 * count of people in progress), before and after a write to them: if they stand apart from it both
 * times, in the same place, the answer holds as it was. An exchange moves its person's next contact
 * and last exchange and may advance their stage; a page sorted or filtered by those, of fifty out of
 * thirty thousand, is rarely where they were or where they go.
 */

/** What places a person in a listing that a write to them may move, as the listings' indexes have it (no date: the far ends). */
export interface PlacingKeys {
  stage: string;
  nextContactDue: string;
  lastExchangeOn: string;
  /** The folded text a search matches (people.search_text): whether they are in a search's listing. */
  searchText: string;
}

/**
 * Whether a write may have moved a person into or out of a search for `folded` (a query as the list
 * folds it): found before and not after, or after and not before, as the list's LIKE '%…%' finds it
 * in the folded text (both lower-case and without accents, so a plain `includes` agrees with it).
 * Unknown keys (a write that did not say) may have.
 */
export function searchMoved(folded: string, written: KeysWritten | undefined): boolean {
  if (!written?.before || !written.after) return true;
  return written.before.searchText.includes(folded) !== written.after.searchText.includes(folded);
}

/** A written person's placing keys before and after the write (null: no row). */
export interface KeysWritten {
  before: PlacingKeys | null;
  after: PlacingKeys | null;
}

/** An order by a date: ascending by next contact, descending by last exchange. */
export interface DateOrder {
  by: 'next-contact' | 'last-exchange';
  /** Keys strictly before this one stand before what is shown; null: nothing does (a first page). */
  before: string | null;
  /** Keys strictly after this one stand after what is shown; null: nothing does (the last page, a list not cut). */
  after: string | null;
  /**
   * How what is shown is found: by its places (a page by offset: someone crossing it from before to
   * after, or back, moves everyone on it by one), or after a cursor (the same people after the cursor,
   * whoever moves behind it; only someone leaving what stands after it may leave it the last page).
   */
  paging: 'offset' | 'cursor';
  /**
   * After a cursor, with a next page: someone is known to stand after what is shown, and the answer
   * depends on them (among its people), so anyone else may leave what stands after it for what stands
   * before the cursor without leaving it the last page (an exchange logged today puts its person
   * first by last exchange, from wherever they stood).
   */
  standsAfterKnown?: boolean;
}

/**
 * How an answer places the people it does not show: who counts (stages, a due date's bounds; none
 * said: everyone), and where those who count stand: by a date order, or `fixed` when the write can
 * move nobody in its order (the order's own columns are among what the answer reads, so a write to
 * them has it worked out again anyway).
 */
export interface Placing {
  stages?: readonly string[];
  /** Counts only people due on or before (`inclusive`) or before each date. */
  dueUntil?: readonly { date: string; inclusive: boolean }[];
  /** Counts only people due on or after this date. */
  dueFrom?: string;
  order: DateOrder | 'fixed';
}

type Place = 'out' | 'before' | 'after' | 'on';

function counts(placing: Placing, keys: PlacingKeys): boolean {
  if (placing.stages && !placing.stages.includes(keys.stage)) return false;
  if (placing.dueUntil?.some(({ date, inclusive }) => (inclusive ? keys.nextContactDue > date : keys.nextContactDue >= date))) return false;
  return placing.dueFrom === undefined || keys.nextContactDue >= placing.dueFrom;
}

function placeOf(placing: Placing, keys: PlacingKeys): Place {
  if (!counts(placing, keys)) return 'out';
  const order = placing.order;
  if (order === 'fixed') return 'before';
  const key = order.by === 'next-contact' ? keys.nextContactDue : keys.lastExchangeOn;
  // Sooner first by next contact, latest first by last exchange; a key equal to a bound ties on the name and id, which only the database orders.
  const sooner = (a: string, b: string) => (order.by === 'next-contact' ? a < b : a > b);
  if (order.before !== null && sooner(key, order.before)) return 'before';
  if (order.after !== null && sooner(order.after, key)) return 'after';
  return 'on';
}

const same = (a: PlacingKeys, b: PlacingKeys) => a.stage === b.stage && a.nextContactDue === b.nextContactDue && a.lastExchangeOn === b.lastExchangeOn;

/**
 * Whether a written person the answer does not show stays where the answer left them: their keys
 * unchanged, or apart from what is shown (not counted, before it or after it) in the same place
 * before and after. Unknown keys (a write that did not say) never stay.
 */
export function staysPlaced(placing: Placing, written: KeysWritten | undefined): boolean {
  if (!written?.before || !written.after) return false;
  if (same(written.before, written.after)) return true;
  const was = placeOf(placing, written.before);
  const now = placeOf(placing, written.after);
  if (was === 'on' || now === 'on') return false;
  if (was === now) return true;
  if (placing.order === 'fixed' || placing.order.paging !== 'cursor') return false;
  // After a cursor what is shown is the first of those after it: whoever moves behind it leaves them be, and whoever
  // leaves them from beyond the page does too, if someone else is known to stay beyond it.
  return (was === 'before' && now === 'after') || (was === 'after' && now === 'before' && placing.order.standsAfterKnown === true);
}
