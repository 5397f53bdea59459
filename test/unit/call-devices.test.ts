// This device's microphone, camera and sound output in the call, with Chromium's fake capture
// devices and real Rooms: capture for a join and its fallbacks, publishing what the member asked
// for, switching devices, and what a failure is called. A Room's own device calls are replaced
// where they would need a server.
import { expect } from '@open-wc/testing';
import { Room, RoomEvent, type LocalTrack } from 'livekit-client';
import {
  CallDeviceControl,
  mediaAlreadyAllowed,
  mediaProblemOf,
  type DeviceCall,
} from '../../src/features/call/call-devices.js';
import {
  INITIAL_CALL_STATE,
  type CallState,
  type PublishIntent,
} from '../../src/features/call/call-types.js';
import { announceParticipant, markConnected } from './call-fakes.js';
import { refuseMedia } from './helpers.js';

/** A session stand-in: the intent and state the devices change, and the Room they act on. */
function fakeCall(room?: Room) {
  const intent: PublishIntent = {
    microphone: true,
    microphoneMuted: false,
    camera: true,
    audioOnly: false,
    listenOnly: false,
  };
  const fake = {
    intent,
    current: room,
    joined: room,
    value: INITIAL_CALL_STATE as CallState,
    refreshes: 0,
  };
  const call: DeviceCall = {
    intent,
    state: () => fake.value,
    update: (changes) => (fake.value = { ...fake.value, ...changes }),
    refresh: () => fake.refreshes++,
    room: () => fake.current,
    connectedRoom: () => fake.joined,
  };
  return { fake, devices: new CallDeviceControl(call) };
}

/** Records a Room's local device calls instead of making them; `fail` names those that throw. */
function recordLocalCalls(room: Room, fail: string[] = []) {
  const calls: string[] = [];
  const local = room.localParticipant as unknown as Record<string, unknown>;
  for (const name of ['publishTrack', 'setMicrophoneEnabled', 'setCameraEnabled']) {
    local[name] = async (first: unknown) => {
      const argument = typeof first === 'boolean' ? first : (first as LocalTrack).kind;
      calls.push(`${name}(${argument})`);
      if (fail.includes(name)) throw new DOMException('Could not start', 'NotReadableError');
    };
  }
  return calls;
}

describe('the call’s devices', () => {
  const restore: (() => void)[] = [];
  const tracks: LocalTrack[] = [];
  let room: Room;

  beforeEach(() => {
    room = new Room();
    markConnected(room);
  });

  afterEach(async () => {
    for (const undo of restore.splice(0)) undo();
    for (const track of tracks.splice(0)) track.stop();
    await room.disconnect();
  });

  function replaceGetUserMedia(
    fake: (constraints?: MediaStreamConstraints) => Promise<MediaStream>,
  ) {
    const original = navigator.mediaDevices.getUserMedia;
    navigator.mediaDevices.getUserMedia = fake;
    restore.push(() => (navigator.mediaDevices.getUserMedia = original));
    return original.bind(navigator.mediaDevices);
  }

  it('names capture failures in the call’s terms', () => {
    const failure = (name: string) => new DOMException('failed', name);
    expect(mediaProblemOf(failure('NotAllowedError'), 'both', 'join')).to.deep.equal({
      kind: 'denied',
      device: 'both',
      phase: 'join',
    });
    expect(mediaProblemOf(failure('NotFoundError'), 'camera', 'call').kind).to.equal('not-found');
    expect(mediaProblemOf(failure('NotReadableError'), 'camera', 'call').kind).to.equal('in-use');
    expect(mediaProblemOf(failure('AbortError'), 'microphone', 'call').kind).to.equal('other');
  });

  it('knows whether the browser already allows the capture, or would ask first', async () => {
    expect(await mediaAlreadyAllowed(true)).to.equal(true);
    restore.push(refuseMedia());
    expect(await mediaAlreadyAllowed(false)).to.equal(false);
  });

  it('captures the microphone and the camera for a join', async () => {
    const { fake, devices } = fakeCall();
    const captured = await devices.captureForJoin(true);
    if (!('tracks' in captured)) throw new Error('nothing captured');
    tracks.push(...captured.tracks);
    expect(captured.tracks.map((track) => track.kind).sort()).to.deep.equal(['audio', 'video']);
    expect(captured.notice).to.equal(undefined);
    expect(fake.intent.camera).to.equal(true);
  });

  it('joins with the microphone alone when the camera cannot start, and says so', async () => {
    const original = replaceGetUserMedia((constraints) =>
      constraints?.video
        ? Promise.reject(new DOMException('Camera in use', 'NotReadableError'))
        : original(constraints),
    );
    const { fake, devices } = fakeCall();
    const captured = await devices.captureForJoin(true);
    if (!('tracks' in captured)) throw new Error('nothing captured');
    tracks.push(...captured.tracks);
    expect(captured.tracks.map((track) => track.kind)).to.deep.equal(['audio']);
    expect(captured.notice).to.deep.equal({ kind: 'in-use', device: 'camera', phase: 'join' });
    expect(fake.intent.camera, 'no camera to publish').to.equal(false);
  });

  it('does not ask again for the microphone alone once the member refused', async () => {
    let asked = 0;
    replaceGetUserMedia(() => {
      asked++;
      return Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    });
    const { devices } = fakeCall();
    expect(await devices.captureForJoin(true)).to.deep.equal({
      problem: { kind: 'denied', device: 'both', phase: 'join' },
    });
    expect(asked).to.equal(1);
  });

  it('publishes what was captured, then restores a mute', async () => {
    const calls = recordLocalCalls(room);
    const { fake, devices } = fakeCall(room);
    fake.intent.microphoneMuted = true;
    const captured = await devices.captureForJoin(true);
    if (!('tracks' in captured)) throw new Error('nothing captured');
    tracks.push(...captured.tracks);
    await devices.publish(room, captured.tracks);
    expect(calls).to.deep.equal([
      'publishTrack(audio)',
      'setMicrophoneEnabled(false)',
      'publishTrack(video)',
    ]);
    expect(fake.refreshes).to.equal(1);
  });

  it('after a rejoin, captures anew; a camera that fails is dropped from the intent and named', async () => {
    const calls = recordLocalCalls(room, ['setCameraEnabled']);
    const { fake, devices } = fakeCall(room);
    await devices.publish(room, []);
    expect(calls).to.deep.equal(['setMicrophoneEnabled(true)', 'setCameraEnabled(true)']);
    expect(fake.intent.camera).to.equal(false);
    expect(fake.value.media).to.deep.equal({ kind: 'in-use', device: 'camera', phase: 'call' });
  });

  it('says when the microphone cannot be switched on in the call, and keeps it muted', async () => {
    recordLocalCalls(room, ['setMicrophoneEnabled']);
    const { fake, devices } = fakeCall(room);
    fake.intent.listenOnly = true;
    fake.intent.microphone = false;
    await devices.setMicrophoneEnabled(true);
    expect(fake.value.media).to.deep.equal({
      kind: 'in-use',
      device: 'microphone',
      phase: 'call',
    });
    expect(fake.intent).to.include({ microphone: true, microphoneMuted: true, listenOnly: false });
    expect(fake.value.listenOnly).to.equal(false);
  });

  it('clears a microphone problem once the microphone works again', async () => {
    recordLocalCalls(room);
    const { fake, devices } = fakeCall(room);
    fake.value = { ...fake.value, media: { kind: 'in-use', device: 'microphone', phase: 'call' } };
    await devices.setMicrophoneEnabled(true);
    expect(fake.value.media).to.equal(undefined);
  });

  it('remembers a camera asked for between Rooms, but never in audio-only mode', async () => {
    const { fake, devices } = fakeCall();
    fake.intent.camera = false;
    fake.intent.audioOnly = true;
    await devices.setCameraEnabled(true);
    expect(fake.intent.camera).to.equal(false);
    fake.intent.audioOnly = false;
    fake.intent.listenOnly = true;
    await devices.setCameraEnabled(true);
    expect(fake.intent).to.include({ camera: true, listenOnly: false });
    expect(fake.refreshes).to.equal(1);
  });

  it('switches to the next camera, and the next Room captures from it', async () => {
    const { fake, devices } = fakeCall(room);
    const switched: string[] = [];
    room.switchActiveDevice = async (kind, deviceId) => {
      switched.push(`${kind}:${deviceId}`);
      return true;
    };
    room.getActiveDevice = (kind) => (kind === 'videoinput' ? 'front' : undefined);
    fake.value = {
      ...fake.value,
      devices: {
        cameras: [
          { deviceId: 'front', label: 'Front', ordinal: 1 },
          { deviceId: 'back', label: 'Back', ordinal: 2 },
        ],
        speakers: [],
      },
    };
    expect(devices.roomOptions().videoCaptureDefaults).to.include({ facingMode: 'user' });
    await devices.switchCamera();
    expect(switched).to.deep.equal(['videoinput:back']);
    expect(devices.roomOptions().videoCaptureDefaults).to.include({ deviceId: 'back' });
  });

  it('plays the next Room on the chosen output', async () => {
    const { devices } = fakeCall();
    expect(devices.roomOptions()).to.not.have.property('audioOutput');
    await devices.setSpeaker('headset');
    expect(devices.roomOptions().audioOutput).to.deep.equal({ deviceId: 'headset' });
  });

  it('lists the cameras, but not for a Room that is no longer the one of the moment', async () => {
    const { fake, devices } = fakeCall(room);
    await devices.refreshDevices(room);
    expect(fake.value.devices.cameras.length).to.be.greaterThan(0);
    expect(fake.value.devices.cameras.every((camera) => camera.deviceId && camera.label)).to.equal(
      true,
    );
    fake.value = { ...fake.value, devices: { cameras: [], speakers: [] } };
    fake.current = undefined;
    await devices.refreshDevices(room);
    expect(fake.value.devices.cameras).to.deep.equal([]);
  });

  it('goes audio-only: nobody’s video is received and the camera is unpublished; and back', async () => {
    const calls = recordLocalCalls(room);
    const paul = announceParticipant(room, 'paul-martin', [
      { sid: 'TR_mic', source: 'microphone' },
      { sid: 'TR_cam', source: 'camera' },
    ]);
    const { fake, devices } = fakeCall(room);
    await devices.setAudioOnly(true);
    expect(fake.value.audioOnly).to.equal(true);
    expect(paul.trackPublications.get('TR_cam')!.isDesired).to.equal(false);
    expect(paul.trackPublications.get('TR_mic')!.isDesired).to.equal(true);
    expect(fake.intent.camera, 'the camera comes back after').to.equal(true);

    await devices.setAudioOnly(false);
    expect(paul.trackPublications.get('TR_cam')!.isDesired).to.equal(true);
    expect(calls).to.deep.equal(['setCameraEnabled(true)']);
    expect(fake.value.audioOnly).to.equal(false);
  });

  it('says when the browser blocks playback, for the Room of the moment only', () => {
    const { fake, devices } = fakeCall(room);
    let current = true;
    devices.follow(room, () => current);
    Object.defineProperty(room, 'canPlaybackAudio', { value: false, configurable: true });
    room.emit(RoomEvent.AudioPlaybackStatusChanged, false);
    expect(fake.value.audioBlocked).to.equal(true);
    current = false;
    Object.defineProperty(room, 'canPlaybackAudio', { value: true, configurable: true });
    room.emit(RoomEvent.AudioPlaybackStatusChanged, true);
    expect(fake.value.audioBlocked).to.equal(true);
  });

  it('never publishes a camera in audio-only mode', async () => {
    const calls = recordLocalCalls(room);
    const { fake, devices } = fakeCall(room);
    fake.intent.audioOnly = true;
    await devices.publish(room, []);
    expect(calls).to.deep.equal(['setMicrophoneEnabled(true)']);
  });
});
