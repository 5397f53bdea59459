import { expect } from '@open-wc/testing';
import { CURRENT_KIT_KEY, STORE } from '../../src/db/schema.js';
import { emptyContact } from '../../src/features/directory/contact.js';
import { isKitError, type KitRefusal } from '../../src/features/kit/format/kit-error.js';
import { makeOrganisation, makeTestKit } from '../fixtures/kit.js';
import { cleanUpTestServices, createTestServices } from './helpers.js';

async function refusal(promise: Promise<unknown>): Promise<KitRefusal> {
  try {
    await promise;
  } catch (error) {
    if (isKitError(error)) return error.code;
    throw error;
  }
  throw new Error('The kit was accepted.');
}

describe('kit installer', () => {
  afterEach(cleanUpTestServices);

  it('installs a kit: contacts, playbook, summary, sealed file with non-extractable keys', async () => {
    const services = createTestServices();
    const kit = await makeTestKit({ contacts: 30 });
    const prepared = await services.crisisKit.prepare(kit.file, kit.kitKey);
    expect(prepared.installed).to.equal(undefined);
    const summary = await services.crisisKit.install(prepared);
    expect(summary.organisation.fingerprint).to.equal(kit.organisation.fingerprint);
    expect(summary.counts.contacts).to.equal(30);

    const contacts = await services.directory.list();
    expect(contacts).to.have.length(30);
    expect(contacts.every((contact) => contact.origin === 'kit')).to.equal(true);
    const { playbook, origin } = await services.playbooks.active();
    expect(origin).to.equal('kit');
    expect(playbook.id).to.equal(kit.content.playbook.id);

    const db = await services.database.db();
    const vault = await db.get(STORE.kitVault, CURRENT_KIT_KEY);
    expect(vault?.kitKey.extractable).to.equal(false);
    expect(vault?.roomKey.extractable).to.equal(false);
    const integrity = await services.crisisKit.verify();
    expect(integrity.state).to.equal('verified');
  });

  it('keeps local contacts and refuses older, equivocating and foreign kits', async () => {
    const services = createTestServices();
    const local = emptyContact({ displayName: 'Ajout local', givenName: 'Ajout' });
    await services.directory.save(local);
    const v2 = await makeTestKit({ version: 2 });
    await services.crisisKit.install(await services.crisisKit.prepare(v2.file, v2.kitKey));

    const v1 = await makeTestKit({ version: 1 });
    expect(await refusal(services.crisisKit.prepare(v1.file, v1.kitKey))).to.equal('older-version');
    const twin = await makeTestKit({ version: 2, roomSeed: 99 });
    expect(await refusal(services.crisisKit.prepare(twin.file, twin.kitKey))).to.equal(
      'equivocation',
    );
    const again = await refusal(services.crisisKit.prepare(v2.file, v2.kitKey));
    expect(again).to.equal('already-installed');
    const other = await makeTestKit({
      version: 3,
      organisation: await makeOrganisation('Mairie voisine', 2),
    });
    expect(await refusal(services.crisisKit.prepare(other.file, other.kitKey))).to.equal(
      'other-organisation',
    );

    const v3 = await makeTestKit({ version: 3, contacts: 5 });
    await services.crisisKit.install(await services.crisisKit.prepare(v3.file, v3.kitKey));
    const contacts = await services.directory.list();
    expect(contacts.filter((contact) => contact.origin === 'kit')).to.have.length(5);
    expect(contacts.find((contact) => contact.id === local.id)?.displayName).to.equal(
      'Ajout local',
    );
  });
});
