import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gmailTakeoutMbox, googleCalendarExport } from '../test-support/capture-fixtures.js';

/** `waggle import calendar.ics` and `waggle import mail.mbox` as a user runs them (the built binary). */
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'waggle.js');

describe('waggle import of a calendar and a mailbox', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waggle-capture-cli-'));
  const env: NodeJS.ProcessEnv = { ...process.env, WAGGLE_NOW: '2026-11-22T10:00:00Z' };
  delete env.DATABASE_URL;
  delete env.WAGGLE_DATA_DIR;
  const waggle = (...args: string[]) => spawnSync(process.execPath, [BIN, '--data', join(dir, 'data'), ...args], { env, encoding: 'utf8' });

  beforeAll(() => {
    if (!existsSync(join(import.meta.dirname, '..', '..', 'dist', 'bundle', 'capture-worker.js'))) throw new Error('Build first: npm run build (npm test does it)');
    expect(waggle('profile', 'set', '--time-zone', 'Europe/London', '--email', 'me@example.org').status).toBe(0);
    expect(waggle('person', 'add', 'Ana Silva', '--email', 'ana@example.org', '--cadence', 'monthly').status).toBe(0);
    expect(waggle('person', 'add', 'Kofi Mensah', '--email', 'kofi@example.org').status).toBe(0);
    writeFileSync(join(dir, 'calendar.ics'), googleCalendarExport());
    writeFileSync(join(dir, 'mail.mbox'), gmailTakeoutMbox());
  });

  it('previews a calendar with each proposal\'s key and reason, logs all but one skipped, then proposes nothing', () => {
    const preview = waggle('import', join(dir, 'calendar.ics'), '--dry-run');
    expect(preview.status).toBe(0);
    expect(preview.stdout).toContain('9 events, 12 to consider: 6 proposed, 6 left out.');
    expect(preview.stdout).toMatch(/cap_[0-9a-z]{12}\s+2026-03-10\s+Ana Silva\s+coffee\s+me\s+Coffee with Ana/);
    const json = JSON.parse(waggle('--json', 'import', join(dir, 'calendar.ics'), '--dry-run').stdout) as { proposals: { key: string; occurredOn: string }[] };
    const skip = json.proposals.find((p) => p.occurredOn === '2026-10-13')!.key;
    const done = waggle('import', join(dir, 'calendar.ics'), '--skip', skip);
    expect(done.status).toBe(0);
    expect(done.stdout).toContain('6 proposed (5 logged, 1 declined)');
    const again = waggle('import', join(dir, 'calendar.ics'));
    expect(again.stdout).toContain('0 proposed (0 logged, 0 declined)');
    expect(again.stdout).toContain('5 captured before; 1 declined before');
    expect(waggle('due').stdout).toMatch(/Ana Silva\s+2026-04-10\s+2026-03-10/);
  });

  it('streams a mailbox, lists the last contact by mail, and refuses a bad choice naming the flag', () => {
    const preview = waggle('import', join(dir, 'mail.mbox'), '--dry-run', '--all');
    expect(preview.status).toBe(0);
    expect(preview.stdout).toContain('10 messages');
    expect(preview.stdout).toMatch(/Last contact by mail:[\s\S]*Ana Silva\s+2026-11-04/);
    const bad = waggle('import', join(dir, 'mail.mbox'), '--only', 'nonsense');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--only');
  });

  it('names the file and line of a broken calendar', () => {
    writeFileSync(join(dir, 'broken.ics'), 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY Coffee\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
    const run = waggle('import', join(dir, 'broken.ics'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${join(dir, 'broken.ics')}: line 4: not a calendar line`);
  });
});
