import type * as CsvParse from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect.js';

describe('detectFormat', () => {
  it('finds vCard by its first non-blank line, in any case', () => {
    expect(detectFormat('\r\n  \nbegin:vcard\r\nVERSION:3.0\r\nEND:VCARD\r\n')).toBe('vcard');
    expect(detectFormat('\uFEFFBEGIN:VCARD\nEND:VCARD')).toBe('vcard');
    expect(detectFormat('hello\nBEGIN:VCARD\n')).toBeNull();
  });

  it('finds a Waggle backup', () => {
    expect(detectFormat(' {"waggleBackup": 1, "people": []}')).toBe('backup');
    expect(detectFormat('{"people": []}')).toBeNull();
  });

  it('tells the CSV layouts apart by their header', () => {
    expect(detectFormat('Notes:\r\n"text, more"\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n')).toBe('linkedin');
    expect(detectFormat('First Name,Last Name,Email Address,Company,Position,Connected On\n')).toBe('linkedin');
    expect(detectFormat('First Name,Middle Name,Last Name,Labels,E-mail 1 - Value\n')).toBe('google');
    expect(detectFormat('Name,Given Name,Additional Name,Family Name,Group Membership\n')).toBe('google');
    expect(detectFormat('"Title","First Name","Middle Name","Last Name","Company","Job Title","E-mail Address"\r\n')).toBe('outlook');
    expect(detectFormat('a,b,c\n1,2,3\n')).toBeNull();
    expect(detectFormat('')).toBeNull();
  });

  it('lets the file name speak only when the content says nothing', () => {
    expect(detectFormat('garbage', 'friends.vcf')).toBe('vcard');
    expect(detectFormat('garbage', 'backup.JSON')).toBe('backup');
    expect(detectFormat('garbage', 'contacts.csv')).toBeNull();
    expect(detectFormat('First Name,Last Name,Connected On\n', 'contacts.vcf')).toBe('linkedin');
  });
});

describe('detecting a huge file', () => {
  it('reads a bounded prefix: the CSV parser never sees more than the first 64 KB', async () => {
    const { vi } = await import('vitest');
    const seen: number[] = [];
    vi.resetModules();
    vi.doMock('csv-parse/sync', async (original) => {
      const real = await original<typeof CsvParse>();
      const parse = real.parse as (input: string | Buffer, options?: object) => unknown;
      return { ...real, parse: (input: string | Buffer, options?: object) => (seen.push(input.length), parse(input, options)) };
    });
    try {
      const { detectFormat: detect } = await import('./detect.js');
      const oneLine = `First Name,Last Name,${'x'.repeat(4 * 1024 * 1024)}`;
      expect(detect(oneLine)).toBeNull();
      const quoted = `"First Name","Last Name","E-mail Address","${'y'.repeat(4 * 1024 * 1024)}"\r\nAna,Silva,ana@x.org,z\r\n`;
      expect(detect(quoted)).toBeNull();
      expect(detect(`First Name,Last Name,Connected On\r\n${'a,b,07 Dec 2025\r\n'.repeat(300_000)}`)).toBe('linkedin');
      expect(seen.length).toBeGreaterThan(0);
      expect(Math.max(...seen)).toBeLessThanOrEqual(64 * 1024);
    } finally {
      vi.doUnmock('csv-parse/sync');
      vi.resetModules();
    }
  });
});
