/**
 * What a main-courante entry records: facts, decisions, actions, communications in and out,
 * situation points and notes, as French crisis practice keeps the main courante.
 */
export const ENTRY_KINDS = [
  'fact',
  'decision',
  'action',
  'communication_in',
  'communication_out',
  'situation_point',
  'note',
] as const;

/** Longest entry text accepted (a page of text; longer belongs in an attachment). */
export const MAX_ENTRY_TEXT = 10_000;

/** The kind of a main-courante entry. */
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Normal, or highlighted in the log and the situation report. */
export type EntryPriority = 'normal' | 'high';

/** A crisis: the main courante's frame. */
export interface Crisis {
  id: string;
  name: string;
  /** ISO 8601 time the crisis started (may be earlier than it was opened here). */
  startedAt: string;
  /** ISO 8601 time it was opened on this device. */
  openedAt: string;
  /** ISO 8601 time it was closed, if it was. */
  closedAt?: string;
}

/**
 * One line of the main courante. Entries are append-only: never edited, never deleted. A
 * correction is a new entry whose `corrects` names the entry it replaces.
 */
export interface LogEntry {
  /** Unique id: `<crisisId>:<deviceId>:<seq>`. */
  id: string;
  crisisId: string;
  /** The device that wrote it; each device's entries form one hash chain. */
  deviceId: string;
  /** 1, 2, 3… per device and crisis. */
  seq: number;
  /** ISO 8601: when it happened (may be approximate). */
  occurredAt: string;
  /** ISO 8601: when it was written on the device. */
  recordedAt: string;
  /** Who took the action or reported the information. */
  author: string;
  kind: EntryKind;
  priority: EntryPriority;
  text: string;
  refs: { checklistItemIds: string[]; contactIds: string[] };
  /** The id of the entry this one corrects. */
  corrects?: string;
  /** `hash` of this device's previous entry in the crisis; "" for the first. */
  prevHash: string;
  /** Hex SHA-256 of the entry's canonical bytes (every field but `hash`). */
  hash: string;
}
