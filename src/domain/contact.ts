import type { CrisisRoleId } from './crisis-roles.js';

/** How a phone number is reached. */
export type PhoneKind = 'mobile' | 'work' | 'home' | 'satellite' | 'radio';

/** Every phone kind, in the order they are offered. */
export const PHONE_KINDS: readonly PhoneKind[] = ['mobile', 'work', 'home', 'satellite', 'radio'];

/** A phone number as it was written (it is dialled as written, normalised only for search). */
export interface Phone {
  kind: PhoneKind;
  number: string;
}

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
