// The call's secure core: how a Room is opened end-to-end encrypted, and what of the others'
// media may be received and played. Everything else in the call (reconnecting, devices, the view)
// builds on these functions and cannot weaken them. What they guarantee:
//
// 1. No Room where the browser cannot encrypt: `createEncryptedRoom` makes none, so nothing
//    connects (the session also stops before capturing: `canEncryptCalls`).
// 2. Every Room carries the kit's room key and its own E2EE worker; if either cannot be set up
//    (no worker, a key livekit-client cannot use), there is no Room, hence no connection.
// 3. Encryption is switched on before connecting, never after.
// 4. A Room is in the call only once this device's own encryption is active: `connectEncrypted`
//    answers 'connected' then and only then; anything else means the caller leaves the Room
//    (`closeEncryptedRoom`) without publishing.
// 5. An unencrypted remote publication is never wanted: it is unsubscribed as soon as it is seen
//    (autoSubscribe may have had the server start sending it), on every publish, subscribe and
//    reconnection, and in audio-only mode no video is wanted either.
// 6. No unencrypted remote track reaches the elements to be played or shown: a participant's
//    tracks are exposed only through `playableTrack` (used by call-view-state.ts).
import {
  ConnectionState,
  RoomEvent,
  Track,
  isLocalParticipant,
  type Participant,
  type RemoteTrackPublication,
  type Room,
  type RoomOptions,
} from 'livekit-client';
import type { VerifiedRoomAccess } from '../kit/kit-service.js';
import { connectionProblemOf } from './call-problems.js';
import type { CallProblem } from './call-types.js';
import { canEncryptCalls } from './e2ee.js';
import { readReceiverFramesEarly } from './early-receiver-streams.js';
import { markJoin } from './join-timeline.js';
import { RoomKeyProvider } from './room-key-provider.js';

/** How Rooms and their workers are made (tests wrap them; production uses livekit-client's). */
export interface EncryptedRoomFactory {
  createWorker: () => Worker;
  createRoom: (options: RoomOptions) => Room;
}

/** What the caller may choose of a Room: where capture and sound go, nothing about encryption. */
export type RoomDeviceOptions = Pick<RoomOptions, 'videoCaptureDefaults' | 'audioOutput'>;

/** Each Room's own worker (a worker shared between Rooms mixes up their streams). */
const workers = new WeakMap<Room, Worker>();

/** A new Room set up to encrypt with `roomKey`, not yet connected; undefined if it cannot be. */
export function createEncryptedRoom(
  roomKey: CryptoKey,
  devices: RoomDeviceOptions,
  factory: EncryptedRoomFactory,
): Room | undefined {
  if (!canEncryptCalls()) return undefined;
  const keyProvider = new RoomKeyProvider();
  let worker: Worker | undefined;
  try {
    worker = factory.createWorker();
    const room = factory.createRoom({
      ...devices,
      adaptiveStream: true,
      dynacast: true,
      // E2EE: no RED (livekit-client turns it off anyway) and VP8, which every SDK decrypts.
      publishDefaults: { videoCodec: 'vp8', red: false, dtx: true, simulcast: true },
      encryption: { keyProvider, worker },
    });
    keyProvider.setRoomKey(roomKey);
    readReceiverFramesEarly(room);
    workers.set(room, worker);
    return room;
  } catch {
    // No worker, no encrypted Room, or a key livekit-client cannot use: never a plain call.
    worker?.terminate();
    return undefined;
  }
}

/**
 * Switches encryption on, connects, then waits until this device encrypts what it sends.
 * 'connected' only then; 'cancelled' once `cancelled()` says the caller gave the Room up; else
 * the problem, and the caller must leave the Room (`closeEncryptedRoom`) and publish nothing.
 */
export async function connectEncrypted(
  room: Room,
  access: VerifiedRoomAccess,
  options: { encryptionTimeoutMs: number; cancelled: () => boolean },
): Promise<'connected' | 'cancelled' | CallProblem> {
  try {
    await room.setE2EEEnabled(true);
    markJoin('e2ee-enabled');
    await room.connect(access.room.livekitUrl, access.member.livekitToken, {
      autoSubscribe: true,
    });
  } catch (error) {
    return options.cancelled() ? 'cancelled' : connectionProblemOf(error);
  }
  if (options.cancelled()) return 'cancelled';
  markJoin('connected');
  const encrypted = await localEncryptionActive(room, options.encryptionTimeoutMs);
  markJoin('encryption-active');
  if (options.cancelled()) return 'cancelled';
  if (encrypted && room.state === ConnectionState.Connected) return 'connected';
  return room.state === ConnectionState.Disconnected
    ? { kind: 'unreachable', detail: 'disconnected while joining' }
    : { kind: 'encryption' };
}

/** Resolves true once this device encrypts what it sends, false on timeout or disconnection. */
function localEncryptionActive(room: Room, timeoutMs: number): Promise<boolean> {
  if (room.isE2EEEnabled) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (active: boolean) => {
      window.clearTimeout(timer);
      room.off(RoomEvent.ParticipantEncryptionStatusChanged, onStatus);
      room.off(RoomEvent.Disconnected, onDisconnected);
      resolve(active);
    };
    const onStatus = (encrypted: boolean, participant?: Participant) => {
      if (encrypted && participant && isLocalParticipant(participant)) done(true);
    };
    const onDisconnected = () => done(false);
    const timer = window.setTimeout(() => done(room.isE2EEEnabled), timeoutMs);
    room.on(RoomEvent.ParticipantEncryptionStatusChanged, onStatus);
    room.on(RoomEvent.Disconnected, onDisconnected);
  });
}

/** Disconnects a Room and ends its worker. */
export async function closeEncryptedRoom(room: Room): Promise<void> {
  try {
    await room.disconnect(true);
  } catch {
    // Already gone: nothing to close.
  }
  workers.get(room)?.terminate();
  workers.delete(room);
}

// ---- What may be received and played -----------------------------------------------------------

/** Whether a remote publication may be received: encrypted, and no video in audio-only mode. */
export function mayReceive(publication: RemoteTrackPublication, audioOnly: boolean): boolean {
  return publication.isEncrypted && !(audioOnly && publication.kind === Track.Kind.Video);
}

/** (Un)subscribes one publication as `mayReceive` says. */
export function applyReceivePolicy(publication: RemoteTrackPublication, audioOnly: boolean): void {
  const wanted = mayReceive(publication, audioOnly);
  if (publication.isDesired !== wanted) publication.setSubscribed(wanted);
}

/** Applies the policy to every remote publication of the Room. */
export function applyReceivePolicyToRoom(room: Room, audioOnly: boolean): void {
  for (const participant of room.remoteParticipants.values()) {
    for (const publication of participant.trackPublications.values()) {
      applyReceivePolicy(publication, audioOnly);
    }
  }
}

/**
 * Applies the policy whenever the Room announces or subscribes a publication, and again after a
 * reconnection, while `call.isCurrent()`. Listen with this before anything else does, so that a
 * publication is (un)subscribed before it is described.
 */
export function enforceReceivePolicy(
  room: Room,
  call: { isCurrent: () => boolean; audioOnly: () => boolean },
): void {
  const apply = (publication: RemoteTrackPublication) => {
    if (call.isCurrent()) applyReceivePolicy(publication, call.audioOnly());
  };
  room
    .on(RoomEvent.TrackPublished, apply)
    .on(RoomEvent.TrackSubscribed, (_track, publication: RemoteTrackPublication) =>
      apply(publication),
    )
    .on(RoomEvent.Reconnected, () => {
      if (call.isCurrent()) applyReceivePolicyToRoom(room, call.audioOnly());
    });
}

/**
 * The track of a publication that may be played or shown: this device's own, or a remote one
 * only if it is encrypted. Undefined otherwise.
 */
export function playableTrack(
  publication: { track?: Track; isEncrypted: boolean } | undefined,
  local: boolean,
): Track | undefined {
  return publication?.track && (local || publication.isEncrypted) ? publication.track : undefined;
}
