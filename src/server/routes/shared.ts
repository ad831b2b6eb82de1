import { z } from 'zod';
import { errorOutput } from '../../contract/outputs.js';

/* Small builders for route definitions, so that each route reads as what it does. */

export const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

/** The error answers every route may give, for a route that declares its success answers by hand. */
export const errorsOnly = {
  400: { description: 'The input is not valid; `field` says where', content: { 'application/json': { schema: errorOutput } } },
  404: { description: 'No such thing in this workspace', content: { 'application/json': { schema: errorOutput } } },
} as const;

export const ok = <T extends z.ZodType>(schema: T, description: string) => ({
  200: { description, content: { 'application/json': { schema } } },
  ...errorsOnly,
});

/** A 200 whose answer also carries headers the client reads (declared, so the document and the typed client know them). */
export const okWithHeaders = <T extends z.ZodType, H extends z.ZodObject>(schema: T, headers: H, description: string) => ({
  200: { description, headers, content: { 'application/json': { schema } } },
  ...errorsOnly,
});

export const created = <T extends z.ZodType>(schema: T, description: string) => ({
  201: { description, content: { 'application/json': { schema } } },
  ...errorsOnly,
});

export const noContent = (description: string) => ({ 204: { description }, ...errorsOnly });

/** An id in a path: never empty, and never a NUL, which no id holds and PostgreSQL's text refuses (a 400, not the database's error). */
const pathId = () => z.string().min(1).regex(/^[^\0]*$/, 'an id holds no NUL character');
export const idParam = () => z.object({ id: pathId() });
export const twoIds = <A extends string, B extends string>(a: A, b: B) => z.object({ [a]: pathId(), [b]: pathId() } as Record<A | B, z.ZodString>);

/** Drops undefined keys, for services that take optional filters under exactOptionalPropertyTypes-style code. */
export function defined<T extends Record<string, unknown>>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
}
