import type { Contact, Phone } from './contact.js';

/** The SMS apps whose multi-recipient links differ. */
export type SmsPlatform = 'ios' | 'android';

/** Numbers as the SMS app wants them: digits and a leading +, nothing else. */
export function dialableNumber(number: string): string {
  const trimmed = number.trim();
  const digits = trimmed.replace(/[^\d]/g, '');
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}

/** A `tel:` link for one number. */
export function telUri(number: string): string {
  return `tel:${dialableNumber(number)}`;
}

/**
 * An `sms:` link that opens the phone's messages app with every recipient and the text filled
 * in. It goes over the phone network alone: no data connection is needed.
 *
 * iOS reads `sms:/open?addresses=A,B&body=…`; Android's messaging apps read `sms:A;B?body=…`
 * (a comma is taken by some, a semicolon by all). One recipient works the same way on both.
 */
export function smsUri(numbers: readonly string[], body: string, platform: SmsPlatform): string {
  const recipients = [...new Set(numbers.map(dialableNumber).filter(Boolean))];
  const text = encodeURIComponent(body);
  if (platform === 'ios') {
    if (recipients.length === 1) return `sms:${recipients[0]}&body=${text}`;
    return `sms:/open?addresses=${recipients.join(',')}&body=${text}`;
  }
  return `sms:${recipients.join(';')}?body=${text}`;
}

/** Which SMS link format this browser's phone wants. */
export function detectSmsPlatform(userAgent = navigator.userAgent): SmsPlatform {
  return /iPad|iPhone|iPod|Macintosh/.test(userAgent) ? 'ios' : 'android';
}

/** The number to text a contact on: the first mobile, else any number (a landline fails later). */
export function textablePhone(contact: Contact): Phone | undefined {
  return contact.phones.find((phone) => phone.kind === 'mobile') ?? contact.phones[0];
}

/** The crisis-cell members to alert, with the number each will be texted on. */
export function cellAlertRecipients(contacts: readonly Contact[]): {
  reachable: { contact: Contact; phone: Phone }[];
  unreachable: Contact[];
} {
  const reachable: { contact: Contact; phone: Phone }[] = [];
  const unreachable: Contact[] = [];
  for (const contact of contacts) {
    if (!contact.cellMember) continue;
    const phone = textablePhone(contact);
    if (phone) reachable.push({ contact, phone });
    else unreachable.push(contact);
  }
  return { reachable, unreachable };
}
