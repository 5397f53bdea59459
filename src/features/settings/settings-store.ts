import type { LocalePreference } from '../../app/i18n/i18n.js';
import type { DatabaseService } from '../../app/database-service.js';
import { Observable } from '../../app/observable.js';
import { STORE, type SettingRecord } from '../../db/schema.js';
import { isCrisisRole, type CrisisRoleId } from '../../domain/crisis-roles.js';

/** The settings key of the UI language preference. */
export const LOCALE_KEY = 'locale';
const PREFERENCES: readonly LocalePreference[] = ['auto', 'fr', 'en'];
const DEVICE_ID_KEY = 'device-id';
const PROFILE_KEY = 'profile';

/** Who uses this device: signs main-courante entries and ticks, and filters "my role". */
export interface Profile {
  name: string;
  role?: CrisisRoleId;
}

/** The language preference a stored record holds; 'auto' when none or not a known value. */
export function localePreferenceFrom(record: SettingRecord | undefined): LocalePreference {
  const value = record?.value as LocalePreference;
  return PREFERENCES.includes(value) ? value : 'auto';
}

/** The user's settings, kept in IndexedDB. */
export class SettingsStore {
  /** The language preference once read or chosen in this run; undefined until then. */
  readonly localePreference = new Observable<LocalePreference | undefined>(undefined);
  private deviceIdReading?: Promise<string>;

  constructor(private readonly database: DatabaseService) {}

  /** The language the user chose; 'auto' when none was chosen or it cannot be read. */
  async loadLocalePreference(): Promise<LocalePreference> {
    const db = await this.database.db();
    const preference = localePreferenceFrom(await db.get(STORE.settings, LOCALE_KEY));
    this.localePreference.set(preference);
    return preference;
  }

  /**
   * This device's id, made once: each device's main-courante entries form their own hash chain.
   * Created in a single read-write transaction, so two tabs cannot make two ids; read once per
   * app start, since it never changes.
   */
  deviceId(): Promise<string> {
    this.deviceIdReading ??= this.readOrCreateDeviceId().catch((error: unknown) => {
      this.deviceIdReading = undefined;
      throw error;
    });
    return this.deviceIdReading;
  }

  private async readOrCreateDeviceId(): Promise<string> {
    const db = await this.database.db();
    const tx = db.transaction(STORE.settings, 'readwrite');
    const existing = await tx.store.get(DEVICE_ID_KEY);
    let id = typeof existing?.value === 'string' ? existing.value : undefined;
    if (!id) {
      id = crypto.randomUUID();
      await tx.store.put({ key: DEVICE_ID_KEY, value: id });
    }
    await tx.done;
    return id;
  }

  /** The user's name and crisis role, or undefined until they are given. */
  async loadProfile(): Promise<Profile | undefined> {
    const db = await this.database.db();
    const value = (await db.get(STORE.settings, PROFILE_KEY))?.value as Profile | undefined;
    if (!value || typeof value.name !== 'string' || !value.name.trim()) return undefined;
    return {
      name: value.name,
      ...(value.role && isCrisisRole(value.role) ? { role: value.role } : {}),
    };
  }

  /** Remembers the user's name and role. */
  async saveProfile(profile: Profile): Promise<void> {
    const name = profile.name.trim();
    if (!name) throw new Error('A name is needed.');
    const db = await this.database.db();
    await db.put(STORE.settings, {
      key: PROFILE_KEY,
      value: { name, ...(profile.role ? { role: profile.role } : {}) },
    });
  }

  /** Remembers the user's language choice; resolves once it is committed. */
  async saveLocalePreference(preference: LocalePreference): Promise<void> {
    const db = await this.database.db();
    await db.put(STORE.settings, { key: LOCALE_KEY, value: preference });
    this.localePreference.set(preference);
  }
}
