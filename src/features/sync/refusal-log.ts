// The bookkeeping of refused records: the list of refusals the screens show, bounded so a flood
// cannot fill the disk, and the tally of members whose own valid signature is on a refused
// record, which outlives the list (a member is still named once their rows have been dropped).
import type { DatabaseService } from '../../app/database-service.js';
import { STORE } from '../../db/schema.js';
import {
  SIGNER_BLAMED_REASONS,
  type Rejection,
  type RejectionReason,
  type SyncRecord,
} from '../../domain/records.js';
import { MERGE_STORES, type MergeTransaction } from './merge-transaction.js';
import { CULPRITS_KEY, culpritTallyOf, MAX_REJECTIONS_KEPT } from './record-store.js';

/** What a refused record was, for the list of refusals. */
export interface Refused {
  reason: RejectionReason;
  record?: Partial<SyncRecord>;
  /** The member whose valid signature is on it. */
  signer?: string;
  detail?: string;
}

/** The row of the list of refusals for `refusal`, delivered by `from` and refused at `now`. */
export function refusalOf(refusal: Refused, from: string, now: Date): Rejection {
  const { reason, record, signer, detail } = refusal;
  return {
    reason,
    from,
    at: now.toISOString(),
    ...(signer ? { signer } : {}),
    ...(record?.author ? { author: record.author, device: record.device, seq: record.seq } : {}),
    ...(detail ? { detail } : {}),
  };
}

/**
 * Keeps `rows` in the list of refusals and tallies the signers to blame of `all`, in `tx`, so the
 * refusals commit with the records merged beside them. `rows` is a sample of `all` when a flood
 * of one kind is kept as a sample; the signers to blame are always tallied.
 */
export async function noteRefusals(
  tx: MergeTransaction,
  rows: readonly Rejection[],
  all: readonly Rejection[] = rows,
): Promise<void> {
  await keepRejections(tx, rows);
  await tallyCulprits(tx, all);
}

/** Notes refusals in a transaction of their own, when no record is merged beside them. */
export async function keepRefusals(
  database: DatabaseService,
  rows: readonly Rejection[],
  all: readonly Rejection[] = rows,
): Promise<void> {
  const db = await database.db();
  const tx = db.transaction([...MERGE_STORES], 'readwrite');
  await noteRefusals(tx, rows, all);
  await tx.done;
}

/** Adds refusals to the list, dropping the oldest beyond MAX_REJECTIONS_KEPT. */
async function keepRejections(tx: MergeTransaction, rejected: readonly Rejection[]) {
  if (rejected.length === 0) return;
  const store = tx.objectStore(STORE.syncRejections);
  for (const rejection of rejected) void store.add({ ...rejection });
  const excess = (await store.count()) - MAX_REJECTIONS_KEPT;
  if (excess > 0) {
    let cursor = await store.openCursor();
    for (let i = 0; i < excess && cursor; i++) {
      void cursor.delete();
      cursor = await cursor.continue();
    }
  }
}

/** Counts the refusals each signer is to blame for, in the same transaction as the refusals. */
async function tallyCulprits(tx: MergeTransaction, rejected: readonly Rejection[]) {
  const blamed = rejected.filter(
    (rejection) => rejection.signer && SIGNER_BLAMED_REASONS.includes(rejection.reason),
  );
  if (blamed.length === 0) return;
  const settings = tx.objectStore(STORE.settings);
  const tally = { ...culpritTallyOf((await settings.get(CULPRITS_KEY))?.value) };
  for (const { signer, at } of blamed) {
    const known = tally[signer!];
    tally[signer!] = { count: (known?.count ?? 0) + 1, last: at };
  }
  void settings.put({ key: CULPRITS_KEY, value: tally });
}
