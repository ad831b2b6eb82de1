import { describe, expect, it } from 'vitest';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectGarbage, memoryBreakdown, memoryReport, reportMemoryOnSignal } from './memory-report.js';

describe('the memory report', () => {
  it('breaks the resident set down into V8 heap, external memory and the kernel’s anonymous and file-backed parts', () => {
    const held = new Uint8Array(8 * 1024 * 1024).fill(1);
    const report = memoryBreakdown();
    expect(report.arrayBuffers).toBeGreaterThanOrEqual(8);
    expect(report.heapUsed).toBeLessThanOrEqual(report.heapTotal);
    expect(report.rss).toBeGreaterThan(report.heapUsed);
    expect(Object.keys(report.heapSpaces)).toEqual(expect.arrayContaining(['new_space', 'old_space']));
    if (process.platform === 'linux') expect(report.rssAnon! + report.rssFile!).toBeLessThanOrEqual(report.rss + 1);
    expect(held[0]).toBe(1);
  });

  it('collects garbage by hand although the process was started without --expose-gc', async () => {
    expect(process.execArgv).not.toContain('--expose-gc');
    let dropped: { payload: number[] } | null = { payload: [1, 2, 3] };
    const watched = new WeakRef(dropped);
    dropped = null;
    // A WeakRef's target is kept until the current job ends: collect on a later turn.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(watched.deref()).toBeUndefined();
  });

  it('reports the heap as found and after a full collection, which frees what nothing holds', () => {
    let garbage: Array<{ index: number; text: string }> | null = Array.from({ length: 400_000 }, (_, index) => ({ index, text: `row ${index}` }));
    const held = Array.from({ length: 100_000 }, (_, index) => ({ index }));
    expect(garbage.length).toBe(400_000);
    garbage = null;
    const report = memoryReport();
    // About 30 MB of rows dropped: gone after the collection, while what is held stays.
    expect(report.heapUsed - report.afterGc.heapUsed).toBeGreaterThan(10);
    expect(report.afterGc.heapUsed).toBeGreaterThan(0);
    expect(Object.keys(report.afterGc.heapSpaces)).toEqual(expect.arrayContaining(['old_space']));
    expect(held[99_999]!.index).toBe(99_999);
  });

  it('writes the report to the file named when SIGUSR2 arrives', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waggle-memory-report-'));
    const file = join(dir, 'report.json');
    const stop = reportMemoryOnSignal({ WAGGLE_MEMORY_REPORT: file });
    try {
      const written = new Promise<void>((resolve) => process.once('SIGUSR2', () => setImmediate(resolve)));
      process.kill(process.pid, 'SIGUSR2');
      await written;
      const report = JSON.parse(readFileSync(file, 'utf8')) as ReturnType<typeof memoryReport>;
      expect(report.rss).toBeGreaterThan(0);
      expect(report.afterGc.heapUsed).toBeLessThanOrEqual(report.afterGc.heapTotal);
    } finally {
      stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('listens for SIGUSR2 only when asked to, and stops when told', () => {
    const before = process.listenerCount('SIGUSR2');
    reportMemoryOnSignal({})();
    expect(process.listenerCount('SIGUSR2')).toBe(before);
    const stop = reportMemoryOnSignal({ WAGGLE_MEMORY_REPORT: '/nonexistent/report.json' });
    expect(process.listenerCount('SIGUSR2')).toBe(before + 1);
    stop();
    expect(process.listenerCount('SIGUSR2')).toBe(before);
  });
});
