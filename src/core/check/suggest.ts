/**
 * The words of the check's suggestions. Kept in one place so that every part
 * speaks the same way: concrete, kind, and in the person's preferred channel.
 */
import { firstNameOf } from '../names.js';
import type { Goal, Person } from '../model.js';
import type { Channel, PersonCategory } from '../vocabulary.js';
import type { CheckIndex, PersonFacts } from './snapshot-index.js';

/** "Suggest a coffee after the next Royal College meeting", in the person's preferred channel. */
export function meetSuggestion(facts: PersonFacts): string {
  return channelPhrase(facts.person.preferredChannel, facts.sharedNetwork?.name ?? null);
}

export function channelPhrase(channel: Channel | null, networkName: string | null): string {
  const after = networkName ? ` after the next ${networkName} meeting` : '';
  switch (channel) {
    case 'coffee':
      return `Suggest a coffee${after}`;
    case 'lunch':
      return `Suggest lunch${after}`;
    case 'call':
      return 'Ask for a 20-minute call';
    case 'video':
      return 'Propose a short video call';
    case 'email':
      return 'Send a short, personal email';
    case 'social-media':
      return 'Reply to something they posted, then send a direct message';
    case 'event':
      return networkName ? `Arrange to meet at the next ${networkName} event` : 'Arrange to meet at the next event you both attend';
    case null:
      return networkName ? `Suggest a coffee${after}` : 'Suggest a coffee or a short call, whichever suits them';
  }
}

/** A goal named in a sentence: `your goal "get involved in research"`. */
export function goalPhrase(goal: Goal | null): string {
  return goal ? `your goal "${goal.statement}"` : 'where you are heading';
}

/** A clause for working out loud, when the user has said what they are working on. */
export function workingOnClause(index: CheckIndex): string {
  const workingOn = index.snapshot.profile.workingOn?.trim().replace(/[.!]+$/, '');
  if (!workingOn) return '';
  // A long note would swamp the sentence: point to it instead of quoting it.
  return workingOn.length <= 80 ? `, and tell them you are working on ${lowerFirst(workingOn)}` : ', and share what you are working on now';
}

/** "1 hour a month", "3.5 hours a month". */
export function hoursText(hours: number): string {
  return `${hours} hour${hours === 1 ? '' : 's'} a month`;
}


export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** First name for friendlier sentences; the whole name when there is no space. */
export function firstName(person: Person): string {
  return firstNameOf(person.name) || 'them';
}

export const CATEGORY_LABELS: Record<PersonCategory, string> = {
  'department-colleague': 'department colleagues',
  'other-function': 'people in other functions',
  'unrelated-industry': 'people in unrelated industries',
  'author-blogger': 'authors and bloggers',
  'already-valued': 'people you already value',
  'professional-association': 'people from professional associations',
  'leader-in-field': 'leaders in your field',
  'social-media': 'social-media contacts',
};

/** What to do when a checklist category is empty. */
export const CATEGORY_SUGGESTIONS: Record<PersonCategory, string> = {
  'department-colleague': 'Invite one colleague from your own department for a coffee and ask what they are working on.',
  'other-function':
    'Ask a colleague in another function (finance, IT, HR, operations) for 20 minutes to learn how their work touches yours.',
  'unrelated-industry':
    'Talk to someone in an unrelated industry — a neighbour, a friend of a friend — about how they solve a problem you share.',
  'author-blogger':
    'Write to the author of something you found useful this year: say what you used and ask one question.',
  'already-valued':
    'Add the people you already know and value — former colleagues, mentors, friends in the field — to your map.',
  'professional-association':
    'Go to one open event of a professional association in your field and talk to two people there.',
  'leader-in-field':
    "Pick one leader in your field, follow their work, and ask for their opinion on a specific question; aim high, the worst answer is silence.",
  'social-media':
    'Join one online community in your field and take part in a discussion before you connect with anyone.',
};
