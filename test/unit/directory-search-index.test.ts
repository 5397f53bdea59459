import { expect } from '@open-wc/testing';
import type { AppServices } from '../../src/app/services.js';
import { STORE } from '../../src/db/schema.js';
import type { Contact } from '../../src/domain/contact.js';
import {
  loadDirectory,
  type DirectoryLoad,
} from '../../src/features/directory/directory-loader.js';
import {
  buildDirectoryIndex,
  layoutParts,
  restoreLayout,
  type DirectoryIndexParts,
} from '../../src/features/directory/search-index.js';
import {
  searchDirectory,
  searchDirectoryRanks,
  searchNeedsPhones,
} from '../../src/features/directory/search.js';
import {
  decodeIndex,
  decodePhones,
  encodeIndex,
} from '../../src/features/directory/search-index-codec.js';
import {
  SearchIndexStore,
  type StoredIndex,
} from '../../src/features/directory/search-index-store.js';
import { generateDirectory, makeContact } from '../fixtures/directory.js';
import { cleanUpTestServices, createTestServices, installKit, sampleKit } from './helpers.js';

const QUERIES = ['', 'ma', 'mar dub', 'mairie', '06', '06 1', 'communication', 'zzq'];

function ids(contacts: readonly Contact[]): string[] {
  return contacts.map((contact) => contact.id);
}

/** The directory's contacts straight into the store, as a kit install or an import would. */
async function putContacts(services: AppServices, contacts: readonly Contact[]): Promise<void> {
  const db = await services.database.db();
  const tx = db.transaction(STORE.contacts, 'readwrite');
  for (const contact of contacts) void tx.store.put(contact);
  await tx.done;
}

/** One open of the directory page's data: what it could show first, and what it ends with. */
async function open(store: SearchIndexStore): Promise<DirectoryLoad & { stored?: StoredIndex }> {
  let stored: StoredIndex | undefined;
  const load = await loadDirectory(store, undefined, { onStored: (found) => (stored = found) });
  await load.saved;
  return { ...load, stored };
}

/** The loaded directory searches exactly as a fresh index of `contacts` does. */
function expectSearchesLike(load: DirectoryLoad, contacts: readonly Contact[]): void {
  const rebuilt = buildDirectoryIndex(contacts);
  for (const query of QUERIES) {
    expect(ids(searchDirectory(load.directory.index, query)), query).to.deep.equal(
      ids(searchDirectory(rebuilt, query)),
    );
  }
  expect(load.directory.ids).to.deep.equal(ids(rebuilt.contacts));
}

describe('stored search index', () => {
  afterEach(cleanUpTestServices);

  it('is built and stored at the first open, then searched at once at the next', async () => {
    const services = createTestServices();
    const contacts = generateDirectory(300, 5);
    await putContacts(services, contacts);
    const store = new SearchIndexStore(services.database, '1.0.0');

    const first = await open(store);
    expect(first.stored, 'nothing stored yet').to.equal(undefined);
    expectSearchesLike(first, contacts);

    const second = await open(store);
    const stored = second.stored as StoredIndex;
    expect(stored, 'the stored index is offered first').to.not.equal(undefined);
    for (const query of QUERIES) {
      const fromStore = Array.from(
        searchDirectoryRanks(stored.layout, query),
        (r) => stored.ids[r],
      );
      expect(fromStore, query).to.deep.equal(ids(searchDirectory(first.directory.index, query)));
    }
    expectSearchesLike(second, contacts);
    // Nothing changed: the stored layout is used as it is.
    expect(second.directory.layout).to.equal(stored.layout);
  });

  it('finds contacts edited, added and removed since, and stores the new index', async () => {
    const services = createTestServices();
    const contacts = generateDirectory(300, 6);
    await putContacts(services, contacts);
    const store = new SearchIndexStore(services.database, '1.0.0');
    await open(store);

    // Edited as in another tab: same number of contacts, same kit, so offered first (stale).
    const renamed = { ...contacts[7], displayName: 'Aaron Zythum', familyName: 'Zythum' };
    await putContacts(services, [renamed]);
    const edited = await open(store);
    expect(edited.stored, 'the cheap checks pass').to.not.equal(undefined);
    const now = contacts.map((contact) => (contact.id === renamed.id ? renamed : contact));
    expectSearchesLike(edited, now);
    expect(ids(searchDirectory(edited.directory.index, 'zyth'))).to.deep.equal([renamed.id]);

    // The edit was stored: the next open starts from it.
    const again = await open(store);
    const stored = again.stored as StoredIndex;
    expect(
      Array.from(searchDirectoryRanks(stored.layout, 'zyth'), (r) => stored.ids[r]),
    ).to.deep.equal([renamed.id]);

    // Added and removed elsewhere (a restored backup): offered, stale, then brought up to date.
    const added = makeContact({ givenName: 'Maëlys', familyName: 'Abadie', origin: 'local' });
    const db = await services.database.db();
    await db.put(STORE.contacts, added);
    await db.delete(STORE.contacts, contacts[20].id);
    await db.delete(STORE.contacts, contacts[21].id);
    const changed = await open(store);
    expect(changed.stored?.ids).to.include(contacts[20].id);
    const latest = now.filter((_, i) => i !== 20 && i !== 21).concat(added);
    expectSearchesLike(changed, latest);
  });

  it('is not offered once another kit is installed, nor to another release', async () => {
    const services = createTestServices();
    const contacts = generateDirectory(120, 8);
    await putContacts(services, contacts);
    await installKit(services, sampleKit());
    await open(new SearchIndexStore(services.database, '1.0.0'));

    await installKit(services, sampleKit({ installedAt: '2026-10-03T09:00:00Z' }));
    const reinstalled = await open(new SearchIndexStore(services.database, '1.0.0'));
    expect(reinstalled.stored, 'another install').to.equal(undefined);
    expectSearchesLike(reinstalled, contacts);
    // Stored again with the new kit: offered at the next open.
    const next = await open(new SearchIndexStore(services.database, '1.0.0'));
    expect(next.stored).to.not.equal(undefined);

    const upgraded = await open(new SearchIndexStore(services.database, '1.1.0'));
    expect(upgraded.stored, 'another release').to.equal(undefined);
    expectSearchesLike(upgraded, contacts);
  });

  it('updates the index in memory when the directory changes while it is shown', async () => {
    const services = createTestServices();
    const contacts = generateDirectory(200, 9);
    await putContacts(services, contacts);
    const store = new SearchIndexStore(services.database, '1.0.0');
    const shown = await open(store);

    const added = makeContact({ givenName: 'Zoé', familyName: 'Abadie', origin: 'local' });
    await services.directory.save(added);
    let offered = false;
    const reloaded = await loadDirectory(store, shown.directory, {
      onStored: () => (offered = true),
    });
    await reloaded.saved;
    expect(offered, 'the index in memory is current already').to.equal(false);
    expectSearchesLike(reloaded, [...contacts, added]);
    expect(ids(searchDirectory(reloaded.directory.index, 'zoe aba'))).to.deep.equal([added.id]);
    expect((await open(store)).stored, 'stored for the next open').to.not.equal(undefined);
  });

  it('opens an empty directory', async () => {
    const services = createTestServices();
    const store = new SearchIndexStore(services.database, '1.0.0');
    const first = await open(store);
    expect(first.directory.ids).to.deep.equal([]);
    const second = await open(store);
    expect(second.stored?.ids).to.deep.equal([]);
    expect(searchDirectory(second.directory.index, 'ma')).to.deep.equal([]);
  });
});

describe('search index codec', () => {
  afterEach(cleanUpTestServices);

  /** Encodes and decodes, as a store and a read do; the phone numbers come as a thunk. */
  async function roundTrip(ids: readonly string[], parts: DirectoryIndexParts) {
    const encoded = encodeIndex({ ids, parts });
    const decoded = decodeIndex(await encoded.index.arrayBuffer());
    const phones = decodePhones(await encoded.phones.arrayBuffer(), ids.length);
    return { ...decoded, phones };
  }

  it('gives back ids of any form and every part', async () => {
    const contacts = [
      makeContact({ id: '\uFEFFbom', givenName: 'Zoé', familyName: 'Œuf' }),
      makeContact({ id: 'line\nbreak', givenName: 'Ana', familyName: 'Ñúñez' }),
      makeContact({
        id: '日本-😀',
        givenName: 'Jean',
        familyName: 'Dupont',
        phones: [{ kind: 'mobile', number: '+33 6 12 34 56 78' }],
      }),
      makeContact({ id: '', givenName: 'Paul', familyName: 'Durand' }),
    ];
    const index = buildDirectoryIndex(contacts);
    const ids = index.contacts.map((contact) => contact.id);
    const parts = layoutParts(index.layout);
    const decoded = await roundTrip(ids, parts);
    expect(decoded.ids).to.deep.equal(ids);
    expect(decoded.parts.words).to.deep.equal(parts.words);
    expect(decoded.parts.phones, 'read apart').to.equal(undefined);
    for (const name of ['wordStart', 'wordRanks', 'contactStart'] as const) {
      expect(Array.from(decoded.parts[name]), name).to.deep.equal(Array.from(parts[name]));
    }
    const phones = decoded.phones();
    expect(phones.text).to.equal(index.layout.phones.text);
    expect(Array.from(phones.start)).to.deep.equal(Array.from(index.layout.phones.start));
  });

  it('keeps ranks beyond 16 bits', async () => {
    const count = 70_000;
    const contactStart = new Int32Array(count + 1);
    contactStart.fill(1, 4);
    contactStart.fill(2, count);
    const parts: DirectoryIndexParts = {
      words: ['a'],
      wordStart: Int32Array.of(0, 2),
      wordRanks: Int32Array.of(3, count - 1),
      contactStart,
      phones: {
        text: '|'.repeat(count - 1),
        start: Int32Array.from({ length: count + 1 }, (_, rank) => rank),
      },
    };
    const ids = Array.from({ length: count }, (_, rank) => `c${rank}`);
    const decoded = await roundTrip(ids, parts);
    expect(Array.from(decoded.parts.wordRanks)).to.deep.equal([3, count - 1]);
    expect(Array.from(decoded.parts.contactStart)).to.deep.equal(Array.from(contactStart));
    expect(decoded.ids[count - 1]).to.equal(`c${count - 1}`);
    expect(decoded.phones().start[count]).to.equal(count);
  });

  it('searches digits only once the phone numbers are read', async () => {
    const contacts = generateDirectory(200, 21);
    const index = buildDirectoryIndex(contacts);
    const ids = index.contacts.map((contact) => contact.id);
    const decoded = await roundTrip(ids, layoutParts(index.layout));
    const layout = restoreLayout(decoded.parts);
    expect(searchNeedsPhones('dupont')).to.equal(false);
    expect(searchNeedsPhones('06 12')).to.equal(true);
    expect(searchNeedsPhones('6')).to.equal(false);
    expect(layout.hasPhones).to.equal(false);
    expect(Array.from(searchDirectoryRanks(layout, 'ma'))).to.deep.equal(
      Array.from(searchDirectoryRanks(index.layout, 'ma')),
    );
    expect(() => searchDirectoryRanks(layout, '06 12')).to.throw();
    layout.attachPhones(decoded.phones);
    for (const query of ['06 12', 'ma 06', '0033 6']) {
      expect(Array.from(searchDirectoryRanks(layout, query)), query).to.deep.equal(
        Array.from(searchDirectoryRanks(index.layout, query)),
      );
    }
  });

  it('refuses an id UTF-8 cannot carry, and the directory still loads', async () => {
    const services = createTestServices();
    const broken = makeContact({ id: 'lone\uD800', givenName: 'Jean', familyName: 'Dupont' });
    await putContacts(services, [broken, ...generateDirectory(20, 3)]);
    expect(() =>
      encodeIndex({ ids: [broken.id], parts: layoutParts(buildDirectoryIndex([broken]).layout) }),
    ).to.throw();
    const store = new SearchIndexStore(services.database, '1.0.0');
    const first = await open(store);
    expect(ids(searchDirectory(first.directory.index, 'dupont'))).to.include(broken.id);
    expect((await open(store)).stored, 'nothing was stored').to.equal(undefined);
  });
});
