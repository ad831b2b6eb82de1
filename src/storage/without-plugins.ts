import type { Kysely } from 'kysely';

/**
 * `db.withoutPlugins()`, made once per handle (or transaction) and kept while it lives: Kysely builds
 * a new instance and executor on every call, and the statements that run on every request (the data's
 * version, a page by ids, a person's page) asked for one each time.
 */
const plainOf = new WeakMap<Kysely<never>, Kysely<never>>();

export function withoutPlugins<DB>(db: Kysely<DB>): Kysely<DB> {
  const key = db as unknown as Kysely<never>;
  let plain = plainOf.get(key);
  if (!plain) plainOf.set(key, (plain = key.withoutPlugins()));
  return plain as unknown as Kysely<DB>;
}
