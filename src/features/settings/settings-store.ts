import type { LocalePreference } from '../../app/i18n/i18n.js';
import type { DatabaseService } from '../../app/database-service.js';
import { Observable } from '../../app/observable.js';
import { STORE, type SettingRecord } from '../../db/schema.js';
import { isCrisisRole, type CrisisRoleId } from '../../domain/crisis-roles.js';
import type { EnrolledMember } from '../kit/kit-service.js';

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

/**
 * What the member chose on this device. An absent part is taken from the signed kit; a role of
 * null is "no role", chosen over the kit's.
 */
export interface OwnProfile {
  name?: string;
  role?: CrisisRoleId | null;
}

/** The profile in use, and which of its parts come from the signed kit. */
export interface ProfileInUse extends Profile {
  fromKit: { name: boolean; role: boolean };
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

  /**
   * @param enrolledMember who the verified kit names as this device's member (the app hands in
   *   the kit service's): the profile starts from them until the member chooses otherwise.
   */
  constructor(
    private readonly database: DatabaseService,
    private readonly enrolledMember: () => Promise<EnrolledMember | undefined> = async () =>
      undefined,
  ) {}

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

  /**
   * The user's name and crisis role: what they chose on this device, else what the signed kit
   * says of its member (their name, their first crisis role); undefined while neither gives a
   * name. Everything that signs or filters by "my role" reads this.
   */
  async loadProfile(): Promise<Profile | undefined> {
    const profile = await this.loadProfileInUse();
    if (!profile) return undefined;
    return { name: profile.name, ...(profile.role ? { role: profile.role } : {}) };
  }

  /** {@link loadProfile}, saying which parts come from the kit (Settings says so). */
  async loadProfileInUse(): Promise<ProfileInUse | undefined> {
    const [own, member] = await Promise.all([
      this.loadOwnProfile(),
      // A kit that cannot be read or verified names nobody; the member's own choice still holds.
      this.enrolledMember().catch(() => undefined),
    ]);
    const kitName = member?.displayName.trim() ? member.displayName : undefined;
    const name = own.name ?? kitName;
    if (!name) return undefined;
    const role = own.role === undefined ? member?.roles[0] : own.role;
    return {
      name,
      ...(role ? { role } : {}),
      fromKit: { name: own.name === undefined, role: own.role === undefined && !!role },
    };
  }

  /** What the user chose on this device, nothing from the kit. */
  async loadOwnProfile(): Promise<OwnProfile> {
    const db = await this.database.db();
    const value = (await db.get(STORE.settings, PROFILE_KEY))?.value as
      Record<string, unknown> | undefined;
    if (!value || typeof value !== 'object') return {};
    const name = typeof value['name'] === 'string' && value['name'].trim() ? value['name'] : '';
    const role = value['role'];
    return {
      ...(name ? { name } : {}),
      ...(role === null ? { role: null } : {}),
      ...(typeof role === 'string' && isCrisisRole(role) ? { role } : {}),
    };
  }

  /**
   * Remembers the user's name and role; a role of null is "no role", undefined leaves the role to
   * the kit.
   */
  async saveProfile(profile: { name: string; role?: CrisisRoleId | null }): Promise<void> {
    const name = profile.name.trim();
    if (!name) throw new Error('A name is needed.');
    const db = await this.database.db();
    await db.put(STORE.settings, {
      key: PROFILE_KEY,
      value: { name, ...(profile.role !== undefined ? { role: profile.role } : {}) },
    });
  }

  /** Remembers the name the user signs with, keeping the role they chose (or the kit's). */
  async saveName(name: string): Promise<void> {
    const own = await this.loadOwnProfile();
    await this.saveProfile({ name, ...(own.role !== undefined ? { role: own.role } : {}) });
  }

  /** Remembers the user's language choice; resolves once it is committed. */
  async saveLocalePreference(preference: LocalePreference): Promise<void> {
    const db = await this.database.db();
    await db.put(STORE.settings, { key: LOCALE_KEY, value: preference });
    this.localePreference.set(preference);
  }
}
