import { DatabaseService } from './database-service.js';
import { detectInstallEnvironment, InstallService } from './install-service.js';
import { NetworkService } from './network-service.js';
import { StorageService } from './storage-service.js';
import { UpdateService } from './update-service.js';
import { KitSummaryStore } from '../features/kit/kit-summary-store.js';
import { SettingsStore } from '../features/settings/settings-store.js';

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
  return {
    appVersion: options.appVersion ?? __TOCSIN_VERSION__,
    database,
    settings: new SettingsStore(database),
    kit: new KitSummaryStore(database),
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
