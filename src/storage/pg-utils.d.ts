// node-postgres's own conversion of a JavaScript value into the text PostgreSQL is sent (pg/lib/utils.js, which
// @types/pg does not describe): what it applies to every value it binds, applied by postgres.ts to the statements
// it binds itself (QueryAfter).
declare module 'pg/lib/utils.js' {
  const utils: { prepareValue(value: unknown): unknown };
  export default utils;
}
