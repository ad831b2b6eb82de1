import { fork } from 'node:child_process';
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
export function runProcessJob<T, M>(file: string, job: unknown, onMessage: (message: M, outcome: JobOutcome<T>) => void, failed: (cause: unknown, exitCode?: number) => unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // No inherited flags (--cpu-prof, --inspect): the job runs as a plain script.
    const child = fork(file, [], { serialization: 'advanced', execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      if (child.exitCode === null && child.signalCode === null) child.kill();
    };
    const outcome: JobOutcome<T> = { done: (value) => settle(() => resolve(value)), fail: (error) => settle(() => reject(error)) };
    child.on('message', (message: M) => onMessage(message, outcome));
    child.on('error', (error) => outcome.fail(failed(error)));
    child.on('exit', (code, signal) => outcome.fail(failed(null, code ?? (signal ? -1 : 0))));
    child.send(job as never, (error) => {
      if (error) outcome.fail(failed(error));
    });
  });
}
