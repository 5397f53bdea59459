import type { DBSchema } from 'idb';
import type { Contact } from '../features/directory/contact.js';
import type { Crisis, LogEntry } from '../features/log/model.js';
import type { ChecklistTick, Playbook } from '../features/playbook/model.js';

/** The one IndexedDB database of Tocsin. */
export const DB_NAME = 'tocsin';

/** Store names, in one place so migrations and data modules cannot drift apart. */
export const STORE = {
  settings: 'settings',
  kit: 'kit',
  contacts: 'contacts',
  playbooks: 'playbooks',
  crises: 'crises',
  logEntries: 'logEntries',
  ticks: 'ticks',
  kitVault: 'kitVault',
} as const;

/** The index names, next to their stores. */
export const INDEX = {
  /** contacts by origin ('kit' | 'local'). */
  contactsByOrigin: 'byOrigin',
  /** log entries of one crisis. */
  entriesByCrisis: 'byCrisis',
  /** one device's chain in one crisis, in sequence order: [crisisId, deviceId, seq]. */
  entriesByChain: 'byChain',
  /** checklist ticks of one crisis. */
  ticksByCrisis: 'byCrisis',
} as const;

/** The key under which the installed kit's summary is kept in `STORE.kit`. */
export const CURRENT_KIT_KEY = 'current';

/** Where a stored playbook comes from. */
export type PlaybookSlot = 'kit' | 'local';

/** A user setting, stored by name. */
export interface SettingRecord {
  key: string;
  value: unknown;
}

/**
 * What the app shows of the installed crisis kit, written once the kit is verified and installed.
 * It holds no secret. Its organisation key is the pinned one (trust on first use), and its
 * (epoch, version, manifestHash) is what the next kit is judged against.
 */
export interface InstalledKitSummary {
  organisation: { id: string; name: string; fingerprint: string; publicKey: string };
  room: { name: string; livekitUrl: string };
  member: { id: string; displayName: string };
  epoch: number;
  version: number;
  issued: string;
  expires: string;
  /** SHA-256 of the signed manifest, base64url. */
  manifestHash: string;
  counts: { contacts: number; playbookItems: number };
  installedAt: string;
}

/**
 * The installed kit as it arrived, still encrypted, with its keys as non-extractable CryptoKeys: the
 * app re-verifies it at every start and reads the room secret and member key from it, so neither is
 * ever stored in IndexedDB as readable text.
 */
export interface KitVaultRecord {
  /** The .tocsin file, byte for byte. */
  file: Uint8Array<ArrayBuffer>;
  /** The kit key, AES-GCM, not extractable. */
  kitKey: CryptoKey;
  /** The room E2EE secret imported as HKDF key material, not extractable (LiveKit's derivation). */
  roomKey: CryptoKey;
  manifestHash: string;
}

/** The typed schema; each store's shape is checked at every call site. */
export interface TocsinDB extends DBSchema {
  [STORE.settings]: { key: string; value: SettingRecord };
  [STORE.kit]: { key: string; value: InstalledKitSummary };
  [STORE.kitVault]: { key: string; value: KitVaultRecord };
  [STORE.contacts]: {
    key: string;
    value: Contact;
    indexes: { [INDEX.contactsByOrigin]: string };
  };
  /** Keyed by where the playbook comes from: the signed kit, or imported on this device. */
  [STORE.playbooks]: { key: PlaybookSlot; value: Playbook };
  [STORE.crises]: { key: string; value: Crisis };
  [STORE.logEntries]: {
    key: string;
    value: LogEntry;
    indexes: {
      [INDEX.entriesByCrisis]: string;
      [INDEX.entriesByChain]: [string, string, number];
    };
  };
  [STORE.ticks]: {
    key: [string, string];
    value: ChecklistTick;
    indexes: { [INDEX.ticksByCrisis]: string };
  };
}
