import { DatabaseService } from './database-service.js';
import { detectInstallEnvironment, InstallService } from './install-service.js';
import { NetworkService } from './network-service.js';
import { Observable } from './observable.js';
import { StorageService } from './storage-service.js';
import { UpdateService } from './update-service.js';
import { DirectoryStore } from '../features/directory/directory-store.js';
import { KitService } from '../features/kit/kit-service.js';
import { KitSummaryStore } from '../features/kit/kit-summary-store.js';
import { LogStore } from '../features/log/log-store.js';
import { PlaybookStore } from '../features/playbook/playbook-store.js';
import { SettingsStore } from '../features/settings/settings-store.js';
import { RollCallStore } from '../features/rollcall/roll-call-store.js';
import { SyncService } from '../features/sync/sync-service.js';

/**
 * Everything the elements reach outside themselves through. Elements receive it as a property and
 * never open IndexedDB, the service worker or the network themselves, so tests can hand in a set
 * built on a scratch database.
 */
export interface AppServices {
  readonly appVersion: string;
  readonly database: DatabaseService;
  readonly settings: SettingsStore;
  readonly kit: KitSummaryStore;
  /** Installing, updating and verifying the signed crisis kit. */
  readonly crisisKit: KitService;
  readonly directory: DirectoryStore;
  readonly playbooks: PlaybookStore;
  readonly log: LogStore;
  /** Signing and exchanging the cell's shared records (log, ticks, roll-call) in the room. */
  readonly sync: SyncService;
  /** The roll-call ("Présences"): who is there, reachable, unavailable or in need of help. */
  readonly rollCall: RollCallStore;
  /** True while this app is in the crisis room's call (which goes on across pages). */
  readonly callActive: Observable<boolean>;
  readonly storage: StorageService;
  readonly network: NetworkService;
  readonly install: InstallService;
  readonly updates: UpdateService;
}

/** Options of {@link createAppServices}; tests override the database name and environment. */
export interface ServiceOptions {
  database?: DatabaseService;
  databaseName?: string;
  appVersion?: string;
  installEnvironment?: ReturnType<typeof detectInstallEnvironment>;
}

/** Builds the services of a running app. Nothing here touches the network. */
export function createAppServices(options: ServiceOptions = {}): AppServices {
  const database = options.database ?? new DatabaseService(options.databaseName);
  const storage = new StorageService();
  // The profile starts from the member the verified kit names (crisisKit is made below; the
  // store asks only when a page reads the profile).
  const settings = new SettingsStore(database, () => crisisKit.enrolledMember());
  const kit = new KitSummaryStore(database);
  const log = new LogStore(
    database,
    settings,
    async () => (await kit.loadInstalledKit())?.member.id,
  );
  const crisisKit = new KitService(database, kit);
  return {
    appVersion: options.appVersion ?? __TOCSIN_VERSION__,
    database,
    settings,
    kit,
    crisisKit,
    directory: new DirectoryStore(database),
    playbooks: new PlaybookStore(database, log),
    log,
    sync: new SyncService(database, log, settings, crisisKit),
    rollCall: new RollCallStore(database, kit, log),
    callActive: new Observable(false),
    storage,
    network: new NetworkService(),
    // Installing is one of the two moments Tocsin asks the browser to keep its data.
    install: new InstallService(
      options.installEnvironment ?? detectInstallEnvironment(),
      () => void storage.requestPersistence(),
    ),
    updates: new UpdateService(),
  };
}
