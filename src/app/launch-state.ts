import type { LocalePreference } from './i18n/i18n.js';
import type { AppServices } from './services.js';
import { CURRENT_KIT_KEY, STORE } from '../db/schema.js';
import { LOCALE_KEY, localePreferenceFrom } from '../features/settings/settings-store.js';

/**
 * Reads what the first screen needs — the UI language and the installed kit — in one IndexedDB
 * transaction: on an offline launch each round trip to the database costs more than the reads.
 * The kit is handed to its store, so home shows it without reading again.
 * Never fails: an unreadable database means the device's language and the "not enrolled" state,
 * with the shell's database banner saying what went wrong.
 */
export async function loadLaunchState(services: AppServices): Promise<LocalePreference> {
  try {
    const db = await services.database.db();
    const tx = db.transaction([STORE.settings, STORE.kit]);
    const [locale, kit] = await Promise.all([
      tx.objectStore(STORE.settings).get(LOCALE_KEY),
      tx.objectStore(STORE.kit).get(CURRENT_KIT_KEY),
    ]);
    services.kit.remember(kit);
    return localePreferenceFrom(locale);
  } catch {
    return 'auto';
  }
}
