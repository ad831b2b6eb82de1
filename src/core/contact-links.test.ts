import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileHandle } from './contact-links.js';

const handle = fc.stringMatching(/^[a-z0-9][a-z0-9_.-]{0,30}$/);

describe('profileHandle: the handle a profile link names', () => {
  it('reads the handle of each network, whatever the scheme, subdomain, trailing parts or case', () => {
    expect(profileHandle('https://www.linkedin.com/in/ana-silva-123/')).toBe('ana-silva-123');
    expect(profileHandle('linkedin.com/in/ana')).toBe('ana');
    expect(profileHandle('http://pt.linkedin.com/pub/ana-silva/1/2/3')).toBe('ana-silva');
    expect(profileHandle('https://www.linkedin.com/in/ana/details/experience/')).toBe('ana');
    expect(profileHandle('https://www.linkedin.com/company/acme')).toBe('acme');
    expect(profileHandle('HTTPS://WWW.LINKEDIN.COM/IN/Ana?trk=profile')).toBe('Ana');
    expect(profileHandle('https://x.com/ana_s/status/1')).toBe('ana_s');
    expect(profileHandle('twitter.com/ana_s')).toBe('ana_s');
    expect(profileHandle('https://github.com/ana#repos')).toBe('ana');
    expect(profileHandle('https://orcid.org/0000-0002-1825-0097')).toBe('0000-0002-1825-0097');
    expect(profileHandle('https://bsky.app/profile/ana.bsky.social')).toBe('ana.bsky.social');
    expect(profileHandle('  https://www.linkedin.com/in/ana  ')).toBe('ana');
  });

  it('is null for what names no profile: an email, a phone, a site, a network with no path, a name', () => {
    for (const value of ['ana@example.org', 'ana@github.com', '+351 912 345 678', 'https://ana.example/about', 'https://github.com', 'https://www.linkedin.com/', 'https://www.linkedin.com/in/', 'notlinkedin.com/in/ana', 'https://linkedin.com.evil.example/in/ana', 'Ana Silva', 'linkedin', 'in/ana', '']) {
      expect(profileHandle(value), value).toBeNull();
    }
  });

  it('gives back the handle any written form of a profile link holds (property)', () => {
    const form = fc.record({
      scheme: fc.constantFrom('', 'http://', 'https://'),
      sub: fc.constantFrom('', 'www.', 'uk.', 'mobile.'),
      network: fc.constantFrom('linkedin.com/in/', 'linkedin.com/pub/', 'x.com/', 'twitter.com/', 'github.com/', 'orcid.org/', 'bsky.app/profile/'),
      tail: fc.constantFrom('', '/', '/details', '?trk=a', '#top', '/x/y?z=1'),
    });
    fc.assert(
      fc.property(form, handle, ({ scheme, sub, network, tail }, name) => {
        expect(profileHandle(`${scheme}${sub}${network}${name}${tail}`)).toBe(name);
      }),
    );
  });

  it("reads what its pattern alone reads, LinkedIn's export's form included, on links pieced together from likely and unlikely parts (property)", () => {
    // The pattern alone, without the shortcut for LinkedIn's export's own form.
    const PATTERN = /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)*(?:linkedin\.com|x\.com|twitter\.com|github\.com|orcid\.org|bsky\.app)(?::\d+)?\/([^?#]*)/i;
    const byPattern = (value: string): string | null => {
      if (!value.includes('/')) return null;
      const match = PATTERN.exec(value.trim());
      if (!match) return null;
      const parts = (match[1] ?? '').split('/').filter((part) => part !== '');
      const first = parts[0];
      if (first === undefined) return null;
      return (['in', 'pub', 'profile', 'company', 'school', 'showcase'].includes(first.toLowerCase()) ? parts[1] : first) ?? null;
    };
    const piece = fc.constantFrom('', ' ', 'https://', 'https://www.linkedin.com/in/', 'https://www.linkedin.com/in/ana', 'https://www.linkedin.com/in//', 'HTTP://', 'ftp://', '//', 'www.', 'WWW.', '.', '..', 'a-b.', 'user@', 'LinkedIn.com', 'linkedin.com', 'x.com', 'twitter.com', 'github.com', 'orcid.org', 'bsky.app', 'evil.example', ':443', ':x', '/', '//', 'in/', 'IN/', 'profile/', 'company/', 'ana', 'Ana-S', '0000-0002', '?q=1', '#f', ' tail', 'é');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const value = pieces.join('');
        expect(profileHandle(value), JSON.stringify(value)).toBe(byPattern(value));
      }),
      { numRuns: 5000 },
    );
  });

  it('never throws, and what it gives back is part of the value (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (value) => {
        const found = profileHandle(value);
        if (found !== null) expect(value).toContain(found);
      }),
    );
  });
});
