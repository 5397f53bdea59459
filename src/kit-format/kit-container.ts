// The two layers of a kit file (docs/kit-format.md §2):
//   file      = FILE_MAGIC ‖ iv (12) ‖ AES-256-GCM(kit key, iv, aad = FILE_MAGIC)(signed kit)
//   signed kit = SIGNED_MAGIC ‖ 6 × (u32 big-endian length ‖ bytes):
//                manifest, signature, directory, playbook, room, member
// The signed kit is stored and verified as these exact bytes: nothing is re-encoded before checking.
import { fromBase64Url } from '../encoding/bytes.js';
import { KitError } from './kit-error.js';
import { KIT_SECTIONS, MAX_KIT_BYTES, type KitSectionName } from '../domain/kit.js';

/** "TOCSINK" and the file format number 1. */
export const FILE_MAGIC = new Uint8Array([0x54, 0x4f, 0x43, 0x53, 0x49, 0x4e, 0x4b, 0x01]);
/** "TKS" and the signed-kit layout number 1. */
export const SIGNED_MAGIC = new Uint8Array([0x54, 0x4b, 0x53, 0x01]);

const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KIT_KEY_BYTES = 32;
const PART_COUNT = 2 + KIT_SECTIONS.length;

/** The parts of a signed kit, as the exact bytes stored. */
export interface SignedKitParts {
  manifest: Uint8Array<ArrayBuffer>;
  signature: Uint8Array<ArrayBuffer>;
  sections: Record<KitSectionName, Uint8Array<ArrayBuffer>>;
}

export function packSignedKit(parts: SignedKitParts): Uint8Array<ArrayBuffer> {
  const ordered = [parts.manifest, parts.signature, ...KIT_SECTIONS.map((n) => parts.sections[n])];
  const size = ordered.reduce((sum, part) => sum + 4 + part.length, SIGNED_MAGIC.length);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(SIGNED_MAGIC, 0);
  let offset = SIGNED_MAGIC.length;
  for (const part of ordered) {
    view.setUint32(offset, part.length);
    out.set(part, offset + 4);
    offset += 4 + part.length;
  }
  return out;
}

/** Splits a signed kit into its parts; anything but exactly six well-framed parts is malformed. */
export function unpackSignedKit(bytes: Uint8Array<ArrayBuffer>): SignedKitParts {
  if (!startsWith(bytes, SIGNED_MAGIC)) throw new KitError('malformed', 'no signed-kit header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: Uint8Array<ArrayBuffer>[] = [];
  let offset = SIGNED_MAGIC.length;
  while (found.length < PART_COUNT) {
    if (offset + 4 > bytes.length) throw new KitError('malformed', `part ${found.length} missing`);
    const length = view.getUint32(offset);
    const end = offset + 4 + length;
    if (end > bytes.length) throw new KitError('malformed', `part ${found.length} cut short`);
    found.push(bytes.subarray(offset + 4, end));
    offset = end;
  }
  if (offset !== bytes.length) throw new KitError('malformed', 'bytes after the last part');
  const [manifest, signature, ...sections] = found as [
    Uint8Array<ArrayBuffer>,
    Uint8Array<ArrayBuffer>,
    ...Uint8Array<ArrayBuffer>[],
  ];
  return {
    manifest,
    signature,
    sections: Object.fromEntries(KIT_SECTIONS.map((name, i) => [name, sections[i]!])) as Record<
      KitSectionName,
      Uint8Array<ArrayBuffer>
    >,
  };
}

/** Reads a kit key as written in links (43 base64url characters), or refuses it. */
export function parseKitKey(text: string): Uint8Array<ArrayBuffer> {
  const raw = fromBase64Url(text.trim());
  if (!raw || raw.length !== KIT_KEY_BYTES) throw new KitError('bad-key');
  return raw as Uint8Array<ArrayBuffer>;
}

/**
 * Imports a kit key for AES-GCM. Not extractable by default: the device keeps it in IndexedDB as a
 * CryptoKey that no script can read back.
 */
export function importKitKey(
  raw: Uint8Array<ArrayBuffer>,
  extractable = false,
): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', extractable, ['encrypt', 'decrypt']);
}

export async function encryptKitFile(
  signedKit: Uint8Array<ArrayBuffer>,
  key: CryptoKey,
  iv: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  if (iv.length !== IV_BYTES) throw new Error(`The IV must be ${IV_BYTES} bytes.`);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: FILE_MAGIC },
      key,
      signedKit,
    ),
  );
  const file = new Uint8Array(FILE_MAGIC.length + IV_BYTES + sealed.length);
  file.set(FILE_MAGIC, 0);
  file.set(iv, FILE_MAGIC.length);
  file.set(sealed, FILE_MAGIC.length + IV_BYTES);
  return file;
}

/** Decrypts a kit file, refusing oversized, foreign or undecryptable files with their reason. */
export async function decryptKitFile(
  file: Uint8Array<ArrayBuffer>,
  key: CryptoKey,
): Promise<Uint8Array<ArrayBuffer>> {
  if (file.length > MAX_KIT_BYTES) throw new KitError('too-large');
  if (file.length < FILE_MAGIC.length || !startsWith(file, FILE_MAGIC)) {
    throw new KitError('not-a-kit');
  }
  if (file.length < FILE_MAGIC.length + IV_BYTES + TAG_BYTES) {
    throw new KitError('wrong-key', 'the file is cut short');
  }
  const iv = file.subarray(FILE_MAGIC.length, FILE_MAGIC.length + IV_BYTES);
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: FILE_MAGIC },
      key,
      file.subarray(FILE_MAGIC.length + IV_BYTES),
    );
    return new Uint8Array(plain);
  } catch {
    throw new KitError('wrong-key');
  }
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((byte, i) => bytes[i] === byte);
}
