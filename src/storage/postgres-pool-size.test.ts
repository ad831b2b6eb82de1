import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors.js';
import { resolveDatabaseConfig } from './config.js';
import { defaultPoolSize, isLocalPostgres, MAX_POOL_SIZE, poolSizeFromEnv, REMOTE_POOL_SIZE } from './postgres-pool-size.js';

describe('the PostgreSQL pool size', () => {
  it('is twice the cores and two more for a PostgreSQL on this machine, at most 10', () => {
    const local = 'postgres://waggle@127.0.0.1:5432/waggle';
    expect(defaultPoolSize(local, 0)).toBe(4);
    expect(defaultPoolSize(local, 1)).toBe(4);
    expect(defaultPoolSize(local, 2)).toBe(6);
    expect(defaultPoolSize(local, 3)).toBe(8);
    expect(defaultPoolSize(local, 4)).toBe(10);
    expect(defaultPoolSize(local, 64)).toBe(10);
  });

  it('is node-postgres\'s 10 for a PostgreSQL elsewhere, or one it cannot tell', () => {
    for (const url of ['postgres://waggle@db.internal:5432/waggle', 'postgres://u:p@10.0.0.7/w', 'postgresql://[2001:db8::1]:5432/w', 'host=localhost dbname=waggle', 'not a url', 'postgres://w@%zz/w', 'postgres://w@%E0%A4%A/w']) {
      expect(defaultPoolSize(url, 2), url).toBe(REMOTE_POOL_SIZE);
    }
  });

  it('tells a PostgreSQL on this machine by a loopback address, localhost or a Unix socket', () => {
    for (const url of [
      'postgres://waggle@127.0.0.1:5432/waggle',
      'postgres://waggle@127.1.2.3/waggle',
      'postgres://waggle@LOCALHOST/waggle',
      'postgresql://waggle@[::1]:5432/waggle',
      'postgres:///waggle?host=/var/run/postgresql',
      'postgresql://%2Fvar%2Frun%2Fpostgresql/waggle',
    ]) {
      expect(isLocalPostgres(url), url).toBe(true);
    }
    // A name that only starts like a loopback one is not one.
    expect(isLocalPostgres('postgres://waggle@127.0.0.1.example.com/waggle')).toBe(false);
    expect(isLocalPostgres('postgres://waggle@localhost.example.com/waggle')).toBe(false);
  });

  it('is set by WAGGLE_DATABASE_POOL_SIZE, a whole number from 1 to 100', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: MAX_POOL_SIZE }), fc.constantFrom('', ' ', '\t'), (size, pad) => poolSizeFromEnv(`${pad}${size}${pad}`) === size));
    expect(poolSizeFromEnv(undefined)).toBeUndefined();
    expect(poolSizeFromEnv('  ')).toBeUndefined();
  });

  it('refuses anything else in WAGGLE_DATABASE_POOL_SIZE, naming the variable and what it takes', () => {
    for (const value of ['0', '101', '-3', '3.5', '1e2', 'abc', '0x10', '9'.repeat(400)]) {
      let error: unknown;
      try {
        poolSizeFromEnv(value);
      } catch (caught) {
        error = caught;
      }
      expect(error, value).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe('WAGGLE_DATABASE_POOL_SIZE');
      expect((error as Error).message).toMatch(/whole number of connections from 1 to 100/);
      // An enormous value is quoted cut short, not whole.
      expect((error as Error).message.length).toBeLessThan(160);
    }
    fc.assert(
      fc.property(fc.string(), (value) => {
        const text = value.trim();
        if (!text) return poolSizeFromEnv(value) === undefined;
        const valid = /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= MAX_POOL_SIZE;
        try {
          return poolSizeFromEnv(value) === Number(text) && valid;
        } catch (error) {
          return error instanceof ValidationError && !valid;
        }
      }),
    );
  });

  it('comes with DATABASE_URL into the database configuration, and is refused there before anything connects', () => {
    expect(resolveDatabaseConfig({ DATABASE_URL: 'postgres://w@127.0.0.1/w' })).toEqual({ kind: 'postgres', url: 'postgres://w@127.0.0.1/w' });
    expect(resolveDatabaseConfig({ DATABASE_URL: 'postgres://w@127.0.0.1/w', WAGGLE_DATABASE_POOL_SIZE: '4' })).toEqual({ kind: 'postgres', url: 'postgres://w@127.0.0.1/w', poolSize: 4 });
    expect(() => resolveDatabaseConfig({ DATABASE_URL: 'postgres://w@127.0.0.1/w', WAGGLE_DATABASE_POOL_SIZE: 'lots' })).toThrow(/WAGGLE_DATABASE_POOL_SIZE: must be a whole number/);
    // SQLite has no pool: the variable is not read for it.
    expect(resolveDatabaseConfig({ WAGGLE_DATA_DIR: '/tmp/w', WAGGLE_DATABASE_POOL_SIZE: 'lots' })).toEqual({ kind: 'sqlite', dataDir: '/tmp/w' });
  });
});
