import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

/**
 * The short chaos run in CI: `npm run chaos` with 20 kill -9 cycles, the whole
 * malformed corpus and the canary erasure check, against the built dist/ (npm test
 * builds before it runs the suites). PostgreSQL's canary runs in a database of its
 * own on the suite's server. The long run (1,000 cycles) is run by hand.
 */
const ROOT = join(import.meta.dirname, '..');
const adminUrl = inject('postgresUrl');
const database = `waggle_chaos_${process.pid}`;

interface ChaosSummary {
  cycles: number;
  integrityFailures: number;
  partialImports: number;
  lostAcknowledgedWrites: number;
  acknowledgedWrites: number;
  corpusFiles: number;
  crashes: number;
  partialWrites: number;
  canaryChecks: number;
  canaryHits: number;
  postgres: string;
  failures: string[];
}

function runChaos(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'chaos.mjs'), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('npm run chaos (short run)', () => {
  beforeAll(() => admin((c) => c.query(`create database ${database}`)));
  afterAll(() => admin((c) => c.query(`drop database if exists ${database} with (force)`)));

  it('survives 20 kill -9 cycles and the malformed corpus, and the canary is erased on SQLite and PostgreSQL', { timeout: 600_000 }, async () => {
    expect(existsSync(join(ROOT, 'dist', 'bundle', 'main.js')), 'dist/ is built (npm run build)').toBe(true);
    const { code, stdout, stderr } = await runChaos(['--cycles', '20', '--json'], { ...process.env, WAGGLE_CHAOS_PG: adminUrl.replace(/\/[^/]*$/, `/${database}`) });
    const last = stdout.trim().split('\n').at(-1) ?? '';
    let summary: ChaosSummary;
    try {
      summary = JSON.parse(last) as ChaosSummary;
    } catch {
      throw new Error(`chaos printed no summary (exit ${code}): ${stderr.slice(-2000)}`);
    }
    expect(summary.failures, summary.failures.slice(0, 30).join('\n')).toEqual([]);
    expect(summary.cycles).toBe(20);
    expect(summary.acknowledgedWrites).toBeGreaterThan(0);
    expect(summary.corpusFiles).toBeGreaterThanOrEqual(200);
    expect(summary.postgres).toBe('checked');
    expect(summary.canaryChecks).toBe(5);
    expect({ integrity: summary.integrityFailures, partialImports: summary.partialImports, lost: summary.lostAcknowledgedWrites, crashes: summary.crashes, partialWrites: summary.partialWrites, canaryHits: summary.canaryHits }).toEqual({
      integrity: 0,
      partialImports: 0,
      lost: 0,
      crashes: 0,
      partialWrites: 0,
      canaryHits: 0,
    });
    expect(code).toBe(0);
  });
});
