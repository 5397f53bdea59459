import type { LocalePreference } from '../../app/i18n/i18n.js';
import type { DatabaseService } from '../../app/database-service.js';
import { STORE, type SettingRecord } from '../../db/schema.js';

/** The settings key of the UI language preference. */
export const LOCALE_KEY = 'locale';
const PREFERENCES: readonly LocalePreference[] = ['auto', 'fr', 'en'];

/** The language preference a stored record holds; 'auto' when none or not a known value. */
export function localePreferenceFrom(record: SettingRecord | undefined): LocalePreference {
  const value = record?.value as LocalePreference;
  return PREFERENCES.includes(value) ? value : 'auto';
}

/** The user's settings, kept in IndexedDB. */
export class SettingsStore {
  constructor(private readonly database: DatabaseService) {}

  /** The language the user chose; 'auto' when none was chosen or it cannot be read. */
  async loadLocalePreference(): Promise<LocalePreference> {
    const db = await this.database.db();
    return localePreferenceFrom(await db.get(STORE.settings, LOCALE_KEY));
  }

  /** Remembers the user's language choice; resolves once it is committed. */
  async saveLocalePreference(preference: LocalePreference): Promise<void> {
    const db = await this.database.db();
    await db.put(STORE.settings, { key: LOCALE_KEY, value: preference });
  }
}
