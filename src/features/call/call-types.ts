// The call as the rest of the app sees it: plain data the elements render, and what a join asks
// for. No behaviour and no livekit-client values here, so the elements and their tests can use
// these types without loading the call's machinery.
import type { Room, Track } from 'livekit-client';
import type { VerifiedRoomAccess } from '../kit/kit-service.js';
import type { DirectoryMember } from './call-participants.js';

/** Where the call stands. */
export type CallConnection =
  'idle' | 'connecting' | 'connected' | 'reconnecting' | 'rejoining' | 'unreachable' | 'left';

/** What this device can say of a participant's media encryption. */
export type ParticipantEncryption = 'encrypted' | 'not-encrypted' | 'cannot-decrypt';

/** LiveKit's connection quality, as a plain string. */
export type CallQuality = 'excellent' | 'good' | 'poor' | 'lost' | 'unknown';

/** One person in the call, local or remote. */
export interface CallParticipant {
  identity: string;
  /** The signed directory's name, else the identity. */
  name: string;
  /** Whether the identity is a member of the signed directory. */
  verified: boolean;
  local: boolean;
  speaking: boolean;
  quality: CallQuality;
  /** 'off' when no microphone is published at all. */
  microphone: 'on' | 'muted' | 'off';
  camera: 'on' | 'off';
  encryption: ParticipantEncryption;
  /** The camera track to show, if any (never an unencrypted one). */
  videoTrack?: Track;
  /** A remote participant's sound to play, if any (never an unencrypted one). */
  audioTrack?: Track;
}

/**
 * Why the call is not going on, when it is 'unreachable' (or could not start). Each kind has its
 * sentence in the catalogues; `detail` is livekit-client's own words (English, tokens cut out),
 * shown only behind "Technical details".
 */
export type CallProblem =
  | { kind: 'unsupported' }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'refused'; detail: string }
  | { kind: 'duplicate' }
  | { kind: 'removed' }
  | { kind: 'encryption' };

/** Why the microphone or the camera could not be used. */
export interface MediaProblem {
  kind: 'denied' | 'not-found' | 'in-use' | 'other';
  /** What was asked for when it failed. */
  device: 'microphone' | 'camera' | 'both';
  /** Joining (the call went on without it, or did not start) or later in the call. */
  phase: 'join' | 'call';
}

/** A capture or output device the user can pick. */
export interface CallDevice {
  deviceId: string;
  /** The browser's name for it; empty when it gives none (the view then says "Output 2"). */
  label: string;
  /** Its place in the list, from 1, to name a device that has no label. */
  ordinal: number;
}

export interface CallDevices {
  cameras: readonly CallDevice[];
  activeCamera?: string;
  /** Sound outputs, only where the browser can choose one (`setSinkId`). */
  speakers: readonly CallDevice[];
  activeSpeaker?: string;
}

/** Everything the elements render. */
export interface CallState {
  connection: CallConnection;
  /** This device first, then the others in the order they joined. */
  participants: readonly CallParticipant[];
  /** Identities of who is speaking now, loudest first. */
  activeSpeakers: readonly string[];
  /** The remote participant who spoke last, for the speaker layout. */
  lastSpeaker?: string;
  problem?: CallProblem;
  /** Before joining: why joining stopped; in the call: a device that could not start. */
  media?: MediaProblem;
  /** The microphone is published and not muted. */
  microphone: boolean;
  /** The camera is published and sending. */
  camera: boolean;
  audioOnly: boolean;
  listenOnly: boolean;
  devices: CallDevices;
  /** The browser blocked playback until a user gesture. */
  audioBlocked: boolean;
  /** The E2EE worker reported an error not tied to a participant. */
  encryptionError: boolean;
  /** Sound stopped flowing and rejoining did not bring it back. */
  mediaStalled: boolean;
  /** The current rejoin attempt, from 1, while 'rejoining'. */
  rejoinAttempt: number;
}

/** A call before joining: what a new session starts from, and what leaving goes back to. */
export const INITIAL_CALL_STATE: CallState = {
  connection: 'idle',
  participants: [],
  activeSpeakers: [],
  microphone: false,
  camera: false,
  audioOnly: false,
  listenOnly: false,
  devices: { cameras: [], speakers: [] },
  audioBlocked: false,
  encryptionError: false,
  mediaStalled: false,
  rejoinAttempt: 0,
};

/** What to join, and how. */
export interface JoinRequest {
  access: VerifiedRoomAccess;
  directoryMembers: readonly DirectoryMember[];
  /** Microphone only, and no one else's video. */
  audioOnly?: boolean;
  /** Publish nothing: hear and see the others. */
  listenOnly?: boolean;
}

/**
 * What the user asked to send, kept across rejoins so a new Room publishes the same. One object
 * for the whole session, changed in place: the session's parts all read the same one.
 */
export interface PublishIntent {
  microphone: boolean;
  microphoneMuted: boolean;
  camera: boolean;
  audioOnly: boolean;
  listenOnly: boolean;
}

/**
 * What each of the session's parts (its devices, its supervisor) reads and changes of the session:
 * one state, one intent and one Room of the moment for them all, so none keeps a copy that could
 * go stale across a rejoin.
 */
export interface SessionHandle {
  /** What the member asked to send; the devices change it when one fails or is switched on. */
  readonly intent: PublishIntent;
  state(): CallState;
  update(changes: Partial<CallState>): void;
  /** Rebuilds the participants (what this device sends is among them). */
  refresh(): void;
  /** The Room of the moment, if any. */
  room(): Room | undefined;
}

/**
 * What opening a Room came to: in the call (true), given up because the user left meanwhile
 * ('cancelled'), the connection's or encryption's problem, or the capture's (the Room was left).
 */
export type OpenOutcome = true | 'cancelled' | CallProblem | { media: MediaProblem };
