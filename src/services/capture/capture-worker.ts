/**
 * The worker thread a capture's reading and planning run in (see off-thread.ts):
 * the job comes with the thread, the file's chunks as messages, then "end"; one
 * answer, then the thread ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ImportFileError } from '../../core/import-types.js';
import { CaptureReader, type CaptureJob } from './read-capture.js';
import type { CaptureWorkerAnswer, CaptureWorkerMessage } from './off-thread.js';

const port = parentPort;
if (port) {
  const send = (answer: CaptureWorkerAnswer) => port.postMessage(answer);
  const reader = new CaptureReader(workerData as CaptureJob, (done, total) => send({ kind: 'progress', done, total }));
  let failed = false;
  const fail = (error: unknown) => {
    failed = true;
    if (error instanceof ImportFileError) send({ kind: 'refused', line: error.line, reason: error.reason });
    else send({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  };
  port.on('message', (message: CaptureWorkerMessage) => {
    if (failed) return;
    try {
      if (message.kind === 'chunk') {
        reader.push(message.bytes);
        send({ kind: 'ready' });
      } else send({ kind: 'done', result: reader.finish() });
    } catch (error) {
      fail(error);
    }
  });
}
