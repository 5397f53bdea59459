import { ROLE_NAMES, type LocalizedText } from '../../domain/crisis-roles.js';
import type { Contact } from '../../domain/contact.js';

// Search as you type over the crisis directory (up to about 20,000 contacts, reference §5.3):
// accent- and case-insensitive prefix match on the words of names, organisation, service, job
// title and crisis roles (fr and en); digits-only match on phone numbers; results in French
// collation order.
//
// Matching rules, shared by the index and by the linear baseline so that both give the same
// results:
// - The query is cut into terms at spaces and punctuation. A contact matches when every term is a
//   prefix of some word of the contact (the same word may serve several terms).
// - Digits typed together with phone punctuation ("06 12", "+33 6.12", "(0)1-23") form one digit
//   term. A digit term matches when it is a prefix of a word, as any term does ("SDIS 38"), or,
//   when it has at least 2 digits, when it is contained in the digits of one of the contact's
//   phone numbers. A single digit never searches phone numbers: it is in almost every number, so
//   it would narrow nothing while the user is still typing.
// - A French number is also searchable in its national and international forms: "06 12 34 56 78",
//   "+33 6 12 34 56 78" and "0033612345678" all match "0612", "612 34" and "+33612".
// - Words joined by a hyphen or an apostrophe are also indexed glued together, so that "dheres"
//   finds "Saint-Martin-d’Hères" and "jeanpierre" finds "Jean-Pierre", as people type them on a
//   phone.

//
// This module is those rules: the words and phone digits of a contact, the terms of a query.

/** Letters that NFD does not split into a base letter and a mark, spelt out as typed. */
const SPELT_OUT: Readonly<Record<string, string>> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
};
const SPELT_OUT_PATTERN = /[œæßøłđðþ]/g;

/**
 * Case and accent folding, keeping punctuation so that callers can still see how words were
 * joined. Lower-casing comes before NFD because some capitals lower-case into a letter plus a
 * combining mark ("İ" → "i̇"), which the next step then removes.
 */
function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(SPELT_OUT_PATTERN, (letter) => SPELT_OUT[letter]);
}

const NON_WORD = /[^\p{L}\p{N}]+/u;
/** Everything that separates two words for good; hyphens, apostrophes and "_" only join parts. */
const CHUNK_SEPARATOR = /[^\p{L}\p{N}'’‘ʼ\-‐‑‒–—_]+/u;

/**
 * The text as search sees it: no accents, lower case, œ/æ/ß spelt out, and every run of
 * apostrophes, hyphens, spaces and other punctuation turned into one space.
 */
export function normalizeForSearch(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Adds the words of `text` to `into`: its parts, and for a hyphenated or elided compound every
 * tail of it glued ("saint-martin-d’heres" gives "saintmartindheres", "martindheres" and
 * "dheres"), so that a glued prefix typed from any part of the compound matches.
 */
function addWords(text: string, into: Set<string>): void {
  for (const chunk of fold(text).split(CHUNK_SEPARATOR)) {
    if (chunk === '') continue;
    const parts = chunk.split(NON_WORD).filter((part) => part !== '');
    let tail = parts.length > 0 ? parts[parts.length - 1] : '';
    if (tail !== '') into.add(tail);
    for (let i = parts.length - 2; i >= 0; i--) {
      into.add(parts[i]);
      tail = parts[i] + tail;
      into.add(tail);
    }
  }
}

/** The words of one field value; organisations, services and roles repeat, so builds cache them. */
function fieldWords(text: string, cache: Map<string, readonly string[]> | null): readonly string[] {
  const cached = cache?.get(text);
  if (cached) return cached;
  const words = new Set<string>();
  addWords(text, words);
  const list = [...words];
  cache?.set(text, list);
  return list;
}

/** The distinct searchable words of a contact (see the matching rules at the top). */
function contactWords(contact: Contact, cache: Map<string, readonly string[]> | null): string[] {
  const words = new Set<string>();
  const add = (text: string | undefined) => {
    if (text) for (const word of fieldWords(text, cache)) words.add(word);
  };
  add(contact.givenName);
  add(contact.familyName);
  add(contact.displayName);
  add(contact.organisation);
  add(contact.service);
  add(contact.jobTitle);
  for (const role of contact.roles) {
    add(role);
    // A role id from a newer kit may be unknown here: its id stays searchable.
    const names: LocalizedText | undefined = ROLE_NAMES[role];
    add(names?.fr);
    add(names?.en);
  }
  return [...words];
}

/** The significant 9 digits of a French number written in any usual form, or null. */
function frenchSignificantNumber(digits: string): string | null {
  if (/^0[1-9]\d{8}$/.test(digits)) return digits.slice(1);
  // +33 6…, 0033 6…, and "+33 (0)6…", where the trunk 0 is written in brackets.
  const international = /^(?:00)?330?([1-9]\d{8})$/.exec(digits);
  return international ? international[1] : null;
}

/**
 * The digit strings a phone number is searched in, joined by "|" (never a digit, so no match can
 * span two of them). A French number gets its national form and its "0033" form, which contains
 * the "+33" one; the digits as written are kept only when neither form already contains them.
 */
function contactPhoneDigits(contact: Contact): string {
  const forms: string[] = [];
  const add = (form: string) => {
    if (!forms.some((known) => known.includes(form))) forms.push(form);
  };
  for (const phone of contact.phones) {
    const digits = phone.number.replace(/\D/g, '');
    if (digits === '') continue;
    const significant = frenchSignificantNumber(digits);
    if (significant !== null) {
      add(`0${significant}`);
      add(`0033${significant}`);
    }
    add(digits);
  }
  return forms.join('|');
}

/** One term of a query; `digits` is set when it may also match phone numbers. */
export interface QueryTerm {
  readonly text: string;
  readonly digits: string | null;
}

/** What may separate the digit groups of one phone number as it is typed. */
const PHONE_PUNCTUATION = /^[\s.()+\-‐‑‒–—/]*$/u;
const ALL_DIGITS = /^[0-9]+$/;

/** Cuts a query into terms, gluing the digit groups of one typed phone number together. */
export function parseQuery(query: string): QueryTerm[] {
  const parts = fold(query).split(/([^\p{L}\p{N}]+)/u);
  const terms: QueryTerm[] = [];
  let pendingDigits: string | null = null;
  let separator = '';
  const flushDigits = () => {
    if (pendingDigits === null) return;
    terms.push({ text: pendingDigits, digits: pendingDigits.length >= 2 ? pendingDigits : null });
    pendingDigits = null;
  };
  // With a capturing split, even indexes hold words and odd ones the separators between them.
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 1) {
      separator = parts[i];
      continue;
    }
    const word = parts[i];
    if (word === '') continue;
    if (ALL_DIGITS.test(word)) {
      if (pendingDigits !== null && PHONE_PUNCTUATION.test(separator)) pendingDigits += word;
      else {
        flushDigits();
        pendingDigits = word;
      }
    } else {
      flushDigits();
      terms.push({ text: word, digits: null });
    }
  }
  flushDigits();
  return terms;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/**
 * The display order of the directory: display name in French collation order, then family name,
 * given name, and id so that the order is total and the same on every device.
 */
export function compareContacts(a: Contact, b: Contact): number {
  return (
    collator.compare(a.displayName, b.displayName) ||
    collator.compare(a.familyName, b.familyName) ||
    collator.compare(a.givenName, b.givenName) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Every field of a contact the index reads (its words, phone digits and display order), as one
 * string: two versions of a contact with the same signature are indexed alike, so a stored index
 * stays valid for a contact whose signature did not change. Any field search starts reading must
 * be added here.
 */
export function indexSignature(contact: Contact): string {
  return JSON.stringify([
    contact.id,
    contact.displayName,
    contact.familyName,
    contact.givenName,
    contact.organisation,
    contact.service,
    contact.jobTitle,
    contact.roles,
    contact.phones.map((phone) => phone.number),
  ]);
}

/** A contact with what search needs of it, computed once. */
export interface PreparedContact {
  readonly contact: Contact;
  readonly words: readonly string[];
  readonly phones: string;
}

export function prepareContact(
  contact: Contact,
  cache: Map<string, readonly string[]> | null,
): PreparedContact {
  return { contact, words: contactWords(contact, cache), phones: contactPhoneDigits(contact) };
}
