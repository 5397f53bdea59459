import type { DatabaseService } from '../../app/database-service.js';
import { DB_VERSION } from '../../db/migrations.js';
import { abandonTransaction } from '../../db/abandon.js';
import { INDEX, STORE, type SettingRecord } from '../../db/schema.js';
import { PHONE_KINDS, type Contact } from '../../domain/contact.js';
import { isCrisisRole } from '../../domain/crisis-roles.js';
import { canonicalEntryBytes } from '../../domain/log-chain.js';
import { ENTRY_KINDS, type Crisis, type LogEntry } from '../../domain/log.js';
import type { ChecklistTick, Playbook } from '../../domain/playbook.js';
import { parsePlaybookJson } from '../../domain/playbook-json.js';

/**
 * One file holding everything this device wrote: its own contacts, imported playbook, crises,
 * main courante and ticks, and the user's profile and language. What came from the signed crisis
 * kit is not in it: a kit is restored by enrolling again, never from an unsigned file.
 */
export interface Backup {
  format: 'tocsin-backup';
  version: 1;
  createdAt: string;
  /** The database schema version of the device that made it. */
  schemaVersion: number;
  contacts: Contact[];
  playbook?: Playbook;
  crises: Crisis[];
  logEntries: LogEntry[];
  ticks: ChecklistTick[];
  settings: SettingRecord[];
}

/** What a restore did: records added, and those skipped because the device already had them. */
export interface RestoreReport {
  added: number;
  alreadyPresent: number;
  /** Entries whose id exists here with different content: kept as they are here. */
  conflicts: number;
}

/** Settings worth carrying to a restored device (not the device id: each device has its own). */
const SETTINGS_IN_BACKUP = new Set(['locale', 'profile']);

/** The largest backup file read (20,000 entries of a long crisis are a few megabytes). */
export const MAX_BACKUP_BYTES = 100 * 1024 * 1024;

/** Reads everything the backup holds, in one read-only transaction (a consistent snapshot). */
export async function createBackup(database: DatabaseService, now = new Date()): Promise<Backup> {
  const db = await database.db();
  const tx = db.transaction(
    [STORE.contacts, STORE.playbooks, STORE.crises, STORE.logEntries, STORE.ticks, STORE.settings],
    'readonly',
  );
  const [contacts, playbook, crises, logEntries, ticks, settings] = await Promise.all([
    tx.objectStore(STORE.contacts).index(INDEX.contactsByOrigin).getAll('local'),
    tx.objectStore(STORE.playbooks).get('local'),
    tx.objectStore(STORE.crises).getAll(),
    tx.objectStore(STORE.logEntries).getAll(),
    tx.objectStore(STORE.ticks).getAll(),
    tx.objectStore(STORE.settings).getAll(),
  ]);
  return {
    format: 'tocsin-backup',
    version: 1,
    createdAt: now.toISOString(),
    schemaVersion: DB_VERSION,
    contacts,
    ...(playbook ? { playbook } : {}),
    crises,
    logEntries,
    ticks,
    settings: settings.filter((record) => SETTINGS_IN_BACKUP.has(record.key)),
  };
}

/** The backup as the text of a file. */
export function serializeBackup(backup: Backup): string {
  return JSON.stringify(backup);
}

/** A backup read from a file, or why it cannot be restored (nothing is written then). */
/** Why a file cannot be restored, for the member; `error` says exactly what, for support. */
export type BackupRefusal = 'too-large' | 'not-backup' | 'newer' | 'damaged';

export type ParsedBackup =
  { ok: true; backup: Backup } | { ok: false; refusal: BackupRefusal; error: string };

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every(isString);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isContact(value: unknown): value is Contact {
  if (!isObject(value)) return false;
  const textFields = ['id', 'givenName', 'familyName', 'displayName', 'organisation', 'service'];
  return (
    textFields.every((field) => isString(value[field])) &&
    isString(value.jobTitle) &&
    isString(value.notes) &&
    isString(value.updatedAt) &&
    value.id !== '' &&
    Array.isArray(value.roles) &&
    value.roles.every((role) => isString(role) && isCrisisRole(role)) &&
    Array.isArray(value.phones) &&
    value.phones.every(
      (phone) =>
        isObject(phone) &&
        isString(phone.number) &&
        PHONE_KINDS.includes(phone.kind as (typeof PHONE_KINDS)[number]),
    ) &&
    isStringArray(value.emails) &&
    isStringArray(value.groups) &&
    typeof value.cellMember === 'boolean'
  );
}

function isCrisis(value: unknown): value is Crisis {
  return (
    isObject(value) &&
    isString(value.id) &&
    isString(value.name) &&
    isString(value.startedAt) &&
    isString(value.openedAt) &&
    (value.closedAt === undefined || isString(value.closedAt))
  );
}

function isLogEntry(value: unknown): value is LogEntry {
  if (!isObject(value)) return false;
  const refs = value.refs;
  return (
    [
      'id',
      'crisisId',
      'deviceId',
      'occurredAt',
      'recordedAt',
      'author',
      'text',
      'prevHash',
      'hash',
    ].every((field) => isString(value[field])) &&
    Number.isInteger(value.seq) &&
    (value.seq as number) > 0 &&
    ENTRY_KINDS.includes(value.kind as (typeof ENTRY_KINDS)[number]) &&
    (value.priority === 'normal' || value.priority === 'high') &&
    isObject(refs) &&
    isStringArray(refs.checklistItemIds) &&
    isStringArray(refs.contactIds) &&
    (value.corrects === undefined || isString(value.corrects))
  );
}

function isTick(value: unknown): value is ChecklistTick {
  return (
    isObject(value) &&
    isString(value.crisisId) &&
    isString(value.itemId) &&
    isString(value.by) &&
    isString(value.at) &&
    typeof value.done === 'boolean'
  );
}

/** Checks a backup file whole before anything is restored from it. */
export function parseBackup(text: string): ParsedBackup {
  if (text.length > MAX_BACKUP_BYTES) {
    return { ok: false, refusal: 'too-large', error: 'the file is too large.' };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, refusal: 'not-backup', error: 'this is not a Tocsin backup (not JSON).' };
  }
  if (!isObject(data) || data.format !== 'tocsin-backup') {
    return { ok: false, refusal: 'not-backup', error: 'this is not a Tocsin backup.' };
  }
  if (data.version !== 1) {
    return { ok: false, refusal: 'newer', error: 'this backup comes from a newer Tocsin.' };
  }
  const lists = { contacts: isContact, crises: isCrisis, logEntries: isLogEntry, ticks: isTick };
  for (const [name, check] of Object.entries(lists)) {
    const list = data[name];
    if (!Array.isArray(list)) {
      return { ok: false, refusal: 'damaged', error: `the backup has no ${name} list.` };
    }
    const bad = list.findIndex((item) => !check(item));
    if (bad !== -1) {
      return { ok: false, refusal: 'damaged', error: `${name} record ${bad + 1} is damaged.` };
    }
  }
  let playbook: Playbook | undefined;
  if (data.playbook !== undefined) {
    const parsed = parsePlaybookJson(JSON.stringify(data.playbook));
    if (!parsed.ok) {
      const error = `its playbook is damaged: ${parsed.errors[0]}`;
      return { ok: false, refusal: 'damaged', error };
    }
    playbook = parsed.playbook;
  }
  const settings = Array.isArray(data.settings)
    ? data.settings.filter(
        (record): record is SettingRecord =>
          isObject(record) && isString(record.key) && SETTINGS_IN_BACKUP.has(record.key),
      )
    : [];
  return {
    ok: true,
    backup: {
      format: 'tocsin-backup',
      version: 1,
      createdAt: isString(data.createdAt) ? data.createdAt : '',
      schemaVersion: typeof data.schemaVersion === 'number' ? data.schemaVersion : 0,
      contacts: data.contacts as Contact[],
      ...(playbook ? { playbook } : {}),
      crises: data.crises as Crisis[],
      logEntries: data.logEntries as LogEntry[],
      ticks: data.ticks as ChecklistTick[],
      settings,
    },
  };
}

/** An entry's stored hash and everything it covers: equal only for the very same entry. */
function fingerprint(entry: LogEntry): string {
  return `${entry.hash}\n${new TextDecoder().decode(canonicalEntryBytes(entry))}`;
}

/**
 * Restores a backup by adding what this device does not have, in one transaction: all of it or
 * (on a full disk, say) nothing. Nothing already stored is overwritten or deleted: an entry of
 * the main courante that exists here with other content is a conflict, kept as it is here.
 */
export async function restoreBackup(
  database: DatabaseService,
  backup: Backup,
): Promise<RestoreReport> {
  const db = await database.db();
  const tx = db.transaction(
    [STORE.contacts, STORE.playbooks, STORE.crises, STORE.logEntries, STORE.ticks, STORE.settings],
    'readwrite',
    { durability: 'strict' },
  );
  const report: RestoreReport = { added: 0, alreadyPresent: 0, conflicts: 0 };
  const writes: Promise<unknown>[] = [];
  try {
    const contactIds = new Set(
      (await tx.objectStore(STORE.contacts).getAllKeys()).map((key) => String(key)),
    );
    for (const contact of backup.contacts) {
      if (contactIds.has(contact.id)) report.alreadyPresent++;
      else {
        writes.push(tx.objectStore(STORE.contacts).add({ ...contact, origin: 'local' }));
        contactIds.add(contact.id);
        report.added++;
      }
    }
    if (backup.playbook && !(await tx.objectStore(STORE.playbooks).get('local'))) {
      writes.push(tx.objectStore(STORE.playbooks).put(backup.playbook, 'local'));
      report.added++;
    }
    for (const crisis of backup.crises) {
      if (await tx.objectStore(STORE.crises).get(crisis.id)) report.alreadyPresent++;
      else {
        writes.push(tx.objectStore(STORE.crises).add(crisis));
        report.added++;
      }
    }
    // One read of every entry rather than one per restored entry: a long crisis has thousands.
    const stored = new Map(
      (await tx.objectStore(STORE.logEntries).getAll()).map((entry) => [
        entry.id,
        fingerprint(entry),
      ]),
    );
    for (const entry of backup.logEntries) {
      const existing = stored.get(entry.id);
      if (existing === undefined) {
        writes.push(tx.objectStore(STORE.logEntries).add(entry));
        stored.set(entry.id, fingerprint(entry));
        report.added++;
      } else if (existing === fingerprint(entry)) report.alreadyPresent++;
      else report.conflicts++;
    }
    for (const tick of backup.ticks) {
      const existing = await tx.objectStore(STORE.ticks).get([tick.crisisId, tick.itemId]);
      if (existing && existing.at >= tick.at) report.alreadyPresent++;
      else {
        writes.push(tx.objectStore(STORE.ticks).put(tick));
        report.added++;
      }
    }
    for (const record of backup.settings) {
      if (!(await tx.objectStore(STORE.settings).get(record.key))) {
        writes.push(tx.objectStore(STORE.settings).put(record));
      }
    }
  } catch (error) {
    await abandonTransaction(tx, writes);
    throw error;
  }
  await tx.done;
  return report;
}
