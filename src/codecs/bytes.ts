/**
 * Chunks of bytes, as a stream or an unzipped entry hands them over, in one array for a codec
 * that reads a whole file (a ZIP's directory, a calendar's text). One chunk is returned as is:
 * a file that came whole is not copied again.
 */
export function joinBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  let size = 0;
  for (const chunk of chunks) size += chunk.byteLength;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
