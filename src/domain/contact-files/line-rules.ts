/**
 * What every importer checks on a named line or card before it becomes a contact: the bounds of
 * CONTACT_LIMITS, then every phone number read into E.164 with phone-number.ts.
 *
 * One bad value refuses the whole line, listed with its line and the reason: a contact is never
 * imported half, without a number it had in the file (in a crisis, a card missing the mobile it
 * was meant to have is worse than a line the import reports). The user corrects the file, or
 * adds the contact by hand, and sees every refused line before confirming. A number is never
 * "repaired" into digits: "javascript:alert(1)" is refused, not read as "1".
 *
 * Radio values are call signs, channels or terminal ids ("Canal 3", "ISSI 2041337") as often as
 * numbers: one that reads as a valid number is stored in E.164 like the others, any other is kept
 * as written (bounded) and never dialled.
 */
import { describeExceededBound, exceededBound } from '../contact-bounds.js';
import type { Contact, Phone } from '../contact.js';
import { describePhoneProblem, parsePhone, type PhoneProblem } from '../phone-number.js';
import {
  contactOfDraft,
  finishContact,
  type ContactDraft,
  type LineRefusalCode,
  type RefusalSubject,
} from './types.js';

/** Why a line or card cannot be imported. */
export interface LineProblem {
  code: LineRefusalCode;
  /** A short English sentence for people. */
  reason: string;
  subject: RefusalSubject;
}

/** The longest part of a refused value repeated in its refusal: enough to find it in the file. */
const MAX_QUOTED_VALUE = 60;

function quoted(value: string): string {
  return value.length > MAX_QUOTED_VALUE ? `${value.slice(0, MAX_QUOTED_VALUE)}…` : value;
}

/** The draft's phones in E.164, or the first one that is not a valid number. */
function readPhones(phones: Phone[]): { phones: Phone[] } | { bad: Phone; problem: PhoneProblem } {
  const read: Phone[] = [];
  for (const phone of phones) {
    const written = phone.number.trim();
    if (written === '') continue;
    const parsed = parsePhone(written);
    if (parsed.ok) read.push({ kind: phone.kind, number: parsed.e164 });
    else if (phone.kind === 'radio') read.push({ kind: phone.kind, number: written });
    else return { bad: { kind: phone.kind, number: written }, problem: parsed.reason };
  }
  return { phones: read };
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Checks a named draft and makes it a contact (finishContact), or says why the whole line or
 * card is refused. `what` names it in the reason: "line" for CSV, "card" for vCard.
 */
export function finishCheckedContact(
  draft: ContactDraft,
  context: Parameters<typeof finishContact>[1] & { what: 'line' | 'card' },
): { contact: Contact } | { problem: LineProblem } {
  // Checked as it will be stored (names derived, notes joined, repeats dropped), but for the id,
  // which is only given to a line that is imported.
  const bound = exceededBound(contactOfDraft(draft, draft.id.trim(), context.now));
  if (bound) {
    return {
      problem: {
        code: bound.kind === 'count' ? 'too-many-values' : 'too-long',
        reason: `${capitalised(describeExceededBound(bound))}: this ${context.what} was not imported.`,
        subject: {
          kind: 'bound',
          field: bound.field,
          limit: bound.limit,
          count: bound.kind === 'count',
        },
      },
    };
  }
  const phones = readPhones(draft.phones);
  if ('bad' in phones) {
    const { bad, problem } = phones;
    return {
      problem: {
        code: 'bad-phone',
        reason: `The ${bad.kind} number "${quoted(bad.number)}" ${describePhoneProblem(problem)}: this ${context.what} was not imported.`,
        subject: { kind: 'phone', phoneKind: bad.kind, written: quoted(bad.number) },
      },
    };
  }
  return { contact: finishContact({ ...draft, phones: phones.phones }, context) };
}
