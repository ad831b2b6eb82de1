import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAddressList } from './mail-address.js';

describe('address lists', () => {
  it('reads quoted names with commas, comments, groups and bare addresses', () => {
    expect(parseAddressList('"Silva, Ana" <ana@x.org>, Kofi <k@y.org>, bo@z.org (Bo Li), Team: a@b.org, c@d.org;, <e@f.org>')).toEqual([
      { email: 'ana@x.org', name: 'Silva, Ana' },
      { email: 'k@y.org', name: 'Kofi' },
      { email: 'bo@z.org', name: 'Bo Li' },
      { email: 'a@b.org', name: null },
      { email: 'c@d.org', name: null },
      { email: 'e@f.org', name: null },
    ]);
    expect(parseAddressList('undisclosed-recipients:;')).toEqual([]);
  });

  it('finds every address of a generated list, whatever the names hold, names with their spacing collapsed (property)', () => {
    const local = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,10}$/);
    const address = fc.tuple(local, fc.stringMatching(/^[a-z]{1,8}\.[a-z]{2,3}$/)).map(([l, d]) => `${l}@${d}`);
    const name = fc.string({ maxLength: 20 }).map((n) => n.replace(/["\\\r\n]/g, ''));
    fc.assert(
      fc.property(fc.array(fc.tuple(name, address), { minLength: 1, maxLength: 6 }), (entries) => {
        const header = entries.map(([n, a]) => `"${n}" <${a}>`).join(', ');
        const parsed = parseAddressList(header);
        expect(parsed.map((p) => p.email)).toEqual(entries.map(([, a]) => a));
        expect(parsed.map((p) => p.name ?? '')).toEqual(entries.map(([n]) => n.replace(/\s+/g, ' ').trim()));
      }),
      { numRuns: 300 },
    );
  });
});
