import type { DatabaseService } from '../../app/database-service.js';
import { STORE, type SyncHeadRecord } from '../../db/schema.js';
import { computeEntryHash } from '../../domain/log-chain.js';
import type { LogEntry } from '../../domain/log.js';
import {
  CLOCK_TOLERANCE_MS,
  isFutureDated,
  recordId,
  type ChainHead,
  type Equivocation,
  type Rejection,
  type RejectionReason,
  type StoredRecord,
  type SyncRecord,
} from '../../domain/records.js';
import { MERGE_STORES } from './merge-transaction.js';
import { recordHash } from './record-bytes.js';
import { applyRecordBody, type EntryHead } from './record-effects.js';
import {
  impersonationIn,
  latestClaimedTime,
  MalformedRecord,
  misnamedEntry,
  readRecord,
} from './record-reader.js';
import type { RecordVerifier } from './record-signature.js';
import { toWire } from './record-store.js';
import { keepRefusals, noteRefusals, refusalOf, type Refused } from './refusal-log.js';

/** What merging a batch of received records did. */
export interface MergeResult {
  accepted: StoredRecord[];
  rejected: Rejection[];
  /** Chains where a record arrived before the ones it follows: the first missing number. */
  gaps: (ChainHead & { from: number })[];
  equivocations: Equivocation[];
}

/** A record whose signature and self-consistency were checked, waiting for the chain checks. */
interface Checked {
  record: SyncRecord;
  hash: string;
  /** Its times run ahead of this device's clock: accepted, never trusted to win (docs/sync.md). */
  future: boolean;
}

/**
 * Merges records received from other devices into this device's log. A record is accepted only
 * if its author is a member of the signed directory, its signature verifies, and it extends its
 * chain; its effects (a log entry, a tick, a roll-call answer…) are written in the same
 * transaction as the record, so both or neither are kept. Merging the same record twice changes
 * nothing: devices that have merged the same records hold the same data.
 */
export class RecordMerger {
  constructor(
    private readonly database: DatabaseService,
    /** Member id → Ed25519 public key, from the verified kit's directory. */
    private readonly members: ReadonlyMap<string, string>,
    private readonly verifier: RecordVerifier,
  ) {}

  /**
   * Merges a batch of wire records sent by `from` (a LiveKit identity), in the order sent. Every
   * refusal is in the result; `keepRow` says which are worth a row in the list of refusals (a
   * flood of one kind is kept as a sample), while the signers to blame are always tallied.
   */
  async merge(
    batch: readonly unknown[],
    from: string,
    keepRow: (rejection: Rejection) => boolean = () => true,
  ): Promise<MergeResult> {
    const now = new Date();
    // Signatures and hashes are asynchronous, so they are all checked before the transaction.
    const checks = await Promise.all(batch.map((value) => this.check(value, now)));
    const refused: Refused[] = [];
    const checked: Checked[] = [];
    for (const check of checks) {
      if ('reason' in check) refused.push(check);
      else checked.push(check);
    }
    let result: MergeResult;
    try {
      result = await this.write(checked, refused, from, now, keepRow);
    } catch (error) {
      // Every record was checked against what is held before any write: a full disk is the
      // storage's failure, not a record's, and goes back to the caller with nothing half-written.
      if (checked.length <= 1 || isQuotaError(error)) throw error;
      // Anything else that defeated the checks costs its record alone, never the others.
      result = {
        accepted: [],
        rejected: refused.map((refusal) => refusalOf(refusal, from, now)),
        gaps: [],
        equivocations: [],
      };
      await keepRefusals(this.database, result.rejected.filter(keepRow), result.rejected);
      for (const one of checked) {
        try {
          const single = await this.write([one], [], from, now, keepRow);
          result.accepted.push(...single.accepted);
          result.rejected.push(...single.rejected);
          result.gaps.push(...single.gaps);
          result.equivocations.push(...single.equivocations);
        } catch (singleError) {
          if (isQuotaError(singleError)) throw singleError;
          const refusal = refusalOf(
            { reason: 'malformed', record: one.record, detail: 'it could not be stored' },
            from,
            now,
          );
          await keepRefusals(this.database, [refusal]);
          result.rejected.push(refusal);
        }
      }
    }
    return result;
  }

  /** Writes checked records, and the refusals, in one transaction. */
  private async write(
    checked: readonly Checked[],
    refused: readonly Refused[],
    from: string,
    now: Date,
    keepRow: (rejection: Rejection) => boolean,
  ): Promise<MergeResult> {
    const receivedAt = now.toISOString();
    const rejected: Rejection[] = refused.map((refusal) => refusalOf(refusal, from, now));
    const reject = (reason: RejectionReason, record: SyncRecord, detail?: string) =>
      rejected.push(
        refusalOf(
          { reason, record, signer: record.author, ...(detail ? { detail } : {}) },
          from,
          now,
        ),
      );
    const result: MergeResult = { accepted: [], rejected, gaps: [], equivocations: [] };
    if (checked.length === 0 && rejected.length === 0) return result;
    const db = await this.database.db();
    const tx = db.transaction([...MERGE_STORES], 'readwrite');
    const heads = new Map<string, SyncHeadRecord>();
    const headOf = async (author: string, device: string) => {
      const key = `${author}|${device}`;
      if (!heads.has(key)) {
        const stored = await tx.objectStore(STORE.syncHeads).get([author, device]);
        if (stored) heads.set(key, stored);
      }
      return heads.get(key);
    };
    const gaps = new Map<string, ChainHead & { from: number }>();

    const entryHeads = new Map<string, EntryHead>();
    const trustedAfter = new Date(now.getTime() + CLOCK_TOLERANCE_MS).toISOString();
    for (const { record, hash, future } of checked) {
      const id = recordId(record.author, record.device, record.seq);
      const head = await headOf(record.author, record.device);
      // A chain is held without holes from 1 to its head: only a number up to the head can be
      // held already (a catch-up's records are all above it, and skip this read).
      const held =
        record.seq <= (head?.seq ?? 0)
          ? await tx.objectStore(STORE.syncRecords).get(id)
          : undefined;
      if (held) {
        if (held.hash === hash) {
          reject('replayed', record);
        } else {
          const evidence: Equivocation = {
            id,
            author: record.author,
            records: [toWire(held), record],
            foundAt: receivedAt,
          };
          void tx.objectStore(STORE.syncEquivocations).put(evidence);
          result.equivocations.push(evidence);
          reject('equivocation', record);
        }
        continue;
      }
      const expected = (head?.seq ?? 0) + 1;
      if (record.seq > expected) {
        const key = `${record.author}|${record.device}`;
        if (!gaps.has(key)) {
          gaps.set(key, {
            author: record.author,
            device: record.device,
            seq: record.seq,
            hash,
            from: expected,
          });
        }
        reject('out-of-order', record);
        continue;
      }
      if (record.prev !== (head?.hash ?? '')) {
        reject('broken-chain', record, 'it does not follow its chain’s previous record');
        continue;
      }
      const effect = await applyRecordBody(tx, record.body, entryHeads, trustedAfter);
      if (effect !== undefined) {
        reject('broken-chain', record, effect);
        continue;
      }
      if (future) reject('future-dated', record, 'its time is ahead of this device’s clock');
      const stored: StoredRecord = { ...record, id, hash, receivedAt };
      void tx.objectStore(STORE.syncRecords).add(stored);
      heads.set(`${record.author}|${record.device}`, {
        author: record.author,
        device: record.device,
        seq: record.seq,
        hash,
        receivedAt,
        ...(head?.peerSeq ? { peerSeq: head.peerSeq } : {}),
      });
      result.accepted.push(stored);
    }

    const acceptedChains = new Set(result.accepted.map((r) => `${r.author}|${r.device}`));
    for (const [key, head] of heads) {
      if (acceptedChains.has(key)) void tx.objectStore(STORE.syncHeads).put(head);
    }
    await noteRefusals(tx, rejected.filter(keepRow), rejected);
    await tx.done;
    // A gap is asked for from the first number still missing once the whole batch is merged.
    result.gaps = [...gaps.entries()].map(([key, gap]) => ({
      ...gap,
      from: (heads.get(key)?.seq ?? 0) + 1,
    }));
    return result;
  }

  /**
   * Counts a message refused as a whole: not one of the protocol's (malformed), not sealed with
   * the room's key, from a participant who is not a member, or part of a flood.
   */
  async refuseMessage(
    from: string,
    reason: Extract<RejectionReason, 'malformed' | 'unsealed' | 'not-member' | 'flood'>,
    detail?: string,
  ): Promise<MergeResult> {
    const rejection: Rejection = {
      reason,
      from,
      at: new Date().toISOString(),
      ...(detail ? { detail } : {}),
    };
    await keepRefusals(this.database, [rejection]);
    return { accepted: [], rejected: [rejection], gaps: [], equivocations: [] };
  }

  /**
   * Checks another device's proof that a member signed two records with the same number, and
   * keeps it when both signatures hold. Undefined when it proves nothing.
   */
  async recordEvidence(pair: readonly unknown[]): Promise<MergeResult | undefined> {
    const [a, b] = await Promise.all(pair.map((value) => this.check(value, new Date())));
    if (!a || !b || 'reason' in a || 'reason' in b) return undefined;
    const same =
      a.record.author === b.record.author &&
      a.record.device === b.record.device &&
      a.record.seq === b.record.seq;
    if (!same || a.hash === b.hash) return undefined;
    const evidence: Equivocation = {
      id: recordId(a.record.author, a.record.device, a.record.seq),
      author: a.record.author,
      records: [a.record, b.record],
      foundAt: new Date().toISOString(),
    };
    const db = await this.database.db();
    const tx = db.transaction(STORE.syncEquivocations, 'readwrite');
    const known = await tx.store.get(evidence.id);
    if (!known) await tx.store.put(evidence);
    await tx.done;
    if (known) return undefined;
    return { accepted: [], rejected: [], gaps: [], equivocations: [evidence] };
  }

  /**
   * Everything that can be told of a record alone, in order: it reads as a record, its author is
   * a member, the signature is theirs, it claims no one else's identity, its entry is sealed.
   */
  private async check(value: unknown, now: Date): Promise<Checked | Refused> {
    let record: SyncRecord;
    try {
      record = readRecord(value);
    } catch (error) {
      if (error instanceof MalformedRecord) {
        return { reason: 'malformed', record: partial(value), detail: error.detail };
      }
      throw error;
    }
    const publicKey = this.members.get(record.author);
    if (!publicKey) return { reason: 'unknown-author', record };
    const { sig, ...unsigned } = record;
    const [signed, hash] = await Promise.all([
      this.verifier.verify(unsigned, sig, publicKey),
      recordHash(unsigned),
    ]);
    if (!signed) return { reason: 'forged', record, detail: 'its signature does not verify' };
    const signer = record.author;
    const impersonation = impersonationIn(record);
    if (impersonation) return { reason: 'impersonation', record, signer, detail: impersonation };
    const misnamed = misnamedEntry(record);
    if (misnamed) return { reason: 'malformed', record, signer, detail: misnamed };
    if (record.body.type === 'entry' && !(await entryIsSealed(record.body.entry))) {
      return { reason: 'malformed', record, signer, detail: 'its entry does not match its hash' };
    }
    const future = isFutureDated(latestClaimedTime(record), now.getTime());
    return { record, hash, future };
  }
}

async function entryIsSealed(entry: LogEntry): Promise<boolean> {
  const { hash, ...sealable } = entry;
  return (await computeEntryHash(sealable)) === hash;
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'QuotaExceededError';
}

function partial(value: unknown): Partial<SyncRecord> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { author, device, seq } = value as Record<string, unknown>;
  return typeof author === 'string' && typeof device === 'string' && typeof seq === 'number'
    ? { author: author.slice(0, 200), device: device.slice(0, 200), seq }
    : undefined;
}
