// How quick this host is at the two things that swing the figures most from one sitting to the
// next: a page fault (the first touch of a fresh page of memory: 10–15 µs under this paravirtualised
// guest when first measured, on 2026-12-06, where a machine of its own pays well under one), and starting a process (fork and exec,
// which the import's baseline and every whole-process figure pay). Run by `npm run bench` at the
// start and at the end of a sitting, in a fresh process each time, so that a parent's heap does not
// change what a fork costs. A measurement, not a test.
//
//   node scripts/host-probe.mjs [--label start|end] [--json FILE]
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const PAGE = 4096;
const PAGES = 25_000;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Each probe's memory, held to the end: freed, a later probe's malloc could be given pages already touched. */
const held = [];

/** µs a page fault costs: pages touched once fresh, less the same loop over them once present. */
function pageFaultMicros() {
  // Not zero-filled, so no page is touched before the loop: malloc maps this size fresh from the system.
  const memory = Buffer.allocUnsafeSlow(PAGES * PAGE);
  held.push(memory);
  const touch = () => {
    const start = performance.now();
    for (let at = 0; at < memory.length; at += PAGE) memory[at] = 1;
    return performance.now() - start;
  };
  const fresh = touch();
  const present = touch();
  return ((fresh - present) * 1000) / PAGES;
}

/** ms to start and end a process that does nothing (/bin/true), median of 15. */
function forkExecMs() {
  const runs = Array.from({ length: 15 }, () => {
    const start = performance.now();
    spawnSync('/bin/true');
    return performance.now() - start;
  });
  return median(runs);
}

const { values } = parseArgs({ options: { label: { type: 'string', default: 'now' }, json: { type: 'string' } } });
const faults = Array.from({ length: 3 }, pageFaultMicros);
const probe = { label: values.label, at: new Date().toISOString(), pageFaultMicros: Math.round(median(faults) * 100) / 100, forkExecMs: Math.round(forkExecMs() * 100) / 100 };
console.log(`host (${probe.label}, ${probe.at.slice(11, 16)} UTC): a page fault ${probe.pageFaultMicros} µs (median of 3 × ${PAGES.toLocaleString('en')} pages), a process started and ended ${probe.forkExecMs} ms (/bin/true, median of 15)`);
if (values.json) writeFileSync(values.json, `${JSON.stringify(probe, null, 2)}\n`);
