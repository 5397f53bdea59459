import type { DBSchema } from 'idb';
import type { Contact } from '../domain/contact.js';
import type { Crisis, LogEntry } from '../domain/log.js';
import type { ChecklistTick, Playbook } from '../domain/playbook.js';
import type {
  Equivocation,
  OutboxItem,
  Rejection,
  RollCall,
  RollCallAnswer,
  StoredRecord,
} from '../domain/records.js';

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
  syncOutbox: 'syncOutbox',
  syncRecords: 'syncRecords',
  syncHeads: 'syncHeads',
  syncRejections: 'syncRejections',
  syncEquivocations: 'syncEquivocations',
  rollCalls: 'rollCalls',
  rollCallAnswers: 'rollCallAnswers',
  searchIndex: 'searchIndex',
  searchSignatures: 'searchSignatures',
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
  /** shared records of one chain, in sequence order: [author, device, seq]. */
  recordsByChain: 'byChain',
  /** answers to one roll-call. */
  answersByRollCall: 'byRollCall',
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

/**
 * How far this device holds one chain of shared records, kept in the same transaction as the
 * records so a catch-up knows where to resume without reading them all.
 */
export interface SyncHeadRecord {
  author: string;
  device: string;
  seq: number;
  hash: string;
  /** ISO 8601 time the chain's latest record arrived here. */
  receivedAt: string;
  /** For this device's own chain: the highest seq another device said it holds. */
  peerSeq?: number;
}

/** The key of the one record of `STORE.searchIndex` and of `STORE.searchSignatures`. */
export const SEARCH_INDEX_KEY = 'directory';

/**
 * The directory's search index as last built, so that opening the directory searches at once
 * instead of indexing every contact again (src/features/directory/search-index-store.ts). Derived
 * data: whatever made it is checked at every open, and a stale index is rebuilt.
 */
export interface SearchIndexRecord {
  /** Who built it (index format, app version, browser): any other build ignores it. */
  format: string;
  /** The installed kit when its contacts were read (manifest hash and install time), or ''. */
  kit: string;
  /** The index and the id of the contact at each rank (search-index-codec.ts). */
  data: Blob;
  /** Its phone numbers, read after the rest. */
  phones: Blob;
}

/**
 * Each indexed contact's signature (the fields the index read), by rank, to tell which contacts
 * changed since the index was built. Apart from the index, which is read without them.
 */
export interface SearchSignaturesRecord {
  format: string;
  /** The signatures, one per line (search-index-codec.ts). */
  data: Blob;
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
  /** Changes made here, waiting to be signed into this device's chain. */
  [STORE.syncOutbox]: { key: number; value: OutboxItem };
  [STORE.syncRecords]: {
    key: string;
    value: StoredRecord;
    indexes: { [INDEX.recordsByChain]: [string, string, number] };
  };
  [STORE.syncHeads]: { key: [string, string]; value: SyncHeadRecord };
  [STORE.syncRejections]: { key: number; value: Rejection };
  [STORE.syncEquivocations]: { key: string; value: Equivocation };
  [STORE.rollCalls]: { key: string; value: RollCall };
  [STORE.rollCallAnswers]: {
    key: [string, string];
    value: RollCallAnswer;
    indexes: { [INDEX.answersByRollCall]: string };
  };
  [STORE.searchIndex]: { key: string; value: SearchIndexRecord };
  [STORE.searchSignatures]: { key: string; value: SearchSignaturesRecord };
}
