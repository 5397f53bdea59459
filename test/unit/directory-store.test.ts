import { expect } from '@open-wc/testing';
import { STORE } from '../../src/db/schema.js';
import type { Contact } from '../../src/domain/contact.js';
import { planImport } from '../../src/domain/contact-files/import-plan.js';
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

  it('applies an import plan: merges keep the local id, new contacts are added', async () => {
    const services = createTestServices();
    const local = contact({ emails: [], notes: '' });
    await services.directory.save(local);
    const imported = [
      contact({
        displayName: 'MARTIN Claire',
        emails: ['claire@example.org'],
        notes: 'Suppléante',
      }),
      contact({ givenName: 'Paul', familyName: 'Roux', displayName: 'Paul Roux', phones: [] }),
    ];
    const plan = planImport(imported, await services.directory.list());
    expect(plan.rows.map((row) => row.status)).to.deep.equal(['local-match', 'new']);
    const before = services.directory.revision.value;

    const counts = await services.directory.applyImport(plan);
    expect(counts).to.deep.equal({ added: 1, merged: 1, skipped: 0 });
    expect(services.directory.revision.value).to.equal(before + 1);
    const all = await services.directory.list();
    expect(all).to.have.length(2);
    const merged = all.find((c) => c.id === local.id)!;
    expect(merged.displayName).to.equal('Claire Martin');
    expect(merged.emails).to.deep.equal(['claire@example.org']);
    expect(merged.notes).to.equal('Suppléante');
    expect(all.find((c) => c.displayName === 'Paul Roux')?.origin).to.equal('local');
  });

  it('applies the choices: a local match skipped is left alone, one added apart is new', async () => {
    const services = createTestServices();
    const local = contact({ emails: [] });
    await services.directory.save(local);
    const plan = planImport(
      [contact({ emails: ['claire@example.org'] })],
      await services.directory.list(),
    );
    expect(await services.directory.applyImport(plan, new Map([[0, 'skip']]))).to.deep.equal({
      added: 0,
      merged: 0,
      skipped: 1,
    });
    expect((await services.directory.get(local.id))?.emails).to.deep.equal([]);
    expect(await services.directory.applyImport(plan, new Map([[0, 'add']]))).to.deep.equal({
      added: 1,
      merged: 0,
      skipped: 0,
    });
    const all = await services.directory.list();
    expect(all).to.have.length(2);
    expect(all.find((c) => c.id === local.id)?.emails).to.deep.equal([]);
  });

  it('never writes a copy of a signed contact, even one installed after the preview', async () => {
    const services = createTestServices();
    const db = await services.database.db();
    const signed = contact({
      origin: 'kit',
      displayName: 'Hélène Lefèvre',
      givenName: 'Hélène',
      familyName: 'Lefèvre',
    });
    const copy = {
      ...signed,
      id: crypto.randomUUID(),
      origin: 'local' as const,
      displayName: 'HELENE LEFEVRE',
      emails: ['x@example.org'],
    };

    // Planned on an empty directory, the copy is new; the kit arrives before the confirmation.
    const plan = planImport([copy], await services.directory.list());
    expect(plan.rows[0].status).to.equal('new');
    await db.put(STORE.contacts, signed);

    const counts = await services.directory.applyImport(plan);
    expect(counts).to.deep.equal({ added: 0, merged: 0, skipped: 1 });
    expect(await services.directory.list()).to.deep.equal([signed]);

    // Its id alone is enough, and nothing else of the file is lost for it.
    const byId = planImport(
      [
        { ...copy, id: signed.id, displayName: 'Madame le Maire' },
        contact({ displayName: 'Anne Roux', givenName: 'Anne', familyName: 'Roux', phones: [] }),
      ],
      await services.directory.list(),
    );
    expect(await services.directory.applyImport(byId)).to.deep.equal({
      added: 1,
      merged: 0,
      skipped: 1,
    });
    expect(await services.directory.get(signed.id)).to.deep.equal(signed);
  });

  it('leaves everything untouched when one write of an import fails', async () => {
    const services = createTestServices();
    const local = contact({ emails: [] });
    await services.directory.save(local);
    const saved = await services.directory.get(local.id);
    const broken = contact({
      id: undefined as unknown as string,
      displayName: 'Sans id',
      givenName: 'Sans',
      familyName: 'Id',
      phones: [],
    });
    const plan = planImport(
      [
        contact({ emails: ['claire@example.org'] }),
        contact({ displayName: 'Nouveau', givenName: 'Nouveau', familyName: '', phones: [] }),
        broken,
      ],
      await services.directory.list(),
    );
    expect(plan.rows.map((row) => row.status)).to.deep.equal(['local-match', 'new', 'new']);
    const before = services.directory.revision.value;
    let failed = false;
    await services.directory.applyImport(plan).catch(() => (failed = true));
    expect(failed).to.equal(true);
    expect(await services.directory.list()).to.deep.equal([saved]);
    expect(services.directory.revision.value).to.equal(before);
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
