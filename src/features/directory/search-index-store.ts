import type { DatabaseService } from '../../app/database-service.js';
import type { Contact } from '../../domain/contact.js';
import {
  CURRENT_KIT_KEY,
  SEARCH_INDEX_KEY,
  STORE,
  type InstalledKitSummary,
} from '../../db/schema.js';
import {
  layoutParts,
  restoreLayout,
  type DirectoryIndex,
  type DirectoryIndexLayout,
} from './search-index.js';
import {
  decodePhones,
  decodeIndex,
  decodeSignatures,
  encodeIndex,
  encodeSignatures,
} from './search-index-codec.js';

// The directory's search index kept in IndexedDB, so that opening the directory with 20,000
// contacts searches at once instead of reading and indexing every contact first (more than a
// second on a mid-range phone). Nothing that writes contacts has to know about it: the index
// records what it was built from, and whoever opens the directory checks that against the store.

/**
 * Bumped whenever the stored record or the matching rules change without a new app version (a
 * development build): an index of another format is ignored.
 */
const SEARCH_INDEX_FORMAT = 1;

/**
 * Contacts read per request while the page already shows a stored index: each read is a short
 * task, so the page answers input between them. With nothing shown yet, one read is quickest.
 */
const CONTACTS_PER_READ_IN_BACKGROUND = 500;

/** A stored index, its contacts known by id: enough to search before any contact is read. */
export interface StoredIndex {
  /** The id of the contact at each rank. */
  readonly ids: readonly string[];
  readonly layout: DirectoryIndexLayout;
  /**
   * Reads the phone numbers into the layout (at most once): until then, a search for digits
   * cannot be answered (see searchNeedsPhones).
   */
  readPhones(): Promise<void>;
}

/** The stored index, and whether the cheap check found the directory as it was indexed. */
export interface StoredIndexRead {
  readonly stored: StoredIndex;
  /**
   * The installed kit is the one the index was built with: every kit install fails this check,
   * and then the index waits for the signatures. Local contacts changed elsewhere than on this
   * page (another tab, a restored backup) pass it, and the index stands in, stale, until the
   * signatures are compared. Counting the contacts would catch additions and removals, but took
   * 60 ms for 20,000 contacts with the CPU slowed 4×, on the way to the first result.
   */
  readonly current: boolean;
}

/** Every contact, and the installed kit they were read with (see kitStamp). */
export interface ContactsRead {
  readonly contacts: Contact[];
  readonly kit: string;
}

/** The installed kit as a stamp that changes with every install, repairs included. */
function kitStamp(summary: InstalledKitSummary | undefined): string {
  return summary ? `${summary.manifestHash} ${summary.installedAt}` : '';
}

export class SearchIndexStore {
  private readonly format: string;

  /**
   * @param appVersion the app's version: an index another release built is ignored, as its
   *   matching rules or role names may differ. The browser's user agent is part of the format
   *   too, since the collator that orders the index comes with the browser.
   */
  constructor(
    private readonly database: DatabaseService,
    appVersion: string,
  ) {
    this.format = `${SEARCH_INDEX_FORMAT} ${appVersion} ${navigator.userAgent}`;
  }

  /** The stored index, if this build made it; undefined when there is none. */
  async readIndex(): Promise<StoredIndexRead | undefined> {
    const db = await this.database.db();
    const tx = db.transaction([STORE.searchIndex, STORE.kit]);
    const [record, kit] = await Promise.all([
      tx.objectStore(STORE.searchIndex).get(SEARCH_INDEX_KEY),
      tx.objectStore(STORE.kit).get(CURRENT_KIT_KEY),
    ]);
    if (!record || record.format !== this.format) return undefined;
    const { ids, parts } = decodeIndex(await record.data.arrayBuffer());
    const layout = restoreLayout(parts);
    let phones: Promise<void> | undefined;
    const readPhones = () =>
      (phones ??= record.phones.arrayBuffer().then((buffer) => {
        layout.attachPhones(decodePhones(buffer, ids.length));
      }));
    return { stored: { ids, layout, readPhones }, current: record.kit === kitStamp(kit) };
  }

  /** The stored signatures by rank (see indexSignature), if this build wrote them. */
  async readSignatures(count: number): Promise<string[] | undefined> {
    const db = await this.database.db();
    const record = await db.get(STORE.searchSignatures, SEARCH_INDEX_KEY);
    if (record?.format !== this.format) return undefined;
    const signatures = await decodeSignatures(record.data, count);
    return signatures.length === count ? signatures : undefined;
  }

  /** The contacts with these ids that exist, by id: the rows on screen, before the rest. */
  async readContacts(ids: readonly string[]): Promise<Map<string, Contact>> {
    const db = await this.database.db();
    const store = db.transaction(STORE.contacts).store;
    const found = await Promise.all(ids.map((id) => store.get(id)));
    const byId = new Map<string, Contact>();
    for (const contact of found) if (contact) byId.set(contact.id, contact);
    return byId;
  }

  /**
   * Every contact, in one transaction (a consistent state), with the kit they go with; in short
   * reads when `background`. Rejects with the signal's reason once it is aborted.
   */
  async readAllContacts(background: boolean, signal?: AbortSignal): Promise<ContactsRead> {
    const perRead = background ? CONTACTS_PER_READ_IN_BACKGROUND : undefined;
    const db = await this.database.db();
    const tx = db.transaction([STORE.contacts, STORE.kit]);
    const kit = kitStamp(await tx.objectStore(STORE.kit).get(CURRENT_KIT_KEY));
    const store = tx.objectStore(STORE.contacts);
    const contacts: Contact[] = [];
    let after: IDBKeyRange | undefined;
    for (;;) {
      // Each read is asked for as the previous one is handled, which keeps the transaction alive.
      const chunk = await store.getAll(after, perRead);
      signal?.throwIfAborted();
      for (const contact of chunk) contacts.push(contact);
      if (perRead === undefined || chunk.length < perRead) break;
      after = IDBKeyRange.lowerBound(chunk[chunk.length - 1].id, true);
    }
    return { contacts, kit };
  }

  /**
   * Stores `index`, built from contacts read with `kit` installed, with its contacts' signatures
   * by rank, replacing the one stored.
   */
  async save(index: DirectoryIndex, signatures: readonly string[], kit: string): Promise<void> {
    const ids = index.contacts.map((contact) => contact.id);
    const encoded = encodeIndex({ ids, parts: layoutParts(index.layout) });
    const db = await this.database.db();
    const tx = db.transaction([STORE.searchIndex, STORE.searchSignatures], 'readwrite');
    const { format } = this;
    void tx
      .objectStore(STORE.searchIndex)
      .put({ format, kit, data: encoded.index, phones: encoded.phones }, SEARCH_INDEX_KEY);
    void tx
      .objectStore(STORE.searchSignatures)
      .put({ format, data: encodeSignatures(signatures) }, SEARCH_INDEX_KEY);
    await tx.done;
  }
}
