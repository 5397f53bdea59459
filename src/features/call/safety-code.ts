// The safety code: a few words everyone in the crisis room reads aloud to confirm, in one sentence,
// that they all hold the same room key — the same end-to-end encrypted room, not a lookalike.
import type { Locale } from '../../app/i18n/i18n.js';
import { safetyWordsEn } from './safety-words.en.js';
import { safetyWordsFr } from './safety-words.fr.js';

/** HKDF salt of the safety code; a new version of the code gets a new salt. */
const SAFETY_CODE_SALT = 'tocsin safety code v1';

/** 32 bits: 4 words of 8 bits each. Enough to tell rooms apart aloud, too few to say anything of the key. */
const SAFETY_CODE_BITS = 32;

/** The code in every form a cell may read it. */
export interface SafetyCode {
  /** Four words per language, from the same bits. */
  words: Record<Locale, readonly string[]>;
  /** The same bits as 9 digits in three groups of three, e.g. ['042', '917', '385'], for mixed-language cells. */
  digits: readonly string[];
}

/**
 * The safety code of a room: HKDF-SHA-256 over the room key (HKDF key material), salt
 * "tocsin safety code v1", info = the room name, 32 bits. Each byte picks a word; the 32-bit
 * number, modulo 10⁹ and written with 9 digits, gives the digit form. Every device holding the
 * room key shows the same code; another key or another room name gives another one.
 */
export async function deriveSafetyCode(roomKey: CryptoKey, roomName: string): Promise<SafetyCode> {
  const encoder = new TextEncoder();
  const bits = await crypto.subtle.deriveBits(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: encoder.encode(SAFETY_CODE_SALT),
      info: encoder.encode(roomName),
    },
    roomKey,
    SAFETY_CODE_BITS,
  );
  return safetyCodeFromBits(new Uint8Array(bits));
}

/** The words and digits of 4 derived bytes. */
export function safetyCodeFromBits(bytes: Uint8Array): SafetyCode {
  if (bytes.length !== SAFETY_CODE_BITS / 8) throw new RangeError('A safety code is 4 bytes.');
  const pick = (list: readonly string[]) => [...bytes].map((byte) => list[byte]!);
  const number = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  const nine = String(number % 1_000_000_000).padStart(9, '0');
  return {
    words: { en: pick(safetyWordsEn), fr: pick(safetyWordsFr) },
    digits: [nine.slice(0, 3), nine.slice(3, 6), nine.slice(6)],
  };
}
