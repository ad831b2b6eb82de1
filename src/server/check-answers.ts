import type { Context } from 'hono';
import type { CheckFreshness } from '../contract/check-output.js';
import { ByteBudgetLru, heldBytes, stringBytes } from '../core/byte-budget.js';
import type { KeptParts } from '../services/check-packed.js';
import { acceptsGzip, GZIP_THRESHOLD_BYTES, gzipForKeeping, jsonBytesAnswer } from './gzip.js';

/**
 * The check's summary and part pages as they are sent, plain and zipped, kept with the check they
 * were cut from (services/check-packed.ts). The check itself is kept between changes (check-cache.ts),
 * but each request wrote its answer out again: the summary as an object spread into a new one,
 * 128 KB of JSON written and zipped per request at 30,000 people, 7.8 ms a request where a kept
 * listing costs a tenth of one. Kept here, a request costs a lookup and a send.
 *
 * Why not the answer cache (answer-cache.ts): it keeps an answer per version of the data, and the
 * check is served stale while a newer one is worked out, so at one version of the data the answer
 * changes when the newer check arrives. Kept by the check object itself, an answer lives exactly as
 * long as the check it was cut from: when the check moves on, the next request finds a new check and
 * nothing kept for it, and the old check's answers go with it (a WeakMap's key). The freshness is in
 * the key, since it is in the answer: `updating` turns on while the same check answers.
 */

/** What one check keeps of its answers at most (a part page of 1,000 items is hundreds of KB): least recently asked out first. */
export const MAX_BYTES_PER_CHECK = 2 * 1024 * 1024;

interface KeptAnswer {
  plain: Uint8Array;
  /** Zipped on first asking by a client that takes gzip (off the event loop), once for all who ask meanwhile. */
  zipped?: Promise<Uint8Array>;
}

const answersByCheck = new WeakMap<KeptParts, ByteBudgetLru<string, KeptAnswer>>();

const encoder = new TextEncoder();

/**
 * Sends `answer()` with `freshness` added, as JSON, kept under `key` with `check`: written (and zipped) once
 * per check, key and freshness, then sent as kept. `answer` must follow from the check and the key alone.
 */
export async function sendCheckAnswer(c: Context, check: KeptParts, key: string, freshness: CheckFreshness, answer: () => object): Promise<Response> {
  let answers = answersByCheck.get(check);
  if (!answers) answersByCheck.set(check, (answers = new ByteBudgetLru(MAX_BYTES_PER_CHECK)));
  const fullKey = `${key}\u0000${freshness.dataVersion}\u0000${freshness.workedOutAt}\u0000${freshness.updating}`;
  let kept = answers.get(fullKey);
  if (!kept) {
    kept = { plain: encoder.encode(JSON.stringify({ ...answer(), freshness })) };
    answers.set(fullKey, kept, heldBytes(kept.plain) + stringBytes(fullKey));
  }
  const headers = { 'content-type': 'application/json', vary: 'Accept-Encoding' };
  if (kept.plain.byteLength < GZIP_THRESHOLD_BYTES || !acceptsGzip(c.req.header('accept-encoding'))) return jsonBytesAnswer(c.body(kept.plain as Uint8Array<ArrayBuffer>, 200, headers), kept.plain);
  if (!kept.zipped) {
    const plain = kept.plain;
    const held = answers;
    kept.zipped = gzipForKeeping(plain);
    // Weighed again with its zipped bytes, if still kept by then.
    void kept.zipped.then(
      (zipped) => held.reweigh(fullKey, heldBytes(plain) + heldBytes(zipped) + stringBytes(fullKey)),
      // Not kept failed: this request says so (below), the next tries again.
      () => held.delete(fullKey),
    );
  }
  return c.body((await kept.zipped) as Uint8Array<ArrayBuffer>, 200, { ...headers, 'content-encoding': 'gzip' });
}
