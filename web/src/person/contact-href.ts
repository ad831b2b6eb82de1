/**
 * Where a stored contact detail may lead, or null to show it as text: mailto: for an
 * email address, tel: for a phone number, and https:/http: for a web or profile link.
 * Anything else (javascript:, data:, a malformed address) stays text: stored values
 * come from imports too, and a link must never run code or reach somewhere unexpected.
 */
const EMAIL = /^[^\s@<>()[\]\\,;:"?&=#%/]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
const PHONE = /^\+?[0-9 ()./-]{3,40}$/;

export function contactHref(kind: string, value: string): string | null {
  const v = value.trim();
  if (kind === 'email') return EMAIL.test(v) ? `mailto:${v}` : null;
  if (kind === 'phone') {
    if (!PHONE.test(v)) return null;
    const digits = v.replace(/[^0-9+]/g, '');
    return /^\+?[0-9]{3,20}$/.test(digits) ? `tel:${digits}` : null;
  }
  // A web or profile link: written with or without its scheme; only http and https lead anywhere.
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!url.hostname.includes('.') || /\s/.test(v)) return null;
  return url.href;
}
