import { Worker } from 'node:worker_threads';

/** How a job's message ends it: with its answer, or with a failure. A message that does neither (progress) leaves it running. */
export interface JobOutcome<T> {
  done(value: T): void;
  fail(error: unknown): void;
}

/**
 * Runs one job in a fresh worker thread from `file` and ends the thread as soon as the
 * job has answered or failed, so its memory goes with it. `failed` words a crash (the
 * thread's error) or an early exit (its exit code) for the caller's users.
 */
export function runWorkerJob<T, M>(file: string, workerData: unknown, onMessage: (message: M, outcome: JobOutcome<T>) => void, failed: (cause: unknown, exitCode?: number) => unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(file, { workerData });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    const outcome: JobOutcome<T> = { done: (value) => settle(() => resolve(value)), fail: (error) => settle(() => reject(error)) };
    worker.on('message', (message: M) => onMessage(message, outcome));
    worker.on('error', (error) => outcome.fail(failed(error)));
    worker.on('exit', (code) => outcome.fail(failed(null, code)));
  });
}
