/**
 * Reads and writes vCards: 4.0 (RFC 6350), 3.0 (RFC 2426) and the 2.1 that Outlook still exports.
 * A small, fully tested reader of those RFCs rather than a vCard library: it reads
 * only the properties the directory has fields for and skips the rest (ADR, PHOTO…) unread.
 *
 * Tocsin extensions: `X-TOCSIN-CELL-MEMBER:true|false` and `X-TOCSIN-ROLES:<role ids, comma-separated>`.
 */
import { ROLE_NAMES } from '../../crisis/roles.js';
import type { Contact, Phone, PhoneKind } from '../contact.js';
import { readImportFile } from './text-decoding.js';
import {
  draftHasName,
  emptyDraft,
  findCrisisRole,
  finishContact,
  parseYesNo,
  phoneKindFromLabel,
  refuseFile,
  type ContactDraft,
  type ImportOptions,
  type ImportOutcome,
  type ImportResult,
  type RefusedLine,
} from './types.js';

// ---------------------------------------------------------------------------------------------
// Reading: physical lines → content lines → cards → contacts.

/** A line of text with the 1-based line of the file where it starts. */
interface NumberedLine {
  line: number;
  text: string;
}

/** One property of a card: `[group.]NAME;PARAM=a,b:value`. */
interface ContentLine {
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
interface RawCard {
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

/** Groups content lines into cards; cards whose BEGIN and END do not pair are refused. */
function collectCards(lines: NumberedLine[]): {
  cards: RawCard[];
  refused: RefusedLine[];
  strayLines: number;
} {
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

/** Splits on a separator that is not escaped with a backslash. */
function splitUnescaped(value: string, separator: ',' | ';'): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < value.length; index++) {
    const char = value[index];
    if (char === '\\' && index + 1 < value.length) {
      current += char + value[index + 1];
      index++;
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

/** `\n` and `\N` are line breaks; any other escaped character stands for itself (`\,` `\;` `\\`). */
function unescapeText(value: string): string {
  return value.replace(/\\(.)/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

/** A comma-separated list of texts (CATEGORIES, ROLE, X-TOCSIN-ROLES). */
function textList(value: string): string[] {
  return splitUnescaped(value, ',')
    .map((item) => unescapeText(item).trim())
    .filter((item) => item !== '');
}

/** The components of a structured value (N, ORG); commas inside one join its several values. */
function components(value: string): string[] {
  return splitUnescaped(value, ';').map((component) => textList(component).join(' '));
}

function stripUrnUuid(uid: string): string {
  return uid.replace(/^urn:uuid:/i, '');
}

const APPLE_LABEL_PROPERTY = 'X-ABLABEL';

/** The kind of a TEL: its TYPE parameters first, then the label Apple attaches to its group. */
function phoneKindOf(property: ContentLine, labels: Map<string, string>): PhoneKind {
  const types = property.params.get('TYPE') ?? [];
  const label = property.group ? labels.get(property.group.toUpperCase()) : undefined;
  const fromTypes = phoneKindFromTypes(types);
  if (fromTypes) return fromTypes;
  return label ? phoneKindFromLabel(label) : 'work';
}

function phoneKindFromTypes(types: string[]): PhoneKind | undefined {
  const has = (...names: string[]): boolean => names.some((name) => types.includes(name));
  if (has('x-satellite', 'satellite')) return 'satellite';
  if (has('x-radio', 'radio', 'pager')) return 'radio';
  if (has('cell', 'mobile')) return 'mobile';
  if (has('home')) return 'home';
  if (has('work')) return 'work';
  return undefined;
}

function telNumber(property: ContentLine): string {
  const value = property.value.trim();
  if (!/^tel:/i.test(value)) return unescapeText(value).trim();
  const number = value.slice('tel:'.length);
  try {
    return decodeURIComponent(number).trim();
  } catch {
    return number.trim();
  }
}

interface CardContext {
  warn: (message: string) => void;
  line: number;
}

function addTocsinRoles(draft: ContactDraft, value: string, context: CardContext): void {
  for (const name of textList(value)) {
    const role = findCrisisRole(name);
    if (role) draft.roles.push(role);
    else
      context.warn(`Card on line ${context.line}: "${name}" is not a crisis role; it was ignored.`);
  }
}

function setNameFromN(draft: ContactDraft, value: string): void {
  const [family = '', given = '', additional = ''] = components(value);
  draft.familyName ||= family;
  draft.givenName ||= [given, additional].filter((part) => part !== '').join(' ');
}

function setOrganisation(draft: ContactDraft, value: string): void {
  const [organisation = '', ...units] = components(value);
  draft.organisation ||= organisation;
  draft.service ||= units.filter((unit) => unit !== '').join(' / ');
}

/** Applies one property to the draft; properties the directory has no field for are skipped. */
function readProperty(
  draft: ContactDraft,
  property: ContentLine,
  labels: Map<string, string>,
  context: CardContext,
): void {
  const value = property.value;
  switch (property.name) {
    case 'FN':
      draft.displayName ||= unescapeText(value).trim();
      break;
    case 'N':
      setNameFromN(draft, value);
      break;
    case 'ORG':
      setOrganisation(draft, value);
      break;
    case 'TITLE':
      draft.jobTitle ||= unescapeText(value).trim();
      break;
    case 'ROLE':
      // ROLE is often a job function ("DGS"): only values that name a crisis role count.
      for (const name of textList(value)) {
        const role = findCrisisRole(name);
        if (role) draft.roles.push(role);
      }
      break;
    case 'TEL':
      draft.phones.push({ kind: phoneKindOf(property, labels), number: telNumber(property) });
      break;
    case 'EMAIL':
      draft.emails.push(unescapeText(value).trim());
      break;
    case 'NOTE':
      draft.notes.push(unescapeText(value));
      break;
    case 'CATEGORIES':
      draft.groups.push(...textList(value));
      break;
    case 'UID':
      draft.id ||= stripUrnUuid(unescapeText(value).trim());
      break;
    case 'X-TOCSIN-CELL-MEMBER':
      draft.cellMember = parseYesNo(unescapeText(value)) ?? draft.cellMember;
      break;
    case 'X-TOCSIN-ROLES':
      addTocsinRoles(draft, value, context);
      break;
  }
}

/** Apple puts a free label on a grouped property: `item1.TEL:…` with `item1.X-ABLabel:Radio`. */
function groupLabels(card: RawCard): Map<string, string> {
  const labels = new Map<string, string>();
  for (const property of card.properties) {
    if (property.name === APPLE_LABEL_PROPERTY && property.group) {
      labels.set(property.group.toUpperCase(), unescapeText(property.value).trim());
    }
  }
  return labels;
}

function readCard(card: RawCard, warn: (message: string) => void): ContactDraft {
  const draft = emptyDraft();
  const labels = groupLabels(card);
  for (const property of card.properties) {
    readProperty(draft, property, labels, { warn, line: card.line });
  }
  return draft;
}

/** Contacts read from vCard text, with the cards left out and why. */
export type VcardReadResult = Pick<ImportResult, 'contacts' | 'refused' | 'warnings'>;

/**
 * Reads every vCard (2.1, 3.0 or 4.0) of a text into contacts. A card is refused, with the line of
 * its BEGIN, when its BEGIN and END do not pair or when it has neither FN nor N.
 */
export function parseVcards(text: string, options: ImportOptions = {}): VcardReadResult {
  const now = options.now ?? new Date();
  const { cards, refused, strayLines } = collectCards(unfoldLines(text));
  const result: VcardReadResult = { contacts: [], refused, warnings: [] };
  const warn = (message: string): void => void result.warnings.push(message);
  const takenIds = new Set<string>();
  for (const card of cards) {
    const draft = readCard(card, warn);
    if (!draftHasName(draft)) {
      refused.push({
        line: card.line,
        code: 'no-name',
        reason: 'This card has no name (neither FN nor N).',
      });
      continue;
    }
    const where = `Card on line ${card.line}`;
    result.contacts.push(finishContact(draft, { now, takenIds, warn, where }));
  }
  refused.sort((a, b) => a.line - b.line);
  if (strayLines > 0) {
    result.warnings.push(`${strayLines} line(s) outside any BEGIN:VCARD … END:VCARD were ignored.`);
  }
  return result;
}

/** Imports contacts from a .vcf file; a file without any card is refused whole. */
export function importContactsVcard(bytes: Uint8Array, options: ImportOptions = {}): ImportOutcome {
  const decoded = readImportFile(bytes);
  if (!decoded.ok) return decoded;
  const result = parseVcards(decoded.text, options);
  if (result.contacts.length === 0 && result.refused.length === 0) {
    return refuseFile(
      'empty',
      'The file contains no vCard (BEGIN:VCARD … END:VCARD); nothing was imported.',
    );
  }
  return { ok: true, ...result, format: 'vcard', encoding: decoded.encoding };
}

// ---------------------------------------------------------------------------------------------
// Writing vCard 4.0.

const MAX_LINE_OCTETS = 75;

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds a content line at 75 octets (RFC 6350 §3.2), between characters, so that no UTF-8 sequence
 * is cut; each continuation line starts with a space, which counts in its 75.
 */
function foldLine(line: string): string {
  let folded = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > MAX_LINE_OCTETS) {
      folded += '\r\n ';
      octets = 1;
    }
    folded += char;
    octets += size;
  }
  return folded;
}

/** Escapes a text value: backslash, line breaks, and the "," and ";" that separate values. */
function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// RFC 3966 global number: "+", then digits and the visual separators "-", "." and parentheses.
// A number written with spaces is not one, and rewriting it would change the number as written.
const GLOBAL_TEL_NUMBER = /^\+[0-9().-]*[0-9][0-9().-]*$/;

const TEL_TYPES: Record<PhoneKind, string> = {
  mobile: 'cell',
  work: 'work,voice',
  home: 'home,voice',
  satellite: 'x-satellite',
  radio: 'x-radio',
};

function telLine(phone: Phone): string {
  const type = TEL_TYPES[phone.kind];
  // TEL's default value type in 4.0 is a URI, so a number that is not one says VALUE=text.
  return GLOBAL_TEL_NUMBER.test(phone.number)
    ? `TEL;VALUE=uri;TYPE=${type}:tel:${phone.number}`
    : `TEL;VALUE=text;TYPE=${type}:${escapeText(phone.number)}`;
}

function uidLine(id: string): string {
  return UUID.test(id) ? `UID:urn:uuid:${id}` : `UID;VALUE=text:${escapeText(id)}`;
}

/** REV wants the basic ISO 8601 form, `20250301T101500Z`. */
function revLine(updatedAt: string): string | undefined {
  const time = new Date(updatedAt);
  if (Number.isNaN(time.getTime())) return undefined;
  return `REV:${time.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')}`;
}

function optionalLine(name: string, value: string): string | undefined {
  return value === '' ? undefined : `${name}:${escapeText(value)}`;
}

function contactLines(contact: Contact): string[] {
  const lines: (string | undefined)[] = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    uidLine(contact.id),
    `FN:${escapeText(contact.displayName)}`,
    `N:${escapeText(contact.familyName)};${escapeText(contact.givenName)};;;`,
    contact.organisation || contact.service
      ? `ORG:${escapeText(contact.organisation)}${contact.service ? `;${escapeText(contact.service)}` : ''}`
      : undefined,
    optionalLine('TITLE', contact.jobTitle),
    // ROLE carries the French names for people reading the card in another address book;
    // X-TOCSIN-ROLES carries the ids, which are what Tocsin reads back.
    ...contact.roles.map((role) => `ROLE:${escapeText(ROLE_NAMES[role].fr)}`),
    ...contact.phones.map(telLine),
    ...contact.emails.map((email) => `EMAIL:${escapeText(email)}`),
    optionalLine('NOTE', contact.notes),
    contact.groups.length > 0
      ? `CATEGORIES:${contact.groups.map(escapeText).join(',')}`
      : undefined,
    contact.roles.length > 0 ? `X-TOCSIN-ROLES:${contact.roles.join(',')}` : undefined,
    `X-TOCSIN-CELL-MEMBER:${contact.cellMember ? 'true' : 'false'}`,
    revLine(contact.updatedAt),
    'END:VCARD',
  ];
  return lines.filter((line): line is string => line !== undefined);
}

/**
 * Writes contacts as vCard 4.0: CRLF line ends, escaped values, lines folded at 75 octets, the id
 * as a `urn:uuid:` UID, and Tocsin's roles and cell membership as X-TOCSIN extensions.
 */
export function exportContactsVcard(contacts: Contact[]): string {
  return contacts
    .flatMap(contactLines)
    .map((line) => `${foldLine(line)}\r\n`)
    .join('');
}
