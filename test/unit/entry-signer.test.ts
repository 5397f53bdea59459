// Who an entry is shown as written by, and how the exports carry it: the verified signer from the
// signed directory, never the free-text author in its place.
import { expect } from '@open-wc/testing';
import { setLocale } from '../../src/app/i18n/i18n.js';
import { sealEntry, verifyChains } from '../../src/domain/log-chain.js';
import { entryDevice, entrySigner, formatSigner } from '../../src/features/log/entry-signer.js';
import { logToCsv, logToJson } from '../../src/features/log/log-format.js';
import type { Crisis, LogEntry } from '../../src/domain/log.js';
import { signedMembers } from '../../src/domain/signed-members.js';
import { makeContact } from '../fixtures/directory.js';

const DEVICE = '8c1e2f40-7d5b-4a8e-9f11-2b3c4d5e6f70';

/** Hélène Lefèvre and Zoé Ménard, members of the signed directory; Paul, a local contact. */
const MEMBERS = signedMembers([
  makeContact({
    givenName: 'Hélène',
    familyName: 'Lefèvre',
    origin: 'kit',
    member: { id: 'helene-lefevre', publicKey: 'not-a-real-key' },
  }),
  makeContact({
    givenName: 'Zoé',
    familyName: 'Ménard',
    origin: 'kit',
    member: { id: 'zoe-menard', publicKey: 'not-a-real-key' },
  }),
  // Added on this device: not signed, so it names no one.
  makeContact({
    givenName: 'Paul',
    familyName: 'Durand',
    member: { id: 'paul', publicKey: 'not-a-real-key' },
  }),
]);

const CRISIS: Crisis = {
  id: 'crisis-1',
  name: 'Rançongiciel',
  startedAt: '2026-11-26T08:00:00.000Z',
  openedAt: '2026-11-26T08:01:00.000Z',
};

async function entry(deviceId: string, author: string, seq = 1): Promise<LogEntry> {
  return sealEntry({
    id: `${CRISIS.id}:${deviceId}:${seq}`,
    crisisId: CRISIS.id,
    deviceId,
    seq,
    occurredAt: '2026-11-26T09:14:03.120Z',
    recordedAt: '2026-11-26T09:14:05.000Z',
    author,
    kind: 'decision',
    priority: 'normal',
    text: 'Coupure de l’accès internet',
    refs: { checklistItemIds: [], contactIds: [] },
    prevHash: '',
  });
}

/** The CSV's rows as arrays of cells (none of these cells is quoted). */
function csvRows(csv: string): string[][] {
  return csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => line.split(','));
}

describe('who an entry is shown as written by', () => {
  afterEach(() => setLocale('en'));

  it('names the verified signer from the signed directory, not the typed author', () => {
    const signer = entrySigner(
      { deviceId: `helene-lefevre@${DEVICE}`, author: ' hélène  LEFÈVRE ' },
      MEMBERS,
    );
    expect(signer).to.deep.equal({
      signerId: 'helene-lefevre',
      signerName: 'Hélène Lefèvre',
      device: '8c1e2f40',
      unsigned: false,
    });
    expect(formatSigner(signer)).to.equal('Hélène Lefèvre');
  });

  it('shows a typed author that differs as whom the entry was written for, never instead', () => {
    // Zoé typed the mayor's name: the line still says Zoé wrote it.
    const forMayor = entrySigner({ deviceId: `zoe-menard@${DEVICE}`, author: 'le maire' }, MEMBERS);
    expect(forMayor.signerName).to.equal('Zoé Ménard');
    expect(forMayor.writtenFor).to.equal('le maire');
    expect(formatSigner(forMayor)).to.equal('Zoé Ménard for le maire');
    // Typing another member's name does not make the entry theirs.
    const lying = entrySigner(
      { deviceId: `zoe-menard@${DEVICE}`, author: 'Hélène Lefèvre' },
      MEMBERS,
    );
    expect(formatSigner(lying)).to.equal('Zoé Ménard for Hélène Lefèvre');
    setLocale('fr');
    expect(formatSigner(forMayor)).to.equal('Zoé Ménard pour le maire');
  });

  it('shows a member the directory does not know by the bare id', () => {
    // A local contact with the same id signs nothing: only the kit's directory names members.
    const signer = entrySigner({ deviceId: `paul@${DEVICE}`, author: 'Paul Durand' }, MEMBERS);
    expect(signer.signerId).to.equal('paul');
    expect(signer.signerName).to.equal('paul');
    expect(formatSigner(signer)).to.equal('paul for Paul Durand');
    expect(formatSigner(entrySigner({ deviceId: `paul@${DEVICE}`, author: '' }, MEMBERS))).to.equal(
      'paul',
    );
  });

  it('says an entry written before enrollment is this device’s and not signed', () => {
    const signer = entrySigner({ deviceId: DEVICE, author: 'Claire' }, MEMBERS);
    expect(signer).to.deep.equal({ device: '8c1e2f40', writtenFor: 'Claire', unsigned: true });
    expect(formatSigner(signer)).to.equal('Claire (this device, not signed)');
    // Whatever name it was typed under, a directory member's included, it names no signer.
    const typedAsMember = entrySigner({ deviceId: DEVICE, author: 'Hélène Lefèvre' }, MEMBERS);
    expect(typedAsMember.signerId).to.equal(undefined);
    expect(formatSigner(typedAsMember)).to.equal('Hélène Lefèvre (this device, not signed)');
    expect(formatSigner(entrySigner({ deviceId: DEVICE, author: ' ' }, MEMBERS))).to.equal(
      'no name (this device, not signed)',
    );
    setLocale('fr');
    expect(formatSigner(signer)).to.equal('Claire (cet appareil, non signé)');
    expect(formatSigner(entrySigner({ deviceId: DEVICE, author: '' }, MEMBERS))).to.equal(
      'sans nom (cet appareil, non signé)',
    );
  });

  it('keeps only the device part of a member’s chain id', () => {
    expect(entryDevice(`zoe-menard@${DEVICE}`)).to.equal(DEVICE);
    expect(entryDevice(DEVICE)).to.equal(DEVICE);
    // Not a member namespace: "@" first or last.
    expect(entrySigner({ deviceId: '@abc', author: 'x' }, MEMBERS).unsigned).to.equal(true);
    expect(entrySigner({ deviceId: 'abc@', author: 'x' }, MEMBERS).unsigned).to.equal(true);
  });
});

describe('the main courante exports', () => {
  it('CSV: keeps the typed author and adds the verified signer, their name and the device', async () => {
    const signed = await entry(`zoe-menard@${DEVICE}`, 'le maire');
    const unsigned = await entry(DEVICE, 'Claire');
    const [header, zoe, claire] = csvRows(logToCsv([signed, unsigned], MEMBERS));
    expect(header).to.deep.equal([
      'datetime',
      'message',
      'timestamp_desc',
      'author',
      'priority',
      'recorded_at',
      'corrects',
      'checklist_items',
      'device',
      'seq',
      'hash',
      'signer_id',
      'signer_name',
      'signer_device',
    ]);
    const cell = (row: string[], column: string) => row[header.indexOf(column)];
    expect(cell(zoe, 'author')).to.equal('le maire');
    expect(cell(zoe, 'signer_id')).to.equal('zoe-menard');
    expect(cell(zoe, 'signer_name')).to.equal('Zoé Ménard');
    expect(cell(zoe, 'signer_device')).to.equal(DEVICE);
    expect(cell(zoe, 'device')).to.equal(`zoe-menard@${DEVICE}`);
    expect(cell(zoe, 'hash')).to.equal(signed.hash);
    // Written before enrollment: no one signed it.
    expect(cell(claire, 'author')).to.equal('Claire');
    expect(cell(claire, 'signer_id')).to.equal('');
    expect(cell(claire, 'signer_name')).to.equal('');
    expect(cell(claire, 'signer_device')).to.equal(DEVICE);
  });

  it('CSV: a signer’s name that a spreadsheet would run is kept as text', async () => {
    const members = signedMembers([
      makeContact({
        givenName: '=HYPERLINK("x")',
        origin: 'kit',
        member: { id: 'mallory', publicKey: 'not-a-real-key' },
      }),
    ]);
    const csv = logToCsv([await entry(`mallory@${DEVICE}`, 'x')], members);
    expect(csv).to.include(`"'=HYPERLINK(""x"")"`);
  });

  it('JSON: every entry as stored, with its verified signer beside the typed author', async () => {
    const signed = await entry(`zoe-menard@${DEVICE}`, 'le maire');
    const unsigned = await entry(DEVICE, 'Claire');
    const exportedAt = new Date('2026-11-26T12:00:00.000Z');
    const data = JSON.parse(logToJson(CRISIS, [signed, unsigned], MEMBERS, exportedAt)) as {
      format: string;
      version: number;
      exportedAt: string;
      crisis: Crisis;
      entries: Record<string, unknown>[];
    };
    expect(data.format).to.equal('tocsin-log');
    expect(data.version).to.equal(1);
    expect(data.exportedAt).to.equal('2026-11-26T12:00:00.000Z');
    expect(data.crisis).to.deep.equal(CRISIS);
    expect(data.entries[0]).to.deep.equal({
      ...signed,
      signerId: 'zoe-menard',
      signerName: 'Zoé Ménard',
      signerDevice: DEVICE,
    });
    expect(data.entries[1]).to.deep.equal({ ...unsigned, signerDevice: DEVICE });
    // The added fields are outside the hashed ones: an exported chain verifies as it is.
    expect(await verifyChains([data.entries[0] as unknown as LogEntry])).to.deep.equal([]);
  });
});
