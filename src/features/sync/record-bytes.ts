import { toHex } from '../../encoding/bytes.js';
import { canonicalEntryFields } from '../../domain/log-chain.js';
import type { RecordBody, SyncRecord } from '../../domain/records.js';

/** A record before it is signed. */
export type UnsignedRecord = Omit<SyncRecord, 'sig'>;

/**
 * The exact bytes a record's signature and hash cover: every field but the signature, in a fixed
 * order, as a JSON array (an object's key order would depend on who wrote it). Changing this
 * changes every signature: it is part of the sync protocol (docs/sync.md).
 */
export function canonicalRecordBytes(record: UnsignedRecord): Uint8Array<ArrayBuffer> {
  const fields = [
    'tocsin-record-v1',
    record.author,
    record.device,
    record.seq,
    record.prev,
    record.at,
    record.body.type,
    bodyFields(record.body),
  ];
  return new TextEncoder().encode(JSON.stringify(fields));
}

function bodyFields(body: RecordBody): unknown[] {
  switch (body.type) {
    case 'crisis': {
      const { id, name, startedAt, openedAt, closedAt } = body.crisis;
      return [id, name, startedAt, openedAt, closedAt ?? null];
    }
    case 'entry':
      // The entry's own hash is checked separately; signing it binds the entry's chain too.
      return [...canonicalEntryFields(body.entry), body.entry.hash];
    case 'tick': {
      const { crisisId, itemId, by, at, done } = body.tick;
      return [crisisId, itemId, by, at, done];
    }
    case 'rollcall': {
      const { id, startedAt, by } = body.rollCall;
      return [id, startedAt, by];
    }
    case 'answer': {
      const { rollCallId, member, status, at } = body.answer;
      return [rollCallId, member, status, at];
    }
  }
}

/** Hex SHA-256 of a record's canonical bytes: its identity in its chain. */
export async function recordHash(record: UnsignedRecord): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', canonicalRecordBytes(record));
  return toHex(new Uint8Array(digest));
}
