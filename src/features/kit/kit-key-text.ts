// What the member pastes, or the camera reads, where the enrollment page asks for the kit key. The
// paper kit's QR code and the message the member received both hold a whole enrollment link, while
// a crisis administrator reading a key out may give the key alone: both are accepted.
import { readEnrollmentLink, type EnrollmentLink } from './enrollment-link.js';

/** A kit key as links carry it: 32 bytes in base64url, no padding. */
const BARE_KEY = /^[A-Za-z0-9_-]{43}$/;

/** What a pasted or scanned text turned out to be. */
export type KeyText =
  /** An enrollment link: its kit's address, its key, or both. */
  | { kind: 'link'; link: EnrollmentLink }
  /** The key alone. */
  | { kind: 'key'; key: string }
  /** Nothing but white space. */
  | { kind: 'empty' }
  /** Neither a link nor a key: another QR code, a truncated paste. */
  | { kind: 'unrecognised' };

/** Reads a pasted or scanned text, ignoring the white space that copying adds around it. */
export function readKeyText(text: string): KeyText {
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'empty' };
  const link = readEnrollmentLink(trimmed);
  if (link) return { kind: 'link', link };
  return BARE_KEY.test(trimmed) ? { kind: 'key', key: trimmed } : { kind: 'unrecognised' };
}
