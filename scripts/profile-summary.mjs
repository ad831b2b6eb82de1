// Where a CPU profile's time went: node scripts/profile-summary.mjs FILE.cpuprofile [--top N].
// Sums each function's self time (samples × interval) by function and by file, and each
// function's inclusive time (its callees' included); percentages
// are of the busy time (the whole less the idle pseudo-node). --from/--to (µs on the monotonic
// clock, as bench-api.mjs --cpu-prof prints for each run) keep only the samples in between.
// A reading aid for `node --cpu-prof` output (bench-api.mjs --cpu-prof DIR), not a measurement.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '40' }, from: { type: 'string' }, to: { type: 'string' } } });
if (positionals.length !== 1) {
  console.error('usage: node scripts/profile-summary.mjs FILE.cpuprofile [--top N] [--from µs] [--to µs]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
const TOP = Number(args.top);

// Each sample names the node that was on top of the stack; the time to the next sample is its.
const from = args.from === undefined ? -Infinity : Number(args.from);
const to = args.to === undefined ? Infinity : Number(args.to);
const selfMs = new Map();
let at = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  at += profile.timeDeltas[i];
  if (at < from || at > to) continue;
  const id = profile.samples[i];
  selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
}
const byFunction = new Map();
const byFile = new Map();
let total = 0;
let idle = 0;
const shortFile = (url) => url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, 'node_modules/').replace(/^.*\/dist\//, 'dist/') || '(native)';
for (const node of profile.nodes) {
  const ms = selfMs.get(node.id) ?? 0;
  if (!ms) continue;
  total += ms;
  const { functionName, url, lineNumber } = node.callFrame;
  if (functionName === '(idle)') idle += ms;
  const file = shortFile(url);
  const fn = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  byFile.set(file, (byFile.get(file) ?? 0) + ms);
}
const busy = total - idle;

// Inclusive time: each node's self time added once to every function on its stack.
const parentOf = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node);
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const inclusive = new Map();
for (const [id, ms] of selfMs) {
  const seen = new Set();
  for (let node = byId.get(id); node; node = parentOf.get(node.id)) {
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(root)') continue;
    const fn = `${functionName || '(anonymous)'} ${shortFile(url)}:${lineNumber + 1}`;
    if (seen.has(fn)) continue;
    seen.add(fn);
    inclusive.set(fn, (inclusive.get(fn) ?? 0) + ms);
  }
}
const show = (title, map) => {
  console.log(`\n${title}`);
  for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / busy).toFixed(1).padStart(5)}%  ${name}`);
};
console.log(`${positionals[0]}: ${total.toFixed(0)} ms sampled, ${idle.toFixed(0)} ms idle, ${busy.toFixed(0)} ms busy (percentages of busy)`);
show('self time by file', byFile);
show('self time by function', byFunction);
show('inclusive time by function (callees included)', inclusive);
