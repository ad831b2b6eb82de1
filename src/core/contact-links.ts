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

