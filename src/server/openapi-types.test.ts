import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serverModeOpenApiDocument, webApiTypesSource } from './openapi-types.js';

const COMMITTED = 'web/src/api/schema.d.ts';

describe("the web app's API types", () => {
  it('are what the server describes now (else run npm run gen:api)', async () => {
    const fresh = await webApiTypesSource();
    const committed = readFileSync(COMMITTED, 'utf8');
    // Compared as a whole: a route, a field or a description changed on the server and not regenerated fails here.
    expect(committed === fresh, `${COMMITTED} is stale: run npm run gen:api and commit it`).toBe(true);
  });

  it('come from the fullest document: server mode, with accounts and teams', async () => {
    const document = JSON.parse(await serverModeOpenApiDocument()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/people', '/api/people/{id}', '/api/auth/status', '/api/teams', '/api/plan']));
  });
});
