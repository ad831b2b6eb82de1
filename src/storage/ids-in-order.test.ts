import { describe, expect, it } from 'vitest';
import { generateLargeSnapshot } from '../demo/generate-map.js';
import { bulkLoad } from '../services/bulk-load.js';
import { DIALECTS } from '../test-support/databases.js';
import { freshSession } from '../test-support/fresh-session.js';
import { selectIdsInOrder } from './ids-in-order.js';
import { inOrder } from './people-list.js';

describe.each(DIALECTS)('selectIdsInOrder on %s', (kind) => {
  const world = freshSession(kind);

  it('gives every sort of a listing in the order a plain read of its rows gives, ties and missing dates included', async () => {
    const { ctx } = world.session;
    // 3,000 people: more than SQLite sorts in one pass of its sorter's memory for the wider orders, with ties on every sort key.
    await bulkLoad(ctx, generateLargeSnapshot({ people: 3000, networks: 20, goals: 3, exchanges: 4000, today: '2026-11-22', seed: 41 }));
    for (const sort of ['name', 'strength', 'importance', 'last-exchange', 'next-contact', 'added']) {
      const query = inOrder(ctx.db.selectFrom('people').select('people.id').where('people.workspaceId', '=', ctx.workspaceId), sort);
      const plain = (await query.execute()).map((row) => row.id);
      expect(plain).toHaveLength(3000);
      expect(await selectIdsInOrder(ctx.db, query.compile())).toEqual(plain);
    }
    // A filter that matches no one: an empty order, not an error.
    const none = ctx.db.selectFrom('people').select('people.id').where('people.workspaceId', '=', 'no such workspace').orderBy('people.id');
    expect(await selectIdsInOrder(ctx.db, none.compile())).toEqual([]);
  });
});
