import type { CompiledQuery } from 'kysely';

/*
 * A statement Kysely built and compiled once with a marker standing for each of a few ids, kept to
 * be run again with other ids in their places: for questions a write or a read asks every time with
 * only the people changed (which of them a kept listing matches, people-list-catch-up.ts), where
 * building the query (its frozen nodes, the camel-case plugin's pass, the compile) cost more of the
 * main thread than SQLite answering it (issue 15's mixed run: 0.37 ms of a write's 1.1 ms of kept
 * listings' bookkeeping against 0.13 ms for the statement).
 *
 * Only when each marker came out as one parameter, whole, and none in the text: a builder that
 * wrote an id into its text, or into part of a parameter, gives no template, and its caller
 * builds the query each time as before.
 */

const MARK = '\u0000waggle-id:';
const markOf = (index: number) => `${MARK}${index}\u0000`;

export interface StatementTemplate {
  sql: string;
  /** The compiled parameters, with a marker's place noted in `idAt` (the id's index) and the rest kept as they were. */
  parameters: readonly unknown[];
  idAt: readonly number[];
}

/** `build`'s statement with `count` markers for ids, as a template; null when the ids did not come out as whole parameters. */
export function templateFor(count: number, build: (ids: readonly string[]) => CompiledQuery): StatementTemplate | null {
  const marks = Array.from({ length: count }, (_, i) => markOf(i));
  const compiled = build(marks);
  if (compiled.sql.includes(MARK)) return null;
  const idAt = compiled.parameters.map((parameter) => (typeof parameter === 'string' ? marks.indexOf(parameter) : -1));
  const partial = compiled.parameters.some((parameter, i) => idAt[i] === -1 && typeof parameter === 'string' && parameter.includes(MARK));
  if (partial || marks.some((_, i) => !idAt.includes(i))) return null;
  return { sql: compiled.sql, parameters: compiled.parameters, idAt };
}

/** The template's parameters with `ids` in the markers' places. */
export function parametersWith(template: StatementTemplate, ids: readonly string[]): unknown[] {
  return template.parameters.map((parameter, i) => {
    const at = template.idAt[i] as number;
    return at === -1 ? parameter : ids[at];
  });
}

/** A compiled PostgreSQL statement's text with its values' places moved on by `by` ($1 becomes $3 for 2), outside quoted literals and names. */
export function parametersShifted(text: string, by: number): string {
  return text.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\$(\d+)/g, (token, place: string | undefined) => (place === undefined ? token : `$${Number(place) + by}`));
}
