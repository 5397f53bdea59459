// The call's secure core in the real browser, with livekit-client's real E2EE worker and real
// Rooms: no Room where the browser cannot encrypt or the worker cannot start, encryption switched
// on before connecting, a Room refused when this device's encryption does not become active, and
// no unencrypted publication wanted, subscribed or handed out to be played.
import { expect } from '@open-wc/testing';
import {
  ConnectionState,
  DisconnectReason,
  ExternalE2EEKeyProvider,
  Room,
  RoomEvent,
  Track,
  deriveKeys,
  isLocalParticipant,
  type RoomOptions,
} from 'livekit-client';
import {
  applyReceivePolicy,
  closeEncryptedRoom,
  connectEncrypted,
  createEncryptedRoom,
  enforceReceivePolicy,
  mayReceive,
  playableTrack,
  type EncryptedRoomFactory,
} from '../../src/features/call/call-secure-room.js';
import { RoomKeyProvider } from '../../src/features/call/room-key-provider.js';
import {
  SECRET,
  WORKER_URL,
  accessFor,
  announceParticipant,
  deliverTrack,
  dropConnection,
  fakeServer,
  importRoomKey,
  markConnected,
  withoutEncryptedMedia,
  workerFactory,
} from './call-fakes.js';

/** A factory on `server` that counts what it was asked to make. */
function countingFactory(server = fakeServer()) {
  const workers = workerFactory();
  const made = { workers: 0, rooms: 0 };
  const factory: EncryptedRoomFactory = {
    createWorker: () => {
      made.workers++;
      return workers.create();
    },
    createRoom: (options: RoomOptions) => {
      made.rooms++;
      return server.createRoom(options);
    },
  };
  return { factory, made, workers, server };
}

describe('the room key provider', () => {
  it('gives livekit-client the HKDF key it would derive from the same secret bytes', async () => {
    const ours = new RoomKeyProvider();
    ours.setRoomKey(await importRoomKey());
    const theirs = new ExternalE2EEKeyProvider();
    await theirs.setKey(SECRET.slice().buffer);
    expect(ours.getOptions()).to.deep.equal(theirs.getOptions());
    const [mine] = ours.getKeys();
    const [reference] = theirs.getKeys();
    expect(mine!.key.algorithm.name).to.equal('HKDF');
    expect(reference!.key.algorithm.name).to.equal('HKDF');
    expect(mine!.key.extractable).to.equal(false);

    // The worker's own derivation (deriveKeys), applied to both: the same AES-GCM frame key.
    const encrypt = async (material: CryptoKey) => {
      const { encryptionKey } = await deriveKeys(material, ours.getOptions());
      const iv = new Uint8Array(12).fill(7);
      const frame = new TextEncoder().encode('an encoded audio frame');
      return new Uint8Array(
        await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, encryptionKey, frame),
      );
    };
    expect(await encrypt(mine!.key)).to.deep.equal(await encrypt(reference!.key));
    // …and another secret gives another key.
    const other = SECRET.slice();
    other[0] ^= 1;
    expect(await encrypt(await importRoomKey(other))).to.not.deep.equal(await encrypt(mine!.key));
  });

  it('refuses a key that is not HKDF material', async () => {
    const aes = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 128 }, false, [
      'encrypt',
    ]);
    expect(() => new RoomKeyProvider().setRoomKey(aes)).to.throw(TypeError);
  });

  it('sets up a Room whose encryption turns on in the real worker, without a server', async () => {
    const keyProvider = new RoomKeyProvider();
    const worker = new Worker(WORKER_URL, { type: 'module' });
    const room = new Room({ encryption: { keyProvider, worker } });
    try {
      keyProvider.setRoomKey(await importRoomKey());
      expect(room.hasE2EESetup).to.equal(true);
      await room.setE2EEEnabled(true);
      expect(room.localParticipant.isE2EEEnabled).to.equal(true);

      // What the signal connection triggers: the key goes to the worker, which enables this
      // device's cryptor and says so.
      const enabled = new Promise<boolean>((resolve) =>
        room.on(RoomEvent.ParticipantEncryptionStatusChanged, (encrypted, participant) => {
          if (participant && isLocalParticipant(participant)) resolve(encrypted);
        }),
      );
      room.emit(RoomEvent.SignalConnected);
      expect(await enabled).to.equal(true);
      expect(room.isE2EEEnabled).to.equal(true);
    } finally {
      await room.disconnect();
      worker.terminate();
    }
  });
});

describe('opening an encrypted Room', () => {
  const rooms: Room[] = [];
  const restore: (() => void)[] = [];

  afterEach(async () => {
    for (const undo of restore.splice(0)) undo();
    for (const room of rooms.splice(0)) await closeEncryptedRoom(room);
  });

  /** A Room from `factory`, kept for closing after the test. */
  async function create(factory: EncryptedRoomFactory, key?: CryptoKey) {
    const room = createEncryptedRoom(key ?? (await importRoomKey()), {}, factory);
    if (room) rooms.push(room);
    return room;
  }

  it('makes no Room, so connects nothing, where the browser cannot encrypt', async () => {
    restore.push(withoutEncryptedMedia());
    const { factory, made, server } = countingFactory();
    expect(await create(factory)).to.equal(undefined);
    expect(made).to.deep.equal({ workers: 0, rooms: 0 });
    expect(server.calls).to.deep.equal([]);
  });

  it('makes no Room when the E2EE worker cannot start', async () => {
    const { factory, made } = countingFactory();
    factory.createWorker = () => {
      throw new DOMException('Refused by the Content Security Policy', 'SecurityError');
    };
    expect(await create(factory)).to.equal(undefined);
    expect(made.rooms).to.equal(0);
  });

  it('makes no Room with a key livekit-client cannot use, and ends its worker', async () => {
    const { factory, workers } = countingFactory();
    const aes = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 128 }, false, [
      'encrypt',
    ]);
    expect(await create(factory, aes)).to.equal(undefined);
    expect(workers.made).to.have.length(1);
    expect(workers.made[0]!.terminated).to.equal(true);
  });

  it('gives every Room the room key and its own worker, whatever devices the caller picks', async () => {
    const { factory, workers } = countingFactory();
    const key = await importRoomKey();
    const room = createEncryptedRoom(
      key,
      { audioOutput: { deviceId: 'speaker-2' }, videoCaptureDefaults: { deviceId: 'camera-2' } },
      factory,
    )!;
    rooms.push(room);
    expect(room.hasE2EESetup).to.equal(true);
    const encryption = room.options.encryption as unknown as {
      keyProvider: RoomKeyProvider;
      worker: Worker;
    };
    expect(encryption.keyProvider.getKeys()[0]!.key).to.equal(key);
    expect(encryption.worker).to.equal(workers.made[0]!.worker);
    expect(room.options.audioOutput?.deviceId).to.equal('speaker-2');
    expect(room.options.publishDefaults?.videoCodec).to.equal('vp8');

    const second = (await create(factory))!;
    const secondWorker = (second.options.encryption as unknown as { worker: Worker }).worker;
    expect(secondWorker).to.not.equal(encryption.worker);
  });

  it('switches encryption on before connecting, and is in only once this device encrypts', async () => {
    const { factory, server } = countingFactory(fakeServer(['ok']));
    const room = (await create(factory))!;
    const outcome = await connectEncrypted(room, await accessFor('wss://crise.example'), {
      encryptionTimeoutMs: 5000,
      cancelled: () => false,
    });
    expect(outcome).to.equal('connected');
    expect(server.calls).to.deep.equal(['setE2EEEnabled(true)', 'connect']);
    expect(room.isE2EEEnabled, 'encryption confirmed by the worker').to.equal(true);
  });

  it('refuses a Room whose local encryption does not become active', async () => {
    const { factory } = countingFactory(fakeServer(['no-encryption']));
    const room = (await create(factory))!;
    const started = performance.now();
    const outcome = await connectEncrypted(room, await accessFor('wss://crise.example'), {
      encryptionTimeoutMs: 200,
      cancelled: () => false,
    });
    expect(outcome).to.deep.equal({ kind: 'encryption' });
    expect(performance.now() - started).to.be.at.least(190);
    expect(room.isE2EEEnabled).to.equal(false);
  });

  it('refuses a Room that drops while its encryption starts, as unreachable', async () => {
    const { factory } = countingFactory(fakeServer(['no-encryption']));
    const room = (await create(factory))!;
    const connecting = connectEncrypted(room, await accessFor('wss://crise.example'), {
      encryptionTimeoutMs: 5000,
      cancelled: () => false,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    dropConnection(room, DisconnectReason.SIGNAL_CLOSE);
    expect(await connecting).to.deep.equal({
      kind: 'unreachable',
      detail: 'disconnected while joining',
    });
  });

  it('says what stopped the connection, without the access token', async () => {
    const { factory } = countingFactory(fakeServer(['refused']));
    const room = (await create(factory))!;
    const outcome = await connectEncrypted(room, await accessFor('wss://crise.example'), {
      encryptionTimeoutMs: 200,
      cancelled: () => false,
    });
    expect(outcome).to.have.property('kind', 'refused');
    expect(JSON.stringify(outcome)).to.not.include('not-a-real-token');
  });

  it('answers cancelled when the caller gave the Room up meanwhile', async () => {
    const { factory } = countingFactory(fakeServer(['ok']));
    const room = (await create(factory))!;
    const outcome = await connectEncrypted(room, await accessFor('wss://crise.example'), {
      encryptionTimeoutMs: 5000,
      cancelled: () => true,
    });
    expect(outcome).to.equal('cancelled');
  });

  it('closes a Room with its worker', async () => {
    const { factory, workers } = countingFactory(fakeServer(['ok']));
    const room = (await create(factory))!;
    await room.connect('wss://crise.example', 'not-a-real-token');
    await closeEncryptedRoom(room);
    expect(room.state).to.equal(ConnectionState.Disconnected);
    expect(workers.made[0]!.terminated).to.equal(true);
  });
});

describe('what may be received and played', () => {
  let room: Room;

  beforeEach(() => {
    room = new Room();
    markConnected(room);
  });

  afterEach(async () => {
    for (const participant of room.remoteParticipants.values()) {
      for (const publication of participant.trackPublications.values()) {
        publication.track?.stop();
      }
    }
    await room.disconnect();
  });

  it('never wants an unencrypted publication, nor any video in audio-only mode', () => {
    const paul = announceParticipant(room, 'paul-martin', [
      { sid: 'TR_mic', source: 'microphone' },
      { sid: 'TR_cam', source: 'camera' },
      { sid: 'TR_clear', source: 'microphone', encrypted: false },
    ]);
    const [mic, cam, clear] = ['TR_mic', 'TR_cam', 'TR_clear'].map((sid) =>
      paul.trackPublications.get(sid)!,
    );
    expect([mic, cam, clear].map((publication) => mayReceive(publication!, false))).to.deep.equal([
      true,
      true,
      false,
    ]);
    expect([mic, cam, clear].map((publication) => mayReceive(publication!, true))).to.deep.equal([
      true,
      false,
      false,
    ]);
    applyReceivePolicy(clear!, false);
    applyReceivePolicy(mic!, false);
    expect(clear!.isDesired).to.equal(false);
    expect(mic!.isDesired).to.equal(true);
  });

  it('unsubscribes an unencrypted publication as soon as the Room announces it', () => {
    enforceReceivePolicy(room, { isCurrent: () => true, audioOnly: () => false });
    const zoe = announceParticipant(room, 'zoe-bernard', [
      { sid: 'TR_clear', source: 'microphone', encrypted: false },
      { sid: 'TR_cam', source: 'camera' },
    ]);
    expect(zoe.trackPublications.get('TR_clear')!.isDesired).to.equal(false);
    expect(zoe.trackPublications.get('TR_cam')!.isDesired).to.equal(true);
  });

  it('drops an unencrypted track the server sent anyway, the moment it is subscribed', () => {
    const zoe = announceParticipant(room, 'zoe-bernard', [
      { sid: 'TR_clear', source: 'microphone', encrypted: false },
    ]);
    // Announced before the policy listened (as autoSubscribe lets the server do): still wanted.
    const publication = zoe.trackPublications.get('TR_clear')!;
    expect(publication.isDesired).to.equal(true);
    enforceReceivePolicy(room, { isCurrent: () => true, audioOnly: () => false });
    deliverTrack(zoe, 'TR_clear');
    expect(publication.isDesired).to.equal(false);
    expect(publication.isSubscribed).to.equal(false);
  });

  it('applies the policy again after a reconnection, and only for the Room of the moment', () => {
    let current = false;
    let audioOnly = false;
    enforceReceivePolicy(room, { isCurrent: () => current, audioOnly: () => audioOnly });
    const paul = announceParticipant(room, 'paul-martin', [{ sid: 'TR_cam', source: 'camera' }]);
    const camera = paul.trackPublications.get('TR_cam')!;
    audioOnly = true;
    room.emit(RoomEvent.Reconnected);
    expect(camera.isDesired, 'not the Room of the moment').to.equal(true);
    current = true;
    room.emit(RoomEvent.Reconnected);
    expect(camera.isDesired).to.equal(false);
  });

  it('hands out a remote track to play or show only if it is encrypted', () => {
    const paul = announceParticipant(room, 'paul-martin', [
      { sid: 'TR_mic', source: 'microphone' },
      { sid: 'TR_clear', source: 'camera', encrypted: false },
    ]);
    deliverTrack(paul, 'TR_mic');
    deliverTrack(paul, 'TR_clear');
    const mic = paul.getTrackPublication(Track.Source.Microphone)!;
    const clear = paul.getTrackPublication(Track.Source.Camera)!;
    // Compared by identity: a failure message printing a whole Track would take minutes.
    expect(clear.track !== undefined, 'the track is there').to.equal(true);
    expect(playableTrack(clear, false) === undefined).to.equal(true);
    expect(playableTrack(mic, false) === mic.track).to.equal(true);
    expect(playableTrack(undefined, false) === undefined).to.equal(true);
    // This device's own track is shown whatever its flag says (the server sets it on publishing).
    const own = playableTrack({ track: mic.track!, isEncrypted: false }, true);
    expect(own === mic.track).to.equal(true);
  });
});
