import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import { serverWorld } from '../test-support/server-world.js';

/*
 * The API keeps GET answers per workspace and version of its data (server/answer-cache.ts).
 * In server mode two accounts ask the very same addresses: what one was answered must never
 * be what the other is answered, nor what someone signed out is answered.
 */
describe.each(DIALECTS)('kept answers across accounts, on %s', (kind) => {
  const world = serverWorld(kind);

  it('answers each account its own people at the same address, and nobody signed out', async () => {
    const ana = await world.accountWithSession({ email: 'ana@example.org', name: 'Ana', password: 'correct horse battery' });
    const bea = await world.accountWithSession({ email: 'bea@example.org', name: 'Bea', password: 'battery staple horse' });
    await world.json(201, '/api/people', { method: 'POST', body: { name: 'Canary Person' }, cookie: ana.cookie });

    const address = '/api/people?limit=20';
    const first = await world.json<{ items: { name: string }[]; total: number }>(200, address, { cookie: ana.cookie });
    const again = await world.json<{ items: { name: string }[]; total: number }>(200, address, { cookie: ana.cookie });
    expect(again).toEqual(first);
    expect(first.items.map((p) => p.name)).toEqual(['Canary Person']);

    const other = await world.json<{ items: { name: string }[]; total: number }>(200, address, { cookie: bea.cookie });
    expect(other.items).toEqual([]);
    expect(other.total).toBe(0);
    expect(JSON.stringify(await world.json(200, '/api/due', { cookie: bea.cookie }))).not.toContain('Canary');

    const anonymous = await world.call(address);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toContain('Canary');
  });
});
