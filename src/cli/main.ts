import { CommanderError } from 'commander';
import { ValidationError, WaggleError } from '../core/errors.js';
import { buildProgram } from './program.js';

/** Exit codes: 0 ok, 1 unexpected fault, 2 bad input, 3 not found, 4 conflict or ambiguous, 5 not allowed (a team member doing what only its lead may). */
const EXIT: Record<string, number> = { validation: 2, not_found: 3, conflict: 4, ambiguous: 4, forbidden: 5 };

export async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander; usage problems were already printed.
      if (error.exitCode === 0) return 0;
      if (json) process.stderr.write(`${JSON.stringify({ error: { code: 'usage', message: error.message.replace(/^error: /, '') } })}\n`);
      return 2;
    }
    if (error instanceof WaggleError) {
      const field = error instanceof ValidationError ? error.field : undefined;
      if (json) process.stderr.write(`${JSON.stringify({ error: { code: error.code, message: error.message, ...(field ? { field } : {}) } })}\n`);
      else process.stderr.write(`waggle: ${error.message}\n`);
      return EXIT[error.code] ?? 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (json) process.stderr.write(`${JSON.stringify({ error: { code: 'internal', message } })}\n`);
    else process.stderr.write(`waggle: unexpected error: ${message}\n`);
    if (process.env.WAGGLE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
