/**
 * A vCard property read from its logical line: the group, the name, the parameters
 * (2.1's bare ones included), and the value decoded from its transfer encoding and
 * unescaped (`\,` `\;` `\:` `\\` `\n`), whole or split into its components.
 */
import { decodeBase64, decodeQuotedPrintable } from './encodings.js';

/** 2.1 writes encodings as bare parameters (`NOTE;QUOTED-PRINTABLE:`); every other bare parameter is a type. */
const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

export interface Property {
  group: string | null;
  /** Upper-cased, without its group. */
  name: string;
  /** Upper-cased parameter names; values without their quotes. */
  params: Map<string, string[]>;
  /** Lower-cased TYPE values, with 2.1's bare parameters. */
  types: string[];
  /** The value as written, before decoding or unescaping. */
  raw: string;
}

/** Splits on a separator outside double quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === separator && !quoted) {
      parts.push(text.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(text.slice(from));
  return parts;
}

function unquote(value: string): string {
  const trimmed = value.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
}

/** The property of a logical line whose name and parameters end at `colon`. */
export function parseProperty(logical: string, colon: number): Property {
  const header = logical.slice(0, colon);
  const [nameWithGroup = '', ...rawParams] = splitOutsideQuotes(header, ';');
  const dot = nameWithGroup.lastIndexOf('.');
  const group = dot >= 0 ? nameWithGroup.slice(0, dot).trim().toUpperCase() : null;
  const name = (dot >= 0 ? nameWithGroup.slice(dot + 1) : nameWithGroup).trim().toUpperCase();
  const params = new Map<string, string[]>();
  const types: string[] = [];
  const add = (key: string, values: string[]) => {
    const list = params.get(key) ?? [];
    for (const value of values) list.push(value);
    params.set(key, list);
  };
  for (const param of rawParams) {
    const equals = param.indexOf('=');
    if (equals < 0) {
      const bare = param.trim();
      if (!bare) continue;
      if (BARE_ENCODINGS.has(bare.toUpperCase())) add('ENCODING', [bare]);
      else types.push(bare);
      continue;
    }
    const key = param.slice(0, equals).trim().toUpperCase();
    let values = splitOutsideQuotes(param.slice(equals + 1), ',').map(unquote);
    // 4.0 quotes a list of types as one value: TYPE="cell,voice".
    if (key === 'TYPE') values = values.flatMap((value) => value.split(','));
    add(key, values);
    if (key === 'TYPE') for (const value of values) types.push(value);
  }
  return {
    group,
    name,
    params,
    types: types.map((t) => (t.toLowerCase().startsWith('x-') ? t : t.toLowerCase())).filter((t) => t !== ''),
    raw: logical.slice(colon + 1),
  };
}

/** The first value of a parameter, or null. */
export function param(property: Property, key: string): string | null {
  return property.params.get(key)?.[0] ?? null;
}

/** The value decoded from its transfer encoding, still escaped. */
export function decodedValue(property: Property): string {
  const encoding = (param(property, 'ENCODING') ?? '').toUpperCase();
  const charset = param(property, 'CHARSET');
  if (encoding === 'QUOTED-PRINTABLE') return decodeQuotedPrintable(property.raw, charset);
  if (encoding === 'B' || encoding === 'BASE64') return decodeBase64(property.raw, charset);
  return property.raw;
}

/** Splits a value on an unescaped separator (or not at all, with null) and undoes `\,` `\;` `\:` `\\` `\n`. */
export function unescapeSplit(raw: string, separator: string | null): string[] {
  const parts: string[] = [];
  let current = '';
  let from = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\' && i + 1 < raw.length) {
      const escaped = raw[i + 1];
      current += raw.slice(from, i);
      if (escaped === 'n' || escaped === 'N') current += '\n';
      else if (escaped === ',' || escaped === ';' || escaped === ':' || escaped === '\\') current += escaped;
      else current += `\\${escaped}`;
      i += 1;
      from = i + 1;
    } else if (c === separator) {
      parts.push(current + raw.slice(from, i));
      current = '';
      from = i + 1;
    }
  }
  parts.push(current + raw.slice(from));
  return parts;
}

/** Line breaks as `\n`, whatever the writer used (quoted-printable `=0D=0A`, or `\r\n` escaped). */
function normaliseBreaks(value: string): string {
  return value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value;
}

/** The value as one piece of text, decoded, unescaped and trimmed. */
export function text(property: Property): string {
  return normaliseBreaks(unescapeSplit(decodedValue(property), null)[0] ?? '').trim();
}

/** The value's `;`-separated components (N, ORG, ADR), each decoded, unescaped and trimmed. */
export function components(property: Property): string[] {
  return unescapeSplit(decodedValue(property), ';').map((part) => normaliseBreaks(part).trim());
}
