import type { Participant } from './capture.js';

/**
 * An RFC 5322 address list as mail headers write it: `"Silva, Ana" <ana@x.org>,
 * Kofi <k@y.org>, bo@z.org (Bo Li), Team: a@b.org, c@d.org;`. Commas inside
 * quotes, angle brackets and comments do not split; groups give their members.
 * Lenient, as mail is: what cannot be read as an address is dropped.
 */
export function parseAddressList(header: string): Participant[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angle = 0;
  let comment = 0;
  for (let i = 0; i < header.length; i++) {
    const c = header[i]!;
    if (quoted) {
      if (c === '\\' && i + 1 < header.length) {
        current += c + header[++i]!;
        continue;
      }
      if (c === '"') quoted = false;
      current += c;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === '(') comment += 1;
    else if (c === ')' && comment > 0) comment -= 1;
    else if (c === '<' && comment === 0) angle += 1;
    else if (c === '>' && comment === 0 && angle > 0) angle -= 1;
    else if ((c === ',' || c === ';') && angle === 0 && comment === 0) {
      parts.push(current);
      current = '';
      continue;
    } else if (c === ':' && angle === 0 && comment === 0) {
      // "Group name:" starts a group; its name is not an address.
      current = '';
      continue;
    }
    current += c;
  }
  parts.push(current);
  const out: Participant[] = [];
  for (const part of parts) {
    const address = parseAddress(part);
    if (address) out.push(address);
  }
  return out;
}

function unquote(text: string): string {
  const t = text.trim();
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1).replace(/\\(.)/g, '$1');
  return t;
}

function parseAddress(part: string): Participant | null {
  const text = part.trim();
  if (text === '') return null;
  const angled = /^(.*?)<([^<>]*)>\s*(?:\(.*\))?$/s.exec(text);
  if (angled) {
    const email = angled[2]!.trim().replace(/^mailto:/i, '');
    const name = unquote(angled[1]!.replace(/\s+/g, ' ')).trim();
    if (!email.includes('@') && name === '') return null;
    return { email: email.includes('@') ? email : null, name: name || null };
  }
  const withComment = /^([^\s()]+@[^\s()]+)\s*\((.*)\)$/s.exec(text);
  if (withComment) return { email: withComment[1]!, name: withComment[2]!.trim() || null };
  const bare = text.replace(/\(.*?\)/g, '').trim();
  if (/^[^\s@]+@[^\s@]+$/.test(bare)) return { email: bare, name: null };
  return null;
}
