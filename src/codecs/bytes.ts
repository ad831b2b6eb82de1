/**
 * Chunks of bytes, as a stream or an unzipped entry hands them over, in one array for a codec
 * that reads a whole file (a ZIP's directory, a calendar's text). One chunk is returned as is:
 * a file that came whole is not copied again. `after`, a byte put after every chunk, joins
 * lines (a mail's header lines, each ended by LF).
 */
export function joinBytes(chunks: readonly Uint8Array[], after?: number): Uint8Array {
  if (chunks.length === 1 && after === undefined) return chunks[0]!;
  let size = after === undefined ? 0 : chunks.length;
  for (const chunk of chunks) size += chunk.byteLength;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
    if (after !== undefined) out[at++] = after;
  }
  return out;
}
