import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The deployment files the README shows (compose.yaml, deploy/waggle.service,
 * deploy/Caddyfile) against what the code really reads: every variable they set is one
 * Waggle reads, the command is one `waggle` has, and the README shows them as they are.
 */
const ROOT = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
/** The environment variables the server and storage read (src/cli/commands/serve.ts, src/storage/config.ts). */
const READ_BY_WAGGLE = new Set(['DATABASE_URL', 'WAGGLE_DATA_DIR', 'WAGGLE_LISTEN', 'WAGGLE_PUBLIC_URL', 'WAGGLE_TRUST_PROXY', 'WAGGLE_SOURCE_MAPS', 'PORT', 'NODE_ENV']);

describe('the deployment files', () => {
  it('read what the code reads', () => {
    const sources = read('src/cli/commands/serve.ts') + read('src/storage/config.ts');
    for (const name of READ_BY_WAGGLE) if (name !== 'NODE_ENV') expect(sources, name).toContain(`env.${name}`);
  });

  it('compose.yaml is valid YAML: PostgreSQL, and Waggle in server mode on it', () => {
    const compose = parse(read('compose.yaml')) as { services: Record<string, { image?: string; build?: string; environment: Record<string, string>; command?: string[]; ports?: string[]; depends_on?: Record<string, { condition: string }> }> };
    const { db, waggle } = compose.services;
    expect(db!.image).toMatch(/^postgres:\d+/);
    expect(db!.environment).toMatchObject({ POSTGRES_USER: 'waggle', POSTGRES_DB: 'waggle' });
    expect(waggle!.build).toBe('.');
    expect(waggle!.depends_on).toEqual({ db: { condition: 'service_healthy' } });
    for (const name of Object.keys(waggle!.environment)) expect(READ_BY_WAGGLE.has(name), name).toBe(true);
    expect(waggle!.environment.DATABASE_URL).toMatch(/^postgres:\/\/waggle:\$\{POSTGRES_PASSWORD[^}]*\}@db:5432\/waggle$/);
    expect(waggle!.environment.WAGGLE_PUBLIC_URL).toMatch(/^\$\{WAGGLE_PUBLIC_URL:\?/);
    expect(waggle!.environment.WAGGLE_LISTEN).toBe('0.0.0.0');
    expect(waggle!.command).toEqual(['node', 'bin/waggle.js', 'serve']);
    // Published on the host's loopback only: the reverse proxy is the way in.
    expect(waggle!.ports).toEqual([`127.0.0.1:${waggle!.environment.PORT}:${waggle!.environment.PORT}`]);
    expect(read('Dockerfile')).toMatch(/CMD \["node", "bin\/waggle\.js", "serve"\]/);
  });

  it('the systemd unit sets only variables Waggle reads and runs `waggle serve`', () => {
    const unit = read('deploy/waggle.service');
    const set = [...unit.matchAll(/^Environment=([A-Z_]+)=/gm)].map((m) => m[1]!);
    expect(set.length).toBeGreaterThan(3);
    for (const name of set) expect(READ_BY_WAGGLE.has(name), name).toBe(true);
    expect(unit).toMatch(/^ExecStart=\/usr\/bin\/node \/opt\/waggle\/bin\/waggle\.js serve$/m);
    const port = /^Environment=PORT=(\d+)$/m.exec(unit)![1];
    expect(read('deploy/Caddyfile')).toContain(`reverse_proxy 127.0.0.1:${port}`);
  });

  it('the README shows them as they are', () => {
    const readme = read('README.md');
    for (const file of ['deploy/waggle.service', 'deploy/Caddyfile']) {
      // The file as shown: its comments left out, its blank lines kept.
      const body = read(file).split('\n').filter((line) => !line.startsWith('#')).join('\n').trim();
      expect(readme, file).toContain(body);
    }
    expect(readme).toContain('compose.yaml');
  });
});
