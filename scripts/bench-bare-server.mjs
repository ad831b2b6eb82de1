// What a bare Node HTTP server answers under bench-api's load, at a given CPU cost a request: the
// floor any single-threaded Node server meets on this machine, measured beside Waggle's mixed run
// (README, Speed). No framework, no database: each request spins its main thread for the cost,
// allocates a little garbage and answers 3 KB. 50 keep-alive clients in another process, each
// sending its next request when the last is answered (as scripts/bench-api.mjs drives the API).
//
//   node scripts/bench-bare-server.mjs [--cost-ms 0.75] [--mixed] [--live-mb 0] [--seconds 6] [--clients 50]
//
// --mixed: 1 request in 5 costs six times the rest, with the same mean as --cost-ms (a page worked
// out among kept ones). --live-mb N: the server holds N MB of small live objects first, as Waggle's
// server holds its kept answers, so its garbage collections walk a heap of that size.
// Prints requests a second and p50/p95/p99 in ms (the first second left out). A measurement, not a test.
import { spawn } from 'node:child_process';
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { setTimeout } from 'node:timers';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    'cost-ms': { type: 'string', default: '0.75' },
    mixed: { type: 'boolean', default: false },
    'live-mb': { type: 'string', default: '0' },
    seconds: { type: 'string', default: '6' },
    clients: { type: 'string', default: '50' },
    serve: { type: 'string' },
  },
});

if (args.serve !== undefined) serve(JSON.parse(args.serve));
else await drive();

/** The server, in its own process: spins for each request's cost, then answers. */
function serve({ costMs, mixed, liveMb }) {
  // About 100 bytes an object: a list of small records, as kept answers and orders are.
  const live = Array.from({ length: liveMb * 10_000 }, (_, i) => ({ id: `per_${i}`, name: `Name ${i}`, n: i, tags: [i] }));
  // Mixed: a fifth of the requests cost six times the rest, the mean staying costMs (0.2 × 6c + 0.8 × c = costMs).
  const cheap = costMs / 2;
  const costOf = () => (mixed ? (Math.random() < 0.2 ? cheap * 6 : cheap) : costMs);
  const body = Buffer.alloc(3000, 'x');
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const until = performance.now() + costOf();
      // Some garbage, as answering a page makes.
      const made = [];
      while (performance.now() < until) made.push({ at: performance.now() });
      if (live.length > 0 && made.length > 0) live[Math.floor(Math.random() * live.length)] = { id: 'x', name: 'y', n: made.length, tags: [] };
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      res.end(body);
    });
  });
  server.listen(0, '127.0.0.1', () => process.send?.(server.address().port));
}

/** A process's CPU time so far (user + system), in ms. */
function cpuMsOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** The clients: the server started as a child, driven for `seconds`, its latencies summed up. */
async function drive() {
  const options = { costMs: Number(args['cost-ms']), mixed: args.mixed, liveMb: Number(args['live-mb']) };
  const child = spawn(process.execPath, [new URL(import.meta.url).pathname, '--serve', JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const [port] = await once(child, 'message');
    const clients = Number(args.clients);
    const seconds = Number(args.seconds);
    const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
    const latencies = [];
    const ask = () =>
      new Promise((resolve, reject) => {
        const start = performance.now();
        http
          .get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
            res.resume();
            res.on('end', () => resolve(performance.now() - start));
          })
          .on('error', reject);
      });
    const began = performance.now();
    const until = began + seconds * 1000;
    // The server's CPU over the measured part (user + system from /proc), per request: what it cost, its HTTP included.
    let cpuAtStart = 0;
    setTimeout(() => (cpuAtStart = cpuMsOf(child.pid)), 1000);
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < until) {
          const sent = performance.now();
          const ms = await ask();
          if (sent > began + 1000) latencies.push(ms);
        }
      }),
    );
    const cpuMsPerRequest = (cpuMsOf(child.pid) - cpuAtStart) / Math.max(1, latencies.length);
    agent.destroy();
    latencies.sort((a, b) => a - b);
    const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
    const shape = `${options.mixed ? 'mixed costs, mean' : 'each'} ${options.costMs} ms${options.liveMb ? `, ${options.liveMb} MB live` : ''}`;
    console.log(`bare server, ${shape}, ${clients} clients: ${Math.round(latencies.length / (seconds - 1))} req/s, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, p99 ${at(0.99)} ms, server cpu ${cpuMsPerRequest.toFixed(2)} ms a request`);
  } finally {
    child.kill();
  }
}
