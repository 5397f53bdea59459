import { expect } from '@open-wc/testing';
import { STORE } from '../../src/db/schema.js';
import {
  createBackup,
  parseBackup,
  restoreBackup,
  serializeBackup,
} from '../../src/features/settings/backup.js';
import type { Contact } from '../../src/domain/contact.js';
import { cleanUpTestServices, createTestServices } from './helpers.js';

const contact = (id: string, origin: Contact['origin'] = 'local'): Contact => ({
  id,
  givenName: 'Anaïs',
  familyName: 'Le Goff',
  displayName: `Anaïs Le Goff ${id}`,
  organisation: 'Mairie',
  service: 'DGS',
  jobTitle: '',
  roles: ['communication'],
  phones: [{ kind: 'mobile', number: '06 12 34 56 78' }],
  emails: [],
  notes: '',
  groups: [],
  cellMember: true,
  origin,
  updatedAt: '2026-11-01T00:00:00.000Z',
});

describe('backup and restore', () => {
  afterEach(cleanUpTestServices);

  async function deviceWithData() {
    const services = createTestServices();
    await services.directory.importContacts([contact('a'), contact('b')]);
    const db = await services.database.db();
    await db.put(STORE.contacts, contact('signed', 'kit'));
    await services.settings.saveProfile({ name: 'Claire', role: 'coordinateur' });
    const crisis = await services.log.openCrisis('Crise', 'Claire');
    await services.log.append({
      crisisId: crisis.id,
      author: 'Claire',
      kind: 'decision',
      text: 'Couper le Wi-Fi.',
    });
    return { services, crisis };
  }

  it('restores everything this device wrote onto an empty device, chain intact', async () => {
    const { services, crisis } = await deviceWithData();
    const text = serializeBackup(await createBackup(services.database));
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.backup.contacts.map((c) => c.id).sort()).to.deep.equal(['a', 'b']);

    const other = createTestServices();
    const report = await restoreBackup(other.database, parsed.backup);
    expect(report.conflicts).to.equal(0);
    expect(report.added).to.equal(2 + 1 + 2 + 0);
    const { entries, problems } = await other.log.openLog(crisis.id);
    expect(problems).to.deep.equal([]);
    expect(entries.map((e) => e.text)).to.deep.equal(['Crise', 'Couper le Wi-Fi.']);
    expect((await other.settings.loadProfile())?.name).to.equal('Claire');
    expect((await other.directory.list()).map((c) => c.id).sort()).to.deep.equal(['a', 'b']);
  });

  it('leaves what is already stored untouched, and counts conflicting entries', async () => {
    const { services } = await deviceWithData();
    const backup = await createBackup(services.database);
    const tampered = {
      ...backup,
      logEntries: backup.logEntries.map((entry, i) =>
        i === 0 ? { ...entry, text: 'autre' } : entry,
      ),
    };
    const before = await services.log.entries(backup.crises[0].id);
    const report = await restoreBackup(services.database, tampered);
    expect(report.added).to.equal(0);
    expect(report.conflicts).to.equal(1);
    expect(await services.log.entries(backup.crises[0].id)).to.deep.equal(before);
  });

  it('refuses a damaged or foreign file whole, and says why', () => {
    expect(parseBackup('not json')).to.deep.include({ ok: false });
    expect(parseBackup('{"format":"other"}')).to.deep.include({ ok: false });
    const damaged = parseBackup(
      JSON.stringify({
        format: 'tocsin-backup',
        version: 1,
        contacts: [{ id: 'x' }],
        crises: [],
        logEntries: [],
        ticks: [],
        settings: [],
      }),
    );
    expect(damaged.ok).to.equal(false);
    if (!damaged.ok) expect(damaged.error).to.match(/contacts record 1/);
    expect(damaged).to.deep.include({ refusal: 'damaged' });
    const newer = parseBackup(JSON.stringify({ format: 'tocsin-backup', version: 2 }));
    if (!newer.ok) expect(newer.error).to.match(/newer/);
    expect(newer).to.deep.include({ ok: false, refusal: 'newer' });
    expect(parseBackup('not json')).to.deep.include({ refusal: 'not-backup' });
  });

  it('never carries the signed kit’s contacts or the device id', async () => {
    const { services } = await deviceWithData();
    const backup = await createBackup(services.database);
    expect(backup.contacts.some((c) => c.id === 'signed')).to.equal(false);
    expect(backup.settings.map((s) => s.key)).to.not.include('device-id');
  });
});
