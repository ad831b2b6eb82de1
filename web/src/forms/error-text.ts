/** The server's message: validation errors already name the field ("strength: must be from 0 to 5"). */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
