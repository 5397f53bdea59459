import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { INDEX, STORE, type TocsinDB } from './schema.js';

type UpgradeTransaction = IDBPTransaction<TocsinDB, StoreNames<TocsinDB>[], 'versionchange'>;

/**
 * One step of the schema. Migration N takes a database at version N-1 to version N. They are
 * applied in order from the database's `oldVersion`, inside the single upgrade transaction, so a
 * failed step leaves the database exactly as it was.
 */
export type Migration = (db: IDBPDatabase<TocsinDB>, tx: UpgradeTransaction) => void;

/** Never edit a released migration: append a new one. Index 0 is version 1. */
export const MIGRATIONS: readonly Migration[] = [
  // 1: user settings and the installed kit's summary.
  (db) => {
    db.createObjectStore(STORE.settings, { keyPath: 'key' });
    db.createObjectStore(STORE.kit);
  },
  // 2: the crisis cell's own data: directory, playbooks, crises, the main courante, ticks.
  (db) => {
    const contacts = db.createObjectStore(STORE.contacts, { keyPath: 'id' });
    contacts.createIndex(INDEX.contactsByOrigin, 'origin');
    db.createObjectStore(STORE.playbooks);
    db.createObjectStore(STORE.crises, { keyPath: 'id' });
    const entries = db.createObjectStore(STORE.logEntries, { keyPath: 'id' });
    entries.createIndex(INDEX.entriesByCrisis, 'crisisId');
    entries.createIndex(INDEX.entriesByChain, ['crisisId', 'deviceId', 'seq'], { unique: true });
    const ticks = db.createObjectStore(STORE.ticks, { keyPath: ['crisisId', 'itemId'] });
    ticks.createIndex(INDEX.ticksByCrisis, 'crisisId');
  },
  // 3: the installed kit file and its non-extractable keys, next to its summary.
  (db) => {
    db.createObjectStore(STORE.kitVault);
  },
  // 4: the cell's shared records (signed chains per member and device) and the roll-call.
  (db) => {
    db.createObjectStore(STORE.syncOutbox, { keyPath: 'order', autoIncrement: true });
    const records = db.createObjectStore(STORE.syncRecords, { keyPath: 'id' });
    records.createIndex(INDEX.recordsByChain, ['author', 'device', 'seq'], { unique: true });
    db.createObjectStore(STORE.syncHeads, { keyPath: ['author', 'device'] });
    db.createObjectStore(STORE.syncRejections, { keyPath: 'key', autoIncrement: true });
    db.createObjectStore(STORE.syncEquivocations, { keyPath: 'id' });
    db.createObjectStore(STORE.rollCalls, { keyPath: 'id' });
    const answers = db.createObjectStore(STORE.rollCallAnswers, {
      keyPath: ['rollCallId', 'member'],
    });
    answers.createIndex(INDEX.answersByRollCall, 'rollCallId');
  },
  // 5: the directory's search index as last built, and the signatures of the contacts it indexed
  // (derived data, rebuilt when stale).
  (db) => {
    db.createObjectStore(STORE.searchIndex);
    db.createObjectStore(STORE.searchSignatures);
  },
];

/** The schema version this build expects. */
export const DB_VERSION = MIGRATIONS.length;

/** Applies every migration above `oldVersion`, up to `newVersion`, in order. */
export function applyMigrations(
  migrations: readonly Migration[],
  db: IDBPDatabase<TocsinDB>,
  tx: UpgradeTransaction,
  oldVersion: number,
  newVersion: number,
): void {
  for (let version = oldVersion + 1; version <= newVersion; version++) {
    migrations[version - 1](db, tx);
  }
}
