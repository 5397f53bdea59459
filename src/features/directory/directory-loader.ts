import type { Contact } from '../../domain/contact.js';
import {
  buildDirectoryIndex,
  reindexDirectory,
  type DirectoryIndex,
  type DirectoryIndexLayout,
} from './search-index.js';
import { indexSignature } from './search-words.js';
import type { SearchIndexStore, StoredIndex } from './search-index-store.js';
import { whenIdle } from '../../app/when-idle.js';

/** The directory once every contact is read, as the page searches and shows it. */
export interface LoadedDirectory {
  readonly index: DirectoryIndex;
  /** The index's layout (index.layout), to search it as a stored index is searched. */
  readonly layout: DirectoryIndexLayout;
  /** The id of the contact at each rank. */
  readonly ids: readonly string[];
  /** indexSignature of the contact at each rank, to tell what changed at the next load. */
  readonly signatures: readonly string[];
  readonly byId: ReadonlyMap<string, Contact>;
}

/** What a load gives: the directory, and the storing of its index when it changed. */
export interface DirectoryLoad {
  readonly directory: LoadedDirectory;
  /** Settles once the index is stored (never rejects: a failure only costs the next open). */
  readonly saved: Promise<void>;
}

/** An index with the signatures of the contacts it was built from, by rank. */
interface SignedIndex {
  readonly layout: DirectoryIndexLayout;
  readonly ids: readonly string[];
  readonly signatures: readonly string[];
}

/** Contacts whose signature is computed in one task when the page is in use meanwhile. */
const SIGNATURES_PER_TASK = 2000;

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** How the page follows a load (see loadDirectory). */
export interface LoadHooks {
  /** Takes the stored index, when it may stand in until every contact is read. */
  onStored?(stored: StoredIndex): void;
  /** Settles once the page has shown what onStored gave it: reading the rest waits for it. */
  shown?(): Promise<void>;
  /** Settles when the page can spare the time to store the index (by default, when idle). */
  quiet?(): Promise<void>;
  /**
   * Aborted when the page goes away: the load then stops before reading every contact, or between
   * two reads, and rejects with the signal's reason.
   */
  signal?: AbortSignal;
}

/**
 * Loads the directory for the page.
 *
 * Opening the page (no `previous`): the stored index, when the cheap check finds it current, goes
 * to `onStored` at once, so the page searches before any contact is read. Once the page has shown
 * it, every contact is read and compared with the signatures the index was built from: the index
 * is kept as it is, updated where contacts changed (another tab, a kit installed, a backup
 * restored), or built afresh when there is none; and stored again if it changed.
 *
 * The directory changed while the page shows it (`previous`): the same, from the index in memory.
 */
export async function loadDirectory(
  store: SearchIndexStore,
  previous?: LoadedDirectory,
  hooks: LoadHooks = {},
): Promise<DirectoryLoad> {
  let base: SignedIndex | undefined = previous;
  // Whether the index stored is already the one this load ends with, unless contacts changed.
  let storedCurrent = previous !== undefined;
  // Whether the page shows something meanwhile (then every contact is read in the background).
  let shown = previous !== undefined;
  if (!previous) {
    const read = await store.readIndex();
    if (read?.current && hooks.onStored) {
      hooks.onStored(read.stored);
      shown = true;
      // Reading 20,000 contacts is a second of work on a phone: not while the first rows come.
      await hooks.shown?.();
    }
    hooks.signal?.throwIfAborted();
    const signatures = read && (await store.readSignatures(read.stored.ids.length));
    if (read && signatures) {
      // What the contacts are compared with includes their phone numbers.
      await read.stored.readPhones();
      base = { ...read.stored, signatures };
      storedCurrent = read.current;
    }
  }

  const { contacts, kit } = await store.readAllContacts(shown, hooks.signal);
  let index: DirectoryIndex;
  let changed: number;
  // Computed when there is an index to compare with, else once the page shows the directory.
  let signatures: readonly string[] | undefined;
  if (base) {
    const signatureOf = new Map<string, string>();
    for (let i = 0; i < contacts.length; i++) {
      signatureOf.set(contacts[i].id, indexSignature(contacts[i]));
      // In slices when the page is in use meanwhile: 20,000 take 150 ms on a phone.
      if (shown && i % SIGNATURES_PER_TASK === SIGNATURES_PER_TASK - 1) await nextTask();
    }
    const indexed = base.signatures;
    ({ index, changed } = reindexDirectory(
      base.layout,
      base.ids,
      contacts,
      (rank, contact) => indexed[rank] === signatureOf.get(contact.id),
    ));
    signatures = index.contacts.map((contact) => signatureOf.get(contact.id) as string);
  } else {
    index = buildDirectoryIndex(contacts);
    changed = contacts.length;
  }
  const directory: LoadedDirectory = {
    index,
    layout: index.layout,
    ids: index.contacts.map((contact) => contact.id),
    get signatures() {
      return (signatures ??= index.contacts.map(indexSignature));
    },
    byId: new Map(index.contacts.map((contact) => [contact.id, contact])),
  };
  const saved =
    changed === 0 && storedCurrent
      ? Promise.resolve()
      : saveLater(store, directory, kit, hooks.quiet ?? (() => whenIdle(2000)));
  return { directory, saved };
}

/**
 * Stores the index once the page is `quiet`, after it has shown the directory: encoding it takes
 * a few hundred milliseconds on a phone.
 */
async function saveLater(
  store: SearchIndexStore,
  directory: LoadedDirectory,
  kit: string,
  quiet: () => Promise<void>,
): Promise<void> {
  await quiet();
  try {
    await store.save(directory.index, directory.signatures, kit);
  } catch {
    // The index is derived data: without it the next open reads and indexes every contact again.
  }
}
