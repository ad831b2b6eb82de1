import type { ContactKind } from './vocabulary.js';

/**
 * What a web address is: a LinkedIn, X, GitHub, ORCID or Bluesky profile, or
 * just the web. One classifier for every way links come in: typed on the
 * command line, imported from CSV or vCard, or written back out.
 */

const HOSTS: [string, ContactKind][] = [
  ['linkedin.com', 'linkedin'],
  ['x.com', 'x'],
  ['twitter.com', 'x'],
  ['github.com', 'github'],
  ['orcid.org', 'orcid'],
  ['bsky.app', 'bluesky'],
];

/** The host of a URL written with or without its scheme, lower-cased, or null. */
function hostOf(url: string): string | null {
  let rest = url.trim();
  const scheme = rest.indexOf('://');
  if (scheme >= 0) rest = rest.slice(scheme + 3);
  let stop = rest.length;
  for (const mark of ['/', '?', '#']) {
    const at = rest.indexOf(mark);
    if (at >= 0 && at < stop) stop = at;
  }
  let host = rest.slice(0, stop);
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  const colon = host.indexOf(':');
  if (colon >= 0) host = host.slice(0, colon);
  host = host.toLowerCase();
  return host === '' ? null : host;
}

/** What a web address is: a LinkedIn, X, GitHub, ORCID or Bluesky profile, or just the web. */
export function classifyUrl(url: string): ContactKind {
  const host = hostOf(url);
  if (host === null) return 'web';
  for (const [domain, kind] of HOSTS) if (host === domain || host.endsWith(`.${domain}`)) return kind;
  return 'web';
}


/**
 * A profile link of a network in HOSTS, written with or without its scheme and subdomain: the
 * path after the host. The first path part is the handle, or the second after a part that
 * only says what kind of page it is (`linkedin.com/in/ana-silva`, `bsky.app/profile/ana.bsky.social`).
 * The networks are HOSTS', so that the classifier and the handle reader know the same ones.
 */
const PROFILE_LINK = new RegExp(`^(?:https?://)?(?:[a-z0-9-]+\\.)*(?:${HOSTS.map(([domain]) => domain.replace(/\./g, '\\.')).join('|')})(?::\\d+)?/([^?#]*)`, 'i');
const PAGE_KIND_PARTS = new Set(['in', 'pub', 'profile', 'company', 'school', 'showcase']);
/** How LinkedIn's own export writes every profile link. */
const LINKEDIN_EXPORT_PREFIX = 'https://www.linkedin.com/in/';

/**
 * The handle a profile link names (`https://www.linkedin.com/in/ana-silva/` → `ana-silva`), or
 * null for anything else (an email, a phone, a personal site, a network's home page). Search
 * holds a profile by its handle (core/search-text.ts): the network's address around it is the
 * same for everyone who has one, and a LinkedIn import gives everyone one.
 */
export function profileHandle(value: string): string | null {
  // No path, no profile: an email or a phone is let through without the pattern.
  if (!value.includes('/')) return null;
  const text = value.trim();
  // LinkedIn's export's own form, read without the pattern: an import asks for each of its 30,000 links (issue 15).
  if (text.startsWith(LINKEDIN_EXPORT_PREFIX)) {
    const from = LINKEDIN_EXPORT_PREFIX.length;
    let end = from;
    while (end < text.length) {
      const code = text.charCodeAt(end);
      if (code === 47 || code === 63 || code === 35) break; // '/', '?', '#'
      end++;
    }
    if (end > from) return text.slice(from, end);
  }
  const match = PROFILE_LINK.exec(text);
  if (!match) return null;
  const parts = (match[1] ?? '').split('/').filter((part) => part !== '');
  const first = parts[0];
  if (first === undefined) return null;
  const handle = PAGE_KIND_PARTS.has(first.toLowerCase()) ? parts[1] : first;
  return handle ?? null;
}
