/**
 * Phone numbers read, checked and shown with libphonenumber-js, so that a number stored in the
 * directory is one a phone can dial: E.164 ("+33612345678"), never what a spreadsheet happened
 * to hold.
 *
 * The `max` metadata is used on purpose: with the default `min` one, `isValid()` checks only the
 * length, and "07 00 00 00 01" or "+33 6 39 98 12 34" (unallocated ranges) would pass. It weighs
 * about 145 KB, so this module is reached only from the directory's lazy chunk (its importers and
 * its contact form) and from the Node admin CLI; phone-links.ts, which every page that dials uses,
 * must never import it.
 */
import {
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';
import { CONTACT_LIMITS } from './contact.js';

/** A number read: its E.164 form, or why it is not a number that can be dialled. */
export type ParsedPhone = { ok: true; e164: string } | { ok: false; reason: PhoneProblem };

/**
 * Why a text is not a phone number; stable, so that the UI can translate it.
 * - `empty`: nothing but white space;
 * - `too-long`: longer than a phone number as written may be (CONTACT_LIMITS.phoneText);
 * - `not-a-number`: characters no phone number has (letters, "#", ";", a "+" inside…);
 * - `invalid`: digits that make no number of its country (too short, too long, unallocated).
 */
export type PhoneProblem = 'empty' | 'too-long' | 'not-a-number' | 'invalid';

// Digits in any script (libphonenumber reads "０６…" and "٠٦…"), one leading "+" (or "(+"), and the
// separators people write: white space, dots, dashes, slashes and parentheses. Anything else —
// letters of vanity numbers, "ext.", "#", ";ext=" — is refused rather than read around.
const PHONE_CHARACTERS = /^\(?\+?[\p{Nd}\s.\-\u2010-\u2015/()]+$/u;

/**
 * Numbers written the French national way ("0262 12 34 56") may belong to the overseas
 * departments and collectivities, which share France's ten-digit plan but have country codes
 * of their own. Tried in this order after France.
 */
const FRENCH_PLAN: readonly CountryCode[] = ['FR', 'RE', 'YT', 'GP', 'MQ', 'GF', 'BL', 'MF'];

function parseIn(text: string, country: CountryCode): PhoneNumber | undefined {
  // extract: false — the whole text must be the number, not merely contain one.
  return parsePhoneNumberFromString(text, { defaultCountry: country, extract: false });
}

/**
 * Reads a phone number as people write it: national French ("06 12 34 56 78", "01.23.45.67.89",
 * "+33 (0)1 23 45 67 89"), or international with "+" or "00" ("+44 20 7946 0958",
 * "0044 20 7946 0958"). Gives its E.164 form when the number is valid, else why it is not.
 */
export function parsePhone(text: string, defaultCountry: CountryCode = 'FR'): ParsedPhone {
  const read = readNumber(text, defaultCountry);
  return typeof read === 'string' ? { ok: false, reason: read } : { ok: true, e164: read.number };
}

/** The valid number a text holds, or why it holds none. */
function readNumber(text: string, defaultCountry: CountryCode): PhoneNumber | PhoneProblem {
  const written = text.trim();
  if (written === '') return 'empty';
  if (written.length > CONTACT_LIMITS.phoneText) return 'too-long';
  if (!PHONE_CHARACTERS.test(written)) return 'not-a-number';
  // "(+33) 6 …" defeats the parser; parentheses only group digits, "(0)" included.
  const bare = written.replace(/[()]/g, ' ').trim();
  // A number given with its country code ("+…", or France's "00…") reads the same whatever the
  // default country: only a national one is worth another try in the overseas departments.
  const international = /^(?:\+|00)/.test(bare);
  const countries = defaultCountry === 'FR' && !international ? FRENCH_PLAN : [defaultCountry];
  for (const country of countries) {
    const number = parseIn(bare, country);
    if (number && !number.ext && number.isValid()) return number;
  }
  return 'invalid';
}

/** The countries whose numbers people in France dial in the national form ("0262 …"). */
const NATIONAL_DISPLAY = new Set<string>(FRENCH_PLAN);

/**
 * A stored number as people read it: the national form for numbers of France and its overseas
 * departments ("06 12 34 56 78", "0262 12 34 56"), the international one for the others
 * ("+44 20 7946 0958"). A text that is no valid number (a radio call sign, a number kept by an
 * earlier version) is shown as it was written.
 */
export function formatPhone(number: string, homeCountry: CountryCode = 'FR'): string {
  const phone = readNumber(number, homeCountry);
  if (typeof phone === 'string') return number;
  const national =
    homeCountry === 'FR'
      ? NATIONAL_DISPLAY.has(phone.country ?? '')
      : phone.country === homeCountry;
  return national ? phone.formatNational() : phone.formatInternational();
}

/** A short English sentence saying why a text is not a phone number, for import reports. */
export function describePhoneProblem(problem: PhoneProblem): string {
  switch (problem) {
    case 'empty':
      return 'is empty';
    case 'too-long':
      return `is longer than ${CONTACT_LIMITS.phoneText} characters`;
    case 'not-a-number':
      return 'is not a phone number (only digits, spaces, dots, dashes, parentheses and a leading + are read)';
    case 'invalid':
      return 'is not a valid phone number (write it as 06 12 34 56 78 or +44 20 7946 0958)';
  }
}
