import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, buildDraftContext, renderDraft } from './outreach.js';
import type { OutreachPurpose } from './vocabulary.js';
import { OUTREACH_PURPOSES } from './vocabulary.js';

/** The sentence in which each purpose states what it asks for. */
const REQUEST: Record<OutreachPurpose, RegExp> = {
  'expert-opinion': /I would really value your opinion/,
  'learn-solution': /I would love to learn/,
  'explore-collaboration': /I would (?:like|love) to explore/,
  'navigate-situation': /I would be grateful for your advice/,
  interview: /I am writing an article/,
  'meet-the-team': /Would you like to come and meet my team\?/,
  'informational-interview': /I would value hearing (?:about|how you got to where you are)/,
  'catching-up': /I would love to catch up/,
  reconnecting: /I would love to reconnect/,
  'thank-you': /^Thank you (?:for|again)/m,
  congratulations: /I wanted to say congratulations/,
  'ask-introduction': /Would you be willing to introduce me to someone/,
  'offer-help': /I would be glad to help/,
};


/** Every optional thing a draft may know, each present or absent. */
const OPTIONAL = ['interest', 'howMet', 'lastExchange', 'learned', 'sharedNetworks', 'workingOn', 'organisation', 'myName', 'channel'] as const;

function contextFor(present: ReadonlySet<(typeof OPTIONAL)[number]>) {
  return buildDraftContext(
    { name: 'Dr Ana Silva', organisation: present.has('organisation') ? 'Hospital Norte' : null, role: null, howMet: present.has('howMet') ? 'at the Physio Society spring meeting' : null, preferredChannel: present.has('channel') ? 'coffee' : null },
    { name: present.has('myName') ? 'Jo Reyes' : null, workingOn: present.has('workingOn') ? 'a pilot study of home rehabilitation' : null },
    present.has('lastExchange') ? [{ occurredOn: '2026-03-02', learned: present.has('learned') ? 'Small pilots open doors' : null }] : [],
    present.has('sharedNetworks') ? ['Physio Society', 'Journal Club'] : [],
    present.has('interest') ? { interest: 'how you moved from the wards into research' } : {},
  );
}

describe('every built-in purpose with every combination of what is known', () => {
  const combinations = 1 << OPTIONAL.length;
  it(`renders ${OUTREACH_PURPOSES.length} purposes × ${combinations} combinations with no empty slot, no doubled word, and the request stated`, () => {
    let drafts = 0;
    for (const template of BUILT_IN_TEMPLATES) {
      for (let mask = 0; mask < combinations; mask++) {
        const present = new Set(OPTIONAL.filter((_, i) => mask & (1 << i)));
        const context = contextFor(present);
        const { subject, body } = renderDraft(template, context);
        const where = `${template.purpose} with ${[...present].join(', ') || 'nothing'}`;
        const text = `${subject}\n${body}`;
        // No slot left empty: no placeholder, no "undefined"/"null", no space before punctuation, no empty pair of dashes or colon at a sentence's end.
        expect(text, where).not.toMatch(/\{\{|\}\}|undefined|null|NaN/);
        expect(text, where).not.toMatch(/ [.,;:!?]/);
        expect(text, where).not.toMatch(/— —|—\s*\.|:\s*\.|:\s*$|\(\s*\)|\bat\s*[.,]|\babout\s*[.,]/m);
        expect(text, where).not.toMatch(/ {2,}/);
        expect(text, where).not.toMatch(/\n\n\n/);
        // No doubled word ("the the", "you you").
        expect(text, where).not.toMatch(/\b(\p{L}+)\s+\1\b/iu);
        // The request, and the time asked for, are said.
        expect(body, where).toMatch(REQUEST[template.purpose]);
        expect(body, where).toMatch(/20 minutes|20-minute|about 20/);
        // The sign-off carries the name when known, and nothing stands in for it when not.
        if (present.has('myName')) expect(body.split('\n').at(-1), where).toBe('Jo Reyes');
        else expect(body.split('\n').at(-1), where).toMatch(/[,]$/);
        if (present.has('interest')) expect(body, where).toContain('how you moved from the wards into research');
        drafts++;
      }
    }
    expect(drafts).toBe(OUTREACH_PURPOSES.length * combinations);
  });

  it('places a "how …" interest where it reads as the object of the sentence, not after a colon', () => {
    for (const template of BUILT_IN_TEMPLATES) {
      const { body } = renderDraft(template, contextFor(new Set(['interest'])));
      expect(body, template.purpose).not.toMatch(/: how you moved/);
    }
  });
});
