/**
 * The column names a directory CSV may have and what each one holds: Tocsin's own columns, and the
 * headers of Outlook (English and French), Google Contacts (legacy and current), Thunderbird and
 * hand-made files. A header matches whatever its case, accents and punctuation; a column whose
 * header is in none of these lists is not imported (the import says which ones held data).
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
 * The other tools' headers are listed in FOREIGN_COLUMN_ROLES below, with Google's numbered
 * columns ("Phone 2 - Value") in numberedGoogleColumnRole.
 */
import type { PhoneKind } from '../contact.js';
import type { TocsinCsvColumn } from './csv-export.js';
import { foldForMatch } from './types.js';

/**
 * The fields a text column fills. middleName and titleOrHonorific are CSV-only: the import joins
 * them to the given name and the job title once the whole line is read.
 */
export type TextField =
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
export type ColumnRole =
  | { type: 'text'; field: TextField }
  | { type: 'phone'; kind: PhoneKind }
  /** A Google phone number, whose kind is in another column ("Phone 2 - Type"). */
  | { type: 'labelled-phone'; position: string }
  | { type: 'phone-label' }
  | { type: 'emails'; separator: RegExp | undefined }
  | { type: 'groups'; separator: RegExp }
  | { type: 'roles' }
  | { type: 'cell-member' };

const TOCSIN_LIST = /\s*\|\s*/;
const GOOGLE_LIST = /\s+:::\s+/;
const OUTLOOK_CATEGORIES = /\s*;\s*/;

const text = (field: TextField): ColumnRole => ({ type: 'text', field });
const phone = (kind: PhoneKind): ColumnRole => ({ type: 'phone', kind });
const emails = (separator?: RegExp): ColumnRole => ({ type: 'emails', separator });
const groups = (separator: RegExp): ColumnRole => ({ type: 'groups', separator });

// A Record over TocsinCsvColumn: a column added to the export does not compile until it is read.
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

/** What a column with this header holds; undefined when the header is not a known one. */
export function columnRoleOf(header: string): ColumnRole | undefined {
  const folded = foldForMatch(header);
  return COLUMN_ROLE_BY_FOLDED_HEADER.get(folded) ?? numberedGoogleColumnRole(folded);
}

/** One column of the file and what it holds. */
export interface MappedColumn {
  index: number;
  /** The header as written (trimmed), to name the column in warnings. */
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

/** Maps every column of a header line, pairing each Google phone value with its label column. */
export function mapColumns(header: string[]): MappedColumn[] {
  const folded = header.map(foldForMatch);
  return header.map((name, index) => {
    const role = columnRoleOf(name);
    const labelIndex =
      role?.type === 'labelled-phone' ? findPhoneLabelColumn(folded, role.position) : undefined;
    return { index, header: name.trim(), role, labelIndex };
  });
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

/** Whether a "Title" cell is a form of address ("Mr.", "Mme") rather than a job title. */
export function isFormOfAddress(value: string): boolean {
  return FORMS_OF_ADDRESS.has(foldForMatch(value));
}
