/**
 * The process the server's network check runs in (see check-off-thread.ts): takes the job
 * from its first IPC message, opens its own read-only connection, works the check out,
 * answers once, and ends.
 */
import { constants, setPriority } from 'node:os';
import { openStore } from '../storage/database.js';
import { checkNetwork, graphFileHere, mapAnswersHere } from './check.js';
import type { CheckAnswer, CheckJob } from './check-off-thread.js';
import { packCheck } from './check-packed.js';
import { randomIds } from './context.js';

async function work(job: CheckJob, send: (answer: CheckAnswer) => void): Promise<void> {
  const store = await openStore(job.config, { readOnly: true });
  try {
    const ctx = { db: store.db, workspaceId: job.workspaceId, clock: { now: () => new Date(job.now) }, ids: randomIds, timeZone: job.timeZone };
    const options = job.goalId ? { goalId: job.goalId } : {};
    if (job.want === 'map') {
      const packed = await mapAnswersHere(ctx, options);
      send({ kind: 'map', packed });
      return;
    }
    if (job.want === 'gexf' || job.want === 'graphml') {
      const json = new TextEncoder().encode(await graphFileHere(ctx, job.want, job.gexfVersion));
      send({ kind: 'whole', json });
      return;
    }
    const report = await checkNetwork(ctx, options);
    if (job.want === 'whole') {
      const json = new TextEncoder().encode(JSON.stringify(report));
      send({ kind: 'whole', json });
    } else {
      const packed = packCheck(report);
      send({ kind: 'kept', packed });
    }
  } finally {
    await store.close();
  }
}

/**
 * A lower CPU priority for this process:
 * after a write the check is worked out again while the last one answers, so under steady
 * writes this process would run without pause, taking a core from the requests the server
 * answers meanwhile. They come first; the check uses what they leave.
 */
function yieldToRequests(): void {
  try {
    setPriority(constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not allowed here (some containers, some systems): the check then runs at the server's priority, as before.
  }
}

const parent = process.send?.bind(process);
if (parent) {
  yieldToRequests();
  // Once answered (the message handed to the channel), the channel closes and the process ends with nothing left to do.
  const send = (answer: CheckAnswer) => parent(answer, undefined, {}, () => process.disconnect());
  process.once('message', (job: CheckJob) => {
    work(job, send).catch((error: unknown) => send({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
  });
}
