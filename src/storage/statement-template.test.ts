import fc from 'fast-check';
import { CompiledQuery, Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { parametersOf, parametersShifted, templateOf, type StatementTemplate } from './statement-template.js';

// A Kysely that only compiles (no connection is ever asked for).
const db = new Kysely<{ people: { id: string; workspace_id: string; name: string } }>({
  dialect: new SqliteDialect({ database: async () => { throw new Error('compile only'); } }),
});

const build = (workspace: string) => (ids: readonly string[]) => db.selectFrom('people').select('id').where('workspace_id', '=', workspace).where('id', 'in', [...ids]).compile();
/** A template of `compile` for `count` ids, or the reason it cannot be kept. */
const idsTemplate = (count: number, compile: (ids: readonly string[]) => CompiledQuery) => templateOf({ ids: new Array<string>(count).fill('') }, ({ ids }) => compile(ids));

describe('a statement kept as a template', () => {
  it('gives back, for any ids, exactly the statement Kysely builds for them', () => {
    const id = fc.string({ minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.uniqueArray(id, { minLength: 1, maxLength: 20 }), (workspace, ids) => {
        const template = idsTemplate(ids.length, build(workspace)) as StatementTemplate;
        expect(typeof template).toBe('object');
        const direct = build(workspace)(ids);
        expect(template.compiled.sql).toBe(direct.sql);
        expect(parametersOf(template, { ids })).toEqual(direct.parameters);
      }),
    );
  });

  it('refuses a builder that writes an id into its text, or into part of a value, or leaves one out', () => {
    expect(idsTemplate(1, (ids) => CompiledQuery.raw(`select '${ids[0]}'`, []))).toMatch(/wrote a value into its text/);
    expect(idsTemplate(1, (ids) => db.selectFrom('people').select('id').where('name', 'like', `%${ids[0]}%`).compile())).toMatch(/took part of a value into a parameter/);
    expect(idsTemplate(2, (ids) => db.selectFrom('people').select('id').where('id', '=', ids[0] as string).compile())).toMatch(/left a value out of its parameters \(ids\)/);
    expect(idsTemplate(1, (ids) => sql`select ${sql.lit(ids[0])}`.compile(db))).toMatch(/wrote a value into its text/);
  });

  it('keeps values that are not ids as they were compiled', () => {
    const template = idsTemplate(1, build('w1')) as StatementTemplate;
    expect(parametersOf(template, { ids: ['p9'] })).toEqual(['w1', 'p9']);
  });
});

describe("the kept counts' question carried in a write's lock statement (parametersShifted)", () => {
  it("moves its values' places past the lock's two, and leaves a dollar inside a quoted literal or name as it is", () => {
    expect(parametersShifted('select "people"."id" from people where a = $1 and b in ($2, $10)', 2)).toBe('select "people"."id" from people where a = $3 and b in ($4, $12)');
    expect(parametersShifted(`select '$1', 'it''s $2', "odd$3" from t where x = $1`, 2)).toBe(`select '$1', 'it''s $2', "odd$3" from t where x = $3`);
  });
});
