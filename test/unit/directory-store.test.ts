import { expect } from '@open-wc/testing';
import { STORE } from '../../src/db/schema.js';
import type { Contact } from '../../src/domain/contact.js';
import { cleanUpTestServices, createTestServices } from './helpers.js';

function contact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: crypto.randomUUID(),
    givenName: 'Claire',
    familyName: 'Martin',
    displayName: 'Claire Martin',
    organisation: 'Mairie de Saint-Martin',
    service: 'DGS',
    jobTitle: 'Directrice générale des services',
    roles: ['coordinateur'],
    phones: [{ kind: 'mobile', number: '06 12 34 56 78' }],
    emails: ['claire.martin@saint-martin.example'],
    notes: '',
    groups: [],
    cellMember: true,
    origin: 'local',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('directory store', () => {
  afterEach(cleanUpTestServices);

  it('imports contacts in one go and lists them', async () => {
    const services = createTestServices();
    const result = await services.directory.importContacts([
      contact(),
      contact({ givenName: 'Paul' }),
    ]);
    expect(result).to.deep.equal({ added: 2, replaced: 0 });
    expect(await services.directory.list()).to.have.length(2);
  });

  it('imports nothing when one record cannot be stored', async () => {
    const services = createTestServices();
    await services.directory.importContacts([contact({ displayName: 'Déjà là' })]);
    const broken = contact({ id: undefined as unknown as string });
    let failed = false;
    await services.directory
      .importContacts([contact({ displayName: 'Nouveau' }), broken])
      .catch(() => (failed = true));
    expect(failed).to.equal(true);
    const names = (await services.directory.list()).map((c) => c.displayName);
    expect(names).to.deep.equal(['Déjà là']);
  });

  it('never lets a local import or edit change a contact of the signed kit', async () => {
    const services = createTestServices();
    const signed = contact({ origin: 'kit', displayName: 'Maire' });
    const db = await services.database.db();
    await db.put(STORE.contacts, signed);

    await services.directory.importContacts([
      { ...signed, origin: 'local', displayName: 'Pirate' },
    ]);
    const all = await services.directory.list();
    expect(all.find((c) => c.id === signed.id)?.displayName).to.equal('Maire');
    expect(all.find((c) => c.displayName === 'Pirate')?.origin).to.equal('local');

    let refused = 0;
    await services.directory.save({ ...signed, displayName: 'Changé' }).catch(() => refused++);
    await services.directory
      .save({ ...signed, origin: 'local', displayName: 'Changé' })
      .catch(() => refused++);
    await services.directory.remove(signed.id).catch(() => refused++);
    expect(refused).to.equal(3);
    expect((await services.directory.get(signed.id))?.displayName).to.equal('Maire');
  });

  it('edits and deletes local contacts', async () => {
    const services = createTestServices();
    const local = contact();
    await services.directory.save(local);
    await services.directory.save({ ...local, notes: 'Suppléante : Paul' });
    expect((await services.directory.get(local.id))?.notes).to.equal('Suppléante : Paul');
    const before = services.directory.revision.value;
    await services.directory.remove(local.id);
    expect(await services.directory.get(local.id)).to.equal(undefined);
    expect(services.directory.revision.value).to.equal(before + 1);
  });
});
