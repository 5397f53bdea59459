import type { IDBPDatabase } from 'idb';
import { openTocsinDB, type DatabaseInterruption } from '../db/open.js';
import type { TocsinDB } from '../db/schema.js';
import { Observable } from './observable.js';

/** Why the database cannot be used right now, for the banner that tells the user what to do. */
export type DatabaseProblem =
  | { kind: DatabaseInterruption }
  /** The device is out of space: said plainly, since the user can act on it. */
  | { kind: 'full' }
  | { kind: 'failed'; reason: string }
  | undefined;

/** Opens the database once for the whole app and reports anything that stands in its way. */
export class DatabaseService {
  /** What the user must be told about the database; undefined while all is well. */
  readonly problem = new Observable<DatabaseProblem>(undefined);
  private opening?: Promise<IDBPDatabase<TocsinDB>>;

  constructor(private readonly name?: string) {}

  /** The open database. Rejects (and reports why) when it cannot be opened or was handed over. */
  db(): Promise<IDBPDatabase<TocsinDB>> {
    if (this.problem.value?.kind === 'blocking') {
      return Promise.reject(new Error('Tocsin was updated in another tab: reload this tab'));
    }
    this.opening ??= openTocsinDB({
      name: this.name,
      onInterruption: (kind) => this.problem.set({ kind }),
    }).then(
      (db) => {
        if (this.problem.value?.kind === 'blocked') this.problem.set(undefined);
        return db;
      },
      (error: unknown) => {
        this.opening = undefined;
        this.problem.set(
          isQuotaError(error) ? { kind: 'full' } : { kind: 'failed', reason: describeError(error) },
        );
        throw error;
      },
    );
    return this.opening;
  }
}

/** Whether an error means the device's storage is full. */
export function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'QuotaExceededError';
}

/** A short description of an error, for the "could not open" message (never holds secrets). */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
