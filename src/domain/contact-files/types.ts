/**
 * The shared vocabulary of directory imports: what an import returns, and the few rules that every
 * format (CSV, vCard) applies the same way, so that a contact reads the same whichever file it came
 * from. Everything here is pure and platform-only: it runs in the app and in the Node admin CLI.
 */
import { CRISIS_ROLES, ROLE_NAMES, type CrisisRoleId } from '../crisis-roles.js';
import type { BoundedField } from '../contact-bounds.js';
import type { Contact, PhoneKind } from '../contact.js';

/** The file formats the directory imports. */
export type ImportFormat = 'csv' | 'vcard';

/** The text encodings an import recognises (anything else is refused or read as one of these). */
export type ImportEncoding = 'utf-8' | 'windows-1252';

/** Why a whole file was refused; stable, so that the UI can translate it. */
export type FileRefusalCode =
  | 'too-large'
  | 'not-text'
  | 'unsupported-encoding'
  | 'empty'
  | 'unbalanced-quotes'
  | 'no-known-columns'
  | 'too-many-columns';

/**
 * Why one line (CSV) or one card (vCard) was refused; stable, so that the UI can translate it.
 * `bad-phone`: a phone number that is not a valid number; `too-long`: a value longer than its
 * bound in CONTACT_LIMITS; `too-many-values`: more phones, emails or groups than those bounds.
 */
export type LineRefusalCode =
  'no-name' | 'too-many-columns' | 'unpaired-card' | 'bad-phone' | 'too-long' | 'too-many-values';

/** One line or card left out of an import, with the 1-based line of the file where it starts. */
export interface RefusedLine {
  line: number;
  code: LineRefusalCode;
  /** A short English sentence for people. */
  reason: string;
  /** What in the line was refused, so that the UI can say it in the user's language. */
  subject?: RefusalSubject;
}

/** The value behind a refusal: a number that is not one, or a field over its bound. */
export type RefusalSubject =
  | { kind: 'phone'; phoneKind: PhoneKind; written: string }
  | { kind: 'bound'; field: BoundedField; limit: number; count: boolean };

/** What an import read: the contacts, what it left out and why, and how it read the file. */
export interface ImportResult {
  contacts: Contact[];
  refused: RefusedLine[];
  /** Short English sentences about things read with a doubt (unknown roles, ignored columns…). */
  warnings: string[];
  format: ImportFormat;
  encoding: ImportEncoding;
}

/** What reading the lines or cards of a file gives, before the import adds how it read the file. */
export type ContactsRead = Pick<ImportResult, 'contacts' | 'refused' | 'warnings'>;

/** A whole file refused: nothing was imported from it. */
export interface ImportFailure {
  ok: false;
  code: FileRefusalCode;
  /** A short English sentence for people. */
  error: string;
}

/** The outcome of importing one file. */
export type ImportOutcome = ({ ok: true } & ImportResult) | ImportFailure;

/** Options shared by the importers. */
export interface ImportOptions {
  /** The time written into `updatedAt` of every imported contact (defaults to now). */
  now?: Date;
}

/** The largest file an import reads: far above a real directory, small enough to parse at once. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Builds a whole-file refusal. */
export function refuseFile(code: FileRefusalCode, error: string): ImportFailure {
  return { ok: false, code, error };
}

/** Lower-cases and strips accents and punctuation, so that "Téléphone (bureau)" = "telephone bureau". */
export function foldForMatch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const ROLE_BY_FOLDED_NAME: ReadonlyMap<string, CrisisRoleId> = new Map(
  CRISIS_ROLES.flatMap((id) => [
    [foldForMatch(id), id],
    [foldForMatch(ROLE_NAMES[id].fr), id],
    [foldForMatch(ROLE_NAMES[id].en), id],
  ]),
);

/** The crisis role named by an id or a French or English role name, ignoring case and accents. */
export function findCrisisRole(text: string): CrisisRoleId | undefined {
  return ROLE_BY_FOLDED_NAME.get(foldForMatch(text));
}

const CRISIS_CELL_GROUP_NAMES = ['cellule de crise', 'crisis cell'];

/**
 * Whether a group or category says its members sit in the crisis cell. It matches names that
 * contain the phrase ("Cellule de crise communale"), the way French communes name their cell.
 */
export function isCrisisCellGroup(group: string): boolean {
  const folded = ` ${foldForMatch(group)} `;
  return CRISIS_CELL_GROUP_NAMES.some((name) => folded.includes(` ${name} `));
}

const YES = new Set(['yes', 'oui', 'true', 'vrai', '1', 'x', 'y', 'o']);
const NO = new Set(['no', 'non', 'false', 'faux', '0', 'n']);

/** Reads yes/no/oui/non/true/false/1/0/x; undefined when the text is none of these (or empty). */
export function parseYesNo(text: string): boolean | undefined {
  const folded = foldForMatch(text);
  if (YES.has(folded)) return true;
  if (NO.has(folded)) return false;
  return undefined;
}

/**
 * The phone kind a free label names ("Mobile", "* Work", Apple's "_$!<Home>!$_", "Satellite").
 * Labels that name no kind are office lines: that is what unnamed numbers are in a directory.
 */
export function phoneKindFromLabel(label: string): PhoneKind {
  const words = new Set(foldForMatch(label).split(' '));
  const has = (...names: string[]): boolean => names.some((name) => words.has(name));
  if (has('satellite', 'sat', 'satellitaire')) return 'satellite';
  if (has('radio', 'pager', 'radiotelephone', 'talkie')) return 'radio';
  if (has('mobile', 'cell', 'cellular', 'portable', 'iphone')) return 'mobile';
  if (has('home', 'domicile', 'maison', 'perso', 'personal')) return 'home';
  return 'work';
}

/**
 * A contact read from a file, before it is checked and given its defaults: the contact's own
 * fields, but for the notes, which a file may give in pieces, and the cell membership, which a
 * file may not give at all.
 */
export interface ContactDraft extends Pick<
  Contact,
  | 'id'
  | 'givenName'
  | 'familyName'
  | 'displayName'
  | 'organisation'
  | 'service'
  | 'jobTitle'
  | 'roles'
  | 'phones'
  | 'emails'
  | 'groups'
> {
  /** Every note the file gives, joined into one text when the contact is finished. */
  notes: string[];
  /** Undefined when the file does not say; the groups decide then. */
  cellMember: boolean | undefined;
}

/** An empty draft to fill from one line or card. */
export function emptyDraft(): ContactDraft {
  return {
    id: '',
    givenName: '',
    familyName: '',
    displayName: '',
    organisation: '',
    service: '',
    jobTitle: '',
    roles: [],
    phones: [],
    emails: [],
    notes: [],
    groups: [],
    cellMember: undefined,
  };
}

/** Whether the draft names someone: a display, given or family name. */
export function draftHasName(draft: ContactDraft): boolean {
  return [draft.displayName, draft.givenName, draft.familyName].some((name) => name.trim() !== '');
}

function unique<T>(values: T[], keyOf: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = keyOf(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The contact a named draft makes, given its id: derives the display name and drops empty and
 * repeated values. Pure, so that a line can be checked as it will be stored before it takes an id.
 */
export function contactOfDraft(draft: ContactDraft, id: string, now: Date): Contact {
  const givenName = draft.givenName.trim();
  const familyName = draft.familyName.trim();
  const groups = unique(
    draft.groups.map((group) => group.trim()).filter((group) => group !== ''),
    (group) => group,
  );
  return {
    id,
    givenName,
    familyName,
    displayName: draft.displayName.trim() || `${givenName} ${familyName}`.trim(),
    organisation: draft.organisation.trim(),
    service: draft.service.trim(),
    jobTitle: draft.jobTitle.trim(),
    roles: unique(draft.roles, (role) => role),
    phones: unique(
      draft.phones
        .map((phone) => ({ kind: phone.kind, number: phone.number.trim() }))
        .filter((phone) => phone.number !== ''),
      (phone) => `${phone.kind} ${phone.number}`,
    ),
    emails: unique(
      draft.emails.map((email) => email.trim()).filter((email) => email !== ''),
      (email) => email.toLowerCase(),
    ),
    // One line-end style, whatever the file used (CSV CRLF, quoted-printable =0D=0A).
    notes: draft.notes
      .map((note) => note.replace(/\r\n?/g, '\n').trim())
      .filter((note) => note !== '')
      .join('\n'),
    groups,
    cellMember: draft.cellMember ?? groups.some(isCrisisCellGroup),
    origin: 'local',
    updatedAt: now.toISOString(),
  };
}

/**
 * Turns a named draft into a contact (contactOfDraft), giving it a fresh id when the file had
 * none or one already taken by an earlier contact of the same file (two contacts with one id
 * would overwrite each other in the directory).
 */
export function finishContact(
  draft: ContactDraft,
  context: { now: Date; takenIds: Set<string>; warn: (message: string) => void; where: string },
): Contact {
  let id = draft.id.trim();
  if (id !== '' && context.takenIds.has(id)) {
    context.warn(
      `${context.where}: the id "${id}" was already used in this file; a new one was given.`,
    );
    id = '';
  }
  if (id === '') id = crypto.randomUUID();
  context.takenIds.add(id);
  return contactOfDraft(draft, id, context.now);
}
