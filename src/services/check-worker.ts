/**
 * The worker thread the server's network check runs in (see check-off-thread.ts): opens
 * its own read-only connection, works the check out, answers once, and ends.
 */
import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../storage/database.js';
import { checkNetwork, graphFileHere, mapAnswersHere } from './check.js';
import type { CheckAnswer, CheckJob } from './check-off-thread.js';
import { packCheck, packedBuffers } from './check-packed.js';
import { randomIds } from './context.js';

async function work(job: CheckJob, send: (answer: CheckAnswer, transfer?: ArrayBuffer[]) => void): Promise<void> {
  const store = await openStore(job.config, { readOnly: true });
  try {
    const ctx = { db: store.db, workspaceId: job.workspaceId, clock: { now: () => new Date(job.now) }, ids: randomIds, timeZone: job.timeZone };
    const options = job.goalId ? { goalId: job.goalId } : {};
    if (job.want === 'map') {
      const packed = await mapAnswersHere(ctx, options);
      send({ kind: 'map', packed }, [packed.viewGzip.buffer as ArrayBuffer, packed.compactGzip.buffer as ArrayBuffer]);
      return;
    }
    if (job.want === 'gexf' || job.want === 'graphml') {
      const json = new TextEncoder().encode(await graphFileHere(ctx, job.want, job.gexfVersion));
      send({ kind: 'whole', json }, [json.buffer as ArrayBuffer]);
      return;
    }
    const report = await checkNetwork(ctx, options);
    if (job.want === 'whole') {
      const json = new TextEncoder().encode(JSON.stringify(report));
      send({ kind: 'whole', json }, [json.buffer as ArrayBuffer]);
    } else {
      const packed = packCheck(report);
      send({ kind: 'kept', packed }, packedBuffers(packed));
    }
  } finally {
    await store.close();
  }
}

/**
 * A lower CPU priority for this thread alone (on Linux a thread's nice value is its own):
 * after a write the check is worked out again while the last one answers, so under steady
 * writes this thread would run without pause, taking a core from the requests the server
 * answers meanwhile. They come first; the check uses what they leave.
 */
function yieldToRequests(): void {
  // Elsewhere (macOS, Windows) the same call sets the whole process's priority, the server's with it.
  if (process.platform !== 'linux') return;
  try {
    setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not allowed here (some containers, some systems): the check then runs at the server's priority, as before.
  }
}

const port = parentPort;
if (port) {
  yieldToRequests();
  const send = (answer: CheckAnswer, transfer: ArrayBuffer[] = []) => port.postMessage(answer, transfer);
  work(workerData as CheckJob, send).catch((error: unknown) => send({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
}
