import { expect } from '@open-wc/testing';
import { STORE } from '../../src/db/schema.js';
import { verifyChains } from '../../src/domain/log-chain.js';
import { ENTRY_KINDS, type LogEntry } from '../../src/domain/log.js';
import { LOG_FIXTURE_CRISIS_NAME, LOG_FIXTURE_START, generateLogEntries } from '../fixtures/log.js';
import { cleanUpTestServices, createTestServices } from './helpers.js';

const CRISIS = 'crisis-fixture';
const DAY_MS = 24 * 60 * 60 * 1000;

describe('fixtures: generateLogEntries', () => {
  let log: LogEntry[];

  before(async () => {
    log = await generateLogEntries(2000, { crisisId: CRISIS, seed: 3 });
  });

  afterEach(cleanUpTestServices);

  it('seals 2,000 entries into chains that verify with no problem', async () => {
    expect(log).to.have.length(2000);
    expect(await verifyChains(log)).to.deep.equal([]);
    // Tampering with one entry is caught: the chains are real, not merely consistent-looking.
    const altered = log.map((entry, i) => (i === 500 ? { ...entry, text: 'modifié' } : entry));
    expect((await verifyChains(altered)).map((problem) => problem.kind)).to.deep.equal(['altered']);
  });

  it('is deterministic: same seed, same entries; another seed, other entries', async () => {
    expect(await generateLogEntries(2000, { crisisId: CRISIS, seed: 3 })).to.deep.equal(log);
    const other = await generateLogEntries(2000, { crisisId: CRISIS, seed: 4 });
    expect(other.map((entry) => entry.hash)).not.to.deep.equal(log.map((entry) => entry.hash));
  });

  it('looks like a crisis logged over days by a few devices', () => {
    expect(new Set(log.map((entry) => entry.id)).size).to.equal(2000);
    expect(log.every((entry) => entry.crisisId === CRISIS)).to.be.true;
    expect(log[0]).to.include({ kind: 'note', text: LOG_FIXTURE_CRISIS_NAME, seq: 1 });
    expect(log[0].occurredAt).to.equal(LOG_FIXTURE_START);

    const devices = new Map<string, number>();
    for (const entry of log) devices.set(entry.deviceId, (devices.get(entry.deviceId) ?? 0) + 1);
    expect(devices.size).to.equal(3);
    expect(devices.get(log[0].deviceId)).to.be.within(1000, 1400);

    const times = log.map((entry) => Date.parse(entry.occurredAt));
    expect(times.every((time, i) => i === 0 || time > times[i - 1])).to.be.true;
    expect(times[times.length - 1] - times[0]).to.be.above(DAY_MS);
    expect(log.every((entry) => entry.recordedAt >= entry.occurredAt)).to.be.true;

    expect(new Set(log.map((entry) => entry.kind)).size).to.equal(ENTRY_KINDS.length);
    expect(log.some((entry) => entry.priority === 'high')).to.be.true;
    expect(log.some((entry) => entry.refs.checklistItemIds.length > 0)).to.be.true;
    expect(log.some((entry) => entry.refs.contactIds.length > 0)).to.be.true;
    expect(log.some((entry) => /[éèàçô’]/.test(entry.text))).to.be.true;

    const ids = new Map(log.map((entry, i) => [entry.id, i]));
    const corrections = log.filter((entry) => entry.corrects !== undefined);
    expect(corrections.length).to.be.within(5, 40);
    for (const [i, entry] of log.entries()) {
      if (entry.corrects === undefined) continue;
      // A correction names an earlier entry of the same kind.
      const target = ids.get(entry.corrects) as number;
      expect(target).to.be.below(i);
      expect(log[target].kind).to.equal(entry.kind);
    }
  });

  it('takes the device ids it is given, so LogStore can extend the seeded chain', async () => {
    const deviceIds = ['device-a', 'device-b'];
    const entries = await generateLogEntries(300, { crisisId: CRISIS, seed: 9, deviceIds });
    expect(new Set(entries.map((entry) => entry.deviceId))).to.deep.equal(new Set(deviceIds));

    const services = createTestServices();
    const db = await services.database.db();
    const tx = db.transaction([STORE.logEntries, STORE.settings], 'readwrite');
    for (const entry of entries) void tx.objectStore(STORE.logEntries).add(entry);
    void tx.objectStore(STORE.settings).put({ key: 'device-id', value: 'device-a' });
    await tx.done;

    const head = entries.filter((entry) => entry.deviceId === 'device-a').at(-1) as LogEntry;
    const appended = await services.log.append({
      crisisId: CRISIS,
      author: 'Claire Martin',
      kind: 'fact',
      text: 'Messagerie rétablie.',
    });
    expect(appended.seq).to.equal(head.seq + 1);
    expect(appended.prevHash).to.equal(head.hash);
    const opened = await services.log.openLog(CRISIS);
    expect(opened.entries).to.have.length(301);
    expect(opened.problems).to.deep.equal([]);
  });
});
