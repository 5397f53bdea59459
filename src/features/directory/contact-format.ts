import { currentLocale } from '../../app/i18n/i18n.js';
import { t } from '../../app/i18n/page-messages.js';
import { ROLE_NAMES } from '../../domain/crisis-roles.js';
import type { BoundedField, BoundExceeded } from '../../domain/contact-bounds.js';
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

/** The label of the form field a bound is about. */
export function boundLabel(field: BoundedField): string {
  switch (field) {
    case 'phone':
      return t('contact.number');
    case 'phones':
      return t('contact.phones');
    case 'email':
    case 'emails':
      return t('contact.emails');
    case 'group':
    case 'groups':
      return t('contact.groups');
    case 'notes':
      return t('contact.notes');
    case 'id':
      return t('contact.displayName');
    default:
      return t(`contact.${field}`);
  }
}

/** The translated sentence for a bound exceeded, naming the field and its limit. */
export function boundMessage(bound: Pick<BoundExceeded, 'field' | 'kind' | 'limit'>): string {
  return bound.kind === 'count'
    ? t('contact.tooMany', boundLabel(bound.field), bound.limit)
    : t('contact.tooLong', boundLabel(bound.field), bound.limit);
}
