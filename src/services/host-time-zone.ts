import { readlinkSync } from 'node:fs';
import { usableTimeZone } from '../core/dates.js';

/**
 * The names ICU answers "UTC" for (`Intl.DateTimeFormat().resolvedOptions().timeZone` under
 * `TZ=Etc/UTC`, `TZ=Zulu`, `TZ=GMT` and so on, checked in host-time-zone.test.ts).
 */
export const UTC_NAMES: ReadonlySet<string> = new Set(['UTC', 'Etc/UTC', 'UCT', 'Etc/UCT', 'Universal', 'Etc/Universal', 'Zulu', 'Etc/Zulu', 'GMT', 'Etc/GMT']);

/** Where the host's zone is set on Linux and macOS when `TZ` is not: a link into the zone database. */
const LOCALTIME_LINK = '/etc/localtime';

export interface HostZoneSources {
  /** The `TZ` variable, undefined when it is not set. */
  tz: string | undefined;
  /** The target of /etc/localtime; throws where there is no such link (Windows, a copied file). */
  localtimeLink: () => string;
  /** What ICU says, the answer for every host these sources do not settle (undefined for a zone it cannot name). */
  icu: () => string | undefined;
}

/** This host's, read when asked (a process may set TZ after it starts). */
const host = (): HostZoneSources => ({
  tz: process.env.TZ,
  localtimeLink: () => readlinkSync(LOCALTIME_LINK),
  icu: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
});

/**
 * The host's time zone, as ICU names it, for a new workspace. A host set to UTC (most servers and
 * containers) is recognised from `TZ` or the /etc/localtime link without asking ICU: its first
 * DateTimeFormat loads locale data, 16–30 ms of every command's start on this machine, and a UTC
 * workspace's dates need no zone database at all (core/dates.ts). Read as ICU reads it: `TZ` when
 * set (even empty), else the link's name under `zoneinfo/`. Anything else is ICU's answer, as before,
 * unless ICU cannot name a zone it can work dates out in (an empty `TZ`, `UTC0`, a misspelt name): then
 * UTC, which is what the C library keeps time by for such a `TZ` (usableTimeZone).
 */
export function hostTimeZone(sources: HostZoneSources = host()): string {
  if (sources.tz !== undefined) return UTC_NAMES.has(sources.tz.replace(/^:/, '')) ? 'UTC' : usableTimeZone(sources.icu());
  let link: string;
  try {
    link = sources.localtimeLink();
  } catch {
    return usableTimeZone(sources.icu());
  }
  const at = link.lastIndexOf('zoneinfo/');
  const name = at === -1 ? '' : link.slice(at + 'zoneinfo/'.length).replace(/^(posix|right)\//, '');
  return UTC_NAMES.has(name) ? 'UTC' : usableTimeZone(sources.icu());
}
