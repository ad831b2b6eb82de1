import { mkdtempSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../../core/import-types.js';
import { openImportFile, readImportFile, readLimited, readOpenedFile, TooLargeError } from './read-limited.js';

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

describe('readOpenedFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waggle-read-opened-'));
  const bytesOf = (length: number) => Buffer.from(Array.from({ length }, (_, i) => (i * 7 + (i >> 8)) % 251));

  it('reads the whole file, byte for byte, whatever its size', async () => {
    for (const length of [0, 1, 4095, 4096, 65_537, 1_000_003]) {
      const file = join(dir, `size-${length}.csv`);
      writeFileSync(file, bytesOf(length));
      const handle = await openImportFile(file, 2_000_000);
      try {
        const read = await readOpenedFile(handle, 2_000_000);
        expect(Buffer.compare(Buffer.from(read), bytesOf(length))).toBe(0);
        // Memory of its own, not a view into Buffer's shared pool.
        expect(read.buffer.byteLength).toBe(length + 1);
      } finally {
        await handle.close();
      }
    }
  });

  it('refuses a file past the limit before reading it', async () => {
    const file = join(dir, 'large.csv');
    writeFileSync(file, bytesOf(1001));
    const handle = await open(file, 'r');
    try {
      await expect(readOpenedFile(handle, 1000)).rejects.toBeInstanceOf(TooLargeError);
      expect(Buffer.from(await readOpenedFile(handle, 1001)).equals(bytesOf(1001))).toBe(true);
    } finally {
      await handle.close();
    }
  });

  it('reads on past the size it was told when the file grew, counting the limit', async () => {
    const file = join(dir, 'grew.csv');
    writeFileSync(file, bytesOf(200_000));
    const handle = await open(file, 'r');
    try {
      // Told a size smaller than the file now holds, as if it grew after its size was taken.
      expect(Buffer.from(await readOpenedFile(handle, 1_000_000, 10)).equals(bytesOf(200_000))).toBe(true);
      expect(Buffer.from(await readOpenedFile(handle, 1_000_000, 199_999)).equals(bytesOf(200_000))).toBe(true);
      await expect(readOpenedFile(handle, 150_000, 10)).rejects.toBeInstanceOf(TooLargeError);
      await expect(readOpenedFile(handle, 199_999, 199_999)).rejects.toBeInstanceOf(TooLargeError);
    } finally {
      await handle.close();
    }
  });
});
