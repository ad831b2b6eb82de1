import { describe, expect, it } from 'vitest';
import { formatBytes, MAX_BODY_BYTES } from './app.js';
import { apiOnFreshSqlite } from '../test-support/api-on-sqlite.js';
import { textProblem } from '../contract/fields.js';
import { createPersonInput, logExchangeInput, updateGoalInput } from '../contract/inputs.js';
import { parseInput } from '../contract/validate.js';

describe('the text rules', () => {
  it('refuses NUL and other control characters everywhere, line breaks and tabs in one-line text', () => {
    expect(textProblem('Ana\u0000Silva')).toBe('must not contain control characters (U+0000 at character 4)');
    expect(textProblem('line one\u0000', 'multi')).toMatch(/U\+0000/);
    expect(textProblem('bell\u0007', 'multi')).toMatch(/U\+0007 at character 5/);
    expect(textProblem('esc\u001b[31m')).toMatch(/U\+001B/);
    expect(textProblem('del\u007f')).toMatch(/U\+007F/);
    expect(textProblem('c1\u0085')).toMatch(/U\+0085/);
    expect(textProblem('Ana\nSilva')).toBe('must be a single line (a line break at character 4)');
    expect(textProblem('Ana\tSilva')).toBe('must be a single line (a tab at character 4)');
    expect(textProblem('first\nsecond\tindented\r\n', 'multi')).toBeNull();
    expect(textProblem('Zoë 🐝 東京 Łódź')).toBeNull();
  });

  it('refuses a lone surrogate, but not a pair', () => {
    expect(textProblem('A\ud800B')).toBe('contains a broken character (a lone surrogate U+D800 at character 2); type or paste that part again');
    expect(textProblem('\udc00', 'multi')).toMatch(/U\+DC00 at character 1/);
    expect(textProblem('bee \ud83d\udc1d')).toBeNull();
  });

  it('names the field at fault, in every input that takes text', () => {
    expect(() => parseInput(createPersonInput, { name: 'Ana\u0000' })).toThrow(expect.objectContaining({ field: 'name', message: expect.stringMatching(/control characters/) }));
    expect(() => parseInput(createPersonInput, { name: 'Ana', organisation: 'A\nB' })).toThrow(expect.objectContaining({ field: 'organisation' }));
    expect(() => parseInput(createPersonInput, { name: 'Ana', tags: ['ok', 'b\u0001ad'] })).toThrow(expect.objectContaining({ field: 'tags.1' }));
    expect(() => parseInput(createPersonInput, { name: 'Ana', channels: [{ kind: 'email', value: 'a\ud800@x.org' }] })).toThrow(expect.objectContaining({ field: 'channels.0.value' }));
    expect(() => parseInput(updateGoalInput, { statement: 'Start\ta doctorate' })).toThrow(expect.objectContaining({ field: 'statement' }));
    expect(parseInput(createPersonInput, { name: ' Ana Silva\n', notes: 'met at\n\tthe congress' })).toMatchObject({ name: 'Ana Silva', notes: 'met at\n\tthe congress' });
    expect(() => parseInput(logExchangeInput, { channel: 'call', personIds: ['p'], learned: 'x\u0000' })).toThrow(expect.objectContaining({ field: 'learned' }));
  });
});

describe('the API refuses broken text at the edge, before the database turns it into U+FFFD', () => {
  const harness = apiOnFreshSqlite();
  const post = (raw: string) => harness.api.request('/api/people', { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw });

  it.each([
    ['a lone surrogate in a name', '{"name":"Ana \\ud800 Silva"}', 'name', /lone surrogate U\+D800 at character 5/],
    ['a NUL in a name', '{"name":"Ana\\u0000"}', 'name', /control characters \(U\+0000/],
    ['a line break in an organisation', '{"name":"Ana","organisation":"Hospital\\nNorte"}', 'organisation', /single line/],
    ['a lone surrogate in notes', '{"name":"Ana","notes":"fine\\n\\udfff"}', 'notes', /lone surrogate U\+DFFF/],
  ])('%s', async (_label, raw, field, message) => {
    const total = async () => ((await (await harness.api.request('/api/people')).json()) as { total: number }).total;
    const before = await total();
    const response = await post(raw);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { field: string; message: string } };
    expect(body.error.field).toBe(field);
    expect(body.error.message).toMatch(message);
    // Nothing stored, whichever of these tests ran before.
    expect(await total()).toBe(before);
  });

  it('keeps a surrogate pair and multi-line notes intact', async () => {
    const response = await post('{"name":"Bee \\ud83d\\udc1d","notes":"one\\ntwo"}');
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ name: 'Bee 🐝', notes: 'one\ntwo' });
  });
});

describe('a body over the size limit', () => {
  const harness = apiOnFreshSqlite();

  it('is refused with a 413 that says how large is allowed', async () => {
    const body = JSON.stringify({ name: 'Ana', notes: 'x'.repeat(MAX_BODY_BYTES) });
    const response = await harness.api.request('/api/people', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(body.length) }, body });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: 'too_large', message: 'The request body is larger than 5 MB, the most the API takes in one request' } });
  });

  it('refuses an import that declares more than the import limit at once, before reading its body', async () => {
    // A body that never ends: were the route to read it, this test would hang rather than pass.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled === 1) controller.enqueue(new TextEncoder().encode('First Name,Last Name\n'));
      },
    });
    const response = await harness.api.request('/api/imports?dryRun=true', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'content-length': String(300 * 1024 * 1024) },
      body: endless,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'too_large', message: expect.stringContaining('200 MB') } });
  });

  it('says sizes as people do', () => {
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MB');
    expect(formatBytes(200 * 1024 * 1024)).toBe('200 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(900)).toBe('900 bytes');
  });
});
