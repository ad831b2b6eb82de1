import { describe, expect, it } from 'vitest';
import { SharedRead } from './shared-read.js';

/** A read sent by a test: it says when it was sent and is answered by hand. */
function reads() {
  const sent: { answer: (value: string) => void; fail: (error: Error) => void }[] = [];
  const send = () =>
    new Promise<string>((answer, fail) => {
      sent.push({ answer, fail });
    });
  return { sent, send };
}
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('a read shared by the callers arriving together (shared-read.ts)', () => {
  it('sends the first caller\'s read at once, and gives those asking meanwhile the next one, sent after it, never the one on its way', async () => {
    const shared = new SharedRead<string>();
    const { sent, send } = reads();
    const first = shared.read(send);
    expect(sent).toHaveLength(1);
    // Asked while the first is on its way: it may have been sent before a write these callers saw commit.
    const second = shared.read(send);
    const third = shared.read(send);
    expect(sent).toHaveLength(1);
    sent[0]!.answer('v1');
    expect(await first).toBe('v1');
    await settle();
    // The next read is sent once the first is back: one read for both.
    expect(sent).toHaveLength(2);
    // One asking now waits for yet another read: the second was sent before it asked.
    const fourth = shared.read(send);
    sent[1]!.answer('v2');
    expect(await Promise.all([second, third])).toEqual(['v2', 'v2']);
    await settle();
    expect(sent).toHaveLength(3);
    sent[2]!.answer('v3');
    expect(await fourth).toBe('v3');
    await settle();
    expect(shared.idle).toBe(true);
  });

  it('fails those who shared a failed read, and sends the next one all the same', async () => {
    const shared = new SharedRead<string>();
    const { sent, send } = reads();
    let idled = 0;
    const first = shared.read(send, () => (idled += 1));
    const second = shared.read(send, () => (idled += 1));
    sent[0]!.fail(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    await settle();
    expect(sent).toHaveLength(2);
    sent[1]!.answer('v1');
    expect(await second).toBe('v1');
    await settle();
    expect(shared.idle).toBe(true);
    expect(idled).toBe(1);
    // Idle again: the next caller's read goes at once.
    const third = shared.read(send);
    expect(sent).toHaveLength(3);
    sent[2]!.answer('v2');
    expect(await third).toBe('v2');
  });
});
