// node-postgres's value conversion (pg/lib/utils.js), which its own types do not declare: postgres.ts binds held statements' values with it.
declare module 'pg/lib/utils.js' {
  const utils: { prepareValue(value: unknown): unknown };
  export default utils;
}
