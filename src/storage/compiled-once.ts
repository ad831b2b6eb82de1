import { createQueryId, PostgresAdapter, SelectQueryNode, type Compilable, type CompiledQuery, type Kysely, type QueryResult } from 'kysely';
import { countedWrite } from './data-version.js';
import type { Database } from './schema.js';

/*
 * The statements a write to one person runs every time (an exchange logged, a person edited), built
 * and compiled through Kysely once per database kind and shape, then run with new values. Building a
 * query (its immutable nodes frozen one by one), the camel-case plugin's pass over it and compiling
 * it to text cost more of a write's main-thread time than SQLite running the statement (issue 15's
 * mixed run: a dozen such statements a write). Kysely has no parameterised query kept for reuse, so
 * the statement is built once with a marker standing for each value, and each marker's place among
 * the compiled parameters is noted; a run fills those places with the values.
 *
 * A statement so kept must take its values only as values: a value that changes the text (a column
 * chosen by it, a branch on it, `sql.lit`) would be built once for all. That is checked as it is
 * compiled: every value must come out as parameters, whole, and no marker in the text. Which values
 * are given and a list's length are the shape (one text per shape, up to MAX_SHAPES).
 *
 * Writes are counted as the countWrites plugin counts them (data-version.ts), which a compiled query
 * run by itself would skip: the kept answers' versions depend on it. (Compiling the template passes
 * the plugin too, which counts it once as a write: a version moved on for nothing, once a shape.)
 */

/** A value a kept statement takes: a scalar, or a list (of ids) whose length is part of its shape. */
type Value = string | number | null | readonly string[];
type Values = Record<string, Value>;

/** Shapes kept per statement and database kind (list lengths, mostly 1): past that, each run is built as usual. */
const MAX_SHAPES = 16;

const MARK = '\u0000waggle-value:';
const markOf = (name: string, index?: number) => `${MARK}${name}${index === undefined ? '' : `#${index}`}\u0000`;

/** Where a compiled parameter comes from: a value by name, one element of a list, a whole list (PostgreSQL's `= any($n)`), or a constant of the text. */
type Slot = { name: string; index?: number; whole?: boolean } | { constant: unknown };

interface Template {
  compiled: CompiledQuery;
  slots: Slot[];
  isWrite: boolean;
}

function slotOf(parameter: unknown, marks: Map<string, { name: string; index?: number }>): Slot {
  if (typeof parameter === 'string') {
    const mark = marks.get(parameter);
    if (mark) return mark;
    if (parameter.includes(MARK)) throw new Error(`a kept statement took part of a value into a parameter: ${JSON.stringify(parameter)}`);
  }
  if (Array.isArray(parameter) && parameter.length > 0 && parameter.every((p) => typeof p === 'string' && marks.has(p))) {
    const first = marks.get(parameter[0] as string)!;
    if (parameter.every((p, i) => marks.get(p as string)?.name === first.name && marks.get(p as string)?.index === i)) return { name: first.name, whole: true };
  }
  return { constant: parameter };
}

/** Compiles `build` with a marker for each value, and notes where each marker went among the parameters. */
function templateOf<V extends Values>(db: Kysely<Database>, build: (db: Kysely<Database>, values: V) => Compilable<unknown>, values: V): Template {
  const marks = new Map<string, { name: string; index?: number }>();
  const marked: Record<string, Value> = {};
  for (const [name, value] of Object.entries(values)) {
    if (Array.isArray(value)) {
      marked[name] = value.map((_, index) => {
        marks.set(markOf(name, index), { name, index });
        return markOf(name, index);
      });
    } else {
      marks.set(markOf(name), { name });
      marked[name] = markOf(name);
    }
  }
  const compiled = build(db, marked as V).compile();
  if (compiled.sql.includes(MARK)) throw new Error(`a kept statement wrote a value into its text: ${compiled.sql}`);
  const slots = compiled.parameters.map((parameter) => slotOf(parameter, marks));
  const placed = new Set(slots.flatMap((slot) => ('name' in slot ? [slot.whole ? `${slot.name}#*` : markOf(slot.name, slot.index)] : [])));
  for (const [mark, { name }] of marks) {
    if (!placed.has(mark) && !placed.has(`${name}#*`)) throw new Error(`a kept statement left a value out of its parameters (${name}): ${compiled.sql}`);
  }
  return { compiled, slots, isWrite: !SelectQueryNode.is(compiled.query) };
}

function parametersOf(template: Template, values: Values): unknown[] {
  return template.slots.map((slot) => {
    if ('constant' in slot) return slot.constant;
    const value = values[slot.name];
    return slot.whole ? [...(value as readonly string[])] : slot.index === undefined ? value : (value as readonly string[])[slot.index];
  });
}

/** A statement's shape: which values it is given, in order, and their lists' lengths. */
const shapeOf = (values: Values) =>
  Object.entries(values)
    .map(([name, value]) => (Array.isArray(value) ? `${name}[${value.length}]` : name))
    .join(',');

/**
 * A statement built by `build` from its values alone (see above), compiled once per database kind
 * and shape and run with `values` on `db` (the store's handle or a transaction of it, which share
 * its plugins): its rows as Kysely gives them back, camel-cased.
 */
export function compiledOnce<V extends Values, R>(build: (db: Kysely<Database>, values: V) => Compilable<R>): (db: Kysely<Database>, values: V) => Promise<QueryResult<R>> {
  const kept = new Map<string, Template>();
  return async (db, values) => {
    const kind = db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
    const key = `${kind}:${shapeOf(values)}`;
    let template = kept.get(key);
    if (!template) {
      // Past the shapes kept: built as any query, counted by the plugin as it runs.
      if (kept.size >= MAX_SHAPES) return db.executeQuery(build(db, values));
      template = templateOf(db, build, values);
      kept.set(key, template);
    }
    const { compiled, isWrite } = template;
    // A query id of its own: the plugins' per-run bookkeeping is keyed by it (the template's own was the compile's).
    const query = { ...compiled, queryId: createQueryId(), parameters: parametersOf(template, values) } as CompiledQuery<R>;
    return isWrite ? countedWrite(compiled.query, () => db.executeQuery(query)) : db.executeQuery(query);
  };
}
