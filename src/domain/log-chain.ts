import { toHex } from '../encoding/bytes.js';
import type { LogEntry } from './log.js';

/** An entry before it is sealed into its device's chain. */
export type SealableEntry = Omit<LogEntry, 'hash'>;

/**
 * The exact bytes an entry's hash covers: every field but the hash, in a fixed order, as a JSON
 * array (JSON.stringify of an array is deterministic, unlike an object's key order across
 * writers). Changing this order changes every hash: it is part of the stored format.
 */
export function canonicalEntryBytes(entry: SealableEntry): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(canonicalEntryFields(entry)));
}

/** The fields an entry's hash covers, in their fixed order (also signed in a shared record). */
export function canonicalEntryFields(entry: SealableEntry): unknown[] {
  return [
    'tocsin-log-entry-v1',
    entry.id,
    entry.crisisId,
    entry.deviceId,
    entry.seq,
    entry.occurredAt,
    entry.recordedAt,
    entry.author,
    entry.kind,
    entry.priority,
    entry.text,
    entry.refs.checklistItemIds,
    entry.refs.contactIds,
    entry.corrects ?? null,
    entry.prevHash,
  ];
}

/** Hex SHA-256 of an entry's canonical bytes. */
export async function computeEntryHash(entry: SealableEntry): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', canonicalEntryBytes(entry));
  return toHex(new Uint8Array(digest));
}

/** Seals an entry: computes its hash over everything else, including the previous hash. */
export async function sealEntry(entry: SealableEntry): Promise<LogEntry> {
  return { ...entry, hash: await computeEntryHash(entry) };
}

/** Something wrong in one device's chain, found when the log is opened. */
export interface ChainProblem {
  deviceId: string;
  seq: number;
  entryId: string;
  /**
   * - altered: the entry's content no longer matches its hash;
   * - broken-link: its prevHash is not the previous entry's hash (an entry removed or replaced);
   * - gap: a sequence number is missing before it;
   * - duplicate: two entries claim the same sequence number.
   */
  kind: 'altered' | 'broken-link' | 'gap' | 'duplicate';
}

/**
 * Verifies every device's chain in a crisis's entries. It reports, never repairs: a broken chain
 * is evidence the user must see.
 */
export async function verifyChains(entries: readonly LogEntry[]): Promise<ChainProblem[]> {
  const byDevice = new Map<string, LogEntry[]>();
  for (const entry of entries) {
    const chain = byDevice.get(entry.deviceId) ?? [];
    chain.push(entry);
    byDevice.set(entry.deviceId, chain);
  }
  const problems: ChainProblem[] = [];
  const hashes = await Promise.all(entries.map((entry) => computeEntryHash(entry)));
  const computed = new Map(entries.map((entry, i) => [entry, hashes[i]]));
  for (const [deviceId, chain] of byDevice) {
    chain.sort((a, b) => a.seq - b.seq);
    let previous: LogEntry | undefined;
    for (const entry of chain) {
      const problem = (kind: ChainProblem['kind']) =>
        problems.push({ deviceId, seq: entry.seq, entryId: entry.id, kind });
      if (computed.get(entry) !== entry.hash) problem('altered');
      if (previous && previous.seq === entry.seq) {
        problem('duplicate');
      } else if (entry.seq !== (previous?.seq ?? 0) + 1) {
        problem('gap');
      } else if (entry.prevHash !== (previous?.hash ?? '')) {
        problem('broken-link');
      }
      previous = entry;
    }
  }
  return problems;
}
