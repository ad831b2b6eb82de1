import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './serve.js';
import { freshSession } from '../test-support/fresh-session.js';

/** The import route over real HTTP, on SQLite: what a client sees while a large import runs, and when one fails. */
describe('POST /api/imports', () => {
  const world = freshSession('sqlite');
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer(world.session, { port: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  /** How many people the workspace holds now: a dry run or a refused file leaves it as it was, whatever an earlier test imported. */
  const peopleNow = async () => ((await (await fetch(`${server.url}/api/people?limit=1`)).json()) as { total: number }).total;
  const post = (query: string, body: Uint8Array | string, accept?: string) =>
    fetch(`${server.url}/api/imports?${query}`, { method: 'POST', body, headers: { 'content-type': 'application/octet-stream', ...(accept ? { accept } : {}) } });

  it('keeps answering small requests while a large file is read and planned', async () => {
    const before = await peopleNow();
    const lines = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Many Addresses'];
    for (let i = 0; i < 40_000; i++) lines.push(`EMAIL;TYPE=work:p${i}@example.com`);
    lines.push('END:VCARD');
    const response = await post('dryRun=true&fileName=big.vcf', `${lines.join('\r\n')}\r\n`, 'application/x-ndjson');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const order: string[] = [];
    // The import has begun: its first progress line is here.
    let buffer = '';
    while (!buffer.includes('\n')) buffer += (await reader.read()).value ?? '';
    expect(JSON.parse(buffer.slice(0, buffer.indexOf('\n')))).toMatchObject({ progress: { phase: 'reading' } });
    const small = Promise.all([
      fetch(`${server.url}/api/health`).then(async (r) => (order.push('health'), r.json())),
      fetch(`${server.url}/api/people?limit=50`).then(async (r) => (order.push('people'), r.json())),
    ]);
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
    }
    order.push('import');
    const [health, people] = await small;
    expect(health).toMatchObject({ ok: true });
    expect(people).toMatchObject({ total: before });
    expect(order.indexOf('import')).toBe(2);
    const outcome = JSON.parse(buffer.trim().split('\n').at(-1)!).outcome;
    expect(outcome.summary).toEqual({ records: 1, created: 1, merged: 0, skipped: 0 });
    expect(outcome.lines[0].channelsAdded).toBe(40_000);
  });

  it('says which line of a broken file is at fault, as a 400 with the line, and nothing of its insides', async () => {
    const broken = await post('dryRun=true', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nAna,"Open,quote\r\nBen,Reis,"Co",x\r\n');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ error: { code: 'validation', line: 2, message: expect.stringMatching(/^line 2: a quoted field is never closed/) as string } });
    const streamed = await post('dryRun=true', 'BEGIN:VCARD\r\nFN:Ana\r\n', 'application/x-ndjson');
    const last = JSON.parse((await streamed.text()).trim().split('\n').at(-1)!);
    expect(last).toEqual({ error: { code: 'validation', line: 1, message: expect.stringMatching(/no END:VCARD/) as string } });
    const backup = await post('', '{"waggleBackup": 1, "people": [');
    expect(backup.status).toBe(400);
    expect(((await backup.json()) as { error: { message: string } }).error.message).toBe('the backup is not valid JSON');
  });

  it('ends a stream for a malformed file with the user-facing error alone: no stack, no parser\'s or driver\'s words', async () => {
    const before = await peopleNow();
    const insides = /SyntaxError|JSON\.parse|Unexpected (end|token)|position \d|\bat \S+ \(|node_modules|\/src\/|\.ts:\d|internal/;
    const cases: [string, Uint8Array | string, unknown][] = [
      ['fileName=backup.json', '{"waggleBackup": 1, "people": [', { error: { code: 'validation', line: null, message: 'the backup is not valid JSON' } }],
      ['fileName=contacts.vcf', new Uint8Array([0x42, 0x45, 0x47, 0x00, 0x49, 0x4e, 0x00, 0x0a]), { error: { code: 'validation', line: null, message: expect.stringMatching(/not a text file/) as string } }],
      ['', 'Some,Header,Nobody,Knows\r\n1,2,3,4\r\n', { error: { code: 'validation', line: 1, message: expect.stringMatching(/^line 1: not a format Waggle reads/) as string } }],
    ];
    for (const [query, body, expected] of cases) {
      const streamed = await post(`dryRun=true&${query}`, body, 'application/x-ndjson');
      expect(streamed.status).toBe(200);
      const text = await streamed.text();
      const lines = text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.at(-1), query).toEqual(expected);
      // Only progress lines before it: the error is the one answer, and nothing of our insides is in the stream.
      expect(lines.slice(0, -1).every((line) => 'progress' in line)).toBe(true);
      expect(text).not.toMatch(insides);
    }
    expect(await peopleNow()).toBe(before);
  });

  it('reads the encoding it is told, refuses one it does not know, and warns about a mixed file', async () => {
    const bytes = iconv.encode('First Name,Last Name,Company,Connected On\r\n山田,太郎,日立,01 Feb 2024\r\n', 'shift_jis');
    const given = await post('dryRun=true&encoding=shift_jis', bytes);
    expect(given.status).toBe(200);
    const outcome = (await given.json()) as { lines: { name: string }[]; encoding: unknown; format: string };
    expect(outcome.lines.map((l) => l.name)).toEqual(['山田 太郎']);
    expect(outcome.encoding).toEqual({ name: 'shift_jis', source: 'given', confidence: null });
    const unknown = await post('dryRun=true&encoding=klingon', bytes);
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: { code: 'validation', field: 'encoding' } });
    const mixed = Buffer.concat([Buffer.from('First Name,Last Name,Company,Connected On\r\nDmitri,Иванов,Больница,01 Feb 2024\r\n'), iconv.encode('José,García,Hospital Ñúñez,02 Feb 2024\r\n', 'windows-1252')]);
    const preview = (await (await post('dryRun=true', mixed)).json()) as { lines: { name: string }[]; warnings: { code: string; lines: number[] }[] };
    expect(preview.lines.map((l) => l.name)).toEqual(['Dmitri Иванов', 'José García']);
    expect(preview.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'mixed-encoding', lines: [3] })]));
  });

  it('lists namesakes with different profiles as possible duplicates, and imports both', async () => {
    const csv = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Maria,Santos,https://www.linkedin.com/in/maria-santos-1,,Hospital Norte,Nurse,01 Feb 2024',
      'Maria,Santos,https://www.linkedin.com/in/maria-santos-2,,Hospital Norte,Physio,02 Feb 2024',
    ].join('\r\n');
    const response = await post('fileName=Connections.csv', `${csv}\r\n`);
    const outcome = (await response.json()) as { summary: unknown; possibleDuplicates: { line: number; of: string }[] };
    expect(outcome.summary).toEqual({ records: 2, created: 2, merged: 0, skipped: 0 });
    expect(outcome.possibleDuplicates).toEqual([expect.objectContaining({ line: 3, of: 'line 2' })]);
    const people = (await (await fetch(`${server.url}/api/people?search=Maria%20Santos`)).json()) as { total: number };
    expect(people.total).toBe(2);
  });
});
