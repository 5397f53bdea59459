import { sha256, toHex } from '../encoding/bytes.js';

/**
 * The organisation key's fingerprint, as printed on the paper kit and shown at enrollment: the first
 * 128 bits of SHA-256 of the public key, as 8 groups of 4 upper-case hex digits.
 */
export async function fingerprintOf(publicKey: Uint8Array<ArrayBuffer>): Promise<string> {
  const hex = toHex((await sha256(publicKey)).subarray(0, 16)).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

/** Reads a fingerprint however it was typed (spaces, dashes, case) into its printed form. */
export function normaliseFingerprint(text: string): string | undefined {
  const hex = text.replace(/[\s:-]/g, '').toUpperCase();
  return /^[0-9A-F]{32}$/.test(hex) ? hex.match(/.{4}/g)!.join(' ') : undefined;
}

/** Lower-case ASCII words joined by "-": "Mairie de Saint-Étienne" → "mairie-de-saint-etienne". */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
}

/** The organisation id: readable, and bound to its key so two organisations never share one. */
export function organisationIdFor(name: string, fingerprint: string): string {
  const suffix = fingerprint.replace(/ /g, '').slice(0, 8).toLowerCase();
  const base = slug(name);
  return base ? `${base}-${suffix}` : `org-${suffix}`;
}
