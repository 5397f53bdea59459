/**
 * Reads contacts from the CSV files that directories are exported as: Outlook (English and French),
 * Google Contacts (legacy and current headers), Thunderbird, French Excel, and Tocsin's own file.
 * The columns it knows, and what each one holds, are listed in csv-headers.ts; this module reads
 * the lines under them.
 *
 * Rules: the file is read whole or not at all (quotes left open refuse it); a line without any
 * name, with more than 500 columns, with a value over its bound or with a phone number that is
 * not a valid number (line-rules.ts) is left out and reported with its 1-based line in the file
 * (the header is line 1); blank lines are skipped. Values are trimmed and kept as plain strings;
 * phone numbers are stored in E.164. A leading "'" that a spreadsheet export put before "=", "+",
 * "-" or "@" is removed.
 */
import type { PhoneKind } from '../contact.js';
import {
  columnRoleOf,
  isFormOfAddress,
  mapColumns,
  type ColumnRole,
  type MappedColumn,
  type TextField,
} from './csv-headers.js';
import { isBlankRow, MAX_CSV_COLUMNS, readRows, type CsvRow } from './csv-rows.js';
import { finishCheckedContact } from './line-rules.js';
import { readImportFile } from './text-decoding.js';
import {
  draftHasName,
  emptyDraft,
  findCrisisRole,
  parseYesNo,
  phoneKindFromLabel,
  refuseFile,
  type ContactDraft,
  type ContactsRead,
  type ImportFailure,
  type ImportOptions,
  type ImportOutcome,
  type RefusedLine,
} from './types.js';

// Phone numbers never hold "|" or ":::", so any phone cell may list several numbers either way.
const PHONE_LIST = /\s*\|\s*|\s+:::\s+/;
const ROLE_LIST = /\s*[|,;]\s*/;

/** The fields of one line, with the two that only CSV files have before they join the draft. */
interface CsvDraft {
  contact: ContactDraft;
  middleName: string;
  titleOrHonorific: string;
}

// Undo the "'" that a formula-safe export puts before "=", "+", "-", "@", tab or CR (and before
// further "'"s in front of them, which the export adds so that this gives the value back).
const FORMULA_PROTECTION = /^'(?='*[=+\-@\t\r])/;

/** The value of one cell, trimmed and without a formula protection; "" past the row's end. */
function cellValue(cells: string[], index: number): string {
  return (cells[index] ?? '').trim().replace(FORMULA_PROTECTION, '').trim();
}

function splitList(value: string, separator: RegExp | undefined): string[] {
  return (separator ? value.split(separator) : [value]).map((item) => item.trim());
}

// Google marks its own system groups with "* " ("* myContacts", "* starred"): they are not
// groups anyone chose, so they are left out.
function isGoogleSystemGroup(group: string): boolean {
  return group.startsWith('* ');
}

function setTextField(draft: CsvDraft, field: TextField, value: string): void {
  if (field === 'notes') {
    draft.contact.notes.push(value);
  } else if (field === 'middleName' || field === 'titleOrHonorific') {
    draft[field] ||= value;
  } else {
    draft.contact[field] ||= value;
  }
}

interface RowContext {
  line: number;
  warn: (message: string) => void;
}

function addRoles(draft: CsvDraft, value: string, context: RowContext): void {
  for (const name of splitList(value, ROLE_LIST)) {
    if (name === '') continue;
    const role = findCrisisRole(name);
    if (role) draft.contact.roles.push(role);
    else context.warn(`Line ${context.line}: "${name}" is not a crisis role; it was ignored.`);
  }
}

function addPhones(draft: CsvDraft, kind: PhoneKind, value: string): void {
  for (const number of splitList(value, PHONE_LIST)) draft.contact.phones.push({ kind, number });
}

function setCellMember(draft: CsvDraft, value: string, context: RowContext): void {
  const member = parseYesNo(value);
  if (member === undefined) {
    context.warn(
      `Line ${context.line}: "${value}" in Cell member is not yes or no; it was ignored.`,
    );
  } else {
    draft.contact.cellMember = member;
  }
}

function readCell(
  draft: CsvDraft,
  column: MappedColumn,
  role: ColumnRole,
  cells: string[],
  context: RowContext,
): void {
  const value = cellValue(cells, column.index);
  if (value === '') return;
  switch (role.type) {
    case 'text':
      setTextField(draft, role.field, value);
      break;
    case 'phone':
      addPhones(draft, role.kind, value);
      break;
    case 'labelled-phone': {
      const label = column.labelIndex === undefined ? '' : cellValue(cells, column.labelIndex);
      addPhones(draft, phoneKindFromLabel(label), value);
      break;
    }
    case 'phone-label':
      // Read together with its value column.
      break;
    case 'emails':
      draft.contact.emails.push(...splitList(value, role.separator));
      break;
    case 'groups':
      draft.contact.groups.push(
        ...splitList(value, role.separator).filter((group) => !isGoogleSystemGroup(group)),
      );
      break;
    case 'roles':
      addRoles(draft, value, context);
      break;
    case 'cell-member':
      setCellMember(draft, value, context);
      break;
  }
}

/** Reads one line into a contact draft, merging what only CSV files split apart. */
function readDraft(cells: string[], columns: MappedColumn[], context: RowContext): ContactDraft {
  const draft: CsvDraft = { contact: emptyDraft(), middleName: '', titleOrHonorific: '' };
  for (const column of columns) {
    if (column.role) readCell(draft, column, column.role, cells, context);
  }
  const contact = draft.contact;
  if (draft.middleName) contact.givenName = `${contact.givenName} ${draft.middleName}`.trim();
  if (!contact.jobTitle && draft.titleOrHonorific && !isFormOfAddress(draft.titleOrHonorific)) {
    contact.jobTitle = draft.titleOrHonorific;
  }
  return contact;
}

function refuseWideLine(row: CsvRow): RefusedLine {
  return {
    line: row.line,
    code: 'too-many-columns',
    reason: `This line has ${row.cells.length} columns; lines of more than ${MAX_CSV_COLUMNS} are not imported.`,
  };
}

function refuseNamelessLine(line: number): RefusedLine {
  return {
    line,
    code: 'no-name',
    reason: 'This line has no name (no display name, given name or family name).',
  };
}

const MAX_LISTED_COLUMNS = 10;

function ignoredColumnsWarning(headers: string[]): string | undefined {
  if (headers.length === 0) return undefined;
  const listed = headers.slice(0, MAX_LISTED_COLUMNS).join(', ');
  const more = headers.length - MAX_LISTED_COLUMNS;
  return more > 0
    ? `These columns were not imported: ${listed} and ${more} more.`
    : `These columns were not imported: ${listed}.`;
}

/** Reads the lines under the header into contacts and refusals. */
function readContacts(header: CsvRow, body: CsvRow[], now: Date): ContactsRead {
  const columns = mapColumns(header.cells);
  const result: ContactsRead = {
    contacts: [],
    refused: [],
    warnings: [],
  };
  const warn = (message: string): void => void result.warnings.push(message);
  const takenIds = new Set<string>();
  const ignoredWithData = new Set<MappedColumn>();
  for (const row of body) {
    if (isBlankRow(row.cells)) continue;
    if (row.cells.length > MAX_CSV_COLUMNS) {
      result.refused.push(refuseWideLine(row));
      continue;
    }
    const draft = readDraft(row.cells, columns, { line: row.line, warn });
    if (!draftHasName(draft)) {
      result.refused.push(refuseNamelessLine(row.line));
      continue;
    }
    const checked = finishCheckedContact(draft, {
      now,
      takenIds,
      warn,
      where: `Line ${row.line}`,
      what: 'line',
    });
    if ('problem' in checked) {
      result.refused.push({ line: row.line, ...checked.problem });
      continue;
    }
    result.contacts.push(checked.contact);
    for (const column of columns) {
      if (!column.role && cellValue(row.cells, column.index) !== '') {
        ignoredWithData.add(column);
      }
    }
  }
  const ignored = ignoredColumnsWarning([...ignoredWithData].map((column) => column.header));
  if (ignored) result.warnings.push(ignored);
  return result;
}

function isFailure<T extends object>(value: T | ImportFailure): value is ImportFailure {
  return 'ok' in value && value.ok === false;
}

/**
 * Imports contacts from a CSV file (Outlook, Google, French Excel or Tocsin's own), read whole or
 * refused whole; lines that cannot become a contact are listed with their line numbers.
 */
export function importContactsCsv(bytes: Uint8Array, options: ImportOptions = {}): ImportOutcome {
  const decoded = readImportFile(bytes);
  if (!decoded.ok) return decoded;
  const rows = readRows(decoded.text);
  if (isFailure(rows)) return rows;
  const headerIndex = rows.findIndex((row) => !isBlankRow(row.cells));
  if (headerIndex === -1) {
    return refuseFile('empty', 'The file has no lines; nothing was imported.');
  }
  const header = rows[headerIndex];
  if (header.cells.length > MAX_CSV_COLUMNS) {
    return refuseFile(
      'too-many-columns',
      `The first line has ${header.cells.length} columns; files of more than ${MAX_CSV_COLUMNS} are not imported.`,
    );
  }
  if (!header.cells.some((name) => columnRoleOf(name) !== undefined)) {
    return refuseFile(
      'no-known-columns',
      'None of the column names in the first line is known (such as "First Name", "Prénom" or "Given name"); nothing was imported.',
    );
  }
  const body = rows.slice(headerIndex + 1);
  return {
    ok: true,
    ...readContacts(header, body, options.now ?? new Date()),
    format: 'csv',
    encoding: decoded.encoding,
  };
}
