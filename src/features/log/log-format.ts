import { t } from '../../app/i18n/page-messages.js';
import type { SignedMember } from '../../domain/signed-members.js';
import { entryDevice, entrySigner } from './entry-signer.js';
import type { Crisis, EntryKind, LogEntry } from '../../domain/log.js';

/** The name of an entry kind in the current language. */
export function kindName(kind: EntryKind): string {
  return t(`kind.${kind}`);
}

/** The value of an <input type="datetime-local"> for a date, in local time. */
export function toLocalInputValue(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

// `author` stays the typed text (whom an entry was written for); the verified signer, their name
// in the signed directory and the device come after the columns readers already know.
const CSV_COLUMNS = [
  'datetime',
  'message',
  'timestamp_desc',
  'author',
  'priority',
  'recorded_at',
  'corrects',
  'checklist_items',
  'device',
  'seq',
  'hash',
  'signer_id',
  'signer_name',
  'signer_device',
] as const;

/**
 * The log as CSV, in the columns Timesketch reads (`datetime`, `message`, `timestamp_desc`) plus
 * Tocsin's own, with a UTF-8 BOM for French Excel. Cells that a spreadsheet would run as a
 * formula are prefixed with an apostrophe. `signer_id` and `signer_name` are empty for an entry
 * written before this device was enrolled: no one signed it.
 */
export function logToCsv(entries: readonly LogEntry[], members: readonly SignedMember[]): string {
  const rows = entries.map((entry) => {
    const signer = entrySigner(entry, members);
    return [
      entry.occurredAt,
      entry.text,
      entry.kind,
      entry.author,
      entry.priority,
      entry.recordedAt,
      entry.corrects ?? '',
      entry.refs.checklistItemIds.join('|'),
      entry.deviceId,
      String(entry.seq),
      entry.hash,
      signer.signerId ?? '',
      signer.signerName ?? '',
      entryDevice(entry.deviceId),
    ];
  });
  return (
    '\uFEFF' +
    [CSV_COLUMNS as readonly string[], ...rows]
      .map((row) => row.map(csvCell).join(','))
      .join('\r\n') +
    '\r\n'
  );
}

/** An entry as the JSON export gives it: as stored (its hashes still check), and who signed it. */
export type ExportedEntry = LogEntry & {
  /** The member whose signature covers the entry's chain; absent when no one signed it. */
  signerId?: string;
  /** That member's name in the signed directory at export time. */
  signerName?: string;
  /** The device it was written on, without the member. */
  signerDevice: string;
};

/**
 * The log as JSON: the crisis and its entries, each with its verified signer beside the typed
 * `author`. The added fields are outside the entry's hashed fields, so the chains verify as read.
 */
export function logToJson(
  crisis: Crisis,
  entries: readonly LogEntry[],
  members: readonly SignedMember[],
  exportedAt = new Date(),
): string {
  const exported = entries.map((entry): ExportedEntry => {
    const { signerId, signerName } = entrySigner(entry, members);
    return {
      ...entry,
      ...(signerId === undefined ? {} : { signerId, signerName }),
      signerDevice: entryDevice(entry.deviceId),
    };
  });
  const data = {
    format: 'tocsin-log',
    version: 1,
    exportedAt: exportedAt.toISOString(),
    crisis,
    entries: exported,
  };
  return JSON.stringify(data, null, 2);
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
