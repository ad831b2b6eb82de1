import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/*
 * The layer rules of eslint.config.js (docs/architecture.md), shown to bite: each
 * forbidden import is linted as if it were written in a real file of the layer, and
 * must be refused with the rule's own words; the allowed import beside it must not.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The boundary messages for `code` written at `filePath` (an existing file, so the typed rules can read it). */
async function boundaryProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  expect(result!.messages.filter((m) => m.fatal).map((m) => m.message), `${filePath} should parse`).toEqual([]);
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

const cases: { what: string; file: string; code: string; refused: RegExp | null }[] = [
  { what: 'a route that imports storage', file: 'src/server/routes/people.ts', code: "import { dataVersion } from '../../storage/data-version.js';\nexport const v = dataVersion;\n", refused: /only through services/ },
  { what: 'a route that imports a driver', file: 'src/server/routes/people.ts', code: "import { sql } from 'kysely';\nexport const s = sql;\n", refused: /only through services/ },
  { what: 'a route that builds a query on the database it is handed', file: 'src/server/routes/public.ts', code: "import type { ServiceContext } from '../../services/context.js';\nexport const q = (c: ServiceContext) => c.db.selectFrom('profiles').selectAll().execute();\n", refused: /no query is built here/ },
  { what: 'the server starting a transaction of its own', file: 'src/server/auth.ts', code: "import type { ServiceContext } from '../services/context.js';\nexport const t = (c: ServiceContext) => c.db.transaction().execute(async () => 1);\n", refused: /no query is built here/ },
  { what: 'the server importing a driver type', file: 'src/server/auth.ts', code: "import type { Kysely } from 'kysely';\nexport type K = Kysely<never>;\n", refused: /only through services/ },
  { what: 'the server passing the database on to a service (allowed)', file: 'src/server/auth.ts', code: "import type { ServiceContext } from '../services/context.js';\nimport { workspaceTimeZone } from '../services/workspace.js';\nexport const z = (c: ServiceContext) => workspaceTimeZone(c.db, c.workspaceId, 'UTC');\n", refused: null },
  { what: 'a route that calls a service (allowed)', file: 'src/server/routes/people.ts', code: "import { listPeople } from '../../services/people.js';\nexport const l = listPeople;\n", refused: null },
  { what: 'the core importing a service', file: 'src/core/words.ts', code: "import { listPeople } from '../services/people.js';\nexport const l = listPeople;\n", refused: /must not import from services/ },
  { what: 'the core doing I/O', file: 'src/core/words.ts', code: "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", refused: /the core is pure/ },
  { what: 'the contract importing storage', file: 'src/contract/fields.ts', code: "import { dataVersion } from '../storage/data-version.js';\nexport const v = dataVersion;\n", refused: /must not import from storage/ },
  { what: 'a codec that imports storage', file: 'src/codecs/vcard/read.ts', code: "import { dataVersion } from '../../storage/data-version.js';\nexport const v = dataVersion;\n", refused: /must not import from storage/ },
  { what: 'a codec that imports a service', file: 'src/codecs/ics/write.ts', code: "import { listPeople } from '../../services/people.js';\nexport const l = listPeople;\n", refused: /must not import from services/ },
  { what: 'a codec that imports a driver', file: 'src/codecs/ics/write.ts', code: "import { sql } from 'kysely';\nexport const s = sql;\n", refused: /no database driver/ },
  { what: 'a codec that imports the core (allowed)', file: 'src/codecs/vcard/read.ts', code: "import { ImportFileError } from '../../core/import-types.js';\nexport const e = ImportFileError;\n", refused: null },
  { what: 'the demo importing storage', file: 'src/demo/demo-map.ts', code: "import { dataVersion } from '../storage/data-version.js';\nexport const v = dataVersion;\n", refused: /must not import from storage/ },
  { what: 'the demo doing I/O', file: 'src/demo/demo-map.ts', code: "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", refused: /the demo is made-up data/ },
  { what: 'the demo importing the core (allowed)', file: 'src/demo/demo-map.ts', code: "import { addDays } from '../core/dates.js';\nexport const a = addDays;\n", refused: null },
  { what: 'storage importing a service', file: 'src/storage/derived.ts', code: "import { listPeople } from '../services/people.js';\nexport const l = listPeople;\n", refused: /must not import from services/ },
  { what: 'a service building a query', file: 'src/services/goals.ts', code: "import type { ServiceContext } from './context.js';\nexport const q = (c: ServiceContext) => c.db.selectFrom('goals').selectAll().execute();\n", refused: /a service builds no query/ },
  { what: 'a service writing SQL', file: 'src/services/networks.ts', code: "import { sql } from 'kysely';\nimport type { ServiceContext } from './context.js';\nexport const q = (c: ServiceContext) => sql`select 1`.execute(c.db);\n", refused: /a service writes no SQL/ },
  { what: 'a service calling storage in a transaction of its own (allowed)', file: 'src/services/goals.ts', code: "import { inTransaction, type ServiceContext } from './context.js';\nimport { findGoalRow } from '../storage/goals.js';\nexport const g = (c: ServiceContext) => inTransaction(c, (t) => findGoalRow(t.db, t.workspaceId, 'goal_1'));\n", refused: null },
  { what: 'a service importing the HTTP framework', file: 'src/services/keys.ts', code: "import { Hono } from 'hono';\nexport const h = Hono;\n", refused: /no HTTP/ },
  { what: 'web code importing server code', file: 'web/src/App.tsx', code: "import { createApi } from '../../src/server/app.js';\nexport const a = createApi;\n", refused: /must not import server code/ },
  { what: 'web code importing a service', file: 'web/src/App.tsx', code: "import { listPeople } from '../../src/services/people.js';\nexport const l = listPeople;\n", refused: /must not import server code/ },
  { what: 'web code importing a contract schema (a value)', file: 'web/src/App.tsx', code: "import { personFilterQuery } from '../../src/contract/filters.js';\nexport const q = personFilterQuery;\n", refused: /only the contract’s types/ },
  { what: 'web code importing a contract type (allowed)', file: 'web/src/App.tsx', code: "import type { PersonFilter } from '../../src/contract/filters.js';\nexport type F = PersonFilter;\n", refused: null },
  { what: 'web code importing Node', file: 'web/src/App.tsx', code: "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", refused: /runs in the browser/ },
];

// The typed rules start a TypeScript program first, one for src/ and one for web/: slow on a
// busy machine, so once each, here, before whichever test the shuffled order runs first.
beforeAll(async () => {
  await eslint.lintText('export {};\n', { filePath: 'src/server/routes/people.ts' });
}, 180_000);
beforeAll(async () => {
  await eslint.lintText('export {};\n', { filePath: 'web/src/App.tsx' });
}, 180_000);

describe('the layer rules bite', () => {
  it.each(cases)('$what', async ({ file, code, refused }) => {
    const problems = await boundaryProblems(file, code);
    if (refused) {
      expect(problems.length, file).toBeGreaterThan(0);
      expect(problems.join('\n')).toMatch(refused);
    } else {
      expect(problems).toEqual([]);
    }
  }, 60_000);
});

describe("React's hook rules bite in web/", () => {
  const hookProblems = async (code: string) => {
    const [result] = await eslint.lintText(code, { filePath: 'web/src/App.tsx' });
    return result!.messages.filter((m) => m.ruleId?.startsWith('react-hooks/')).map((m) => `${m.ruleId}: ${m.message}`);
  };

  it('refuses a hook called on a condition', async () => {
    const code = "import { useState } from 'react';\nexport function A({ on }: { on: boolean }) {\n  if (on) useState(0);\n  return null;\n}\n";
    expect((await hookProblems(code)).join('\n')).toMatch(/react-hooks\/rules-of-hooks/);
  }, 60_000);

  it('refuses an effect that leaves out what it reads', async () => {
    const code = "import { useEffect } from 'react';\nexport function A({ id }: { id: string }) {\n  useEffect(() => {\n    document.title = id;\n  }, []);\n  return null;\n}\n";
    expect((await hookProblems(code)).join('\n')).toMatch(/react-hooks\/exhaustive-deps/);
  }, 60_000);

  it('takes an effect that names what it reads', async () => {
    const code = "import { useEffect } from 'react';\nexport function A({ id }: { id: string }) {\n  useEffect(() => {\n    document.title = id;\n  }, [id]);\n  return null;\n}\n";
    expect(await hookProblems(code)).toEqual([]);
  }, 60_000);
});
