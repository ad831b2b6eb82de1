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

/** The summary of a list of exchanges; someone listed twice in one exchange still had one exchange. */
export function summariseJournal(exchanges: readonly JournalEntry[]): JournalSummary {
  const byPerson = new Map<string, PersonJournal>();
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
      const p = byPerson.get(id);
      if (!p) {
        byPerson.set(id, { personId: id, exchanges: 1, gave: exchange.gave.length, received: exchange.received.length, lastExchangeOn: exchange.occurredOn, onlineOnly: online });
        continue;
      }
      p.exchanges += 1;
      p.gave += exchange.gave.length;
      p.received += exchange.received.length;
      p.onlineOnly &&= online;
      if (exchange.occurredOn > p.lastExchangeOn) p.lastExchangeOn = exchange.occurredOn;
    }
  }
  return { exchanges: exchanges.length, gave, received, people: [...byPerson.values()] };
}
