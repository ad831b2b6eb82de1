/**
 * What the check needs of the journal: per person, how many exchanges, how much went
 * each way, the latest date and whether every one was online; and the totals. A loader
 * may hand this in worked out where the journal lives (storage sums it in SQL: the
 * journal of 50,000 exchanges never crosses into the process); otherwise it is summed
 * here from the exchanges, with the same rules.
 */
import type { IsoDate } from '../dates.js';
import type { Channel } from '../vocabulary.js';
import type { JournalEntry } from './types.js';

/** Channels that never put two people in the same room. */
export const ONLINE_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['email', 'social-media', 'video']);

export interface PersonJournal {
  personId: string;
  exchanges: number;
  /** Items given and received, summed over the person's exchanges (a group exchange counts for each person in it). */
  gave: number;
  received: number;
  lastExchangeOn: IsoDate;
  /** Every exchange by email, social media or video. */
  onlineOnly: boolean;
}

export interface JournalSummary {
  exchanges: number;
  gave: number;
  received: number;
  /** One entry per person with at least one exchange, in no particular order. */
  people: PersonJournal[];
}

/** What the journal says of one person so far: the fields a `PersonJournal` and the check's facts share. */
export interface JournalCounts {
  exchanges: number;
  gave: number;
  received: number;
  lastExchangeOn: IsoDate | null;
  onlineOnly: boolean;
}

/**
 * Walks the exchanges once, handing each exchange to `add` once per person in it (someone
 * listed twice in one exchange still had one exchange), with whether it was online; returns
 * the totals. `add` finds where that person's counts live (`countExchange` adds to them).
 */
export function walkJournal(exchanges: readonly JournalEntry[], add: (personId: string, exchange: JournalEntry, online: boolean) => void): Pick<JournalSummary, 'exchanges' | 'gave' | 'received'> {
  let gave = 0;
  let received = 0;
  for (const exchange of exchanges) {
    const online = ONLINE_CHANNELS.has(exchange.channel);
    gave += exchange.gave.length;
    received += exchange.received.length;
    const ids = exchange.personIds;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as string;
      if (i > 0 && ids.indexOf(id) < i) continue;
      add(id, exchange, online);
    }
  }
  return { exchanges: exchanges.length, gave, received };
}

/** Adds one exchange to a person's counts: online only while every exchange is, the latest date kept. */
export function countExchange(counts: JournalCounts, exchange: JournalEntry, online: boolean): void {
  counts.onlineOnly = counts.exchanges === 0 ? online : counts.onlineOnly && online;
  counts.exchanges += 1;
  counts.gave += exchange.gave.length;
  counts.received += exchange.received.length;
  if (counts.lastExchangeOn === null || exchange.occurredOn > counts.lastExchangeOn) counts.lastExchangeOn = exchange.occurredOn;
}

/** The summary of a list of exchanges; someone listed twice in one exchange still had one exchange. */
export function summariseJournal(exchanges: readonly JournalEntry[]): JournalSummary {
  const byPerson = new Map<string, PersonJournal>();
  const totals = walkJournal(exchanges, (personId, exchange, online) => {
    let p = byPerson.get(personId);
    if (!p) byPerson.set(personId, (p = { personId, exchanges: 0, gave: 0, received: 0, lastExchangeOn: exchange.occurredOn, onlineOnly: online }));
    countExchange(p, exchange, online);
  });
  return { ...totals, people: [...byPerson.values()] };
}
