/**
 * Reads a calendar export (RFC 5545: Google Calendar, Outlook/Exchange, Apple
 * Calendar) into activities for capture, with ical.js: recurring events are
 * expanded within the window (exceptions and EXDATEs as the file says), times
 * are read in the event's own zone (its VTIMEZONE, or an IANA name) and dated
 * in the user's zone; all-day, private and cancelled events are left out unless
 * asked for.
 *
 * Before ical.js sees the text, every line is checked here, so that a broken
 * file is refused with its line: ical.js names none.
 */
import ICAL from 'ical.js';
import { emailKey, type CapturedActivity, type Participant } from '../../core/capture.js';
import { dayFinder, type IsoDate } from '../../core/dates.js';
import { ImportFileError } from '../../core/import-types.js';
import { meetingChannel, type MeetingChannel } from '../../core/meeting-channel.js';
import type { Initiator } from '../../core/vocabulary.js';

export interface CalendarOptions {
  /** The first day of the window (inclusive). */
  from: IsoDate;
  /** Now: later occurrences are not expanded, and later events are in the future. */
  now: Date;
  timeZone: string;
  ownEmails: readonly string[];
  includeAllDay?: boolean;
  includePrivate?: boolean;
}

/** How many occurrences of one series are walked at most: a hostile RRULE (FREQ=SECONDLY) stops there. */
export const MAX_OCCURRENCES_PER_SERIES = 20_000;

const CONTENT_LINE = /^[A-Za-z0-9-]+(?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*:/;

/** Checks every content line and the BEGIN/END nesting; returns the line where each VEVENT begins, in order. */
export function checkCalendarLines(text: string): number[] {
  const physical = text.split(/\r\n|\n|\r/);
  const eventLines: number[] = [];
  const open: { name: string; line: number }[] = [];
  let logical = '';
  let startLine = 0;
  let sawCalendar = false;
  const finish = () => {
    if (logical === '') return;
    if (!CONTENT_LINE.test(logical)) throw new ImportFileError(startLine, `not a calendar line (NAME;PARAM=VALUE:VALUE expected): ${JSON.stringify(logical.slice(0, 60))}`);
    const begin = /^BEGIN:(.*)$/i.exec(logical);
    const end = /^END:(.*)$/i.exec(logical);
    if (begin) {
      const name = begin[1]!.trim().toUpperCase();
      if (open.length === 0 && name !== 'VCALENDAR') throw new ImportFileError(startLine, `BEGIN:${name} outside a VCALENDAR`);
      if (name === 'VCALENDAR') sawCalendar = true;
      if (name === 'VEVENT') eventLines.push(startLine);
      open.push({ name, line: startLine });
    } else if (end) {
      const name = end[1]!.trim().toUpperCase();
      const top = open.pop();
      if (!top) throw new ImportFileError(startLine, `END:${name} without a BEGIN`);
      if (top.name !== name) throw new ImportFileError(startLine, `END:${name} closes BEGIN:${top.name} of line ${top.line}`);
    } else if (open.length === 0) throw new ImportFileError(startLine, 'a line outside BEGIN:VCALENDAR … END:VCALENDAR');
    logical = '';
  };
  physical.forEach((line, index) => {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (logical === '') throw new ImportFileError(index + 1, 'a folded line continues nothing');
      logical += line.slice(1);
      return;
    }
    finish();
    if (line.trim() === '') return;
    logical = line;
    startLine = index + 1;
  });
  finish();
  if (!sawCalendar) throw new ImportFileError(1, 'no BEGIN:VCALENDAR: not a calendar file');
  const unclosed = open.at(-1);
  if (unclosed) throw new ImportFileError(unclosed.line, `BEGIN:${unclosed.name} is never closed: the file is cut off`);
  return eventLines;
}

const CONFERENCE_PROPERTIES = ['x-google-conference', 'x-microsoft-skypeteamsmeetingurl', 'x-microsoft-onlinemeetingconflink', 'conference', 'url'];

/**
 * An event's properties straight from its jCal (ical.js's parsed form), by lower-case
 * name. Reading them through ical.js's Property objects builds and decorates every one
 * (dates into Time objects, parameters into maps): most of the time a large calendar
 * took, for text we only compare and copy. Dates still go through ical.js.
 */
type RawProperty = [name: string, params: Record<string, unknown>, type: string, ...values: unknown[]];

class RawEvent {
  private readonly byName = new Map<string, RawProperty[]>();

  constructor(component: ICAL.Component) {
    for (const property of (component.jCal as unknown[])[1] as RawProperty[]) {
      const list = this.byName.get(property[0]);
      if (list) list.push(property);
      else this.byName.set(property[0], [property]);
    }
  }

  all(name: string): RawProperty[] {
    return this.byName.get(name) ?? [];
  }

  /** The first value of a property as trimmed text, or null when absent or empty. */
  text(name: string): string | null {
    const value = this.all(name)[0]?.[3];
    if (value === null || value === undefined) return null;
    const s = String(value as string).trim();
    return s === '' ? null : s;
  }
}

const rawEvents = new WeakMap<ICAL.Component, RawEvent>();
function rawOf(component: ICAL.Component): RawEvent {
  let raw = rawEvents.get(component);
  if (!raw) rawEvents.set(component, (raw = new RawEvent(component)));
  return raw;
}

function param(property: RawProperty, name: string): string | null {
  const value = property[1][name];
  const first = Array.isArray(value) ? (value[0] as unknown) : value;
  return typeof first === 'string' ? first : null;
}

/** The channel of an event, from its place, description, title and conference properties (see core/meeting-channel.ts). */
function channelOf(event: RawEvent, others: number): MeetingChannel {
  const conference = CONFERENCE_PROPERTIES.flatMap((property) => event.all(property).map((p) => ({ property, value: String(p[3] as string) })));
  return meetingChannel({ location: event.text('location'), description: event.text('description'), title: event.text('summary'), conference, others });
}

function participantOf(property: RawProperty): Participant {
  const value = String(property[3] as string);
  const email = /^mailto:/i.test(value) ? value.replace(/^mailto:/i, '').trim() : value.includes('@') ? value.trim() : null;
  const cn = param(property, 'cn');
  const name = cn !== null && cn.trim() !== '' ? cn.trim() : null;
  return { email: email || null, name };
}

const isFloating = (time: ICAL.Time) => time.isDate || !time.zone || time.zone.tzid === 'floating';

/** The date as written: for all-day and floating times, the day they fall on wherever the user is. */
function writtenDay(time: ICAL.Time): IsoDate {
  return `${String(time.year).padStart(4, '0')}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}` as IsoDate;
}

function instantOf(time: ICAL.Time): number {
  return time.toUnixTime() * 1000;
}

export interface CalendarRead {
  activities: CapturedActivity[];
  /** VEVENTs in the file. */
  events: number;
  /** Series cut short at MAX_OCCURRENCES_PER_SERIES, by the line of their VEVENT. */
  truncatedSeries: number[];
}

export function readCalendar(text0: string, options: CalendarOptions): CalendarRead {
  const source = text0.charCodeAt(0) === 0xfeff ? text0.slice(1) : text0;
  const eventLines = checkCalendarLines(source);
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(source) as unknown[]);
  } catch (error) {
    throw new ImportFileError(null, `the calendar could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  ICAL.TimezoneService.reset();
  for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const mine = new Set(options.ownEmails.map(emailKey));
  const userDay = dayFinder(options.timeZone);
  const vevents = root.getAllSubcomponents('vevent');
  const lineOf = new Map<ICAL.Component, number>(vevents.map((v, i) => [v, eventLines[i] ?? 0]));
  const masters = new Map<string, ICAL.Component>();
  const exceptions = new Map<string, ICAL.Component[]>();
  const singles: ICAL.Component[] = [];
  for (const vevent of vevents) {
    const uid = rawOf(vevent).text('uid');
    if (uid && vevent.hasProperty('recurrence-id')) exceptions.set(uid, [...(exceptions.get(uid) ?? []), vevent]);
    else if (uid && vevent.hasProperty('rrule') && !masters.has(uid)) masters.set(uid, vevent);
    else singles.push(vevent);
  }
  const windowStart = Date.parse(`${options.from}T00:00:00Z`) - 14 * 3600_000;
  const now = options.now.getTime();
  const activities: CapturedActivity[] = [];
  const truncatedSeries: number[] = [];

  /** What an event says once, whatever the occurrence: a weekly series of 20 reads its people, channel and status once, not 20 times. */
  interface EventFacts {
    uid: string | null;
    summary: string | null;
    participants: Participant[];
    initiatedBy: Initiator;
    how: MeetingChannel;
    cancelled: boolean;
    isPrivate: boolean;
  }
  const factsOf = new Map<ICAL.Component, EventFacts>();
  const facts = (item: ICAL.Component): EventFacts => {
    const known = factsOf.get(item);
    if (known) return known;
    const raw = rawOf(item);
    const organizerProperty = raw.all('organizer')[0];
    const organizer = organizerProperty ? participantOf(organizerProperty) : null;
    const participants: Participant[] = [];
    const isMine = (p: Participant) => p.email !== null && mine.has(emailKey(p.email));
    if (organizer && !isMine(organizer)) participants.push(organizer);
    for (const attendee of raw.all('attendee')) {
      const p = participantOf(attendee);
      // Someone who declined did not take part.
      if (isMine(p) || (param(attendee, 'partstat') ?? '').toUpperCase() === 'DECLINED') continue;
      if (!participants.some((q) => (q.email && p.email ? emailKey(q.email) === emailKey(p.email) : q.name === p.name))) participants.push(p);
    }
    const classification = (raw.text('class') ?? 'PUBLIC').toUpperCase();
    const found: EventFacts = {
      uid: raw.text('uid'),
      summary: raw.text('summary'),
      participants,
      initiatedBy: !organizer || isMine(organizer) ? 'me' : mine.size > 0 ? 'them' : 'mutual',
      how: channelOf(raw, participants.length),
      cancelled: (raw.text('status') ?? '').toUpperCase() === 'CANCELLED',
      isPrivate: classification === 'PRIVATE' || classification === 'CONFIDENTIAL',
    };
    factsOf.set(item, found);
    return found;
  };

  /** One occurrence; `instant` is its start in ms (computed once by the caller: a zone's offset is not free). */
  const occurrence = (item: ICAL.Component, start: ICAL.Time, instant: number, recurrenceId: ICAL.Time | null, recurrenceInstant: number | null, line: number) => {
    const { uid, summary, participants, initiatedBy, how, cancelled, isPrivate } = facts(item);
    const recurrence = recurrenceId ? (recurrenceId.isDate ? recurrenceId.toString() : new Date(recurrenceInstant ?? instantOf(recurrenceId)).toISOString()) : '';
    const sourceKey = uid ? `ics:${uid}|${recurrence}` : `ics:no-uid:${start.toString()}|${summary ?? ''}`;
    const leftOut = cancelled
      ? ('cancelled' as const)
      : start.isDate && !options.includeAllDay
        ? ('all-day' as const)
        : isPrivate && !options.includePrivate
          ? ('private' as const)
          : instant > now
            ? ('in-the-future' as const)
            : undefined;
    activities.push({
      sourceKey,
      line,
      occurredOn: isFloating(start) ? writtenDay(start) : userDay(instant),
      channel: how.channel,
      channelReason: how.reason,
      initiatedBy,
      note: summary ? (how.place ? `${summary} (at ${how.place})` : summary) : how.place,
      // One list shared by a series' occurrences: the plan only reads it.
      participants,
      ...(leftOut ? { leftOut } : {}),
    });
  };

  for (const vevent of singles) {
    const start = vevent.getFirstPropertyValue('dtstart');
    if (!(start instanceof ICAL.Time)) throw new ImportFileError(lineOf.get(vevent) ?? null, 'an event without a start (DTSTART)');
    const recurrenceId = vevent.getFirstPropertyValue('recurrence-id');
    occurrence(vevent, start, instantOf(start), recurrenceId instanceof ICAL.Time ? recurrenceId : null, null, lineOf.get(vevent) ?? 0);
  }
  for (const [uid, master] of masters) {
    const line = lineOf.get(master) ?? 0;
    if (!(master.getFirstPropertyValue('dtstart') instanceof ICAL.Time)) throw new ImportFileError(line, 'an event without a start (DTSTART)');
    let event: ICAL.Event;
    try {
      event = new ICAL.Event(master, { exceptions: exceptions.get(uid) ?? [] });
    } catch (error) {
      throw new ImportFileError(line, `the recurring event could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    const iterator = event.iterator();
    // Without exceptions every occurrence is the master at the iterator's time: no need for
    // ical.js's occurrence details (a copy of the start, an end computed and dropped).
    const plain = !event.isRecurrenceException() && (exceptions.get(uid)?.length ?? 0) === 0;
    let walked = 0;
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (++walked > MAX_OCCURRENCES_PER_SERIES) {
        truncatedSeries.push(line);
        break;
      }
      const at = instantOf(next);
      if (at > now + 48 * 3600_000) break;
      if (plain) {
        if (at >= windowStart) occurrence(master, next, at, next, at, line);
        continue;
      }
      const details = event.getOccurrenceDetails(next);
      const startAt = details.startDate === next ? at : instantOf(details.startDate);
      if (startAt < windowStart) continue;
      const item = details.item.component;
      occurrence(item, details.startDate, startAt, details.recurrenceId, details.recurrenceId === next ? at : null, item === master ? line : (lineOf.get(item) ?? line));
    }
  }
  // Exceptions whose series is not in the file stand alone.
  for (const [uid, list] of exceptions) {
    if (masters.has(uid)) continue;
    for (const vevent of list) {
      const start = vevent.getFirstPropertyValue('dtstart');
      const recurrenceId = vevent.getFirstPropertyValue('recurrence-id');
      if (start instanceof ICAL.Time) occurrence(vevent, start, instantOf(start), recurrenceId instanceof ICAL.Time ? recurrenceId : null, null, lineOf.get(vevent) ?? 0);
    }
  }
  return { activities, events: vevents.length, truncatedSeries };
}
