import { expect } from '@open-wc/testing';
import { STORE } from '../../src/db/schema.js';
import { toBase64Url } from '../../src/encoding/bytes.js';
import type { SyncRecord } from '../../src/domain/records.js';
import { recordHash } from '../../src/features/sync/record-bytes.js';
import { createRecordSigner } from '../../src/features/sync/record-signature.js';
import { toWire } from '../../src/features/sync/record-store.js';
import {
  cellSeal,
  flush,
  LoopbackRoom,
  makeDevice,
  makeMember,
  type CellDevice,
} from '../fixtures/sync-cell.js';
import { cleanUpTestServices } from './helpers.js';

const alice = makeMember('alice');
const bruno = makeMember('bruno');
const chloe = makeMember('chloe');
const cell = [alice, bruno, chloe];

async function writeEntries(device: CellDevice, crisisId: string, count: number, prefix: string) {
  for (let i = 1; i <= count; i++) {
    await device.services.log.append({
      crisisId,
      author: device.member.id,
      kind: 'fact',
      text: `${prefix} ${i}`,
    });
  }
}

async function wireRecords(device: CellDevice): Promise<SyncRecord[]> {
  const db = await device.services.database.db();
  const records = await db.getAll(STORE.syncRecords);
  return records.sort((a, b) => a.seq - b.seq).map(toWire);
}

/** The log of every crisis a device holds, as the bytes two devices must agree on. */
async function logBytes(device: CellDevice): Promise<string> {
  const crises = await device.services.log.listCrises();
  const logs = await Promise.all(crises.map((c) => device.services.log.entries(c.id)));
  return JSON.stringify([crises, logs]);
}

async function heads(device: CellDevice): Promise<string> {
  const all = await device.store.heads();
  return JSON.stringify(
    all.map(({ author, device: d, seq, hash }) => [author, d, seq, hash]).sort(),
  );
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('sync of shared records', () => {
  const rooms: LoopbackRoom[] = [];
  afterEach(async () => {
    for (const room of rooms.splice(0)) room.close();
    await cleanUpTestServices();
  });

  it('signs each change written into one chain per member and device, in order', async () => {
    const a = await makeDevice(alice, cell);
    const crisis = await a.services.log.openCrisis('Rançongiciel', 'Alice');
    await writeEntries(a, crisis.id, 2, 'Fait');
    expect(await a.store.outboxCount()).to.equal(4);

    const sealed = await a.journal.sealQueued();
    expect(sealed.map((r) => [r.seq, r.body.type])).to.deep.equal([
      [1, 'crisis'],
      [2, 'entry'],
      [3, 'entry'],
      [4, 'entry'],
    ]);
    expect(sealed.every((r, i) => r.prev === (i === 0 ? '' : sealed[i - 1]!.hash))).to.equal(true);
    expect(await a.store.outboxCount()).to.equal(0);
    expect(await a.journal.sealQueued()).to.deep.equal([]);
  });

  it('merges another device’s records once: the same log, byte for byte', async () => {
    const a = await makeDevice(alice, cell);
    const b = await makeDevice(bruno, cell);
    const crisis = await a.services.log.openCrisis('Rançongiciel', 'Alice');
    await writeEntries(a, crisis.id, 3, 'Fait');
    await a.journal.sealQueued();
    const records = await wireRecords(a);

    const first = await b.merger.merge(records, 'alice');
    expect(first.accepted).to.have.length(records.length);
    expect(first.rejected).to.deep.equal([]);
    expect(await logBytes(b)).to.equal(await logBytes(a));

    const again = await b.merger.merge(records, 'alice');
    expect(again.accepted).to.deep.equal([]);
    expect(again.rejected.map((r) => r.reason)).to.deep.equal(records.map(() => 'replayed'));
    expect(await logBytes(b)).to.equal(await logBytes(a));
  });

  it('rejects forged, unknown, malformed and broken records and keeps the log as it was', async () => {
    const a = await makeDevice(alice, cell);
    const b = await makeDevice(bruno, cell);
    const crisis = await a.services.log.openCrisis('Rançongiciel', 'Alice');
    await writeEntries(a, crisis.id, 1, 'Fait');
    await a.journal.sealQueued();
    const [opening, firstEntry, secondEntry] = await wireRecords(a);
    await b.merger.merge([opening!], 'alice');
    const before = await logBytes(b);

    const forged = structuredClone(firstEntry!);
    if (forged.body.type !== 'entry') throw new Error('expected an entry');
    forged.body.entry.text = 'Tout va bien.';
    const outsider = makeMember('mallory');
    const outsiderSigner = await createRecordSigner('mallory', outsider.seed);
    const { sig: _sig, ...unsigned } = firstEntry!;
    const byOutsider = {
      ...unsigned,
      author: 'mallory',
      sig: await outsiderSigner.sign({ ...unsigned, author: 'mallory' }),
    };
    const badSignature = { ...firstEntry!, sig: toBase64Url(new Uint8Array(64)) };
    const result = await b.merger.merge(
      [forged, byOutsider, badSignature, { author: 'alice', seq: 'two' }, secondEntry!],
      'bruno',
    );
    expect(result.rejected.map((r) => r.reason)).to.deep.equal([
      'forged', // the signature no longer covers the changed text
      'unknown-author',
      'forged',
      'malformed',
      'out-of-order',
    ]);
    expect(result.gaps.map((gap) => gap.from)).to.deep.equal([2]);
    expect(await logBytes(b)).to.equal(before);
    expect((await b.store.rejections()).length).to.equal(5);
  });

  it('flags a member who signs two different records with the same number', async () => {
    const a = await makeDevice(alice, cell);
    const b = await makeDevice(bruno, cell);
    const crisis = await a.services.log.openCrisis('Rançongiciel', 'Alice');
    await a.journal.sealQueued();
    const [genuine] = await wireRecords(a);
    const signer = await createRecordSigner('alice', alice.seed);
    if (genuine!.body.type !== 'crisis') throw new Error('expected a crisis');
    const { sig: _sig, ...unsigned } = genuine!;
    const other = {
      ...unsigned,
      body: { type: 'crisis' as const, crisis: { ...crisis, name: 'Exercice' } },
    };
    const twin: SyncRecord = { ...other, sig: await signer.sign(other) };
    expect(await recordHash(other)).not.to.equal(await recordHash(unsigned));

    await b.merger.merge([genuine!], 'alice');
    const result = await b.merger.merge([twin], 'chloe');
    expect(result.rejected.map((r) => r.reason)).to.deep.equal(['equivocation']);
    expect(result.equivocations.map((e) => e.author)).to.deep.equal(['alice']);
    expect((await b.services.log.listCrises()).map((c) => c.name)).to.deep.equal(['Rançongiciel']);

    // A third device that holds neither checks the proof itself.
    const c = await makeDevice(chloe, cell);
    const proof = await c.merger.recordEvidence(result.equivocations[0]!.records);
    expect(proof?.equivocations.map((e) => e.author)).to.deep.equal(['alice']);
    expect(await c.merger.recordEvidence([genuine!, genuine!])).to.equal(undefined);
  });

  it('brings a device that wrote offline and two others to the same log', async () => {
    const [a, b, c] = await Promise.all(cell.map((member) => makeDevice(member, cell)));
    const room = new LoopbackRoom(
      await cellSeal(),
      cell.map((m) => m.id),
    );
    rooms.push(room);
    const crisis = await b!.services.log.openCrisis('Rançongiciel', 'Bruno');
    await flush(b!);
    // Alice got the crisis before going offline.
    await a!.merger.merge(await wireRecords(b!), 'bruno');
    room.join(b!);
    room.join(c!);
    await writeEntries(a!, crisis.id, 50, 'Alice hors ligne');
    await flush(a!);
    await writeEntries(b!, crisis.id, 10, 'Bruno');
    await flush(b!);
    await writeEntries(c!, crisis.id, 10, 'Chloé');
    await flush(c!);
    room.join(a!);
    await until(async () => {
      const [ha, hb, hc] = await Promise.all([heads(a!), heads(b!), heads(c!)]);
      return ha === hb && hb === hc && JSON.parse(ha).length === 3;
    }, 'three devices to hold the same chains');
    const logs = await Promise.all([a!, b!, c!].map(logBytes));
    expect(logs[1]).to.equal(logs[0]);
    expect(logs[2]).to.equal(logs[0]);
    expect((await a!.services.log.entries(crisis.id)).length).to.equal(1 + 50 + 10 + 10);
    const rejected = [a!, b!, c!].flatMap((d) => d.merges.flatMap((m) => m.rejected));
    expect(rejected.filter((r) => r.reason !== 'replayed')).to.deep.equal([]);
  });

  it('catches up a late joiner window by window', async () => {
    const [a, b] = await Promise.all([makeDevice(alice, cell), makeDevice(bruno, cell)]);
    const room = new LoopbackRoom(
      await cellSeal(),
      cell.map((m) => m.id),
    );
    rooms.push(room);
    const crisis = await a.services.log.openCrisis('Rançongiciel', 'Alice');
    await writeEntries(a, crisis.id, 700, 'Entrée');
    await flush(a);
    room.join(a);
    room.join(b);
    await until(async () => (await heads(a)) === (await heads(b)), 'the late joiner to catch up');
    expect(await logBytes(b)).to.equal(await logBytes(a));
    // Records travel once: no window was asked for twice.
    const json = (await wireRecords(a)).reduce((sum, r) => sum + JSON.stringify(r).length, 0);
    expect(room.sent.get('records')! / json).to.be.below(1.05);
  });
});
