import { Observable } from './observable.js';

/** What the browser says about this origin's storage. `persisted` is null where it cannot say. */
export interface StorageStatus {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

/**
 * Persistent storage and space, from the StorageManager. Persistence is asked for only after the
 * user installs or enrolls: browsers grant it on engagement, and asking earlier can show a prompt
 * (Firefox) before the user knows why.
 */
export class StorageService {
  /** The latest status; undefined until first read. */
  readonly status = new Observable<StorageStatus | undefined>(undefined);

  constructor(private readonly manager: StorageManager | null = navigator.storage ?? null) {}

  /** Reads the status again. */
  async refresh(): Promise<StorageStatus> {
    const manager = this.manager;
    const [persisted, estimate] = await Promise.all([
      manager?.persisted ? manager.persisted().catch(() => null) : Promise.resolve(null),
      manager?.estimate ? manager.estimate().catch(() => undefined) : Promise.resolve(undefined),
    ]);
    const status: StorageStatus = {
      persisted,
      usage: estimate?.usage ?? null,
      quota: estimate?.quota ?? null,
    };
    this.status.set(status);
    return status;
  }

  /** Asks the browser to keep Tocsin's data; returns its answer (false where unsupported). */
  async requestPersistence(): Promise<boolean> {
    const granted = this.manager?.persist ? await this.manager.persist().catch(() => false) : false;
    await this.refresh();
    return granted;
  }
}
