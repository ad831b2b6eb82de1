import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

/** The real `waggle` binary, under the TZ a user's shell may hold. */
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'waggle.js');

describe('the host time zone, through the command line', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'waggle-tz-'));
    folders.push(dir);
    return join(dir, 'data');
  };
  const waggle = (data: string, tz: string | undefined, ...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, WAGGLE_NOW: '2026-11-22T10:00:00Z' };
    delete env.DATABASE_URL;
    if (tz === undefined) delete env.TZ;
    else env.TZ = tz;
    return spawnSync(process.execPath, [BIN, '--data', data, ...args], { env, encoding: 'utf8' });
  };
  const storedZone = (data: string) => {
    const db = new Database(join(data, 'waggle.db'), { readonly: true });
    try {
      return (db.prepare('select time_zone from profiles').get() as { time_zone: string }).time_zone;
    } finally {
      db.close();
    }
  };

  it('makes a workspace in UTC under a TZ that names no zone (empty, UTC0, misspelt), where every command failed', () => {
    for (const tz of ['', 'UTC0', 'Europe/Atlantis']) {
      const data = folder();
      const added = waggle(data, tz, 'person', 'add', 'Ana Silva', '--cadence', 'monthly');
      expect(added.stderr, JSON.stringify(tz)).toBe('');
      expect(added.status).toBe(0);
      expect(waggle(data, tz, 'due').status).toBe(0);
      expect(storedZone(data)).toBe('UTC');
    }
  });

  it('keeps the zone of a host set to one, by TZ or by default', () => {
    const lisbon = folder();
    expect(waggle(lisbon, 'Europe/Lisbon', 'person', 'add', 'Ana').status).toBe(0);
    expect(storedZone(lisbon)).toBe('Europe/Lisbon');
    const host = folder();
    expect(waggle(host, undefined, 'person', 'add', 'Ana').status).toBe(0);
    expect(storedZone(host)).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('reads a stored zone this runtime does not know as UTC, so commands work and `profile set` can set a real one', () => {
    const data = folder();
    expect(waggle(data, 'UTC', 'person', 'add', 'Ana', '--cadence', 'monthly').status).toBe(0);
    const db = new Database(join(data, 'waggle.db'));
    db.prepare("update profiles set time_zone = 'Etc/Unknown'").run();
    db.close();
    const due = waggle(data, 'UTC', 'due', '--json');
    expect(due.stderr).toBe('');
    expect(due.status).toBe(0);
    expect(waggle(data, 'UTC', 'profile', 'set', '--time-zone', 'Europe/Lisbon').status).toBe(0);
    expect(storedZone(data)).toBe('Europe/Lisbon');
  });
});
