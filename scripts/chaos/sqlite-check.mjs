// What must hold in a data folder after a process was killed: the file is sound,
// its references hold, every import is all or nothing and every acknowledged write is there.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const SQLITE_FILE = 'waggle.db';

/** Opens the folder's database as the next waggle would (recovering the WAL). */
function open(dataDir) {
  const file = join(dataDir, SQLITE_FILE);
  if (!existsSync(file)) return null;
  const db = new Database(file);
  db.pragma('busy_timeout = 10000');
  return db;
}

/**
 * imports: [{ company, rows }] made in this folder; acked: [{ table, id }] answered with 2xx.
 * Returns a list of problems (empty when all is well) and the counts it saw.
 */
export function checkDataDir(dataDir, { imports = [], acked = [] } = {}) {
  const problems = [];
  const db = open(dataDir);
  if (!db) {
    // Killed before the folder's database was created: nothing may have been acknowledged.
    if (acked.length) problems.push({ kind: 'lost-write', detail: `${acked.length} acknowledged writes but no database file` });
    return { problems, partialImports: 0, lostWrites: acked.length, integrityFailures: 0 };
  }
  let integrityFailures = 0;
  let partialImports = 0;
  let lostWrites = 0;
  try {
    const integrity = db.pragma('integrity_check', { simple: false }).map((r) => r.integrity_check);
    if (integrity.length !== 1 || integrity[0] !== 'ok') {
      integrityFailures++;
      problems.push({ kind: 'integrity', detail: integrity.slice(0, 5).join('; ') });
    }
    const fk = db.pragma('foreign_key_check');
    if (fk.length) {
      integrityFailures++;
      problems.push({ kind: 'foreign-key', detail: `${fk.length} rows break a reference, e.g. ${JSON.stringify(fk[0])}` });
    }
    const tables = new Set(db.prepare(`select name from sqlite_master where type = 'table'`).all().map((r) => r.name));
    if (tables.has('people')) {
      const count = db.prepare(`select count(*) as n from people where organisation = ? and source = 'linkedin'`);
      for (const { company, rows, acknowledged } of imports) {
        const n = count.get(company).n;
        if (n !== 0 && n !== rows) {
          partialImports++;
          problems.push({ kind: 'partial-import', detail: `${company}: ${n} of ${rows} rows` });
        } else if (acknowledged && n !== rows) {
          lostWrites++;
          problems.push({ kind: 'lost-write', detail: `${company}: the import said it was done, ${n} of ${rows} rows` });
        }
      }
    }
    for (const { table, id } of acked) {
      const found = tables.has(table) ? db.prepare(`select 1 from ${table} where id = ?`).get(id) : undefined;
      if (!found) {
        lostWrites++;
        problems.push({ kind: 'lost-write', detail: `${table} ${id} was acknowledged and is missing` });
      }
    }
  } finally {
    db.close();
  }
  return { problems, partialImports, lostWrites, integrityFailures };
}

/**
 * Every table's row count and a digest of its content: a failed import must leave
 * both alone (a merge that changed a row in place shows in the digest).
 */
export function snapshot(dataDir) {
  const db = open(dataDir);
  if (!db) return { counts: {}, digest: 'no database' };
  try {
    const counts = {};
    const hash = createHash('sha256');
    const tables = db.prepare(`select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`).all();
    // A full-text index (and its shadow tables, some WITHOUT ROWID) is derived from people:
    // its digest would say nothing people's own does not.
    const virtual = tables.filter((t) => /^create virtual table/i.test(t.sql ?? '')).map((t) => t.name);
    const derived = (name) => virtual.some((v) => name === v || name.startsWith(`${v}_`));
    for (const { name } of tables.filter((t) => !derived(t.name))) {
      const rows = db.prepare(`select * from "${name}" order by rowid`).raw().all();
      counts[name] = rows.length;
      hash.update(name).update(JSON.stringify(rows));
    }
    return { counts, digest: hash.digest('hex') };
  } finally {
    db.close();
  }
}
