import type { DatabaseService } from '../../app/database-service.js';
import { Observable } from '../../app/observable.js';
import { CURRENT_KIT_KEY, STORE, type InstalledKitSummary } from '../../db/schema.js';

/**
 * Reads what the app shows of the installed crisis kit. The summary is read once per app start and
 * kept: it changes only when a kit is installed, and the installer hands the new one to
 * {@link remember}. At launch, what the previous launch knew may stand in until the database
 * answers (see launch-snapshot.ts).
 */
export class KitSummaryStore {
  /**
   * The installed kit as best known now: null when absent, undefined until known. The shell and
   * home follow it, so a kit installed or corrected after launch shows without a reload.
   */
  readonly known = new Observable<InstalledKitSummary | null | undefined>(undefined);
  private reading?: Promise<InstalledKitSummary | undefined>;
  private isConfirmed = false;

  constructor(private readonly database: DatabaseService) {}

  /** The installed kit's summary, or undefined when this device is not enrolled yet. */
  loadInstalledKit(): Promise<InstalledKitSummary | undefined> {
    this.reading ??= this.read().catch((error: unknown) => {
      this.reading = undefined;
      throw error;
    });
    return this.reading;
  }

  /** Keeps a summary installed elsewhere (the installer hands the new kit's here). */
  remember(kit: InstalledKitSummary | undefined): void {
    this.reading = Promise.resolve(kit);
    this.confirm(kit);
  }

  /** Takes the summary from a read made elsewhere (the launch reads it with the settings). */
  follow(read: Promise<InstalledKitSummary | undefined>): void {
    const reading: Promise<InstalledKitSummary | undefined> = read.then((kit) => {
      // A kit installed meanwhile: the installer's summary is the newer one.
      if (this.reading !== reading) return this.loadInstalledKit();
      this.confirm(kit);
      return kit;
    });
    this.reading = reading;
    reading.catch(() => {
      if (this.reading === reading) this.reading = undefined;
    });
  }

  /**
   * Shows the summary the previous launch knew until the database is read; ignored once it has
   * been. Pages that act on the kit still wait for {@link loadInstalledKit}.
   */
  preview(kit: InstalledKitSummary | null): void {
    if (!this.isConfirmed) this.known.set(kit);
  }

  /**
   * The summary if it is already in memory, possibly the launch's preview: null when known to be
   * absent, undefined when not read yet. Lets home render the kit in its first frame after launch.
   */
  alreadyKnown(): InstalledKitSummary | null | undefined {
    return this.known.value;
  }

  /** The summary as read from the database in this run (no preview); undefined until read. */
  confirmed(): InstalledKitSummary | null | undefined {
    return this.isConfirmed ? this.known.value : undefined;
  }

  private async read(): Promise<InstalledKitSummary | undefined> {
    const db = await this.database.db();
    const kit = await db.get(STORE.kit, CURRENT_KIT_KEY);
    this.confirm(kit);
    return kit;
  }

  private confirm(kit: InstalledKitSummary | undefined): void {
    this.isConfirmed = true;
    this.known.set(kit ?? null);
  }
}
