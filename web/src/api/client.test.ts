import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorOf, unwrap } from './client.js';

describe('apiErrorOf', () => {
  it("keeps the server's code, message and field", () => {
    const error = apiErrorOf(400, { error: { code: 'validation', message: 'strength: must be from 0 to 5', field: 'strength' } });
    expect(error).toBeInstanceOf(ApiError);
    expect({ status: error.status, code: error.code, message: error.message, field: error.field }).toEqual({ status: 400, code: 'validation', message: 'strength: must be from 0 to 5', field: 'strength' });
  });

  it('says what it can of a body that is not the error shape', () => {
    for (const body of [null, '', '<html>Bad gateway</html>', { error: null }, { error: { code: 7, message: ['x'], field: {} } }, []]) {
      const error = apiErrorOf(502, body);
      expect({ code: error.code, message: error.message, field: error.field }).toEqual({ code: 'error', message: 'The server answered 502', field: undefined });
    }
  });
});

describe('unwrap', () => {
  it('gives the data of an answer that succeeded', async () => {
    await expect(unwrap(Promise.resolve({ data: { total: 2 }, response: new Response('{"total":2}', { status: 200 }) }))).resolves.toEqual({ total: 2 });
  });

  it('throws the refusal as an ApiError, field and all', async () => {
    // openapi-fetch hands over the parsed body of a refusal: the server's whole { error: … }.
    const refusal = { error: { error: { code: 'validation', message: 'name: is required', field: 'name' } }, response: new Response(null, { status: 400 }) };
    await expect(unwrap(Promise.resolve(refusal))).rejects.toMatchObject({ status: 400, code: 'validation', field: 'name' });
  });

  it('throws on a failure status even when the body could not be read as JSON', async () => {
    await expect(unwrap(Promise.resolve({ error: 'upstream timed out', response: new Response(null, { status: 504 }) }))).rejects.toMatchObject({ status: 504, message: 'The server answered 504' });
  });
});
