import { CRISIS_ROLES, isCrisisRole, type CrisisRoleId } from './crisis-roles.js';
import {
  PHASES,
  type ItemLevel,
  type PhaseId,
  type Playbook,
  type PlaybookItem,
} from './playbook.js';

// Playbooks arrive from files and kits that anyone may have edited, so the parser trusts nothing:
// it reads only the fields it knows, from own properties, into objects it builds itself.

/** Largest playbook file accepted, in UTF-8 bytes; checked before JSON.parse runs. */
export const MAX_PLAYBOOK_BYTES = 10 * 1024 * 1024;
/** Most items a playbook may hold. */
export const MAX_PLAYBOOK_ITEMS = 5000;

const MAX_ID_LENGTH = 64;
const MAX_TITLE_LENGTH = 200;
const MAX_TEXT_LENGTH = 2000;
const MAX_DUE_LENGTH = 16;
const MAX_SOURCE_LENGTH = 300;
const MAX_UPDATED_LENGTH = 40;
// Contact ids come from the directory (UUIDs or ULIDs today); the caps only stop absurd input.
const MAX_CONTACT_ID_LENGTH = 200;
const MAX_LINKS = 1000;
// A file with thousands of bad items would otherwise produce a wall of errors nobody reads.
const MAX_ERRORS = 50;

const LEVELS: readonly ItemLevel[] = ['strategic', 'operational'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** The outcome of reading a playbook file: the playbook, or every problem found in it. */
export type ParsePlaybookResult =
  { ok: true; playbook: Playbook } | { ok: false; errors: string[] };

type JsonObject = Record<string, unknown>;

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an own property only, so nothing inherited (or planted via `__proto__`) leaks in. */
function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Shows a value in an error message (strings quoted) without letting a huge one swamp it. */
function quote(value: unknown): string {
  const cut = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);
  if (typeof value === 'string') return JSON.stringify(cut(value));
  return cut(JSON.stringify(value) ?? String(value));
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** 'Item 3: phase is missing…' or 'Item 3: phase "p9" is not valid…', ending with what is expected. */
function badValue(subject: string, value: unknown, expected: string): string {
  return value === undefined
    ? `${subject} is missing; it must be ${expected}.`
    : `${subject} ${quote(value)} is not valid; it must be ${expected}.`;
}

/** UTF-8 size test that only encodes when the length alone cannot decide. */
function exceedsUtf8Bytes(text: string, max: number): boolean {
  // One UTF-16 code unit takes 1 to 3 UTF-8 bytes (a surrogate pair takes 4 for 2 units).
  if (text.length > max) return true;
  if (text.length * 3 <= max) return false;
  return new TextEncoder().encode(text).byteLength > max;
}

class ErrorList {
  readonly messages: string[] = [];
  private omitted = 0;

  add(message: string): void {
    if (this.messages.length < MAX_ERRORS) this.messages.push(message);
    else this.omitted += 1;
  }

  get empty(): boolean {
    return this.messages.length === 0;
  }

  result(): string[] {
    return this.omitted > 0
      ? [...this.messages, `…and ${this.omitted} more errors not listed.`]
      : [...this.messages];
  }
}

function readString(
  value: unknown,
  what: string,
  max: number,
  errors: ErrorList,
  options: { allowEmpty?: boolean } = {},
): string | undefined {
  if (value === undefined) {
    errors.add(`${what} is missing.`);
    return undefined;
  }
  if (typeof value !== 'string') {
    errors.add(`${what} must be a string, not ${typeName(value)}.`);
    return undefined;
  }
  if (!options.allowEmpty && value.trim() === '') {
    errors.add(`${what} must not be empty.`);
    return undefined;
  }
  if (value.length > max) {
    errors.add(`${what} is ${value.length} characters long; at most ${max} are allowed.`);
    return undefined;
  }
  return value;
}

function readLocalizedText(
  value: unknown,
  what: string,
  max: number,
  errors: ErrorList,
): { fr: string; en: string } | undefined {
  if (value === undefined) {
    errors.add(`${what} is missing.`);
    return undefined;
  }
  if (!isJsonObject(value)) {
    errors.add(`${what} must be an object with "fr" and "en" strings, not ${typeName(value)}.`);
    return undefined;
  }
  const fr = readString(own(value, 'fr'), `${what}.fr`, max, errors);
  const en = readString(own(value, 'en'), `${what}.en`, max, errors);
  return fr !== undefined && en !== undefined ? { fr, en } : undefined;
}

function readLinks(
  value: unknown,
  where: string,
  errors: ErrorList,
): NonNullable<PlaybookItem['links']> | null {
  if (!isJsonObject(value)) {
    errors.add(`${where}: links must be an object, not ${typeName(value)}.`);
    return null;
  }
  const links: NonNullable<PlaybookItem['links']> = {};
  let valid = true;
  const roles = own(value, 'roles');
  if (roles !== undefined) {
    if (!Array.isArray(roles) || roles.length > MAX_LINKS) {
      errors.add(`${where}: links.roles must be an array of at most ${MAX_LINKS} role ids.`);
      valid = false;
    } else {
      const unknown = roles.filter((role) => typeof role !== 'string' || !isCrisisRole(role));
      if (unknown.length > 0) {
        errors.add(
          `${where}: links.roles has unknown role ${quote(unknown[0])}; known roles are ${CRISIS_ROLES.join(', ')}.`,
        );
        valid = false;
      } else {
        links.roles = [...(roles as CrisisRoleId[])];
      }
    }
  }
  const contactIds = own(value, 'contactIds');
  if (contactIds !== undefined) {
    if (!Array.isArray(contactIds) || contactIds.length > MAX_LINKS) {
      errors.add(`${where}: links.contactIds must be an array of at most ${MAX_LINKS} strings.`);
      valid = false;
    } else if (
      contactIds.some(
        (id) => typeof id !== 'string' || id === '' || id.length > MAX_CONTACT_ID_LENGTH,
      )
    ) {
      errors.add(
        `${where}: links.contactIds must hold non-empty strings of at most ${MAX_CONTACT_ID_LENGTH} characters.`,
      );
      valid = false;
    } else {
      links.contactIds = [...(contactIds as string[])];
    }
  }
  return valid ? links : null;
}

function readItem(
  value: unknown,
  index: number,
  seenIds: Map<string, number>,
  errors: ErrorList,
): PlaybookItem | undefined {
  if (!isJsonObject(value)) {
    errors.add(`Item ${index}: must be an object, not ${typeName(value)}.`);
    return undefined;
  }
  const before = errors.messages.length;
  const rawId = own(value, 'id');
  const where =
    typeof rawId === 'string' && rawId !== ''
      ? `Item ${index} (id ${quote(rawId)})`
      : `Item ${index}`;

  const id = readString(rawId, `${where}: id`, MAX_ID_LENGTH, errors);
  if (id !== undefined) {
    const first = seenIds.get(id);
    if (first !== undefined) errors.add(`${where}: id duplicates the id of item ${first}.`);
    else seenIds.set(id, index);
  }

  const phase = own(value, 'phase');
  if (typeof phase !== 'string' || !(PHASES as readonly string[]).includes(phase)) {
    errors.add(badValue(`${where}: phase`, phase, `one of ${PHASES.join(', ')}`));
  }
  const role = own(value, 'role');
  if (typeof role !== 'string' || !isCrisisRole(role)) {
    errors.add(badValue(`${where}: role`, role, `one of ${CRISIS_ROLES.join(', ')}`));
  }
  const level = own(value, 'level');
  if (typeof level !== 'string' || !(LEVELS as readonly string[]).includes(level)) {
    errors.add(badValue(`${where}: level`, level, `one of ${LEVELS.join(', ')}`));
  }
  const order = own(value, 'order');
  if (typeof order !== 'number' || !Number.isSafeInteger(order) || order < 1) {
    errors.add(badValue(`${where}: order`, order, 'a positive integer'));
  }
  const text = readLocalizedText(own(value, 'text'), `${where}: text`, MAX_TEXT_LENGTH, errors);
  const rawDue = own(value, 'due');
  const due =
    rawDue === undefined ? undefined : readString(rawDue, `${where}: due`, MAX_DUE_LENGTH, errors);
  const source = readString(own(value, 'source'), `${where}: source`, MAX_SOURCE_LENGTH, errors, {
    allowEmpty: true,
  });
  const rawLinks = own(value, 'links');
  const links = rawLinks === undefined ? undefined : readLinks(rawLinks, where, errors);

  if (errors.messages.length !== before || text === undefined || source === undefined) {
    return undefined;
  }
  // Field by field, in a fixed order, so that serializing the result is stable.
  const parsed: PlaybookItem = {
    id: id as string,
    phase: phase as PhaseId,
    role: role as CrisisRoleId,
    level: level as ItemLevel,
    order: order as number,
    text,
    source,
  };
  if (due !== undefined) parsed.due = due;
  if (links) parsed.links = links;
  return parsed;
}

/**
 * Reads and strictly validates a playbook file. Never throws: it returns either a fresh playbook
 * holding only known fields, or every problem found, each naming the offending item.
 */
export function parsePlaybookJson(text: string): ParsePlaybookResult {
  try {
    return parseUnsafe(text);
  } catch (error) {
    // Every path above is meant to be total; this only guards against the unforeseen.
    return { ok: false, errors: [`The playbook could not be read: ${String(error)}`] };
  }
}

function parseUnsafe(text: string): ParsePlaybookResult {
  if (typeof text !== 'string') {
    return { ok: false, errors: [`Expected the playbook as text, not ${typeName(text)}.`] };
  }
  if (exceedsUtf8Bytes(text, MAX_PLAYBOOK_BYTES)) {
    return {
      ok: false,
      errors: [`The playbook file is larger than ${MAX_PLAYBOOK_BYTES / 1024 / 1024} MB.`],
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [`The playbook is not valid JSON: ${detail}`] };
  }
  return readPlaybook(data);
}

/**
 * Strictly validates a playbook already parsed from JSON (the default playbook, bundled as data).
 * Never throws, like parsePlaybookJson.
 */
export function readPlaybook(data: unknown): ParsePlaybookResult {
  if (!isJsonObject(data)) {
    return { ok: false, errors: [`The playbook must be a JSON object, not ${typeName(data)}.`] };
  }

  const errors = new ErrorList();
  const id = readString(own(data, 'id'), 'Playbook id', MAX_ID_LENGTH, errors);
  const title = readLocalizedText(own(data, 'title'), 'Playbook title', MAX_TITLE_LENGTH, errors);
  const version = own(data, 'version');
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    errors.add(badValue('Playbook version', version, 'a positive integer'));
  }
  const updated = readString(own(data, 'updated'), 'Playbook updated', MAX_UPDATED_LENGTH, errors);
  if (updated !== undefined && (!ISO_DATE.test(updated) || Number.isNaN(Date.parse(updated)))) {
    errors.add(badValue('Playbook updated', updated, 'an ISO 8601 date such as 2026-11-25'));
  }

  const rawItems = own(data, 'items');
  if (!Array.isArray(rawItems)) {
    errors.add(
      rawItems === undefined
        ? 'Playbook items is missing.'
        : `Playbook items must be an array, not ${typeName(rawItems)}.`,
    );
    return { ok: false, errors: errors.result() };
  }
  if (rawItems.length > MAX_PLAYBOOK_ITEMS) {
    errors.add(
      `Playbook items has ${rawItems.length} entries; at most ${MAX_PLAYBOOK_ITEMS} are allowed.`,
    );
    return { ok: false, errors: errors.result() };
  }
  const seenIds = new Map<string, number>();
  const items: PlaybookItem[] = [];
  rawItems.forEach((raw, index) => {
    const parsed = readItem(raw, index, seenIds, errors);
    if (parsed) items.push(parsed);
  });

  if (!errors.empty || id === undefined || title === undefined || updated === undefined) {
    return { ok: false, errors: errors.result() };
  }
  return { ok: true, playbook: { id, title, version: version as number, updated, items } };
}

function copyItem(item: PlaybookItem): PlaybookItem {
  const copy: PlaybookItem = {
    id: item.id,
    phase: item.phase,
    role: item.role,
    level: item.level,
    order: item.order,
    text: { fr: item.text.fr, en: item.text.en },
    source: item.source,
  };
  if (item.due !== undefined) copy.due = item.due;
  if (item.links) {
    const links: NonNullable<PlaybookItem['links']> = {};
    if (item.links.roles) links.roles = [...item.links.roles];
    if (item.links.contactIds) links.contactIds = [...item.links.contactIds];
    copy.links = links;
  }
  return copy;
}

/**
 * Writes a playbook as pretty JSON (two-space indent, fixed key order, trailing newline) that
 * parsePlaybookJson reads back to an equal playbook. Fields outside the model are not written.
 */
export function serializePlaybook(playbook: Playbook): string {
  const normalized: Playbook = {
    id: playbook.id,
    title: { fr: playbook.title.fr, en: playbook.title.en },
    version: playbook.version,
    updated: playbook.updated,
    items: playbook.items.map(copyItem),
  };
  return `${JSON.stringify(normalized, null, 2)}\n`;
}
