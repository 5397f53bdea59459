/**
 * Writes contacts as vCard 4.0 (RFC 6350), the file that vcard.ts reads back without loss and that
 * other address books read too.
 */
import { ROLE_NAMES } from '../crisis-roles.js';
import type { Contact, Phone, PhoneKind } from '../contact.js';
import { escapeText } from './vcard-values.js';

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
