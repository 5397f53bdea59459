/**
 * The first step of reading vCards (RFC 6350 §3.3, RFC 2426, and the 2.1 that Outlook still
 * exports): physical lines → unfolded content lines → `[group.]NAME;PARAMS:value` properties →
 * cards between BEGIN:VCARD and END:VCARD. Every property keeps the line of the file where it
 * starts, so that a refused card is named as people see it in their editor. Values come out
 * quoted-printable decoded but still backslash-escaped: which escapes apply depends on the
 * property (vcard-values.ts).
 */
import type { RefusedLine } from './types.js';

/** A line of text with the 1-based line of the file where it starts. */
interface NumberedLine {
  line: number;
  text: string;
}

/** One property of a card: `[group.]NAME;PARAM=a,b:value`. */
export interface ContentLine {
  line: number;
  group: string;
  /** Upper case. */
  name: string;
  /** Parameter names in upper case; TYPE values in lower case and split on commas. */
  params: Map<string, string[]>;
  /** After quoted-printable decoding, before backslash unescaping. */
  value: string;
}

/** The content lines between one BEGIN:VCARD and its END:VCARD. */
export interface RawCard {
  line: number;
  properties: ContentLine[];
}

/** Finds a character outside double quotes (parameter values may be quoted and hold ':' or ';'). */
function indexOutsideQuotes(text: string, wanted: string, from = 0): number {
  let quoted = false;
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (char === wanted && !quoted) return index;
  }
  return -1;
}

function isQuotedPrintableLine(text: string): boolean {
  const colon = indexOutsideQuotes(text, ':');
  return colon !== -1 && /QUOTED-PRINTABLE/i.test(text.slice(0, colon));
}

/**
 * Joins folded lines (a line starting with a space or tab continues the previous one) and the soft
 * line breaks of quoted-printable values (a value ending in "=" continues on the next line, which
 * Outlook does not indent).
 */
function unfoldLines(text: string): NumberedLine[] {
  const logical: NumberedLine[] = [];
  let softBreak = false;
  text.split(/\r\n|\r|\n/).forEach((physical, index) => {
    const previous = logical[logical.length - 1];
    if (previous && softBreak) {
      // A soft break joins the next line exactly as it is: its spaces belong to the value.
      previous.text = previous.text.slice(0, -1) + physical;
    } else if (previous && /^[ \t]/.test(physical)) {
      previous.text += physical.slice(1);
    } else {
      logical.push({ line: index + 1, text: physical });
    }
    const current = logical[logical.length - 1];
    softBreak = current.text.endsWith('=') && isQuotedPrintableLine(current.text);
  });
  return logical;
}

const ENCODING_WORDS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"')
    ? value.slice(1, -1)
    : value;
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let end = indexOutsideQuotes(text, separator); end !== -1;) {
    parts.push(text.slice(start, end));
    start = end + 1;
    end = indexOutsideQuotes(text, separator, start);
  }
  parts.push(text.slice(start));
  return parts;
}

// TYPE="work,voice" (quoted, as RFC 6350 allows) is the same as TYPE=work,voice.
function splitTypeValue(value: string): string[] {
  return value.split(',').map((type) => type.trim().toLowerCase());
}

/** Reads `;TYPE=cell,voice;PREF=1`, vCard 2.1's bare `;CELL;QUOTED-PRINTABLE` included. */
function parseParams(parts: string[]): Map<string, string[]> {
  const params = new Map<string, string[]>();
  const add = (name: string, values: string[]): void => {
    params.set(name, [...(params.get(name) ?? []), ...values]);
  };
  for (const part of parts) {
    if (part.trim() === '') continue;
    const equals = part.indexOf('=');
    if (equals === -1) {
      const word = part.trim().toUpperCase();
      add(ENCODING_WORDS.has(word) ? 'ENCODING' : 'TYPE', [word]);
      continue;
    }
    const name = part.slice(0, equals).trim().toUpperCase();
    const values = splitOutsideQuotes(part.slice(equals + 1), ',').map(unquote);
    add(name, values);
  }
  const types = params.get('TYPE');
  if (types) params.set('TYPE', types.flatMap(splitTypeValue));
  return params;
}

function decodeWithCharset(bytes: Uint8Array, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    // An unknown charset label: UTF-8 is what every modern exporter means.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Decodes `=C3=A9` escapes into bytes, then the bytes with the property's CHARSET. */
function decodeQuotedPrintable(value: string, charset: string | undefined): string {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (const [token, hex] of value.matchAll(/=([0-9A-Fa-f]{2})|[^=]+|=/g)) {
    if (hex) bytes.push(parseInt(hex, 16));
    else bytes.push(...encoder.encode(token));
  }
  return decodeWithCharset(Uint8Array.from(bytes), charset);
}

function parseContentLine({ line, text }: NumberedLine): ContentLine | undefined {
  const colon = indexOutsideQuotes(text, ':');
  if (colon === -1) return undefined;
  const [qualifiedName, ...paramParts] = splitOutsideQuotes(text.slice(0, colon), ';');
  const dot = qualifiedName.lastIndexOf('.');
  const params = parseParams(paramParts);
  let value = text.slice(colon + 1);
  if (params.get('ENCODING')?.some((encoding) => encoding.toUpperCase() === 'QUOTED-PRINTABLE')) {
    value = decodeQuotedPrintable(value, params.get('CHARSET')?.[0]);
  }
  return {
    line,
    group: dot === -1 ? '' : qualifiedName.slice(0, dot).trim(),
    name: qualifiedName
      .slice(dot + 1)
      .trim()
      .toUpperCase(),
    params,
    value,
  };
}

function isCardDelimiter(property: ContentLine, word: 'BEGIN' | 'END'): boolean {
  return property.name === word && property.value.trim().toUpperCase() === 'VCARD';
}

function refuseUnpairedCard(line: number, reason: string): RefusedLine {
  return { line, code: 'unpaired-card', reason };
}

/** The cards of a text, the cards refused for an unpaired BEGIN or END, and the lines outside any. */
export interface CardsRead {
  cards: RawCard[];
  refused: RefusedLine[];
  /** Non-blank lines outside any BEGIN:VCARD … END:VCARD. */
  strayLines: number;
}

/** Groups content lines into cards; cards whose BEGIN and END do not pair are refused. */
function collectCards(lines: NumberedLine[]): CardsRead {
  const cards: RawCard[] = [];
  const refused: RefusedLine[] = [];
  let strayLines = 0;
  let open: RawCard | undefined;
  for (const numbered of lines) {
    if (numbered.text.trim() === '') continue;
    const property = parseContentLine(numbered);
    if (property && isCardDelimiter(property, 'BEGIN')) {
      if (open) {
        refused.push(
          refuseUnpairedCard(open.line, 'This card has no END:VCARD before the next one.'),
        );
      }
      open = { line: numbered.line, properties: [] };
    } else if (property && isCardDelimiter(property, 'END')) {
      if (open) cards.push(open);
      else refused.push(refuseUnpairedCard(numbered.line, 'This END:VCARD has no BEGIN:VCARD.'));
      open = undefined;
    } else if (open) {
      if (property) open.properties.push(property);
    } else {
      strayLines++;
    }
  }
  if (open) refused.push(refuseUnpairedCard(open.line, 'This card has no END:VCARD.'));
  return { cards, refused, strayLines };
}

/** Reads the text of a .vcf file into cards of properties, each with the line where it starts. */
export function readCards(text: string): CardsRead {
  return collectCards(unfoldLines(text));
}
