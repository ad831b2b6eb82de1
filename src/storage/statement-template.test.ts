import fc from 'fast-check';
import { CompiledQuery, Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { parametersShifted, parametersWith, templateFor } from './statement-template.js';

// A Kysely that only compiles (no connection is ever asked for).
const db = new Kysely<{ people: { id: string; workspace_id: string; name: string } }>({
  dialect: new SqliteDialect({ database: async () => { throw new Error('compile only'); } }),
});

const build = (workspace: string) => (ids: readonly string[]) => db.selectFrom('people').select('id').where('workspace_id', '=', workspace).where('id', 'in', [...ids]).compile();

describe('a statement kept as a template', () => {
  it('gives back, for any ids, exactly the statement Kysely builds for them', () => {
    const id = fc.string({ minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.uniqueArray(id, { minLength: 1, maxLength: 20 }), (workspace, ids) => {
        const template = templateFor(ids.length, build(workspace));
        expect(template).not.toBeNull();
        const direct = build(workspace)(ids);
        expect(template!.sql).toBe(direct.sql);
        expect(parametersWith(template!, ids)).toEqual(direct.parameters);
      }),
    );
  });

  it('refuses a builder that writes an id into its text, or into part of a value, or leaves one out', () => {
    expect(templateFor(1, (ids) => CompiledQuery.raw(`select '${ids[0]}'`, []))).toBeNull();
    expect(templateFor(1, (ids) => db.selectFrom('people').select('id').where('name', 'like', `%${ids[0]}%`).compile())).toBeNull();
    expect(templateFor(2, (ids) => db.selectFrom('people').select('id').where('id', '=', ids[0] as string).compile())).toBeNull();
    expect(templateFor(1, (ids) => sql`select ${sql.lit(ids[0])}`.compile(db))).toBeNull();
  });

  it('keeps values that are not ids as they were compiled', () => {
    const template = templateFor(1, build('w1'))!;
    expect(parametersWith(template, ['p9'])).toEqual(['w1', 'p9']);
  });
});

describe("the kept counts' question carried in a write's lock statement (parametersShifted)", () => {
  it("moves its values' places past the lock's two, and leaves a dollar inside a quoted literal or name as it is", () => {
    expect(parametersShifted('select "people"."id" from people where a = $1 and b in ($2, $10)', 2)).toBe('select "people"."id" from people where a = $3 and b in ($4, $12)');
    expect(parametersShifted(`select '$1', 'it''s $2', "odd$3" from t where x = $1`, 2)).toBe(`select '$1', 'it''s $2', "odd$3" from t where x = $3`);
  });
});
