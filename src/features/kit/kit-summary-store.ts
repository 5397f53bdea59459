import type { DatabaseService } from '../../app/database-service.js';
import { CURRENT_KIT_KEY, STORE, type InstalledKitSummary } from '../../db/schema.js';

/**
 * Reads what the app shows of the installed crisis kit. The summary is read once per app start and
 * kept: it changes only when a kit is installed, which must go through {@link forget}.
 */
export class KitSummaryStore {
  private reading?: Promise<InstalledKitSummary | undefined>;
  private known?: { kit: InstalledKitSummary | undefined };

  constructor(private readonly database: DatabaseService) {}

  /** The installed kit's summary, or undefined when this device is not enrolled yet. */
  loadInstalledKit(): Promise<InstalledKitSummary | undefined> {
    this.reading ??= this.read().catch((error: unknown) => {
      this.reading = undefined;
      throw error;
    });
    return this.reading;
  }

  /** Keeps a summary read elsewhere (the launch reads it together with the settings). */
  remember(kit: InstalledKitSummary | undefined): void {
    this.reading = Promise.resolve(kit);
    this.known = { kit };
  }

  /**
   * The summary if it is already in memory: null when known to be absent, undefined when not read
   * yet. Lets home render the kit in its first frame after launch.
   */
  alreadyKnown(): InstalledKitSummary | null | undefined {
    return this.known ? (this.known.kit ?? null) : undefined;
  }

  /** Drops the kept summary, so the next load reads the database again. */
  forget(): void {
    this.reading = undefined;
    this.known = undefined;
  }

  private async read(): Promise<InstalledKitSummary | undefined> {
    const db = await this.database.db();
    const kit = await db.get(STORE.kit, CURRENT_KIT_KEY);
    this.known = { kit };
    return kit;
  }
}

/** Whether a kit is past its expiry date (it stays readable, with a warning). */
export function isKitExpired(kit: InstalledKitSummary, now = new Date()): boolean {
  return new Date(kit.expires).getTime() <= now.getTime();
}
