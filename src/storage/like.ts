/** A LIKE pattern that matches `text` anywhere, with LIKE's wildcards escaped (use with `escape '\'`). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
