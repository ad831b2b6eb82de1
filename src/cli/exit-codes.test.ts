import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError, type ErrorCode } from '../core/errors.js';
import { waggleInProcess } from '../test-support/waggle-in-process.js';
import { EXIT_CODES } from './exit-codes.js';
import { RemoteClient } from './remote.js';

// A Record over the codes: an error code without its exit code does not compile.
// @ts-expect-error `ambiguous` has no exit code here
export const missingOne: Record<ErrorCode, number> = { validation: 2, not_found: 3, conflict: 4 };

describe('exit codes', () => {
  let dataDir: string;
  const waggle = (...argv: string[]) => waggleInProcess(dataDir, argv);
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'waggle-exit-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('one per error code, none of them 0 (success) or 1 (an unexpected fault)', () => {
    for (const [code, exit] of Object.entries(EXIT_CODES)) {
      expect(exit, code).toBeGreaterThan(1);
    }
    expect(EXIT_CODES).toEqual({ validation: 2, not_found: 3, conflict: 4, ambiguous: 4, forbidden: 5, unavailable: 6 });
  });

  it('what a user meets: bad input 2, nothing found 3, a conflict 4, an ambiguous name 4', async () => {
    expect((await waggle('person', 'list', '--sort', 'loudest')).code).toBe(EXIT_CODES.validation);
    expect((await waggle('person', 'show', 'Nobody Here')).code).toBe(EXIT_CODES.not_found);
    expect((await waggle('person', 'add', 'Ana Silva')).code).toBe(0);
    expect((await waggle('demo')).code).toBe(EXIT_CODES.conflict);
    expect((await waggle('person', 'add', 'Ana Silva')).code).toBe(0);
    const ambiguous = await waggle('person', 'show', 'Ana Silva', '--json');
    expect(ambiguous.code).toBe(EXIT_CODES.ambiguous);
    expect((JSON.parse(ambiguous.stderr) as { error: { code: string } }).error.code).toBe('ambiguous');
  });
});

describe('a wrapped error keeps its cause', () => {
  it('a server that cannot be reached: the CLI’s message, and the network’s own error under it', async () => {
    // A port nobody listens on: taken, then let go.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const error = await new RemoteClient({ server: `http://127.0.0.1:${port}`, token: 'wgl_test' }).get('/api/people').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('--server');
    expect((error as ValidationError).message).toMatch(/could not reach/);
    expect((error as ValidationError).cause).toBeInstanceOf(Error);
  });

  it('an error made without one has none', () => {
    expect(new ValidationError('--x', 'is wrong').cause).toBeUndefined();
    expect(new ValidationError('--x', 'is wrong', { cause: 'why' }).cause).toBe('why');
  });
});
