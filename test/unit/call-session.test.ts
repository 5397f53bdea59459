// The call session in the real browser: the room key reaches livekit-client's real E2EE worker,
// encryption is on before connecting, nothing joins unencrypted, and the session's state follows
// LiveKit's connection events. Only the LiveKit server is missing: a real connection to a closed
// port shows the unreachable path; elsewhere `connect` is replaced, and the Room's own events
// (emitted as the Room emits them) stand for what the server would cause.
import { expect } from '@open-wc/testing';
import {
  ConnectionError,
  ConnectionState,
  DisconnectReason,
  ExternalE2EEKeyProvider,
  Room,
  RoomEvent,
  deriveKeys,
  isLocalParticipant,
  type RoomOptions,
} from 'livekit-client';
import {
  CallSession,
  defaultRejoinDelay,
  judgeAudioFlow,
  type AudioCounters,
  type CallSessionOptions,
  type CallState,
  type JoinRequest,
} from '../../src/features/call/call-session.js';
import { RoomKeyProvider } from '../../src/features/call/room-key-provider.js';
import type { VerifiedRoomAccess } from '../../src/features/kit/kit-service.js';
import { refuseMedia, waitFor } from './helpers.js';

/**
 * Under @web/test-runner the worker is served from node_modules: it rewrites only `import`
 * specifiers, so the bare `livekit-client/e2ee-worker` in `new URL(…)` would 404.
 */
const WORKER_URL = '/node_modules/livekit-client/dist/livekit-client.e2ee.worker.mjs';

const SECRET = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);

function importRoomKey(secret = SECRET): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveBits', 'deriveKey']);
}

async function accessFor(livekitUrl: string): Promise<VerifiedRoomAccess> {
  return {
    room: { livekitUrl, roomName: 'cellule-de-crise', emergencyNumbers: [] },
    member: { id: 'marie-dupont', displayName: 'Marie Dupont', livekitToken: 'not-a-real-token' },
    roomKey: await importRoomKey(),
  };
}

/** A worker factory that remembers what it made and which were terminated. */
function workerFactory() {
  const made: { worker: Worker; terminated: boolean }[] = [];
  return {
    made,
    create: () => {
      const entry = { worker: new Worker(WORKER_URL, { type: 'module' }), terminated: false };
      const terminate = entry.worker.terminate.bind(entry.worker);
      entry.worker.terminate = () => {
        entry.terminated = true;
        terminate();
      };
      made.push(entry);
      return entry.worker;
    },
  };
}

type ConnectOutcome = 'ok' | 'unreachable' | 'refused' | 'no-encryption';

/**
 * Rooms whose `connect` does what a server would, in order: connect (then the signal connection
 * makes the E2EE manager enable this device's encryption in the real worker), or fail.
 */
function fakeServer(outcomes: ConnectOutcome[] = []) {
  const rooms: Room[] = [];
  const calls: string[] = [];
  const createRoom = (options: RoomOptions) => {
    const room = new Room(options);
    const setE2EEEnabled = room.setE2EEEnabled.bind(room);
    room.setE2EEEnabled = async (enabled: boolean) => {
      calls.push(`setE2EEEnabled(${enabled})`);
      await setE2EEEnabled(enabled);
    };
    room.connect = async () => {
      calls.push('connect');
      const outcome = outcomes.shift() ?? 'ok';
      if (outcome === 'unreachable') throw ConnectionError.serverUnreachable('test: server down');
      if (outcome === 'refused') throw ConnectionError.notAllowed('test: token refused', 401);
      room.state = ConnectionState.Connected;
      room.localParticipant.identity = 'marie-dupont';
      if (outcome === 'ok') room.emit(RoomEvent.SignalConnected);
    };
    rooms.push(room);
    return room;
  };
  return { rooms, calls, createRoom };
}

/** A session on `server` with a fresh worker factory; `options` adds to or replaces these. */
function sessionOn(server: ReturnType<typeof fakeServer>, options: CallSessionOptions = {}) {
  return new CallSession({
    createRoom: server.createRoom,
    createWorker: workerFactory().create,
    ...options,
  });
}

/** The Room's own unexpected-disconnection path, as when the server goes away. */
function dropConnection(room: Room, reason: DisconnectReason) {
  (
    room as unknown as { handleDisconnect(stop: boolean, reason: DisconnectReason): void }
  ).handleDisconnect(true, reason);
}

async function joinRequest(overrides: Partial<JoinRequest> = {}): Promise<JoinRequest> {
  return {
    access: await accessFor('wss://crise.example'),
    directoryMembers: [{ id: 'marie-dupont', displayName: 'Marie Dupont' }],
    listenOnly: true,
    ...overrides,
  };
}

function waitForConnection(session: CallSession, connection: CallState['connection']) {
  return waitFor(
    () => session.state.value.connection === connection,
    `connection “${connection}” (now “${session.state.value.connection}”)`,
    8000,
  );
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

describe('the call session', () => {
  let session: CallSession | undefined;
  const restore: (() => void)[] = [];

  afterEach(async () => {
    await session?.dispose();
    session = undefined;
    for (const undo of restore.splice(0)) undo();
  });

  it('waits 1 s, 2 s, 4 s… capped at 10 s between rejoin attempts', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(defaultRejoinDelay)).to.deep.equal([
      1000, 2000, 4000, 8000, 10_000, 10_000, 10_000,
    ]);
  });

  it('never joins without end-to-end encryption support', async () => {
    const sender = RTCRtpSender.prototype as unknown as Record<string, unknown>;
    const streams = Object.getOwnPropertyDescriptor(sender, 'createEncodedStreams');
    const transform = Object.getOwnPropertyDescriptor(window, 'RTCRtpScriptTransform');
    delete sender['createEncodedStreams'];
    delete (window as unknown as Record<string, unknown>)['RTCRtpScriptTransform'];
    restore.push(() => {
      if (streams) Object.defineProperty(sender, 'createEncodedStreams', streams);
      if (transform) Object.defineProperty(window, 'RTCRtpScriptTransform', transform);
    });
    const server = fakeServer();
    session = sessionOn(server);
    await session.join(await joinRequest({ listenOnly: false }));
    expect(session.state.value.problem).to.deep.equal({ kind: 'unsupported' });
    expect(session.state.value.connection).to.equal('idle');
    expect(server.rooms).to.have.length(0);
  });

  it('stops before connecting when the microphone is refused, and says so', async () => {
    restore.push(refuseMedia());
    const server = fakeServer();
    session = sessionOn(server);
    await session.join(await joinRequest({ listenOnly: false }));
    expect(session.state.value.connection).to.equal('idle');
    expect(session.state.value.media).to.deep.equal({
      kind: 'denied',
      device: 'both',
      phase: 'join',
    });
    expect(server.rooms).to.have.length(0);
  });

  it('leaves at once, and says so, when capture fails although the browser allowed it', async () => {
    // Allowed in the browser, refused by the system: the Room connects while capturing, then is
    // left.
    restore.push(refuseMedia('system'));
    const server = fakeServer();
    session = sessionOn(server);
    await session.join(await joinRequest({ listenOnly: false }));
    expect(session.state.value.connection).to.equal('idle');
    expect(session.state.value.media?.kind).to.equal('denied');
    expect(server.rooms).to.have.length(1);
    expect(server.rooms[0]!.state).to.equal('disconnected');
  });

  it('reports an unreachable server with the error, stops the camera, and retries on demand', async () => {
    const captured: MediaStreamTrack[] = [];
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await original(constraints);
      captured.push(...stream.getTracks());
      return stream;
    };
    restore.push(() => (navigator.mediaDevices.getUserMedia = original));
    const workers = workerFactory();
    const rooms: Room[] = [];
    session = new CallSession({
      createWorker: workers.create,
      createRoom: (options) => {
        rooms.push(new Room(options));
        return rooms.at(-1)!;
      },
    });
    const request = await joinRequest({ listenOnly: false });
    request.access = await accessFor('ws://127.0.0.1:9');
    await session.join(request);

    const state = session.state.value;
    expect(state.connection).to.equal('unreachable');
    expect(state.problem?.kind).to.equal('unreachable');
    expect(state.problem && 'detail' in state.problem && state.problem.detail).to.be.a('string');
    expect(JSON.stringify(state)).to.not.include('not-a-real-token');
    expect(captured.length).to.be.greaterThan(0);
    expect(captured.every((track) => track.readyState === 'ended')).to.equal(true);
    expect(workers.made.every((entry) => entry.terminated)).to.equal(true);
    expect(rooms[0]!.hasE2EESetup).to.equal(true);

    await session.retry();
    expect(session.state.value.connection).to.equal('unreachable');
    expect(rooms).to.have.length(2);
  });

  it('turns encryption on before connecting and joins with this device’s encryption active', async () => {
    const server = fakeServer(['ok']);
    const workers = workerFactory();
    session = new CallSession({ createRoom: server.createRoom, createWorker: workers.create });
    const request = await joinRequest();
    await session.join(request);

    expect(session.state.value.connection).to.equal('connected');
    expect(server.calls).to.deep.equal(['setE2EEEnabled(true)', 'connect']);
    const room = server.rooms[0]!;
    expect(room.isE2EEEnabled, 'encryption confirmed by the worker').to.equal(true);
    expect(room.options.adaptiveStream).to.be.ok;
    expect(room.options.dynacast).to.equal(true);
    const provider = room.options.encryption as unknown as { keyProvider: RoomKeyProvider };
    expect(provider.keyProvider).to.be.instanceOf(RoomKeyProvider);
    expect(provider.keyProvider.getKeys()[0]!.key).to.equal(request.access.roomKey);

    const [me] = session.state.value.participants;
    expect(me).to.include({
      local: true,
      name: 'Marie Dupont',
      identity: 'marie-dupont',
      verified: true,
      encryption: 'encrypted',
      microphone: 'off',
    });
  });

  it('leaves rather than publish when this device’s encryption does not start', async () => {
    const server = fakeServer(['no-encryption']);
    session = sessionOn(server, { encryptionTimeoutMs: 200 });
    await session.join(await joinRequest());
    expect(session.state.value.connection).to.equal('unreachable');
    expect(session.state.value.problem).to.deep.equal({ kind: 'encryption' });
    expect(server.rooms[0]!.state).to.equal(ConnectionState.Disconnected);
  });

  it('does not connect at all when the E2EE worker cannot start', async () => {
    const server = fakeServer();
    session = new CallSession({
      createRoom: server.createRoom,
      createWorker: () => {
        throw new DOMException('Refused by the Content Security Policy', 'SecurityError');
      },
    });
    await session.join(await joinRequest());
    expect(session.state.value.connection).to.equal('unreachable');
    expect(session.state.value.problem).to.deep.equal({ kind: 'encryption' });
    expect(server.calls).to.deep.equal([]);
  });

  it('says when the server refuses the access, and does not retry by itself', async () => {
    const server = fakeServer(['refused']);
    session = sessionOn(server);
    await session.join(await joinRequest());
    expect(session.state.value.connection).to.equal('unreachable');
    expect(session.state.value.problem?.kind).to.equal('refused');
  });

  it('shows LiveKit’s own reconnection, then rejoins with a new Room after a drop', async () => {
    const server = fakeServer(['ok', 'unreachable', 'ok']);
    const workers = workerFactory();
    const delays: number[] = [];
    session = new CallSession({
      createRoom: server.createRoom,
      createWorker: workers.create,
      rejoinDelay: (attempt) => {
        delays.push(attempt);
        return 20;
      },
    });
    await session.join(await joinRequest());
    const first = server.rooms[0]!;

    first.emit(RoomEvent.Reconnecting);
    expect(session.state.value.connection).to.equal('reconnecting');
    first.emit(RoomEvent.Reconnected);
    expect(session.state.value.connection).to.equal('connected');

    dropConnection(first, DisconnectReason.SIGNAL_CLOSE);
    expect(session.state.value.connection).to.equal('rejoining');
    expect(session.state.value.rejoinAttempt).to.equal(1);
    await waitFor(() => server.rooms.length === 3, 'a second rejoin attempt', 5000);
    await waitForConnection(session, 'connected');
    expect(delays).to.deep.equal([1, 2]);
    expect(session.currentRoom).to.equal(server.rooms[2]);
    expect(server.rooms[2]!.isE2EEEnabled).to.equal(true);
    expect(workers.made).to.have.length(3);
    expect(workers.made.slice(0, 2).every((entry) => entry.terminated)).to.equal(true);
    expect(workers.made[2]!.terminated).to.equal(false);
    expect(session.state.value.rejoinAttempt).to.equal(0);
  });

  it('does not fight another device for the same identity', async () => {
    const server = fakeServer(['ok']);
    session = sessionOn(server, { rejoinDelay: () => 10 });
    await session.join(await joinRequest());
    dropConnection(server.rooms[0]!, DisconnectReason.DUPLICATE_IDENTITY);
    expect(session.state.value.connection).to.equal('unreachable');
    expect(session.state.value.problem).to.deep.equal({ kind: 'duplicate' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.rooms).to.have.length(1);
  });

  it('leaves for good when the user leaves, even while rejoining', async () => {
    const server = fakeServer(['ok']);
    session = sessionOn(server, { rejoinDelay: () => 200 });
    await session.join(await joinRequest());
    dropConnection(server.rooms[0]!, DisconnectReason.SIGNAL_CLOSE);
    expect(session.state.value.connection).to.equal('rejoining');
    await session.leave();
    expect(session.state.value.connection).to.equal('left');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.rooms).to.have.length(1);
  });
});

describe('judging whether sound flows', () => {
  const counters = (
    sent: number | undefined,
    received: Record<string, number> = {},
    missing: string[] = [],
  ): AudioCounters => ({
    sent,
    received: new Map(Object.entries(received)),
    missing: new Set(missing),
  });

  it('finds sound flowing both ways', () => {
    expect(
      judgeAudioFlow(counters(100, { a: 10, b: 20 }), counters(900, { a: 500, b: 800 }), true),
    ).to.deep.equal({ sendingStuck: false, stuck: [], watched: 2 });
  });

  it('finds our own sound stuck, or not published while it should be', () => {
    expect(judgeAudioFlow(counters(100), counters(100), true).sendingStuck).to.equal(true);
    expect(judgeAudioFlow(counters(undefined), counters(undefined), true).sendingStuck).to.equal(
      true,
    );
    // Muted: nothing is expected.
    expect(judgeAudioFlow(counters(100), counters(100), false).sendingStuck).to.equal(false);
  });

  it('finds remote sound stuck or missing, judging only what both samples saw', () => {
    const verdict = judgeAudioFlow(
      counters(1, { a: 10, b: 20 }, ['c', 'd']),
      counters(2, { a: 10, b: 90, e: 5 }, ['c']),
      true,
    );
    expect(verdict).to.deep.equal({ sendingStuck: false, stuck: ['a', 'c'], watched: 3 });
  });
});
