import type { DBSchema } from 'idb';

/** The one IndexedDB database of Tocsin. */
export const DB_NAME = 'tocsin';

/** Store names, in one place so migrations and data modules cannot drift apart. */
export const STORE = {
  settings: 'settings',
  kit: 'kit',
} as const;

/** The key under which the installed kit's summary is kept in `STORE.kit`. */
export const CURRENT_KIT_KEY = 'current';

/** A user setting, stored by name. */
export interface SettingRecord {
  key: string;
  value: unknown;
}

/**
 * What the app shows of the installed crisis kit. The kit itself (signed, encrypted) is defined by
 * the crisis-kit feature; this summary is what it writes once a kit is verified and installed.
 */
export interface InstalledKitSummary {
  organisation: { id: string; name: string; fingerprint: string };
  room: { name: string; livekitUrl: string };
  epoch: number;
  version: number;
  issued: string;
  expires: string;
  installedAt: string;
}

/** The typed schema; each store's shape is checked at every call site. */
export interface TocsinDB extends DBSchema {
  [STORE.settings]: { key: string; value: SettingRecord };
  [STORE.kit]: { key: string; value: InstalledKitSummary };
}
