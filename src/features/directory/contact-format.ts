import { currentLocale } from '../../app/i18n/i18n.js';
import { t } from '../../app/i18n/page-messages.js';
import { ROLE_NAMES } from '../../domain/crisis-roles.js';
import type { Contact, PhoneKind } from '../../domain/contact.js';

/** The line under a contact's name: job title, service and organisation, as far as known. */
export function contactSubtitle(contact: Contact): string {
  return [contact.jobTitle, contact.service, contact.organisation].filter(Boolean).join(' · ');
}

/** A contact's crisis roles, named in the current language. */
export function roleNames(contact: Contact): string {
  return contact.roles.map((role) => ROLE_NAMES[role][currentLocale()]).join(', ');
}

/** The name of a phone kind in the current language. */
export function phoneKindName(kind: PhoneKind): string {
  return t(`phone.${kind}`);
}
