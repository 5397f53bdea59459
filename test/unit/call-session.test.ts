// The call session in the real browser: the room key reaches livekit-client's real E2EE worker,
// encryption is on before connecting, nothing joins unencrypted, and the session's state follows
// LiveKit's connection events. Only the LiveKit server is missing: a real connection to a closed
// port shows the unreachable path; elsewhere `connect` is replaced, and the Room's own events
// (emitted as the Room emits them) stand for what the server would cause.
import { expect } from '@open-wc/testing';
import { ConnectionState, DisconnectReason, Room, RoomEvent } from 'livekit-client';
import { CallSession, type CallSessionOptions } from '../../src/features/call/call-session.js';
import type { CallState } from '../../src/features/call/call-types.js';
import { RoomKeyProvider } from '../../src/features/call/room-key-provider.js';
import {
  accessFor,
  announceParticipant,
  deliverTrack,
  dropConnection,
  fakeServer,
  joinRequest,
  workerFactory,
} from './call-fakes.js';
import { refuseMedia, waitFor } from './helpers.js';

/** A session on `server` with a fresh worker factory; `options` adds to or replaces these. */
function sessionOn(server: ReturnType<typeof fakeServer>, options: CallSessionOptions = {}) {
  return new CallSession({
    createRoom: server.createRoom,
    createWorker: workerFactory().create,
    ...options,
  });
}

function waitForConnection(session: CallSession, connection: CallState['connection']) {
  return waitFor(
    () => session.state.value.connection === connection,
    `connection “${connection}” (now “${session.state.value.connection}”)`,
    8000,
  );
}

describe('the call session', () => {
  let session: CallSession | undefined;
  const restore: (() => void)[] = [];

  afterEach(async () => {
    await session?.dispose();
    session = undefined;
    for (const undo of restore.splice(0)) undo();
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

  it('neither receives nor plays an unencrypted participant’s media, nor shows it as encrypted', async () => {
    const server = fakeServer(['ok']);
    session = sessionOn(server);
    await session.join(await joinRequest());
    const room = session.currentRoom!;
    const zoe = announceParticipant(room, 'zoe-bernard', [
      { sid: 'TR_clear', source: 'microphone', encrypted: false },
    ]);
    const paul = announceParticipant(room, 'paul-martin', [
      { sid: 'TR_mic', source: 'microphone' },
    ]);
    const clear = zoe.trackPublications.get('TR_clear')!;
    expect(clear.isDesired, 'unsubscribed as soon as announced').to.equal(false);
    // Sent anyway (the server had started): still never handed to the elements.
    const tracks = [deliverTrack(zoe, 'TR_clear'), deliverTrack(paul, 'TR_mic')];
    try {
      const shown = (identity: string) =>
        session!.state.value.participants.find((someone) => someone.identity === identity)!;
      expect(shown('zoe-bernard').encryption).to.equal('not-encrypted');
      expect(shown('zoe-bernard').audioTrack === undefined, 'no sound to play').to.equal(true);
      expect(shown('paul-martin').encryption).to.equal('encrypted');
      expect(shown('paul-martin').audioTrack?.sid).to.equal('TR_mic');
    } finally {
      for (const track of tracks) track.stop();
    }
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
