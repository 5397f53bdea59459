/**
 * Why a kit is refused. Every refusal has its own code, so the app can say it in plain French or
 * English and the command line can say it in English; none of them ever installs anything.
 */
export type KitRefusal =
  /** Over MAX_KIT_BYTES: refused before reading. */
  | 'too-large'
  /** Too short, or not starting with the kit file's magic bytes. */
  | 'not-a-kit'
  /** The kit key is not 32 bytes of base64url. */
  | 'bad-key'
  /** AES-GCM refused: the key is wrong, or the file was cut short or altered. */
  | 'wrong-key'
  /** Decrypted, but its structure or a section is not what the format says. */
  | 'malformed'
  /** A schema this app does not know. */
  | 'unsupported-schema'
  /** The organisation's signature does not verify (strict RFC 8032). */
  | 'bad-signature'
  /** A section does not match the hash the organisation signed. */
  | 'tampered'
  /** Signed by another organisation than the one this device trusts. */
  | 'other-organisation'
  /** An older (epoch, version) than the kit installed. */
  | 'older-version'
  /** The same (epoch, version) as the installed kit, with other content. */
  | 'equivocation'
  /** Exactly the kit already installed. */
  | 'already-installed'
  /** Past its expiry date: it may not be installed. */
  | 'expired'
  /** Issued more than 24 hours ahead of this device's clock. */
  | 'issued-in-future';

const ENGLISH: Record<KitRefusal, string> = {
  'too-large': 'The file is larger than a crisis kit can be (20 MB).',
  'not-a-kit': 'This file is not a Tocsin crisis kit.',
  'bad-key': 'The kit key is not valid: it should be 43 letters, digits, "-" or "_".',
  'wrong-key':
    'This kit cannot be opened with this key: the key is wrong, or the file is incomplete or was altered.',
  malformed: 'The kit is damaged: its content is not in the expected format.',
  'unsupported-schema': 'This kit was made for a newer version of Tocsin.',
  'bad-signature': "The organisation's signature on this kit is not valid: it was altered.",
  tampered: 'Part of this kit does not match what the organisation signed: it was altered.',
  'other-organisation': 'This kit comes from another organisation than the one this device trusts.',
  'older-version': 'This kit is older than the one installed.',
  equivocation:
    'This kit has the same version as the installed one but different content: someone is issuing two different kits under one version.',
  'already-installed': 'This kit is already installed.',
  expired: 'This kit has expired.',
  'issued-in-future':
    "This kit is dated more than 24 hours in the future: check the device's date and time.",
};

/** A kit refused for one reason. `detail` is for logs and the admin tool, never a secret. */
export class KitError extends Error {
  constructor(
    readonly code: KitRefusal,
    readonly detail?: string,
  ) {
    super(detail ? `${ENGLISH[code]} (${detail})` : ENGLISH[code]);
    this.name = 'KitError';
  }
}

export function isKitError(error: unknown): error is KitError {
  return error instanceof KitError;
}
