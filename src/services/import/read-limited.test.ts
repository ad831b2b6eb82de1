import { mkdtempSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../../core/import-types.js';
import { readImportFile, readLimited, TooLargeError } from './read-limited.js';

describe('readLimited', () => {
  it('stops reading at the limit: an endless stream is refused, and closed', async () => {
    let read = 0;
    let closed = false;
    async function* endless() {
      try {
        for (;;) {
          read += 1;
          yield new Uint8Array(1000);
        }
      } finally {
        closed = true;
      }
    }
    const error = await readLimited(endless(), 10_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooLargeError);
    expect(error).toBeInstanceOf(ImportFileError);
    expect(read).toBe(11);
    expect(closed).toBe(true);
  });

  it('joins what fits', async () => {
    async function* some() {
      yield Buffer.from('First ');
      yield Buffer.from('Name');
    }
    expect(Buffer.from(await readLimited(some(), 10)).toString()).toBe('First Name');
  });
});

describe('readImportFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waggle-read-'));

  it('refuses a directory and a link to /dev/zero before reading, naming the path', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    await expect(readImportFile(folder)).rejects.toThrow(`${folder} is a directory, not a regular file`);
    const zero = join(dir, 'zero.csv');
    symlinkSync('/dev/zero', zero);
    await expect(readImportFile(zero)).rejects.toThrow(`${zero} is a character device, not a regular file`);
    await expect(readImportFile(join(dir, 'missing.csv'))).rejects.toThrow(/missing\.csv: no such file/);
  });

  it('reads a regular file, through a link too, and refuses one past the limit', async () => {
    const file = join(dir, 'small.csv');
    writeFileSync(file, 'First Name,Last Name\r\n');
    symlinkSync(file, join(dir, 'link.csv'));
    expect(Buffer.from(await readImportFile(join(dir, 'link.csv'))).toString()).toBe('First Name,Last Name\r\n');
    await expect(readImportFile(file, 5)).rejects.toBeInstanceOf(TooLargeError);
  });
});
