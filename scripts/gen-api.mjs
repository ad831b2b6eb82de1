// npm run gen:api: writes web/src/api/schema.d.ts, the API's types for the web app, from the
// server's OpenAPI document. The generator is TypeScript (src/server/openapi-types.ts, which the
// staleness test also runs).
import { writeFileSync } from 'node:fs';
import { withTsModule } from './ts-module.mjs';

await withTsModule('src/server/openapi-types.ts', async ({ webApiTypesSource }) => {
  writeFileSync('web/src/api/schema.d.ts', await webApiTypesSource());
});
console.log('wrote web/src/api/schema.d.ts');
