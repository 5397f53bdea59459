// This device's microphone, camera and sound output in the call: capturing for a join, publishing
// what the member asked to send, switching devices, and saying what went wrong with them.
import {
  MediaDeviceFailure,
  Room,
  RoomEvent,
  Track,
  VideoPresets,
  createLocalTracks,
  supportsAudioOutputSelection,
  type LocalTrack,
  type VideoCaptureOptions,
} from 'livekit-client';
import { applyReceivePolicyToRoom, type RoomDeviceOptions } from './call-secure-room.js';
import type { CallDevice, MediaProblem, SessionHandle } from './call-types.js';
import { markJoin } from './join-timeline.js';

/** What capturing for a join gave: tracks (maybe with a notice, e.g. no camera), or why not. */
export type Captured = { tracks: LocalTrack[]; notice?: MediaProblem } | { problem: MediaProblem };

/** What the devices need of the session. */
export interface DeviceCall extends SessionHandle {
  /** The Room to act on: joined, even if reconnecting (a mute must work then too). */
  connectedRoom(): Room | undefined;
}

/** Whether the browser already lets this page use what a join captures: no question pending. */
export async function mediaAlreadyAllowed(withCamera: boolean): Promise<boolean> {
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

/** Why a capture failed. */
export function mediaProblemOf(
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

/** The call's devices. Remembers the camera and output the member picked, for the next Room. */
export class CallDeviceControl {
  private cameraId?: string;
  private speakerId?: string;

  constructor(private readonly call: DeviceCall) {}

  /** What a new Room should capture with and play on. */
  roomOptions(): RoomDeviceOptions {
    return {
      videoCaptureDefaults: this.cameraCapture(),
      ...(this.speakerId ? { audioOutput: { deviceId: this.speakerId } } : {}),
    };
  }

  /**
   * Microphone and camera for the first join; a missing camera falls back to the microphone, and
   * the intent then says no camera.
   */
  async captureForJoin(withCamera: boolean): Promise<Captured> {
    const captured = await this.capture(withCamera);
    if ('tracks' in captured) {
      markJoin('media-captured');
      if (!captured.tracks.some((track) => track.kind === Track.Kind.Video)) {
        this.call.intent.camera = false;
      }
    }
    return captured;
  }

  /**
   * Publishes the tracks captured before joining, or captures and publishes what the intent asks
   * (after a rejoin: the old Room stopped its tracks). A mute is restored after publishing.
   */
  async publish(room: Room, tracks: LocalTrack[]): Promise<void> {
    const { intent } = this.call;
    const local = room.localParticipant;
    const captured = (kind: Track.Kind) => tracks.find((track) => track.kind === kind);
    const steps: [MediaProblem['device'], boolean, () => Promise<unknown>][] = [
      [
        'microphone',
        intent.microphone,
        async () => {
          const track = captured(Track.Kind.Audio);
          if (track) await local.publishTrack(track);
          else await local.setMicrophoneEnabled(true);
          if (intent.microphoneMuted) await local.setMicrophoneEnabled(false);
        },
      ],
      [
        'camera',
        intent.camera && !intent.audioOnly,
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
        if (this.call.room() !== room) return;
        // What failed is not sent; the sound check must not wait for it.
        if (device === 'microphone') intent.microphoneMuted = true;
        else intent.camera = false;
        this.call.update({ media: mediaProblemOf(error, device, 'call') });
      }
    }
    this.call.refresh();
  }

  /** Keeps the device lists and playback status current, while `isCurrent()`. */
  follow(room: Room, isCurrent: () => boolean): void {
    room
      .on(RoomEvent.AudioPlaybackStatusChanged, () => {
        if (isCurrent()) this.call.update({ audioBlocked: !room.canPlaybackAudio });
      })
      .on(RoomEvent.MediaDevicesChanged, () => {
        if (isCurrent()) void this.refreshDevices(room);
      });
  }

  /** Mutes or unmutes the microphone, publishing it first if it never was (listen-only). */
  async setMicrophoneEnabled(enabled: boolean): Promise<void> {
    const { intent } = this.call;
    const room = this.call.connectedRoom();
    intent.microphone = intent.microphone || enabled;
    intent.microphoneMuted = !enabled;
    if (enabled) intent.listenOnly = false;
    if (!room) return this.call.refresh();
    try {
      await room.localParticipant.setMicrophoneEnabled(enabled);
      if (enabled) this.clearMediaProblem('microphone');
    } catch (error) {
      intent.microphoneMuted = true;
      this.call.update({ media: mediaProblemOf(error, 'microphone', 'call') });
    }
    this.call.update({ listenOnly: intent.listenOnly });
    this.call.refresh();
  }

  /** Starts or stops the camera (a stopped camera's light goes off). Not in audio-only mode. */
  async setCameraEnabled(enabled: boolean): Promise<void> {
    const { intent } = this.call;
    if (intent.audioOnly && enabled) return;
    const room = this.call.connectedRoom();
    intent.camera = enabled;
    if (enabled) intent.listenOnly = false;
    if (!room) return this.call.refresh();
    try {
      await room.localParticipant.setCameraEnabled(enabled, this.cameraCapture());
      if (enabled) this.clearMediaProblem('camera');
    } catch (error) {
      intent.camera = false;
      this.call.update({ media: mediaProblemOf(error, 'camera', 'call') });
    }
    this.call.update({ listenOnly: intent.listenOnly });
    await this.refreshDevices(room);
  }

  /** Uses the given camera, or the next one in the list. */
  async switchCamera(deviceId?: string): Promise<void> {
    const room = this.call.connectedRoom();
    if (!room) return;
    const cameras = this.call.state().devices.cameras;
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
      this.call.update({ media: mediaProblemOf(error, 'camera', 'call') });
    }
    await this.refreshDevices(room);
  }

  /** Plays the call on the given sound output, where the browser allows choosing one. */
  async setSpeaker(deviceId: string): Promise<void> {
    if (!supportsAudioOutputSelection()) return;
    this.speakerId = deviceId;
    const room = this.call.connectedRoom();
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
    const { intent } = this.call;
    const wasCamera = intent.camera || this.call.state().camera;
    intent.audioOnly = audioOnly;
    this.call.update({ audioOnly });
    const room = this.call.connectedRoom();
    if (!room) return;
    applyReceivePolicyToRoom(room, audioOnly);
    const camera = room.localParticipant.getTrackPublication(Track.Source.Camera);
    if (audioOnly) {
      intent.camera = wasCamera;
      // Unpublishing from a Room that just dropped fails; the rejoin then publishes no camera.
      if (camera?.track) {
        await room.localParticipant.unpublishTrack(camera.track, true).catch(() => undefined);
      }
    } else if (intent.camera && !intent.listenOnly) {
      try {
        await room.localParticipant.setCameraEnabled(true, this.cameraCapture());
      } catch (error) {
        intent.camera = false;
        this.call.update({ media: mediaProblemOf(error, 'camera', 'call') });
      }
    }
    this.call.refresh();
  }

  /** Lists the cameras and sound outputs, and which are in use, for the Room of the moment. */
  async refreshDevices(room: Room): Promise<void> {
    try {
      const cameras = await Room.getLocalDevices('videoinput', false);
      const speakers = supportsAudioOutputSelection()
        ? await Room.getLocalDevices('audiooutput', false)
        : [];
      if (room !== this.call.room()) return;
      const device = (info: MediaDeviceInfo, index: number): CallDevice => ({
        deviceId: info.deviceId,
        label: info.label,
        ordinal: index + 1,
      });
      this.call.update({
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

  private async capture(withCamera: boolean): Promise<Captured> {
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

  private cameraCapture(): VideoCaptureOptions {
    return {
      resolution: VideoPresets.h540.resolution,
      ...(this.cameraId ? { deviceId: this.cameraId } : { facingMode: 'user' as const }),
    };
  }

  private clearMediaProblem(device: MediaProblem['device']): void {
    if (this.call.state().media?.device === device) this.call.update({ media: undefined });
  }
}
