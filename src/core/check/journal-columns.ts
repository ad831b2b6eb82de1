/**
 * The journal summed per person into columns indexed by the person's slot (their place in
 * the snapshot), so that summing 100,000 exchanges writes numbers into a few arrays rather
 * than fields of 30,000 objects; the index then builds each person's facts once, complete.
 * The same rules as `countExchange` and `summariseJournal` (journal-summary.ts).
 */
import type { IsoDate } from '../dates.js';
import { walkJournal, type JournalSummary } from './journal-summary.js';
import type { MapSnapshot } from './types.js';

/**
 * Each person's counts, by slot; a person the journal never names keeps 0, false and null.
 * The counts are plain arrays of small integers, not Float64Arrays: a number read from a
 * Float64Array is a double, and each person's facts would then keep every count it copies as a
 * boxed number of its own (three allocations a person); an array of small integers hands
 * back small integers, which the facts hold in place.
 */
export interface JournalColumns {
  exchanges: number[];
  gave: number[];
  received: number[];
  /** 1 when the person had exchanges and all of them were online. */
  onlineOnly: Uint8Array;
  lastExchangeOn: (IsoDate | null)[];
  /** The journal's totals: exchanges, items given and received. */
  totals: Pick<JournalSummary, 'exchanges' | 'gave' | 'received'>;
}

/**
 * Sums the journal (the summary storage gave, or else the exchanges) into columns for
 * `slotCount` people; `slotOf` finds a person's slot by id (people it does not know are skipped).
 */
export function journalColumns(snapshot: MapSnapshot, slotOf: ReadonlyMap<string, number>, slotCount: number): JournalColumns {
  const exchanges = new Array<number>(slotCount).fill(0);
  const gave = new Array<number>(slotCount).fill(0);
  const received = new Array<number>(slotCount).fill(0);
  const onlineOnly = new Uint8Array(slotCount);
  const lastExchangeOn = new Array<IsoDate | null>(slotCount).fill(null);
  const given = snapshot.journal;
  if (given) {
    // A person listed twice keeps the last entry, as the facts it replaces did.
    for (const entry of given.people) {
      const slot = slotOf.get(entry.personId);
      if (slot === undefined) continue;
      exchanges[slot] = entry.exchanges;
      gave[slot] = entry.gave;
      received[slot] = entry.received;
      onlineOnly[slot] = entry.onlineOnly ? 1 : 0;
      lastExchangeOn[slot] = entry.lastExchangeOn;
    }
    return { exchanges, gave, received, onlineOnly, lastExchangeOn, totals: { exchanges: given.exchanges, gave: given.gave, received: given.received } };
  }
  const totals = walkJournal(snapshot.exchanges, (personId, exchange, online) => {
    const slot = slotOf.get(personId);
    if (slot === undefined) return;
    const count = exchanges[slot] as number;
    // Online only while every exchange is (the first one decides alone).
    onlineOnly[slot] = online && (count === 0 || onlineOnly[slot] === 1) ? 1 : 0;
    exchanges[slot] = count + 1;
    gave[slot] = (gave[slot] as number) + exchange.gave.length;
    received[slot] = (received[slot] as number) + exchange.received.length;
    const last = lastExchangeOn[slot] as IsoDate | null;
    if (last === null || exchange.occurredOn > last) lastExchangeOn[slot] = exchange.occurredOn;
  });
  return { exchanges, gave, received, onlineOnly, lastExchangeOn, totals };
}
