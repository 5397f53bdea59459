/**
 * The keys by which an imported contact is recognised as someone the directory already holds: its
 * name folded so that spelling details do not matter, and its phone numbers reduced to their
 * international digits. Pure, so that the app and the CLI recognise people the same way.
 */
import type { Contact } from '../contact.js';
import { foldForMatch } from './types.js';

/**
 * Fewer digits than this identify no one: emergency and short service numbers ("112", "3114") are
 * in many address books and belong to nobody in particular.
 */
const MIN_KEY_DIGITS = 6;

/**
 * A number as international digits ("+33612345678"), or undefined when it is too short to identify
 * anyone. Imports now store E.164, but older local contacts hold numbers as typed: "06 12 34 56 78",
 * "0033 6…", "+33 (0)6…" must all give the same key. Only the French national form is turned
 * into E.164 (the directories are French); any other number keeps its digits as written, which
 * still matches the same number written the same way.
 */
export function phoneKey(number: string): string | undefined {
  const trimmed = number.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < MIN_KEY_DIGITS) return undefined;
  let key: string;
  if (trimmed.startsWith('+')) key = `+${digits}`;
  else if (digits.startsWith('00')) key = `+${digits.slice(2)}`;
  else if (/^0[1-9]\d{8}$/.test(digits)) key = `+33${digits.slice(1)}`;
  else key = digits;
  // "+33 (0)6 12 34 56 78": the national trunk 0 written after the country code.
  return /^\+330[1-9]\d{8}$/.test(key) ? `+33${key.slice(4)}` : key;
}

/**
 * A name as matching sees it: no case, accents or punctuation, œ and æ spelt out, and its words
 * in alphabetical order, so that "LEFÈVRE Hélène", "Lefèvre, Hélène" and "hélène lefevre" are one
 * name. Empty when the text holds no letter or digit.
 */
export function nameKey(text: string): string {
  return foldForMatch(text.replace(/œ/gi, 'oe').replace(/æ/gi, 'ae'))
    .split(' ')
    .filter((word) => word !== '')
    .sort()
    .join(' ');
}

/** Every name a contact goes by: its display name, and its given and family names together. */
export function nameKeys(contact: Contact): string[] {
  const display = nameKey(contact.displayName);
  const full = `${contact.givenName} ${contact.familyName}`;
  // Usually the display name is the given and family names: fold them once (20,000 contacts).
  const both = full === contact.displayName ? display : nameKey(full);
  return [...new Set([display, both])].filter((key) => key !== '');
}

/** The distinct keys of a contact's numbers (numbers too short to identify anyone left out). */
export function phoneKeys(contact: Contact): string[] {
  const keys = new Set<string>();
  for (const phone of contact.phones) {
    const key = phoneKey(phone.number);
    if (key !== undefined) keys.add(key);
  }
  return [...keys];
}
