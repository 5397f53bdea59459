// What the contact form checks before it saves: whether a number can be saved (and in which form),
// the draft cleaned up as it would be stored, and which field shows the message of a bound
// exceeded. No state and no events: apart so the form keeps to drawing its fields and saving.
import { html, nothing } from 'lit';
import { t } from '../../app/i18n/page-messages.js';
import { CONTACT_LIMITS, type Contact, type Phone } from '../../domain/contact.js';
import type { BoundedField, BoundExceeded } from '../../domain/contact-bounds.js';
import { parsePhone } from '../../domain/phone-number.js';
import { boundMessage } from './contact-format.js';

/**
 * A phone as the form saves it: E.164 when the text is a valid number; a radio call sign as
 * written; otherwise the translated reason it cannot be saved.
 */
export function checkedPhone(phone: Phone): { phone: Phone } | { error: string } {
  const parsed = parsePhone(phone.number);
  if (parsed.ok) return { phone: { kind: phone.kind, number: parsed.e164 } };
  if (phone.kind === 'radio' && parsed.reason !== 'too-long') return { phone };
  switch (parsed.reason) {
    case 'too-long':
      return { error: t('contact.tooLong', t('contact.number'), CONTACT_LIMITS.phoneText) };
    case 'not-a-number':
      return { error: t('contact.phoneNotANumber') };
    default:
      return { error: t('contact.phoneInvalid') };
  }
}

/** A draft as the form would save it, and what stops it: a missing name, numbers not valid. */
export interface CheckedDraft {
  /** The contact, trimmed, with only the numbers that can be saved (in E.164). */
  contact: Contact;
  /** No display name, and no given or family name to make one of. */
  nameMissing: boolean;
  /** Why each number cannot be saved, by its index in the draft. */
  phoneErrors: (string | undefined)[];
}

/** Cleans a draft up (trimmed texts, numbers in E.164, empty lines left out) and checks it. */
export function checkedDraft(draft: Contact): CheckedDraft {
  const givenName = draft.givenName.trim();
  const familyName = draft.familyName.trim();
  const displayName = draft.displayName.trim() || [givenName, familyName].filter(Boolean).join(' ');
  const phones: Phone[] = [];
  const phoneErrors: (string | undefined)[] = [];
  draft.phones.forEach((phone, index) => {
    const written = { ...phone, number: phone.number.trim() };
    if (written.number === '') return;
    const checked = checkedPhone(written);
    if ('error' in checked) phoneErrors[index] = checked.error;
    else phones.push(checked.phone);
  });
  const contact: Contact = {
    ...draft,
    givenName,
    familyName,
    displayName,
    organisation: draft.organisation.trim(),
    service: draft.service.trim(),
    jobTitle: draft.jobTitle.trim(),
    phones,
    emails: draft.emails.map((email) => email.trim()).filter(Boolean),
    groups: draft.groups.map((group) => group.trim()).filter(Boolean),
    notes: draft.notes.trim(),
    origin: 'local',
  };
  return { contact, nameMissing: !displayName, phoneErrors };
}

/** The form field that shows the message of a bound exceeded. */
function boundAnchor(field: BoundedField): string {
  switch (field) {
    case 'phone':
    case 'phones':
      return 'phones';
    case 'email':
    case 'emails':
      return 'emails';
    case 'group':
    case 'groups':
      return 'groups';
    case 'id':
      return 'displayName';
    default:
      return field;
  }
}

/** A bound's message, with its element's id, for the field `anchor`. */
export interface BoundError {
  id: string;
  message: string;
}

/** The message of the bound exceeded when it belongs to the field `anchor`, with its element id. */
export function boundErrorAt(
  bound: BoundExceeded | undefined,
  anchor: string,
): BoundError | undefined {
  if (!bound || boundAnchor(bound.field) !== anchor) return undefined;
  return { id: `${anchor}-error`, message: boundMessage(bound) };
}

/** A bound's message under its field, or nothing. */
export function renderBoundError(error: BoundError | undefined) {
  return error ? html`<p class="error field-error" id=${error.id}>${error.message}</p>` : nothing;
}
