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
import { answerOnStream, writeStreamFd, type StreamStart } from './process-job.js';

/** Sends the bytes on the stream the server reads (process-job.ts streamProcessJob), saying so first, and ends it. */
async function stream(text: string, say: (start: StreamStart) => Promise<void>): Promise<void> {
  await say({ kind: 'streaming' });
  await writeStreamFd(text);
}

async function work(job: CheckJob, send: (answer: CheckAnswer) => void, say: (start: StreamStart) => Promise<void>): Promise<void> {
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
      await stream(JSON.stringify(report), say);
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
  let leaving = false;
  const leave = () => {
    leaving = true;
    if (process.connected) process.disconnect();
  };
  // The server went away (it ended, or was killed) before the answer: nobody waits for it, so stop
  // rather than go on holding the database and the memory.
  process.once('disconnect', () => {
    if (!leaving) process.exit(0);
  });
  // On the stream beside the channel, then said on the channel (process-job.ts answerOnStream): one large message read whole at once.
  const send = (answer: CheckAnswer) => void answerOnStream(answer, (marker) => parent(marker, undefined, {}, leave)).catch(() => process.exit(1));
  let streaming = false;
  const say = (start: StreamStart) =>
    new Promise<void>((resolve, reject) => {
      streaming = true;
      parent(start, undefined, {}, (error) => (error ? reject(error) : resolve()));
    });
  process.once('message', (job: CheckJob) => {
    work(job, send, say)
      .then(() => {
        if (streaming) leave();
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        if (!streaming) return send({ kind: 'failed', message });
        // Part of the answer may be sent already: the server sees the process end badly and cuts the answer off.
        console.error(message);
        process.exit(1);
      });
  });
}
