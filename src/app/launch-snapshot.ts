import type { LocalePreference } from './i18n/i18n.js';
import type { AppServices } from './services.js';
import type { InstalledKitSummary } from '../db/schema.js';

/**
 * What the first screen shows from storage — the UI language preference and the installed kit's
 * summary — kept in localStorage as well as IndexedDB. localStorage is read synchronously, so a
 * launch renders home with real data in its first frame instead of waiting for IndexedDB to open
 * (its slowest step offline, and slower still on a phone). IndexedDB stays the source of truth:
 * the launch reads it right after the first render and home follows it if the two differ.
 *
 * Nothing secret is here: the summary holds names, the room's URL and dates, no key.
 */
export interface LaunchSnapshot {
  readonly locale: LocalePreference;
  /** The installed kit's summary; null when this device is not enrolled. */
  readonly kit: InstalledKitSummary | null;
}

const SNAPSHOT_KEY = 'tocsin:launch';
const LOCALES: readonly unknown[] = ['auto', 'fr', 'en'];

interface StoredSnapshot extends LaunchSnapshot {
  /** The release that wrote it: another release may shape the summary differently. */
  readonly release: string;
}

/** The snapshot this release wrote at an earlier launch; undefined if none or unusable. */
export function readLaunchSnapshot(release = __TOCSIN_VERSION__): LaunchSnapshot | undefined {
  try {
    const stored = JSON.parse(localStorage.getItem(SNAPSHOT_KEY) ?? 'null') as unknown;
    if (!isStoredSnapshot(stored) || stored.release !== release) return undefined;
    return { locale: stored.locale, kit: stored.kit };
  } catch {
    // Blocked storage or a damaged value: the launch waits for IndexedDB, as on a first launch.
    return undefined;
  }
}

/** Keeps the snapshot for the next launch (only when it changed: the write is synchronous). */
export function writeLaunchSnapshot(snapshot: LaunchSnapshot, release = __TOCSIN_VERSION__): void {
  const stored: StoredSnapshot = { release, locale: snapshot.locale, kit: snapshot.kit };
  try {
    const text = JSON.stringify(stored);
    if (localStorage.getItem(SNAPSHOT_KEY) !== text) localStorage.setItem(SNAPSHOT_KEY, text);
  } catch {
    // Storage full or blocked: the next launch reads IndexedDB first, nothing is lost.
  }
}

/**
 * Writes the snapshot from what the services know, now and whenever the language preference or
 * the installed kit changes, once both have been read from IndexedDB.
 */
export function keepLaunchSnapshot(services: AppServices): () => void {
  const write = () => {
    const locale = services.settings.localePreference.value;
    const kit = services.kit.confirmed();
    if (locale !== undefined && kit !== undefined) writeLaunchSnapshot({ locale, kit });
  };
  const unsubscribers = [
    services.settings.localePreference.subscribe(write),
    services.kit.known.subscribe(write),
  ];
  write();
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}

function isStoredSnapshot(value: unknown): value is StoredSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const { release, locale, kit } = value as Record<string, unknown>;
  return (
    typeof release === 'string' &&
    LOCALES.includes(locale) &&
    (kit === null || isKitSummaryShaped(kit))
  );
}

/** Enough of a summary's shape for home to render it; the release check covers the rest. */
function isKitSummaryShaped(kit: unknown): kit is InstalledKitSummary {
  if (typeof kit !== 'object' || kit === null) return false;
  const { organisation, room, member } = kit as Record<string, unknown>;
  return [organisation, room, member].every((part) => typeof part === 'object' && part !== null);
}
