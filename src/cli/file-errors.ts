import { ImportFileError } from '../core/import-types.js';
import { ValidationError } from '../core/errors.js';

/** Runs a file's import, naming the file as well as the line in what it refuses: "connections.csv: line 12: …". */
export async function namingTheFile<T>(file: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ImportFileError) throw new ValidationError(file, error.message, { cause: error });
    throw error;
  }
}
