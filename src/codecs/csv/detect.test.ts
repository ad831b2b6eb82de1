import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect.js';
import { HEADER_SCAN_CHARS, headerCells, physicalLines } from './reader.js';

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
  it('reads a bounded prefix: no header line past the first 64 KB is read', () => {
    const oneLine = `First Name,Last Name,${'x'.repeat(4 * 1024 * 1024)}`;
    expect(detectFormat(oneLine)).toBeNull();
    const quoted = `"First Name","Last Name","E-mail Address","${'y'.repeat(4 * 1024 * 1024)}"\r\nAna,Silva,ana@x.org,z\r\n`;
    expect(detectFormat(quoted)).toBeNull();
    expect(detectFormat(`First Name,Last Name,Connected On\r\n${'a,b,07 Dec 2025\r\n'.repeat(300_000)}`)).toBe('linkedin');
    // A header is looked for only in whole lines within the scan: a line the scan cuts is left out, a longer one is no header.
    const lines = physicalLines(`Notes:\r\n${'z'.repeat(HEADER_SCAN_CHARS)}\r\nFirst Name,Last Name,Connected On\r\n`, 20);
    expect(lines.map((l) => l.text.length)).toEqual([6]);
    expect(headerCells(`First Name,Last Name,Connected On,${'x'.repeat(HEADER_SCAN_CHARS)}`)).toBeNull();
    expect(headerCells('First Name, Last Name ,"Connected On"')).toEqual(['First Name', 'Last Name', 'Connected On']);
  });
});
