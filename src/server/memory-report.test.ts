import { describe, expect, it } from 'vitest';
import { memoryBreakdown, reportMemoryOnSignal } from './memory-report.js';

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
