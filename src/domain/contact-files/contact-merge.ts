/**
 * Merging what a file says about someone into the contact the directory already holds for them.
 * The rule is additive, so that a merge never loses what the user typed on the device: numbers,
 * emails, groups and roles are united; an empty field takes the file's value; a field the
 * directory already fills keeps its value even when the file says otherwise (the preview says
 * which ones). The id, the name shown and the origin stay the directory's. A list stops at its
 * bound (CONTACT_LIMITS, as the importers and the form do): what does not fit is counted, not
 * added.
 */
import type { CrisisRoleId } from '../crisis-roles.js';
import { CONTACT_LIMITS, type Contact, type Phone } from '../contact.js';
import { phoneKey } from './match-keys.js';
import { foldForMatch } from './types.js';

/** The single-text fields a merge may fill. */
export const MERGE_FIELDS = [
  'givenName',
  'familyName',
  'organisation',
  'service',
  'jobTitle',
  'notes',
] as const;

/** One single-text field a merge may fill. */
export type MergeField = (typeof MERGE_FIELDS)[number];

/** What a merge changes in the directory's contact, for the preview to say. */
export interface MergeChanges {
  /** Numbers the contact did not have (compared as international digits). */
  phones: Phone[];
  /** Emails the contact did not have (compared without case). */
  emails: string[];
  /** Groups the contact was not in (compared without case or accents). */
  groups: string[];
  roles: CrisisRoleId[];
  /** Fields that were empty and take the file's value. */
  filled: MergeField[];
  /** Fields where the file says something else and the directory's value is kept. */
  kept: MergeField[];
  /** Whether the contact becomes a member of the crisis cell (the file marks them so). */
  cellMember: boolean;
  /** Numbers, emails and groups the file has but the contact has no room left for. */
  leftOut: number;
}

/** Whether a merge would change anything at all (a field kept is no change). */
export function mergeChangesAnything(changes: MergeChanges): boolean {
  return (
    changes.phones.length > 0 ||
    changes.emails.length > 0 ||
    changes.groups.length > 0 ||
    changes.roles.length > 0 ||
    changes.filled.length > 0 ||
    changes.cellMember
  );
}

/** The key two numbers are compared by: international digits, or the text itself when too short. */
function numberIdentity(number: string): string {
  return phoneKey(number) ?? number.trim();
}

/** The values of `extra` whose identity `base` (and earlier values of `extra`) does not have. */
function missing<T>(base: readonly T[], extra: readonly T[], identity: (value: T) => string): T[] {
  const seen = new Set(base.map(identity));
  return extra.filter((value) => {
    const key = identity(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `base` with what `extra` adds, and the list of those additions. */
export function mergeContact(
  base: Contact,
  extra: Contact,
): { contact: Contact; changes: MergeChanges } {
  let leftOut = 0;
  const room = <T>(values: T[], have: number, limit: number): T[] => {
    const fits = Math.max(0, limit - have);
    leftOut += Math.max(0, values.length - fits);
    return values.slice(0, fits);
  };
  const changes: MergeChanges = {
    phones: room(
      missing(base.phones, extra.phones, (phone) => numberIdentity(phone.number)),
      base.phones.length,
      CONTACT_LIMITS.phones,
    ),
    emails: room(
      missing(base.emails, extra.emails, (email) => email.trim().toLowerCase()),
      base.emails.length,
      CONTACT_LIMITS.emails,
    ),
    groups: room(
      missing(base.groups, extra.groups, foldForMatch),
      base.groups.length,
      CONTACT_LIMITS.groups,
    ),
    roles: missing(base.roles, extra.roles, (role) => role),
    filled: [],
    kept: [],
    cellMember: extra.cellMember && !base.cellMember,
    leftOut: 0,
  };
  changes.leftOut = leftOut;
  const contact: Contact = {
    ...base,
    phones: [...base.phones, ...changes.phones],
    emails: [...base.emails, ...changes.emails],
    groups: [...base.groups, ...changes.groups],
    roles: [...base.roles, ...changes.roles],
    cellMember: base.cellMember || extra.cellMember,
  };
  for (const field of MERGE_FIELDS) {
    const mine = base[field].trim();
    const theirs = extra[field].trim();
    if (theirs === '') continue;
    if (mine === '') {
      contact[field] = theirs;
      changes.filled.push(field);
    } else if (foldForMatch(mine) !== foldForMatch(theirs)) {
      changes.kept.push(field);
    }
  }
  return { contact, changes };
}
