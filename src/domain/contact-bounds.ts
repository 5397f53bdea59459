/**
 * Checks a contact against CONTACT_LIMITS (contact.ts), for the importers and the contact form.
 * Apart from contact.ts so that the start-up chunk, which carries the Contact model, does not
 * carry this check too.
 */
import { CONTACT_LIMITS, type Contact } from './contact.js';

/** The single-line text fields of a contact, each bounded by CONTACT_LIMITS.name. */
export const CONTACT_TEXT_FIELDS = [
  'givenName',
  'familyName',
  'displayName',
  'organisation',
  'service',
  'jobTitle',
] as const;

/** A field of a contact that a bound applies to, as the messages name it. */
export type BoundedField =
  | (typeof CONTACT_TEXT_FIELDS)[number]
  | 'id'
  | 'phone'
  | 'email'
  | 'group'
  | 'notes'
  | 'phones'
  | 'emails'
  | 'groups';

/**
 * A bound a contact exceeds: `length` for a value longer than `limit` characters (`index` says
 * which one of a list), `count` for a list of more than `limit` values.
 */
export interface BoundExceeded {
  field: BoundedField;
  kind: 'length' | 'count';
  limit: number;
  index?: number;
}

const FIELD_NAMES: Record<BoundedField, string> = {
  givenName: 'given name',
  familyName: 'family name',
  displayName: 'name',
  organisation: 'organisation',
  service: 'service',
  jobTitle: 'job title',
  id: 'id',
  phone: 'phone number',
  email: 'email address',
  group: 'group',
  notes: 'notes',
  phones: 'phone numbers',
  emails: 'email addresses',
  groups: 'groups',
};

/**
 * The first bound a contact exceeds, or undefined: single-line fields first, then the lists'
 * sizes, then each value of a list, then the notes.
 */
export function exceededBound(
  contact: Pick<
    Contact,
    (typeof CONTACT_TEXT_FIELDS)[number] | 'id' | 'phones' | 'emails' | 'groups' | 'notes'
  >,
): BoundExceeded | undefined {
  const { name, phoneText, email, notes, phones, emails, groups } = CONTACT_LIMITS;
  for (const field of CONTACT_TEXT_FIELDS) {
    if (contact[field].length > name) return { field, kind: 'length', limit: name };
  }
  if (contact.id.length > name) return { field: 'id', kind: 'length', limit: name };
  if (contact.phones.length > phones) return { field: 'phones', kind: 'count', limit: phones };
  if (contact.emails.length > emails) return { field: 'emails', kind: 'count', limit: emails };
  if (contact.groups.length > groups) return { field: 'groups', kind: 'count', limit: groups };
  const long = (values: readonly string[], limit: number) =>
    values.findIndex((value) => value.length > limit);
  const lists: [BoundedField, readonly string[], number][] = [
    ['phone', contact.phones.map((phone) => phone.number), phoneText],
    ['email', contact.emails, email],
    ['group', contact.groups, name],
  ];
  for (const [field, values, limit] of lists) {
    const index = long(values, limit);
    if (index !== -1) return { field, kind: 'length', limit, index };
  }
  if (contact.notes.length > notes) return { field: 'notes', kind: 'length', limit: notes };
  return undefined;
}

/** "name longer than 200 characters", "more than 20 phone numbers": for import reports. */
export function describeExceededBound(bound: BoundExceeded): string {
  const name = FIELD_NAMES[bound.field];
  return bound.kind === 'count'
    ? `more than ${bound.limit} ${name}`
    : `${name} longer than ${bound.limit.toLocaleString('en')} characters`;
}
