/**
 * The answers the response check (response-check.ts) found wrong in this process, kept
 * apart from the check itself so that the test setup can read them without loading zod
 * and the server: a test that ignores the 500 the check answered still fails after it.
 */

const found: string[] = [];

export function noteResponseMismatch(description: string): void {
  found.push(description);
}

/** The mismatches found since the last call, and forgets them. */
export function takeResponseMismatches(): string[] {
  return found.splice(0, found.length);
}
