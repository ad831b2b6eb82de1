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

function text(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  if (value === null || value === undefined) return null;
  const s = String(value as unknown).trim();
  return s === '' ? null : s;
}

/** The channel of an event, from its place, description, title and conference properties (see core/meeting-channel.ts). */
function channelOf(event: ICAL.Component, others: number): MeetingChannel {
  const conference = CONFERENCE_PROPERTIES.flatMap((property) => event.getAllProperties(property).map((p) => ({ property, value: String(p.getFirstValue() as unknown) })));
  return meetingChannel({ location: text(event, 'location'), description: text(event, 'description'), title: text(event, 'summary'), conference, others });
}

function participantOf(property: ICAL.Property): Participant {
  const value = String(property.getFirstValue() as unknown);
  const email = /^mailto:/i.test(value) ? value.replace(/^mailto:/i, '').trim() : value.includes('@') ? value.trim() : null;
  const cn = property.getParameter('cn');
  const name = typeof cn === 'string' && cn.trim() !== '' ? cn.trim() : null;
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
    const uid = text(vevent, 'uid');
    if (uid && vevent.hasProperty('recurrence-id')) exceptions.set(uid, [...(exceptions.get(uid) ?? []), vevent]);
    else if (uid && vevent.hasProperty('rrule') && !masters.has(uid)) masters.set(uid, vevent);
    else singles.push(vevent);
  }
  const windowStart = Date.parse(`${options.from}T00:00:00Z`) - 14 * 3600_000;
  const now = options.now.getTime();
  const activities: CapturedActivity[] = [];
  const truncatedSeries: number[] = [];

  const occurrence = (item: ICAL.Component, start: ICAL.Time, recurrenceId: ICAL.Time | null, line: number) => {
    const uid = text(item, 'uid');
    const summary = text(item, 'summary');
    const recurrence = recurrenceId ? (recurrenceId.isDate ? recurrenceId.toString() : recurrenceId.toJSDate().toISOString()) : '';
    const sourceKey = uid ? `ics:${uid}|${recurrence}` : `ics:no-uid:${start.toString()}|${summary ?? ''}`;
    const organizerProperty = item.getFirstProperty('organizer');
    const organizer = organizerProperty ? participantOf(organizerProperty) : null;
    const participants: Participant[] = [];
    const isMine = (p: Participant) => p.email !== null && mine.has(emailKey(p.email));
    if (organizer && !isMine(organizer)) participants.push(organizer);
    for (const attendee of item.getAllProperties('attendee')) {
      const p = participantOf(attendee);
      // Someone who declined did not take part.
      if (isMine(p) || String(attendee.getParameter('partstat') ?? '').toUpperCase() === 'DECLINED') continue;
      if (!participants.some((q) => (q.email && p.email ? emailKey(q.email) === emailKey(p.email) : q.name === p.name))) participants.push(p);
    }
    const initiatedBy: Initiator = !organizer || isMine(organizer) ? 'me' : mine.size > 0 ? 'them' : 'mutual';
    const how = channelOf(item, participants.length);
    const classification = (text(item, 'class') ?? 'PUBLIC').toUpperCase();
    const instant = instantOf(start);
    const leftOut =
      (text(item, 'status') ?? '').toUpperCase() === 'CANCELLED'
        ? ('cancelled' as const)
        : start.isDate && !options.includeAllDay
          ? ('all-day' as const)
          : (classification === 'PRIVATE' || classification === 'CONFIDENTIAL') && !options.includePrivate
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
      participants,
      ...(leftOut ? { leftOut } : {}),
    });
  };

  for (const vevent of singles) {
    const start = vevent.getFirstPropertyValue('dtstart');
    if (!(start instanceof ICAL.Time)) throw new ImportFileError(lineOf.get(vevent) ?? null, 'an event without a start (DTSTART)');
    const recurrenceId = vevent.getFirstPropertyValue('recurrence-id');
    occurrence(vevent, start, recurrenceId instanceof ICAL.Time ? recurrenceId : null, lineOf.get(vevent) ?? 0);
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
    let walked = 0;
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (++walked > MAX_OCCURRENCES_PER_SERIES) {
        truncatedSeries.push(line);
        break;
      }
      if (instantOf(next) > now + 48 * 3600_000) break;
      const details = event.getOccurrenceDetails(next);
      if (instantOf(details.startDate) < windowStart) continue;
      const item = details.item.component;
      occurrence(item, details.startDate, details.recurrenceId, item === master ? line : (lineOf.get(item) ?? line));
    }
  }
  // Exceptions whose series is not in the file stand alone.
  for (const [uid, list] of exceptions) {
    if (masters.has(uid)) continue;
    for (const vevent of list) {
      const start = vevent.getFirstPropertyValue('dtstart');
      const recurrenceId = vevent.getFirstPropertyValue('recurrence-id');
      if (start instanceof ICAL.Time) occurrence(vevent, start, recurrenceId instanceof ICAL.Time ? recurrenceId : null, lineOf.get(vevent) ?? 0);
    }
  }
  return { activities, events: vevents.length, truncatedSeries };
}
