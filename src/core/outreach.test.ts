import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Network } from './model.js';
import {
  BUILT_IN_TEMPLATES,
  buildDraftContext,
  channelAsk,
  firstNameOf,
  listText,
  networkInSentence,
  renderDraft,
  sharedNetworkNames,
  validateTemplate,
  writtenDate,
  type DraftContext,
} from './outreach.js';
import { CHANNELS, OUTREACH_PURPOSES, type NetworkRole } from './vocabulary.js';

const rich: DraftContext = {
  firstName: 'Ana',
  fullName: 'Dr Ana Silva',
  myName: 'Jo Reyes',
  interest: 'how your team set up its first pilot study',
  minutes: 45,
  channelAsk: 'a 45-minute coffee',
  howWeMet: 'at the Physio Society spring meeting',
  lastExchange: { date: '2 March 2026', learned: 'Small pilot studies open doors' },
  sharedNetworks: ['Physio Society', 'Journal Club'],
  sharedNetworksText: 'the Physio Society and the Journal Club',
  workingOn: 'a clinical audit of knee rehabilitation outcomes',
  organisation: 'Hospital Norte',
  role: 'Head of Research',
};

const empty: DraftContext = {
  firstName: 'Ana',
  fullName: 'Ana',
  myName: null,
  interest: null,
  minutes: 20,
  channelAsk: 'a 20-minute call',
  howWeMet: null,
  lastExchange: null,
  sharedNetworks: [],
  sharedNetworksText: null,
  workingOn: null,
  organisation: null,
  role: null,
};

/** Everything a finished plain-text draft must never show. */
function expectClean(text: string): void {
  expect(text).not.toContain('undefined');
  expect(text).not.toContain('null');
  expect(text).not.toContain('{{');
  expect(text).not.toContain('}}');
  expect(text).not.toMatch(/ {2}/);
  expect(text).not.toMatch(/^\s/);
  expect(text).not.toMatch(/\s$/);
  expect(text).not.toMatch(/\n{3,}/);
  expect(text).not.toMatch(/[ \t]$/m);
  expect(text).not.toMatch(/^ /m);
  // Nothing left dangling where a section dropped out.
  expect(text).not.toMatch(/ [.,;:]|—\s*[.,]|[,;:]\.|\.\./);
}

const nonEmptyLines = (text: string): number => text.split('\n').filter((l) => l.trim() !== '').length;

describe('built-in templates', () => {
  it('has one per purpose, marked built in, with valid subject and body', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => t.purpose)).toEqual([...OUTREACH_PURPOSES]);
    for (const t of BUILT_IN_TEMPLATES) {
      expect(t).toMatchObject({ id: `builtin-${t.purpose}`, builtIn: true, createdAt: null, updatedAt: null });
      expect(t.name.length).toBeGreaterThan(0);
      expect(validateTemplate(t.subject)).toBeNull();
      expect(validateTemplate(t.body)).toBeNull();
    }
  });

  describe.each(BUILT_IN_TEMPLATES.map((t) => [t.id, t] as const))('%s', (_id, template) => {
    it('renders a rich context: short, using everything Waggle knows', () => {
      const { subject, body } = renderDraft(template, rich);
      expectClean(subject);
      expectClean(body);
      expect(subject).not.toContain('\n');
      expect(nonEmptyLines(body)).toBeGreaterThanOrEqual(5);
      expect(nonEmptyLines(body)).toBeLessThanOrEqual(9);
      expect(body.startsWith('Hi Ana,')).toBe(true);
      for (const piece of ['how your team set up its first pilot study', '45', 'at the Physio Society spring meeting', '2 March 2026', 'the Physio Society and the Journal Club', 'a clinical audit of knee rehabilitation outcomes', 'Jo Reyes']) {
        expect(body).toContain(piece);
      }
      // What was learned is a private journal note: never written into a built-in draft.
      expect(body).not.toContain('Small pilot studies open doors');
    });

    it('renders an empty context: the sections drop out cleanly, the interest has a fallback, the time is still asked', () => {
      const { subject, body } = renderDraft(template, empty);
      expectClean(subject);
      expectClean(body);
      expect(nonEmptyLines(body)).toBeGreaterThanOrEqual(4);
      expect(nonEmptyLines(body)).toBeLessThanOrEqual(9);
      expect(body.startsWith('Hi Ana,')).toBe(true);
      expect(body).toContain('20');
      for (const gone of ['we met', 'Thank you again for our', 'both in', 'working on']) expect(body).not.toContain(gone);
      // Paragraphs: greeting, the interest, the ask, the sign-off.
      expect(body.split('\n\n').length).toBeGreaterThanOrEqual(4);
    });
  });

  it('a last exchange without anything learned leaves no thank-you for it', () => {
    for (const template of BUILT_IN_TEMPLATES) {
      const { body } = renderDraft(template, { ...empty, lastExchange: { date: '2 March 2026', learned: null } });
      expectClean(body);
      expect(body).toContain('2 March 2026');
    }
  });

  it('greets without a stray space when the first name is missing', () => {
    for (const template of BUILT_IN_TEMPLATES) {
      const { subject, body } = renderDraft(template, { ...empty, firstName: '' });
      expect(body.startsWith('Hi,')).toBe(true);
      expect(subject).not.toMatch(/ [,?]|,\?/);
    }
  });
});

describe('renderDraft', () => {
  it('is plain text: nothing is HTML-escaped', () => {
    const out = renderDraft({ subject: '{{interest}}', body: 'Hi {{firstName}}, about {{interest}}' }, { ...empty, firstName: 'Zoë <ZoZo>', interest: `R&D "pilots" / O'Brien's = 1` });
    expect(out.subject).toBe(`R&D "pilots" / O'Brien's = 1`);
    expect(out.body).toBe(`Hi Zoë <ZoZo>, about R&D "pilots" / O'Brien's = 1`);
  });

  it('trims trailing spaces, collapses blank lines and keeps the subject on one line', () => {
    const out = renderDraft({ subject: ' Hello\n{{firstName}} ', body: '\n\nA   \n\n\n\n{{#howWeMet}}x{{/howWeMet}}\n\n\nB\t\n' }, empty);
    expect(out).toEqual({ subject: 'Hello Ana', body: 'A\n\nB' });
  });

  it('does not render values as templates', () => {
    expect(renderDraft({ subject: '', body: '{{interest}}' }, { ...empty, interest: '{{firstName}}' }).body).toBe('{{firstName}}');
  });
});

describe('validateTemplate', () => {
  it('accepts what a DraftContext offers', () => {
    for (const ok of [
      'Hi {{firstName}}',
      '{{#lastExchange}}On {{date}}{{#learned}} I learned {{learned}}{{/learned}}{{/lastExchange}}',
      '{{lastExchange.date}}',
      '{{#sharedNetworks}}{{.}}, {{/sharedNetworks}}',
      '{{^interest}}no interest{{/interest}}',
      '{{{interest}}} {{&workingOn}} {{! a comment }}',
      '{{#interest}}{{firstName}}: {{.}}{{/interest}}',
      'no variables at all',
    ]) {
      expect(validateTemplate(ok), ok).toBeNull();
    }
  });

  it('catches an unclosed or unopened section', () => {
    expect(validateTemplate('{{#a}} text')).toMatch(/\{\{#a\}\} is never closed/);
    expect(validateTemplate('{{#interest}}x{{/workingOn}}')).toMatch(/never closed/);
    expect(validateTemplate('text {{/interest}}')).toMatch(/never opened/);
    expect(validateTemplate('Hi {{firstName')).toMatch(/left open/);
  });

  it('catches a name Waggle does not know', () => {
    expect(validateTemplate('{{unknownThing}}')).toMatch(/\{\{unknownThing\}\} is not something Waggle knows; use one of: firstName/);
    expect(validateTemplate('{{#unknownThing}}x{{/unknownThing}}')).toMatch(/unknownThing/);
    expect(validateTemplate('{{lastExchange.when}}')).toMatch(/lastExchange\.when/);
    expect(validateTemplate('{{date}}')).toMatch(/\{\{date\}\}/); // only inside {{#lastExchange}}
    expect(validateTemplate('{{.}}')).toMatch(/inside a section/);
    expect(validateTemplate('{{> signature}}')).toMatch(/partials/);
    expect(validateTemplate('{{constructor}}')).toMatch(/constructor/);
  });
});

describe('buildDraftContext', () => {
  const person = { name: 'Dr Ana Silva', organisation: ' Hospital Norte ', role: null, howMet: 'At the Physio Society spring meeting.', preferredChannel: 'coffee' as const };
  const profile = { name: 'Jo Reyes', workingOn: 'A clinical audit of\nknee rehabilitation outcomes. ' };

  it('derives everything a draft may say', () => {
    const context = buildDraftContext(
      person,
      profile,
      [
        { occurredOn: '2026-03-02', learned: 'Small pilot studies open doors.' },
        { occurredOn: '2025-11-10', learned: 'Older lesson' },
      ],
      ['Physio Society', 'Journal Club'],
      { interest: '  How your team set up its first pilot study? ' },
    );
    expect(context).toEqual({
      firstName: 'Ana',
      fullName: 'Dr Ana Silva',
      myName: 'Jo Reyes',
      interest: 'how your team set up its first pilot study',
      minutes: 20,
      channelAsk: 'a 20-minute coffee',
      howWeMet: 'at the Physio Society spring meeting',
      lastExchange: { date: '2 March 2026', learned: 'Small pilot studies open doors' },
      sharedNetworks: ['Physio Society', 'Journal Club'],
      sharedNetworksText: 'the Physio Society and the Journal Club',
      workingOn: 'a clinical audit of knee rehabilitation outcomes',
      organisation: 'Hospital Norte',
      role: null,
    });
  });

  it('falls back to nothing known, and takes the minutes asked for', () => {
    const context = buildDraftContext({ ...person, howMet: '  ', organisation: null, preferredChannel: null }, { name: null, workingOn: null }, [], [], { minutes: 30, interest: '' });
    expect(context).toMatchObject({ interest: null, howWeMet: null, lastExchange: null, sharedNetworks: [], sharedNetworksText: null, workingOn: null, myName: null, minutes: 30, channelAsk: 'a 30-minute call' });
  });

  it('puts how we met in the letter only when it reads as part of a sentence', () => {
    expect(buildDraftContext({ ...person, howMet: 'At the Physio Society spring meeting' }, profile, [], []).howWeMet).toBe('at the Physio Society spring meeting');
    // A note about the person, not a phrase: it stays a note (the service offers it as a reminder).
    expect(buildDraftContext({ ...person, howMet: 'Ben Okafor introduced us' }, profile, [], []).howWeMet).toBeNull();
    expect(buildDraftContext({ ...person, howMet: 'She left the ward for academia' }, profile, [], []).howWeMet).toBeNull();
  });

  it('lowers a working-on note that starts with a verb, to sit mid-sentence', () => {
    expect(buildDraftContext(person, { ...profile, workingOn: 'Revising our service evaluation' }, [], []).workingOn).toBe('revising our service evaluation');
    expect(buildDraftContext(person, { ...profile, workingOn: 'NHS audit of outcomes' }, [], []).workingOn).toBe('NHS audit of outcomes');
  });

  it('helpers: first names, dates, channels, networks in a sentence, lists', () => {
    expect(firstNameOf('Dr. Ana Silva')).toBe('Ana');
    expect(firstNameOf('Bén Okafor, PhD')).toBe('Bén');
    expect(firstNameOf('Prof')).toBe('Prof');
    expect(firstNameOf('Madonna')).toBe('Madonna');
    expect(writtenDate('2026-12-01')).toBe('1 December 2026');
    for (const channel of [...CHANNELS, null]) expect(channelAsk(channel, 25)).toContain('25');
    expect(networkInSentence('Physio Society')).toBe('the Physio Society');
    expect(networkInSentence('University of Porto')).toBe('the University of Porto');
    expect(networkInSentence('The Journal Club')).toBe('The Journal Club');
    expect(networkInSentence('LinkedIn')).toBe('LinkedIn');
    expect(networkInSentence('Hospital Norte')).toBe('Hospital Norte');
    expect(listText([])).toBeNull();
    expect(listText(['A'])).toBe('A');
    expect(listText(['A', 'B', 'C'])).toBe('A, B and C');
    expect(listText(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C and 2 more');
  });

  it('shares only the networks both are in, most important first', () => {
    const network = (name: string, role: NetworkRole, importance: number): Network => ({
      id: `net_${name}`,
      name,
      kind: 'other',
      role,
      strength: 1,
      importance,
      hoursPerMonth: 0,
      url: null,
      notes: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(
      sharedNetworkNames([
        { network: network('Journal Club', 'member', 2), role: null },
        { network: network('Physio Society', 'lurker', 4), role: 'committee' },
        { network: network('Sports Med Forum', 'want-to-join', 5), role: 'member' },
        { network: network('Old Alumni', 'left', 5), role: 'member' },
        { network: network('Runners', 'member', 5), role: 'left' },
      ]),
    ).toEqual(['Physio Society', 'Journal Club']);
  });
});

describe('properties', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'b', 'Z', '1', ' ', ' ', '\n', '<', '>', '&', '"', "'", '`', '=', '/', 'é', '🐝', '—'), maxLength: 30 });
  const context: fc.Arbitrary<DraftContext> = fc.record({
    firstName: text,
    fullName: text,
    myName: fc.option(text),
    interest: fc.option(text),
    minutes: fc.integer({ min: 1, max: 480 }),
    channelAsk: text,
    howWeMet: fc.option(text),
    lastExchange: fc.option(fc.record({ date: text, learned: fc.option(text) })),
    sharedNetworks: fc.array(text, { maxLength: 4 }),
    sharedNetworksText: fc.option(text),
    workingOn: fc.option(text),
    organisation: fc.option(text),
    role: fc.option(text),
  });
  const everything = {
    subject: '{{firstName}} {{interest}}',
    body: '{{firstName}} {{fullName}} {{myName}} {{interest}} {{minutes}} {{channelAsk}} {{howWeMet}} {{#lastExchange}}{{date}} {{learned}}{{/lastExchange}} {{#sharedNetworks}}{{.}}{{/sharedNetworks}} {{sharedNetworksText}} {{workingOn}} {{organisation}} {{role}}',
  };

  it('any context renders as plain text: no HTML entities, no "undefined", tidy whitespace', () => {
    fc.assert(
      fc.property(context, (ctx) => {
        for (const template of [...BUILT_IN_TEMPLATES, everything]) {
          const { subject, body } = renderDraft(template, ctx);
          for (const out of [subject, body]) {
            expect(out).not.toMatch(/&(amp|lt|gt|quot|#39|#x2F|#x60|#x3D);/);
            expect(out).not.toContain('undefined');
            expect(out).not.toMatch(/\n{3,}/);
            expect(out).not.toMatch(/[ \t]$/m);
            expect(out).toBe(out.trim());
          }
          expect(subject).not.toContain('\n');
          for (const c of ctx.firstName) if ('<>&"\'`=/🐝'.includes(c)) expect(body).toContain(c);
        }
      }),
    );
  });

  it('a context built from any record reads cleanly in every built-in', () => {
    const isoDate = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.record({ name: text, organisation: fc.option(text), role: fc.option(text), howMet: fc.option(text), preferredChannel: fc.option(fc.constantFrom(...CHANNELS)) }),
        fc.record({ name: fc.option(text), workingOn: fc.option(text) }),
        fc.array(fc.record({ occurredOn: isoDate, learned: fc.option(text) }), { maxLength: 3 }),
        fc.array(text, { maxLength: 5 }),
        fc.record({ interest: fc.option(text), minutes: fc.integer({ min: 5, max: 240 }) }),
        (person, profile, exchanges, networks, options) => {
          const ctx = buildDraftContext(person, profile, exchanges, networks, options);
          for (const template of BUILT_IN_TEMPLATES) {
            const { subject, body } = renderDraft(template, ctx);
            for (const out of [subject, body]) {
              expect(out).not.toContain('undefined');
              expect(out).not.toMatch(/ {2}/);
              expect(out).not.toMatch(/^ /m);
            }
            expect(body).toContain(String(options.minutes));
          }
        },
      ),
    );
  });
});
