import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import { freshSession } from '../test-support/fresh-session.js';
import { MAPPED_READ_BYTES, readThroughMemoryMap } from '../storage/mapped-reads.js';
import { checkNetwork } from './check.js';
import { createPerson } from './people.js';

/** What SQLite says its connection maps of the file, in bytes. */
async function mappedBytes(db: Parameters<typeof readThroughMemoryMap>[0]): Promise<number> {
  const { rows } = await sql<{ mmap_size: number }>`pragma mmap_size`.execute(db.withoutPlugins());
  return Number(rows[0]?.mmap_size);
}

describe.each(DIALECTS)('the check reads the whole map through a memory map where there is a file, %s', (dialect) => {
  const world = freshSession(dialect);

  it('maps the SQLite file before reading, and the map still sees every write', async () => {
    const { ctx } = world.session;
    await createPerson(ctx, { name: 'Ana Silva' });
    if (dialect === 'sqlite') expect(await mappedBytes(ctx.db)).toBe(0);
    expect((await checkNetwork(ctx)).summary.people).toBe(1);
    if (dialect === 'sqlite') expect(await mappedBytes(ctx.db)).toBe(MAPPED_READ_BYTES);
    // A write after the file is mapped is read by the next check, on the same connection.
    await createPerson(ctx, { name: 'Kofi Mensah' });
    expect((await checkNetwork(ctx)).summary.people).toBe(2);
  });

  it('asks PostgreSQL nothing it would refuse', async () => {
    await expect(readThroughMemoryMap(world.session.ctx.db)).resolves.toBeUndefined();
  });
});
