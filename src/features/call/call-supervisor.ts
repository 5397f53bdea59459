// Keeping the member in the call. LiveKit's own resume and reconnect come first; when the Room
// gives up, a new Room rejoins after a back-off, for as long as the session wants the call. A
// reconnected Room is also watched, because LiveKit can come back from a reconnection with media
// that no longer flows: sound one way only, or others' video gone for good. The cure for both is
// a new Room.
import {
  ConnectionQuality,
  RemoteAudioTrack,
  RoomEvent,
  Track,
  type DisconnectReason,
  type Room,
} from 'livekit-client';
import { finalProblemOf } from './call-problems.js';
import type { OpenOutcome, SessionHandle } from './call-types.js';

/** 1 s, 2 s, 4 s, 8 s, then every 10 s. */
export function defaultRejoinDelay(attempt: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempt - 1), 10_000);
}

/** After this many forced rejoins in a row with sound still not flowing, stop and say so. */
export const MAX_FORCED_REJOINS = 3;

/** What the supervisor needs of the session. */
export interface SupervisedCall extends SessionHandle {
  /** Whether `room` is the Room of the moment and established: only its connection events count. */
  isLive(room: Room): boolean;
  /** Whether the session still wants to be in the call (not left, not disposed). */
  wantsCall(): boolean;
  /** Gives up the Room of the moment; it closes in the background. */
  drop(room: Room): void;
  /** Opens a new Room for the last join, publishing what the intent asks. */
  reopen(): Promise<OpenOutcome>;
}

/** Timings and seams; the defaults are the production ones. */
export interface SupervisorOptions {
  /** The wait before rejoin attempt `attempt` (from 1). */
  rejoinDelay?: (attempt: number) => number;
  /** How long after a (re)connection sound flow is first checked, and between checks. */
  mediaCheckDelayMs?: number;
  mediaCheckIntervalMs?: number;
  /** The time between the two samples a check compares. */
  sampleGapMs?: number;
  /** Reads a Room's sound counters (tests give their own). */
  readAudioCounters?: (room: Room) => Promise<AudioCounters>;
}

export class CallSupervisor {
  private readonly rejoinDelay: (attempt: number) => number;
  private readonly mediaCheckDelayMs: number;
  private readonly mediaCheckIntervalMs: number;
  private readonly sampleGapMs: number;
  private readonly readAudioCounters: (room: Room) => Promise<AudioCounters>;

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

  constructor(
    private readonly call: SupervisedCall,
    options: SupervisorOptions = {},
  ) {
    this.rejoinDelay = options.rejoinDelay ?? defaultRejoinDelay;
    this.mediaCheckDelayMs = options.mediaCheckDelayMs ?? 5000;
    this.mediaCheckIntervalMs = options.mediaCheckIntervalMs ?? 15_000;
    this.sampleGapMs = options.sampleGapMs ?? 2500;
    this.readAudioCounters = options.readAudioCounters ?? audioCounters;
    window.addEventListener('online', this.onOnline);
  }

  /** A rejoin is waiting for its turn. */
  get rejoinPending(): boolean {
    return this.rejoinTimer !== undefined;
  }

  /** A new join by the member: attempts and forced rejoins count from zero again. */
  reset(): void {
    this.rejoinAttempt = 0;
    this.forcedRejoins = 0;
  }

  /** Follows LiveKit's own reconnection of the Room, once it is established. */
  follow(room: Room): void {
    const reconnecting = () => {
      if (!this.call.isLive(room)) return;
      this.rememberCameras(room);
      this.call.update({ connection: 'reconnecting' });
    };
    room
      .on(RoomEvent.Reconnecting, reconnecting)
      .on(RoomEvent.SignalReconnecting, reconnecting)
      .on(RoomEvent.Reconnected, () => {
        if (!this.call.isLive(room)) return;
        this.call.update({ connection: 'connected' });
        this.call.refresh();
        this.scheduleMediaCheck(room, this.mediaCheckDelayMs);
      });
  }

  /** The Room is in the call: its sound is checked from now on. */
  watch(room: Room): void {
    this.scheduleMediaCheck(room, this.mediaCheckDelayMs);
  }

  /**
   * The established Room is gone (the session already dropped it): rejoin, unless the server
   * said to stop.
   */
  lost(reason?: DisconnectReason): void {
    window.clearTimeout(this.mediaCheckTimer);
    const final = finalProblemOf(reason);
    if (final) this.call.update({ connection: 'unreachable', problem: final, participants: [] });
    else this.scheduleRejoin();
  }

  /** No more rejoins or checks (the member left). */
  stop(): void {
    window.clearTimeout(this.rejoinTimer);
    window.clearTimeout(this.mediaCheckTimer);
    this.rejoinTimer = undefined;
  }

  /** Stops, and stops listening to the browser. */
  dispose(): void {
    window.removeEventListener('online', this.onOnline);
    this.stop();
  }

  // ---- Rejoining -------------------------------------------------------------------------------

  private scheduleRejoin(): void {
    if (!this.call.wantsCall()) return;
    this.rejoinAttempt++;
    this.call.update({
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
    if (!this.call.wantsCall() || this.call.room()) return;
    const opened = await this.call.reopen();
    if (opened === true || opened === 'cancelled' || 'media' in opened) return;
    if (opened.kind === 'unreachable') this.scheduleRejoin();
    else this.call.update({ connection: 'unreachable', problem: opened, participants: [] });
  }

  /** Back online while waiting to rejoin: try now rather than at the end of the back-off. */
  private readonly onOnline = () => {
    if (this.rejoinTimer !== undefined) {
      window.clearTimeout(this.rejoinTimer);
      void this.rejoin();
    }
  };

  /** A full rejoin on purpose: the Room is connected but media does not flow. */
  private forceRejoin(room: Room): void {
    if (room !== this.call.room()) return;
    this.forcedRejoins++;
    this.call.drop(room);
    this.scheduleRejoin();
  }

  // ---- Watching the media ----------------------------------------------------------------------

  /** Notes whose camera was on, once per drop (the first Reconnecting of a series). */
  private rememberCameras(room: Room): void {
    if (this.call.state().connection === 'reconnecting') return;
    this.camerasBeforeReconnect = new Set(
      [...room.remoteParticipants.values()]
        .filter((participant) => {
          const camera = participant.getTrackPublication(Track.Source.Camera);
          return camera !== undefined && !camera.isMuted;
        })
        .map((participant) => participant.identity),
    );
  }

  /**
   * Whether someone whose camera was on before the reconnect is back without any camera
   * publication (not merely muted: that would be announced). Forgets whoever is back with video or
   * gone.
   */
  private videoLostInReconnect(room: Room): boolean {
    if (this.call.intent.audioOnly) this.camerasBeforeReconnect.clear();
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

  private scheduleMediaCheck(room: Room, delay: number): void {
    window.clearTimeout(this.mediaCheckTimer);
    this.mediaCheckTimer = window.setTimeout(() => {
      // Statistics of a connection closing under our feet: try again at the next check.
      this.checkMediaFlow(room).catch(() => {
        if (room === this.call.room()) this.scheduleMediaCheck(room, this.mediaCheckIntervalMs);
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
    const watching = () =>
      room === this.call.room() && this.call.state().connection === 'connected';
    if (!watching()) return;
    if (this.videoLostInReconnect(room) && this.forcedRejoins < MAX_FORCED_REJOINS) {
      this.forceRejoin(room);
      return;
    }
    const before = await this.readAudioCounters(room);
    await new Promise((resolve) => window.setTimeout(resolve, this.sampleGapMs));
    if (!watching()) return;
    const after = await this.readAudioCounters(room);
    if (room !== this.call.room()) return;

    const { intent } = this.call;
    const expectSending = intent.microphone && !intent.microphoneMuted;
    const { sendingStuck, stuck, watched } = judgeAudioFlow(before, after, expectSending);
    const receivingStuck = watched > 0 && stuck.length === watched;
    if (sendingStuck || (receivingStuck && this.renewedAll)) {
      this.renewedAll = false;
      if (this.forcedRejoins < MAX_FORCED_REJOINS) {
        this.forceRejoin(room);
        return;
      }
      this.call.update({ mediaStalled: true });
    } else if (receivingStuck) {
      this.renewedAll = true;
      for (const sid of stuck) renewSubscription(room, sid);
      this.scheduleMediaCheck(room, this.mediaCheckDelayMs);
      return;
    } else {
      this.forcedRejoins = 0;
      this.renewedAll = false;
      if (this.call.state().mediaStalled) this.call.update({ mediaStalled: false });
      for (const sid of stuck) renewSubscription(room, sid);
    }
    this.scheduleMediaCheck(room, this.mediaCheckIntervalMs);
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
export async function audioCounters(room: Room): Promise<AudioCounters> {
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
