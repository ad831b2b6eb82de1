import { compareDates, type IsoDate } from './dates.js';
import { compareNames, nameKey } from './names.js';
import type { Channel, Initiator } from './vocabulary.js';

/**
 * Capture: the journal filled from what the user already has (a calendar, a
 * mailbox, LinkedIn's archive). Each reader turns its file into activities (a
 * meeting, a mail thread on one day, a LinkedIn conversation on one day); this
 * module matches their participants with people in the map (by email, then by
 * name) and proposes one exchange per activity, each with its reason. Nothing is
 * proposed twice: an activity's source key (an event's UID and recurrence id, a
 * thread and day) is remembered once answered, and a day that already has an
 * exchange with the same people is left alone. Pure: the services read and write.
 */

export const CAPTURE_FORMATS = ['calendar', 'mbox', 'linkedin-archive'] as const;
export type CaptureFormat = (typeof CAPTURE_FORMATS)[number];

/** Someone named in a file: an address, a display name, or both. */
export interface Participant {
  email: string | null;
  name: string | null;
  /** A profile link (LinkedIn's archive names people by theirs). */
  profile?: string | null;
}

/** One thing that happened with other people, as a reader found it. */
export interface CapturedActivity {
  /** Stable across imports of the same source: `ics:UID|RECURRENCE-ID`, `mail:THREAD|DAY`, `linkedin:CONVERSATION|DAY`. */
  sourceKey: string;
  /** The file's line where it starts (for a ZIP: the line of the entry named in `where`). */
  line: number;
  occurredOn: IsoDate;
  channel: Channel;
  /** Why that channel: "a conference link (meet.google.com)", "in person at Café Lisboa". */
  channelReason: string;
  initiatedBy: Initiator;
  /** The exchange's note: an event's title, "Email: 3 messages", a place. */
  note: string | null;
  /** Everyone but the user. */
  participants: Participant[];
  /** Why a reader itself leaves it out (all-day, private, in the future): proposed never, counted always. */
  leftOut?: CaptureSkipReason;
  /** Not an exchange but a step: an invitation sent moves people still "to meet" to "reached out". */
  stageTo?: 'reached-out';
}

/** What capture needs of a person in the map. */
export interface CapturePerson {
  id: string;
  name: string;
  emails: string[];
  /** Profile links, as profileKey gives them. */
  profiles: string[];
  stage: string;
}

export const CAPTURE_SKIP_REASONS = ['no-one-on-the-map', 'already-captured', 'already-declined', 'already-in-journal', 'already-further', 'invitation-to-you', 'all-day', 'private', 'cancelled', 'in-the-future', 'outside-window'] as const;
export type CaptureSkipReason = (typeof CAPTURE_SKIP_REASONS)[number];

export const SKIP_REASON_TEXT: Record<CaptureSkipReason, string> = {
  'no-one-on-the-map': 'no one in it is on your map',
  'already-captured': 'captured before',
  'already-declined': 'declined before',
  'already-in-journal': 'the journal already has an exchange with them that day',
  'already-further': 'an invitation to someone already past "to meet"',
  'invitation-to-you': 'an invitation to you (those accepted are in Connections.csv)',
  'all-day': 'an all-day event (left out unless asked)',
  private: 'a private event (left out unless asked)',
  cancelled: 'cancelled',
  'in-the-future': 'has not happened yet',
  'outside-window': 'outside the chosen window',
};

export interface ProposedPerson {
  id: string;
  name: string;
  matchedBy: 'email' | 'profile' | 'name';
}

/** An exchange the user may accept. */
export interface CaptureProposal {
  /** A short, stable handle for choosing (`cap_…`), derived from the source key. */
  key: string;
  /** An exchange to log, or a stage to move ("reached out", from an invitation sent). */
  kind: 'exchange' | 'stage';
  sourceKey: string;
  line: number;
  occurredOn: IsoDate;
  channel: Channel;
  initiatedBy: Initiator;
  note: string | null;
  people: ProposedPerson[];
  reason: string;
}

export interface LastContact {
  personId: string;
  name: string;
  on: IsoDate;
}

export interface CapturePlan {
  proposals: CaptureProposal[];
  /** Activities not proposed, counted by why. */
  skipped: Partial<Record<CaptureSkipReason, number>>;
  /** The latest day each matched person appears in the file (whatever was proposed). */
  lastContacts: LastContact[];
  summary: { records: number; proposed: number; skipped: number };
}

export interface CaptureMemory {
  /** Proposals answered before, by their key (a hash of the source key: see proposalKey), and how. */
  answered: ReadonlyMap<string, 'logged' | 'declined'>;
  /** `personId|date` for every exchange in the journal. */
  journalDays: ReadonlySet<string>;
}

/**
 * A 60-bit FNV-1a hash of the source key, in base 32: short enough for a command
 * line, stable forever. It is also what is remembered of an answered proposal, so
 * that no address, message id or profile link stays readable in the database
 * once the person it names is removed.
 */
export function proposalKey(sourceKey: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  for (let i = 0; i < sourceKey.length; i++) {
    const c = sourceKey.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193) >>> 0;
    h2 = (h2 + (h1 >>> 7)) >>> 0;
  }
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  let out = '';
  for (let i = 0; i < 6; i++) out += alphabet[(h1 >>> (i * 5)) & 31];
  for (let i = 0; i < 6; i++) out += alphabet[(h2 >>> (i * 5)) & 31];
  return `cap_${out}`;
}

/** An address as compared: trimmed, lower-cased, without "mailto:". */
export function emailKey(email: string): string {
  return email.trim().replace(/^mailto:/i, '').toLowerCase();
}

interface Matcher {
  byEmail: Map<string, CapturePerson>;
  byProfile: Map<string, CapturePerson>;
  /** A name shared by two people matches neither: null. */
  byName: Map<string, CapturePerson | null>;
}

function matcherFor(people: readonly CapturePerson[]): Matcher {
  const byEmail = new Map<string, CapturePerson>();
  const byProfile = new Map<string, CapturePerson>();
  const byName = new Map<string, CapturePerson | null>();
  for (const person of people) {
    for (const email of person.emails) byEmail.set(emailKey(email), person);
    for (const profile of person.profiles) byProfile.set(profile, person);
    const key = nameKey(person.name);
    if (key) byName.set(key, byName.has(key) ? null : person);
  }
  return { byEmail, byProfile, byName };
}

function match(matcher: Matcher, participant: Participant): ProposedPerson | null {
  if (participant.email) {
    const person = matcher.byEmail.get(emailKey(participant.email));
    if (person) return { id: person.id, name: person.name, matchedBy: 'email' };
  }
  if (participant.profile) {
    const person = matcher.byProfile.get(participant.profile);
    if (person) return { id: person.id, name: person.name, matchedBy: 'profile' };
  }
  if (participant.name) {
    const person = matcher.byName.get(nameKey(participant.name));
    if (person) return { id: person.id, name: person.name, matchedBy: 'name' };
  }
  return null;
}

function describePeople(people: readonly ProposedPerson[]): string {
  return people.map((p) => `${p.name} (by ${p.matchedBy})`).join(', ');
}

/** Plans a capture: which activities become proposed exchanges, and why the others do not. */
export function planCapture(activities: readonly CapturedActivity[], people: readonly CapturePerson[], memory: CaptureMemory, options: { today: IsoDate; from?: IsoDate | null }): CapturePlan {
  const matcher = matcherFor(people);
  const stageOf = new Map(people.map((p) => [p.id, p.stage]));
  const skipped: Partial<Record<CaptureSkipReason, number>> = {};
  const skip = (reason: CaptureSkipReason) => void (skipped[reason] = (skipped[reason] ?? 0) + 1);
  const last = new Map<string, LastContact>();
  const proposals: CaptureProposal[] = [];
  const proposedKeys = new Set<string>();
  for (const activity of activities) {
    const key = proposalKey(activity.sourceKey);
    const matched = new Map<string, ProposedPerson>();
    for (const participant of activity.participants) {
      const person = match(matcher, participant);
      if (person && !matched.has(person.id)) matched.set(person.id, person);
    }
    const found = [...matched.values()];
    if (compareDates(activity.occurredOn, options.today) <= 0) {
      for (const person of found) {
        const seen = last.get(person.id);
        if (!seen || compareDates(activity.occurredOn, seen.on) > 0) last.set(person.id, { personId: person.id, name: person.name, on: activity.occurredOn });
      }
    }
    if (activity.leftOut) skip(activity.leftOut);
    else if (compareDates(activity.occurredOn, options.today) > 0) skip('in-the-future');
    else if (options.from && compareDates(activity.occurredOn, options.from) < 0) skip('outside-window');
    else if (found.length === 0) skip('no-one-on-the-map');
    else if (memory.answered.get(key) === 'logged' || proposedKeys.has(key)) skip('already-captured');
    else if (memory.answered.get(key) === 'declined') skip('already-declined');
    else if (!activity.stageTo && found.every((p) => memory.journalDays.has(`${p.id}|${activity.occurredOn}`))) skip('already-in-journal');
    else if (activity.stageTo && found.every((p) => stageOf.get(p.id) !== 'to-meet')) skip('already-further');
    else {
      const people = activity.stageTo ? found.filter((p) => stageOf.get(p.id) === 'to-meet') : found;
      proposedKeys.add(key);
      proposals.push({
        key,
        kind: activity.stageTo ? 'stage' : 'exchange',
        sourceKey: activity.sourceKey,
        line: activity.line,
        occurredOn: activity.occurredOn,
        channel: activity.channel,
        initiatedBy: activity.initiatedBy,
        note: activity.note,
        people,
        reason: activity.stageTo ? `${describePeople(people)}; to meet → reached out: ${activity.channelReason}` : `${describePeople(found)}; ${activity.channel}: ${activity.channelReason}`,
      });
    }
  }
  // Oldest first: logged in that order, stages and next contacts move as they would have.
  proposals.sort((a, b) => compareDates(a.occurredOn, b.occurredOn) || a.line - b.line);
  const skippedCount = Object.values(skipped).reduce((sum, n) => sum + n, 0);
  return {
    proposals,
    skipped,
    lastContacts: [...last.values()].sort((a, b) => compareDates(b.on, a.on) || compareNames(a, b)),
    summary: { records: activities.length, proposed: proposals.length, skipped: skippedCount },
  };
}
