// The sync lab page (test/bench/sync-lab.html, built only with TOCSIN_BENCH_LAB=1): it writes a
// long main courante into the app's own database on this origin, through the same stores and
// outbox as LogStore.append, so that the app then signs and shares it like any entries written
// on this device. Writing 20,000 entries one append at a time would take minutes; one
// transaction takes seconds. Used by test/e2e/sync.test.mjs and test/bench/sync.bench.mjs.
import { Room, RoomEvent } from 'livekit-client';
import { DatabaseService } from '../../src/app/database-service.js';
import { STORE } from '../../src/db/schema.js';
import { createE2EEWorker } from '../../src/features/call/e2ee.js';
import { RoomKeyProvider } from '../../src/features/call/room-key-provider.js';
import { fromBase64Url } from '../../src/features/kit/format/bytes.js';
import { importKitKey, parseKitKey } from '../../src/features/kit/format/kit-container.js';
import { openKitFile } from '../../src/features/kit/format/kit-open.js';
import { readEnrollmentLink } from '../../src/features/kit/enrollment-link.js';
import { SettingsStore } from '../../src/features/settings/settings-store.js';
import type { SyncRecord } from '../../src/features/sync/model.js';
import { recordHash, type UnsignedRecord } from '../../src/features/sync/record-bytes.js';
import { createRecordSigner, type RecordSigner } from '../../src/features/sync/record-signature.js';
import { SYNC_TOPIC } from '../../src/features/sync/sync-protocol.js';
import { generateLogEntries, LOG_FIXTURE_CRISIS_NAME, LOG_FIXTURE_START } from '../fixtures/log.js';
import { createRandom } from '../fixtures/random.js';

/** What the sync lab offers the tests, as `window.tocsinSyncLab`. */
export interface TocsinSyncLab {
  /**
   * Opens a crisis of `count` entries written by this device (the app's database, the app's
   * device id), queued in the outbox like appends. Returns the crisis id.
   */
  seed(count: number, seed: number): Promise<{ crisisId: string }>;
  /** What the app's database holds: signed records, log entries, queued changes. */
  counts(): Promise<{ records: number; entries: number; outbox: number }>;

  /**
   * A rogue member: joins the crisis room with the kit of an enrollment link (its token, room
   * secret and member key) from a bare livekit-client Room, to speak the sync protocol directly
   * — and to misbehave in ways the app never would.
   */
  rogueJoin(link: string): Promise<{ identity: string }>;
  /** Sends one sync message (any JSON) to everyone in the room. */
  rogueSend(message: unknown): Promise<void>;
  /** The sync messages the rogue received and could read, parsed. */
  rogueReceived(): unknown[];
  /** Bytes of data-channel messages that reached the rogue, decrypted or not. */
  rogueWireBytes(): number;
  /** A record's hash, as its chain's next record names it in `prev`. */
  hashOf(record: SyncRecord): Promise<string>;
  /** Records of the rogue's own chain, signed with its member key, one per body given. */
  rogueChain(bodies: unknown[], firstSeq: number, prev: string): Promise<SyncRecord[]>;
  rogueLeave(): Promise<void>;
}

declare global {
  interface Window {
    tocsinSyncLab: TocsinSyncLab;
  }
}

const database = new DatabaseService();

const dataLab = {
  async seed(count, seed) {
    const deviceId = await new SettingsStore(database).deviceId();
    const crisisId = createRandom(seed).uuid();
    const entries = await generateLogEntries(count, { crisisId, seed, deviceIds: [deviceId] });
    const crisis = {
      id: crisisId,
      name: LOG_FIXTURE_CRISIS_NAME,
      startedAt: LOG_FIXTURE_START,
      openedAt: LOG_FIXTURE_START,
    };
    const db = await database.db();
    const tx = db.transaction([STORE.crises, STORE.logEntries, STORE.syncOutbox], 'readwrite');
    void tx.objectStore(STORE.crises).put(crisis);
    void tx.objectStore(STORE.syncOutbox).add({ body: { type: 'crisis', crisis } });
    for (const entry of entries) {
      void tx.objectStore(STORE.logEntries).add(entry);
      void tx.objectStore(STORE.syncOutbox).add({ body: { type: 'entry', entry } });
    }
    await tx.done;
    return { crisisId };
  },

  async counts() {
    const db = await database.db();
    const [records, entries, outbox] = await Promise.all([
      db.count(STORE.syncRecords),
      db.count(STORE.logEntries),
      db.count(STORE.syncOutbox),
    ]);
    return { records, entries, outbox };
  },
} satisfies Partial<TocsinSyncLab>;

let rogue: { room: Room; signer: RecordSigner; device: string; received: unknown[] } | undefined;
let wireBytes = 0;

// Every data-channel message that reaches this page, counted before livekit-client decrypts it:
// on the channels the client opens and on those the server opens.
const countBytes = (channel: RTCDataChannel) =>
  channel.addEventListener('message', ({ data }: MessageEvent) => {
    wireBytes += data instanceof ArrayBuffer ? data.byteLength : String(data).length;
  });
const createDataChannel = RTCPeerConnection.prototype.createDataChannel;
RTCPeerConnection.prototype.createDataChannel = function (label, options) {
  const channel = createDataChannel.call(this, label, options);
  countBytes(channel);
  return channel;
};
const OriginalPeerConnection = window.RTCPeerConnection;
window.RTCPeerConnection = class extends OriginalPeerConnection {
  constructor(configuration?: RTCConfiguration) {
    super(configuration);
    this.addEventListener('datachannel', ({ channel }) => countBytes(channel));
  }
};

const rogueLab = {
  async rogueJoin(link: string) {
    const { kitUrl, kitKey } = readEnrollmentLink(link) ?? {};
    if (!kitUrl || !kitKey) throw new Error('not an enrollment link');
    const file = new Uint8Array(await (await fetch(kitUrl)).arrayBuffer());
    const kit = await openKitFile(file, await importKitKey(parseKitKey(kitKey)));
    const { room: where, member } = kit.content;
    const keyProvider = new RoomKeyProvider();
    const room = new Room({ encryption: { keyProvider, worker: createE2EEWorker() } });
    keyProvider.setRoomKey(
      await crypto.subtle.importKey(
        'raw',
        fromBase64Url(where.e2eeSecret) as Uint8Array<ArrayBuffer>,
        'HKDF',
        false,
        ['deriveBits', 'deriveKey'],
      ),
    );
    const received: unknown[] = [];
    room.registerTextStreamHandler(SYNC_TOPIC, (reader) => {
      void reader.readAll().then((text) => received.push(JSON.parse(text)));
    });
    await room.setE2EEEnabled(true);
    await room.connect(where.livekitUrl, member.livekitToken);
    const signer = await createRecordSigner(member.id, member.signingKey.secretKey);
    rogue = { room, signer, device: 'rogue-device', received };
    await new Promise<void>((resolve) => {
      if (room.isE2EEEnabled) return resolve();
      room.once(RoomEvent.ParticipantEncryptionStatusChanged, () => resolve());
    });
    return { identity: member.id };
  },

  async rogueSend(message: unknown) {
    if (!rogue) throw new Error('rogueJoin() first');
    await rogue.room.localParticipant.sendText(JSON.stringify(message), { topic: SYNC_TOPIC });
  },

  rogueReceived: () => rogue?.received ?? [],

  rogueWireBytes: () => wireBytes,

  hashOf: ({ sig: _sig, ...unsigned }: SyncRecord) => recordHash(unsigned),

  async rogueChain(bodies: unknown[], firstSeq: number, prev: string) {
    if (!rogue) throw new Error('rogueJoin() first');
    const records: SyncRecord[] = [];
    let seq = firstSeq;
    for (const body of bodies) {
      const unsigned = {
        author: rogue.signer.memberId,
        device: rogue.device,
        seq,
        prev,
        at: new Date().toISOString(),
        body,
      } as UnsignedRecord;
      records.push({ ...unsigned, sig: await rogue.signer.sign(unsigned) });
      prev = await recordHash(unsigned);
      seq += 1;
    }
    return records;
  },

  async rogueLeave() {
    await rogue?.room.disconnect();
    rogue = undefined;
  },
} satisfies Partial<TocsinSyncLab>;

window.tocsinSyncLab = { ...dataLab, ...rogueLab } satisfies TocsinSyncLab;
