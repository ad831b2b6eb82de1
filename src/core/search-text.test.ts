import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, searchText, SEARCH_FIELD_SEPARATOR } from './search-text.js';

describe('searchText: a person folded into one column to search', () => {
  it('folds each field that holds something, in order, apart by the separator', () => {
    const person = { name: 'Dr Ána  Silva', organisation: 'Hospital Norte', role: null, location: '', tags: ['Research', ''], notes: 'Met at\nECR' };
    expect(searchText(person, ['https://www.linkedin.com/in/ana', 'Ana@Example.com'])).toBe(['dr ana silva', 'hospital norte', 'research', 'met at ecr', 'https://www.linkedin.com/in/ana', 'ana@example.com'].join(SEARCH_FIELD_SEPARATOR));
    expect(searchText({ name: 'Ana', organisation: null, role: null, location: null, tags: [], notes: null }, [])).toBe('ana');
  });

  it('keeps a field that folds to nothing (only spaces) as an empty part, as a field with text is kept', () => {
    const person = { name: 'Ana', organisation: '   ', role: 'Nurse', location: null, tags: [], notes: null };
    expect(searchText(person, [])).toBe(['ana', '', 'nurse'].join(SEARCH_FIELD_SEPARATOR));
  });

  it('is the non-empty fields folded and joined, whatever they hold', () => {
    const field = fc.option(fc.string({ maxLength: 12 }), { nil: null });
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), field, field, field, fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }), field, fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 }), (name, organisation, role, location, tags, notes, channels) => {
        const fields = [name, organisation, role, location, ...tags, notes, ...channels].filter((f): f is string => f !== null && f !== '');
        const expected = fields.map(foldForSearch).join(SEARCH_FIELD_SEPARATOR);
        expect(searchText({ name, organisation, role, location, tags, notes }, channels)).toBe(expected);
        // Given the name folded already (a row's name key), the same text.
        expect(searchText({ name, organisation, role, location, tags, notes }, channels, foldForSearch(name))).toBe(expected);
      }),
    );
  });
});
