/**
 * Calendar and mailbox files as real exporters write them, built from the
 * formats' specifications (RFC 5545 for iCalendar, RFC 4155 and 5322 for mbox,
 * RFC 2047 for encoded headers) rather than copied from anyone's account.
 * Shared by the service, API, CLI and browser tests, and by the benchmark.
 */

const CRLF = '\r\n';

/** Folds a content line at 75 octets, as RFC 5545 §3.1 asks (exporters do). */
function fold(line: string): string {
  const bytes = new TextEncoder().encode(line);
  if (bytes.length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const n = new TextEncoder().encode(char).length;
    if (size + n > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += n;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

function calendar(prodId: string, body: string[]): string {
  return ['BEGIN:VCALENDAR', `PRODID:${prodId}`, 'VERSION:2.0', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', ...body, 'END:VCALENDAR'].map(fold).join(CRLF) + CRLF;
}

const NEW_YORK = [
  'BEGIN:VTIMEZONE',
  'TZID:America/New_York',
  'X-LIC-LOCATION:America/New_York',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0400',
  'TZNAME:EDT',
  'DTSTART:19700308T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'TZNAME:EST',
  'DTSTART:19701101T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const LISBON = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Lisbon',
  'X-LIC-LOCATION:Europe/Lisbon',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:WET',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:WEST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
];

const STAMP = 'DTSTAMP:20261122T090000Z';

/**
 * A Google Calendar export (the shape of calendar.google.com's "Export"), the
 * user being me@example.org, "today" 2026-11-22. What it must give, in the
 * user's zone Europe/London, the window the last 12 months:
 * - coffee with Ana on 2026-03-10, in person at Café Lisboa (I organised);
 * - the weekly research sync Kofi organises on Google Meet, Mondays 23:30 in New
 *   York, so Tuesdays in London: 2026-10-06, 10-13, (10-20 excluded by EXDATE),
 *   the 10-27 instance moved to Wednesday 10-28 16:00 New York, 11-03, 11-10
 *   (COUNT=6); Ana declined it, so she is not in it;
 * - a call with Bo Li (matched by name: his address is not on the map) on 2026-09-01;
 * - left out: an all-day event, a private one, one with no one on the map, one
 *   in the future, one before the window.
 */
export function googleCalendarExport(): string {
  return calendar('-//Google Inc//Google Calendar 70.9054//EN', [
    'X-WR-CALNAME:me@example.org',
    'X-WR-TIMEZONE:Europe/London',
    ...NEW_YORK,
    ...LISBON,
    'BEGIN:VEVENT',
    'DTSTART;TZID=Europe/Lisbon:20260310T090000',
    'DTEND;TZID=Europe/Lisbon:20260310T100000',
    STAMP,
    'ORGANIZER;CN=Me Myself:mailto:me@example.org',
    'UID:coffee-ana-1@google.com',
    'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Ana Silva;X-NUM-GUESTS=0:mailto:ana@example.org',
    'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=me@example.org;X-NUM-GUESTS=0:mailto:me@example.org',
    'CREATED:20260301T120000Z',
    'DESCRIPTION:',
    'LAST-MODIFIED:20260301T120000Z',
    'LOCATION:Café Lisboa\\, Rua das Flores 12\\, Porto',
    'SEQUENCE:0',
    'STATUS:CONFIRMED',
    'SUMMARY:Coffee with Ana',
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'DTSTART;TZID=America/New_York:20261005T233000',
    'DTEND;TZID=America/New_York:20261006T000000',
    'RRULE:FREQ=WEEKLY;WKST=MO;COUNT=6;BYDAY=MO',
    'EXDATE;TZID=America/New_York:20261019T233000',
    STAMP,
    'ORGANIZER;CN=Kofi Mensah:mailto:kofi@example.org',
    'UID:research-sync-7f3a@google.com',
    'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Kofi Mensah;X-NUM-GUESTS=0:mailto:kofi@example.org',
    'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=DECLINED;CN=Ana Silva;X-NUM-GUESTS=0:mailto:ana@example.org',
    'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=me@example.org;X-NUM-GUESTS=0:mailto:me@example.org',
    'X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij',
    'DESCRIPTION:Join with Google Meet: https://meet.google.com/abc-defg-hij\\n\\nLearn more about Meet at: https://support.google.com/a/users/answer/9282720',
    'SEQUENCE:0',
    'STATUS:CONFIRMED',
    'SUMMARY:Research sync',
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'DTSTART;TZID=America/New_York:20261028T160000',
    'DTEND;TZID=America/New_York:20261028T163000',
    STAMP,
    'ORGANIZER;CN=Kofi Mensah:mailto:kofi@example.org',
    'UID:research-sync-7f3a@google.com',
    'RECURRENCE-ID;TZID=America/New_York:20261026T233000',
    'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Kofi Mensah;X-NUM-GUESTS=0:mailto:kofi@example.org',
    'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=me@example.org;X-NUM-GUESTS=0:mailto:me@example.org',
    'X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij',
    'SEQUENCE:1',
    'STATUS:CONFIRMED',
    'SUMMARY:Research sync (moved)',
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'DTSTART:20260901T140000Z',
    'DTEND:20260901T143000Z',
    STAMP,
    'UID:call-bo-li@google.com',
    'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Bo Li:mailto:bo.li@personal.example',
    'LOCATION:+44 20 7946 0000',
    'STATUS:CONFIRMED',
    'SUMMARY:Catch-up',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'DTSTART;VALUE=DATE:20260615',
    'DTEND;VALUE=DATE:20260617',
    STAMP,
    'UID:congress-allday@google.com',
    'ATTENDEE;CN=Ana Silva:mailto:ana@example.org',
    'SUMMARY:Physio congress',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'DTSTART:20260704T180000Z',
    'DTEND:20260704T200000Z',
    STAMP,
    'UID:private-dinner@google.com',
    'CLASS:PRIVATE',
    'ATTENDEE;CN=Bo Li:mailto:bo.li@personal.example',
    'SUMMARY:Dinner',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'DTSTART:20260505T100000Z',
    'DTEND:20260505T110000Z',
    STAMP,
    'UID:stranger@google.com',
    'ATTENDEE;CN=Zed Stranger:mailto:zed@elsewhere.example',
    'SUMMARY:Sales pitch',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'DTSTART:20261205T100000Z',
    'DTEND:20261205T110000Z',
    STAMP,
    'UID:future@google.com',
    'ATTENDEE;CN=Ana Silva:mailto:ana@example.org',
    'SUMMARY:Next coffee',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'DTSTART:20250601T100000Z',
    'DTEND:20250601T110000Z',
    STAMP,
    'UID:long-ago@google.com',
    'ATTENDEE;CN=Ana Silva:mailto:ana@example.org',
    'SUMMARY:Old coffee',
    'END:VEVENT',
  ]);
}

/**
 * An Outlook (Exchange) export: Windows time zone names with their VTIMEZONE,
 * Microsoft's own properties. What it must give (user in Europe/London):
 * - the monthly mentoring lunch Kofi organises on the 15th, 12:30 in W. Europe,
 *   from May to August 2026: 05-15, 06-15, 08-15 (July's was cancelled);
 * - a Teams call with Ana and Kofi on 2026-11-20 00:30 W. Europe, which is
 *   2026-11-19 in London: one exchange with both.
 */
export function outlookCalendarExport(): string {
  return calendar('Microsoft Exchange Server 2010', [
    'BEGIN:VTIMEZONE',
    'TZID:W. Europe Standard Time',
    'BEGIN:STANDARD',
    'DTSTART:16010101T030000',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10',
    'END:STANDARD',
    'BEGIN:DAYLIGHT',
    'DTSTART:16010101T020000',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3',
    'END:DAYLIGHT',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    'ORGANIZER;CN=Kofi Mensah:mailto:kofi@example.org',
    'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=me@example.org:mailto:me@example.org',
    'DESCRIPTION;LANGUAGE=en-GB:Monthly mentoring\\n',
    'RRULE:FREQ=MONTHLY;UNTIL=20260815T103000Z;INTERVAL=1;BYMONTHDAY=15',
    'UID:040000008200E00074C5B7101A82E00800000000A0B1C2D3E4F5A601000000000000000010000000ABCDEF',
    'SUMMARY;LANGUAGE=en-GB:Mentoring lunch',
    'DTSTART;TZID=W. Europe Standard Time:20260515T123000',
    'DTEND;TZID=W. Europe Standard Time:20260515T133000',
    'CLASS:PUBLIC',
    'PRIORITY:5',
    'DTSTAMP:20261122T090000Z',
    'TRANSP:OPAQUE',
    'STATUS:CONFIRMED',
    'SEQUENCE:0',
    'LOCATION;LANGUAGE=en-GB:Restaurante Norte',
    'X-MICROSOFT-CDO-APPT-SEQUENCE:0',
    'X-MICROSOFT-CDO-BUSYSTATUS:BUSY',
    'X-MICROSOFT-CDO-IMPORTANCE:1',
    'X-MICROSOFT-DISALLOW-COUNTER:FALSE',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'ORGANIZER;CN=Kofi Mensah:mailto:kofi@example.org',
    'SUMMARY;LANGUAGE=en-GB:Canceled: Mentoring lunch',
    'RECURRENCE-ID;TZID=W. Europe Standard Time:20260715T123000',
    'UID:040000008200E00074C5B7101A82E00800000000A0B1C2D3E4F5A601000000000000000010000000ABCDEF',
    'DTSTART;TZID=W. Europe Standard Time:20260715T123000',
    'DTEND;TZID=W. Europe Standard Time:20260715T133000',
    'STATUS:CANCELLED',
    'DTSTAMP:20261122T090000Z',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'ORGANIZER;CN=Me Myself:mailto:me@example.org',
    'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Ana Silva:mailto:ana@example.org',
    'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Kofi Mensah:mailto:kofi@example.org',
    'UID:040000008200E00074C5B7101A82E00800000000FFEEDDCCBBAA0001000000000000000010000000123456',
    'SUMMARY;LANGUAGE=en-GB:Grant proposal review',
    'DTSTART;TZID=W. Europe Standard Time:20261120T003000',
    'DTEND;TZID=W. Europe Standard Time:20261120T013000',
    'CLASS:PUBLIC',
    'DTSTAMP:20261122T090000Z',
    'STATUS:CONFIRMED',
    'LOCATION;LANGUAGE=en-GB:Microsoft Teams Meeting',
    'X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0',
    'X-MICROSOFT-ONLINEMEETINGCONFLINK:conf:sip:me@example.org\\;gruu\\;opaque=app:conf:focus:id:ABC',
    'END:VEVENT',
  ]);
}

interface MboxMessage {
  separator: string;
  headers: string[];
  body: string[];
}

function mbox(messages: MboxMessage[], newline = '\n'): string {
  return messages.map((m) => [m.separator, ...m.headers, '', ...m.body, ''].join(newline)).join(newline);
}

/** A multipart/alternative body with a line that starts "From" (escaped, as mboxrd writes it) and one that is not a separator (no blank line before it). */
function multipartBody(boundary: string, text: string): string[] {
  return [
    `--${boundary}`,
    'Content-Type: text/plain; charset="UTF-8"',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    text,
    '>From the notes of our last call:',
    'From here on, the plan is simple.',
    '',
    `--${boundary}`,
    'Content-Type: text/html; charset="UTF-8"',
    '',
    `<div dir="ltr">${text}</div>`,
    '',
    `--${boundary}--`,
  ];
}

/**
 * A Gmail Takeout mbox (the user me@example.org, in Europe/London), with
 * multipart messages and encoded headers in UTF-8 (B and Q), ISO-8859-1 (Q) and
 * KOI8-R (B). What it must give:
 * - 2026-08-01, Ana, started by me (a Gmail thread id joins two messages with no references);
 * - 2026-09-15, Юлия Смирнова (KOI8-R name, matched by email), started by me;
 * - 2026-10-10, José Müller (ISO-8859-1, matched by name) and Kofi (Cc), started by them;
 * - 2026-11-02, Ana, started by me: three messages, the last sent 00:30 +0100 on
 *   the 3rd, which is still the 2nd in London;
 * - 2026-11-04, Ana, started by them;
 * - left out: a newsletter (no one on the map); a message without a Date (a warning).
 */
export function gmailTakeoutMbox(): string {
  return mbox([
    {
      separator: 'From 1811111111111111111@xxx Sat Aug 01 09:00:00 +0000 2026',
      headers: ['X-GM-THRID: 1811111111111111111', 'X-Gmail-Labels: Sent', 'Message-ID: <g1@mail.example.org>', 'Date: Sat, 1 Aug 2026 10:00:00 +0100', 'From: Me Myself <me@example.org>', 'To: Ana Silva <ana@example.org>', 'Subject: Summer school', 'MIME-Version: 1.0', 'Content-Type: multipart/alternative; boundary="000000000000a1"'],
      body: multipartBody('000000000000a1', 'Are you going to the summer school?'),
    },
    {
      separator: 'From 1811111111111111112@xxx Sat Aug 01 17:00:00 +0000 2026',
      headers: ['X-GM-THRID: 1811111111111111111', 'X-Gmail-Labels: Inbox', 'Message-ID: <reply-from-phone@ana.example>', 'Date: Sat, 01 Aug 2026 17:00:00 +0000', 'From: =?UTF-8?B?QW5hIFNpbHZh?= <ana@example.org>', 'To: me@example.org', 'Subject: Re: Summer school', 'Content-Type: text/plain; charset=UTF-8'],
      body: ['Yes!'],
    },
    {
      separator: 'From 1822222222222222222@xxx Tue Sep 15 08:00:00 +0000 2026',
      headers: ['X-GM-THRID: 1822222222222222222', 'Message-ID: <y1@mail.example.org>', 'Date: Tue, 15 Sep 2026 08:00:00 +0000', 'From: me@example.org', 'To: =?KOI8-R?B?4MzJ0SDzzcnSzs/XwQ==?= <yulia@example.ru>', 'Subject: =?UTF-8?B?UmV1bmnDo28gZGUgcGVzcXVpc2E=?=', 'Content-Type: multipart/mixed; boundary="b2"'],
      body: multipartBody('b2', 'Здравствуйте!'),
    },
    {
      separator: 'From 1833333333333333333@xxx Sat Oct 10 11:00:00 +0000 2026',
      headers: [
        'X-GM-THRID: 1833333333333333333',
        'Message-ID: <j1@uni.example>',
        'Date: Sat, 10 Oct 2026 13:00:00 +0200 (CEST)',
        'From: =?ISO-8859-1?Q?Jos=E9_M=FCller?= <jose@uni.example>',
        'To: "Myself, Me" <me@example.org>',
        'Cc: Kofi Mensah <kofi@example.org>,',
        ' =?ISO-8859-1?B?RnJhbudvaXM=?= <francois@elsewhere.example>',
        'Subject: =?ISO-8859-1?Q?R=E9union?=',
        'Content-Type: text/plain; charset=ISO-8859-1',
      ],
      body: ['Bonjour'],
    },
    {
      separator: 'From 1844444444444444444@xxx Mon Nov 02 09:00:00 +0000 2026',
      headers: ['X-GM-THRID: 1844444444444444444', 'Message-ID: <a1@mail.example.org>', 'Date: Mon, 2 Nov 2026 09:00:00 +0000', 'From: Me Myself <me@example.org>', 'To: Ana Silva <ana@example.org>', 'Subject: =?UTF-8?Q?Caf=C3=A9_next_week=3F?=', 'Content-Type: multipart/alternative; boundary="a1"'],
      body: multipartBody('a1', 'Coffee next week?'),
    },
    {
      separator: 'From 1844444444444444445@xxx Mon Nov 02 15:00:00 +0000 2026',
      headers: ['X-GM-THRID: 1844444444444444444', 'Message-ID: <a2@ana.example>', 'In-Reply-To: <a1@mail.example.org>', 'References: <a1@mail.example.org>', 'Date: Mon, 2 Nov 2026 15:00:00 +0000', 'From: Ana Silva <ana@example.org>', 'To: Me Myself <me@example.org>', 'Subject: Re: Cafe next week?'],
      body: ['Gladly.'],
    },
    {
      separator: 'From 1844444444444444446@xxx Mon Nov 02 23:30:00 +0000 2026',
      headers: ['X-GM-THRID: 1844444444444444444', 'Message-ID: <a3@mail.example.org>', 'References: <a1@mail.example.org> <a2@ana.example>', 'Date: Tue, 3 Nov 2026 00:30:00 +0100', 'From: me@example.org', 'To: ana@example.org'],
      body: ['Thursday then.'],
    },
    {
      separator: 'From 1844444444444444447@xxx Wed Nov 04 13:00:00 +0000 2026',
      headers: ['X-GM-THRID: 1844444444444444444', 'Message-ID: <a4@ana.example>', 'References: <a1@mail.example.org> <a2@ana.example> <a3@mail.example.org>', 'Date: Wed, 4 Nov 2026 08:00:00 -0500', 'From: Ana Silva <ana@example.org>', 'To: me@example.org'],
      body: ['See you there.'],
    },
    {
      separator: 'From 1855555555555555555@xxx Thu Nov 05 07:00:00 +0000 2026',
      headers: ['X-GM-THRID: 1855555555555555555', 'Message-ID: <n1@shop.example>', 'Date: Thu, 5 Nov 2026 07:00:00 +0000', 'From: Shop News <news@shop.example>', 'To: me@example.org', 'Subject: Deals'],
      body: ['<html>…</html>'],
    },
    {
      separator: 'From 1866666666666666666@xxx Fri Nov 06 07:00:00 +0000 2026',
      headers: ['X-GM-THRID: 1866666666666666666', 'Message-ID: <k1@kofi.example>', 'From: Kofi Mensah <kofi@example.org>', 'To: me@example.org', 'Subject: no date here'],
      body: ['Hello'],
    },
  ]);
}

/**
 * LinkedIn's data export as it comes: a ZIP with Connections.csv (its Notes
 * preamble and all), messages.csv, Invitations.csv and files capture ignores.
 * The user is "Me Myself" (linkedin.com/in/me-myself). What it must give:
 * - Connections.csv: Kofi Mensah new, Ana Silva merged into the map's;
 * - 2026-09-10, Kofi (matched by profile, known only through Connections.csv), started by them;
 * - 2026-10-01, Ana, started by me (two messages); 2026-10-03, Ana, started by them;
 * - 2026-11-02, an invitation sent to Bo Li: "to meet" → "reached out";
 * - left out: a conversation with a stranger, an invitation to Ana (already
 *   met), an invitation to the user, a draft.
 */
export function linkedInArchiveFiles(): Record<string, string> {
  const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
  const me = 'https://www.linkedin.com/in/me-myself';
  const ana = 'https://www.linkedin.com/in/ana-silva';
  const kofi = 'https://www.linkedin.com/in/kofi-mensah';
  return {
    'Connections.csv':
      'Notes:\r\n"When exporting your connection data, you may notice that some of the email addresses are missing."\r\n\r\n' +
      csv([
        ['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'],
        ['Ana', 'Silva', ana, 'ana@example.org', 'Hospital Norte', 'Head of Research', '07 Dec 2025'],
        ['Kofi', 'Mensah', kofi, '', 'The Breathe Trust', 'Director', '15 Mar 2024'],
      ]),
    'messages.csv': csv([
      ['CONVERSATION ID', 'CONVERSATION TITLE', 'FROM', 'SENDER PROFILE URL', 'TO', 'RECIPIENT PROFILE URLS', 'DATE', 'SUBJECT', 'CONTENT', 'FOLDER', 'IS MESSAGE DRAFT'],
      ['2-ana', '', 'Me Myself', me, 'Ana Silva', ana, '2026-10-01 09:00:00 UTC', '', 'Hello Ana, a question about your pilot study', 'INBOX', 'No'],
      ['2-ana', '', 'Ana Silva', ana, 'Me Myself', me, '2026-10-01 12:00:00 UTC', '', 'Happy to help, with "quotes", and, commas', 'INBOX', 'No'],
      ['2-ana', '', 'Ana Silva', ana, 'Me Myself', me, '2026-10-03 08:30:00 UTC', '', 'Here is the protocol', 'INBOX', 'No'],
      ['2-kofi', 'Breathe Trust fellowship', 'Kofi Mensah', kofi, 'Me Myself', me, '2026-09-10 17:45:10 UTC', '', 'Would you apply?\nLet me know.', 'INBOX', 'No'],
      ['2-zed', '', 'Zed Stranger', 'https://www.linkedin.com/in/zed', 'Me Myself', me, '2026-08-01 10:00:00 UTC', '', 'Buy now', 'INBOX', 'No'],
      ['2-ana', '', 'Me Myself', me, 'Ana Silva', ana, '2026-10-05 10:00:00 UTC', '', 'Unsent', 'DRAFTS', 'Yes'],
    ]),
    'Invitations.csv': csv([
      ['From', 'To', 'Sent At', 'Message', 'Direction', 'inviterProfileUrl', 'inviteeProfileUrl'],
      ['Me Myself', 'Bo Li', '11/2/26, 3:04 PM', 'We met at the congress', 'OUTGOING', me, 'https://www.linkedin.com/in/bo-li'],
      ['Me Myself', 'Ana Silva', '12/20/25, 9:15 AM', '', 'OUTGOING', me, ana],
      ['Someone Else', 'Me Myself', '11/5/26, 11:00 AM', 'Hi', 'INCOMING', 'https://www.linkedin.com/in/someone', me],
    ]),
    'Profile.csv': csv([['First Name', 'Last Name'], ['Me', 'Myself']]),
    'Rich_Media.csv': csv([['Date/Time', 'Media Link'], ['2026-01-01', 'https://example.org/x']]),
  };
}
