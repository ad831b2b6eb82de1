/**
 * Works the network check out in a process of its own (the check's worker), so that a server
 * keeps answering while the check of 30,000 people takes seconds, and so that the check's
 * working set (a few hundred MB at that size) is never the server's: in a worker thread it
 * was, and glibc kept much of it after the thread ended (process-job.ts). The worker opens its
 * own read-only connection to the same database (a snapshot passed from here would be read and
 * copied on the main thread: most of the cost the worker is there to take away), reads one
 * consistent picture, runs the pure check, and sends back what the server keeps
 * (check-packed.ts) or the whole report as JSON. One job, one answer, then the process ends.
 */
import type { DatabaseConfig } from '../storage/database.js';
import type { GexfVersion } from '../codecs/graph/write.js';
import type { PackedCheck } from './check-packed.js';
import { workerScript } from './import/off-thread.js';
import type { Readable } from 'node:stream';
import { runProcessJob, streamProcessJob } from './process-job.js';

export interface CheckJob {
  config: DatabaseConfig;
  workspaceId: string;
  /** The moment the check is worked out for (an ISO time), and the time zone whose day it is. */
  now: string;
  timeZone: string;
  goalId: string | null;
  /**
   * What to send back: the parts the server keeps, the whole report's JSON, the map's two JSON
   * answers (kept like the check), or the map as a graph file (GEXF at `gexfVersion`, or GraphML).
   */
  want: 'kept' | 'whole' | 'map' | 'gexf' | 'graphml';
  gexfVersion?: GexfVersion;
}

/**
 * The map's answers, gzipped: GET /api/map's JSON and GET /api/map/compact's. Kept zipped (the
 * view is tens of MB of JSON at 30,000 people, a few zipped) and sent as they are to every
 * client that takes gzip (every browser), unzipped for the rare one that does not.
 */
export interface PackedMap {
  viewGzip: Uint8Array;
  compactGzip: Uint8Array;
}

export type CheckAnswer =
  | { kind: 'kept'; packed: PackedCheck }
  | { kind: 'whole'; json: Uint8Array }
  | { kind: 'map'; packed: PackedMap }
  | { kind: 'failed'; message: string };

/** The check could not be worked out: the cause is in the server's log; asking again tries again. */
export class CheckFailedError extends Error {
  override readonly name = 'CheckFailedError';
  constructor(options?: ErrorOptions) {
    super('The network check could not be worked out just now; ask again in a moment (the server log says why)', options);
  }
}

let workerFile: Promise<string> | null = null;

function checkWorkerFile(): Promise<string> {
  workerFile ??= workerScript('check-worker', import.meta.url);
  return workerFile.catch((error: unknown) => {
    workerFile = null;
    throw error;
  });
}

const workerFailed = (cause: unknown, exitCode?: number) => new CheckFailedError({ cause: exitCode === undefined ? cause : `the check's worker stopped (exit code ${exitCode}) before answering` });

/** The whole report's JSON as the check's worker writes it (process-job.ts streamProcessJob): tens of MB at 30,000 people, never held whole here. */
export async function wholeCheckOffThread(job: CheckJob & { want: 'whole' }): Promise<Readable> {
  return streamProcessJob(await checkWorkerFile(), job, workerFailed);
}

export async function checkOffThread(job: CheckJob & { want: 'kept' }): Promise<PackedCheck>;
export async function checkOffThread(job: CheckJob & { want: 'map' }): Promise<PackedMap>;
export async function checkOffThread(job: CheckJob & { want: 'gexf' | 'graphml' }): Promise<Uint8Array>;
export async function checkOffThread(job: CheckJob): Promise<PackedCheck | PackedMap | Uint8Array> {
  const file = await checkWorkerFile();
  return runProcessJob<PackedCheck | PackedMap | Uint8Array, CheckAnswer>(
    file,
    job,
    (answer, outcome) => {
      if (answer.kind === 'kept' || answer.kind === 'map') outcome.done(answer.packed);
      else if (answer.kind === 'whole') outcome.done(answer.json);
      else outcome.fail(new CheckFailedError({ cause: answer.message }));
    },
    workerFailed,
  );
}
