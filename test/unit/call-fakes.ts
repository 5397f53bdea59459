// What the call's tests share: the room key, livekit-client's real E2EE worker, Rooms whose
// `connect` stands for a server, remote participants announced the way the server announces
// them (the Room's own participant-update path, with the protocol's own messages), and the people
// of a call as the elements see them.
import {
  Encryption_Type,
  ParticipantInfo,
  ParticipantInfo_State,
  TrackInfo,
  TrackSource,
  TrackType,
} from '@livekit/protocol';
import {
  ConnectionError,
  ConnectionState,
  DisconnectReason,
  Room,
  RoomEvent,
  type RemoteParticipant,
  type RoomOptions,
} from 'livekit-client';
import {
  INITIAL_CALL_STATE,
  type CallParticipant,
  type CallState,
  type JoinRequest,
} from '../../src/features/call/call-types.js';
import type { VerifiedRoomAccess } from '../../src/features/kit/kit-service.js';

/**
 * Under @web/test-runner the worker is served from node_modules: it rewrites only `import`
 * specifiers, so the bare `livekit-client/e2ee-worker` in `new URL(…)` would 404.
 */
export const WORKER_URL = '/node_modules/livekit-client/dist/livekit-client.e2ee.worker.mjs';

export const SECRET = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);

export function importRoomKey(secret = SECRET): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveBits', 'deriveKey']);
}

export async function accessFor(livekitUrl: string): Promise<VerifiedRoomAccess> {
  return {
    room: { livekitUrl, roomName: 'cellule-de-crise', emergencyNumbers: [] },
    member: { id: 'marie-dupont', displayName: 'Marie Dupont', livekitToken: 'not-a-real-token' },
    roomKey: await importRoomKey(),
  };
}

export async function joinRequest(overrides: Partial<JoinRequest> = {}): Promise<JoinRequest> {
  return {
    access: await accessFor('wss://crise.example'),
    directoryMembers: [{ id: 'marie-dupont', displayName: 'Marie Dupont' }],
    listenOnly: true,
    ...overrides,
  };
}

/** A worker factory that remembers what it made and which were terminated. */
export function workerFactory() {
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

/** Hides end-to-end encryption support as an old browser would; returns what puts it back. */
export function withoutEncryptedMedia(): () => void {
  const sender = RTCRtpSender.prototype as unknown as Record<string, unknown>;
  const streams = Object.getOwnPropertyDescriptor(sender, 'createEncodedStreams');
  const transform = Object.getOwnPropertyDescriptor(window, 'RTCRtpScriptTransform');
  delete sender['createEncodedStreams'];
  delete (window as unknown as Record<string, unknown>)['RTCRtpScriptTransform'];
  return () => {
    if (streams) Object.defineProperty(sender, 'createEncodedStreams', streams);
    if (transform) Object.defineProperty(window, 'RTCRtpScriptTransform', transform);
  };
}

export type ConnectOutcome = 'ok' | 'unreachable' | 'refused' | 'no-encryption';

/** Marks a Room connected as `connect` would, without a server. */
export function markConnected(room: Room, identity = 'marie-dupont'): void {
  room.state = ConnectionState.Connected;
  room.localParticipant.identity = identity;
}

/**
 * Rooms whose `connect` does what a server would, in order: connect (then the signal connection
 * makes the E2EE manager enable this device's encryption in the real worker), or fail.
 */
export function fakeServer(outcomes: ConnectOutcome[] = []) {
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
      markConnected(room);
      if (outcome === 'ok') room.emit(RoomEvent.SignalConnected);
    };
    rooms.push(room);
    return room;
  };
  return { rooms, calls, createRoom };
}

/** The Room's own unexpected-disconnection path, as when the server goes away. */
export function dropConnection(room: Room, reason: DisconnectReason) {
  (
    room as unknown as { handleDisconnect(stop: boolean, reason: DisconnectReason): void }
  ).handleDisconnect(true, reason);
}

/** A remote publication as the server describes it. */
export interface RemoteTrackSpec {
  sid: string;
  source: 'microphone' | 'camera';
  /** Defaults to true: E2EE with AES-GCM, as every Tocsin device publishes. */
  encrypted?: boolean;
  muted?: boolean;
}

let participantVersion = 0;

/**
 * Tells a connected Room that `identity` is in the call with these publications, as the server's
 * participant update does (again for the same identity: their publications now). The Room emits
 * ParticipantConnected and TrackPublished itself.
 */
export function announceParticipant(
  room: Room,
  identity: string,
  tracks: RemoteTrackSpec[],
): RemoteParticipant {
  const info = new ParticipantInfo({
    sid: `PA_${identity}`,
    identity,
    state: ParticipantInfo_State.ACTIVE,
    version: ++participantVersion,
    tracks: tracks.map(
      (track) =>
        new TrackInfo({
          sid: track.sid,
          name: track.source,
          type: track.source === 'camera' ? TrackType.VIDEO : TrackType.AUDIO,
          source: track.source === 'camera' ? TrackSource.CAMERA : TrackSource.MICROPHONE,
          encryption: track.encrypted === false ? Encryption_Type.NONE : Encryption_Type.GCM,
          muted: track.muted ?? false,
        }),
    ),
  });
  (
    room as unknown as { handleParticipantUpdates(infos: ParticipantInfo[]): void }
  ).handleParticipantUpdates([info]);
  return room.remoteParticipants.get(identity)!;
}

/** Tells the Room that `identity` left, as the server does. */
export function announceDeparture(room: Room, identity: string): void {
  const info = new ParticipantInfo({
    sid: `PA_${identity}`,
    identity,
    state: ParticipantInfo_State.DISCONNECTED,
    version: ++participantVersion,
  });
  (
    room as unknown as { handleParticipantUpdates(infos: ParticipantInfo[]): void }
  ).handleParticipantUpdates([info]);
}

/**
 * Delivers media for a remote publication, as the subscriber connection would: a real
 * MediaStreamTrack (a silent tone, or a canvas), which the Room announces with TrackSubscribed.
 */
export function deliverTrack(participant: RemoteParticipant, sid: string): MediaStreamTrack {
  const publication = participant.trackPublications.get(sid)!;
  let track: MediaStreamTrack;
  if (publication.kind === 'video') {
    const canvas = document.createElement('canvas');
    canvas.getContext('2d')!.fillRect(0, 0, 4, 4);
    track = canvas.captureStream().getVideoTracks()[0]!;
  } else {
    const context = new AudioContext();
    const destination = context.createMediaStreamDestination();
    track = destination.stream.getAudioTracks()[0]!;
  }
  participant.addSubscribedMediaTrack(
    track,
    sid,
    new MediaStream([track]),
    undefined as unknown as RTCRtpReceiver,
  );
  return track;
}

/** This device's member, signed, camera off. */
export const me: CallParticipant = {
  identity: 'marie-dupont',
  name: 'Marie Dupont',
  verified: true,
  local: true,
  speaking: false,
  quality: 'excellent',
  microphone: 'on',
  camera: 'off',
  encryption: 'encrypted',
};

/** A signed member, speaking, camera on. */
export const paul: CallParticipant = {
  identity: 'paul-martin',
  name: 'Paul Martin',
  verified: true,
  local: false,
  speaking: true,
  quality: 'good',
  microphone: 'on',
  camera: 'on',
  encryption: 'encrypted',
};

/** Someone holding a token but not in the signed directory. */
export const intruder: CallParticipant = {
  identity: 'stolen-token',
  name: 'stolen-token',
  verified: false,
  local: false,
  speaking: false,
  quality: 'poor',
  microphone: 'muted',
  camera: 'off',
  encryption: 'encrypted',
};

/** A signed member whose media arrives unencrypted. */
export const zoe: CallParticipant = {
  identity: 'zoe-bernard',
  name: 'Zoé Bernard',
  verified: true,
  local: false,
  speaking: false,
  quality: 'unknown',
  microphone: 'off',
  camera: 'off',
  encryption: 'not-encrypted',
};

/** A connected call with me, Paul (speaking) and the intruder, changed by `changes`. */
export function callState(changes: Partial<CallState> = {}): CallState {
  return {
    ...INITIAL_CALL_STATE,
    connection: 'connected',
    participants: [me, paul, intruder],
    activeSpeakers: ['paul-martin'],
    microphone: true,
    ...changes,
  };
}
