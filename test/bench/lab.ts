// The bench's laboratory page (test/bench/lab.html, built only with TOCSIN_BENCH_BASELINE=1): it
// runs the app's own modules on generated data and times them with performance.now() inside the
// page. test/bench/crisis-data.bench.mjs drives it through page.evaluate() and decides what runs
// with the CPU throttled, which is why preparing data and timing it are separate calls.
import { deleteDB } from 'idb';
import { DatabaseService } from '../../src/app/database-service.js';
import { openTocsinDB } from '../../src/db/open.js';
import { STORE } from '../../src/db/schema.js';
import type { Contact } from '../../src/domain/contact.js';
import { DirectoryStore } from '../../src/features/directory/directory-store.js';
import { exportContactsCsv } from '../../src/domain/contact-files/csv-export.js';
import { importContactsCsv } from '../../src/domain/contact-files/csv-import.js';
import { planImport } from '../../src/domain/contact-files/import-plan.js';
import {
  buildDirectoryIndex,
  type DirectoryIndex,
} from '../../src/features/directory/search-index.js';
import {
  linearSearch,
  linearSearchDirectory,
  prepareLinearDirectory,
  type LinearDirectory,
} from '../../src/features/directory/linear-search.js';
import { searchDirectory } from '../../src/features/directory/search.js';
import { LogStore, type EntryDraft } from '../../src/features/log/log-store.js';
import type { EntryKind } from '../../src/domain/log.js';
import { SettingsStore } from '../../src/features/settings/settings-store.js';
import { KitInstaller } from '../../src/features/kit/kit-installer.js';
import { KitSummaryStore } from '../../src/features/kit/kit-summary-store.js';
import {
  decryptKitFile,
  importKitKey,
  parseKitKey,
  unpackSignedKit,
} from '../../src/kit-format/kit-container.js';
import type { KitDirectory } from '../../src/domain/kit.js';
import type { Playbook } from '../../src/domain/playbook.js';
import { generateDirectory } from '../fixtures/directory.js';
import { makeTestKit, type TestKit } from '../fixtures/kit.js';
import { generatePlaybook } from '../fixtures/playbook.js';
import { generateLogEntries, LOG_FIXTURE_CRISIS_NAME, LOG_FIXTURE_START } from '../fixtures/log.js';
import { createRandom, type Random } from '../fixtures/random.js';

/** Times of a batch of searches, with how many contacts each one found (to compare the two). */
export interface SearchTimes {
  ms: number[];
  found: number[];
}

/** What the lab page offers the bench, as `window.tocsinLab`. */
export interface TocsinLab {
  /** Generates `count` contacts and `queryCount` typed queries over them (not timed). */
  prepareDirectory(
    count: number,
    seed: number,
    queryCount: number,
  ): Promise<{ contacts: number; queries: number; distinctQueries: number }>;
  /** Builds the search index `runs` times; the milliseconds of each build. */
  timeIndexBuild(runs: number): Promise<number[]>;
  /**
   * Every prepared query through searchDirectory, as the directory page calls it (no limit), and
   * through linearSearch, the baseline, one after the other at each query, so that any drift of
   * the machine hits both alike.
   */
  timeSearches(): Promise<{ indexed: SearchTimes; linear: SearchTimes }>;
  /**
   * Normalises and sorts the contacts for the linear baseline `runs` times, as a plain scan does
   * once when the list loads; the milliseconds of each.
   */
  timeLinearPrepare(runs: number): Promise<number[]>;
  /** Turns the prepared contacts into Tocsin's CSV bytes and parses them once (not timed). */
  prepareCsv(): Promise<{ bytes: number; contacts: number }>;
  /**
   * Parses the CSV and imports it with DirectoryStore into a fresh database, until committed;
   * `parseMs` is the part of `ms` spent in importContactsCsv, `planMs` the part spent planning
   * the import against the directory (as the dialog's preview does; the store plans again).
   */
  timeCsvImport(): Promise<{ ms: number; parseMs: number; planMs: number }>;
  /** Puts the parsed contacts into a fresh database's contacts store in one transaction. */
  timeBarePut(): Promise<number>;
  /**
   * Generates `count` sealed entries and bulk-inserts them into a fresh database, with this
   * device's id set to the chain that appends will extend (not timed).
   */
  prepareLog(count: number, seed: number): Promise<{ entries: number; headSeq: number }>;
  /** LogStore.openLog on the prepared crisis; fails if the chains do not verify. */
  timeOpenLog(): Promise<{ ms: number; entries: number }>;
  /** `count` LogStore.append calls one after the other, each timed until committed. */
  timeAppends(count: number): Promise<number[]>;
  /** Seals a crisis kit holding the prepared contacts (not timed); its size in bytes. */
  prepareKit(): Promise<{ bytes: number; contacts: number }>;
  /**
   * Installs the kit into a fresh database as enrollment does — decrypt, verify the signature and
   * every section, read them, write them in one transaction — until committed.
   */
  timeKitInstall(): Promise<number>;
  /**
   * The baseline: decrypt the same file, JSON.parse its directory and playbook, and bulk-put them
   * into a fresh database in one transaction, with nothing verified.
   */
  timeKitBaseline(): Promise<number>;
  /**
   * Installs the prepared kit (see prepareKit) into the app's own database, as enrollment does, so
   * that the app opened on this origin has its contacts; the first result `query` must show, and
   * how many it finds (not timed).
   */
  installAppDirectory(query: string): Promise<{ contacts: number; first: string; found: number }>;
  /** Closes and deletes the log's database and forgets everything prepared. */
  reset(): Promise<void>;
}

declare global {
  interface Window {
    tocsinLab: TocsinLab;
  }
}

let contacts: Contact[] = [];
let queries: string[] = [];
let index: DirectoryIndex | undefined;
let linear: LinearDirectory | undefined;
let csv: Uint8Array | undefined;
let parsed: Contact[] = [];
let log: { name: string; database: DatabaseService; store: LogStore; crisisId: string } | undefined;
let databaseCount = 0;
let kit: TestKit | undefined;

/** A database name no earlier measurement used, so none starts with another's data. */
function freshDatabaseName(): string {
  return `tocsin-lab-${Date.now()}-${databaseCount++}`;
}

async function dropDatabase(database: DatabaseService, name: string): Promise<void> {
  (await database.db()).close();
  await deleteDB(name);
}

function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '');
}

/** The words of a field, as someone would type the start of them. */
function wordsOf(text: string): string[] {
  return text.split(/[\s’'()—-]+/).filter((word) => word.length > 0);
}

/**
 * A search someone in the crisis cell types: a name, a name and a first name, an organisation,
 * a service, a job, a crisis role, or the start of a phone number. Half are typed in lower case
 * without accents, as people do on a phone.
 */
function realisticQuery(random: Random, contact: Contact): string {
  const family = wordsOf(contact.familyName).filter((word) => word.length > 2);
  const familyWord = family.length > 0 ? random.pick(family) : contact.familyName;
  const organisation = wordsOf(contact.organisation).slice(0, random.int(1, 2));
  let query: string;
  switch (random.int(0, 9)) {
    case 0:
    case 1:
    case 2:
      query = familyWord;
      break;
    case 3:
    case 4:
      query = `${contact.givenName.split('-')[0]} ${familyWord.slice(0, random.int(2, familyWord.length))}`;
      break;
    case 5:
      query = organisation.join(' ');
      break;
    case 6:
      query = `${contact.service} ${wordsOf(contact.organisation)[0]}`;
      break;
    case 7:
      query = wordsOf(contact.jobTitle)[0];
      break;
    case 8:
      query = random.pick(['communication', 'main courante', 'juridique', 'technique', 'décideur']);
      break;
    default: {
      const digits = (contact.phones[0]?.number ?? '06 00 00 00 00').replace(/\D/g, '');
      const national = /^(?:00)?33(\d{9})$/.exec(digits);
      const number = national ? `0${national[1]}` : digits;
      // "06 12 34": spaced pairs, as printed on business cards.
      query = (number.match(/\d{1,2}/g) ?? []).slice(0, random.int(2, 4)).join(' ');
    }
  }
  return random.chance(0.5) ? foldAccents(query).toLowerCase() : query;
}

/**
 * `count` searches as the directory page runs them: realistic queries typed character by
 * character, each keystroke a search ("j", "je", "jer", …), until `count` keystrokes. The first
 * keystrokes of each query are the broad, expensive searches; the last ones the narrow ones.
 */
function typedQueries(directory: readonly Contact[], count: number, seed: number): string[] {
  const random = createRandom(seed);
  const typed: string[] = [];
  while (typed.length < count) {
    const query = realisticQuery(random, random.pick(directory));
    for (let end = 1; end <= query.length && typed.length < count; end++) {
      typed.push(query.slice(0, end));
    }
  }
  return typed;
}

/** Runs `search` on `query`, noting its time and how many contacts it found into `times`. */
function timeSearch(search: (query: string) => Contact[], query: string, times: SearchTimes) {
  const start = performance.now();
  const results = search(query);
  times.ms.push(performance.now() - start);
  times.found.push(results.length);
}

// Drafts for the timed appends, in the same register as the generated log.
const APPEND_DRAFTS: readonly [EntryKind, string][] = [
  ['fact', 'Le serveur de fichiers de la mairie annexe Est est de nouveau joignable.'],
  ['action', 'Réinitialisation des mots de passe des comptes de la DSI terminée.'],
  ['communication_in', 'Appel de la préfecture (SIDPC) : demande un point de situation à 16 h.'],
  ['communication_out', 'Point de situation envoyé à l’ANSSI.'],
  ['decision', 'Décision : maintenir l’accueil de l’état civil en mode papier demain.'],
  ['note', 'Relève de la main courante par Paul Durand.'],
];

const lab: TocsinLab = {
  async prepareDirectory(count, seed, queryCount) {
    contacts = generateDirectory(count, seed);
    queries = typedQueries(contacts, queryCount, seed);
    index = undefined;
    linear = undefined;
    return {
      contacts: contacts.length,
      queries: queries.length,
      distinctQueries: new Set(queries).size,
    };
  },

  async timeIndexBuild(runs) {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      index = buildDirectoryIndex(contacts);
      times.push(performance.now() - start);
    }
    return times;
  },

  async timeSearches() {
    const built = index;
    const prepared = linear;
    if (!built || !prepared) throw new Error('timeIndexBuild() and timeLinearPrepare() first');
    const indexed: SearchTimes = { ms: [], found: [] };
    const scanned: SearchTimes = { ms: [], found: [] };
    for (const query of queries) {
      timeSearch((typed) => searchDirectory(built, typed), query, indexed);
      timeSearch((typed) => linearSearch(prepared, typed), query, scanned);
    }
    return { indexed, linear: scanned };
  },

  async timeLinearPrepare(runs) {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      linear = prepareLinearDirectory(contacts);
      times.push(performance.now() - start);
    }
    return times;
  },

  async prepareCsv() {
    csv = new TextEncoder().encode(exportContactsCsv(contacts));
    const outcome = importContactsCsv(csv);
    if (!outcome.ok) throw new Error(`the generated CSV was refused: ${outcome.error}`);
    if (outcome.contacts.length !== contacts.length) {
      throw new Error(`${outcome.contacts.length} of ${contacts.length} contacts read back`);
    }
    parsed = outcome.contacts;
    return { bytes: csv.length, contacts: parsed.length };
  },

  async timeCsvImport() {
    if (!csv) throw new Error('prepareCsv() must run first');
    const name = freshDatabaseName();
    const database = new DatabaseService(name);
    // Opened beforehand: the app's database is already open when the user imports a file.
    await database.db();
    const directory = new DirectoryStore(database);
    const start = performance.now();
    const outcome = importContactsCsv(csv);
    const parsedAt = performance.now();
    if (!outcome.ok) throw new Error(outcome.error);
    // What the import dialog does: plan against the directory, then write the plan.
    const plan = planImport(outcome.contacts, await directory.list());
    const plannedAt = performance.now();
    const { added } = await directory.applyImport(plan, new Map());
    const end = performance.now();
    // The generated directory holds people listed twice (another spelling, another id), as real
    // exports do: the plan folds them, and every other contact must be written.
    if (added !== plan.counts.new) throw new Error(`${added} of ${plan.counts.new} imported`);
    await dropDatabase(database, name);
    return { ms: end - start, parseMs: parsedAt - start, planMs: plannedAt - parsedAt };
  },

  async timeBarePut() {
    const name = freshDatabaseName();
    const db = await openTocsinDB({ name });
    const start = performance.now();
    // The same store, index and durability as DirectoryStore.applyImport, so the ratio shows what
    // the import adds (parsing, the plan against the directory), not how IndexedDB commits.
    const tx = db.transaction(STORE.contacts, 'readwrite', { durability: 'strict' });
    for (const contact of parsed) void tx.store.put(contact);
    await tx.done;
    const ms = performance.now() - start;
    db.close();
    await deleteDB(name);
    return ms;
  },

  async prepareLog(count, seed) {
    await lab.reset();
    const random = createRandom(seed);
    const crisisId = random.uuid();
    const deviceIds = [random.uuid(), random.uuid(), random.uuid()];
    const entries = await generateLogEntries(count, { crisisId, seed, deviceIds });
    const name = freshDatabaseName();
    // Wired as src/app/services.ts wires them.
    const database = new DatabaseService(name);
    const settings = new SettingsStore(database);
    const store = new LogStore(database, settings, async () => undefined);
    const db = await database.db();
    const tx = db.transaction([STORE.logEntries, STORE.crises, STORE.settings], 'readwrite');
    void tx.objectStore(STORE.crises).put({
      id: crisisId,
      name: LOG_FIXTURE_CRISIS_NAME,
      startedAt: LOG_FIXTURE_START,
      openedAt: LOG_FIXTURE_START,
    });
    // This device is the one that wrote most of the log, so appends extend its long chain: the
    // honest case, where the chain head is looked up among thousands of entries.
    void tx.objectStore(STORE.settings).put({ key: 'device-id', value: deviceIds[0] });
    for (const entry of entries) void tx.objectStore(STORE.logEntries).add(entry);
    await tx.done;
    log = { name, database, store, crisisId };
    const headSeq = Math.max(
      ...entries.filter((entry) => entry.deviceId === deviceIds[0]).map((entry) => entry.seq),
    );
    if ((await settings.deviceId()) !== deviceIds[0]) throw new Error('device id not taken');
    return { entries: entries.length, headSeq };
  },

  async timeOpenLog() {
    if (!log) throw new Error('prepareLog() must run first');
    const start = performance.now();
    const opened = await log.store.openLog(log.crisisId);
    const ms = performance.now() - start;
    if (opened.problems.length > 0) {
      throw new Error(`the log does not verify: ${JSON.stringify(opened.problems.slice(0, 3))}`);
    }
    return { ms, entries: opened.entries.length };
  },

  async timeAppends(count) {
    if (!log) throw new Error('prepareLog() must run first');
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const [kind, text] = APPEND_DRAFTS[i % APPEND_DRAFTS.length];
      const draft: EntryDraft = { crisisId: log.crisisId, author: 'Claire Martin', kind, text };
      const start = performance.now();
      await log.store.append(draft);
      times.push(performance.now() - start);
    }
    return times;
  },

  async prepareKit() {
    kit = await makeTestKit({ contacts, playbook: generatePlaybook(120, 1) });
    return { bytes: kit.file.length, contacts: kit.content.directory.contacts.length };
  },

  async timeKitInstall() {
    if (!kit) throw new Error('prepareKit() must run first');
    const name = freshDatabaseName();
    const database = new DatabaseService(name);
    await database.db();
    const installer = new KitInstaller(database, new KitSummaryStore(database));
    const start = performance.now();
    const summary = await installer.install(await installer.prepare(kit.file, kit.kitKey));
    const ms = performance.now() - start;
    if (summary.counts.contacts !== contacts.length) throw new Error('contacts missing');
    await dropDatabase(database, name);
    return ms;
  },

  async timeKitBaseline() {
    if (!kit) throw new Error('prepareKit() must run first');
    const name = freshDatabaseName();
    const db = await openTocsinDB({ name });
    const start = performance.now();
    const key = await importKitKey(parseKitKey(kit.kitKey));
    const parts = unpackSignedKit(await decryptKitFile(kit.file, key));
    const decoder = new TextDecoder();
    const directory = JSON.parse(decoder.decode(parts.sections.directory)) as KitDirectory;
    const playbook = JSON.parse(decoder.decode(parts.sections.playbook)) as Playbook;
    const tx = db.transaction([STORE.contacts, STORE.playbooks], 'readwrite', {
      durability: 'strict',
    });
    for (const contact of directory.contacts) {
      void tx.objectStore(STORE.contacts).put({ ...contact, origin: 'kit', updatedAt: '' });
    }
    void tx.objectStore(STORE.playbooks).put(playbook, 'kit');
    await tx.done;
    const ms = performance.now() - start;
    db.close();
    await deleteDB(name);
    return ms;
  },

  async installAppDirectory(query) {
    if (!kit) throw new Error('prepareKit() must run first');
    // The app's database, under its own name: the app opened on this origin reads it.
    const database = new DatabaseService();
    const db = await database.db();
    const installer = new KitInstaller(database, new KitSummaryStore(database));
    const summary = await installer.install(await installer.prepare(kit.file, kit.kitKey));
    // Closed, so that the app's tab opens it without waiting on this one.
    db.close();
    const expected = linearSearchDirectory(contacts, query);
    return {
      contacts: summary.counts.contacts,
      first: expected[0]?.displayName ?? '',
      found: expected.length,
    };
  },

  async reset() {
    kit = undefined;
    linear = undefined;
    contacts = [];
    queries = [];
    index = undefined;
    csv = undefined;
    parsed = [];
    if (log) {
      const { database, name } = log;
      log = undefined;
      await dropDatabase(database, name);
    }
  },
};

window.tocsinLab = lab;
