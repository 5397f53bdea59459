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
import { fromBase64Url } from '../../src/encoding/bytes.js';
import { importKitKey, parseKitKey } from '../../src/kit-format/kit-container.js';
import { openKitFile } from '../../src/kit-format/kit-open.js';
import { readEnrollmentLink } from '../../src/features/kit/enrollment-link.js';
import { sealEntry } from '../../src/domain/log-chain.js';
import type { LogEntry } from '../../src/domain/log.js';
import { entryId, memberDeviceId } from '../../src/domain/log-writer.js';
import { SettingsStore } from '../../src/features/settings/settings-store.js';
import { createMessageSeal, type MessageSeal } from '../../src/features/sync/message-seal.js';
import type { SyncRecord } from '../../src/domain/records.js';
import { recordHash, type UnsignedRecord } from '../../src/features/sync/record-bytes.js';
import { createRecordSigner, type RecordSigner } from '../../src/features/sync/record-signature.js';
import { SYNC_TOPIC } from '../../src/domain/records.js';
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
  /**
   * Sends one sync message (any JSON) to everyone in the room, or to `to`, sealed with the room's
   * key as the app seals them (`sealed: false` sends it without a seal, as a client without the
   * room key would).
   */
  rogueSend(message: unknown, options?: { sealed?: boolean; to?: string[] }): Promise<void>;
  /**
   * Sends the same message `count` times as fast as the data channel takes them, or one every
   * `intervalMs`.
   */
  rogueFlood(message: unknown, count: number, intervalMs?: number): Promise<void>;
  /**
   * Makes the rogue a liar: from now on it answers every hello with `heads` (chains it claims to
   * hold) and never answers a want. Undefined stops lying.
   */
  rogueLie(heads: unknown[] | undefined): void;
  /** Answers the next hello from `identity` with a push of `records` to it alone. */
  rogueGreet(identity: string, records: unknown[]): void;
  /** How many sync messages reached the rogue, each kind counted (sealed or not). */
  rogueCounts(): Record<string, number>;
  /** The sync messages the rogue received and could read, parsed. */
  rogueReceived(): unknown[];
  /** Bytes of data-channel messages that reached the rogue, decrypted or not. */
  rogueWireBytes(): number;
  /**
   * Starts keeping the raw data-channel messages that reach this page (as they arrive, before
   * livekit-client decrypts or decompresses anything), up to `maxBytes` in all.
   */
  rogueCapture(maxBytes: number): void;
  /** The raw data-channel messages kept since `rogueCapture`, base64. */
  rogueCaptured(): string[];
  /**
   * A log entry sealed as the app seals them (its hash over every other field), written on
   * `deviceId`: its id is `<crisis>:<device>:<seq>` unless `id` says otherwise.
   */
  rogueEntry(draft: {
    crisisId: string;
    deviceId: string;
    seq: number;
    prevHash: string;
    text: string;
    id?: string;
    author?: string;
    corrects?: string;
  }): Promise<LogEntry>;
  /** A record's hash, as its chain's next record names it in `prev`. */
  hashOf(record: SyncRecord): Promise<string>;
  /**
   * Records of a chain signed with the rogue's member key, one per body given: its own device's
   * chain unless `chain` names another (author and device as claimed, to forge).
   */
  rogueChain(
    bodies: unknown[],
    firstSeq: number,
    prev: string,
    chain?: { author?: string; device?: string },
  ): Promise<SyncRecord[]>;
  /** The rogue's own device chain id (`<member>@rogue-device`). */
  rogueDevice(): string;
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
    // The app's chain on this device once enrolled: the member's namespace (log/writer.ts).
    const kit = await (await database.db()).get(STORE.kit, 'current');
    if (!kit) throw new Error('seed() writes into an enrolled member’s chain: enroll first');
    const deviceId = memberDeviceId(kit.member.id, await new SettingsStore(database).deviceId());
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

let rogue:
  | {
      room: Room;
      signer: RecordSigner;
      seal: MessageSeal;
      device: string;
      received: unknown[];
      counts: Record<string, number>;
      lie?: unknown[];
      greet?: { identity: string; records: unknown[] };
    }
  | undefined;
let wireBytes = 0;
/** Raw messages kept for the test, while `capture.room` is left. */
const capture = { room: 0, messages: [] as string[] };

// Every data-channel message that reaches this page, counted before livekit-client decrypts it:
// on the channels the client opens and on those the server opens.
const countBytes = (channel: RTCDataChannel) =>
  channel.addEventListener('message', ({ data }: MessageEvent) => {
    const bytes =
      data instanceof ArrayBuffer ? new Uint8Array(data) : new TextEncoder().encode(String(data));
    wireBytes += bytes.byteLength;
    if (bytes.byteLength <= capture.room) {
      capture.room -= bytes.byteLength;
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      capture.messages.push(btoa(binary));
    }
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
    const roomKey = await crypto.subtle.importKey(
      'raw',
      fromBase64Url(where.e2eeSecret) as Uint8Array<ArrayBuffer>,
      'HKDF',
      false,
      ['deriveBits', 'deriveKey'],
    );
    keyProvider.setRoomKey(roomKey);
    const seal = await createMessageSeal(roomKey, where.roomName);
    const received: unknown[] = [];
    const counts: Record<string, number> = {};
    room.registerTextStreamHandler(SYNC_TOPIC, (reader, { identity }) => {
      void reader.readAll().then(async (wire) => {
        const text = await seal.open(wire, identity);
        const message = JSON.parse(text ?? wire.slice(wire.indexOf('.') + 1)) as {
          t: string;
          reply?: boolean;
        };
        counts[message.t] = (counts[message.t] ?? 0) + 1;
        if (text === undefined) return;
        received.push(message);
        const greet = rogue?.greet;
        if (rogue && greet && message.t === 'hello' && identity === greet.identity) {
          rogue.greet = undefined;
          await rogueLab.rogueSend(
            { t: 'records', records: greet.records, answer: false },
            { to: [identity] },
          );
        }
        // A liar says it holds what it does not, to whoever says hello, and delivers nothing.
        if (rogue?.lie && message.t === 'hello') {
          await rogueLab.rogueSend(
            { t: 'hello', heads: rogue.lie, reply: false },
            { to: [identity] },
          );
        }
      });
    });
    await room.setE2EEEnabled(true);
    await room.connect(where.livekitUrl, member.livekitToken);
    const signer = await createRecordSigner(member.id, member.signingKey.secretKey);
    rogue = {
      room,
      signer,
      seal,
      device: memberDeviceId(member.id, 'rogue-device'),
      received,
      counts,
    };
    await new Promise<void>((resolve) => {
      if (room.isE2EEEnabled) return resolve();
      room.once(RoomEvent.ParticipantEncryptionStatusChanged, () => resolve());
    });
    return { identity: member.id };
  },

  async rogueSend(message: unknown, options: { sealed?: boolean; to?: string[] } = {}) {
    if (!rogue) throw new Error('rogueJoin() first');
    const text = JSON.stringify(message);
    const wire =
      options.sealed === false ? text : await rogue.seal.seal(text, rogue.signer.memberId);
    await rogue.room.localParticipant.sendText(wire, {
      topic: SYNC_TOPIC,
      ...(options.to ? { destinationIdentities: options.to } : {}),
    });
  },

  async rogueFlood(message: unknown, count: number, intervalMs = 0) {
    if (!rogue) throw new Error('rogueJoin() first');
    const wire = await rogue.seal.seal(JSON.stringify(message), rogue.signer.memberId);
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      const wait = start + i * intervalMs - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await rogue.room.localParticipant.sendText(wire, { topic: SYNC_TOPIC });
    }
  },

  rogueLie(heads: unknown[] | undefined) {
    if (!rogue) throw new Error('rogueJoin() first');
    rogue.lie = heads;
  },

  rogueGreet(identity: string, records: unknown[]) {
    if (!rogue) throw new Error('rogueJoin() first');
    rogue.greet = { identity, records };
  },

  rogueCounts: () => ({ ...(rogue?.counts ?? {}) }),

  rogueReceived: () => rogue?.received ?? [],

  rogueDevice: () => {
    if (!rogue) throw new Error('rogueJoin() first');
    return rogue.device;
  },

  rogueWireBytes: () => wireBytes,

  rogueCapture(maxBytes: number) {
    capture.room = maxBytes;
    capture.messages = [];
  },

  rogueCaptured: () => capture.messages,

  rogueEntry({ crisisId, deviceId, seq, prevHash, text, id, author, corrects }) {
    const at = new Date().toISOString();
    return sealEntry({
      id: id ?? entryId(crisisId, deviceId, seq),
      crisisId,
      deviceId,
      seq,
      occurredAt: at,
      recordedAt: at,
      author: author ?? 'Mallory Girard',
      kind: 'fact',
      priority: 'normal',
      text,
      refs: { checklistItemIds: [], contactIds: [] },
      ...(corrects ? { corrects } : {}),
      prevHash,
    });
  },

  hashOf: ({ sig: _sig, ...unsigned }: SyncRecord) => recordHash(unsigned),

  async rogueChain(
    bodies: unknown[],
    firstSeq: number,
    prev: string,
    chain: { author?: string; device?: string } = {},
  ) {
    if (!rogue) throw new Error('rogueJoin() first');
    const records: SyncRecord[] = [];
    let seq = firstSeq;
    for (const body of bodies) {
      const unsigned = {
        author: chain.author ?? rogue.signer.memberId,
        device: chain.device ?? rogue.device,
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
