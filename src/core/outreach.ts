import { firstNameOf } from './names.js';
import Mustache, { type TemplateSpans } from 'mustache';
import type { IsoDate } from './dates.js';
import type { Exchange, Network, OutreachTemplate, Person, Profile } from './model.js';
import type { Channel, NetworkRole, OutreachPurpose } from './vocabulary.js';

/**
 * Outreach drafts: a short, editable message to one person for one purpose,
 * stating the interest and the time asked for, filled from what Waggle knows
 * (how we met, the last exchange and what was learned then, the networks we
 * share, what the user is working on now). Templates are Mustache over a
 * `DraftContext`; the built-ins below are ours, the user's own are stored.
 */

/** What a template can say. Text fields are single-line phrases, trimmed, without a closing full stop. */
export interface DraftContext {
  /** The first name to greet ("Ana" for "Dr Ana Silva"). */
  firstName: string;
  fullName: string;
  /** The user's own name, to sign with. */
  myName: string | null;
  /** What the user would like to talk about; reads after "about" or a colon ("how your team set up its first pilot"). */
  interest: string | null;
  /** The time asked for, in minutes. */
  minutes: number;
  /** The time asked for, as the person likes to meet: "a 20-minute call", "a 20-minute coffee" … */
  channelAsk: string;
  /** How we met, in the user's words ("at the Physio Society spring meeting"); templates set it off with dashes. */
  howWeMet: string | null;
  /** The latest exchange: its day written out ("2 March 2026") and what the user learned then. */
  lastExchange: { date: string; learned: string | null } | null;
  /** Names of the networks we are both in, most important first. */
  sharedNetworks: string[];
  /** The same as running text: "the Physio Society and the Journal Club". */
  sharedNetworksText: string | null;
  /** What the user is working on now (working out loud). */
  workingOn: string | null;
  organisation: string | null;
  role: string | null;
}

/** Minutes asked for when none are given: short enough to say yes to. */
export const DEFAULT_MINUTES = 20;

const GREETING = 'Hi{{#firstName}} {{firstName}}{{/firstName}},';

const lines = (...text: string[]): string => text.join('\n');

const builtIn = (purpose: OutreachPurpose, name: string, subject: string, body: string): OutreachTemplate => ({
  id: `builtin-${purpose}`,
  purpose,
  name,
  subject,
  body,
  builtIn: true,
  createdAt: null,
  updatedAt: null,
});

/** Waggle's own templates, one per purpose. Users copy one to make it theirs. */
export const BUILT_IN_TEMPLATES: OutreachTemplate[] = [
  builtIn(
    'expert-opinion',
    'Ask an expert’s opinion',
    'Could I ask your opinion{{#firstName}}, {{firstName}}{{/firstName}}?',
    lines(
      GREETING,
      '',
      '{{#howWeMet}}Ever since we met — {{howWeMet}} — I have hoped for a chance to ask your view on something. {{/howWeMet}}' +
        '{{#lastExchange}}Thank you again for our conversation on {{date}}. {{/lastExchange}}' +
        '{{#sharedNetworksText}}As we are both in {{sharedNetworksText}}, I hope you will not mind me asking.{{/sharedNetworksText}}',
      '',
      '{{#interest}}I would really value your opinion on {{interest}}.{{/interest}}' +
        '{{^interest}}There is a question in your field on which I would really value your opinion.{{/interest}} ' +
        '{{#workingOn}}For context, this is what I am working on now: {{workingOn}}.{{/workingOn}}',
      '',
      'Would you have time for {{channelAsk}} in the next few weeks? I will send my questions beforehand so that we keep to time.',
      '',
      'Best wishes,',
      '{{myName}}',
    ),
  ),
  builtIn(
    'learn-solution',
    'Learn how they solved a problem',
    'Could I learn from your experience{{#firstName}}, {{firstName}}{{/firstName}}?',
    lines(
      GREETING,
      '',
      '{{#howWeMet}}It has been good to know you since we met — {{howWeMet}}. {{/howWeMet}}' +
        '{{#lastExchange}}I hope all is well since we spoke on {{date}}. {{/lastExchange}}' +
        '{{#sharedNetworksText}}It is good to see us both in {{sharedNetworksText}}.{{/sharedNetworksText}}',
      '',
      '{{#interest}}You have tackled something I am facing now, and I would love to learn about {{interest}}{{#organisation}} at {{organisation}}{{/organisation}}: what worked, and what you would do differently.{{/interest}}' +
        '{{^interest}}You have solved a problem I am facing now{{#organisation}} at {{organisation}}{{/organisation}}, and I would love to learn how you went about it: what worked, and what you would do differently.{{/interest}} ' +
        '{{#workingOn}}In case it helps, here is what I am working on: {{workingOn}}.{{/workingOn}}',
      '',
      'Would you be open to {{channelAsk}} in the coming weeks? Whatever time suits you will suit me.',
      '',
      'With thanks,',
      '{{myName}}',
    ),
  ),
  builtIn(
    'explore-collaboration',
    'Explore a collaboration',
    'An idea we might work on together',
    lines(
      GREETING,
      '',
      '{{#howWeMet}}I have thought of you often since we met — {{howWeMet}}. {{/howWeMet}}' +
        '{{#lastExchange}}It was good to talk on {{date}}. {{/lastExchange}}' +
        '{{#sharedNetworksText}}With both of us in {{sharedNetworksText}}, I suspect our interests overlap more than we have had time to find out.{{/sharedNetworksText}}',
      '',
      // The interest reads as what the idea is about ("about how you moved into research"), not after a colon.
        '{{#interest}}I have an idea I would like to explore with you, about {{interest}}.{{/interest}}' +
        '{{^interest}}I have an idea for something we could do together, and I would love to explore it with you.{{/interest}}' +
        '{{#workingOn}} It grows out of what I am working on now: {{workingOn}}.{{/workingOn}}' +
        ' No commitment: I would simply like to hear whether it interests you{{#organisation}} and how it might fit with your work at {{organisation}}{{/organisation}}.',
      '',
      'Would you have time for {{channelAsk}} to talk it through?',
      '',
      'All the best,',
      '{{myName}}',
    ),
  ),
  builtIn(
    'navigate-situation',
    'Ask advice on a situation',
    'Could I ask your advice{{#firstName}}, {{firstName}}{{/firstName}}?',
    lines(
      GREETING,
      '',
      '{{#howWeMet}}I have valued knowing you since we met — {{howWeMet}}. {{/howWeMet}}' +
        '{{#lastExchange}}Thank you again for your time on {{date}}. {{/lastExchange}}' +
        '{{#sharedNetworksText}}As we are both in {{sharedNetworksText}}, I suspect you know the terrain better than most.{{/sharedNetworksText}}',
      '',
      '{{#interest}}I am working out how to handle a situation, and I would be grateful for your advice on {{interest}}.{{/interest}}' +
        '{{^interest}}I am working out how to handle a situation you have probably seen before, and I would be grateful for your advice.{{/interest}} ' +
        '{{#workingOn}}For background, this is what I am working on now: {{workingOn}}.{{/workingOn}}',
      '',
      'Would you have time for {{channelAsk}} soon? Even a few pointers would help a great deal.',
      '',
      'Thank you,',
      '{{myName}}',
    ),
  ),
  builtIn(
    'interview',
    'Interview them for an article',
    'Could I interview you for an article?',
    lines(
      GREETING,
      '',
      '{{#howWeMet}}You came to mind at once: I still remember our conversation when we met — {{howWeMet}}. {{/howWeMet}}' +
        '{{#lastExchange}}Thank you for your time on {{date}}. {{/lastExchange}}' +
        '{{#sharedNetworksText}}I think people in {{sharedNetworksText}} would find your view especially useful.{{/sharedNetworksText}}',
      '',
      '{{#interest}}I am writing an article on {{interest}}, and I would love to include your perspective.{{/interest}}' +
        '{{^interest}}I am writing an article in your area, and I would love to include your perspective.{{/interest}}' +
        '{{#workingOn}} It is part of what I am working on now: {{workingOn}}.{{/workingOn}}' +
        ' I would send the questions in advance and show you any quotes before anything is published.',
      '',
      'Would you have time for {{channelAsk}} for the interview?',
      '',
      'Thank you for considering it,',
      '{{myName}}',
    ),
  ),
  builtIn(
    'meet-the-team',
    'Invite them to meet the team',
    'An invitation to meet my team',
    lines(
      GREETING,
      '',
      '{{#howWeMet}}I have been meaning to write since we met — {{howWeMet}}. {{/howWeMet}}' +
        '{{#lastExchange}}Thank you again for our conversation on {{date}}. {{/lastExchange}}' +
        '{{#sharedNetworksText}}We are both in {{sharedNetworksText}}, and I think my team would learn a lot from your experience there.{{/sharedNetworksText}}',
      '',
      'Would you like to come and meet my team? ' +
        '{{#interest}}We would love to hear about {{interest}}.{{/interest}}' +
        '{{^interest}}We would love to hear about your work and how you approach it.{{/interest}} ' +
        '{{#workingOn}}It ties in with what I am working on now: {{workingOn}}.{{/workingOn}}',
      '',
      'It would take about {{minutes}} minutes of your time, in person or by video, whichever suits you better.',
      '',
      'Warm regards,',
      '{{myName}}',
    ),
  ),
  builtIn(
    'informational-interview',
    'Informational interview: hear how they got there',
    'Could I hear about your path{{#firstName}}, {{firstName}}{{/firstName}}?',
    lines(
      GREETING,
      '',
      '{{#howWeMet}}I have remembered our conversation ever since we met — {{howWeMet}}. {{/howWeMet}}' +
        '{{#lastExchange}}Thank you again for your time on {{date}}. {{/lastExchange}}' +
        '{{#sharedNetworksText}}As we are both in {{sharedNetworksText}}, I hope you will not mind me asking.{{/sharedNetworksText}}',
      '',
      // Not an interview for an article: the user asks to hear their story, to learn from it.
      '{{#interest}}I am thinking about my own next step, and I would value hearing about {{interest}}{{#organisation}} and your work at {{organisation}}{{/organisation}}.{{/interest}}' +
        '{{^interest}}I am thinking about my own next step, and I would value hearing how you got to where you are{{#organisation}} at {{organisation}}{{/organisation}}.{{/interest}}' +
        '{{#workingOn}} For context, this is what I am working on now: {{workingOn}}.{{/workingOn}}' +
        ' I am not asking for a job, only for your story and any advice you would give someone starting out.',
      '',
      'Would you have time for {{channelAsk}} in the coming weeks? I will keep to time.',
      '',
      'With thanks,',
      '{{myName}}',
    ),
  ),
  builtIn(
    'catching-up',
    'Catch up',
    'Time to catch up{{#firstName}}, {{firstName}}{{/firstName}}?',
    lines(
      GREETING,
      '',
      // What was learned is a private journal note: a built-in draft never quotes it.
      '{{#howWeMet}}I have been thinking of you since we met — {{howWeMet}}. {{/howWeMet}}' +
        '{{#lastExchange}}It has been a while since we last spoke, on {{date}}. {{/lastExchange}}' +
        '{{#sharedNetworksText}}It is good to see us both still in {{sharedNetworksText}}.{{/sharedNetworksText}}',
      '',
      'I would love to catch up and hear how things are going for you{{#organisation}} at {{organisation}}{{/organisation}}.' +
        '{{#interest}} I am especially curious about {{interest}}.{{/interest}}' +
        '{{#workingOn}} On my side, I am working on {{workingOn}}, and would be glad to tell you more.{{/workingOn}}',
      '',
      'Would you have time for {{channelAsk}} soon?',
      '',
      'All the best,',
      '{{myName}}',
    ),
  ),
  builtIn(
    'reconnecting',
    'Reconnect after a long silence',
    'It has been too long{{#firstName}}, {{firstName}}{{/firstName}}',
    lines(
      GREETING,
      '',
      // After a long silence the letter owns the gap plainly, without apologising at length.
      '{{#lastExchange}}I realise we have not been in touch since {{date}}, far too long. {{/lastExchange}}' +
        '{{^lastExchange}}I realise it has been far too long since we were last in touch. {{/lastExchange}}' +
        '{{#howWeMet}}I still think of our first conversation, when we met — {{howWeMet}}. {{/howWeMet}}' +
        '{{#sharedNetworksText}}Seeing your name in {{sharedNetworksText}} reminded me to write.{{/sharedNetworksText}}',
      '',
      'I would love to reconnect and hear what you are doing now{{#organisation}} at {{organisation}}{{/organisation}}.' +
        '{{#interest}} I would especially like to hear about {{interest}}.{{/interest}}' +
        '{{#workingOn}} On my side, I am working on {{workingOn}}.{{/workingOn}}',
      '',
      'Would you have time for {{channelAsk}} in the coming weeks? No agenda, just to pick up where we left off.',
      '',
      'Warm wishes,',
      '{{myName}}',
    ),
  ),
  builtIn(
    'thank-you',
    'Say thank you',
    'Thank you{{#firstName}}, {{firstName}}{{/firstName}}',
    lines(
      GREETING,
      '',
      // A thank-you asks for nothing: it names what helped and offers time in return.
      '{{#interest}}Thank you for everything you shared about {{interest}}.{{/interest}}' +
        '{{^interest}}Thank you for your help and your time.{{/interest}}' +
        '{{#lastExchange}} Our conversation on {{date}} has stayed with me.{{/lastExchange}}' +
        '{{#howWeMet}} I am glad we met — {{howWeMet}}.{{/howWeMet}}',
      '',
      '{{#workingOn}}It has already made a difference to what I am working on: {{workingOn}}. {{/workingOn}}' +
        '{{#sharedNetworksText}}I hope to see you soon in {{sharedNetworksText}}. {{/sharedNetworksText}}' +
        'If ever I can return the favour{{#organisation}}, for you or anyone at {{organisation}}{{/organisation}}, I would gladly give {{minutes}} minutes of my time, or more: just say.',
      '',
      'With many thanks,',
      '{{myName}}',
    ),
  ),
  builtIn(
    'congratulations',
    'Congratulate them',
    'Congratulations{{#firstName}}, {{firstName}}{{/firstName}}!',
    lines(
      GREETING,
      '',
      '{{#interest}}I have just heard about {{interest}}, and I wanted to say congratulations: it is richly deserved.{{/interest}}' +
        '{{^interest}}I have just heard your good news, and I wanted to say congratulations: it is richly deserved.{{/interest}}' +
        '{{#howWeMet}} I have followed your work with interest since we met — {{howWeMet}}.{{/howWeMet}}' +
        '{{#sharedNetworksText}} I am sure everyone in {{sharedNetworksText}} is delighted too.{{/sharedNetworksText}}',
      '',
      '{{#lastExchange}}Our conversation on {{date}} is still fresh in my mind. {{/lastExchange}}' +
        'If you have time for {{channelAsk}} once things settle{{#organisation}} at {{organisation}}{{/organisation}}, I would love to hear the story behind it.' +
        '{{#workingOn}} I am working on {{workingOn}} myself, and would be glad to tell you about it.{{/workingOn}}',
      '',
      'With warm congratulations,',
      '{{myName}}',
    ),
  ),
  builtIn(
    'ask-introduction',
    'Ask for an introduction',
    'Could you introduce me{{#firstName}}, {{firstName}}{{/firstName}}?',
    lines(
      GREETING,
      '',
      '{{#howWeMet}}I have valued knowing you since we met — {{howWeMet}}. {{/howWeMet}}' +
        '{{#lastExchange}}Thank you again for our conversation on {{date}}. {{/lastExchange}}' +
        '{{#sharedNetworksText}}You know {{sharedNetworksText}} better than almost anyone I know.{{/sharedNetworksText}}',
      '',
      // The interest is the topic the introduction is for; the person introduced is theirs to choose.
      '{{#interest}}Would you be willing to introduce me to someone who could tell me more about {{interest}}?{{/interest}}' +
        '{{^interest}}Would you be willing to introduce me to someone in your network whose work you think I should know?{{/interest}}' +
        '{{#organisation}} Someone at {{organisation}} or well beyond it would be wonderful.{{/organisation}}' +
        '{{#workingOn}} It would help with what I am working on now: {{workingOn}}.{{/workingOn}}',
      '',
      'I would ask them for no more than {{minutes}} minutes, and I am happy to send a short note you can forward, so that it takes you a minute at most.',
      '',
      'With thanks,',
      '{{myName}}',
    ),
  ),
  builtIn(
    'offer-help',
    'Offer help',
    'Could I help{{#firstName}}, {{firstName}}{{/firstName}}?',
    lines(
      GREETING,
      '',
      '{{#howWeMet}}I have been thinking of you since we met — {{howWeMet}}. {{/howWeMet}}' +
        '{{#lastExchange}}Thank you again for our conversation on {{date}}. {{/lastExchange}}' +
        '{{#sharedNetworksText}}As we are both in {{sharedNetworksText}}, I hope this is welcome.{{/sharedNetworksText}}',
      '',
      // Giving first: the offer is concrete and easy to decline.
      '{{#interest}}I have been thinking about {{interest}}, and I would be glad to help if I can{{/interest}}' +
        '{{^interest}}I would be glad to help with whatever you are busy with{{#organisation}} at {{organisation}}{{/organisation}}{{/interest}}' +
        ': with time, a resource, or an introduction.' +
        '{{#workingOn}} What I am working on now may be useful to you: {{workingOn}}.{{/workingOn}}',
      '',
      'If {{channelAsk}} would be useful, just say when. And if not, no reply is needed.',
      '',
      'All the best,',
      '{{myName}}',
    ),
  ),
];

const BUILT_IN_BY_ID = new Map(BUILT_IN_TEMPLATES.map((t) => [t.id, t]));

/** The built-in template with this id, if it is one. */
export function builtInTemplate(id: string): OutreachTemplate | undefined {
  return BUILT_IN_BY_ID.get(id);
}

/** The built-in template for a purpose. */
export function builtInTemplateFor(purpose: OutreachPurpose): OutreachTemplate {
  const template = BUILT_IN_BY_ID.get(`builtin-${purpose}`);
  if (!template) throw new Error(`no built-in outreach template for ${purpose}`);
  return template;
}

// ---------------------------------------------------------------------------
// Rendering

/** Plain text: values go in as they are, never HTML-escaped. */
const PLAIN_TEXT = { escape: (value: unknown): string => String(value) };

/** A writer of our own for each call: Mustache's shared one would cache every template it ever saw. */
const writer = (): Mustache.Writer => new Mustache.Writer();

/**
 * Fills a template. Empty sections leave no gaps behind: trailing spaces go,
 * runs of blank lines shrink to one, and the subject is kept to one line.
 */
export function renderDraft(template: Pick<OutreachTemplate, 'subject' | 'body'>, context: DraftContext): { subject: string; body: string } {
  const subject = writer().render(template.subject, context, undefined, PLAIN_TEXT).replace(/\s+/g, ' ').trim();
  const body = writer().render(template.body, context, undefined, PLAIN_TEXT)
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { subject, body };
}

// ---------------------------------------------------------------------------
// Validation

/** The names a template may use: each leaf, the fields of an object, or a list (of strings, read with `{{.}}`). */
type Shape = 'text' | 'list' | { readonly [name: string]: Shape };

const CONTEXT_SHAPE: { readonly [K in keyof DraftContext]: Shape } = {
  firstName: 'text',
  fullName: 'text',
  myName: 'text',
  interest: 'text',
  minutes: 'text',
  channelAsk: 'text',
  howWeMet: 'text',
  lastExchange: { date: 'text', learned: 'text' },
  sharedNetworks: 'list',
  sharedNetworksText: 'text',
  workingOn: 'text',
  organisation: 'text',
  role: 'text',
};

/** The names a template may use, for help texts. */
export const TEMPLATE_VARIABLES = Object.keys(CONTEXT_SHAPE) as (keyof DraftContext)[];

type Token = TemplateSpans[number];
type Scope = { readonly [name: string]: Shape };

function resolve(name: string, scopes: readonly Scope[], inSection: boolean): Shape | undefined {
  if (name === '.') return inSection ? 'text' : undefined;
  const [first, ...rest] = name.split('.');
  if (first === undefined || first === '') return undefined;
  let shape: Shape | undefined;
  for (let i = scopes.length - 1; i >= 0 && shape === undefined; i--) {
    const scope = scopes[i];
    if (scope && Object.hasOwn(scope, first)) shape = scope[first];
  }
  for (const part of rest) {
    if (shape === undefined || typeof shape === 'string' || !Object.hasOwn(shape, part)) return undefined;
    shape = shape[part];
  }
  return shape;
}

function walk(tokens: readonly Token[], scopes: readonly Scope[], inSection: boolean): string | null {
  for (const token of tokens) {
    const [type, name] = token;
    if (type === '>') return `partials ({{> ${name}}}) are not supported`;
    if (type !== 'name' && type !== '&' && type !== '#' && type !== '^') continue;
    const shape = resolve(name, scopes, inSection);
    if (shape === undefined) {
      return name === '.'
        ? '{{.}} only means something inside a section, such as {{#sharedNetworks}}{{.}}{{/sharedNetworks}}'
        : `{{${name}}} is not something Waggle knows; use one of: ${TEMPLATE_VARIABLES.join(', ')}`;
    }
    const children = token[4];
    if ((type === '#' || type === '^') && Array.isArray(children)) {
      const inner = type === '#' ? [...scopes, typeof shape === 'string' ? {} : shape] : scopes;
      const problem = walk(children, inner, inSection || type === '#');
      if (problem) return problem;
    }
  }
  return null;
}

/** What is wrong with a template (a section left open, a name Waggle does not know), or null when it is fine. */
export function validateTemplate(text: string): string | null {
  let tokens: TemplateSpans;
  try {
    tokens = writer().parse(text) as TemplateSpans;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unclosed = /^Unclosed section "(.*)" at \d+$/.exec(message);
    if (unclosed) return `the section {{#${unclosed[1]}}} is never closed; end it with {{/${unclosed[1]}}}`;
    const unopened = /^Unopened section "(.*)" at \d+$/.exec(message);
    if (unopened) return `{{/${unopened[1]}}} closes a section that was never opened`;
    if (message.startsWith('Unclosed tag')) return 'a tag is left open; close it with }}';
    return `cannot be read as a template: ${message}`;
  }
  return walk(tokens, [CONTEXT_SHAPE], false);
}

// ---------------------------------------------------------------------------
// The context

/** One line, single-spaced; blank is null. */
function inline(text: string | null | undefined): string | null {
  const line = (text ?? '').replace(/\s+/g, ' ').trim();
  return line === '' ? null : line;
}

/** One line without closing punctuation, to sit inside a sentence of ours. */
function phrase(text: string | null | undefined): string | null {
  return inline(inline(text)?.replace(/[\s.,;:!?…]+$/u, ''));
}

/** Lower-cases a leading word that only starts a sentence ("At the meeting" → "at the meeting"), never a name. */
function lowerLead(text: string | null, words: ReadonlySet<string>): string | null {
  if (text === null) return null;
  const first = /^[A-Za-z]+/.exec(text)?.[0];
  return first && words.has(first.toLowerCase()) && first !== first.toLowerCase() ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** Whether a how-we-met note starts like a phrase that can follow "since we met". */
export function readsAsPhrase(text: string | null): boolean {
  const first = text?.trim().split(/\s+/)[0]?.toLowerCase().replace(/[^\p{L}]/gu, '');
  return first !== undefined && first !== '' && LINKING_WORDS.has(first);
}

/** "Revising the paper" → "revising the paper", to sit mid-sentence; names and acronyms keep their capitals. */
function lowerGerund(text: string | null): string | null {
  return text && /^\p{Lu}\p{Ll}+ing\b/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

const LINKING_WORDS = new Set(['at', 'in', 'on', 'through', 'via', 'during', 'when', 'while', 'after', 'before', 'from', 'over', 'by', 'thanks', 'as', 'back', 'years', 'last', 'this', 'a', 'an', 'the', 'our', 'my']);
const LEADING_ARTICLES = new Set(['a', 'an', 'the', 'my', 'our', 'some', 'how', 'what', 'why', 'whether', 'ways']);

export { firstNameOf };

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-03-02" → "2 March 2026". */
export function writtenDate(date: IsoDate): string {
  const [year, month, day] = date.split('-').map(Number);
  const monthName = MONTH_NAMES[(month ?? 0) - 1];
  return monthName && year && day ? `${day} ${monthName} ${year}` : date;
}

/** The time asked for, in the way the person likes to meet. */
export function channelAsk(channel: Channel | null, minutes: number): string {
  switch (channel) {
    case 'coffee':
      return `a ${minutes}-minute coffee`;
    case 'lunch':
      return `a short lunch (about ${minutes} minutes)`;
    case 'video':
      return `a ${minutes}-minute video call`;
    case 'email':
      return `a few questions by email (about ${minutes} minutes of your time)`;
    case 'social-media':
      return `a ${minutes}-minute chat`;
    case 'event':
      return `${minutes} minutes at the next event we both go to`;
    case 'call':
    case null:
      return `a ${minutes}-minute call`;
  }
}

const COLLECTIVE_NOUNS = new Set([
  'society', 'club', 'association', 'network', 'group', 'institute', 'council', 'forum', 'community', 'circle', 'guild', 'federation', 'union',
  'foundation', 'alliance', 'collective', 'chapter', 'committee', 'conference', 'summit', 'meetup', 'consortium', 'initiative', 'lab', 'academy',
  'trust', 'programme', 'program', 'project', 'collaborative', 'partnership', 'hub', 'cohort', 'board',
]);
const OF_NOUNS = new Set(['university', 'college', 'institute', 'society', 'association', 'academy', 'faculty', 'school', 'department', 'royal', 'friends']);

/** A network's name as it reads in a sentence: "the Physio Society", "the University of Porto", but "LinkedIn", "Hospital Norte". */
export function networkInSentence(name: string): string {
  const words = name.trim().split(/\s+/);
  const first = words[0]?.toLowerCase() ?? '';
  const last = words[words.length - 1]?.toLowerCase() ?? '';
  if (first === 'the') return name.trim();
  const collective = words.length >= 2 && COLLECTIVE_NOUNS.has(last);
  const ofForm = words.length >= 3 && OF_NOUNS.has(first) && words.some((w) => w.toLowerCase() === 'of');
  return collective || ofForm ? `the ${name.trim()}` : name.trim();
}

/** "A", "A and B", "A, B and C"; beyond three, "A, B, C and 2 more". */
export function listText(items: readonly string[]): string | null {
  if (items.length === 0) return null;
  const shown = items.length > 3 ? [...items.slice(0, 3), `${items.length - 3} more`] : [...items];
  if (shown.length === 1) return shown[0] ?? null;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

const OUTSIDE: ReadonlySet<NetworkRole> = new Set(['want-to-join', 'left']);

/**
 * The networks the user and the person are both in, most important to the user first:
 * the user is in every network of theirs except those they want to join or have left,
 * and the person likewise by their membership role.
 */
export function sharedNetworkNames(networks: readonly { network: Network; role: NetworkRole | null }[]): string[] {
  const names = networks
    .filter(({ network, role }) => !OUTSIDE.has(network.role) && (role === null || !OUTSIDE.has(role)))
    .map(({ network }) => network)
    .sort((a, b) => b.importance - a.importance || b.strength - a.strength || a.name.localeCompare(b.name))
    .map((n) => n.name.trim());
  return [...new Set(names)];
}

export interface DraftOptions {
  interest?: string | null;
  /** The time to ask for; 20 minutes unless given. */
  minutes?: number;
}

/**
 * Everything a draft may say about a person, from what Waggle knows: the
 * person, the user's profile, the exchanges with the person (latest first) and
 * the names of the networks both are in (see `sharedNetworkNames`).
 */
export function buildDraftContext(
  person: Pick<Person, 'name' | 'organisation' | 'role' | 'howMet' | 'preferredChannel'>,
  profile: Pick<Profile, 'name' | 'workingOn'>,
  exchanges: readonly Pick<Exchange, 'occurredOn' | 'learned'>[],
  sharedNetworks: readonly string[],
  options: DraftOptions = {},
): DraftContext {
  const fullName = inline(person.name) ?? '';
  const minutes = options.minutes !== undefined && Number.isInteger(options.minutes) && options.minutes > 0 ? options.minutes : DEFAULT_MINUTES;
  const last = exchanges[0];
  const networks = sharedNetworks.map((n) => inline(n)).filter((n): n is string => n !== null);
  return {
    firstName: firstNameOf(fullName),
    fullName,
    myName: inline(profile.name),
    interest: lowerLead(phrase(options.interest), LEADING_ARTICLES),
    minutes,
    channelAsk: channelAsk(person.preferredChannel, minutes),
    // Only a how-we-met that reads as part of a sentence ("at the spring meeting")
    // goes into a letter; a note about them ("She left for academia") stays a note.
    howWeMet: readsAsPhrase(person.howMet) ? lowerLead(phrase(person.howMet), LINKING_WORDS) : null,
    lastExchange: last ? { date: writtenDate(last.occurredOn), learned: phrase(last.learned) } : null,
    sharedNetworks: networks,
    sharedNetworksText: listText(networks.map(networkInSentence)),
    workingOn: lowerGerund(lowerLead(phrase(profile.workingOn), LEADING_ARTICLES)),
    organisation: inline(person.organisation),
    role: inline(person.role),
  };
}
