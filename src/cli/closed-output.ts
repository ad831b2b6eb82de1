/**
 * `waggle person list | head`: the reader may close the pipe before waggle is done writing. Node
 * then raises EPIPE on stdout as an unhandled error, which ended the process with a stack trace,
 * in the middle of whatever the command was doing. A closed reader is not the user's mistake and
 * not a reason to stop a write half-way (an import, an edit whose summary nobody reads): what is
 * still written to that stream is dropped, the command finishes, and the process ends as it
 * would have.
 */
let listening = false;

export function dropOutputOnceReaderCloses(): void {
  if (listening) return;
  listening = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
      throw error;
    });
  }
}
