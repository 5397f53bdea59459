import type { LocalePreference } from './i18n/i18n.js';
import type { AppServices } from './services.js';
import { CURRENT_KIT_KEY, STORE } from '../db/schema.js';
import { LOCALE_KEY, localePreferenceFrom } from '../features/settings/settings-store.js';

/**
 * Reads what the first screen needs — the UI language and the installed kit — in one IndexedDB
 * transaction: on an offline launch each round trip to the database costs more than the reads.
 * The kit store takes its summary from this read, so home does not read it again.
 * Never fails: an unreadable database means the device's language and the "not enrolled" state,
 * with the shell's database banner saying what went wrong.
 */
export function loadLaunchState(services: AppServices): Promise<LocalePreference> {
  const read = readLaunchState(services);
  services.kit.follow(read.then(({ kit }) => kit));
  return read.then(
    ({ locale }) => {
      services.settings.localePreference.set(locale);
      return locale;
    },
    () => 'auto',
  );
}

async function readLaunchState(services: AppServices) {
  const db = await services.database.db();
  const tx = db.transaction([STORE.settings, STORE.kit]);
  const [locale, kit] = await Promise.all([
    tx.objectStore(STORE.settings).get(LOCALE_KEY),
    tx.objectStore(STORE.kit).get(CURRENT_KIT_KEY),
  ]);
  return { locale: localePreferenceFrom(locale), kit };
}
