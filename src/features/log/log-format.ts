import { currentLocale } from '../../app/i18n/i18n.js';
import { t } from '../../app/i18n/page-messages.js';
import type { EntryKind, LogEntry } from './model.js';

/** The name of an entry kind in the current language. */
export function kindName(kind: EntryKind): string {
  return t(`kind.${kind}`);
}

/** A log time: hours and minutes today, with the date otherwise. */
export function logTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const sameDay = date.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(currentLocale(), {
    ...(sameDay ? {} : { day: '2-digit', month: '2-digit' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** A full date and time, for the printed log and the report. */
export function fullTime(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale(), {
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(new Date(iso));
}

/** The value of an <input type="datetime-local"> for a date, in local time. */
export function toLocalInputValue(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

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
] as const;

/**
 * The log as CSV, in the columns Timesketch reads (`datetime`, `message`, `timestamp_desc`) plus
 * Tocsin's own, with a UTF-8 BOM for French Excel. Cells that a spreadsheet would run as a
 * formula are prefixed with an apostrophe.
 */
export function logToCsv(entries: readonly LogEntry[]): string {
  const rows = entries.map((entry) => [
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
  ]);
  return (
    '\uFEFF' +
    [CSV_COLUMNS as readonly string[], ...rows]
      .map((row) => row.map(csvCell).join(','))
      .join('\r\n') +
    '\r\n'
  );
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
