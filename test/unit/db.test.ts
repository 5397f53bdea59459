import { expect } from '@open-wc/testing';
import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import { DatabaseService } from '../../src/app/database-service.js';
import { MIGRATIONS, type Migration } from '../../src/db/migrations.js';
import { openTocsinDB, type DatabaseInterruption } from '../../src/db/open.js';
import { CURRENT_KIT_KEY, SEARCH_INDEX_KEY, STORE, type TocsinDB } from '../../src/db/schema.js';
import { makeContact } from '../fixtures/directory.js';
import { sampleKit, waitFor } from './helpers.js';

let counter = 0;
const uniqueName = () => `tocsin-db-test-${Date.now()}-${counter++}`;

describe('database', () => {
  const names: string[] = [];
  const connections: IDBPDatabase<TocsinDB>[] = [];
  afterEach(async () => {
    for (const db of connections.splice(0)) db.close();
    for (const name of names.splice(0)) await deleteDB(name);
  });

  async function open(
    name: string,
    migrations: readonly Migration[] = MIGRATIONS,
    onInterruption?: (r: DatabaseInterruption) => void,
  ) {
    const db = await openTocsinDB({ name, migrations, onInterruption });
    connections.push(db);
    return db;
  }

  it('creates every store of the current schema', async () => {
    const name = uniqueName();
    names.push(name);
    const db = await open(name);
    expect(db.version).to.equal(MIGRATIONS.length);
    expect([...db.objectStoreNames].sort()).to.deep.equal(Object.values(STORE).sort());
  });

  it('upgrades a database filled at version 1 and finds every record intact', async () => {
    const name = uniqueName();
    names.push(name);
    const v1 = await open(name, MIGRATIONS.slice(0, 1));
    await v1.put(STORE.kit, sampleKit(), CURRENT_KIT_KEY);
    await v1.put(STORE.settings, { key: 'locale', value: 'fr' });
    await v1.put(STORE.settings, { key: 'device-id', value: 'device-1' });
    v1.close();

    const current = await open(name);
    expect(current.version).to.equal(MIGRATIONS.length);
    expect(await current.get(STORE.kit, CURRENT_KIT_KEY)).to.deep.equal(sampleKit());
    expect(await current.getAll(STORE.settings)).to.deep.equal([
      { key: 'device-id', value: 'device-1' },
      { key: 'locale', value: 'fr' },
    ]);
    expect([...current.objectStoreNames].sort()).to.deep.equal(Object.values(STORE).sort());
    expect(await current.count(STORE.logEntries)).to.equal(0);
  });

  it('adds the search index stores at version 5, keeping the directory', async () => {
    const name = uniqueName();
    names.push(name);
    const v4 = await open(name, MIGRATIONS.slice(0, 4));
    const contact = makeContact({ givenName: 'Claire', familyName: 'Martin', origin: 'kit' });
    await v4.put(STORE.contacts, contact);
    expect([...v4.objectStoreNames]).to.not.include(STORE.searchIndex);
    v4.close();

    const v5 = await open(name, MIGRATIONS.slice(0, 5));
    expect(await v5.getAll(STORE.contacts)).to.deep.equal([contact]);
    expect(await v5.count(STORE.searchIndex)).to.equal(0);
    expect(await v5.count(STORE.searchSignatures)).to.equal(0);
    // Out-of-line keys: one record each, under SEARCH_INDEX_KEY, holding a Blob.
    await v5.put(
      STORE.searchSignatures,
      { format: 'f', data: new Blob(['["a"]']) },
      SEARCH_INDEX_KEY,
    );
    const stored = await v5.get(STORE.searchSignatures, SEARCH_INDEX_KEY);
    expect(stored?.format).to.equal('f');
    expect(await stored?.data.text()).to.equal('["a"]');
  });

  it('keeps every record when a later version adds to the schema', async () => {
    const name = uniqueName();
    names.push(name);
    const v1 = await open(name);
    await v1.put(STORE.kit, sampleKit(), CURRENT_KIT_KEY);
    await v1.put(STORE.settings, { key: 'locale', value: 'fr' });
    v1.close();

    const addStore: Migration = (db) => {
      (db as unknown as IDBPDatabase).createObjectStore('later');
    };
    const v2 = await open(name, [...MIGRATIONS, addStore]);
    expect(v2.version).to.equal(MIGRATIONS.length + 1);
    expect(await v2.get(STORE.kit, CURRENT_KIT_KEY)).to.deep.equal(sampleKit());
    expect(await v2.get(STORE.settings, 'locale')).to.deep.equal({ key: 'locale', value: 'fr' });
  });

  it('leaves the database untouched when a migration fails', async () => {
    const name = uniqueName();
    names.push(name);
    const v1 = await open(name);
    await v1.put(STORE.settings, { key: 'locale', value: 'en' });
    v1.close();
    const broken: Migration = () => {
      throw new Error('migration bug');
    };
    let failure: unknown;
    try {
      await open(name, [...MIGRATIONS, broken]);
    } catch (error) {
      failure = error;
    }
    expect(failure).to.be.instanceOf(Error);
    const again = await open(name);
    expect(again.version).to.equal(MIGRATIONS.length);
    expect(await again.get(STORE.settings, 'locale')).to.deep.equal({ key: 'locale', value: 'en' });
  });

  it('closes its connection when a newer tab upgrades, and says the tab must reload', async () => {
    const name = uniqueName();
    names.push(name);
    const interruptions: DatabaseInterruption[] = [];
    await open(name, MIGRATIONS, (reason) => interruptions.push(reason));
    const newer = await openDB(name, MIGRATIONS.length + 1);
    newer.close();
    expect(interruptions).to.deep.equal(['blocking']);
  });

  it('tells the user when an older tab blocks the upgrade, then opens once it is gone', async () => {
    const name = uniqueName();
    names.push(name);
    // An old tab that never closes on versionchange (the behaviour of a release before this one).
    const stubborn = await openDB(name, MIGRATIONS.length, {
      upgrade: (db) => {
        db.createObjectStore(STORE.settings, { keyPath: 'key' });
        db.createObjectStore(STORE.kit);
      },
    });
    const interruptions: DatabaseInterruption[] = [];
    const opening = open(name, [...MIGRATIONS, () => undefined], (reason) =>
      interruptions.push(reason),
    );
    await waitFor(() => interruptions.includes('blocked'), 'the blocked notice');
    stubborn.close();
    const db = await opening;
    expect(db.version).to.equal(MIGRATIONS.length + 1);
  });

  it('reports a blocking upgrade through the app service so the shell can show it', async () => {
    const name = uniqueName();
    names.push(name);
    const service = new DatabaseService(name);
    await service.db();
    const newer = await openDB(name, MIGRATIONS.length + 1);
    newer.close();
    expect(service.problem.value).to.deep.equal({ kind: 'blocking' });
    let refused = false;
    await service.db().catch(() => (refused = true));
    expect(refused).to.equal(true);
  });
});
