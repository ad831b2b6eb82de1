/**
 * A read that the callers arriving together share, but never one sent before a caller asked:
 * the first caller's read is sent at once; whoever asks while it is on its way waits for the
 * next one, sent as soon as that is back and shared by everyone who asked meanwhile. Each caller
 * so gets a read that began after it asked, which sees whatever was committed before it asked
 * (by this process, another connection or another process), as a read of its own would, at one
 * read per round trip however many ask. A failed read fails those who shared it; the next is
 * sent all the same.
 */
export class SharedRead<T> {
  /** The read on its way (settled, never rejected), if any. */
  private running: Promise<void> | null = null;
  /** The read to send when that one is back, shared by whoever asks meanwhile. */
  private next: Promise<T> | null = null;

  /** Whether no read is on its way or waiting to be sent. */
  get idle(): boolean {
    return this.running === null && this.next === null;
  }

  /** A read by `send` (or the first caller's, when shared) that began after this call. */
  read(send: () => Promise<T>, onIdle?: () => void): Promise<T> {
    if (this.next) return this.next;
    const running = this.running;
    if (!running) return this.start(send, onIdle);
    const next = running.then(() => {
      this.next = null;
      return this.start(send, onIdle);
    });
    this.next = next;
    return next;
  }

  private start(send: () => Promise<T>, onIdle?: () => void): Promise<T> {
    const sent = send();
    const settled = sent.then(
      () => undefined,
      () => undefined,
    );
    this.running = settled;
    void settled.then(() => {
      if (this.running === settled) this.running = null;
      if (this.idle) onIdle?.();
    });
    return sent;
  }
}
