import { expect } from '@open-wc/testing';
import { CURRENT_KIT_KEY, STORE } from '../../src/db/schema.js';
import { emptyContact } from '../../src/domain/contact.js';
import { kitRefusal, makeOrganisation, makeTestKit } from '../fixtures/kit.js';
import { cleanUpTestServices, createTestServices } from './helpers.js';

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
    expect(await kitRefusal(services.crisisKit.prepare(v1.file, v1.kitKey))).to.equal(
      'older-version',
    );
    const twin = await makeTestKit({ version: 2, roomSeed: 99 });
    expect(await kitRefusal(services.crisisKit.prepare(twin.file, twin.kitKey))).to.equal(
      'equivocation',
    );
    const again = await kitRefusal(services.crisisKit.prepare(v2.file, v2.kitKey));
    expect(again).to.equal('already-installed');
    const other = await makeTestKit({
      version: 3,
      organisation: await makeOrganisation('Mairie voisine', 2),
    });
    expect(await kitRefusal(services.crisisKit.prepare(other.file, other.kitKey))).to.equal(
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

  it('repairs altered data by installing the same kit again, judged by the stored kit file', async () => {
    const services = createTestServices();
    const kit = await makeTestKit({ version: 2, contacts: 8 });
    await services.crisisKit.install(await services.crisisKit.prepare(kit.file, kit.kitKey));
    const db = await services.database.db();
    const [contact] = await services.directory.list();
    await db.put(STORE.contacts, {
      ...contact!,
      phones: [{ kind: 'mobile', number: '0899 000 000' }],
    });
    const summary = await db.get(STORE.kit, CURRENT_KIT_KEY);
    // Whoever altered the data also raised the version, so that genuine kits look older.
    await db.put(STORE.kit, { ...summary!, version: 999 }, CURRENT_KIT_KEY);

    const repair = await services.crisisKit.prepare(kit.file, kit.kitKey);
    expect(repair.repair).to.equal(true);
    expect(repair.installed?.version).to.equal(2);
    await services.crisisKit.install(repair);
    const { checkInstalledKit } = await import('../../src/features/kit/kit-integrity.js');
    expect((await checkInstalledKit(services.database)).state).to.equal('verified');

    const older = await makeTestKit({ version: 1 });
    expect(await kitRefusal(services.crisisKit.prepare(older.file, older.kitKey))).to.equal(
      'older-version',
    );
  });

  it('trusts nothing stored once the kit file itself is altered: enrollment starts afresh', async () => {
    const services = createTestServices();
    const kit = await makeTestKit({ version: 2 });
    await services.crisisKit.install(await services.crisisKit.prepare(kit.file, kit.kitKey));
    const db = await services.database.db();
    const vault = await db.get(STORE.kitVault, CURRENT_KIT_KEY);
    const file = vault!.file.slice();
    file[file.length - 1]! ^= 1;
    await db.put(STORE.kitVault, { ...vault!, file }, CURRENT_KIT_KEY);

    const again = await services.crisisKit.prepare(kit.file, kit.kitKey);
    expect(again.installed).to.equal(undefined);
    expect(again.repair).to.equal(false);
    await services.crisisKit.install(again);
    const { checkInstalledKit } = await import('../../src/features/kit/kit-integrity.js');
    expect((await checkInstalledKit(services.database)).state).to.equal('verified');
  });
});
