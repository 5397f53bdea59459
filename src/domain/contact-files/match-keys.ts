/**
 * The keys by which an imported contact is recognised as someone the directory already holds: its
 * name folded so that spelling details do not matter, and its phone numbers reduced to their
 * international digits. Pure, so that the app and the CLI recognise people the same way.
 */
import type { Contact } from '../contact.js';
import { dialableNumber } from '../phone-links.js';
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
  // The French national form, overseas departments included ("0262…" is +262…), as links dial it.
  else if (/^0[1-9]\d{8}$/.test(digits)) key = dialableNumber(digits) ?? digits;
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

/** Two lists that both say something and share nothing. */
function disjoint(a: readonly string[], b: readonly string[]): boolean {
  return a.length > 0 && b.length > 0 && !a.some((key) => b.includes(key));
}

/**
 * Whether two contacts of the same name may be one person: nothing both of them state disagrees.
 * A large organisation has homonyms (two "Marie Martin", one in the roads department, one at the
 * IT desk): a name alone must not fold them into one. They are two people when both give an
 * organisation, a service or a job title and these differ, or when both give numbers and
 * addresses and share neither. A new number alone does not make someone else (numbers change
 * hands; a merge keeps both). Erring this way adds a visible near-duplicate rather than folding
 * two people into one.
 */
export function mayBeSamePerson(a: Contact, b: Contact): boolean {
  // Equal texts first: folding (NFD, regular expressions) is what a 20,000-row plan spends on.
  const differ = (x: string, y: string) =>
    x !== y && x.trim() !== '' && y.trim() !== '' && nameKey(x) !== nameKey(y);
  if (
    differ(a.organisation, b.organisation) ||
    differ(a.service, b.service) ||
    differ(a.jobTitle, b.jobTitle)
  ) {
    return false;
  }
  const emails = (contact: Contact) => contact.emails.map((email) => email.trim().toLowerCase());
  return !(disjoint(phoneKeys(a), phoneKeys(b)) && disjoint(emails(a), emails(b)));
}

/** The words of a contact's names that say who they are (initials say too little). */
function nameWords(names: readonly string[]): Set<string> {
  return new Set(names.flatMap((name) => name.split(' ')).filter((word) => word.length > 1));
}

/**
 * The numbers that identify someone among `contacts`: those whose holders' names all share a word
 * ("Anne Roux" and "A. Roux" are one person holding one mobile; "Accueil" and "Standard", or a
 * whole staff list, holding one number, are a switchboard).
 */
export function identifyingNumbers(
  contacts: readonly Contact[],
  names: readonly string[][],
): Map<string, number[]> {
  const holders = new Map<string, number[]>();
  contacts.forEach((contact, i) => {
    for (const key of phoneKeys(contact)) {
      const holding = holders.get(key);
      if (holding) holding.push(i);
      else holders.set(key, [i]);
    }
  });
  // Most numbers have one holder: the names are compared only for the others.
  for (const [key, who] of holders) {
    if (who.length === 1) continue;
    const common = nameWords(names[who[0]]);
    for (const i of who.slice(1)) {
      const words = nameWords(names[i]);
      for (const word of common) if (!words.has(word)) common.delete(word);
    }
    if (common.size === 0) holders.delete(key);
  }
  return holders;
}
