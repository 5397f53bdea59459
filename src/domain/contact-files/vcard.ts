/**
 * Reads and writes vCards: 4.0 (RFC 6350), 3.0 (RFC 2426) and the 2.1 that Outlook still exports.
 * A small, fully tested reader of those RFCs rather than a vCard library: it reads only the
 * properties the directory has fields for and skips the rest (ADR, PHOTO…) unread.
 *
 * This module turns cards into contacts. vcard-tokenizer.ts splits the text into cards of
 * properties, vcard-values.ts unescapes their values, and vcard-export.ts writes vCard 4.0; its
 * export is re-exported here, so that the app and the admin CLI have one module for the format.
 *
 * Tocsin extensions: `X-TOCSIN-CELL-MEMBER:true|false` and `X-TOCSIN-ROLES:<role ids, comma-separated>`.
 */
import type { PhoneKind } from '../contact.js';
import { finishCheckedContact } from './line-rules.js';
import { readImportFile } from './text-decoding.js';
import {
  draftHasName,
  emptyDraft,
  findCrisisRole,
  parseYesNo,
  phoneKindFromLabel,
  refuseFile,
  type ContactDraft,
  type ContactsRead,
  type ImportOptions,
  type ImportOutcome,
} from './types.js';
import { readCards, type ContentLine, type RawCard } from './vcard-tokenizer.js';
import { components, textList, unescapeText } from './vcard-values.js';

export { exportContactsVcard } from './vcard-export.js';

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

/**
 * Reads every vCard (2.1, 3.0 or 4.0) of a text into contacts. A card is refused, with the line of
 * its BEGIN, when its BEGIN and END do not pair, when it has neither FN nor N, or when a value is
 * over its bound or a TEL is not a valid number (line-rules.ts); numbers are stored in E.164.
 */
export function parseVcards(text: string, options: ImportOptions = {}): ContactsRead {
  const now = options.now ?? new Date();
  const { cards, refused, strayLines } = readCards(text);
  const result: ContactsRead = { contacts: [], refused, warnings: [] };
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
    const checked = finishCheckedContact(draft, { now, takenIds, warn, where, what: 'card' });
    if ('problem' in checked) refused.push({ line: card.line, ...checked.problem });
    else result.contacts.push(checked.contact);
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
