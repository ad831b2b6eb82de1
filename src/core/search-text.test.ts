import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileHandle } from './contact-links.js';
import { foldForSearch, foldQuery, searchText, SEARCH_FIELD_SEPARATOR } from './search-text.js';

describe('searchText: a person folded into one column to search', () => {
  it('folds each field that holds something, in order, apart by the separator', () => {
    const person = { name: 'Dr Ána  Silva', organisation: 'Hospital Norte', role: null, location: '', tags: ['Research', ''], notes: 'Met at\nECR' };
    expect(searchText(person, ['https://www.linkedin.com/in/ana-s', 'Ana@Example.com', 'https://ana.example/About'])).toBe(['dr ana silva', 'hospital norte', 'research', 'met at ecr', 'ana-s', 'ana@example.com', 'https://ana.example/about'].join(SEARCH_FIELD_SEPARATOR));
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
        const fields = [name, organisation, role, location, ...tags, notes, ...channels.map((c) => profileHandle(c) ?? c)].filter((f): f is string => f !== null && f !== '');
        const expected = fields.map(foldForSearch).join(SEARCH_FIELD_SEPARATOR);
        expect(searchText({ name, organisation, role, location, tags, notes }, channels)).toBe(expected);
        // Given the name folded already (a row's name key), the same text.
        expect(searchText({ name, organisation, role, location, tags, notes }, channels, foldForSearch(name))).toBe(expected);
      }),
    );
  });
});

describe('a profile link, searched by its handle', () => {
  const person = { name: 'Ana Silva', organisation: 'LinkedIn', role: null, location: null, tags: [], notes: null };

  it('holds the handle, not the network around it, so "linkedin" finds who works there and not everyone with a link', () => {
    const text = searchText({ ...person, organisation: null }, ['https://www.linkedin.com/in/Ana-Silva-9b1']);
    expect(text).toBe(['ana silva', 'ana-silva-9b1'].join(SEARCH_FIELD_SEPARATOR));
    expect(text).not.toContain(foldQuery('linkedin'));
    expect(searchText(person, ['https://www.linkedin.com/in/x1'])).toContain(foldQuery('linkedin'));
  });

  it('finds the person by the link pasted whole, by part of it after the network, and by the handle (property)', () => {
    const handle = fc.stringMatching(/^[a-z0-9][a-z0-9-]{2,20}$/);
    fc.assert(
      fc.property(handle, fc.constantFrom('https://www.linkedin.com/in/', 'linkedin.com/in/', 'https://github.com/', 'https://x.com/', 'https://bsky.app/profile/'), fc.constantFrom('', '/', '?utm=1'), (name, network, tail) => {
        const text = searchText(person, [`${network}${name}${tail}`]);
        for (const query of [`${network}${name}`, `${network}${name}${tail}`, name, name.slice(1)]) expect(text, query).toContain(foldQuery(query));
      }),
    );
  });
});
