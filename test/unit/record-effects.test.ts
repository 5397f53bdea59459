// What an accepted record does to the log's stores, applied straight in a merge transaction on a
// scratch database: no signature or chain of records here (the merge's checks are tested in
// sync.test.ts and sync-hostile.test.ts), only the rules that make every device hold the same log.
import { expect } from '@open-wc/testing';
import type { AppServices } from '../../src/app/services.js';
import { STORE } from '../../src/db/schema.js';
import { sealEntry } from '../../src/domain/log-chain.js';
import type { Crisis, LogEntry } from '../../src/domain/log.js';
import { entryId } from '../../src/domain/log-writer.js';
import type { ChecklistTick } from '../../src/domain/playbook.js';
import type { RecordBody, RollCallAnswer } from '../../src/domain/records.js';
import { MERGE_STORES } from '../../src/features/sync/merge-transaction.js';
import { applyRecordBody, type EntryHead } from '../../src/features/sync/record-effects.js';
import { cleanUpTestServices, createTestServices } from './helpers.js';

const NOW = '2030-06-01T10:00:00.000Z';
/** Five minutes ahead of NOW, as the merge computes it from the clock tolerance. */
const TRUSTED_AFTER = '2030-06-01T10:05:00.000Z';
const FUTURE = '2100-01-01T00:00:00.000Z';

/**
 * Applies bodies in one merge transaction, in order, as one batch does, and says for each why it
 * was refused (undefined when applied).
 */
async function apply(
  services: AppServices,
  bodies: readonly RecordBody[],
): Promise<(string | undefined)[]> {
  const db = await services.database.db();
  const tx = db.transaction([...MERGE_STORES], 'readwrite');
  const entryHeads = new Map<string, EntryHead>();
  const said: (string | undefined)[] = [];
  for (const body of bodies) said.push(await applyRecordBody(tx, body, entryHeads, TRUSTED_AFTER));
  await tx.done;
  return said;
}

const tick = (by: string, at: string, done: boolean): RecordBody => ({
  type: 'tick',
  tick: { crisisId: 'crise-1', itemId: 'i1', by, at, done },
});

const answer = (status: RollCallAnswer['status'], at: string): RecordBody => ({
  type: 'answer',
  answer: { rollCallId: 'appel-1', member: 'bruno', status, at },
});

async function heldTick(services: AppServices): Promise<ChecklistTick | undefined> {
  return (await services.database.db()).get(STORE.ticks, ['crise-1', 'i1']);
}

async function heldAnswer(services: AppServices): Promise<RollCallAnswer | undefined> {
  return (await services.database.db()).get(STORE.rollCallAnswers, ['appel-1', 'bruno']);
}

function entry(seq: number, prevHash: string, text: string): Promise<LogEntry> {
  return sealEntry({
    id: entryId('crise-1', 'alice@d1', seq),
    crisisId: 'crise-1',
    deviceId: 'alice@d1',
    seq,
    occurredAt: NOW,
    recordedAt: NOW,
    author: 'Alice',
    kind: 'fact',
    priority: 'normal',
    text,
    refs: { checklistItemIds: [], contactIds: [] },
    prevHash,
  });
}

describe('the effects of a merged record', () => {
  afterEach(cleanUpTestServices);

  it('keeps the crisis first held: a later record cannot rename it', async () => {
    const services = createTestServices();
    const crisis: Crisis = { id: 'crise-1', name: 'Inondation', startedAt: NOW, openedAt: NOW };
    const said = await apply(services, [
      { type: 'crisis', crisis },
      { type: 'crisis', crisis: { ...crisis, name: 'Autre chose' } },
    ]);
    expect(said).to.deep.equal([undefined, undefined]);
    const held = await (await services.database.db()).get(STORE.crises, 'crise-1');
    expect(held?.name).to.equal('Inondation');
  });

  it('keeps the latest tick, whatever order the ticks arrive in', async () => {
    for (const order of [
      [tick('alice', NOW, true), tick('bruno', '2030-06-01T10:01:00.000Z', false)],
      [tick('bruno', '2030-06-01T10:01:00.000Z', false), tick('alice', NOW, true)],
    ]) {
      const services = createTestServices();
      await apply(services, order);
      expect(await heldTick(services)).to.include({ by: 'bruno', done: false });
    }
  });

  it('breaks a tie between ticks of the same instant the same way on every device', async () => {
    for (const order of [
      [tick('alice', NOW, true), tick('bruno', NOW, false)],
      [tick('bruno', NOW, false), tick('alice', NOW, true)],
    ]) {
      const services = createTestServices();
      await apply(services, order);
      // The greater member id wins, whatever the tick says.
      expect(await heldTick(services)).to.include({ by: 'bruno', done: false });
    }
    for (const order of [
      [tick('alice', NOW, false), tick('alice', NOW, true)],
      [tick('alice', NOW, true), tick('alice', NOW, false)],
    ]) {
      const services = createTestServices();
      await apply(services, order);
      // One member, one instant: ticked wins over unticked.
      expect(await heldTick(services)).to.include({ by: 'alice', done: true });
    }
  });

  it('never lets a tick or an answer dated beyond the trusted time win over a trusted one', async () => {
    for (const futureFirst of [true, false]) {
      const services = createTestServices();
      const future = [tick('bruno', FUTURE, true), answer('present', FUTURE)];
      const genuine = [tick('alice', NOW, false), answer('help', NOW)];
      await apply(services, futureFirst ? [...future, ...genuine] : [...genuine, ...future]);
      expect(await heldTick(services), `future first: ${futureFirst}`).to.include({
        by: 'alice',
        done: false,
      });
      expect((await heldAnswer(services))?.status).to.equal('help');
    }
  });

  it('keeps a member’s latest answer, and breaks a tie of one instant by the status', async () => {
    const services = createTestServices();
    await apply(services, [answer('help', NOW), answer('present', '2030-06-01T10:02:00.000Z')]);
    expect((await heldAnswer(services))?.status).to.equal('present');

    for (const order of [
      [answer('help', NOW), answer('present', NOW)],
      [answer('present', NOW), answer('help', NOW)],
    ]) {
      const tied = createTestServices();
      await apply(tied, order);
      // Compared as text: the same answer on every device, whichever arrived first.
      expect((await heldAnswer(tied))?.status).to.equal('present');
    }
  });

  it('writes an entry only where it extends its device’s chain, even within one batch', async () => {
    const services = createTestServices();
    const first = await entry(1, '', 'Premier');
    const second = await entry(2, first.hash, 'Deuxième');
    const third = await entry(3, second.hash, 'Troisième');
    const said = await apply(services, [
      { type: 'entry', entry: first },
      { type: 'entry', entry: second },
      // Skips the second: its predecessor is not the chain's head.
      { type: 'entry', entry: await entry(3, first.hash, 'Branche') },
    ]);
    expect(said).to.deep.equal([
      undefined,
      undefined,
      'its entry does not follow its device’s previous entry',
    ]);
    // A later batch reads the head from the store: the third follows.
    expect(await apply(services, [{ type: 'entry', entry: third }])).to.deep.equal([undefined]);
    const held = await (await services.database.db()).getAll(STORE.logEntries);
    expect(held.map((e) => e.text)).to.deep.equal(['Premier', 'Deuxième', 'Troisième']);
  });

  it('accepts an entry already held, and refuses a different one in its place', async () => {
    const services = createTestServices();
    const first = await entry(1, '', 'Premier');
    await apply(services, [{ type: 'entry', entry: first }]);
    const said = await apply(services, [
      { type: 'entry', entry: first },
      { type: 'entry', entry: await entry(1, '', 'Réécrit') },
    ]);
    expect(said).to.deep.equal([undefined, 'its entry differs from the one held']);
    const held = await (await services.database.db()).getAll(STORE.logEntries);
    expect(held.map((e) => e.text)).to.deep.equal(['Premier']);
  });
});
