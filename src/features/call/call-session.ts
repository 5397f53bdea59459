// The crisis-room call, framework-free: one LiveKit Room at a time, end-to-end encrypted with the
// kit's room key, kept alive through network and server failures, described as an Observable
// state the elements render. Nothing here is Lit; tests drive it without a DOM of its own.
//
// This façade holds the session's lifecycle (join, leave, the Room of the moment) and hands each
// job to its part: call-secure-room.ts (encryption and what may be received: read it first),
// call-devices.ts, call-supervisor.ts (staying in the call), call-view-state.ts.
import {
  LogLevel,
  Room,
  RoomEvent,
  setLogLevel,
  type DisconnectReason,
  type RoomOptions,
} from 'livekit-client';
import { Observable } from '../../app/observable.js';
import { CallDeviceControl, mediaAlreadyAllowed, type Captured } from './call-devices.js';
import {
  applyReceivePolicyToRoom,
  closeEncryptedRoom,
  connectEncrypted,
  createEncryptedRoom,
  enforceReceivePolicy,
} from './call-secure-room.js';
import { CallSupervisor } from './call-supervisor.js';
import {
  INITIAL_CALL_STATE,
  type CallState,
  type JoinRequest,
  type OpenOutcome,
  type PublishIntent,
  type SessionHandle,
} from './call-types.js';
import { CallViewState } from './call-view-state.js';
import { canEncryptCalls, createE2EEWorker } from './e2ee.js';
import { markJoin } from './join-timeline.js';

// livekit-client logs at info by default; its warnings and errors are enough, and fewer lines
// mean fewer places a future version could print something it should not.
setLogLevel(LogLevel.warn);

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
  private readonly encryptionTimeoutMs: number;
  private readonly view: CallViewState;
  private readonly devices: CallDeviceControl;
  private readonly supervisor: CallSupervisor;

  private request?: JoinRequest;
  private readonly intent: PublishIntent = {
    microphone: false,
    microphoneMuted: false,
    camera: false,
    audioOnly: false,
    listenOnly: false,
  };
  private room?: Room;
  /** The Room whose connection and encryption are up: only its connection events count. */
  private established?: Room;
  private userLeft = false;
  private disposed = false;
  private joining = false;

  constructor(options: CallSessionOptions = {}) {
    this.createWorker = options.createWorker ?? createE2EEWorker;
    this.createRoom = options.createRoom ?? ((roomOptions) => new Room(roomOptions));
    this.encryptionTimeoutMs = options.encryptionTimeoutMs ?? 10_000;
    const update = (changes: Partial<CallState>) => this.update(changes);
    const room = () => this.room;
    this.view = new CallViewState({
      room,
      members: () => this.request?.directoryMembers ?? [],
      update,
    });
    const handle: SessionHandle = {
      intent: this.intent,
      state: () => this.state.value,
      update,
      refresh: () => this.view.refresh(),
      room,
    };
    this.devices = new CallDeviceControl({
      ...handle,
      connectedRoom: () => this.connectedRoom(),
    });
    this.supervisor = new CallSupervisor(
      {
        ...handle,
        isLive: (candidate) => this.isLive(candidate),
        wantsCall: () => !this.disposed && !this.userLeft && this.request !== undefined,
        drop: (dropped) => void this.closeRoom(dropped),
        reopen: () => this.openRoom(Promise.resolve({ tracks: [] })),
      },
      {
        rejoinDelay: options.rejoinDelay,
        mediaCheckDelayMs: options.mediaCheckDelayMs,
        mediaCheckIntervalMs: options.mediaCheckIntervalMs,
      },
    );
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
    if (this.disposed || this.joining || this.room || this.supervisor.rejoinPending) return;
    if (!canEncryptCalls()) {
      this.update({ connection: 'idle', problem: { kind: 'unsupported' } });
      return;
    }
    markJoin('start');
    this.joining = true;
    this.request = request;
    this.userLeft = false;
    this.supervisor.reset();
    const listenOnly = request.listenOnly ?? false;
    const audioOnly = request.audioOnly ?? false;
    Object.assign(this.intent, {
      microphone: !listenOnly,
      microphoneMuted: false,
      camera: !listenOnly && !audioOnly,
      audioOnly,
      listenOnly,
    });
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
        : this.devices.captureForJoin(!audioOnly);
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
    this.supervisor.stop();
    this.view.stop();
    const room = this.room;
    if (room) await this.closeRoom(room);
    if (!this.disposed) this.update(this.leftState());
  }

  /** Leaves and stops listening to the browser: the page is gone. */
  async dispose(): Promise<void> {
    this.supervisor.dispose();
    await this.leave();
    this.disposed = true;
  }

  /** Mutes or unmutes the microphone, publishing it first if it never was (listen-only). */
  setMicrophoneEnabled(enabled: boolean): Promise<void> {
    return this.devices.setMicrophoneEnabled(enabled);
  }

  /** Starts or stops the camera (a stopped camera's light goes off). Not in audio-only mode. */
  setCameraEnabled(enabled: boolean): Promise<void> {
    return this.devices.setCameraEnabled(enabled);
  }

  /** Uses the given camera, or the next one in the list. */
  switchCamera(deviceId?: string): Promise<void> {
    return this.devices.switchCamera(deviceId);
  }

  /** Plays the call on the given sound output, where the browser allows choosing one. */
  setSpeaker(deviceId: string): Promise<void> {
    return this.devices.setSpeaker(deviceId);
  }

  /** Audio-only: no camera sent, nobody's video received; back out, both come back. */
  setAudioOnly(audioOnly: boolean): Promise<void> {
    return this.devices.setAudioOnly(audioOnly);
  }

  /** Starts playback after the browser blocked it (needs a user gesture). */
  async startAudio(): Promise<void> {
    const room = this.room;
    if (!room) return;
    await room.startAudio().catch(() => undefined);
    this.update({ audioBlocked: !room.canPlaybackAudio });
  }

  // ---- The Room of the moment ------------------------------------------------------------------

  /**
   * A new encrypted Room, connected and publishing what `capture` gives (awaited only to
   * publish, so the camera can start while the Room connects).
   */
  private async openRoom(capture: Promise<Captured>): Promise<OpenOutcome> {
    const { access } = this.request!;
    const room = createEncryptedRoom(access.roomKey, this.devices.roomOptions(), {
      createWorker: this.createWorker,
      createRoom: this.createRoom,
    });
    if (!room) return { kind: 'encryption' };
    markJoin('room-created');
    this.room = room;
    this.listen(room);
    const connected = await connectEncrypted(room, access, {
      encryptionTimeoutMs: this.encryptionTimeoutMs,
      cancelled: () => this.room !== room,
    });
    if (connected === 'cancelled') return connected;
    if (connected !== 'connected') {
      // Never publish unencrypted: a Room that does not encrypt is left, not used.
      await this.closeRoom(room);
      return connected;
    }
    const captured = await capture;
    if (this.room !== room) return 'cancelled';
    if ('problem' in captured) {
      // No microphone to join with: leave, and say why, as if the Room had never been opened.
      await this.closeRoom(room);
      return { media: captured.problem };
    }
    this.established = room;
    this.view.newRoom();
    applyReceivePolicyToRoom(room, this.intent.audioOnly);
    this.update({ connection: 'connected', problem: undefined, rejoinAttempt: 0 });
    await this.devices.publish(room, captured.tracks);
    markJoin('published');
    if (this.room !== room) return 'cancelled';
    this.update({ audioBlocked: !room.canPlaybackAudio });
    await this.devices.refreshDevices(room);
    this.supervisor.watch(room);
    return true;
  }

  /**
   * Each part follows the Room's events. Their order matters where they share an event: the
   * receive policy first, so a publication is (un)subscribed before the view describes it and
   * before the supervisor refreshes after a reconnection.
   */
  private listen(room: Room): void {
    const isCurrent = () => room === this.room;
    room.on(RoomEvent.SignalConnected, () => markJoin('signal-connected'));
    enforceReceivePolicy(room, { isCurrent, audioOnly: () => this.intent.audioOnly });
    this.view.follow(room, isCurrent);
    this.devices.follow(room, isCurrent);
    this.supervisor.follow(room);
    room.on(RoomEvent.Disconnected, (reason?: DisconnectReason) =>
      this.onDisconnected(room, reason),
    );
  }

  private onDisconnected(room: Room, reason?: DisconnectReason): void {
    // Before it is established, a Room's failure is the join's to report (openRoom).
    if (!this.isLive(room)) return;
    void this.closeRoom(room);
    if (this.userLeft) {
      this.update({ ...INITIAL_CALL_STATE, connection: 'left', devices: this.state.value.devices });
    } else {
      this.supervisor.lost(reason);
    }
  }

  /**
   * Stops using a Room and closes it with its worker. It stops being the Room of the moment
   * first, so none of its last events reach the state.
   */
  private async closeRoom(room: Room): Promise<void> {
    if (room === this.room) this.room = undefined;
    if (room === this.established) this.established = undefined;
    await closeEncryptedRoom(room);
  }

  private isLive(room: Room): boolean {
    return room === this.room && room === this.established;
  }

  /** The Room to act on: joined, even if reconnecting (a mute must work then too). */
  private connectedRoom(): Room | undefined {
    return this.room && this.isLive(this.room) ? this.room : undefined;
  }

  // ---- State -----------------------------------------------------------------------------------

  private update(changes: Partial<CallState>): void {
    this.state.set({ ...this.state.value, ...changes });
  }

  /** Back to the start, keeping the modes and devices for the next join. */
  private leftState(): CallState {
    return {
      ...INITIAL_CALL_STATE,
      connection: 'left',
      audioOnly: this.intent.audioOnly,
      listenOnly: this.intent.listenOnly,
      devices: this.state.value.devices,
    };
  }
}
