/**
 * Fills the derived fields of people (`lastExchangeOn`, `nextContact`) from a
 * journal, the way storage does, for snapshots built in memory: generated maps,
 * demos and tests.
 */
import type { Person } from '../model.js';
import type { JournalEntry } from './types.js';
import { nextContact } from '../next-contact.js';

/** People with `lastExchangeOn` (the later of the given value and the journal) and `nextContact` recomputed. */
export function withDerivedContacts(people: readonly Person[], exchanges: readonly JournalEntry[]): Person[] {
  const last = new Map<string, string>();
  for (const exchange of exchanges) {
    for (const id of exchange.personIds) {
      const seen = last.get(id);
      if (seen === undefined || exchange.occurredOn > seen) last.set(id, exchange.occurredOn);
    }
  }
  return people.map((person) => {
    const fromJournal = last.get(person.id) ?? null;
    const lastExchangeOn =
      person.lastExchangeOn === null ? fromJournal : fromJournal === null || person.lastExchangeOn > fromJournal ? person.lastExchangeOn : fromJournal;
    // Passed as a variable, not a literal: the rule may or may not read the day a
    // hand-set date was set, and this should compile either way.
    const rhythm = {
      nextContactOn: person.nextContactOn,
      nextContactSetOn: person.nextContactSetOn,
      cadence: person.cadence,
      lastExchangeOn,
      addedOn: person.addedOn,
    };
    return { ...person, lastExchangeOn, nextContact: nextContact(rhythm) };
  });
}
