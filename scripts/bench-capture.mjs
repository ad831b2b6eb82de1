// Capture's speed and memory targets, measured on the built `waggle` (never
// asserted in unit tests):
//  1. the headers of a 100,000-message mbox (multipart bodies, RFC 2047 headers,
//     about 190 MB) captured by `waggle import big.mbox --dry-run`: under 10 s,
//     the process under 300 MB (peak resident memory, worker thread included);
//     then the same file logged for real (every proposal an exchange), reported;
//  2. a five-year calendar of 10,000 events (9,800 single, 200 weekly series of
//     20 occurrences) read by `waggle import calendar.ics --dry-run --since …`:
//     under 3 s.
// A map of 500 people with an address each; the user is me@example.org.
// Usage: node scripts/bench-capture.mjs [--skip-build] [--messages N]
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Buffer } from 'node:buffer';

if (!process.argv.includes('--skip-build')) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
const argument = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const MESSAGES = argument('--messages', 100_000);
const PEOPLE = 500;
const NOW = '2026-11-22T10:00:00Z';
const { openSession } = await import('../dist/services/session.js');
const { createPerson } = await import('../dist/services/people.js');
const { updateProfile } = await import('../dist/services/workspace.js');

let seed = 17;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (n) => Math.floor(random() * n);

const dir = mkdtempSync(join(tmpdir(), 'waggle-bench-capture-'));
const dataDir = join(dir, 'data');
const session = await openSession({ kind: 'sqlite', dataDir }, { clock: { now: () => new Date(NOW) }, defaultTimeZone: 'Europe/London' });
await updateProfile(session.ctx, { emails: ['me@example.org'] });
for (let i = 0; i < PEOPLE; i++) await createPerson(session.ctx, { name: `Person ${i}`, channels: [{ kind: 'email', value: `p${i}@example.org` }] });
await session.close();

// GNU time's peak resident set (kB) when it is there; the wall time from here.
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
function run(args) {
  const command = TIME ? [TIME, ['-f', 'WAGGLE_PEAK_KB=%M WAGGLE_CPU_S=%U+%S', process.execPath, 'bin/waggle.js', '--data', dataDir, ...args]] : [process.execPath, ['bin/waggle.js', '--data', dataDir, ...args]];
  const start = performance.now();
  const result = spawnSync(command[0], command[1], { env: { ...process.env, WAGGLE_NOW: NOW }, maxBuffer: 1024 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`waggle ${args.join(' ')} failed: ${result.stderr}`);
  const peak = /WAGGLE_PEAK_KB=(\d+)/.exec(result.stderr.toString());
  // CPU seconds (user + system) say more than wall time on a machine shared with other work.
  const cpu = /WAGGLE_CPU_S=([\d.]+)\+([\d.]+)/.exec(result.stderr.toString());
  return { ms: Math.round(ms), peakMb: peak ? Math.round(Number(peak[1]) / 1024) : null, cpuMs: cpu ? Math.round((Number(cpu[1]) + Number(cpu[2])) * 1000) : null, out: result.stdout.toString() };
}

// 1. The mailbox: threads of one to five messages over three years, most with someone on the map.
const mboxFile = join(dir, 'big.mbox');
await new Promise((resolve, reject) => {
  const out = createWriteStream(mboxFile);
  out.on('error', reject);
  const body = (n) => [
    '--b1',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    ...Array.from({ length: 8 }, (_, i) => `Line ${i} of message ${n}: the pilot study, the grant, the next meeting and what we learned.`),
    '>From the minutes:',
    '',
    '--b1',
    'Content-Type: text/html; charset=UTF-8',
    '',
    `<div>${'Some formatted text of the message. '.repeat(20)}</div>`,
    '',
    '--b1--',
    '',
  ];
  let written = 0;
  let thread = 0;
  const start = Date.parse('2023-11-22T00:00:00Z');
  const span = Date.parse(NOW) - start - 86_400_000;
  const write = () => {
    let ok = true;
    while (written < MESSAGES && ok) {
      thread += 1;
      const size = 1 + pick(5);
      const other = random() < 0.85 ? `p${pick(PEOPLE)}@example.org` : `stranger${pick(10_000)}@elsewhere.example`;
      let at = start + Math.floor(random() * span);
      const lines = [];
      for (let m = 0; m < size && written < MESSAGES; m++, written++) {
        const fromMe = (m + thread) % 2 === 0;
        const id = `<t${thread}.m${m}@bench.example>`;
        lines.push(
          `From ${thread}${m}@xxx ${new Date(at).toUTCString()}`,
          `X-GM-THRID: ${1_800_000_000_000 + thread}`,
          `Message-ID: ${id}`,
          ...(m > 0 ? [`In-Reply-To: <t${thread}.m${m - 1}@bench.example>`, `References: <t${thread}.m0@bench.example>`] : []),
          `Date: ${new Date(at).toUTCString().replace('GMT', '+0000')}`,
          fromMe ? 'From: Me Myself <me@example.org>' : `From: =?UTF-8?B?${Buffer.from(`Pérson ${thread}`).toString('base64')}?= <${other}>`,
          fromMe ? `To: =?ISO-8859-1?Q?J=F6rg?= <${other}>` : 'To: me@example.org',
          `Subject: =?UTF-8?Q?Re=3A_caf=C3=A9_${thread}?=`,
          'MIME-Version: 1.0',
          'Content-Type: multipart/alternative; boundary="b1"',
          '',
          ...body(written),
        );
        at += pick(6 * 3600_000);
      }
      ok = out.write(`${lines.join('\n')}\n`);
    }
    if (written < MESSAGES) out.once('drain', write);
    else out.end(resolve);
  };
  write();
});
const mboxMb = Math.round(statSync(mboxFile).size / 1e6);
const preview = run(['import', mboxFile, '--dry-run']);
const proposed = Number(/(\d+) proposed/.exec(preview.out)?.[1] ?? NaN);
const logged = run(['import', mboxFile, '--json']);
const loggedCount = JSON.parse(logged.out).summary.logged;
const again = run(['import', mboxFile, '--dry-run']);
if (!process.env.KEEP) rmSync(mboxFile);

// 2. The calendar: five years, 9,800 single events and 200 weekly series.
const pad = (n) => String(n).padStart(2, '0');
const stamp = (ms) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
};
const calendarStart = Date.parse('2021-11-23T00:00:00Z');
const calendarSpan = Date.parse(NOW) - calendarStart - 7 * 86_400_000;
const ics = ['BEGIN:VCALENDAR', 'PRODID:-//bench//EN', 'VERSION:2.0', 'BEGIN:VTIMEZONE', 'TZID:Europe/Lisbon', 'BEGIN:STANDARD', 'DTSTART:19701025T020000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD', 'BEGIN:DAYLIGHT', 'DTSTART:19700329T010000', 'TZOFFSETFROM:+0000', 'TZOFFSETTO:+0100', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT', 'END:VTIMEZONE'];
for (let i = 0; i < 10_000; i++) {
  const at = calendarStart + Math.floor(random() * calendarSpan);
  const series = i < 200;
  ics.push(
    'BEGIN:VEVENT',
    `UID:bench-${i}@example.org`,
    'DTSTAMP:20261122T090000Z',
    `DTSTART;TZID=Europe/Lisbon:${stamp(at)}`,
    `DTEND;TZID=Europe/Lisbon:${stamp(at + 3600_000)}`,
    ...(series ? ['RRULE:FREQ=WEEKLY;COUNT=20'] : []),
    `SUMMARY:Meeting ${i}`,
    'ORGANIZER;CN=Me Myself:mailto:me@example.org',
    `ATTENDEE;CN=Person ${i % PEOPLE};PARTSTAT=ACCEPTED:mailto:p${i % PEOPLE}@example.org`,
    ...(i % 3 === 0 ? ['X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij'] : [`LOCATION:Room ${i % 40}`]),
    'END:VEVENT',
  );
}
ics.push('END:VCALENDAR');
const icsFile = join(dir, 'calendar.ics');
writeFileSync(icsFile, `${ics.join('\r\n')}\r\n`);
const calendar = run(['import', icsFile, '--dry-run', '--since', '2021-11-22']);
const calendarProposed = Number(/(\d+) proposed/.exec(calendar.out)?.[1] ?? NaN);

if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
const results = {
  loadAverage: (await import('node:os')).loadavg().map((n) => Math.round(n * 10) / 10),
  mbox: { messages: MESSAGES, megabytes: mboxMb, proposed, previewMs: preview.ms, previewCpuMs: preview.cpuMs, previewPeakMb: preview.peakMb, logged: loggedCount, logMs: logged.ms, logPeakMb: logged.peakMb, againMs: again.ms },
  calendar: { events: 10_000, proposed: calendarProposed, previewMs: calendar.ms, cpuMs: calendar.cpuMs, peakMb: calendar.peakMb },
};
const rows = [
  [`mbox of ${MESSAGES.toLocaleString('en')} messages (${mboxMb} MB), headers to proposals (dry run)`, `${preview.ms} ms`, '< 10000 ms', preview.ms < 10_000],
  ['  CPU time of that process (user + system)', preview.cpuMs === null ? 'n/a' : `${preview.cpuMs} ms`, '', null],
  ['  peak memory of that process', preview.peakMb === null ? 'n/a' : `${preview.peakMb} MB`, '< 300 MB', preview.peakMb === null ? null : preview.peakMb < 300],
  [`  logging its ${loggedCount.toLocaleString('en')} proposals as exchanges`, `${logged.ms} ms`, '', null],
  ['  importing it again (nothing proposed)', `${again.ms} ms`, '', null],
  [`calendar of 10,000 events over five years (${calendarProposed.toLocaleString('en')} proposed)`, `${calendar.ms} ms`, '< 3000 ms', calendar.ms < 3000],
  ['  CPU time of that process (user + system)', calendar.cpuMs === null ? 'n/a' : `${calendar.cpuMs} ms`, '', null],
];
console.log(`\nCapture benchmarks (Node ${process.version}; whole processes of the built waggle; load average ${results.loadAverage.join(' ')})`);
for (const [label, value, target, ok] of rows) console.log(`${label.padEnd(78)} ${value.padStart(10)}  ${target.padEnd(10)} ${ok === null ? '' : ok ? 'ok' : 'OVER TARGET'}`);
console.log(JSON.stringify(results));
