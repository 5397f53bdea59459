import type { DatabaseService } from '../../app/database-service.js';
import { CURRENT_KIT_KEY, STORE, type InstalledKitSummary } from '../../db/schema.js';

/** Reads what the app shows of the installed crisis kit. */
export class KitSummaryStore {
  constructor(private readonly database: DatabaseService) {}

  /** The installed kit's summary, or undefined when this device is not enrolled yet. */
  async loadInstalledKit(): Promise<InstalledKitSummary | undefined> {
    const db = await this.database.db();
    return db.get(STORE.kit, CURRENT_KIT_KEY);
  }
}

/** Whether a kit is past its expiry date (it stays readable, with a warning). */
export function isKitExpired(kit: InstalledKitSummary, now = new Date()): boolean {
  return new Date(kit.expires).getTime() <= now.getTime();
}
