/**
 * Runs a capture's reading and planning in a worker thread, fed the file chunk
 * by chunk (one chunk in flight at a time, so a mailbox read from disk never
 * piles up in memory); only the database write stays on the main thread.
 */
import { Worker } from 'node:worker_threads';
import { ImportFileError } from '../../core/import-types.js';
import { workerScript } from '../import/off-thread.js';
import type { CaptureJob, CaptureRead } from './read-capture.js';

export type CaptureWorkerMessage = { kind: 'chunk'; bytes: Uint8Array } | { kind: 'end' };
export type CaptureWorkerAnswer =
  | { kind: 'ready' }
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done'; result: CaptureRead }
  | { kind: 'refused'; line: number | null; reason: string }
  | { kind: 'failed'; message: string };

let workerFile: Promise<string> | null = null;

/** Reads and plans a capture off the main thread; ImportFileError when the file is refused. */
export async function readCaptureOffThread(job: CaptureJob, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, progress: (done: number, total: number) => void = () => undefined): Promise<CaptureRead> {
  workerFile ??= workerScript('capture-worker', import.meta.url);
  const file = await workerFile.catch((error: unknown) => {
    workerFile = null;
    throw error;
  });
  const worker = new Worker(file, { workerData: job });
  let settled = false;
  let wake: (() => void) | null = null;
  const outcome = new Promise<CaptureRead>((resolve, reject) => {
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      wake?.();
      void worker.terminate();
    };
    worker.on('message', (answer: CaptureWorkerAnswer) => {
      if (answer.kind === 'ready') {
        const w = wake;
        wake = null;
        w?.();
      } else if (answer.kind === 'progress') progress(answer.done, answer.total);
      else if (answer.kind === 'done') settle(() => resolve(answer.result));
      else if (answer.kind === 'refused') settle(() => reject(new ImportFileError(answer.line, answer.reason)));
      else settle(() => reject(new Error(`the capture worker failed: ${answer.message}`)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the capture worker stopped (exit code ${code}) before answering`))));
  });
  outcome.catch(() => undefined);
  for await (const chunk of chunks) {
    if (settled) break;
    const acknowledged = new Promise<void>((resolve) => (wake = resolve));
    worker.postMessage({ kind: 'chunk', bytes: chunk } satisfies CaptureWorkerMessage);
    await acknowledged;
  }
  if (!settled) worker.postMessage({ kind: 'end' } satisfies CaptureWorkerMessage);
  return outcome;
}
