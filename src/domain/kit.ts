// The content of a crisis kit, section by section. docs/kit-format.md is the reference; these types
// are what a verified kit holds once read.
import type { Contact } from './contact.js';
import type { Playbook } from './playbook.js';

/** The only schema this app reads. A later schema is refused by name, never half-read. */
export const KIT_SCHEMA = 1;

/** The manifest's `type`, part of the signed bytes: an org signature over anything else is no kit. */
export const KIT_MANIFEST_TYPE = 'tocsin-kit-manifest';

/** The four sections, in the order they are stored after the manifest and signature. */
export const KIT_SECTIONS = ['directory', 'playbook', 'room', 'member'] as const;
export type KitSectionName = (typeof KIT_SECTIONS)[number];

/** Largest kit file accepted, checked before anything is decrypted. */
export const MAX_KIT_BYTES = 20 * 1024 * 1024;

/** The organisation as the manifest names it. */
export interface KitOrganisation {
  /** A readable, stable id: the name's slug and the key fingerprint's first 8 hex digits. */
  id: string;
  name: string;
  /** The Ed25519 public key, base64url (32 bytes). */
  publicKey: string;
}

/** What the organisation signs: metadata and the SHA-256 of every section. */
export interface KitManifest {
  type: typeof KIT_MANIFEST_TYPE;
  schema: number;
  organisation: KitOrganisation;
  /** Bumped when keys are compromised; version counters restart within a new epoch. */
  epoch: number;
  version: number;
  /** ISO 8601 times. */
  issued: string;
  expires: string;
  /** The member this copy was made for (the member section's id). */
  member: string;
  sections: Record<KitSectionName, { sha256: string; bytes: number }>;
}

/** A crisis-cell member's public identity, carried by their directory entry. */
export interface KitMemberIdentity {
  /** The member id: the LiveKit identity and the author id of what they sign. */
  id: string;
  /** Their Ed25519 public key, base64url. */
  publicKey: string;
}

/** A directory contact as the kit carries it: a contact without the device-side fields. */
export type KitContact = Omit<Contact, 'origin' | 'updatedAt'> & { member?: KitMemberIdentity };

export interface KitDirectory {
  contacts: KitContact[];
}

/** A number to call when every network but the phone's is down. */
export interface EmergencyNumber {
  label: string;
  number: string;
}

/** Where the crisis room is and how its media is encrypted. */
export interface KitRoom {
  /** The LiveKit server, ws:// or wss://. */
  livekitUrl: string;
  roomName: string;
  /** The room's E2EE secret: 32 random bytes, base64url. */
  e2eeSecret: string;
  emergencyNumbers: EmergencyNumber[];
}

/** What only this member receives. */
export interface KitMember {
  id: string;
  displayName: string;
  /** A LiveKit access token: identity = member id, join grant for the kit's room only. */
  livekitToken: string;
  /** The member's Ed25519 key pair (base64url), to sign what they write. */
  signingKey: { publicKey: string; secretKey: string };
}

/** The parsed sections of a kit. */
export interface KitContent {
  directory: KitDirectory;
  playbook: Playbook;
  room: KitRoom;
  member: KitMember;
}

/** Whether a kit is past its expiry date (it stays readable, with a warning). */
export function isKitExpired(kit: { expires: string }, now = new Date()): boolean {
  return new Date(kit.expires).getTime() <= now.getTime();
}
