// The crisis-room call, framework-free: one LiveKit Room at a time, end-to-end encrypted with the
// kit's room key, kept alive through network and server failures, described as an Observable
// state the elements render. Nothing here is Lit; tests drive it without a DOM of its own.
import {
  ConnectionError,
  ConnectionErrorReason,
  ConnectionState,
  ConnectionQuality,
  DisconnectReason,
  LogLevel,
  MediaDeviceFailure,
  RemoteAudioTrack,
  Room,
  RoomEvent,
  Track,
  VideoPresets,
  createLocalTracks,
  isLocalParticipant,
  setLogLevel,
  supportsAudioOutputSelection,
  type LocalTrack,
  type Participant,
  type RemoteParticipant,
  type RemoteTrackPublication,
  type RoomOptions,
} from 'livekit-client';
import { Observable } from '../../app/observable.js';
import type { VerifiedRoomAccess } from '../kit/kit-service.js';
import { nameParticipant, type DirectoryMember } from './call-participants.js';
import { canEncryptCalls, createE2EEWorker } from './e2ee.js';
import { readReceiverFramesEarly } from './early-receiver-streams.js';
import { markJoin } from './join-timeline.js';
import { RoomKeyProvider } from './room-key-provider.js';

// livekit-client logs at info by default; its warnings and errors are enough, and fewer lines
// mean fewer places a future version could print something it should not.
setLogLevel(LogLevel.warn);

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

/** Why the call is not going on, when it is 'unreachable' (or could not start). */
export type CallProblem =
  | { kind: 'unsupported' }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'refused'; detail: string }
  | { kind: 'duplicate' }
  | { kind: 'removed' }
  | { kind: 'encryption' };

/** What capturing for a join gave: tracks (maybe with a notice, e.g. no camera), or why not. */
type Captured = { tracks: LocalTrack[]; notice?: MediaProblem } | { problem: MediaProblem };

/** Whether the browser already lets this page use what a join captures: no question pending. */
async function mediaAlreadyAllowed(withCamera: boolean): Promise<boolean> {
  const names = withCamera ? ['microphone', 'camera'] : ['microphone'];
  try {
    const states = await Promise.all(
      names.map((name) => navigator.permissions.query({ name: name as PermissionName })),
    );
    return states.every((status) => status.state === 'granted');
  } catch {
    // No Permissions API, or no such permission name (Firefox has no 'camera'): ask first.
    return false;
  }
}

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
  label: string;
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

/** What to join, and how. */
export interface JoinRequest {
  access: VerifiedRoomAccess;
  directoryMembers: readonly DirectoryMember[];
  /** Microphone only, and no one else's video. */
  audioOnly?: boolean;
  /** Publish nothing: hear and see the others. */
  listenOnly?: boolean;
}

/** Seams for tests and tuning; the defaults are the production ones. */
export interface CallSessionOptions {
  /** A new E2EE worker for each Room (tests load it from /node_modules). */
  createWorker?: () => Worker;
  /** Builds each Room (tests may wrap it). */
  createRoom?: (options: RoomOptions) => Room;
  /** The wait before rejoin attempt `attempt` (from 1). */
  rejoinDelay?: (attempt: number) => number;
  /** How long after a (re)connection sound flow is first checked, and between checks. */
  mediaCheckDelayMs?: number;
  mediaCheckIntervalMs?: number;
  /** How long to wait for the local participant's encryption to become active. */
  encryptionTimeoutMs?: number;
}

/** 1 s, 2 s, 4 s, 8 s, then every 10 s. */
export function defaultRejoinDelay(attempt: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempt - 1), 10_000);
}

/** A participant whose frames failed to decrypt stays flagged this long after the last error. */
// The E2EE worker throttles decryption errors (ErrorRateLimiter: at most 5 a minute, then one a
// minute while failures go on), so a lasting failure is reported at least every ~61 s.
const CANNOT_DECRYPT_MS = 90_000;
/** After this many forced rejoins in a row with sound still not flowing, stop and say so. */
const MAX_FORCED_REJOINS = 3;

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

/** What the user asked to send, kept across rejoins so a new Room publishes the same. */
interface PublishIntent {
  microphone: boolean;
  microphoneMuted: boolean;
  camera: boolean;
  audioOnly: boolean;
  listenOnly: boolean;
}

/**
 * One crisis-room call. `join()` refuses to start without end-to-end encryption, sets the room key
 * and enables encryption before connecting, and publishes only once this device's encryption is
 * active. LiveKit's own resume and reconnect come first; when the Room gives up (or sound stops
 * flowing after a reconnect), a new Room rejoins after a backoff, for as long as the session lives.
 */
export class CallSession {
  /** The call as the elements render it. */
  readonly state = new Observable<CallState>(INITIAL_CALL_STATE);

  private readonly createWorker: () => Worker;
  private readonly createRoom: (options: RoomOptions) => Room;
  private readonly rejoinDelay: (attempt: number) => number;
  private readonly mediaCheckDelayMs: number;
  private readonly mediaCheckIntervalMs: number;
  private readonly encryptionTimeoutMs: number;

  private request?: JoinRequest;
  private intent: PublishIntent = {
    microphone: false,
    microphoneMuted: false,
    camera: false,
    audioOnly: false,
    listenOnly: false,
  };
  private room?: Room;
  /** The Room whose connection and encryption are up: only its connection events count. */
  private established?: Room;
  private readonly workers = new Map<Room, Worker>();
  private userLeft = false;
  private disposed = false;
  private joining = false;
  private rejoinAttempt = 0;
  private rejoinTimer?: number;
  private mediaCheckTimer?: number;
  private forcedRejoins = 0;
  /** Every remote sound was stuck at the last check and its subscriptions were renewed. */
  private renewedAll = false;
  /**
   * Who had a camera on when the connection dropped. After a server restart LiveKit can bring
   * everyone back with sound but without each other's video, for good (livekit/client-sdk-js#2074);
   * the media check compares against this and rejoins with a new Room.
   */
  private camerasBeforeReconnect = new Set<string>();
  private cameraId?: string;
  private speakerId?: string;
  private readonly cannotDecrypt = new Map<string, number>();
  private cannotDecryptTimer?: number;
  private lastSpeaker?: string;

  constructor(options: CallSessionOptions = {}) {
    this.createWorker = options.createWorker ?? createE2EEWorker;
    this.createRoom = options.createRoom ?? ((roomOptions) => new Room(roomOptions));
    this.rejoinDelay = options.rejoinDelay ?? defaultRejoinDelay;
    this.mediaCheckDelayMs = options.mediaCheckDelayMs ?? 5000;
    this.mediaCheckIntervalMs = options.mediaCheckIntervalMs ?? 15_000;
    this.encryptionTimeoutMs = options.encryptionTimeoutMs ?? 10_000;
    window.addEventListener('online', this.onOnline);
  }

  /** The Room of the moment, for tests and diagnostics; undefined between Rooms. */
  get currentRoom(): Room | undefined {
    return this.room;
  }

  /**
   * Joins the room: captures the microphone (and camera) first, so a refusal is known before
   * connecting, then connects encrypted. Resolves once joined, refused or unreachable; the state
   * says which.
   */
  async join(request: JoinRequest): Promise<void> {
    if (this.disposed || this.joining || this.room || this.rejoinTimer !== undefined) return;
    if (!canEncryptCalls()) {
      this.update({ connection: 'idle', problem: { kind: 'unsupported' } });
      return;
    }
    markJoin('start');
    this.joining = true;
    this.request = request;
    this.userLeft = false;
    this.rejoinAttempt = 0;
    this.forcedRejoins = 0;
    const listenOnly = request.listenOnly ?? false;
    const audioOnly = request.audioOnly ?? false;
    this.intent = {
      microphone: !listenOnly,
      microphoneMuted: false,
      camera: !listenOnly && !audioOnly,
      audioOnly,
      listenOnly,
    };
    this.update({
      ...INITIAL_CALL_STATE,
      connection: 'connecting',
      audioOnly,
      listenOnly,
      devices: this.state.value.devices,
    });
    try {
      const capture: Promise<Captured> = listenOnly
        ? Promise.resolve({ tracks: [] })
        : this.captureForJoin(!audioOnly).then((captured) => {
            if ('tracks' in captured) {
              markJoin('media-captured');
              if (!captured.tracks.some((track) => track.kind === Track.Kind.Video)) {
                this.intent.camera = false;
              }
            }
            return captured;
          });
      // Where the browser already allows the camera and microphone, they start while the Room
      // connects (capturing first was on the way to the first picture). Otherwise the member
      // answers the browser's question, or learns it is refused, before anyone sees them join.
      if (!listenOnly && !(await mediaAlreadyAllowed(!audioOnly))) {
        const captured = await capture;
        if ('problem' in captured) {
          this.update({ connection: 'idle', media: captured.problem });
          return;
        }
      }
      if (this.userLeft || this.disposed) {
        const captured = await capture;
        if ('tracks' in captured) for (const track of captured.tracks) track.stop();
        return;
      }
      const opened = await this.openRoom(capture);
      const captured = await capture;
      if (opened === true) {
        if ('notice' in captured && captured.notice) this.update({ media: captured.notice });
        return;
      }
      if ('tracks' in captured) for (const track of captured.tracks) track.stop();
      if (opened === 'cancelled') return;
      if ('media' in opened) this.update({ connection: 'idle', media: opened.media });
      else this.update({ connection: 'unreachable', problem: opened });
    } finally {
      this.joining = false;
    }
  }

  /** Joins again with the last request, after 'unreachable' or 'left'. */
  async retry(): Promise<void> {
    if (!this.request) return;
    const { audioOnly, listenOnly } = this.intent;
    await this.join({ ...this.request, audioOnly, listenOnly });
  }

  /** Leaves the call for good (until the user joins again). */
  async leave(): Promise<void> {
    this.userLeft = true;
    this.clearTimers();
    const room = this.room;
    this.room = undefined;
    if (room) await this.closeRoom(room);
    if (!this.disposed) {
      this.update({
        ...INITIAL_CALL_STATE,
        connection: 'left',
        audioOnly: this.intent.audioOnly,
        listenOnly: this.intent.listenOnly,
        devices: this.state.value.devices,
      });
    }
  }

  /** Leaves and stops listening to the browser: the page is gone. */
  async dispose(): Promise<void> {
    window.removeEventListener('online', this.onOnline);
    await this.leave();
    this.disposed = true;
  }

  /** Mutes or unmutes the microphone, publishing it first if it never was (listen-only). */
  async setMicrophoneEnabled(enabled: boolean): Promise<void> {
    const room = this.connectedRoom();
    this.intent.microphone = this.intent.microphone || enabled;
    this.intent.microphoneMuted = !enabled;
    if (enabled) this.intent.listenOnly = false;
    if (!room) return this.refresh();
    try {
      await room.localParticipant.setMicrophoneEnabled(enabled);
      if (enabled) this.clearMediaProblem('microphone');
    } catch (error) {
      this.intent.microphoneMuted = true;
      this.update({ media: mediaProblemOf(error, 'microphone', 'call') });
    }
    this.update({ listenOnly: this.intent.listenOnly });
    this.refresh();
  }

  /** Starts or stops the camera (a stopped camera's light goes off). Not in audio-only mode. */
  async setCameraEnabled(enabled: boolean): Promise<void> {
    if (this.intent.audioOnly && enabled) return;
    const room = this.connectedRoom();
    this.intent.camera = enabled;
    if (enabled) this.intent.listenOnly = false;
    if (!room) return this.refresh();
    try {
      await room.localParticipant.setCameraEnabled(enabled, this.cameraCapture());
      if (enabled) this.clearMediaProblem('camera');
    } catch (error) {
      this.intent.camera = false;
      this.update({ media: mediaProblemOf(error, 'camera', 'call') });
    }
    this.update({ listenOnly: this.intent.listenOnly });
    await this.refreshDevices(room);
  }

  /** Uses the given camera, or the next one in the list. */
  async switchCamera(deviceId?: string): Promise<void> {
    const room = this.connectedRoom();
    if (!room) return;
    const cameras = this.state.value.devices.cameras;
    let next = deviceId;
    if (!next && cameras.length > 1) {
      const active = room.getActiveDevice('videoinput') ?? this.cameraId;
      const index = cameras.findIndex((camera) => camera.deviceId === active);
      next = cameras[(index + 1) % cameras.length]!.deviceId;
    }
    if (!next) return;
    this.cameraId = next;
    try {
      await room.switchActiveDevice('videoinput', next);
    } catch (error) {
      this.update({ media: mediaProblemOf(error, 'camera', 'call') });
    }
    await this.refreshDevices(room);
  }

  /** Plays the call on the given sound output, where the browser allows choosing one. */
  async setSpeaker(deviceId: string): Promise<void> {
    if (!supportsAudioOutputSelection()) return;
    this.speakerId = deviceId;
    const room = this.connectedRoom();
    if (room) {
      // A refused output keeps playing where it was; the list shows which one that is.
      await room.switchActiveDevice('audiooutput', deviceId).catch(() => undefined);
      await this.refreshDevices(room);
    }
  }

  /**
   * Audio-only mode: the camera is unpublished (its light goes off) and nobody's video is
   * received. Back out of it, every video is received again and the camera comes back if it was on.
   */
  async setAudioOnly(audioOnly: boolean): Promise<void> {
    const wasCamera = this.intent.camera || this.state.value.camera;
    this.intent.audioOnly = audioOnly;
    this.update({ audioOnly });
    const room = this.connectedRoom();
    if (!room) return;
    this.applySubscriptions(room);
    const camera = room.localParticipant.getTrackPublication(Track.Source.Camera);
    if (audioOnly) {
      this.intent.camera = wasCamera;
      // Unpublishing from a Room that just dropped fails; the rejoin then publishes no camera.
      if (camera?.track) {
        await room.localParticipant.unpublishTrack(camera.track, true).catch(() => undefined);
      }
    } else if (this.intent.camera && !this.intent.listenOnly) {
      try {
        await room.localParticipant.setCameraEnabled(true, this.cameraCapture());
      } catch (error) {
        this.intent.camera = false;
        this.update({ media: mediaProblemOf(error, 'camera', 'call') });
      }
    }
    this.refresh();
  }

  /** Starts playback after the browser blocked it (needs a user gesture). */
  async startAudio(): Promise<void> {
    const room = this.room;
    if (!room) return;
    await room.startAudio().catch(() => undefined);
    this.update({ audioBlocked: !room.canPlaybackAudio });
  }

  // ---- Connecting ----------------------------------------------------------------------------

  /**
   * A new encrypted Room, connected and publishing what `capture` gives (awaited only to
   * publish, so the camera can start while the Room connects). Returns true once in the call,
   * 'cancelled' if the user left meanwhile, or the problem that stopped it: the connection's,
   * or the capture's (the Room is then left).
   */
  private async openRoom(
    capture: Promise<Captured>,
  ): Promise<true | 'cancelled' | CallProblem | { media: MediaProblem }> {
    const { access } = this.request!;
    const keyProvider = new RoomKeyProvider();
    let worker: Worker | undefined;
    let room: Room;
    try {
      worker = this.createWorker();
      room = this.createRoom({
        encryption: { keyProvider, worker },
        adaptiveStream: true,
        dynacast: true,
        // E2EE: no RED (livekit-client turns it off anyway) and VP8, which every SDK decrypts.
        publishDefaults: { videoCodec: 'vp8', red: false, dtx: true, simulcast: true },
        videoCaptureDefaults: this.cameraCapture(),
        ...(this.speakerId ? { audioOutput: { deviceId: this.speakerId } } : {}),
      });
      keyProvider.setRoomKey(access.roomKey);
      readReceiverFramesEarly(room);
      markJoin('room-created');
    } catch {
      // No worker, no encrypted Room, or a key livekit-client cannot use: never a plain call.
      worker?.terminate();
      return { kind: 'encryption' };
    }
    this.room = room;
    this.workers.set(room, worker);
    this.listen(room);
    try {
      await room.setE2EEEnabled(true);
      markJoin('e2ee-enabled');
      await room.connect(access.room.livekitUrl, access.member.livekitToken, {
        autoSubscribe: true,
      });
    } catch (error) {
      if (this.room !== room) return 'cancelled';
      this.room = undefined;
      await this.closeRoom(room);
      return connectionProblemOf(error);
    }
    if (this.room !== room) return 'cancelled';
    markJoin('connected');
    const encrypted = await this.localEncryptionActive(room);
    markJoin('encryption-active');
    if (this.room !== room) return 'cancelled';
    if (!encrypted || room.state !== ConnectionState.Connected) {
      const dropped = room.state === ConnectionState.Disconnected;
      this.room = undefined;
      await this.closeRoom(room);
      // Never publish unencrypted: a Room that does not encrypt is left, not used.
      return dropped
        ? { kind: 'unreachable', detail: 'disconnected while joining' }
        : { kind: 'encryption' };
    }
    const captured = await capture;
    if (this.room !== room) return 'cancelled';
    if ('problem' in captured) {
      // No microphone to join with: leave, and say why, as if the Room had never been opened.
      this.room = undefined;
      await this.closeRoom(room);
      return { media: captured.problem };
    }
    this.established = room;
    // A new Room, a new worker: what the old one failed to decrypt says nothing of this one.
    this.cannotDecrypt.clear();
    this.applySubscriptions(room);
    this.update({ connection: 'connected', problem: undefined, rejoinAttempt: 0 });
    await this.publish(room, captured.tracks);
    markJoin('published');
    if (this.room !== room) return 'cancelled';
    this.update({ audioBlocked: !room.canPlaybackAudio });
    await this.refreshDevices(room);
    this.scheduleMediaCheck(room, this.mediaCheckDelayMs);
    return true;
  }

  /** Resolves true once this device encrypts what it sends, false on timeout or disconnection. */
  private localEncryptionActive(room: Room): Promise<boolean> {
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
      const timer = window.setTimeout(() => done(room.isE2EEEnabled), this.encryptionTimeoutMs);
      room.on(RoomEvent.ParticipantEncryptionStatusChanged, onStatus);
      room.on(RoomEvent.Disconnected, onDisconnected);
    });
  }

  /**
   * Publishes the tracks captured before joining, or captures and publishes what the intent asks
   * (after a rejoin: the old Room stopped its tracks). A mute is restored after publishing.
   */
  private async publish(room: Room, tracks: LocalTrack[]): Promise<void> {
    const local = room.localParticipant;
    const captured = (kind: Track.Kind) => tracks.find((track) => track.kind === kind);
    const steps: [MediaProblem['device'], boolean, () => Promise<unknown>][] = [
      [
        'microphone',
        this.intent.microphone,
        async () => {
          const track = captured(Track.Kind.Audio);
          if (track) await local.publishTrack(track);
          else await local.setMicrophoneEnabled(true);
          if (this.intent.microphoneMuted) await local.setMicrophoneEnabled(false);
        },
      ],
      [
        'camera',
        this.intent.camera && !this.intent.audioOnly,
        async () => {
          const track = captured(Track.Kind.Video);
          if (track) await local.publishTrack(track);
          else await local.setCameraEnabled(true, this.cameraCapture());
        },
      ],
    ];
    for (const [device, wanted, publishIt] of steps) {
      if (!wanted) continue;
      try {
        await publishIt();
      } catch (error) {
        if (this.room !== room) return;
        // What failed is not sent; the sound check must not wait for it.
        if (device === 'microphone') this.intent.microphoneMuted = true;
        else this.intent.camera = false;
        this.update({ media: mediaProblemOf(error, device, 'call') });
      }
    }
    this.refresh();
  }

  /** Microphone and camera for the first join; a missing camera falls back to the microphone. */
  private async captureForJoin(withCamera: boolean): Promise<Captured> {
    try {
      return {
        tracks: await createLocalTracks({
          audio: true,
          video: withCamera ? this.cameraCapture() : false,
        }),
      };
    } catch (error) {
      const problem = mediaProblemOf(error, withCamera ? 'both' : 'microphone', 'join');
      if (!withCamera || problem.kind === 'denied') return { problem };
      // No camera (or a camera in use): the microphone alone still joins the cell.
      try {
        const tracks = await createLocalTracks({ audio: true, video: false });
        return { tracks, notice: { kind: problem.kind, device: 'camera', phase: 'join' } };
      } catch (audioError) {
        return { problem: mediaProblemOf(audioError, 'microphone', 'join') };
      }
    }
  }

  private cameraCapture() {
    return {
      resolution: VideoPresets.h540.resolution,
      ...(this.cameraId ? { deviceId: this.cameraId } : { facingMode: 'user' as const }),
    };
  }

  /** Disconnects a Room this session no longer uses, and ends its worker. */
  private async closeRoom(room: Room): Promise<void> {
    if (room === this.room) this.room = undefined;
    if (room === this.established) this.established = undefined;
    try {
      await room.disconnect(true);
    } catch {
      // Already gone: nothing to close.
    }
    this.workers.get(room)?.terminate();
    this.workers.delete(room);
  }

  /** The Room to act on: joined, even if reconnecting (a mute must work then too). */
  private connectedRoom(): Room | undefined {
    return this.room && this.room === this.established ? this.room : undefined;
  }

  // ---- Staying in the call ---------------------------------------------------------------------

  private onDisconnected(room: Room, reason?: DisconnectReason): void {
    // Before it is established, a Room's failure is the join's to report (openRoom).
    if (room !== this.room || room !== this.established) return;
    this.room = undefined;
    void this.closeRoom(room);
    window.clearTimeout(this.mediaCheckTimer);
    if (this.userLeft) {
      this.update({ ...INITIAL_CALL_STATE, connection: 'left', devices: this.state.value.devices });
      return;
    }
    const final = finalProblemOf(reason);
    if (final) {
      this.update({ connection: 'unreachable', problem: final, participants: [] });
      return;
    }
    this.scheduleRejoin();
  }

  private scheduleRejoin(): void {
    if (this.disposed || this.userLeft) return;
    this.rejoinAttempt++;
    this.update({
      connection: 'rejoining',
      rejoinAttempt: this.rejoinAttempt,
      participants: [],
      activeSpeakers: [],
      microphone: false,
      camera: false,
    });
    window.clearTimeout(this.rejoinTimer);
    this.rejoinTimer = window.setTimeout(
      () => void this.rejoin(),
      this.rejoinDelay(this.rejoinAttempt),
    );
  }

  /** One rejoin attempt with a new Room; another is scheduled if it fails. */
  private async rejoin(): Promise<void> {
    this.rejoinTimer = undefined;
    if (this.disposed || this.userLeft || this.room || !this.request) return;
    const opened = await this.openRoom(Promise.resolve({ tracks: [] }));
    if (opened === true || opened === 'cancelled' || 'media' in opened) return;
    if (opened.kind === 'unreachable') this.scheduleRejoin();
    else this.update({ connection: 'unreachable', problem: opened, participants: [] });
  }

  /** Back online while waiting to rejoin: try now rather than at the end of the backoff. */
  private readonly onOnline = () => {
    if (this.rejoinTimer !== undefined) {
      window.clearTimeout(this.rejoinTimer);
      void this.rejoin();
    }
  };

  /** A full rejoin on purpose: the Room is connected but sound does not flow. */
  /**
   * Whether someone whose camera was on before the reconnect is back without any camera
   * publication (not merely muted: that would be announced). Forgets whoever is back with video or
   * gone.
   */
  private videoLostInReconnect(room: Room): boolean {
    if (this.intent.audioOnly) this.camerasBeforeReconnect.clear();
    for (const identity of this.camerasBeforeReconnect) {
      const participant = room.remoteParticipants.get(identity);
      if (!participant || participant.getTrackPublication(Track.Source.Camera)) {
        this.camerasBeforeReconnect.delete(identity);
      }
    }
    const lost = this.camerasBeforeReconnect.size > 0;
    this.camerasBeforeReconnect.clear();
    return lost;
  }

  /** Notes whose camera was on, once per drop (the first Reconnecting of a series). */
  private rememberCameras(room: Room): void {
    if (this.state.value.connection === 'reconnecting') return;
    this.camerasBeforeReconnect = new Set(
      [...room.remoteParticipants.values()]
        .filter((participant) => {
          const camera = participant.getTrackPublication(Track.Source.Camera);
          return camera !== undefined && !camera.isMuted;
        })
        .map((participant) => participant.identity),
    );
  }

  private forceRejoin(room: Room): void {
    if (room !== this.room) return;
    this.forcedRejoins++;
    this.room = undefined;
    void this.closeRoom(room);
    this.scheduleRejoin();
  }

  private scheduleMediaCheck(room: Room, delay: number): void {
    window.clearTimeout(this.mediaCheckTimer);
    this.mediaCheckTimer = window.setTimeout(() => {
      // Statistics of a connection closing under our feet: try again at the next check.
      this.checkMediaFlow(room).catch(() => {
        if (room === this.room) this.scheduleMediaCheck(room, this.mediaCheckIntervalMs);
      });
    }, delay);
  }

  /**
   * Checks that sound flows both ways: what the microphone sends and what each remote microphone
   * sends us must grow between two samples. LiveKit's reconnect can come back with one-way media,
   * and the cure is a new Room: at once when our own sound is stuck; when every remote sound is,
   * only if renewing those subscriptions did not help by the next check (a lone remote whose
   * microphone died is their problem, and they rejoin on their side). A stuck remote among others
   * that flow is renewed alone.
   */
  private async checkMediaFlow(room: Room): Promise<void> {
    if (room !== this.room || this.state.value.connection !== 'connected') return;
    if (this.videoLostInReconnect(room) && this.forcedRejoins < MAX_FORCED_REJOINS) {
      this.forceRejoin(room);
      return;
    }
    const before = await audioCounters(room);
    await new Promise((resolve) => window.setTimeout(resolve, 2500));
    if (room !== this.room || this.state.value.connection !== 'connected') return;
    const after = await audioCounters(room);
    if (room !== this.room) return;

    const expectSending = this.intent.microphone && !this.intent.microphoneMuted;
    const { sendingStuck, stuck, watched } = judgeAudioFlow(before, after, expectSending);
    const receivingStuck = watched > 0 && stuck.length === watched;
    if (sendingStuck || (receivingStuck && this.renewedAll)) {
      this.renewedAll = false;
      if (this.forcedRejoins < MAX_FORCED_REJOINS) {
        this.forceRejoin(room);
        return;
      }
      this.update({ mediaStalled: true });
    } else if (receivingStuck) {
      this.renewedAll = true;
      for (const sid of stuck) renewSubscription(room, sid);
      this.scheduleMediaCheck(room, this.mediaCheckDelayMs);
      return;
    } else {
      this.forcedRejoins = 0;
      this.renewedAll = false;
      if (this.state.value.mediaStalled) this.update({ mediaStalled: false });
      for (const sid of stuck) renewSubscription(room, sid);
    }
    this.scheduleMediaCheck(room, this.mediaCheckIntervalMs);
  }

  // ---- Room events -----------------------------------------------------------------------------

  private listen(room: Room): void {
    const current = () => room === this.room;
    const live = () => current() && room === this.established;
    const refresh = () => current() && this.refresh();
    room
      .on(RoomEvent.SignalConnected, () => markJoin('signal-connected'))
      .on(RoomEvent.ParticipantConnected, refresh)
      .on(RoomEvent.ParticipantDisconnected, (participant: RemoteParticipant) => {
        this.cannotDecrypt.delete(participant.identity);
        refresh();
      })
      .on(RoomEvent.TrackPublished, (publication: RemoteTrackPublication) => {
        if (!current()) return;
        this.applySubscription(publication);
        this.refresh();
      })
      .on(RoomEvent.TrackSubscribed, (_track, publication: RemoteTrackPublication) => {
        if (!current()) return;
        if (publication.kind === Track.Kind.Video) markJoin('remote-video-subscribed');
        this.applySubscription(publication);
        this.refresh();
      })
      .on(RoomEvent.TrackUnpublished, refresh)
      .on(RoomEvent.TrackUnsubscribed, refresh)
      .on(RoomEvent.TrackMuted, refresh)
      .on(RoomEvent.TrackUnmuted, refresh)
      .on(RoomEvent.LocalTrackPublished, refresh)
      .on(RoomEvent.LocalTrackUnpublished, refresh)
      .on(RoomEvent.ConnectionQualityChanged, refresh)
      .on(RoomEvent.ParticipantEncryptionStatusChanged, refresh)
      .on(RoomEvent.ActiveSpeakersChanged, (speakers: Participant[]) => {
        if (!current()) return;
        const remote = speakers.find((speaker) => !isLocalParticipant(speaker));
        if (remote) this.lastSpeaker = remote.identity;
        this.refresh();
      })
      .on(RoomEvent.EncryptionError, (_error: Error, participant?: Participant) => {
        if (!current()) return;
        if (participant && !isLocalParticipant(participant)) {
          this.cannotDecrypt.set(participant.identity, Date.now());
          this.scheduleCannotDecryptExpiry();
          this.refresh();
        } else {
          this.update({ encryptionError: true });
        }
      })
      .on(RoomEvent.AudioPlaybackStatusChanged, () => {
        if (current()) this.update({ audioBlocked: !room.canPlaybackAudio });
      })
      .on(RoomEvent.MediaDevicesChanged, () => {
        if (current()) void this.refreshDevices(room);
      })
      .on(RoomEvent.Reconnecting, () => {
        if (!live()) return;
        this.rememberCameras(room);
        this.update({ connection: 'reconnecting' });
      })
      .on(RoomEvent.SignalReconnecting, () => {
        if (!live()) return;
        this.rememberCameras(room);
        this.update({ connection: 'reconnecting' });
      })
      .on(RoomEvent.Reconnected, () => {
        if (!live()) return;
        this.applySubscriptions(room);
        this.update({ connection: 'connected' });
        this.refresh();
        this.scheduleMediaCheck(room, this.mediaCheckDelayMs);
      })
      .on(RoomEvent.Disconnected, (reason?: DisconnectReason) => this.onDisconnected(room, reason));
  }

  /**
   * Receives what should be received: never an unencrypted publication (its sound would play in
   * clear), and no video in audio-only mode.
   */
  private applySubscription(publication: RemoteTrackPublication): void {
    const wanted =
      publication.isEncrypted && !(this.intent.audioOnly && publication.kind === Track.Kind.Video);
    if (publication.isDesired !== wanted) publication.setSubscribed(wanted);
  }

  private applySubscriptions(room: Room): void {
    for (const participant of room.remoteParticipants.values()) {
      for (const publication of participant.trackPublications.values()) {
        this.applySubscription(publication);
      }
    }
  }

  private scheduleCannotDecryptExpiry(): void {
    window.clearTimeout(this.cannotDecryptTimer);
    const oldest = Math.min(...this.cannotDecrypt.values());
    this.cannotDecryptTimer = window.setTimeout(
      () => this.refresh(),
      Math.max(0, oldest + CANNOT_DECRYPT_MS - Date.now()) + 50,
    );
  }

  private async refreshDevices(room: Room): Promise<void> {
    try {
      const cameras = await Room.getLocalDevices('videoinput', false);
      const speakers = supportsAudioOutputSelection()
        ? await Room.getLocalDevices('audiooutput', false)
        : [];
      if (room !== this.room) return;
      const device = (info: MediaDeviceInfo, index: number): CallDevice => ({
        deviceId: info.deviceId,
        label: info.label || `${info.kind === 'videoinput' ? 'Camera' : 'Output'} ${index + 1}`,
      });
      this.update({
        devices: {
          cameras: cameras.filter((info) => info.deviceId).map(device),
          activeCamera: room.getActiveDevice('videoinput') ?? this.cameraId,
          speakers: speakers.filter((info) => info.deviceId).map(device),
          activeSpeaker: room.getActiveDevice('audiooutput') ?? this.speakerId,
        },
      });
    } catch {
      // Devices cannot be listed (no permission yet): keep the last list.
    }
  }

  private clearMediaProblem(device: MediaProblem['device']): void {
    if (this.state.value.media?.device === device) this.update({ media: undefined });
  }

  private clearTimers(): void {
    window.clearTimeout(this.rejoinTimer);
    window.clearTimeout(this.mediaCheckTimer);
    window.clearTimeout(this.cannotDecryptTimer);
    this.rejoinTimer = undefined;
  }

  // ---- State -----------------------------------------------------------------------------------

  private update(changes: Partial<CallState>): void {
    this.state.set({ ...this.state.value, ...changes });
  }

  /** Rebuilds the participants from the Room. */
  private refresh(): void {
    const room = this.room;
    if (!room) return;
    const members = this.request?.directoryMembers ?? [];
    const now = Date.now();
    for (const [identity, at] of this.cannotDecrypt) {
      if (now - at >= CANNOT_DECRYPT_MS) this.cannotDecrypt.delete(identity);
    }
    const local = room.localParticipant;
    const participants = [local, ...room.remoteParticipants.values()].map((participant) =>
      this.describe(participant, members, room),
    );
    const microphone = local.getTrackPublication(Track.Source.Microphone);
    const camera = local.getTrackPublication(Track.Source.Camera);
    this.update({
      participants,
      activeSpeakers: room.activeSpeakers.map((speaker) => speaker.identity),
      lastSpeaker: this.lastSpeaker,
      microphone: !!microphone?.track && !microphone.isMuted,
      camera: !!camera?.track && !camera.isMuted,
    });
  }

  private describe(
    participant: Participant,
    members: readonly DirectoryMember[],
    room: Room,
  ): CallParticipant {
    const local = isLocalParticipant(participant);
    const naming = nameParticipant(participant.identity, members);
    const microphone = participant.getTrackPublication(Track.Source.Microphone);
    const camera = participant.getTrackPublication(Track.Source.Camera);
    // A remote track plays only if it is encrypted; a muted camera shows no picture, while a muted
    // microphone stays attached (it sends nothing) so unmuting needs no new audio element.
    const usable = (publication?: { track?: Track; isEncrypted: boolean }) =>
      publication?.track && (local || publication.isEncrypted) ? publication.track : undefined;
    let encryption: ParticipantEncryption;
    if (local) encryption = room.isE2EEEnabled ? 'encrypted' : 'not-encrypted';
    else if (this.cannotDecrypt.has(participant.identity)) encryption = 'cannot-decrypt';
    else {
      const publications = [...participant.trackPublications.values()];
      encryption = publications.every((publication) => publication.isEncrypted)
        ? 'encrypted'
        : 'not-encrypted';
    }
    const videoTrack = camera?.isMuted ? undefined : usable(camera);
    const audioTrack = local ? undefined : usable(microphone);
    return {
      identity: participant.identity,
      name: naming.name,
      verified: naming.verified,
      local,
      speaking: participant.isSpeaking,
      quality: qualityOf(participant.connectionQuality),
      microphone: !microphone ? 'off' : microphone.isMuted ? 'muted' : 'on',
      camera: camera && !camera.isMuted && (local ? !!camera.track : true) ? 'on' : 'off',
      encryption,
      ...(videoTrack ? { videoTrack } : {}),
      ...(audioTrack ? { audioTrack } : {}),
    };
  }
}

function qualityOf(quality: ConnectionQuality): CallQuality {
  switch (quality) {
    case ConnectionQuality.Excellent:
      return 'excellent';
    case ConnectionQuality.Good:
      return 'good';
    case ConnectionQuality.Poor:
      return 'poor';
    case ConnectionQuality.Lost:
      return 'lost';
    default:
      return 'unknown';
  }
}

/** Disconnections after which rejoining would be wrong: told to stop, not cut off. */
function finalProblemOf(reason?: DisconnectReason): CallProblem | undefined {
  switch (reason) {
    case DisconnectReason.DUPLICATE_IDENTITY:
      // Rejoining would throw the other device out, which would rejoin in turn.
      return { kind: 'duplicate' };
    case DisconnectReason.PARTICIPANT_REMOVED:
    case DisconnectReason.ROOM_DELETED:
      return { kind: 'removed' };
    default:
      return undefined;
  }
}

/** Why `room.connect` failed, in the call's terms. */
function connectionProblemOf(error: unknown): CallProblem {
  if (error instanceof ConnectionError) {
    if (error.reason === ConnectionErrorReason.NotAllowed) {
      return { kind: 'refused', detail: safeDetail(error) };
    }
    if (error.reason === ConnectionErrorReason.LeaveRequest) {
      const final = finalProblemOf(error.context as DisconnectReason);
      if (final) return final;
    }
  }
  return { kind: 'unreachable', detail: safeDetail(error) };
}

/**
 * An error's message, fit to show: livekit-client redacts its URLs, and anything that looks like
 * an access token is cut out anyway, in case a future version does not.
 */
function safeDetail(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/access_token=[^&\s]+/gi, 'access_token=…')
    .replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '…')
    .slice(0, 300);
}

/** Why a capture failed. */
function mediaProblemOf(
  error: unknown,
  device: MediaProblem['device'],
  phase: MediaProblem['phase'],
): MediaProblem {
  switch (MediaDeviceFailure.getFailure(error)) {
    case MediaDeviceFailure.PermissionDenied:
      return { kind: 'denied', device, phase };
    case MediaDeviceFailure.NotFound:
      return { kind: 'not-found', device, phase };
    case MediaDeviceFailure.DeviceInUse:
      return { kind: 'in-use', device, phase };
    default:
      return { kind: 'other', device, phase };
  }
}

/** Bytes of sound sent and received so far, per remote audio publication. */
export interface AudioCounters {
  /** Bytes the microphone sent; undefined when no microphone is published. */
  sent?: number;
  /** Bytes received per remote microphone publication (track sid). */
  received: ReadonlyMap<string, number>;
  /** Remote microphones we want and should hear but have no track for. */
  missing: ReadonlySet<string>;
}

/**
 * Compares two samples of the sound counters taken a few seconds apart. Sending is stuck when the
 * microphone should send and its byte count did not grow (or it is not published at all); a remote
 * microphone is stuck when its count did not grow, or it was missing in both samples. Only what
 * both samples saw is judged: something that appeared in between waits for the next check.
 */
export function judgeAudioFlow(
  before: AudioCounters,
  after: AudioCounters,
  expectSending: boolean,
): { sendingStuck: boolean; stuck: string[]; watched: number } {
  const sendingStuck =
    expectSending &&
    (after.sent === undefined || (before.sent !== undefined && after.sent <= before.sent));
  const stuck: string[] = [];
  let watched = 0;
  for (const [sid, count] of after.received) {
    const earlier = before.received.get(sid);
    if (earlier === undefined) continue;
    watched++;
    if (count <= earlier) stuck.push(sid);
  }
  for (const sid of after.missing) {
    if (!before.missing.has(sid)) continue;
    watched++;
    stuck.push(sid);
  }
  return { sendingStuck, stuck, watched };
}

/**
 * The sound counters of a Room now. Remote participants on a poor or lost connection are left
 * out: their silence is their network's, and rejoining would not cure it.
 */
async function audioCounters(room: Room): Promise<AudioCounters> {
  const received = new Map<string, number>();
  const missing = new Set<string>();
  let sent: number | undefined;
  const microphone = room.localParticipant.getTrackPublication(Track.Source.Microphone);
  if (microphone?.audioTrack && !microphone.isMuted) {
    sent = (await microphone.audioTrack.getSenderStats())?.bytesSent;
  }
  for (const participant of room.remoteParticipants.values()) {
    const quality = participant.connectionQuality;
    if (quality === ConnectionQuality.Poor || quality === ConnectionQuality.Lost) continue;
    const publication = participant.getTrackPublication(Track.Source.Microphone);
    if (!publication || publication.isMuted || !publication.isEncrypted) continue;
    const track = publication.track;
    if (!(track instanceof RemoteAudioTrack)) {
      if (publication.isDesired) missing.add(publication.trackSid);
      continue;
    }
    const bytes = (await track.getReceiverStats())?.bytesReceived;
    if (bytes !== undefined) received.set(publication.trackSid, bytes);
  }
  return { sent, received, missing };
}

/** Asks the server for a remote track again. */
function renewSubscription(room: Room, trackSid: string): void {
  for (const participant of room.remoteParticipants.values()) {
    const publication = participant.trackPublications.get(trackSid);
    if (publication) {
      publication.setSubscribed(false);
      publication.setSubscribed(true);
      return;
    }
  }
}
