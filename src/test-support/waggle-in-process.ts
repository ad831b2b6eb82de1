import { AsyncLocalStorage } from 'node:async_hooks';
import { main } from '../cli/main.js';

interface Captured {
  stdout: string;
  stderr: string;
}

/**
 * Whose output a write to the process's stdout or stderr is: the `waggle` run it was made in, found
 * through the async context it was made from. A run a test gave up on (it timed out) keeps writing
 * into its own capture, never into the next test's, and writes made outside any run reach the
 * terminal as they would without this.
 */
const running = new AsyncLocalStorage<Captured>();
let routed = false;

function routeWritesByRun(): void {
  if (routed) return;
  routed = true;
  for (const [stream, field] of [
    [process.stdout, 'stdout'],
    [process.stderr, 'stderr'],
  ] as const) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      const captured = running.getStore();
      if (!captured) return write(chunk, ...rest);
      captured[field] += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
      // A write's callback (last argument) still runs, as the stream would have run it.
      const done = rest.at(-1);
      if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
      return true;
    }) as typeof stream.write;
  }
}

/** The real `waggle` program run in-process on a data folder, its output captured: what a user at a terminal would see. */
export async function waggleInProcess(dataDir: string, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  routeWritesByRun();
  const captured: Captured = { stdout: '', stderr: '' };
  const code = await running.run(captured, () => main(['--data', dataDir, ...argv]));
  return { code, stdout: captured.stdout, stderr: captured.stderr };
}
