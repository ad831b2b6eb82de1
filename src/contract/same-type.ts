/*
 * Compile-time ties between a contract's schema and the type the core or a service
 * produces. An output schema documents a shape that TypeScript code builds; when the
 * two drift (a field added to the core's type, a value added to a union), the tie
 * stops the build instead of the OpenAPI document quietly lying.
 */

/** true when each type is assignable to the other: the same values, field for field. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Compiles only for `true`: `type _ = Holds<Same<z.output<typeof schema>, CoreType>>`. */
export type Holds<T extends true> = T;
