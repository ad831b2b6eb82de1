/**
 * Reading an import's bytes with the size limit counted as they arrive: a
 * request or a file larger than the limit is refused at the limit, never read
 * whole first. And a path that is not a regular file (a FIFO, a device such as
 * /dev/zero behind a symbolic link, a directory) is refused before it is opened.
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { ValidationError } from '../../core/errors.js';
import { ImportFileError } from '../../core/import-types.js';
import { MAX_IMPORT_BYTES } from './plan-file.js';

export class TooLargeError extends ImportFileError {
  constructor(readonly limit: number) {
    super(null, `the file is larger than ${Math.round(limit / 1024 / 1024)} MB; split it and import the parts`);
  }
}

/** Every chunk of a stream, joined, or TooLargeError as soon as they pass `limit` bytes (the stream is then cancelled). */
export async function readLimited(chunks: AsyncIterable<Uint8Array>, limit = MAX_IMPORT_BYTES): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.byteLength;
    // Leaving the loop early cancels the stream: nothing past the limit is read.
    if (total > limit) throw new TooLargeError(limit);
    parts.push(chunk);
  }
  return Buffer.concat(parts, total);
}

function whatItIs(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a FIFO (a named pipe)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * The bytes of the file at `path`, read with the size limit. Links are followed
 * (`stat`), and anything but a regular file is refused before reading, with an
 * error naming the path.
 */
export async function readImportFile(path: string, limit = MAX_IMPORT_BYTES): Promise<Uint8Array> {
  const handle = await openImportFile(path, limit);
  try {
    return await readOpenedFile(handle, limit);
  } finally {
    await handle.close();
  }
}

/**
 * The whole of a regular file opened by openImportFile, from its start, with the size limit. Read
 * into one buffer the size the file has now, in as few reads as the system answers (one for an
 * export of a few MB), not streamed in 64 KB chunks and joined: a 30,000-row LinkedIn file (3.3 MB)
 * took 35-37 ms the streamed way and 11-12 ms this way, fresh processes (issue 15). The buffer has
 * a byte to spare: filled, the file grew while it was read, and what follows is read as a stream
 * with the limit counted, as any stream is (readLimited). `expectedSize` is the file's size as
 * its caller knows it (its own `stat` by default).
 */
export async function readOpenedFile(handle: FileHandle, limit = MAX_IMPORT_BYTES, expectedSize?: number): Promise<Uint8Array> {
  const size = expectedSize ?? (await handle.stat()).size;
  if (size > limit) throw new TooLargeError(limit);
  // Its own memory, never a slice of Buffer's shared pool: the bytes may be handed to a worker whole.
  const buffer = Buffer.allocUnsafeSlow(size + 1);
  let filled = 0;
  while (filled < buffer.byteLength) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.byteLength - filled, filled);
    if (bytesRead === 0) return buffer.subarray(0, filled);
    filled += bytesRead;
  }
  if (filled > limit) throw new TooLargeError(limit);
  const rest = await readLimited(handle.createReadStream({ autoClose: false, start: filled }), limit - filled);
  return Buffer.concat([buffer, rest], filled + rest.byteLength);
}

/** The file at `path`, opened for reading once it is known to be a regular file no larger than `limit`; the caller closes it. */
export async function openImportFile(path: string, limit = MAX_IMPORT_BYTES): Promise<FileHandle> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ValidationError('FILE', code === 'ENOENT' ? `${path}: no such file` : code === 'EACCES' ? `${path}: permission denied` : `cannot read ${path} (${code ?? 'unknown error'})`);
  }
  const refuse = (of: Stats) => new ValidationError('FILE', `${path} is ${whatItIs(of)}, not a regular file: give the path of the exported file itself`);
  if (!info.isFile()) throw refuse(info);
  if (info.size > limit) throw new TooLargeError(limit);
  const handle = await open(path, 'r');
  // Checked again on what was opened: the path may have changed in between.
  const opened = await handle.stat();
  if (!opened.isFile()) {
    await handle.close();
    throw refuse(opened);
  }
  return handle;
}
