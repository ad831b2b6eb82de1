import SqliteDatabase from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { foldQuery } from '../core/search-text.js';
import { MIN_INDEXED_SEARCH, trigramsMatch } from './search-index.js';

/*
 * The MATCH a search asks SQLite's search index (people_search: trigrams, no positions) must
 * never miss a person who holds the text: the LIKE beside it only takes people away. Held here
 * against FTS5 itself, a table made as migration 2026-12-12T1000 makes it, with texts and
 * queries of any characters: quotes, FTS5's operators, accents, other scripts, emoji.
 */

const database = new SqliteDatabase(':memory:');
database.exec(`create table texts (id integer primary key, body text not null);
  create virtual table texts_search using fts5(body, content='texts', content_rowid='id', tokenize='trigram remove_diacritics 1', detail=none, columnsize=0);`);
const insert = database.prepare('insert into texts (body) values (?)');
const index = database.prepare('insert into texts_search (rowid, body) values (?, ?)');
const found = database.prepare('select rowid as id from texts_search where texts_search match ? order by rowid');
afterAll(() => database.close());

/** Stores a text, indexes it and returns its rowid. */
function store(body: string): number {
  const id = Number(insert.run(body).lastInsertRowid);
  index.run(id, body);
  return id;
}

const piece = fc.oneof(fc.constantFrom(' ', '"', '""', "'", '*', '-', '^', ':', '(', ')', 'NEAR', 'AND', 'OR', 'NOT', '%', '_', '\\', 'zoë', 'ångström', '日本語', 'العربية', '🐝', 'ab'), fc.string({ unit: 'grapheme', maxLength: 6 }));
const text = fc.array(piece, { minLength: 1, maxLength: 12 }).map((parts) => foldQuery(parts.join('')));

describe('trigramsMatch: every third trigram and the last, all required', () => {
  it('asks for terms of three characters each, covering every character of the text', () => {
    fc.assert(
      fc.property(text, (folded) => {
        const characters = [...folded];
        fc.pre(characters.length >= MIN_INDEXED_SEARCH);
        const terms = trigramsMatch(folded)
          .split(' AND ')
          .map((term) => term.slice(1, -1).replace(/""/g, '"'));
        // The places asked: every third from the first, and the last trigram's (a text may repeat a
        // trigram, "notnot", so the terms are held to their places rather than searched for).
        const places = Array.from({ length: Math.ceil(characters.length / MIN_INDEXED_SEARCH) }, (_, i) => Math.min(i * MIN_INDEXED_SEARCH, characters.length - MIN_INDEXED_SEARCH));
        const covered = new Set<number>();
        terms.forEach((term, i) => {
          expect([...term]).toHaveLength(MIN_INDEXED_SEARCH);
          // Each term is the text's own characters at its place.
          const at = places[i] as number;
          expect(term).toBe(characters.slice(at, at + MIN_INDEXED_SEARCH).join(''));
          for (let c = at; c < at + MIN_INDEXED_SEARCH; c++) covered.add(c);
        });
        expect(covered.size).toBe(characters.length);
        expect(terms.length).toBe(Math.ceil(characters.length / MIN_INDEXED_SEARCH));
      }),
    );
  });

  it('finds in FTS5 every text that holds the query, whatever its characters, and is never read as query syntax', () => {
    fc.assert(
      fc.property(text, text, text, fc.nat(), fc.nat(), (before, holder, after, start, length) => {
        const characters = [...holder];
        fc.pre(characters.length >= MIN_INDEXED_SEARCH);
        const from = start % (characters.length - MIN_INDEXED_SEARCH + 1);
        const query = characters.slice(from, from + MIN_INDEXED_SEARCH + (length % (characters.length - from - MIN_INDEXED_SEARCH + 1))).join('');
        const id = store(`${before}${holder}${after}`);
        const ids = (found.all(trigramsMatch(query)) as { id: number }[]).map((row) => row.id);
        expect(ids).toContain(id);
      }),
      { numRuns: 300 },
    );
  });

  it('names nobody for trigrams no text holds, and a superset of the holders for trigrams out of order', () => {
    const apart = store('abc then def');
    const inARow = store('xabcdefx');
    expect((found.all(trigramsMatch('qqqzzz')) as { id: number }[]).map((row) => row.id)).toEqual([]);
    // The index cannot tell these two apart: the LIKE beside it does (search-index.test.ts).
    expect((found.all(trigramsMatch('abcdef')) as { id: number }[]).map((row) => row.id)).toEqual(expect.arrayContaining([apart, inARow]));
  });
});
