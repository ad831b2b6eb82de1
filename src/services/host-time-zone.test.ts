import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isTimeZone } from '../core/dates.js';
import { hostTimeZone, UTC_NAMES, type HostZoneSources } from './host-time-zone.js';

/** What ICU itself answers in a new process with this TZ (undefined: TZ not set); undefined when it names no zone. */
function icuUnder(tz: string | undefined): string | undefined {
  const env = { ...process.env };
  if (tz === undefined) delete env.TZ;
  else env.TZ = tz;
  const child = spawnSync(process.execPath, ['-p', 'Intl.DateTimeFormat().resolvedOptions().timeZone'], { env, encoding: 'utf8' });
  expect(child.status).toBe(0);
  const answer = child.stdout.trim();
  return answer === 'undefined' ? undefined : answer;
}

const icuNotAsked = (): string => {
  throw new Error('ICU was asked');
};
const noLink = (): string => {
  throw Object.assign(new Error('not a link'), { code: 'EINVAL' });
};

describe('the host time zone', () => {
  it('names UTC for every TZ that ICU names UTC, without asking ICU', () => {
    for (const name of UTC_NAMES) {
      expect(icuUnder(name)).toBe('UTC');
      expect(hostTimeZone({ tz: name, localtimeLink: noLink, icu: icuNotAsked })).toBe('UTC');
      expect(hostTimeZone({ tz: `:${name}`, localtimeLink: noLink, icu: icuNotAsked })).toBe('UTC');
    }
  });

  it('leaves any other TZ to ICU: the same answer as before', () => {
    for (const tz of ['Europe/Lisbon', 'America/St_Johns', 'Asia/Kathmandu', 'EST5EDT', 'Etc/GMT+0']) {
      const icu = icuUnder(tz);
      expect(icu).toBeDefined();
      expect(hostTimeZone({ tz, localtimeLink: noLink, icu: () => icu })).toBe(icu);
    }
  });

  it('gives UTC, as the C library keeps time, for a TZ ICU names no usable zone for (empty, UTC0, misspelt)', () => {
    for (const tz of ['', 'UTC0', 'Not/A_Zone', 'utc']) {
      const icu = icuUnder(tz);
      // ICU's own answer is no zone a date can be worked out in: "Etc/Unknown", or none at all.
      expect(icu === undefined || !isTimeZone(icu), `${JSON.stringify(tz)}: ${icu}`).toBe(true);
      expect(hostTimeZone({ tz, localtimeLink: noLink, icu: () => icu })).toBe('UTC');
    }
    expect(hostTimeZone({ tz: undefined, localtimeLink: noLink, icu: () => 'Etc/Unknown' })).toBe('UTC');
  });

  it('reads the /etc/localtime link when TZ is not set, as ICU does (Debian, macOS, a posix/ tree)', () => {
    for (const link of ['/usr/share/zoneinfo/Etc/UTC', '/usr/share/zoneinfo/UTC', '../usr/share/zoneinfo/Etc/UTC', '/var/db/timezone/zoneinfo/UTC', '/usr/share/zoneinfo/posix/Etc/UTC', '/usr/share/zoneinfo/Zulu']) {
      expect(hostTimeZone({ tz: undefined, localtimeLink: () => link, icu: icuNotAsked })).toBe('UTC');
    }
    for (const link of ['/usr/share/zoneinfo/Europe/London', '/usr/share/zoneinfo/Etc/GMT+1', '/somewhere/UTC', 'UTC']) {
      expect(hostTimeZone({ tz: undefined, localtimeLink: () => link, icu: () => 'Asia/Kathmandu' })).toBe('Asia/Kathmandu');
    }
    // No link at all (Windows, or /etc/localtime copied rather than linked): ICU's answer.
    expect(hostTimeZone({ tz: undefined, localtimeLink: noLink, icu: () => 'Asia/Kathmandu' })).toBe('Asia/Kathmandu');
  });

  it("agrees with ICU on this host, in this process and in one with TZ unset", () => {
    expect(hostTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    const sources: HostZoneSources = { tz: undefined, localtimeLink: () => (spawnSync('readlink', ['/etc/localtime'], { encoding: 'utf8' }).stdout.trim() || noLink()), icu: () => icuUnder(undefined) };
    expect(hostTimeZone(sources)).toBe(icuUnder(undefined));
  });
});
