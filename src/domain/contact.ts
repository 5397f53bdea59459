import type { CrisisRoleId } from './crisis-roles.js';

/** How a phone number is reached. */
export type PhoneKind = 'mobile' | 'work' | 'home' | 'satellite' | 'radio';

/** Every phone kind, in the order they are offered. */
export const PHONE_KINDS: readonly PhoneKind[] = ['mobile', 'work', 'home', 'satellite', 'radio'];

/**
 * A phone number. Imports and the contact form store it in E.164 ("+33612345678"); contacts
 * saved by earlier versions, and radio call signs or channels ("Canal 3", "ISSI 2041337"), keep
 * the text as it was written. Only phone-links.ts turns it into a link, and only when it is dialable.
 */
export interface Phone {
  kind: PhoneKind;
  number: string;
}

/**
 * The bounds of a contact's fields, in one place for the importers, the contact form and the kit
 * reader: far above any real directory, low enough that no value can break a screen or swell a
 * kit. Lengths count UTF-16 code units, as `String.length` and `maxlength` do. The check itself
 * is contact-bounds.ts, kept out of this module, which the start-up chunk carries.
 */
export const CONTACT_LIMITS = {
  /** Given, family and display names, organisation, service, job title, each group, the id. */
  name: 200,
  /** A phone number as written (E.164 needs 16). */
  phoneText: 40,
  /** An email address (RFC 5321 allows 254 in a path). */
  email: 254,
  notes: 4000,
  phones: 20,
  emails: 20,
  groups: 50,
} as const;

/** Where a contact comes from: the signed crisis kit (read-only) or this device. */
export type ContactOrigin = 'kit' | 'local';

/** One person of the crisis directory. */
export interface Contact {
  /** Stable id: a vCard UID when imported from one, otherwise a random UUID. */
  id: string;
  givenName: string;
  familyName: string;
  /** The name shown; derived from given + family names when an import has none. */
  displayName: string;
  organisation: string;
  service: string;
  /** The job title ("fonction"). */
  jobTitle: string;
  roles: CrisisRoleId[];
  phones: Phone[];
  emails: string[];
  notes: string;
  groups: string[];
  /** A member of the crisis cell (alerted by "Alert the cell"). */
  cellMember: boolean;
  origin: ContactOrigin;
  /** For a crisis-cell member of the signed kit: their member id and signing public key. */
  member?: { id: string; publicKey: string };
  /** ISO 8601 time of the last change. */
  updatedAt: string;
}

/** A local contact with every field empty, then `fields` on top; new ids are random UUIDs. */
export function emptyContact(fields: Partial<Contact> = {}): Contact {
  return {
    id: crypto.randomUUID(),
    givenName: '',
    familyName: '',
    displayName: '',
    organisation: '',
    service: '',
    jobTitle: '',
    roles: [],
    phones: [],
    emails: [],
    notes: '',
    groups: [],
    cellMember: false,
    origin: 'local',
    updatedAt: new Date().toISOString(),
    ...fields,
  };
}
