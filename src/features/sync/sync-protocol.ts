// The messages devices exchange in the crisis room to keep each other's records complete
// (docs/sync.md). They travel as LiveKit data, end-to-end encrypted by the room's E2EE.
import {
  isChainId,
  isHexHash,
  MAX_SYNC_MESSAGE_CHARS,
  type SyncRecord,
} from '../../domain/records.js';

/** One chain held: [author, device, seq, hash of its last record]. */
export type HeldChain = [author: string, device: string, seq: number, hash: string];

/** Records asked for: [author, device, first seq, last seq]. */
export type WantedRange = [author: string, device: string, from: number, to: number];

export type SyncMessage =
  /** What the sender holds, chain by chain; `reply` asks the receiver to say what it holds too. */
  | { t: 'hello'; heads: HeldChain[]; reply: boolean }
  /** Records the sender lacks and the receiver said it holds. */
  | { t: 'want'; ranges: WantedRange[] }
  /** Records, each chain's in order: an answer to a want, or new records pushed to everyone. */
  | { t: 'records'; records: SyncRecord[]; answer: boolean }
  /** Two records signed by one member with the same number: proof for everyone to check. */
  | { t: 'evidence'; records: [SyncRecord, SyncRecord] };

const MAX_LIST = 10_000;

/** A message that is not one of the protocol's. */
export class MalformedMessage extends Error {
  constructor(detail: string) {
    super(`Malformed sync message: ${detail}`);
    this.name = 'MalformedMessage';
  }
}

export function encodeMessage(message: SyncMessage): string {
  return JSON.stringify(message);
}

/**
 * Reads a message's envelope. Records inside stay unread values: each is read and checked on its
 * own by the merger, so one bad record is rejected without losing the others.
 */
export function decodeMessage(
  text: string,
):
  | { t: 'hello'; heads: HeldChain[]; reply: boolean }
  | { t: 'want'; ranges: WantedRange[] }
  | { t: 'records'; records: unknown[]; answer: boolean }
  | { t: 'evidence'; records: unknown[] } {
  if (text.length > MAX_SYNC_MESSAGE_CHARS) throw new MalformedMessage('too long');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new MalformedMessage('not JSON');
  }
  if (typeof data !== 'object' || data === null) throw new MalformedMessage('not an object');
  const message = data as Record<string, unknown>;
  switch (message.t) {
    case 'hello':
      return {
        t: 'hello',
        heads: list(message.heads).map(readHeldChain),
        reply: message.reply === true,
      };
    case 'want':
      return { t: 'want', ranges: list(message.ranges).map(readWantedRange) };
    case 'records':
      return { t: 'records', records: list(message.records), answer: message.answer === true };
    case 'evidence': {
      const records = list(message.records);
      if (records.length !== 2) throw new MalformedMessage('evidence is not two records');
      return { t: 'evidence', records };
    }
    default:
      throw new MalformedMessage('unknown type');
  }
}

function list(value: unknown): unknown[] {
  if (!Array.isArray(value) || value.length > MAX_LIST) throw new MalformedMessage('not a list');
  return value;
}

/** [author, device, seq, …]: the start both a held chain and a wanted range have. */
function isChainTuple(value: unknown): value is [string, string, number, unknown] {
  return (
    Array.isArray(value) &&
    value.length === 4 &&
    isChainId(value[0]) &&
    isChainId(value[1]) &&
    isSeq(value[2])
  );
}

function readHeldChain(value: unknown): HeldChain {
  if (isChainTuple(value) && isHexHash(value[3])) {
    return [value[0], value[1], value[2], value[3]];
  }
  throw new MalformedMessage('bad chain head');
}

function readWantedRange(value: unknown): WantedRange {
  if (isChainTuple(value) && isSeq(value[3]) && value[2] <= value[3]) {
    return [value[0], value[1], value[2], value[3]];
  }
  throw new MalformedMessage('bad range');
}

function isSeq(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

/**
 * Cuts records into the messages that carry them, in order: at most `maxChars` characters of
 * records each (a batch holds at least one record), or at most `maxRecords` records each.
 */
export function batchRecords(
  records: readonly SyncRecord[],
  limit: { maxChars: number } | { maxRecords: number },
): SyncRecord[][] {
  const batches: SyncRecord[][] = [];
  let batch: SyncRecord[] = [];
  let size = 0;
  for (const record of records) {
    const length = JSON.stringify(record).length;
    const full =
      'maxChars' in limit ? size + length > limit.maxChars : batch.length === limit.maxRecords;
    if (batch.length > 0 && full) {
      batches.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(record);
    size += length;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
