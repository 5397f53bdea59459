import type { LocalePreference } from '../../app/i18n/i18n.js';
import type { DatabaseService } from '../../app/database-service.js';
import { STORE } from '../../db/schema.js';

const LOCALE_KEY = 'locale';
const PREFERENCES: readonly LocalePreference[] = ['auto', 'fr', 'en'];

/** The user's settings, kept in IndexedDB. */
export class SettingsStore {
  constructor(private readonly database: DatabaseService) {}

  /** The language the user chose; 'auto' when none was chosen or it cannot be read. */
  async loadLocalePreference(): Promise<LocalePreference> {
    const db = await this.database.db();
    const record = await db.get(STORE.settings, LOCALE_KEY);
    const value = record?.value;
    return PREFERENCES.includes(value as LocalePreference) ? (value as LocalePreference) : 'auto';
  }

  /** Remembers the user's language choice; resolves once it is committed. */
  async saveLocalePreference(preference: LocalePreference): Promise<void> {
    const db = await this.database.db();
    await db.put(STORE.settings, { key: LOCALE_KEY, value: preference });
  }
}
