/*
 * How both databases hold what the core keeps as lists and booleans: JSON text
 * and 0/1 integers (schema.ts), so that one query serves SQLite and PostgreSQL.
 */

export function parseJsonList<T>(text: string): T[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? (value as T[]) : [];
}

export const flag = (value: boolean): number => (value ? 1 : 0);
