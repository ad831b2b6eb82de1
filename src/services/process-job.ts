import { fork, type ChildProcess, type ForkOptions } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { availableParallelism, getPriority, setPriority } from 'node:os';
import { PassThrough, type Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import buffer from 'node:buffer';
import { deserialize, serialize } from 'node:v8';
import pLimit from 'p-limit';
import type { JobOutcome } from './worker-job.js';

/**
 * Runs one job in a child Node process started from `file` (a script that reads the job from
 * its first IPC message and answers with messages), and ends the process as soon as the job
 * has answered or failed. Unlike a worker thread, whose heap lives in the server's process
 * (and whose freed memory glibc keeps in the server's arenas after it ends), a process gives
 * all of its memory back to the system when it exits: the server's resident set and peak do
 * not grow by a computation's working set. Messages are copied (the structured clone of
 * `serialization: 'advanced'`, typed arrays included), not transferred. The job goes by IPC,
 * not the command line, so a database URL never shows in the process list.
 */
export async function runProcessJob<T, M>(file: string, job: unknown, onMessage: (message: M, outcome: JobOutcome<T>) => void, failed: (cause: unknown, exitCode?: number) => unknown): Promise<T> {
  // No inherited flags (--cpu-prof, --inspect): the job runs as a plain script.
  const child = await forkInSlot(file, { serialization: 'advanced', execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc', 'pipe'] });
  // A message written on STREAM_FD (answerOnStream), copied chunk by chunk into one buffer of its size and read once whole.
  const pipe = child.stdio[STREAM_FD] as Readable;
  const answer = new AnswerBytes();
  const pipeRead = new Promise<void>((read, broken) => {
    pipe.on('data', (chunk: Buffer) => {
      try {
        answer.add(chunk);
      } catch (error) {
        pipe.destroy(error as Error);
      }
    });
    pipe.once('end', read);
    pipe.once('error', broken);
  });
  pipeRead.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let answerComing = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      if (child.exitCode === null && child.signalCode === null) child.kill();
    };
    const outcome: JobOutcome<T> = { done: (value) => settle(() => resolve(value)), fail: (error) => settle(() => reject(error)) };
    child.on('message', (message: M | typeof ANSWER_ON_STREAM) => {
      if (!isAnswerOnStream(message)) return onMessage(message, outcome);
      answerComing = true;
      pipeRead
        .then(() => onMessage(deserialize(answer.whole()) as M, outcome))
        .catch((error: unknown) => outcome.fail(failed(error)))
        // An answer that did not end the job (onMessage settled nothing) is the process's last word: it failed.
        .finally(() => outcome.fail(failed(null, child.exitCode ?? 0)));
    });
    child.on('error', (error) => outcome.fail(failed(error)));
    // A process that said its answer is on the stream has it read to the end first (above).
    child.on('exit', (code, signal) => {
      if (!answerComing) outcome.fail(failed(null, code ?? (signal ? -1 : 0)));
    });
    child.send(job as never, (error) => {
      if (error) outcome.fail(failed(error));
    });
  });
}

/**
 * How many job processes may run at once: one a core. Each holds a computation's working set
 * (a few hundred MB for the check at 30,000 people), so a burst of requests that each start one
 * (the whole report, the map, a graph file, from any number of clients) must not start them all:
 * the rest wait their turn, and the server's machine keeps its memory and its cores.
 */
export const JOB_PROCESSES_AT_ONCE = Math.max(1, availableParallelism());
const jobSlots = pLimit(JOB_PROCESSES_AT_ONCE);

/** Starts the process once fewer than JOB_PROCESSES_AT_ONCE run; its slot is free again when it has ended and its pipes are closed. */
function forkInSlot(file: string, options: ForkOptions): Promise<ChildProcess> {
  return new Promise<ChildProcess>((started, refused) => {
    void jobSlots(
      () =>
        new Promise<void>((ended) => {
          let child: ChildProcess;
          try {
            child = fork(file, [], options);
          } catch (error) {
            ended();
            refused(error);
            return;
          }
          lowerPriority(child);
          child.once('close', () => ended());
          // A process that could not start says so here, without a pid, and may never close.
          child.once('error', () => {
            if (child.pid === undefined) ended();
          });
          started(child);
        }),
    );
  });
}

/**
 * How much less a job process is given the cores than the server when both want them (a
 * Unix nice value: 10 gives it about a tenth of a contended core). A job is a computation
 * the answers can wait for (the check, the map: answered from the last one meanwhile), while
 * the server's requests are what people are waiting on; on an idle machine it runs as fast.
 */
export const JOB_NICENESS = 10;

function lowerPriority(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    setPriority(child.pid, Math.min(19, getPriority() + JOB_NICENESS));
  } catch {
    // Not permitted here (some containers refuse it): the job runs at the server's priority, as before.
  }
}

/** The job process's descriptor for bytes too many for one message (fd 3 is the IPC channel). */
export const STREAM_FD = 4;

/**
 * What a job process says on its IPC channel once its answer is written on STREAM_FD
 * (answerOnStream). A large answer (the check kept at 30,000 people, several MB) sent as an IPC
 * message was read by Node 20's channel joining every chunk to all the chunks before it, a copy
 * of the whole message so far for each 64 KB read: in a mixed read/write run, where each change
 * works the check out again, that held the server's thread for about 350 ms in 16 s, in bursts.
 * On the pipe each chunk is copied once, into one buffer of the answer's size (AnswerBytes).
 */
export const ANSWER_ON_STREAM = { kind: 'answer-on-stream' } as const;

function isAnswerOnStream(message: unknown): message is typeof ANSWER_ON_STREAM {
  return typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === ANSWER_ON_STREAM.kind;
}

/**
 * In a job process run by runProcessJob: writes `answer` (structured-cloned, as IPC's advanced
 * serialization would) on STREAM_FD and closes it; then `tell` the parent ANSWER_ON_STREAM on the
 * IPC channel, and the parent hands the answer to its onMessage as if it had come as a message.
 */
export async function answerOnStream(answer: unknown, tell: (marker: typeof ANSWER_ON_STREAM) => void): Promise<void> {
  const bytes = serialize(answer);
  const header = Buffer.alloc(ANSWER_HEADER_BYTES);
  header.writeBigUInt64LE(BigInt(bytes.length));
  await writeStreamFd([header, bytes]);
  tell(ANSWER_ON_STREAM);
}

/** An answer on STREAM_FD starts with its length in bytes (after this header), as an unsigned 64-bit little-endian integer. */
const ANSWER_HEADER_BYTES = 8;

/**
 * An answer's bytes as they come off the pipe, copied into one buffer of the size its header
 * gives. Gathered as chunks and joined once (as before), the answer of a check at 30,000 people
 * (tens of MB) was some 800 reads of 64 KB each held at once: glibc kept the room they had taken
 * after they were freed, fragmented among what the server went on to hold, so the server's
 * resident set stayed tens of MB above what it used. Copied as it comes, each read is freed at
 * once and its room taken by the next, and the one buffer, past glibc's mmap threshold, is given
 * back to the system whole when it is collected.
 */
export class AnswerBytes {
  #header = Buffer.alloc(0);
  #bytes: Buffer | null = null;
  #filled = 0;

  add(chunk: Buffer): void {
    if (this.#bytes === null) {
      // Only the header's bytes are gathered (a pipe may cut it), not the first read whole.
      const missing = ANSWER_HEADER_BYTES - this.#header.length;
      this.#header = Buffer.concat([this.#header, chunk.subarray(0, missing)]);
      chunk = chunk.subarray(missing);
      if (this.#header.length < ANSWER_HEADER_BYTES) return;
      const length = this.#header.readBigUInt64LE(0);
      if (length > BigInt(buffer.constants.MAX_LENGTH)) throw new RangeError(`an answer of ${length} bytes is more than one buffer holds`);
      this.#bytes = Buffer.allocUnsafeSlow(Number(length));
    }
    if (this.#filled + chunk.length > this.#bytes.length) throw new RangeError(`the answer is longer than the ${this.#bytes.length} bytes its header gave`);
    chunk.copy(this.#bytes, this.#filled);
    this.#filled += chunk.length;
  }

  /** The whole answer; an error when the pipe ended before all of it came. */
  whole(): Buffer {
    if (this.#bytes === null || this.#filled !== this.#bytes.length) throw new RangeError(`the answer ended after ${this.#filled} of ${this.#bytes?.length ?? 'its header\'s'} bytes`);
    return this.#bytes;
  }
}

/** In a job process: writes `bytes` on STREAM_FD and closes it, so the parent reads them to their end. */
export async function writeStreamFd(bytes: string | Uint8Array | readonly Uint8Array[]): Promise<void> {
  const out = createWriteStream('', { fd: STREAM_FD });
  if (Array.isArray(bytes)) {
    for (const part of bytes as readonly Uint8Array[]) out.write(part);
    out.end();
  } else out.end(bytes);
  await finished(out);
}

/** What a streaming job process says first on its IPC channel: its bytes follow on STREAM_FD, or it failed before writing any. */
export type StreamStart = { kind: 'streaming' } | { kind: 'failed'; message: string };

/**
 * Runs one job whose answer is too large to hold whole (the whole check's report: tens of MB at
 * 30,000 people): the process says `streaming` on its IPC channel and writes the bytes to
 * STREAM_FD, a pipe the caller reads as they come, so the server holds a pipe's worth at a time
 * where one message held the whole answer two or three times over (the chunks read, joined, and
 * copied out). Resolves with that stream once the process says so; a failure before that rejects,
 * one after it (the process ends badly) destroys the stream with the error. When the stream is
 * read to its end or given up (the client went away), the process is ended with it.
 */
export async function streamProcessJob(file: string, job: unknown, failed: (cause: unknown, exitCode?: number) => Error): Promise<Readable> {
  const child = await forkInSlot(file, { serialization: 'advanced', execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc', 'pipe'] });
  return new Promise<Readable>((resolve, reject) => {
    // The pipe's end of file is not the answer's end: only a process that exits 0 wrote all of it.
    const bytes = new PassThrough();
    (child.stdio[STREAM_FD] as Readable).pipe(bytes, { end: false });
    let started = false;
    const stop = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    };
    const fail = (error: Error) => {
      if (started) bytes.destroy(error);
      else reject(error);
      stop();
    };
    child.once('message', (message: StreamStart) => {
      if (message.kind !== 'streaming') return fail(failed(message.message));
      started = true;
      resolve(bytes);
    });
    child.on('error', (error) => fail(failed(error)));
    // After the exit and once the pipe is read to its end.
    child.on('close', (code, signal) => {
      if (started && code === 0) bytes.end();
      else fail(failed(null, code ?? (signal ? -1 : 0)));
    });
    bytes.on('close', stop);
    child.send(job as never, (error) => {
      if (error) fail(failed(error));
    });
  });
}
