/**
 * The worker thread an import's reading and planning run in (see off-thread.ts):
 * one job, one answer, then the thread ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ImportFileError } from '../../core/import-types.js';
import { planFile } from './plan-file.js';
import type { WorkerAnswer, WorkerJob } from './off-thread.js';

const port = parentPort;
if (port) {
  const job = workerData as WorkerJob;
  const send = (answer: WorkerAnswer) => port.postMessage(answer);
  try {
    const result = planFile(job.bytes, job.options, job.existing, (phase, done, total) => send({ kind: 'progress', phase, done, total }));
    send({ kind: 'done', result });
  } catch (error) {
    if (error instanceof ImportFileError) send({ kind: 'refused', line: error.line, reason: error.reason });
    else send({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
