import type { OutreachPurpose } from '../../src/core/vocabulary.js';

// The closed sets, their types and the score ranges come from the core, the one home the contract
// also reads them from, so the browser offers exactly what the API accepts. (The contract itself is
// zod schemas, which stay on the server: the web imports only its types, see eslint.config.js.)
export * from '../../src/core/vocabulary.js';

/** The word if it is one of `words` (a choice read back from a select or an address), else undefined. */
export function oneOf<W extends string>(words: readonly W[], value: string | null | undefined): W | undefined {
  return words.find((word) => word === value);
}

/** A vocabulary word as a reader would say it: "call-any-time" → "call any time". */
export function spoken(word: string): string {
  return word.replace(/-/g, ' ');
}

/** The outreach purposes as the draft form offers them: "interview" alone would not say for what. */
export const PURPOSE_WORDS: Record<OutreachPurpose, string> = {
  'expert-opinion': 'ask an expert’s opinion',
  'learn-solution': 'learn how they solved a problem',
  'explore-collaboration': 'explore a collaboration',
  'navigate-situation': 'ask advice on a situation',
  interview: 'interview them for an article',
  'meet-the-team': 'invite them to meet the team',
  'informational-interview': 'informational interview: hear how they got there',
  'catching-up': 'catch up',
  reconnecting: 'reconnect after a long silence',
  'thank-you': 'say thank you',
  congratulations: 'congratulate them',
  'ask-introduction': 'ask for an introduction',
  'offer-help': 'offer help',
};

/** What the draft form's free text means for each purpose: the same field reads as the thanks, the news, the topic… */
export const PURPOSE_INTEREST_WORDS: Record<OutreachPurpose, string> = {
  'expert-opinion': 'What you would like their opinion on',
  'learn-solution': 'What you would like to learn from them',
  'explore-collaboration': 'What the idea is about',
  'navigate-situation': 'What you need advice on',
  interview: 'What the article is about',
  'meet-the-team': 'What the team would like to hear about',
  'informational-interview': 'What you would like to hear about their path',
  'catching-up': 'What you are curious about',
  reconnecting: 'What you would like to hear about',
  'thank-you': 'What you thank them for',
  congratulations: 'What you congratulate them on',
  'ask-introduction': 'The topic you would like an introduction for',
  'offer-help': 'What you could help with',
};

/** What the 0–5 strength of a tie means (PRODUCT.md, "Map"). */
export const STRENGTH_WORDS = ['0 · none', '1 · weak', '2 · acquainted', '3 · met and in touch', '4 · close', '5 · call any time'] as const;
/** What the 0–5 importance means for the user's goals. */
export const IMPORTANCE_WORDS = ['0 · not judged', '1 · little', '2 · some', '3 · important', '4 · very important', '5 · essential'] as const;

/** Cadences offered in forms; the API also accepts compact forms like 6w. */
export const CADENCES = [
  ['', 'no rhythm'],
  ['1w', 'weekly'],
  ['2w', 'fortnightly'],
  ['1m', 'monthly'],
  ['2m', 'every two months'],
  ['3m', 'quarterly'],
  ['6m', 'twice a year'],
  ['1y', 'yearly'],
] as const;

/** The longest search the API takes (the contract's MAX_SEARCH_LENGTH; the web may import only its types): a box holds no more, so a pasted page never meets a 400. */
export const SEARCH_MAX_LENGTH = 200;
