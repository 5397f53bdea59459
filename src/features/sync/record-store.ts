import type { DatabaseService } from '../../app/database-service.js';
import { INDEX, STORE } from '../../db/schema.js';
import type {
  ChainHead,
  Equivocation,
  Rejection,
  StoredRecord,
  SyncRecord,
} from '../../domain/records.js';

/** Longest list of rejections kept: enough to investigate, bounded against a flood. */
export const MAX_REJECTIONS_KEPT = 1000;

/** The settings key of the tally of members whose signature is on refused records. */
export const CULPRITS_KEY = 'sync-culprits';

/** Member id → how many of their signed records were refused or flagged, and when last. */
export type CulpritTally = Record<string, { count: number; last: string }>;

/** Reads the tally from its settings record (anything else reads as none). */
export function culpritTallyOf(value: unknown): CulpritTally {
  return typeof value === 'object' && value !== null ? (value as CulpritTally) : {};
}

/** What this device holds of the shared records, read for the sync protocol and the screens. */
export class RecordStore {
  constructor(private readonly database: DatabaseService) {}

  /** The head of every chain held here. */
  async heads(): Promise<(ChainHead & { receivedAt: string; peerSeq?: number })[]> {
    const db = await this.database.db();
    return db.getAll(STORE.syncHeads);
  }

  /** Records `from`…`to` of one chain, in order, at most `limit`. */
  async range(
    author: string,
    device: string,
    from: number,
    to: number,
    limit: number,
  ): Promise<StoredRecord[]> {
    const db = await this.database.db();
    const range = IDBKeyRange.bound([author, device, from], [author, device, to]);
    return db.getAllFromIndex(STORE.syncRecords, INDEX.recordsByChain, range, limit);
  }

  /** Changes written here and not signed into a record yet. */
  async outboxCount(): Promise<number> {
    const db = await this.database.db();
    return db.count(STORE.syncOutbox);
  }

  /** Remembers that another device holds this device's chain up to `seq`. */
  async notePeerHolds(author: string, device: string, seq: number): Promise<void> {
    const db = await this.database.db();
    const tx = db.transaction(STORE.syncHeads, 'readwrite');
    const head = await tx.store.get([author, device]);
    if (head && (head.peerSeq ?? 0) < seq) await tx.store.put({ ...head, peerSeq: seq });
    await tx.done;
  }

  /** The rejected records, the latest first. */
  async rejections(): Promise<Rejection[]> {
    const db = await this.database.db();
    return (await db.getAll(STORE.syncRejections)).reverse();
  }

  /** The members whose own signature is on refused or flagged records, sorted. */
  async culprits(): Promise<string[]> {
    const db = await this.database.db();
    const record = await db.get(STORE.settings, CULPRITS_KEY);
    return Object.keys(culpritTallyOf(record?.value)).sort();
  }

  /** Every proof of a member signing two different records with the same number. */
  async equivocations(): Promise<Equivocation[]> {
    const db = await this.database.db();
    return db.getAll(STORE.syncEquivocations);
  }
}

/** A stored record as it travels: without what only this device knows. */
export function toWire(record: StoredRecord): SyncRecord {
  const { author, device, seq, prev, at, body, sig } = record;
  return { author, device, seq, prev, at, body, sig };
}
