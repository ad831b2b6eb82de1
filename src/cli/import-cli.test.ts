import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';

/** `waggle import` as a user runs it (the built binary), on things that are not files. */
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'waggle.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the binary; a run that reads forever is killed after `ms` and reported with code null. */
function waggle(args: string[], env: NodeJS.ProcessEnv, ms = 20_000): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('waggle import of something that is not a regular file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waggle-import-cli-'));
  const env: NodeJS.ProcessEnv = { ...process.env, WAGGLE_NOW: '2026-11-22T10:00:00Z', TZ: 'UTC' };
  delete env.DATABASE_URL;
  delete env.WAGGLE_DATA_DIR;
  const data = ['--data', join(dir, 'data')];

  beforeAll(() => {
    if (!existsSync(join(import.meta.dirname, '..', '..', 'dist', 'bundle', 'parse-worker.js'))) throw new Error('Build first: npm run build (npm test does it)');
  });

  it('refuses a FIFO at once, naming it, instead of waiting on it forever', async () => {
    const fifo = join(dir, 'Connections.csv');
    execFileSync('mkfifo', [fifo]);
    const run = await waggle([...data, 'import', fifo, '--dry-run'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${fifo} is a FIFO (a named pipe), not a regular file`);
  });

  it('refuses a symbolic link to /dev/zero and a directory', async () => {
    const zero = join(dir, 'zero.vcf');
    symlinkSync('/dev/zero', zero);
    const run = await waggle([...data, 'import', zero, '--dry-run'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${zero} is a character device, not a regular file`);
    const folder = join(dir, 'export');
    mkdirSync(folder);
    const again = await waggle([...data, 'import', folder, '--json'], env);
    expect(again.code).toBe(2);
    expect(JSON.parse(again.stderr)).toMatchObject({ error: { code: 'validation', message: expect.stringContaining(`${folder} is a directory`) as string } });
  });

  it('names the file as well as the line where a contacts file is broken, and stores nothing', async () => {
    const csv = join(dir, 'broken.csv');
    writeFileSync(csv, 'First Name,Last Name,Company,Connected On\r\nAda,Lovelace,Analytical,01 Feb 2024\r\n"Bob,Broken,Quote,01 Feb 2024\r\n');
    const run = await waggle([...data, 'import', csv], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${csv}: line 3: a quoted field is never closed`);
    const vcf = join(dir, 'broken.vcf');
    writeFileSync(vcf, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nBEGIN:VCARD\r\n');
    const again = await waggle([...data, 'import', vcf, '--json'], env);
    expect(again.code).toBe(2);
    expect(JSON.parse(again.stderr)).toMatchObject({ error: { code: 'validation', message: expect.stringContaining(`${vcf}: line 4:`) as string } });
    const people = await waggle([...data, 'person', 'list', '--json'], env);
    expect(people.code).toBe(0);
    expect(people.stdout).not.toContain('Lovelace');
  });

  it('writes a first import into a new folder whole, then imports into that database as before', async () => {
    const folder = join(dir, 'first');
    const csv = join(dir, 'first.csv');
    const rows = Array.from({ length: 1200 }, (_, i) => `Ada${i},Lovelace,https://www.linkedin.com/in/ada-${i},,Analytical,Engineer,01 Feb 2024`);
    writeFileSync(csv, `First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n${rows.join('\r\n')}\r\n`);
    const first = await waggle(['--data', folder, 'import', csv, '--json'], env);
    expect(first.code).toBe(0);
    expect((JSON.parse(first.stdout) as { summary: unknown }).summary).toEqual({ records: 1200, created: 1200, merged: 0, skipped: 0 });
    // The database alone: the first load's own file is gone, and nothing else was left beside it.
    expect(readdirSync(folder)).toEqual(['waggle.db']);
    const again = await waggle(['--data', folder, 'import', csv, '--json'], env);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as { summary: unknown }).summary).toEqual({ records: 1200, created: 0, merged: 1200, skipped: 0 });
    const found = await waggle(['--data', folder, 'person', 'list', '--search', 'ada1199', '--json'], env);
    expect((JSON.parse(found.stdout) as { items: { name: string }[] }).items.map((p) => p.name)).toEqual(['Ada1199 Lovelace']);
  });

  it('reads a Shift-JIS file with --encoding, and refuses an encoding it does not know', async () => {
    const file = join(dir, 'sjis.csv');
    writeFileSync(file, iconv.encode('First Name,Last Name,Company,Connected On\r\n山田,太郎,日立,01 Feb 2024\r\n', 'shift_jis'));
    const run = await waggle([...data, 'import', file, '--encoding', 'shift_jis', '--dry-run', '--json'], env);
    expect(run.code).toBe(0);
    const outcome = JSON.parse(run.stdout) as { lines: { name: string }[]; encoding: unknown };
    expect(outcome.lines.map((l) => l.name)).toEqual(['山田 太郎']);
    expect(outcome.encoding).toEqual({ name: 'shift_jis', source: 'given', confidence: null });
    const bad = await waggle([...data, 'import', file, '--encoding', 'martian'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--encoding: "martian" is not an encoding Waggle knows');
  });
});
