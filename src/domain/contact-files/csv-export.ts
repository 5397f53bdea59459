/**
 * Writes the directory as Tocsin's own CSV, the file that csv-import.ts reads back without loss.
 * It is meant to be opened in a spreadsheet, so it is written to be safe there: RFC 4180 quoting,
 * CRLF line ends, a UTF-8 byte order mark (without it French Excel reads UTF-8 as Windows-1252),
 * and no cell that a spreadsheet would run as a formula.
 */
import type { Contact, PhoneKind } from '../contact.js';

/** Tocsin's CSV columns, in the order they are written (csv-headers.ts documents their content). */
export const TOCSIN_CSV_COLUMNS = [
  'Given name',
  'Family name',
  'Display name',
  'Organisation',
  'Service',
  'Job title',
  'Crisis roles',
  'Mobile',
  'Work phone',
  'Home phone',
  'Satellite phone',
  'Radio',
  'Emails',
  'Groups',
  'Notes',
  'Cell member',
  'Id',
] as const;

/** One of Tocsin's CSV columns. */
export type TocsinCsvColumn = (typeof TOCSIN_CSV_COLUMNS)[number];

/** The column that holds each kind of phone. */
export const TOCSIN_PHONE_COLUMNS: Readonly<Record<PhoneKind, TocsinCsvColumn>> = {
  mobile: 'Mobile',
  work: 'Work phone',
  home: 'Home phone',
  satellite: 'Satellite phone',
  radio: 'Radio',
};

/** Separates the values of one cell that holds several (roles, emails, groups, numbers of a kind). */
export const TOCSIN_LIST_SEPARATOR = '|';

/** The field separators the export can write. */
export type CsvDelimiter = ',' | ';';

/** Options of the CSV export. */
export interface CsvExportOptions {
  /**
   * "," (RFC 4180, the default) or ";", which French Excel needs to split columns when the file is
   * opened with a double click. Tocsin's import reads both.
   */
  delimiter?: CsvDelimiter;
}

// OWASP's list: a spreadsheet runs a cell starting with one of these as a formula. Cells that
// already start with "'" before one are prefixed too, so the import, which removes one "'", gives
// them back unchanged.
const FORMULA_START = /^'*[=+\-@\t\r]/;

// A phone number such as "+33 6 12 34 56 78" starts with "+", and prefixing it would stop it being
// dialled from the spreadsheet. Made of digits, spaces and ( ) . - / only, it can form nothing but
// arithmetic on constants: no function call, cell reference or DDE link ("|", "!" and letters are
// all refused), so it is left as written. Every other "+" cell is prefixed.
const PLAIN_PHONE_NUMBER = /^\+[0-9 ().\-/]+$/;

/** Prefixes a cell that a spreadsheet would run as a formula with "'", which makes it plain text. */
function protectFromFormula(value: string, isPhoneColumn: boolean): string {
  if (!FORMULA_START.test(value)) return value;
  if (isPhoneColumn && PLAIN_PHONE_NUMBER.test(value)) return value;
  return `'${value}`;
}

function quoteCell(value: string): string {
  // Quoting both separators keeps a cell whole whichever one the reader assumes.
  if (!/[",;\t\r\n]/.test(value) && value.trim() === value) return value;
  return `"${value.replace(/"/g, '""')}"`;
}

function phonesOfKind(contact: Contact, kind: PhoneKind): string {
  return contact.phones
    .filter((phone) => phone.kind === kind)
    .map((phone) => phone.number)
    .join(TOCSIN_LIST_SEPARATOR);
}

function cellsOf(contact: Contact): Record<TocsinCsvColumn, string> {
  return {
    'Given name': contact.givenName,
    'Family name': contact.familyName,
    'Display name': contact.displayName,
    Organisation: contact.organisation,
    Service: contact.service,
    'Job title': contact.jobTitle,
    'Crisis roles': contact.roles.join(TOCSIN_LIST_SEPARATOR),
    Mobile: phonesOfKind(contact, 'mobile'),
    'Work phone': phonesOfKind(contact, 'work'),
    'Home phone': phonesOfKind(contact, 'home'),
    'Satellite phone': phonesOfKind(contact, 'satellite'),
    Radio: phonesOfKind(contact, 'radio'),
    Emails: contact.emails.join(TOCSIN_LIST_SEPARATOR),
    Groups: contact.groups.join(TOCSIN_LIST_SEPARATOR),
    Notes: contact.notes,
    'Cell member': contact.cellMember ? 'yes' : 'no',
    Id: contact.id,
  };
}

const PHONE_COLUMN_NAMES: ReadonlySet<TocsinCsvColumn> = new Set(
  Object.values(TOCSIN_PHONE_COLUMNS),
);

function csvLine(cells: readonly string[], delimiter: CsvDelimiter): string {
  return cells.map(quoteCell).join(delimiter);
}

/**
 * Writes contacts as Tocsin's CSV: a UTF-8 byte order mark, the header, one line per contact, CRLF.
 * Several phones of one kind share their column, separated by "|".
 */
export function exportContactsCsv(contacts: Contact[], options: CsvExportOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const lines = [csvLine(TOCSIN_CSV_COLUMNS, delimiter)];
  for (const contact of contacts) {
    const cells = cellsOf(contact);
    const row = TOCSIN_CSV_COLUMNS.map((column) =>
      protectFromFormula(cells[column], PHONE_COLUMN_NAMES.has(column)),
    );
    lines.push(csvLine(row, delimiter));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
