import { openDB, type IDBPDatabase } from 'idb';
import { applyMigrations, MIGRATIONS, type Migration } from './migrations.js';
import { DB_NAME, type TocsinDB } from './schema.js';

/** What the app must tell the user while the database cannot be used. */
export type DatabaseInterruption =
  /** An older tab holds the database open, so this tab's upgrade waits. */
  | 'blocked'
  /** A newer tab wants to upgrade: this tab closed its connection and must reload. */
  | 'blocking';

/** How long opening may take before the user is told something is wrong, not left waiting. */
const OPEN_TIMEOUT_MS = 15_000;

/** Options of {@link openTocsinDB}. */
export interface OpenOptions {
  /** The database name; tests use a unique one each. */
  name?: string;
  /**
   * The migrations to apply; the database opens at their count. Tests pass a prefix to build a
   * database at an older version, or extra steps to play a newer tab.
   */
  migrations?: readonly Migration[];
  /** Called when another tab stands in the way of an upgrade, or needs this tab out of its way. */
  onInterruption?: (reason: DatabaseInterruption) => void;
}

/**
 * Opens Tocsin's database, applying any pending migrations. A connection closes itself as soon as a
 * newer version of the app needs to upgrade, so that upgrade never hangs on this tab.
 */
export async function openTocsinDB(options: OpenOptions = {}): Promise<IDBPDatabase<TocsinDB>> {
  const { name = DB_NAME, migrations = MIGRATIONS, onInterruption } = options;
  const version = migrations.length;
  let db: IDBPDatabase<TocsinDB> | undefined;
  let blocked = false;
  let migrationError: unknown;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A blocked open is explained to the user and resolves once the other tab goes; any other open
  // that never settles (seen on iOS near its quota) must end in an error the user can read.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      if (!blocked) reject(new Error('the database did not open in time'));
    }, OPEN_TIMEOUT_MS);
  });
  const opening = openDB<TocsinDB>(name, version, {
    upgrade(upgrading, oldVersion, newVersion, tx) {
      try {
        applyMigrations(migrations, upgrading, tx, oldVersion, newVersion ?? version);
      } catch (error) {
        // Aborting the upgrade transaction rolls every step back: the data stays as it was.
        migrationError = error;
        tx.done.catch(() => undefined); // the open promise reports the failure instead
        tx.abort();
      }
    },
    blocked() {
      blocked = true;
      onInterruption?.('blocked');
    },
    blocking() {
      db?.close();
      onInterruption?.('blocking');
    },
  });
  try {
    db = await Promise.race([opening, timeout]);
    return db;
  } catch (error) {
    throw migrationError ?? error;
  } finally {
    clearTimeout(timer);
  }
}
