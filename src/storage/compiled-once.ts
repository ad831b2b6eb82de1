import { createQueryId, PostgresAdapter, SelectQueryNode, type Compilable, type CompiledQuery, type Kysely, type QueryResult } from 'kysely';
import { countedWrite } from './data-version.js';
import { preparedOnPostgres } from './prepared-statements.js';
import { parametersOf, shapeOf, templateOf, type StatementTemplate, type TemplateValues } from './statement-template.js';
import type { Database } from './schema.js';

/*
 * The statements a write to one person runs every time (an exchange logged, a person edited), built
 * and compiled through Kysely once per database kind and shape, then run with new values. Building a
 * query (its immutable nodes frozen one by one), the camel-case plugin's pass over it and compiling
 * it to text cost more of a write's main-thread time than SQLite running the statement (issue 15's
 * mixed run: a dozen such statements a write). Each is kept as a template (statement-template.ts:
 * a marker for each value, its place among the parameters noted) and a run fills those places.
 *
 * A statement so kept must take its values only as values: a value that changes the text (a column
 * chosen by it, a branch on it, `sql.lit`) would be built once for all. That is checked as it is
 * compiled, and refused with an error (a mistake in the builder). Which values are given and a
 * list's length are the shape (one text per shape, up to MAX_SHAPES).
 *
 * Writes are counted as the countWrites plugin counts them (data-version.ts), which a compiled query
 * run by itself would skip: the kept answers' versions depend on it. (Compiling the template passes
 * the plugin too, which counts it once as a write: a version moved on for nothing, once a shape.)
 */

/** Shapes kept per statement and database kind (list lengths, mostly 1): past that, each run is built as usual. */
const MAX_SHAPES = 16;

interface Template extends StatementTemplate {
  isWrite: boolean;
}

/** Compiles `build` with a marker for each value (statement-template.ts), refusing a statement that cannot be kept so: a mistake in its builder. */
function templateFor<V extends TemplateValues>(db: Kysely<Database>, build: (db: Kysely<Database>, values: V) => Compilable<unknown>, values: V): Template {
  const template = templateOf(values, (marked) => build(db, marked).compile());
  if (typeof template === 'string') throw new Error(template);
  // Its values are ids, a workspace, a date or a count to set, never a range or a pattern: a plan fit for any
  // of them is the plan for each, so PostgreSQL keeps it prepared (prepared-statements.ts) instead of planning every write.
  preparedOnPostgres(db, template.compiled.sql);
  return { ...template, isWrite: !SelectQueryNode.is(template.compiled.query) };
}

/** A statement compiled once (compiledOnce): run with values, or compiled with them for another statement to carry. */
export interface CompiledOnce<V extends TemplateValues, R> {
  (db: Kysely<Database>, values: V): Promise<QueryResult<R>>;
  /** The select with `values`, compiled for `db`'s kind without running it (people-list-patch.ts carries one in a write's lock statement). */
  compiled(db: Kysely<Database>, values: V): CompiledQuery<R>;
}

/**
 * A statement built by `build` from its values alone (see above), compiled once per database kind
 * and shape and run with `values` on `db` (the store's handle or a transaction of it, which share
 * its plugins): its rows as Kysely gives them back, camel-cased.
 */
export function compiledOnce<V extends TemplateValues, R>(build: (db: Kysely<Database>, values: V) => Compilable<R>): CompiledOnce<V, R> {
  const kept = new Map<string, Template>();
  const templateOfShape = (db: Kysely<Database>, values: V): Template | null => {
    const kind = db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
    const key = `${kind}:${shapeOf(values)}`;
    let template = kept.get(key);
    if (!template) {
      if (kept.size >= MAX_SHAPES) return null;
      template = templateFor(db, build, values);
      kept.set(key, template);
    }
    return template;
  };
  // A query id of its own: the plugins' per-run bookkeeping is keyed by it (the template's own was the compile's).
  const filled = (template: Template, values: V) => ({ ...template.compiled, queryId: createQueryId(), parameters: parametersOf(template, values) }) as CompiledQuery<R>;
  const run = async (db: Kysely<Database>, values: V) => {
    const template = templateOfShape(db, values);
    // Past the shapes kept: built as any query, counted by the plugin as it runs.
    if (!template) return db.executeQuery(build(db, values));
    const query = filled(template, values);
    return template.isWrite ? countedWrite(template.compiled.query, () => db.executeQuery(query)) : db.executeQuery(query);
  };
  return Object.assign(run, {
    compiled(db: Kysely<Database>, values: V): CompiledQuery<R> {
      const template = templateOfShape(db, values);
      const query = template ? filled(template, values) : build(db, values).compile();
      if (!SelectQueryNode.is(query.query)) throw new Error('only a select is compiled to be carried: a write run inside another statement would not be counted');
      return query;
    },
  });
}
