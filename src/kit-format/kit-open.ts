// Opening a kit exactly as a device does (docs/kit-format.md §4): decrypt, then verify the
// organisation's signature over the stored manifest bytes, then each section against its signed hash,
// then read every section strictly. Any failure is a KitError; nothing is returned half-checked.
import { ed25519 } from '@noble/curves/ed25519.js';
import { equalBytes, fromBase64Url, fromUtf8, sha256, toBase64Url } from '../encoding/bytes.js';
import { decryptKitFile, unpackSignedKit } from './kit-container.js';
import { KitError } from './kit-error.js';
import { malformed, parseJsonObject, type JsonObject } from './kit-json.js';
import {
  manifestSigner,
  readDirectory,
  readManifest,
  readMember,
  readRoom,
} from './kit-sections.js';
import { KIT_SECTIONS, type KitContent, type KitManifest } from '../domain/kit.js';
import { fingerprintOf } from './organisation.js';
import { parsePlaybookJson } from '../domain/playbook-json.js';

/** A kit whose every byte was checked against the organisation's signature. */
export interface VerifiedKit {
  manifest: KitManifest;
  /** SHA-256 of the manifest bytes, base64url: two kits are the same kit iff these are equal. */
  manifestHash: string;
  /** The organisation key's fingerprint (8 groups of 4 hex digits). */
  fingerprint: string;
  content: KitContent;
  /** The decrypted signed kit, exactly as signed. */
  signedKit: Uint8Array<ArrayBuffer>;
}

/** Decrypts a kit file with its kit key and verifies it. */
export async function openKitFile(
  file: Uint8Array<ArrayBuffer>,
  kitKey: CryptoKey,
): Promise<VerifiedKit> {
  return verifySignedKit(await decryptKitFile(file, kitKey));
}

export async function verifySignedKit(signedKit: Uint8Array<ArrayBuffer>): Promise<VerifiedKit> {
  const parts = unpackSignedKit(signedKit);
  const manifestData = parseJsonObject(text(parts.manifest, 'manifest'), 'the manifest');
  const publicKey = fromBase64Url(manifestSigner(manifestData)) as Uint8Array<ArrayBuffer>;
  verifySignature(parts.signature, parts.manifest, publicKey);

  const manifest = readManifest(manifestData);
  for (const name of KIT_SECTIONS) {
    const bytes = parts.sections[name];
    const signed = manifest.sections[name];
    const hash = await sha256(bytes);
    if (bytes.length !== signed.bytes || !equalBytes(hash, fromBase64Url(signed.sha256)!)) {
      throw new KitError('tampered', `the ${name} section`);
    }
  }

  const content = readContent(parts.sections);
  checkMember(manifest, content);
  return {
    manifest,
    manifestHash: toBase64Url(await sha256(parts.manifest)),
    fingerprint: await fingerprintOf(publicKey),
    content,
    signedKit,
  };
}

/**
 * Strict RFC 8032 verification (`zip215: false`: canonical encodings only, S < L), and a public key
 * of small order is refused outright: with it, forged signatures can verify.
 */
function verifySignature(
  signature: Uint8Array<ArrayBuffer>,
  message: Uint8Array<ArrayBuffer>,
  publicKey: Uint8Array<ArrayBuffer>,
): void {
  if (!signatureIsValid(signature, message, publicKey)) throw new KitError('bad-signature');
}

function signatureIsValid(
  signature: Uint8Array<ArrayBuffer>,
  message: Uint8Array<ArrayBuffer>,
  publicKey: Uint8Array<ArrayBuffer>,
): boolean {
  try {
    return (
      signature.length === 64 &&
      !ed25519.Point.fromBytes(publicKey).isSmallOrder() &&
      ed25519.verify(signature, message, publicKey, { zip215: false })
    );
  } catch {
    return false; // a key or signature that is not even a valid encoding
  }
}

function readContent(sections: Record<(typeof KIT_SECTIONS)[number], Uint8Array>): KitContent {
  const playbook = parsePlaybookJson(text(sections.playbook, 'playbook'));
  if (!playbook.ok) throw malformed(`playbook: ${playbook.errors[0] ?? 'invalid'}`);
  return {
    directory: readDirectory(section(sections.directory, 'directory')),
    playbook: playbook.playbook,
    room: readRoom(section(sections.room, 'room')),
    member: readMember(section(sections.member, 'member')),
  };
}

/** The member section must be the one the manifest names, with keys that belong together. */
function checkMember(manifest: KitManifest, content: KitContent): void {
  const { member, directory } = content;
  if (member.id !== manifest.member) throw malformed('the member section is for another member');
  const listed = directory.contacts.find((contact) => contact.member?.id === member.id);
  if (listed?.member?.publicKey !== member.signingKey.publicKey) {
    throw malformed("the directory does not carry this member's public key");
  }
  const derived = ed25519.getPublicKey(fromBase64Url(member.signingKey.secretKey)!);
  if (toBase64Url(derived) !== member.signingKey.publicKey) {
    throw malformed("the member's key pair does not match");
  }
}

function section(bytes: Uint8Array, name: string): JsonObject {
  return parseJsonObject(text(bytes, name), `the ${name} section`);
}

function text(bytes: Uint8Array, name: string): string {
  try {
    return fromUtf8(bytes);
  } catch {
    throw malformed(`the ${name} is not UTF-8`);
  }
}
