import type { DatabaseService } from '../../app/database-service.js';
import { STORE } from '../../db/schema.js';
import { recordId, type StoredRecord } from '../../domain/records.js';
import { recordHash, type UnsignedRecord } from './record-bytes.js';
import { impersonationIn, misnamedEntry } from './record-reader.js';
import type { RecordSigner } from './record-signature.js';

/** How many queued changes are signed per transaction. */
const SEAL_BATCH = 200;

/**
 * Signs the changes queued in the outbox into this device's chain of records. A change is removed
 * from the outbox in the same transaction its record is added, so a crash loses neither and
 * signs nothing twice; a second tab doing the same is detected by the chain head moving.
 */
export class RecordJournal {
  private sealing?: Promise<StoredRecord[]>;

  constructor(
    private readonly database: DatabaseService,
    private readonly signer: RecordSigner,
    /** This member's chain on this device: `<member>@<device>` (log/writer.ts). */
    private readonly deviceId: string,
  ) {}

  /** Signs everything queued; resolves with the new records, in chain order. */
  sealQueued(): Promise<StoredRecord[]> {
    // One sealing at a time in this tab; a call during one waits for it, then seals what is left.
    const previous = this.sealing ?? Promise.resolve([]);
    const next = previous.catch(() => []).then(() => this.sealAll());
    this.sealing = next;
    return next;
  }

  private async sealAll(): Promise<StoredRecord[]> {
    const sealed: StoredRecord[] = [];
    for (;;) {
      const batch = await this.sealBatch();
      if (batch === undefined) continue; // another tab moved the chain: read it again
      if (batch.length === 0) return sealed;
      sealed.push(...batch);
    }
  }

  /** Seals up to SEAL_BATCH queued changes; [] when none, undefined when the head moved. */
  private async sealBatch(): Promise<StoredRecord[] | undefined> {
    const db = await this.database.db();
    const author = this.signer.memberId;
    const device = this.deviceId;
    const read = db.transaction([STORE.syncOutbox, STORE.syncHeads]);
    const [items, head] = await Promise.all([
      read.objectStore(STORE.syncOutbox).getAll(undefined, SEAL_BATCH),
      read.objectStore(STORE.syncHeads).get([author, device]),
    ]);
    if (items.length === 0) return [];

    // Signing is asynchronous and would end an IndexedDB transaction, so records are made first
    // and the write transaction then checks nothing moved meanwhile.
    const records: StoredRecord[] = [];
    let seq = head?.seq ?? 0;
    let prev = head?.hash ?? '';
    const now = new Date().toISOString();
    for (const item of items) {
      const unsigned: UnsignedRecord = {
        author,
        device,
        seq: seq + 1,
        prev,
        at: now,
        body: item.body,
      };
      // Written before this device was enrolled (or for another member): not on this member's
      // chain, so every receiver would refuse it. It stays in this device's log, unshared.
      const record = { ...unsigned, sig: '' };
      if (impersonationIn(record) || misnamedEntry(record)) continue;
      seq += 1;
      const [hash, sig] = await Promise.all([recordHash(unsigned), this.signer.sign(unsigned)]);
      records.push({ ...unsigned, sig, id: recordId(author, device, seq), hash, receivedAt: now });
      prev = hash;
    }

    const tx = db.transaction([STORE.syncOutbox, STORE.syncRecords, STORE.syncHeads], 'readwrite', {
      durability: 'strict',
    });
    const heads = tx.objectStore(STORE.syncHeads);
    const current = await heads.get([author, device]);
    const stillQueued = await tx.objectStore(STORE.syncOutbox).getAllKeys(undefined, SEAL_BATCH);
    const unchanged =
      (current?.hash ?? '') === (head?.hash ?? '') &&
      items.every((item, i) => stillQueued[i] === item.order);
    if (!unchanged) {
      tx.abort();
      await tx.done.catch(() => undefined);
      return undefined;
    }
    for (const item of items) void tx.objectStore(STORE.syncOutbox).delete(item.order!);
    for (const record of records) void tx.objectStore(STORE.syncRecords).add(record);
    const last = records[records.length - 1];
    if (!last) {
      await tx.done;
      return this.sealBatch(); // only unshareable changes in this batch: on to the next
    }
    void heads.put({
      author,
      device,
      seq: last.seq,
      hash: last.hash,
      receivedAt: now,
      ...(current?.peerSeq ? { peerSeq: current.peerSeq } : {}),
    });
    await tx.done;
    return records;
  }
}
