import { mkdtempSync, writeFileSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Readable } from 'node:stream';
import { AnswerBytes, JOB_NICENESS, JOB_PROCESSES_AT_ONCE, runProcessJob, streamProcessJob } from './process-job.js';

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
  it('takes a large answer written on the stream beside the channel (answerOnStream) as if it had come as a message, typed arrays and all', async () => {
    // The script is plain ESM doing what answerOnStream does, with the same marker (the helper itself is TypeScript).
    const file = script(
      'on-stream',
      `import { createWriteStream } from 'node:fs';
      import { finished } from 'node:stream/promises';
      import { serialize } from 'node:v8';
      process.once('message', async (job) => {
        const bytes = new Uint8Array(job.size).map((_, i) => i % 251);
        const out = createWriteStream('', { fd: 4 });
        const whole = serialize({ kind: 'done', pid: process.pid, echoed: job, bytes });
        const header = Buffer.alloc(8);
        header.writeBigUInt64LE(BigInt(whole.length));
        out.write(header);
        out.end(whole);
        await finished(out);
        process.send({ kind: 'answer-on-stream' }, undefined, {}, () => process.disconnect());
      });`,
    );
    // Several MB: many pipe reads, each copied into one buffer of the size the header gives.
    const size = 6 * 1024 * 1024 + 7;
    const answer = await run(file, { size, text: 'Zoë' });
    expect(answer.echoed).toEqual({ size, text: 'Zoë' });
    expect(answer.bytes).toBeInstanceOf(Uint8Array);
    expect(answer.bytes.length).toBe(size);
    expect(answer.bytes[size - 1]).toBe((size - 1) % 251);
    expect(await gone(answer.pid)).toBe(true);
  });

  /** A job whose process writes a 100 KB answer on the stream, its header saying `declared` bytes and `written` (JavaScript) the bytes after it, then says so and exits. */
  const streamedAnswer = (name: string, declared: string, written: string, exitCode: number) =>
    script(
      name,
      `import { writeSync } from 'node:fs';
      import { serialize } from 'node:v8';
      process.once('message', () => {
        const whole = serialize({ kind: 'done', pid: process.pid, echoed: null, bytes: new Uint8Array(100000) });
        const header = Buffer.alloc(8);
        header.writeBigUInt64LE(${declared});
        writeSync(4, header);
        writeSync(4, ${written});
        process.send({ kind: 'answer-on-stream' }, undefined, {}, () => process.exit(${exitCode}));
      });`,
    );

  it('fails a job whose process says its answer is on the stream but ends before writing all of it', async () => {
    await expect(run(streamedAnswer('cut-short', 'BigInt(whole.length)', 'whole.subarray(0, 5000)', 3), {})).rejects.toThrow();
  });

  it('fails a job whose answer runs past the length its header gave, and the server carries on', async () => {
    await expect(run(streamedAnswer('too-long', '10n', 'whole', 0), {})).rejects.toThrow(/crashed: RangeError: the answer is longer than the 10 bytes its header gave/);
  });

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

  it('the job runs at a lower priority than the server (nicer by JOB_NICENESS), so the requests get the cores first', async () => {
    const file = script('nice', `import { getPriority } from 'node:os';
      process.once('message', () => process.send({ kind: 'done', pid: process.pid, echoed: getPriority(), bytes: new Uint8Array() }));`);
    const answer = await run(file, {});
    expect(answer.echoed).toBe(Math.min(19, getPriority() + JOB_NICENESS));
    expect(answer.echoed).toBeGreaterThan(getPriority());
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

/** A job script that says `streaming` and writes `count` lines to the stream's descriptor, then ends (or, with `crash`, dies midway). */
function streamer(name: string, count: number, crash = false): string {
  return script(
    name,
    `import { createWriteStream } from 'node:fs';
    process.once('message', () => {
      process.send({ kind: 'streaming' }, undefined, {}, () => {
        const out = createWriteStream('', { fd: 4 });
        let i = 0;
        const more = () => {
          while (i < ${count}) {
            if (${crash} && i === ${Math.floor(count / 2)}) process.exit(5);
            const line = String(i++).padStart(63, '0') + '\\n';
            if (!out.write(line)) return out.once('drain', more);
          }
          out.end(() => process.disconnect());
        };
        more();
      });
    });`,
  );
}

async function readAll(bytes: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of bytes) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('AnswerBytes', () => {
  const framed = (body: Buffer) => {
    const header = Buffer.alloc(8);
    header.writeBigUInt64LE(BigInt(body.length));
    return Buffer.concat([header, body]);
  };

  it('reads the header and the body however the pipe cuts them, a byte at a time included', () => {
    const body = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
    const bytes = framed(body);
    for (const size of [1, 3, 8, 9, 64, 5000]) {
      const answer = new AnswerBytes();
      for (let at = 0; at < bytes.length; at += size) answer.add(bytes.subarray(at, at + size));
      expect(answer.whole().equals(body)).toBe(true);
    }
  });

  it('takes an empty answer', () => {
    const answer = new AnswerBytes();
    answer.add(framed(Buffer.alloc(0)));
    expect(answer.whole().length).toBe(0);
  });

  it('refuses an answer cut short, one with no header, and one longer than its header says', () => {
    const short = new AnswerBytes();
    short.add(framed(Buffer.alloc(100)).subarray(0, 50));
    expect(() => short.whole()).toThrow(/ended after 42 of 100 bytes/);
    const headless = new AnswerBytes();
    headless.add(Buffer.alloc(3));
    expect(() => headless.whole()).toThrow(/ended after 0 of its header's bytes/);
    const long = new AnswerBytes();
    expect(() => long.add(Buffer.concat([framed(Buffer.alloc(4)), Buffer.alloc(1)]))).toThrow(/longer than the 4 bytes/);
  });

  it('refuses a header that claims more than one buffer can hold, before allocating anything', () => {
    const header = Buffer.alloc(8);
    header.writeBigUInt64LE(2n ** 63n);
    expect(() => new AnswerBytes().add(header)).toThrow(/more than one buffer holds/);
  });
});

describe('streamProcessJob', () => {
  it('reads a large answer as the process writes it, every byte in order, and the process ends', async () => {
    // 8 MB: many times a pipe's buffer, so the process waits for the reader as it goes.
    const bytes = await streamProcessJob(streamer('streams', 131_072), {}, failed);
    const text = await readAll(bytes);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(131_072);
    expect(lines.every((line, i) => Number(line) === i)).toBe(true);
  });

  it('a failure before any byte rejects in the caller\'s words, and a process that ends midway cuts the stream off with an error', async () => {
    const refuses = script('refuses-stream', `process.once('message', () => process.send({ kind: 'failed', message: 'no database here' }));`);
    await expect(streamProcessJob(refuses, {}, failed)).rejects.toThrow('no database here');
    await expect(streamProcessJob(script('quits-stream', `process.once('message', () => process.exit(3));`), {}, failed)).rejects.toThrow('exited 3 before answering');
    const bytes = await streamProcessJob(streamer('crashes', 131_072, true), {}, failed);
    await expect(readAll(bytes)).rejects.toThrow('exited 5 before answering');
  });

  it('ends the process when the reader gives up (a client that went away)', async () => {
    const file = script(
      'endless',
      `import { createWriteStream } from 'node:fs';
      process.once('message', () => process.send({ kind: 'streaming' }, undefined, {}, () => {
        const out = createWriteStream('', { fd: 4 });
        out.write(String(process.pid) + '\\n');
        setInterval(() => out.write('more\\n'), 10);
      }));`,
    );
    const bytes = await streamProcessJob(file, {}, failed);
    const first = (await bytes[Symbol.asyncIterator]().next()).value as Buffer;
    const pid = Number(first.toString('utf8').split('\n')[0]);
    expect(alive(pid)).toBe(true);
    bytes.destroy();
    expect(await gone(pid)).toBe(true);
  });
});

describe('job processes at once', () => {
  it('starts no more than one a core: the rest wait for a slot, and every job is answered', async () => {
    // Each job says when it began and when it answered (this machine's clock, shared by all):
    // a job started while the slots were full would overlap more than JOB_PROCESSES_AT_ONCE others.
    const file = script(
      'slow',
      `process.once('message', () => {
        const began = Date.now();
        setTimeout(() => process.send({ kind: 'done', pid: process.pid, echoed: { began, answered: Date.now() }, bytes: new Uint8Array() }), 150);
      });`,
    );
    const jobs = JOB_PROCESSES_AT_ONCE + 3;
    const answers = await Promise.all(Array.from({ length: jobs }, () => run(file, {})));
    expect(new Set(answers.map((a) => a.pid)).size).toBe(jobs);
    const spans = answers.map((a) => a.echoed as { began: number; answered: number });
    const mostAtOnce = Math.max(...spans.map((s) => spans.filter((o) => o.began <= s.began && s.began < o.answered).length));
    expect(mostAtOnce).toBeLessThanOrEqual(JOB_PROCESSES_AT_ONCE);
    expect(mostAtOnce).toBeGreaterThanOrEqual(1);
  });
});
