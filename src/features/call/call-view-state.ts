// The Room as the elements see it: who is there under which name, who speaks, whose media is
// encrypted, and which tracks may be played. Rebuilt from the Room on each of its events, so the
// state never drifts from what livekit-client knows.
import {
  ConnectionQuality,
  RoomEvent,
  Track,
  isLocalParticipant,
  type Participant,
  type RemoteParticipant,
  type Room,
} from 'livekit-client';
import { nameParticipant, type DirectoryMember } from './call-participants.js';
import { playableTrack } from './call-secure-room.js';
import type {
  CallParticipant,
  CallQuality,
  CallState,
  ParticipantEncryption,
} from './call-types.js';
import { markJoin } from './join-timeline.js';

/** A participant whose frames failed to decrypt stays flagged this long after the last error. */
// The E2EE worker throttles decryption errors (ErrorRateLimiter: at most 5 a minute, then one a
// minute while failures go on), so a lasting failure is reported at least every ~61 s.
export const CANNOT_DECRYPT_MS = 90_000;

/** The part of the call's state read from the Room. */
export type RoomView = Pick<
  CallState,
  'participants' | 'activeSpeakers' | 'lastSpeaker' | 'microphone' | 'camera'
>;

/** What the view needs of the session. */
export interface ViewedCall {
  /** The Room of the moment, if any. */
  room(): Room | undefined;
  /** The signed directory's members, to name participants. */
  members(): readonly DirectoryMember[];
  update(changes: Partial<CallState>): void;
}

/**
 * The call's view of its Room. Besides the Room itself it remembers two things the Room does not
 * keep: who recently failed to decrypt, and which remote participant spoke last.
 */
export class CallViewState {
  /** Identity → when their frames last failed to decrypt. */
  private readonly cannotDecrypt = new Map<string, number>();
  private cannotDecryptTimer?: number;
  private lastSpeaker?: string;

  constructor(private readonly call: ViewedCall) {}

  /** Rebuilds the participants from the Room of the moment (nothing between Rooms). */
  refresh(): void {
    const room = this.call.room();
    if (room) this.call.update(this.describe(room, this.call.members()));
  }

  /** The Room's participants, this device first, and what this device sends. */
  describe(room: Room, members: readonly DirectoryMember[]): RoomView {
    const now = Date.now();
    for (const [identity, at] of this.cannotDecrypt) {
      if (now - at >= CANNOT_DECRYPT_MS) this.cannotDecrypt.delete(identity);
    }
    const local = room.localParticipant;
    const participants = [local, ...room.remoteParticipants.values()].map((participant) =>
      describeParticipant(participant, members, room, this.cannotDecrypt.has(participant.identity)),
    );
    const microphone = local.getTrackPublication(Track.Source.Microphone);
    const camera = local.getTrackPublication(Track.Source.Camera);
    return {
      participants,
      activeSpeakers: room.activeSpeakers.map((speaker) => speaker.identity),
      lastSpeaker: this.lastSpeaker,
      microphone: !!microphone?.track && !microphone.isMuted,
      camera: !!camera?.track && !camera.isMuted,
    };
  }

  /** Refreshes on every Room event that changes what is shown, while `isCurrent()`. */
  follow(room: Room, isCurrent: () => boolean): void {
    const refresh = () => isCurrent() && this.refresh();
    room
      .on(RoomEvent.ParticipantConnected, refresh)
      .on(RoomEvent.ParticipantDisconnected, (participant: RemoteParticipant) => {
        this.cannotDecrypt.delete(participant.identity);
        refresh();
      })
      .on(RoomEvent.TrackPublished, refresh)
      .on(RoomEvent.TrackSubscribed, (_track, publication) => {
        if (!isCurrent()) return;
        if (publication.kind === Track.Kind.Video) markJoin('remote-video-subscribed');
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
        if (!isCurrent()) return;
        const remote = speakers.find((speaker) => !isLocalParticipant(speaker));
        if (remote) this.lastSpeaker = remote.identity;
        this.refresh();
      })
      .on(RoomEvent.EncryptionError, (_error: Error, participant?: Participant) => {
        if (!isCurrent()) return;
        if (participant && !isLocalParticipant(participant)) {
          this.cannotDecrypt.set(participant.identity, Date.now());
          this.scheduleCannotDecryptExpiry();
          this.refresh();
        } else {
          this.call.update({ encryptionError: true });
        }
      });
  }

  /** A new Room, a new worker: what the old one failed to decrypt says nothing of this one. */
  newRoom(): void {
    this.cannotDecrypt.clear();
  }

  /** Stops the pending expiry (the call is left). */
  stop(): void {
    window.clearTimeout(this.cannotDecryptTimer);
  }

  /** Refreshes when the oldest decryption failure expires, so its mark goes without an event. */
  private scheduleCannotDecryptExpiry(): void {
    window.clearTimeout(this.cannotDecryptTimer);
    const oldest = Math.min(...this.cannotDecrypt.values());
    this.cannotDecryptTimer = window.setTimeout(
      () => this.refresh(),
      Math.max(0, oldest + CANNOT_DECRYPT_MS - Date.now()) + 50,
    );
  }
}

/** One participant as the elements show them. */
export function describeParticipant(
  participant: Participant,
  members: readonly DirectoryMember[],
  room: Room,
  cannotDecrypt: boolean,
): CallParticipant {
  const local = isLocalParticipant(participant);
  const naming = nameParticipant(participant.identity, members);
  const microphone = participant.getTrackPublication(Track.Source.Microphone);
  const camera = participant.getTrackPublication(Track.Source.Camera);
  let encryption: ParticipantEncryption;
  if (local) encryption = room.isE2EEEnabled ? 'encrypted' : 'not-encrypted';
  else if (cannotDecrypt) encryption = 'cannot-decrypt';
  else {
    const publications = [...participant.trackPublications.values()];
    encryption = publications.every((publication) => publication.isEncrypted)
      ? 'encrypted'
      : 'not-encrypted';
  }
  // A muted camera shows no picture, while a muted microphone stays attached (it sends nothing)
  // so unmuting needs no new audio element.
  const videoTrack = camera?.isMuted ? undefined : playableTrack(camera, local);
  const audioTrack = local ? undefined : playableTrack(microphone, local);
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
