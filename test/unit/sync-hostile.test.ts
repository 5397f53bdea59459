// A hostile member of the cell, with a valid member key of its own, against the record reader,
// the merge and the engine: every identity it claims that is not its own is refused with its
// reason and its real signer; one bad record costs only itself; a far-future time never wins; a
// peer that lies about what it holds is asked last; a flood is dropped at the door.
import { expect } from '@open-wc/testing';
import { STORE } from '../../src/db/schema.js';
import { sealEntry } from '../../src/domain/log-chain.js';
import { correctedIds } from '../../src/features/log/log-store.js';
import type { LogEntry } from '../../src/domain/log.js';
import { entryId, memberDeviceId } from '../../src/domain/log-writer.js';
import type { ChecklistTick } from '../../src/domain/playbook.js';
import type { RecordBody, SyncRecord } from '../../src/domain/records.js';
import { recordHash, type UnsignedRecord } from '../../src/features/sync/record-bytes.js';
import { createRecordSigner } from '../../src/features/sync/record-signature.js';
import { toWire } from '../../src/features/sync/record-store.js';
import { toBase64Url } from '../../src/encoding/bytes.js';
import { SyncEngine } from '../../src/features/sync/sync-engine.js';
import { cellSeal, makeDevice, makeMember, type CellDevice } from '../fixtures/sync-cell.js';
import { cleanUpTestServices } from './helpers.js';

const alice = makeMember('alice');
const bruno = makeMember('bruno');
const chloe = makeMember('chloe');
const cell = [alice, bruno, chloe];
const BRUNO_DEVICE = memberDeviceId('bruno', 'rogue');

/** Records signed with Bruno's own key, on whatever chain and with whatever body he claims. */
async function signedByBruno(
  bodies: RecordBody[],
  chain: { device?: string; firstSeq?: number; prev?: string; at?: string } = {},
): Promise<SyncRecord[]> {
  const signer = await createRecordSigner('bruno', bruno.seed);
  const records: SyncRecord[] = [];
  let seq = chain.firstSeq ?? 1;
  let prev = chain.prev ?? '';
  for (const body of bodies) {
    const unsigned: UnsignedRecord = {
      author: 'bruno',
      device: chain.device ?? BRUNO_DEVICE,
      seq,
      prev,
      at: chain.at ?? new Date().toISOString(),
      body,
    };
    records.push({ ...unsigned, sig: await signer.sign(unsigned) });
    prev = await recordHash(unsigned);
    seq += 1;
  }
  return records;
}

async function entryOn(
  crisisId: string,
  deviceId: string,
  seq: number,
  prevHash: string,
  text: string,
  id = entryId(crisisId, deviceId, seq),
): Promise<LogEntry> {
  const at = new Date().toISOString();
  return sealEntry({
    id,
    crisisId,
    deviceId,
    seq,
    occurredAt: at,
    recordedAt: at,
    author: 'Le maire',
    kind: 'fact',
    priority: 'normal',
    text,
    refs: { checklistItemIds: [], contactIds: [] },
    prevHash,
  });
}

async function wireRecords(device: CellDevice): Promise<SyncRecord[]> {
  const db = await device.services.database.db();
  const records = await db.getAll(STORE.syncRecords);
  return records.sort((a, b) => a.seq - b.seq).map(toWire);
}

/** Alice opens a crisis and writes `count` entries; Chloé's device holds them all. */
async function aliceLog(count: number) {
  const a = await makeDevice(alice, cell);
  const c = await makeDevice(chloe, cell);
  const crisis = await a.services.log.openCrisis('Rançongiciel', 'Alice');
  for (let i = 1; i <= count; i++) {
    await a.services.log.append({
      crisisId: crisis.id,
      author: 'Alice',
      kind: 'fact',
      text: `A${i}`,
    });
  }
  await a.journal.sealQueued();
  const records = await wireRecords(a);
  await c.merger.merge(records, 'alice');
  const entries = await a.services.log.entries(crisis.id);
  return { a, c, crisis, records, last: entries[entries.length - 1]! };
}

describe('a hostile member with a valid key of its own', () => {
  afterEach(cleanUpTestServices);

  it('cannot extend another member’s chain: the forgery is refused, naming its signer', async () => {
    const { a, c, crisis, last } = await aliceLog(2);
    const hijack = await entryOn(crisis.id, a.deviceId, last.seq + 1, last.hash, 'Tout va bien.');
    // On Alice's device chain, and on a chain of his own that carries Alice's entry.
    const [onHerDevice] = await signedByBruno([{ type: 'entry', entry: hijack }], {
      device: a.deviceId,
    });
    const [herEntryOnHisChain] = await signedByBruno([{ type: 'entry', entry: hijack }]);
    const result = await c.merger.merge([onHerDevice, herEntryOnHisChain], 'bruno');
    expect(result.rejected.map((r) => [r.reason, r.signer, r.author])).to.deep.equal([
      ['impersonation', 'bruno', 'bruno'],
      ['impersonation', 'bruno', 'bruno'],
    ]);

    // Alice's genuine next entry still follows on from her chain everywhere.
    await a.services.log.append({ crisisId: crisis.id, author: 'Alice', kind: 'fact', text: 'A3' });
    const sealed = await a.journal.sealQueued();
    const next = await c.merger.merge(sealed.map(toWire), 'alice');
    expect(next.rejected).to.deep.equal([]);
    const texts = (await c.services.log.entries(crisis.id)).map((e) => e.text);
    expect(texts).to.include('A3');
    expect(texts).not.to.include('Tout va bien.');
  });

  it('cannot strike through another member’s entry with a “correction”', async () => {
    const { c, crisis, last } = await aliceLog(1);
    const correction = {
      ...(await entryOn(crisis.id, BRUNO_DEVICE, 1, '', 'Faux : ignorer')),
      corrects: last.id,
    };
    const { hash: _hash, ...sealable } = correction;
    const resealed = await sealEntry(sealable);
    const records = await signedByBruno([
      { type: 'crisis', crisis: crisisNamed('bruno@crise') },
      { type: 'entry', entry: resealed },
    ]);
    const result = await c.merger.merge(records, 'bruno');
    expect(result.rejected.map((r) => [r.reason, r.signer, r.detail])).to.deep.equal([
      ['impersonation', 'bruno', 'it corrects (strikes through) another member’s entry'],
    ]);
    // And a log that holds such an entry anyway (a backup, an older device) strikes nothing.
    expect(correctedIds([last, resealed]).size).to.equal(0);
    expect(correctedIds([last, { ...resealed, deviceId: last.deviceId }]).has(last.id)).to.equal(
      true,
    );
  });

  it('cannot rename a crisis another member opened', async () => {
    const { c, crisis, records } = await aliceLog(1);
    expect(crisis.id.startsWith('alice@')).to.equal(true);
    const renamed = { ...crisisNamed(crisis.id), name: 'Exercice sans suite' };
    // Sent to a device that holds Alice's crisis, and to one that has not seen it yet.
    const fresh = await makeDevice(chloe, cell);
    const forged = await signedByBruno([{ type: 'crisis', crisis: renamed }]);
    for (const device of [c, fresh]) {
      const result = await device.merger.merge(forged, 'bruno');
      expect(result.rejected.map((r) => [r.reason, r.signer, r.detail])).to.deep.equal([
        ['impersonation', 'bruno', 'it opens a crisis under another member’s name'],
      ]);
    }
    await fresh.merger.merge(records, 'alice');
    expect((await fresh.services.log.listCrises()).map((x) => x.name)).to.deep.equal([
      'Rançongiciel',
    ]);
  });

  it('cannot tick, start a roll-call or answer in another member’s name', async () => {
    const c = await makeDevice(chloe, cell);
    const tick: ChecklistTick = {
      crisisId: 'crise-1',
      itemId: 'item-1',
      by: 'alice',
      at: new Date().toISOString(),
      done: true,
    };
    const at = new Date().toISOString();
    const records = await signedByBruno([
      { type: 'tick', tick },
      { type: 'rollcall', rollCall: { id: 'appel-1', startedAt: at, by: 'alice' } },
      { type: 'answer', answer: { rollCallId: 'appel-1', member: 'alice', status: 'help', at } },
    ]);
    const result = await c.merger.merge(records, 'bruno');
    expect(result.rejected.map((r) => [r.reason, r.signer])).to.deep.equal([
      ['impersonation', 'bruno'],
      ['impersonation', 'bruno'],
      ['impersonation', 'bruno'],
    ]);
    expect(result.accepted).to.deep.equal([]);
  });

  it('cannot write on a device chain without a member, nor claim an entry of another device', async () => {
    const c = await makeDevice(chloe, cell);
    const entry = await entryOn('crise-1', memberDeviceId('bruno', 'other'), 1, '', 'Ailleurs');
    const [unowned] = await signedByBruno([{ type: 'crisis', crisis: crisisNamed('crise-1') }], {
      device: 'no-member-device',
    });
    const [otherDevice] = await signedByBruno([{ type: 'entry', entry }]);
    const result = await c.merger.merge([unowned, otherDevice], 'bruno');
    expect(result.rejected.map((r) => [r.reason, r.detail])).to.deep.equal([
      ['impersonation', 'its chain is not on a device of its signer'],
      ['impersonation', 'its entry was written on another device than its chain'],
    ]);
  });

  it('loses only the record that reuses an entry id: the valid one beside it merges', async () => {
    const { c, crisis, last } = await aliceLog(1);
    // His own chain, but the id of Alice's entry: it would overwrite hers (or abort the merge).
    const reused = await entryOn(crisis.id, BRUNO_DEVICE, 1, '', 'Copie', last.id);
    // Both versions of his second record follow the same first one (the same time, the same hash).
    const at = new Date().toISOString();
    const [opening, stolenId] = await signedByBruno(
      [
        { type: 'crisis', crisis: crisisNamed('bruno@crise') },
        { type: 'entry', entry: reused },
      ],
      { at },
    );
    const valid = await entryOn(crisis.id, BRUNO_DEVICE, 1, '', 'Bruno sur place');
    const [, honest] = await signedByBruno(
      [
        { type: 'crisis', crisis: crisisNamed('bruno@crise') },
        { type: 'entry', entry: valid },
      ],
      { at },
    );
    const result = await c.merger.merge([opening, stolenId, honest], 'bruno');
    expect(result.rejected.map((r) => [r.reason, r.signer, r.detail])).to.deep.equal([
      ['impersonation', 'bruno', 'its entry takes the id of another member’s entry'],
    ]);
    expect(result.accepted.map((r) => r.seq)).to.deep.equal([1, 2]);
    const entries = await c.services.log.entries(crisis.id);
    expect(entries.find((e) => e.id === last.id)?.text).to.equal('A1');
    expect(entries.map((e) => e.text)).to.include('Bruno sur place');
  });

  it('cannot keep a roll-call dated in the future on the board', async () => {
    const c = await makeDevice(chloe, cell);
    const future = '2100-01-01T00:00:00.000Z';
    const forged = await signedByBruno(
      [{ type: 'rollcall', rollCall: { id: 'appel-2100', startedAt: future, by: 'bruno' } }],
      { at: future },
    );
    await c.merger.merge(forged, 'bruno');
    const now = new Date().toISOString();
    const genuine = await signedByBruno(
      [{ type: 'rollcall', rollCall: { id: 'appel-reel', startedAt: now, by: 'bruno' } }],
      { device: memberDeviceId('bruno', 'phone') },
    );
    await c.merger.merge(genuine, 'bruno');
    expect((await c.services.rollCall.latest())?.rollCall.id).to.equal('appel-reel');
  });

  it('loses only the one record a store that defeats the checks cannot take', async () => {
    const { c, records } = await aliceLog(1);
    const fresh = await makeDevice(bruno, cell);
    // A stored record without its chain head (a store damaged, or written by an older version):
    // Alice's first record cannot be added beside it, which would abort the whole merge.
    const db = await fresh.services.database.db();
    const stray = (await c.services.database.db()).get(
      STORE.syncRecords,
      `alice|${records[0]!.device}|1`,
    );
    await db.put(STORE.syncRecords, (await stray)!);
    const own = await signedByBruno([{ type: 'crisis', crisis: crisisNamed('bruno@crise') }]);
    const result = await fresh.merger.merge([records[0], ...own], 'chloe');
    expect(result.rejected.map((r) => [r.reason, r.detail])).to.deep.equal([
      ['malformed', 'it could not be stored'],
    ]);
    expect(result.accepted.map((r) => r.author)).to.deep.equal(['bruno']);
  });

  it('never lets a far-future tick or answer win over a later genuine one, in either order', async () => {
    for (const futureFirst of [true, false]) {
      const c = await makeDevice(chloe, cell);
      const a = await makeDevice(alice, cell);
      const future = '2100-01-01T00:00:00.000Z';
      const [fromTheFuture, futureAnswer] = await signedByBruno(
        [
          {
            type: 'tick',
            tick: { crisisId: 'crise-1', itemId: 'i1', by: 'bruno', at: future, done: true },
          },
          {
            type: 'answer',
            answer: { rollCallId: 'appel-1', member: 'bruno', status: 'present', at: future },
          },
        ],
        { at: future },
      );
      // Alice unticks it now; Bruno answers again now from another device of his.
      const now = new Date().toISOString();
      const aliceSigner = await createRecordSigner('alice', alice.seed);
      const untick: UnsignedRecord = {
        author: 'alice',
        device: a.deviceId,
        seq: 1,
        prev: '',
        at: now,
        body: {
          type: 'tick',
          tick: { crisisId: 'crise-1', itemId: 'i1', by: 'alice', at: now, done: false },
        },
      };
      const genuine = { ...untick, sig: await aliceSigner.sign(untick) };
      const [laterAnswer] = await signedByBruno(
        [
          {
            type: 'answer',
            answer: { rollCallId: 'appel-1', member: 'bruno', status: 'help', at: now },
          },
        ],
        { device: memberDeviceId('bruno', 'phone') },
      );
      const order = futureFirst
        ? [
            [fromTheFuture, futureAnswer],
            [genuine, laterAnswer],
          ]
        : [
            [genuine, laterAnswer],
            [fromTheFuture, futureAnswer],
          ];
      const results = [];
      for (const batch of order) results.push(await c.merger.merge(batch!, 'bruno'));
      const flagged = results.flatMap((r) => r.rejected);
      expect(flagged.map((r) => [r.reason, r.signer])).to.deep.equal([
        ['future-dated', 'bruno'],
        ['future-dated', 'bruno'],
      ]);
      const db = await c.services.database.db();
      expect((await db.get(STORE.ticks, ['crise-1', 'i1']))?.done).to.equal(false);
      expect((await db.get(STORE.rollCallAnswers, ['appel-1', 'bruno']))?.status).to.equal('help');
      await cleanUpTestServices();
    }
  });
});

function crisisNamed(id: string) {
  const at = '2026-11-26T08:00:00.000Z';
  return { id, name: 'Exercice', startedAt: at, openedAt: at };
}

/** An engine of Chloé's device whose sent messages are recorded, fed by hand. */
async function engineUnderTest() {
  const device = await makeDevice(chloe, cell);
  const seal = await cellSeal();
  const sent: { message: { t: string; ranges?: unknown[] }; to?: readonly string[] }[] = [];
  /** What the engine told the app, in order: a hello handled, records merged. */
  const events: string[] = [];
  const engine = new SyncEngine({
    transport: {
      send: async (text, to) => {
        const opened = await seal.open(text, 'chloe');
        sent.push({ message: JSON.parse(opened!) as { t: string }, ...(to ? { to } : {}) });
      },
    },
    store: device.store,
    merger: device.merger,
    listener: {
      merged: (result) => {
        device.merges.push(result);
        events.push('merged');
      },
      peersChanged: () => events.push('peers'),
    },
    ownChain: { author: 'chloe', device: device.deviceId },
    // Denis relays what he holds: a member of the room whose own chain does not matter here.
    members: new Set([...cell.map((m) => m.id), 'denis']),
    seal,
  });
  const say = async (message: unknown, from: string) =>
    engine.receive(await seal.seal(JSON.stringify(message), from), from);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
  return { device, engine, sent, events, say, seal, settle };
}

describe('the exchange with a hostile or lying peer', () => {
  afterEach(cleanUpTestServices);

  it('drops what a non-member, an unsealed message or a flood sends, keeping one refusal each', async () => {
    const { device, engine, say, settle } = await engineUnderTest();
    await say({ t: 'hello', heads: [], reply: true }, 'mallory');
    engine.receive(JSON.stringify({ t: 'hello', heads: [], reply: true }), 'bruno');
    for (let i = 0; i < 200; i++) await say({ t: 'hello', heads: [], reply: true }, 'alice');
    await settle();
    engine.stop();
    const reasons = (await device.store.rejections()).map((r) => [r.reason, r.from]);
    expect(reasons).to.have.deep.members([
      ['not-member', 'mallory'],
      ['unsealed', 'bruno'],
      ['flood', 'alice'],
    ]);
  });

  it('answers a hello asking for a reply at most once per interval', async () => {
    const { engine, sent, say, settle } = await engineUnderTest();
    for (let i = 0; i < 30; i++) await say({ t: 'hello', heads: [], reply: true }, 'alice');
    await settle();
    engine.stop();
    expect(sent.filter((s) => s.message.t === 'hello' && s.to?.includes('alice'))).to.have.length(
      1,
    );
  });

  it('merges only what was asked from an answer, and only its own records from a push', async () => {
    const { device, engine, say, settle } = await engineUnderTest();
    const { records } = await aliceLog(3);
    // Bruno pushes Alice's records as if they were news: not his to push.
    await say({ t: 'records', records, answer: false }, 'bruno');
    // And answers a want nobody made.
    await say({ t: 'records', records, answer: true }, 'bruno');
    await settle();
    engine.stop();
    expect(await device.store.heads()).to.deep.equal([]);
    expect((await device.store.rejections()).map((r) => [r.reason, r.from])).to.deep.equal([
      ['malformed', 'bruno'],
    ]);
  });

  it('asks a chain’s author over a liar, and a liar who did not deliver not again for a while', async () => {
    const { device, engine, sent, say, settle } = await engineUnderTest();
    const { a, records } = await aliceLog(3);
    const head = records[records.length - 1]!;
    const hash = await recordHash(head);
    const lie = ['alice', a.deviceId, 1_000_000, 'f'.repeat(64)];
    // The liar and Alice both say hello; the liar claims far more of Alice's chain.
    await say({ t: 'hello', heads: [lie], reply: false }, 'bruno');
    await say(
      { t: 'hello', heads: [['alice', a.deviceId, head.seq, hash]], reply: false },
      'alice',
    );
    await settle();
    const wants = () => sent.filter((s) => s.message.t === 'want').map((w) => w.to);
    // The liar, first to claim the chain, is asked; its author, more credible, is asked at once
    // too rather than after the liar's silence.
    expect(wants()).to.deep.equal([['bruno'], ['alice']]);
    await say({ t: 'records', records, answer: true }, 'alice');
    await say({ t: 'records', records: [], answer: true }, 'bruno');
    await settle();
    expect((await device.store.heads()).map((h) => h.seq)).to.deep.equal([head.seq]);
    // He says it again: not believed for that chain before his back-off is over.
    await say({ t: 'hello', heads: [lie], reply: false }, 'bruno');
    await settle();
    engine.stop();
    expect(wants().filter((to) => to?.includes('bruno'))).to.have.length(1);
  });

  it('asks a peer that delivered before over a liar that only claims, the author being away', async () => {
    const { device, engine, sent, say, settle } = await engineUnderTest();
    const { a, records } = await aliceLog(3);
    const headOf = async (seq: number) => [
      'alice',
      a.deviceId,
      seq,
      await recordHash(records[seq - 1]!),
    ];
    const wants = () => sent.filter((s) => s.message.t === 'want').map((w) => w.to);
    // Denis relays the first two of Alice's records: he has delivered.
    await say({ t: 'hello', heads: [await headOf(2)], reply: false }, 'denis');
    await settle();
    await say({ t: 'records', records: records.slice(0, 2), answer: true }, 'denis');
    await settle();
    // The liar claims a million of them first; Denis, who delivered before, says he holds four.
    await say(
      { t: 'hello', heads: [['alice', a.deviceId, 1_000_000, 'f'.repeat(64)]], reply: false },
      'bruno',
    );
    await settle();
    await say({ t: 'hello', heads: [await headOf(4)], reply: false }, 'denis');
    await settle();
    expect(wants()).to.deep.equal([['denis'], ['bruno'], ['denis']]);
    await say({ t: 'records', records: records.slice(2), answer: true }, 'denis');
    await settle();
    engine.stop();
    expect((await device.store.heads()).map((h) => h.seq)).to.deep.equal([4]);
  });

  it('does not believe a claim about this device’s own chain that names no record of it', async () => {
    const { device, engine, say, settle } = await engineUnderTest();
    await device.services.log.openCrisis('Rançongiciel', 'Chloé');
    const [record] = await device.journal.sealQueued();
    const ownHead = async () => (await device.store.heads())[0]!.peerSeq;
    // "I hold a million of yours": nothing would ever be waiting to be sent again.
    await say(
      { t: 'hello', heads: [['chloe', device.deviceId, 1_000_000, 'f'.repeat(64)]], reply: false },
      'bruno',
    );
    await settle();
    expect(await ownHead()).to.equal(undefined);
    await say(
      { t: 'hello', heads: [['chloe', device.deviceId, 2, record!.hash]], reply: false },
      'bruno',
    );
    await settle();
    expect(await ownHead()).to.equal(undefined);
    await say(
      { t: 'hello', heads: [['chloe', device.deviceId, 1, record!.hash]], reply: false },
      'alice',
    );
    await settle();
    engine.stop();
    expect(await ownHead()).to.equal(1);
  });

  it('keeps a sample of a flood of refusals, and the name of its signer whatever follows', async () => {
    const { device, engine, say, settle } = await engineUnderTest();
    const { crisis, last } = await aliceLog(1);
    // Thirty entries on his own chain, each taking the id of Alice's entry.
    const entries = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        entryOn(crisis.id, BRUNO_DEVICE, i + 1, '', `Copie ${i}`, last.id),
      ),
    );
    const records = await signedByBruno(
      entries.map((entry) => ({ type: 'entry' as const, entry })),
    );
    await say({ t: 'records', records, answer: false }, 'bruno');
    await settle();
    engine.stop();
    expect(device.merges.flatMap((m) => m.rejected)).to.have.length(30);
    expect((await device.store.rejections()).length).to.equal(20);
    // A thousand forged records later, the rows about Bruno are gone: his name is not.
    const forged = records.map((r) => ({ ...r, sig: toBase64Url(new Uint8Array(64)) }));
    for (let i = 0; i < 34; i++) await device.merger.merge(forged, 'alice');
    expect((await device.store.rejections()).some((r) => r.signer === 'bruno')).to.equal(false);
    expect(await device.store.culprits()).to.deep.equal(['bruno']);
  });

  it('serves participants in turn: a member’s backlog does not hold up another’s records', async () => {
    const { events, say, engine, settle } = await engineUnderTest();
    for (let i = 0; i < 40; i++) await say({ t: 'hello', heads: [], reply: false }, 'alice');
    const [own] = await signedByBruno([{ type: 'crisis', crisis: crisisNamed('bruno@crise') }]);
    await say({ t: 'records', records: [own], answer: false }, 'bruno');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await settle();
    engine.stop();
    expect(events.filter((e) => e === 'peers')).to.have.length(40);
    expect(events.indexOf('merged')).to.be.below(5);
  });
});
