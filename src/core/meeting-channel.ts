import type { Channel } from './vocabulary.js';

/*
 * Which channel a calendar event was, from what the event says about where it happens.
 *
 * Decision: a meeting in person is not a channel of its own. The product's channels are
 * the brief's (coffee, lunch, call, video, email, social media, event), and "coffee" is
 * its one-to-one meeting face to face, whatever is drunk. So an event at a physical
 * place with no conference link is a coffee (a lunch over a meal, an event with five or
 * more others), and the place goes in the reason and the note. A new "in-person"
 * channel would split one kind of meeting in two across the map, the check, outreach
 * and every export, for a word.
 *
 * A place is physical unless it names an online service or says it is online: Outlook
 * writes "Microsoft Teams Meeting" as the LOCATION with the link elsewhere, Zoom users
 * write "Zoom", others "Online" or "Virtual". A place that is a phone number, or says
 * phone, is a call.
 */

/** What the event says: its LOCATION and DESCRIPTION, its title, and the values of its conference properties. */
export interface MeetingFacts {
  location: string | null;
  description: string | null;
  title: string | null;
  /** Values of X-GOOGLE-CONFERENCE, X-MICROSOFT-SKYPETEAMSMEETINGURL, CONFERENCE and the like, by property name (lower case). */
  conference: readonly { property: string; value: string }[];
  /** Everyone else there. */
  others: number;
}

export interface MeetingChannel {
  channel: Channel;
  /** Why: "a conference link (zoom.us)", "in person at Café Lisboa". */
  reason: string;
  /** The physical place, when in person. */
  place: string | null;
}

const VIDEO_HOSTS = ['zoom.us', 'meet.google.com', 'teams.microsoft.com', 'teams.live.com', 'webex.com', 'whereby.com', 'meet.jit.si', 'gotomeeting.com', 'gotomeet.me', 'chime.aws', 'skype.com'];

/** A LOCATION that names an online meeting rather than a place. */
const ONLINE_PLACE = /\b(zoom|google meet|hangouts?|microsoft teams|teams meeting|skype|webex|whereby|jitsi|facetime|online|virtual|video ?call|remote)\b/i;
/** A LOCATION that says the meeting is by phone. */
const PHONE_PLACE = /\b(phone|telephone|conference call|dial[- ]in)\b/i;
const MEAL = /\b(lunch|dinner|breakfast|brunch)\b/i;

function videoHost(value: string): string | null {
  const lower = value.toLowerCase();
  return VIDEO_HOSTS.find((host) => lower.includes(host)) ?? null;
}

/** Video when there is a conference link or an online place, a call when a phone number, else in person (at its place). */
export function meetingChannel(facts: MeetingFacts): MeetingChannel {
  const location = facts.location?.trim() || null;
  const description = facts.description ?? '';
  for (const { property, value } of facts.conference) {
    if (value.toLowerCase().startsWith('tel:')) return { channel: 'call', reason: `a phone number (${value.slice(4)})`, place: null };
    const host = videoHost(value);
    // A URL property is a link to anything; the conference properties are conferences whatever their host.
    if (host || property !== 'url') return { channel: 'video', reason: `a conference link (${host ?? property.toUpperCase()})`, place: null };
  }
  for (const field of [location ?? '', description]) {
    const host = videoHost(field);
    if (host) return { channel: 'video', reason: `a conference link (${host})`, place: null };
  }
  const tel = /tel:(\+?[\d ().-]{6,})/i.exec(`${location ?? ''} ${description}`);
  if (tel) return { channel: 'call', reason: `a phone number (${tel[1]!.trim()})`, place: null };
  if (location && /^\+?[\d ().-]{7,}$/.test(location)) return { channel: 'call', reason: `a phone number (${location})`, place: null };
  if (location && ONLINE_PLACE.test(location)) return { channel: 'video', reason: `online (${location})`, place: null };
  if (location && PHONE_PLACE.test(location)) return { channel: 'call', reason: `by phone (${location})`, place: null };
  const where = location ? ` at ${location}` : ' (no link, phone or place given)';
  if (MEAL.test(facts.title ?? '')) return { channel: 'lunch', reason: `in person over a meal${where}`, place: location };
  if (facts.others >= 5) return { channel: 'event', reason: `in person with ${facts.others} others${where}`, place: location };
  return { channel: 'coffee', reason: `in person${where}`, place: location };
}
