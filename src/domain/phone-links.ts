import type { Contact, Phone } from './contact.js';

/** The SMS apps whose multi-recipient links differ. */
export type SmsPlatform = 'ios' | 'android';

// What people put between digits to make a number readable: white space (no-break and thin
// spaces included), dots, dashes and parentheses. Nothing else is removed: "javascript:alert(1)"
// must not become "1".
const VISUAL_SEPARATORS = /[\s.\-\u2010-\u2015()]/g;
/** "+" and 7 to 15 digits, the first not 0: the shape of an E.164 number. */
const E164 = /^\+[1-9]\d{6,14}$/;
/** Ten digits starting with one 0: how French numbers are written, and what earlier versions kept. */
const FRENCH_NATIONAL = /^0[1-9]\d{8}$/;

/**
 * The overseas departments share France's ten-digit plan but not its country code: "0262 12 34 56"
 * in Réunion is +262 262 12 34 56, not +33 262…. Their national prefixes, and the country code
 * each one is dialled with (ARCEP's numbering plan).
 */
const OVERSEAS_PREFIXES: readonly [RegExp, string][] = [
  [/^0(262|263|269|639|69[23])/, '+262'], // Réunion, Mayotte
  [/^0(590|69[01])/, '+590'], // Guadeloupe, Saint-Barthélemy, Saint-Martin
  [/^0(594|694)/, '+594'], // French Guiana
  [/^0(596|69[67])/, '+596'], // Martinique
];

/**
 * The E.164 number a `tel:` or `sms:` link may carry, or undefined when the text is not one once
 * its visual separators are removed. The French national form ("06 12 34 56 78") is read as +33
 * (or as the overseas department's code, "0262…" as +262),
 * so that contacts stored as written by earlier versions still dial; "+33 (0)1 …" loses its
 * "(0)", which is never dialled after a country code. Anything else — letters, "00" prefixes,
 * short codes, too few or too many digits — gives no link: a wrong button is worse than none.
 * This module is on every page that dials, so it checks the shape only (no libphonenumber-js).
 */
export function dialableNumber(number: string): string | undefined {
  let compact = number.trim();
  if (compact.startsWith('+')) compact = compact.replace('(0)', '');
  compact = compact.replace(VISUAL_SEPARATORS, '');
  if (E164.test(compact)) return compact;
  if (FRENCH_NATIONAL.test(compact)) {
    const overseas = OVERSEAS_PREFIXES.find(([prefix]) => prefix.test(compact));
    return `${overseas?.[1] ?? '+33'}${compact.slice(1)}`;
  }
  return undefined;
}

/**
 * A stored number as people read it, on the pages that cannot load libphonenumber-js (the room,
 * the roll-call, the cell alert): a French E.164 number in its national form, "06 12 34 56 78";
 * any other text as stored. The directory shows every country's form (phone-number.ts).
 */
export function readablePhone(number: string): string {
  const french = /^\+33([1-9])(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(number);
  return french ? `0${french.slice(1).join(' ')}` : number;
}

/** A `tel:` link for one number, or undefined when the number is not dialable. */
export function telUri(number: string): string | undefined {
  const dialable = dialableNumber(number);
  return dialable === undefined ? undefined : `tel:${dialable}`;
}

/**
 * A `tel:` link for one of the kit's emergency numbers: those are short codes ("15", "112",
 * "116 000") that have no E.164 form, signed by the organisation; anything else must be dialable.
 */
export function emergencyTelUri(number: string): string | undefined {
  const compact = number.trim().replace(VISUAL_SEPARATORS, '');
  return /^\d{2,6}$/.test(compact) ? `tel:${compact}` : telUri(number);
}

/**
 * An `sms:` link that opens the phone's messages app with every recipient and the text filled
 * in. It goes over the phone network alone: no data connection is needed. Numbers that are not
 * dialable are left out; with none left, there is no link (undefined).
 *
 * iOS reads `sms:/open?addresses=A,B&body=…`; Android's messaging apps read `sms:A;B?body=…`
 * (a comma is taken by some, a semicolon by all). One recipient works the same way on both.
 */
export function smsUri(
  numbers: readonly string[],
  body: string,
  platform: SmsPlatform,
): string | undefined {
  const recipients = [
    ...new Set(numbers.map(dialableNumber).filter((number) => number !== undefined)),
  ];
  if (recipients.length === 0) return undefined;
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

/**
 * The number to text a contact on: the first dialable mobile, else the first dialable number
 * (a landline fails later). A contact whose numbers are none of them dialable gets the first one
 * that is not a radio call sign, for the screens to show with "not a valid number" and no button.
 */
export function textablePhone(contact: Contact): Phone | undefined {
  const dialable = contact.phones.filter((phone) => dialableNumber(phone.number) !== undefined);
  return (
    dialable.find((phone) => phone.kind === 'mobile') ??
    dialable[0] ??
    contact.phones.find((phone) => phone.kind !== 'radio')
  );
}

/** The crisis-cell members to alert, with the number each will be texted on. */
export function cellAlertRecipients(contacts: readonly Contact[]): {
  reachable: { contact: Contact; phone: Phone }[];
  /** Members with no number, or none that can be dialled. */
  unreachable: Contact[];
} {
  const reachable: { contact: Contact; phone: Phone }[] = [];
  const unreachable: Contact[] = [];
  for (const contact of contacts) {
    if (!contact.cellMember) continue;
    const phone = textablePhone(contact);
    if (phone && dialableNumber(phone.number) !== undefined) reachable.push({ contact, phone });
    else unreachable.push(contact);
  }
  return { reachable, unreachable };
}
