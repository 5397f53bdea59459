import type { Crisis, LogEntry } from './log.js';
import type { ChecklistTick } from './playbook.js';

/** The answers to a roll-call ("Présences"), in the order the buttons show them. */
/** The data topic of the sync protocol; a new incompatible protocol gets a new topic. */
export const SYNC_TOPIC = 'tocsin.sync.v1';

/** Longest sync message accepted, in characters: a want's answer is cut well below it. */
export const MAX_SYNC_MESSAGE_CHARS = 2_000_000;

export const ROLL_CALL_STATUSES = ['present', 'remote', 'unavailable', 'help'] as const;

/** One answer to a roll-call: on site, available remotely, unavailable, or needs help. */
export type RollCallStatus = (typeof ROLL_CALL_STATUSES)[number];

/** A roll-call started by a member: everyone answers it in one tap. */
export interface RollCall {
  id: string;
  /** ISO 8601 time it was started. */
  startedAt: string;
  /** The member id of who started it (the record's signer). */
  by: string;
}

/** A member's answer to a roll-call. Only the member can answer for themself. */
export interface RollCallAnswer {
  rollCallId: string;
  /** The member id of who answers (the record's signer). */
  member: string;
  status: RollCallStatus;
  /** ISO 8601 time of the answer; a member's latest answer is the one shown. */
  at: string;
}

/** What a shared record carries: one change to the cell's common data. */
export type RecordBody =
  | { type: 'crisis'; crisis: Crisis }
  | { type: 'entry'; entry: LogEntry }
  | { type: 'tick'; tick: ChecklistTick }
  | { type: 'rollcall'; rollCall: RollCall }
  | { type: 'answer'; answer: RollCallAnswer };

/**
 * How far ahead of this device's clock a time a member signed may be and still be trusted: the
 * clocks of phones and tablets drift by seconds to minutes, a forged date by years.
 */
export const CLOCK_TOLERANCE_MS = 5 * 60_000;

/** Whether a signed time runs too far ahead of this device's clock to be trusted. */
export function isFutureDated(time: string, now = Date.now()): boolean {
  return Date.parse(time) > now + CLOCK_TOLERANCE_MS;
}

/** The kind of a record. */
export type RecordType = RecordBody['type'];

/**
 * A signed record, as it travels between devices. Each (author, device) pair is one hash chain:
 * `seq` counts 1, 2, 3… and `prev` is the hash of the chain's previous record, so a receiver can
 * tell a missing record (a gap, requested) from a changed one (rejected).
 */
export interface SyncRecord {
  /** The member id of the signer: a member of the kit's signed directory. */
  author: string;
  /** The device that wrote it (one member may use several). */
  device: string;
  seq: number;
  /** Hex SHA-256 of the chain's previous record; "" for the first. */
  prev: string;
  /** ISO 8601 time it was signed. */
  at: string;
  body: RecordBody;
  /** Ed25519 signature by the author's member key over the canonical bytes, base64url. */
  sig: string;
}

/** A record as kept on a device: its chain key, its hash, and when it arrived. */
export interface StoredRecord extends SyncRecord {
  /** `<author>|<device>|<seq>`. */
  id: string;
  /** Hex SHA-256 of the canonical bytes (everything but the signature). */
  hash: string;
  /** ISO 8601 time this device received it (or wrote it). */
  receivedAt: string;
}

/** The identity of one chain. */
export interface ChainId {
  author: string;
  device: string;
}

/** How far a device holds one chain. */
export interface ChainHead extends ChainId {
  seq: number;
  hash: string;
}

/** A change written on this device, waiting to be signed into its chain. */
export interface OutboxItem {
  /** Auto-increment key: the order the changes were made in. */
  order?: number;
  body: RecordBody;
}

/**
 * Why something a participant sent was kept out of the log (docs/sync.md, "Accepting a record"):
 * - records: malformed, unknown-author, forged (the signature does not verify), impersonation (a
 *   member's valid signature on a record claiming another member's device, name or answer),
 *   broken-chain, equivocation, replayed, out-of-order;
 * - future-dated: a record accepted into its chain whose time is ahead of this device's clock: its
 *   tick or answer never wins over one that is not, and it is shown as suspicious;
 * - messages: not-member (its sender is not a member of the signed directory), unsealed (it did
 *   not arrive end-to-end encrypted with the room's key), flood (more than a member ever needs to
 *   send: dropped unread).
 */
export const REJECTION_REASONS = [
  'malformed',
  'unknown-author',
  'forged',
  'impersonation',
  'broken-chain',
  'equivocation',
  'future-dated',
  'not-member',
  'unsealed',
  'flood',
  'replayed',
  'out-of-order',
] as const;

export type RejectionReason = (typeof REJECTION_REASONS)[number];

/**
 * Refusals whose signer is to blame (the signature is theirs): the sync bar names them, from a
 * tally kept apart from the list of refusals, so that no later flood can push their name out.
 */
export const SIGNER_BLAMED_REASONS: readonly RejectionReason[] = [
  'impersonation',
  'broken-chain',
  'equivocation',
  'future-dated',
];

/** One received record that was not accepted, with who sent it. */
export interface Rejection {
  key?: number;
  reason: RejectionReason;
  /** The LiveKit identity that delivered it. */
  from: string;
  /**
   * The member whose valid signature is on it: who made it, as opposed to whom it names. Absent
   * when its signature does not verify (forged) or it is not a record at all.
   */
  signer?: string;
  /** The member id it claims as its author (its signer when `signer` is set). */
  author?: string;
  device?: string;
  seq?: number;
  /** What exactly was wrong, in English, for the details list (never a secret). */
  detail?: string;
  /** ISO 8601 time it was refused. */
  at: string;
}

/**
 * Proof that a member signed two different records with the same sequence number: both records,
 * so anyone can check the two signatures themselves.
 */
export interface Equivocation {
  /** `<author>|<device>|<seq>`. */
  id: string;
  author: string;
  records: [SyncRecord, SyncRecord];
  /** ISO 8601 time it was found here. */
  foundAt: string;
}

/**
 * A member or device id as records and sync messages carry it: no "|", which separates the two in
 * chain keys.
 */
export function isChainId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9._@:-]{1,200}$/.test(value);
}

/** A record's or entry's hash: hex SHA-256. */
export function isHexHash(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}

/** The chain key of a record. */
export function recordId(author: string, device: string, seq: number): string {
  return `${author}|${device}|${seq}`;
}
