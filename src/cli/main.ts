import { CommanderError } from 'commander';
import { ValidationError, WaggleError } from '../core/errors.js';
import { dropOutputOnceReaderCloses } from './closed-output.js';
import { EXIT_CODES, EXIT_OK, EXIT_UNEXPECTED, EXIT_USAGE } from './exit-codes.js';
import { buildProgram } from './program.js';

export { endOnceWritten } from './leave.js';

export async function main(argv: string[]): Promise<number> {
  dropOutputOnceReaderCloses();
  const json = argv.includes('--json');
  try {
    await (await buildProgram(argv)).parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander; usage problems were already printed.
      if (error.exitCode === 0) return EXIT_OK;
      if (json) process.stderr.write(`${JSON.stringify({ error: { code: 'usage', message: error.message.replace(/^error: /, '') } })}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof WaggleError) {
      const field = error instanceof ValidationError ? error.field : undefined;
      if (json) process.stderr.write(`${JSON.stringify({ error: { code: error.code, message: error.message, ...(field ? { field } : {}) } })}\n`);
      else process.stderr.write(`waggle: ${error.message}\n`);
      return EXIT_CODES[error.code];
    }
    const message = error instanceof Error ? error.message : String(error);
    if (json) process.stderr.write(`${JSON.stringify({ error: { code: 'internal', message } })}\n`);
    else process.stderr.write(`waggle: unexpected error: ${message}\n`);
    if (process.env.WAGGLE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return EXIT_UNEXPECTED;
  }
}
