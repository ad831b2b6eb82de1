import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactHref } from './contact-href.js';

describe('contact details as links', () => {
  it('makes mailto:, tel: and https: links of what is well formed', () => {
    expect(contactHref('email', 'ana@example.org')).toBe('mailto:ana@example.org');
    expect(contactHref('phone', '+351 912 345 678')).toBe('tel:+351912345678');
    expect(contactHref('phone', '(01) 234-5678')).toBe('tel:012345678');
    expect(contactHref('linkedin', 'linkedin.com/in/ana-silva')).toBe('https://linkedin.com/in/ana-silva');
    expect(contactHref('web', 'http://example.org/a?b=1')).toBe('http://example.org/a?b=1');
    expect(contactHref('orcid', 'https://orcid.org/0000-0002-1825-0097')).toBe('https://orcid.org/0000-0002-1825-0097');
  });

  it('leaves the hostile and the malformed as text', () => {
    for (const [kind, value] of [
      ['web', 'javascript:alert(1)'],
      ['linkedin', 'JavaScript:alert(document.cookie)'],
      ['web', 'data:text/html,<script>alert(1)</script>'],
      ['web', 'vbscript:msgbox'],
      ['web', 'file:///etc/passwd'],
      ['email', 'ana@example.org?subject=x&body=y'],
      ['email', 'javascript:alert(1)@x.org'],
      ['email', 'not an email'],
      ['phone', 'javascript:alert(1)'],
      ['phone', '12'],
      ['web', 'not a link'],
      ['other', 'localhost'],
    ] as const) {
      expect(contactHref(kind, value), `${kind} ${value}`).toBeNull();
    }
  });

  it('never leads anywhere but mailto:, tel:, http: or https:, whatever is stored', () => {
    fc.assert(
      fc.property(fc.constantFrom('email', 'phone', 'web', 'linkedin', 'x', 'other'), fc.oneof(fc.string(), fc.webUrl(), fc.emailAddress(), fc.string().map((s) => `javascript:${s}`)), (kind, value) => {
        const href = contactHref(kind, value);
        if (href !== null) expect(href).toMatch(/^(mailto:|tel:|https?:\/\/)/);
      }),
      { numRuns: 500 },
    );
  });
});
