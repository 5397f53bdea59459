/**
 * Reads contacts from the CSV files that directories are exported as: Outlook (English and French),
 * Google Contacts (legacy and current headers), Thunderbird, French Excel, and Tocsin's own file.
 *
 * Tocsin's own columns (written by csv-export.ts, in this order):
 *
 * | Column          | Content                                                                      |
 * |-----------------|------------------------------------------------------------------------------|
 * | Given name      | text                                                                         |
 * | Family name     | text                                                                         |
 * | Display name    | text; empty means "given name + family name"                                 |
 * | Organisation    | text                                                                         |
 * | Service         | text                                                                         |
 * | Job title       | text ("fonction")                                                            |
 * | Crisis roles    | "|"-separated role ids or role names, French or English, any case or accents |
 * | Mobile          | phone numbers as written; several are "|"-separated                          |
 * | Work phone      | idem                                                                         |
 * | Home phone      | idem                                                                         |
 * | Satellite phone | idem                                                                         |
 * | Radio           | idem                                                                         |
 * | Emails          | "|"-separated addresses                                                      |
 * | Groups          | "|"-separated group names                                                    |
 * | Notes           | text, may span lines                                                         |
 * | Cell member     | yes/no, oui/non, true/false, 1/0 or x; empty lets the groups decide          |
 * | Id              | the contact's stable id; empty gives a new one                               |
 *
 * Rules: the file is read whole or not at all (quotes left open refuse it); header names match
 * whatever their case and accents; a line without any name, or with more than 500 columns, is
 * left out and reported with its 1-based line in the file (the header is line 1); blank lines are
 * skipped. Values are trimmed and kept as plain strings; phone numbers are kept as written. A
 * leading "'" that a spreadsheet export put before "=", "+", "-" or "@" is removed.
 */
import type * as PapaModule from 'papaparse';
import type { PhoneKind } from '../contact.js';
import type { TocsinCsvColumn } from './csv-export.js';
import { readImportFile } from './text-decoding.js';
import {
  draftHasName,
  emptyDraft,
  findCrisisRole,
  finishContact,
  foldForMatch,
  parseYesNo,
  phoneKindFromLabel,
  refuseFile,
  type ContactDraft,
  type ImportFailure,
  type ImportOptions,
  type ImportOutcome,
  type ImportResult,
  type RefusedLine,
} from './types.js';

type Papaparse = typeof PapaModule;

/**
 * papaparse ships one UMD file and no ES module. Vite and Node wrap it as CommonJS and hand its
 * exports over as the default export, but a browser that loads it as a plain ES module (the unit
 * test server has no CommonJS transform) runs it with `this` undefined and it throws. A global
 * `module` for the time of its first evaluation gives it somewhere to put its exports; where a real
 * CommonJS wrapper exists, the wrapper's own `module` hides this one and nothing changes.
 */
async function loadPapaparse(): Promise<Papaparse> {
  const scope = globalThis as { module?: unknown; exports?: unknown };
  const shim: { exports: Partial<Papaparse> } = { exports: {} };
  const installShim = !('module' in scope) && !('exports' in scope);
  if (installShim) {
    scope.module = shim;
    scope.exports = shim.exports;
  }
  try {
    const loaded = (await import('papaparse')) as Partial<Papaparse> & { default?: Papaparse };
    if (typeof loaded.default?.parse === 'function') return loaded.default;
    if (typeof loaded.parse === 'function') return loaded as Papaparse;
    if (typeof shim.exports.parse === 'function') return shim.exports as Papaparse;
    throw new Error('papaparse loaded without its parse function');
  } finally {
    if (installShim) {
      delete scope.module;
      delete scope.exports;
    }
  }
}

const Papa = await loadPapaparse();

/** More columns than this on one line is not a directory (Outlook's full export has 92). */
export const MAX_CSV_COLUMNS = 500;

type TextField =
  | 'givenName'
  | 'middleName'
  | 'familyName'
  | 'displayName'
  | 'organisation'
  | 'service'
  | 'jobTitle'
  | 'titleOrHonorific'
  | 'notes'
  | 'id';

/** What a column holds. */
type ColumnRole =
  | { type: 'text'; field: TextField }
  | { type: 'phone'; kind: PhoneKind }
  | { type: 'labelled-phone'; position: string }
  | { type: 'phone-label' }
  | { type: 'emails'; separator: RegExp | undefined }
  | { type: 'groups'; separator: RegExp }
  | { type: 'roles' }
  | { type: 'cell-member' };

const TOCSIN_LIST = /\s*\|\s*/;
const GOOGLE_LIST = /\s+:::\s+/;
const OUTLOOK_CATEGORIES = /\s*;\s*/;
// Phone numbers never hold "|" or ":::", so any phone cell may list several numbers either way.
const PHONE_LIST = /\s*\|\s*|\s+:::\s+/;
const ROLE_LIST = /\s*[|,;]\s*/;

const text = (field: TextField): ColumnRole => ({ type: 'text', field });
const phone = (kind: PhoneKind): ColumnRole => ({ type: 'phone', kind });
const emails = (separator?: RegExp): ColumnRole => ({ type: 'emails', separator });
const groups = (separator: RegExp): ColumnRole => ({ type: 'groups', separator });

const TOCSIN_COLUMN_ROLES: Record<TocsinCsvColumn, ColumnRole> = {
  'Given name': text('givenName'),
  'Family name': text('familyName'),
  'Display name': text('displayName'),
  Organisation: text('organisation'),
  Service: text('service'),
  'Job title': text('jobTitle'),
  'Crisis roles': { type: 'roles' },
  Mobile: phone('mobile'),
  'Work phone': phone('work'),
  'Home phone': phone('home'),
  'Satellite phone': phone('satellite'),
  Radio: phone('radio'),
  Emails: emails(TOCSIN_LIST),
  Groups: groups(TOCSIN_LIST),
  Notes: text('notes'),
  'Cell member': { type: 'cell-member' },
  Id: text('id'),
};

// Other tools' headers, as written; they are compared folded (no case, accents or punctuation).
const FOREIGN_COLUMN_ROLES: Record<string, ColumnRole> = {
  // Outlook, English.
  'First Name': text('givenName'),
  'Middle Name': text('middleName'),
  'Last Name': text('familyName'),
  // Outlook's "Title" is "Mr."/"Mrs."; kept only when it is not a form of address.
  Title: text('titleOrHonorific'),
  Company: text('organisation'),
  Department: text('service'),
  'Business Phone': phone('work'),
  'Business Phone 2': phone('work'),
  'Company Main Phone': phone('work'),
  'Primary Phone': phone('work'),
  'Other Phone': phone('work'),
  'Mobile Phone': phone('mobile'),
  'Car Phone': phone('mobile'),
  'Home Phone 2': phone('home'),
  'Radio Phone': phone('radio'),
  Pager: phone('radio'),
  'E-mail Address': emails(),
  'E-mail 2 Address': emails(),
  'E-mail 3 Address': emails(),
  Categories: groups(OUTLOOK_CATEGORIES),
  // Google, legacy headers (Given Name, Family Name and Notes are shared with Tocsin's).
  Name: text('displayName'),
  'Additional Name': text('middleName'),
  'Group Membership': groups(GOOGLE_LIST),
  // Google, current headers (First Name, Middle Name and Last Name are shared with Outlook's).
  'Organization Name': text('organisation'),
  'Organization Title': text('jobTitle'),
  'Organization Department': text('service'),
  Labels: groups(GOOGLE_LIST),
  // Thunderbird and hand-made files.
  Organization: text('organisation'),
  'Full Name': text('displayName'),
  'Primary Email': emails(),
  'Secondary Email': emails(),
  Email: emails(),
  'E-mail': emails(),
  'Mobile Number': phone('mobile'),
  'Pager Number': phone('radio'),
  // Outlook, French.
  Prénom: text('givenName'),
  'Deuxième prénom': text('middleName'),
  Nom: text('familyName'),
  'Nom complet': text('displayName'),
  "Nom d'affichage": text('displayName'),
  Société: text('organisation'),
  Titre: text('titleOrHonorific'),
  Fonction: text('jobTitle'),
  'Téléphone mobile': phone('mobile'),
  'Tél. mobile': phone('mobile'),
  Portable: phone('mobile'),
  'Téléphone voiture': phone('mobile'),
  'Téléphone (bureau)': phone('work'),
  'Téléphone 2 (bureau)': phone('work'),
  'Téléphone (bureau) 2': phone('work'),
  'Téléphone principal': phone('work'),
  'Téléphone société': phone('work'),
  'Autre téléphone': phone('work'),
  'Téléphone (domicile)': phone('home'),
  'Téléphone 2 (domicile)': phone('home'),
  Radiotéléphone: phone('radio'),
  'Récepteur de radiomessagerie': phone('radio'),
  'Adresse de messagerie': emails(),
  'Adresse de messagerie 2': emails(),
  'Adresse de messagerie 3': emails(),
  'Adresse e-mail': emails(),
  Courriel: emails(),
};

const COLUMN_ROLE_BY_FOLDED_HEADER: ReadonlyMap<string, ColumnRole> = new Map(
  [...Object.entries(FOREIGN_COLUMN_ROLES), ...Object.entries(TOCSIN_COLUMN_ROLES)].map(
    ([header, role]) => [foldForMatch(header), role],
  ),
);

/** Google numbers its repeated fields: "Phone 2 - Value", "E-mail 1 - Value", "Organization 1 - Name". */
function numberedGoogleColumnRole(folded: string): ColumnRole | undefined {
  const phoneValue = /^phone (\d+) value$/.exec(folded);
  if (phoneValue) return { type: 'labelled-phone', position: phoneValue[1] };
  if (/^phone \d+ (type|label)$/.test(folded)) return { type: 'phone-label' };
  if (/^e mail \d+ value$/.test(folded)) return emails(GOOGLE_LIST);
  const organisation = /^organization \d+ (name|title|department)$/.exec(folded);
  if (organisation?.[1] === 'name') return text('organisation');
  if (organisation?.[1] === 'title') return text('jobTitle');
  if (organisation?.[1] === 'department') return text('service');
  return undefined;
}

function columnRoleOf(header: string): ColumnRole | undefined {
  const folded = foldForMatch(header);
  return COLUMN_ROLE_BY_FOLDED_HEADER.get(folded) ?? numberedGoogleColumnRole(folded);
}

/** One column of the file and what it holds. */
interface MappedColumn {
  index: number;
  header: string;
  role: ColumnRole | undefined;
  /** For a Google phone value: the column that names its kind. */
  labelIndex: number | undefined;
}

function findPhoneLabelColumn(folded: string[], position: string): number | undefined {
  const index = folded.findIndex(
    (header) => header === `phone ${position} type` || header === `phone ${position} label`,
  );
  return index === -1 ? undefined : index;
}

function mapColumns(header: string[]): MappedColumn[] {
  const folded = header.map(foldForMatch);
  return header.map((name, index) => {
    const role = columnRoleOf(name);
    const labelIndex =
      role?.type === 'labelled-phone' ? findPhoneLabelColumn(folded, role.position) : undefined;
    return { index, header: name.trim(), role, labelIndex };
  });
}

/** One line of the file, with the 1-based line number where it starts. */
interface CsvRow {
  line: number;
  cells: string[];
}

const CANDIDATE_DELIMITERS = [',', ';', '\t'] as const;

// Excel writes and reads a first line "sep=;" naming the separator.
const SEPARATOR_HINT = /^sep=([,;\t|])[ \t]*(?=\n|$)/i;

function isBlankRow(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

function firstNonBlankRow(rows: string[][]): string[] {
  return rows.find((cells) => !isBlankRow(cells)) ?? [];
}

/**
 * The separator that makes the most known column names out of the header; with none known (the
 * file is about to be refused anyway), the one that splits the header most.
 */
function sniffDelimiter(text: string): string {
  let best: string = CANDIDATE_DELIMITERS[0];
  let bestScore = -1;
  for (const delimiter of CANDIDATE_DELIMITERS) {
    const preview = Papa.parse<string[]>(text, { delimiter, newline: '\n', preview: 20 });
    const header = firstNonBlankRow(preview.data);
    const known = header.filter((name) => columnRoleOf(name) !== undefined).length;
    const score = known * (MAX_CSV_COLUMNS + 1) + Math.min(header.length, MAX_CSV_COLUMNS);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index++) {
    if (text.charCodeAt(index) === 10) count++;
  }
  return count;
}

// The other Papa errors (field counts, delimiter guessing) cannot happen without a header mode or
// with a given delimiter; these two mean a quote swallowed the rest of the file.
function isQuoteError(error: PapaModule.ParseError): boolean {
  return error.code === 'MissingQuotes' || error.code === 'InvalidQuotes';
}

function unbalancedQuotes(line: number): ImportFailure {
  return refuseFile(
    'unbalanced-quotes',
    `A quote opened on line ${line} is not closed properly, so the file cannot be read whole; nothing was imported.`,
  );
}

/** Splits the text into rows, each with its starting line; refuses the file on broken quotes. */
function parseRows(text: string, delimiter: string): CsvRow[] | ImportFailure {
  const rows: CsvRow[] = [];
  let failure: ImportFailure | undefined;
  let rowStart = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    skipEmptyLines: false,
    step: (result, parser) => {
      if (failure) return;
      if (result.errors.some(isQuoteError)) {
        failure = unbalancedQuotes(line);
        parser.abort();
        return;
      }
      rows.push({ line, cells: result.data });
      line += countLineBreaks(text, rowStart, result.meta.cursor);
      rowStart = result.meta.cursor;
    },
  });
  return failure ?? rows;
}

/** The rows of a decoded CSV file, after line ends are unified and the delimiter is found. */
function readRows(decodedText: string): CsvRow[] | ImportFailure {
  // One line-end style for the whole file: papaparse guesses a single one, and counting lines
  // for the reports needs one too. Line ends inside notes become "\n", which changes nothing shown.
  let text = decodedText.replace(/\r\n?/g, '\n');
  const hint = SEPARATOR_HINT.exec(text);
  // The hint is blanked, its line end kept, so that line numbers stay those of the file.
  if (hint) text = text.slice(hint[0].length);
  return parseRows(text, hint ? hint[1] : sniffDelimiter(text));
}

// Forms of address that Outlook's "Title" / "Titre" column holds instead of a job title.
const FORMS_OF_ADDRESS = new Set(
  [
    'M',
    'Mr',
    'Mrs',
    'Ms',
    'Miss',
    'Mx',
    'Dr',
    'Pr',
    'Prof',
    'Sir',
    'Mme',
    'Mlle',
    'Me',
    'Monsieur',
    'Madame',
    'Mademoiselle',
    'Docteur',
    'Professeur',
    'Maître',
  ].map(foldForMatch),
);

/** The fields of one line, with the two that only CSV files have before they join the draft. */
interface CsvDraft {
  contact: ContactDraft;
  middleName: string;
  titleOrHonorific: string;
}

// Undo the "'" that a formula-safe export puts before "=", "+", "-", "@", tab or CR (and before
// further "'"s in front of them, which the export adds so that this gives the value back).
const FORMULA_PROTECTION = /^'(?='*[=+\-@\t\r])/;

function cleanCell(raw: string): string {
  return raw.trim().replace(FORMULA_PROTECTION, '').trim();
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
  const value = cleanCell(cells[column.index] ?? '');
  if (value === '') return;
  switch (role.type) {
    case 'text':
      setTextField(draft, role.field, value);
      break;
    case 'phone':
      for (const number of splitList(value, PHONE_LIST)) {
        draft.contact.phones.push({ kind: role.kind, number });
      }
      break;
    case 'labelled-phone': {
      const label =
        column.labelIndex === undefined ? '' : cleanCell(cells[column.labelIndex] ?? '');
      const kind = phoneKindFromLabel(label);
      for (const number of splitList(value, PHONE_LIST))
        draft.contact.phones.push({ kind, number });
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

function isFormOfAddress(value: string): boolean {
  return FORMS_OF_ADDRESS.has(foldForMatch(value));
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
function readContacts(
  header: CsvRow,
  body: CsvRow[],
  now: Date,
): Pick<ImportResult, 'contacts' | 'refused' | 'warnings'> {
  const columns = mapColumns(header.cells);
  const result: Pick<ImportResult, 'contacts' | 'refused' | 'warnings'> = {
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
    result.contacts.push(finishContact(draft, { now, takenIds, warn, where: `Line ${row.line}` }));
    for (const column of columns) {
      if (!column.role && cleanCell(row.cells[column.index] ?? '') !== '') {
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
