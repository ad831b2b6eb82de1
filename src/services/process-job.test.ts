import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcessJob } from './process-job.js';

/** A job script written for the test: plain ESM that Node runs as it is. */
function script(name: string, body: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'waggle-process-job-')), `${name}.mjs`);
  writeFileSync(file, body);
  return file;
}

/** Whether a process of this id still runs (signal 0 only asks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

type Answer = { kind: 'progress'; done: number } | { kind: 'done'; pid: number; echoed: unknown; bytes: Uint8Array } | { kind: 'failed'; message: string };

const failed = (cause: unknown, exitCode?: number) => new Error(exitCode === undefined ? `crashed: ${String(cause)}` : `exited ${exitCode} before answering`);

function run(file: string, job: unknown, progress: number[] = []) {
  return runProcessJob<Extract<Answer, { kind: 'done' }>, Answer>(
    file,
    job,
    (answer, outcome) => {
      if (answer.kind === 'progress') progress.push(answer.done);
      else if (answer.kind === 'done') outcome.done(answer);
      else outcome.fail(new Error(answer.message));
    },
    failed,
  );
}

async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  return !alive(pid);
}

describe('runProcessJob', () => {
  it('runs the job in a process of its own, typed arrays and all, and that process is gone once it has answered', async () => {
    const file = script(
      'echo',
      `process.once('message', (job) => {
        process.send({ kind: 'progress', done: 1 });
        process.send({ kind: 'done', pid: process.pid, echoed: job, bytes: new TextEncoder().encode(job.text) });
      });`,
    );
    const progress: number[] = [];
    const answer = await run(file, { text: 'Zoë', secret: 'postgres://u:p@h/db' }, progress);
    expect(answer.pid).not.toBe(process.pid);
    expect(answer.echoed).toEqual({ text: 'Zoë', secret: 'postgres://u:p@h/db' });
    expect(answer.bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(answer.bytes)).toBe('Zoë');
    expect(progress).toEqual([1]);
    expect(await gone(answer.pid)).toBe(true);
  });

  it('the job travels over IPC, never on the command line others can read', async () => {
    const file = script('argv', `process.once('message', () => process.send({ kind: 'done', pid: process.pid, echoed: process.argv.slice(2), bytes: new Uint8Array() }));`);
    const answer = await run(file, { url: 'postgres://u:secret@h/db' });
    expect(answer.echoed).toEqual([]);
  });

  it('a job that answers with a failure rejects with it', async () => {
    const file = script('refuses', `process.once('message', () => process.send({ kind: 'failed', message: 'no database here' }));`);
    await expect(run(file, {})).rejects.toThrow('no database here');
  });

  it('a process that exits without answering, or crashes, rejects in the caller\'s words', async () => {
    await expect(run(script('quits', `process.once('message', () => process.exit(3));`), {})).rejects.toThrow('exited 3 before answering');
    await expect(run(script('throws', `process.once('message', () => { throw new Error('boom'); });`), {})).rejects.toThrow(/exited \d+ before answering/);
  });

  it('a process still running after its answer is ended, not left behind', async () => {
    const file = script('lingers', `setInterval(() => {}, 1000); process.once('message', () => process.send({ kind: 'done', pid: process.pid, echoed: null, bytes: new Uint8Array() }));`);
    const answer = await run(file, {});
    expect(await gone(answer.pid)).toBe(true);
  });
});
