import type { CompiledQuery } from 'kysely';

/*
 * A statement built and compiled by Kysely once, with a marker standing for each value, kept to be
 * run again with other values in the markers' places. Kysely has no parameterised query kept for
 * reuse, and building one (its frozen nodes, the camel-case plugin's pass, the compile) cost more of
 * the main thread than SQLite answering it (issue 15's mixed run). Two users:
 * - compiled-once.ts: the statements a write to one person runs every time, one template per shape;
 * - people-list-catch-up.ts: the questions each kept listing is asked on every write that may move it
 *   (which of the written people it holds) and on its catch-up, one template per listing.
 *
 * A template is made only when every value came out as parameters, whole, and no marker in the text:
 * a value that changes the text (a column chosen by it, a branch on it, `sql.lit`) would be built once
 * for all. A value is a scalar, or a list (of ids) whose length is part of the template's shape.
 */

export type TemplateValue = string | number | null | readonly string[];
export type TemplateValues = Record<string, TemplateValue>;

const MARK = '\u0000waggle-value:';
const markOf = (name: string, index?: number) => `${MARK}${name}${index === undefined ? '' : `#${index}`}\u0000`;

/** Where a compiled parameter comes from: a value by name, one element of a list, a whole list (PostgreSQL's `= any($n)`), or a constant of the text. */
type Slot = { name: string; index?: number; whole?: boolean } | { constant: unknown };

export interface StatementTemplate {
  compiled: CompiledQuery;
  slots: readonly Slot[];
}

function slotOf(parameter: unknown, marks: Map<string, { name: string; index?: number }>): Slot | string {
  if (typeof parameter === 'string') {
    const mark = marks.get(parameter);
    if (mark) return mark;
    if (parameter.includes(MARK)) return `a kept statement took part of a value into a parameter: ${JSON.stringify(parameter)}`;
  }
  if (Array.isArray(parameter) && parameter.length > 0 && parameter.every((p) => typeof p === 'string' && marks.has(p))) {
    const first = marks.get(parameter[0] as string)!;
    if (parameter.every((p, i) => marks.get(p as string)?.name === first.name && marks.get(p as string)?.index === i)) return { name: first.name, whole: true };
  }
  return { constant: parameter };
}

/**
 * `build`'s statement compiled with a marker for each of `values` (their names and lists' lengths are
 * what counts, not what they hold), with where each marker went among the parameters; or, when it
 * cannot be kept, a sentence saying why.
 */
export function templateOf<V extends TemplateValues>(values: V, build: (marked: V) => CompiledQuery): StatementTemplate | string {
  const marks = new Map<string, { name: string; index?: number }>();
  const marked: Record<string, TemplateValue> = {};
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
  const compiled = build(marked as V);
  if (compiled.sql.includes(MARK)) return `a kept statement wrote a value into its text: ${compiled.sql}`;
  const slots: Slot[] = [];
  for (const parameter of compiled.parameters) {
    const slot = slotOf(parameter, marks);
    if (typeof slot === 'string') return slot;
    slots.push(slot);
  }
  const placed = new Set(slots.flatMap((slot) => ('name' in slot ? [slot.whole ? `${slot.name}#*` : markOf(slot.name, slot.index)] : [])));
  for (const [mark, { name }] of marks) {
    if (!placed.has(mark) && !placed.has(`${name}#*`)) return `a kept statement left a value out of its parameters (${name}): ${compiled.sql}`;
  }
  return { compiled, slots };
}

/** The template's parameters with `values` in the markers' places. */
export function parametersOf(template: StatementTemplate, values: TemplateValues): unknown[] {
  return template.slots.map((slot) => {
    if ('constant' in slot) return slot.constant;
    const value = values[slot.name];
    return slot.whole ? [...(value as readonly string[])] : slot.index === undefined ? value : (value as readonly string[])[slot.index];
  });
}

/** A template's shape: which values it is given, in order, and their lists' lengths. */
export const shapeOf = (values: TemplateValues) =>
  Object.entries(values)
    .map(([name, value]) => (Array.isArray(value) ? `${name}[${value.length}]` : name))
    .join(',');

/** A compiled PostgreSQL statement's text with its values' places moved on by `by` ($1 becomes $3 for 2), outside quoted literals and names. */
export function parametersShifted(text: string, by: number): string {
  return text.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\$(\d+)/g, (token, place: string | undefined) => (place === undefined ? token : `$${Number(place) + by}`));
}
