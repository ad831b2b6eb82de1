// What needs cost the check: the generated 5,000-person map analysed with its goals' needs and
// with them stripped, interleaved in one process (run after npm run build).
// node scripts/bench-needs.mjs
import { performance } from 'node:perf_hooks';
const { runCheck } = await import('../dist/core/check/index.js');
const { generateLargeSnapshot } = await import('../dist/demo/generate-map.js');
const snap = generateLargeSnapshot({ people: 5000, networks: 300, goals: 20, exchanges: 50000, today: '2026-11-22', seed: 7 });
const without = { ...snap, goals: snap.goals.map((g) => ({ ...g, needs: [] })), goalLinks: snap.goalLinks.map((l) => ({ ...l, serves: [] })) };
for (let i = 0; i < 5; i++) { runCheck(snap); runCheck(without); }
const a = [], b = [];
for (let i = 0; i < 30; i++) { let s = performance.now(); runCheck(snap); a.push(performance.now() - s); s = performance.now(); runCheck(without); b.push(performance.now() - s); }
a.sort((x, y) => x - y); b.sort((x, y) => x - y);
console.log(`interleaved medians: with needs ${a[15].toFixed(1)} ms, without ${b[15].toFixed(1)} ms; min ${a[0].toFixed(1)} vs ${b[0].toFixed(1)}`);
const r = runCheck(snap);
console.log(r.goals.items.slice(0,3).map(g => g.needs.map(n => n.verdict + ':' + n.contributors.length)));
