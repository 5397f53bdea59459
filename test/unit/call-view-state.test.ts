// The Room as the elements see it, from real Rooms whose participants the server announces: names
// from the signed directory alone, who sends what, which tracks may be played (never an
// unencrypted one), and the marks that outlive an event (cannot decrypt, last speaker).
import { expect } from '@open-wc/testing';
import { Room, RoomEvent, type Track } from 'livekit-client';
import type { CallState } from '../../src/features/call/call-types.js';
import { CANNOT_DECRYPT_MS, CallViewState } from '../../src/features/call/call-view-state.js';
import {
  announceDeparture,
  announceParticipant,
  deliverTrack,
  markConnected,
} from './call-fakes.js';

const members = [
  { id: 'marie-dupont', displayName: 'Marie Dupont' },
  { id: 'paul-martin', displayName: 'Paul Martin' },
];

describe('the view of the call', () => {
  let room: Room;
  let current: Room | undefined;
  let state: Partial<CallState>;
  let view: CallViewState;
  const restore: (() => void)[] = [];

  beforeEach(() => {
    room = new Room();
    markConnected(room);
    current = room;
    state = {};
    view = new CallViewState({
      room: () => current,
      members: () => members,
      update: (changes) => (state = { ...state, ...changes }),
    });
  });

  afterEach(async () => {
    view.stop();
    for (const undo of restore.splice(0)) undo();
    for (const participant of room.remoteParticipants.values()) {
      for (const publication of participant.trackPublications.values()) {
        publication.track?.stop();
      }
    }
    await room.disconnect();
  });

  /** A participant as shown, its tracks replaced by which publication they are (or none). */
  const participant = (identity: string) => {
    const shown = state.participants?.find((candidate) => candidate.identity === identity);
    if (!shown) return undefined;
    // A failure message printing a whole Track would take minutes: name the tracks instead.
    const sidOf = (track?: Track) => (track ? (track.sid ?? 'no sid') : 'none');
    const { audioTrack, videoTrack, ...rest } = shown;
    return { ...rest, audioTrack: sidOf(audioTrack), videoTrack: sidOf(videoTrack) };
  };

  it('lists this device first, then the others as they joined, named by the signed directory', () => {
    announceParticipant(room, 'stolen-token', []);
    announceParticipant(room, 'paul-martin', []);
    view.refresh();
    expect(
      state.participants?.map(({ identity, name, verified, local }) => ({
        identity,
        name,
        verified,
        local,
      })),
    ).to.deep.equal([
      { identity: 'marie-dupont', name: 'Marie Dupont', verified: true, local: true },
      { identity: 'stolen-token', name: 'stolen-token', verified: false, local: false },
      { identity: 'paul-martin', name: 'Paul Martin', verified: true, local: false },
    ]);
  });

  it('says whose microphone is on, muted or off, and shows no picture for a muted camera', () => {
    const paul = announceParticipant(room, 'paul-martin', [
      { sid: 'TR_mic', source: 'microphone', muted: true },
      { sid: 'TR_cam', source: 'camera', muted: true },
    ]);
    deliverTrack(paul, 'TR_cam');
    announceParticipant(room, 'zoe-bernard', [{ sid: 'TR_zmic', source: 'microphone' }]);
    view.refresh();
    expect(participant('paul-martin')).to.include({
      microphone: 'muted',
      camera: 'off',
      videoTrack: 'none',
    });
    expect(participant('zoe-bernard')).to.include({ microphone: 'on', camera: 'off' });
    expect(participant('marie-dupont')).to.include({ microphone: 'off', camera: 'off' });
    expect(state).to.include({ microphone: false, camera: false });
  });

  it('never hands an unencrypted track to the elements, and says who is not encrypted', () => {
    const paul = announceParticipant(room, 'paul-martin', [
      { sid: 'TR_mic', source: 'microphone' },
      { sid: 'TR_cam', source: 'camera' },
    ]);
    const zoe = announceParticipant(room, 'zoe-bernard', [
      { sid: 'TR_zmic', source: 'microphone', encrypted: false },
      { sid: 'TR_zcam', source: 'camera', encrypted: false },
    ]);
    for (const sid of ['TR_mic', 'TR_cam']) deliverTrack(paul, sid);
    for (const sid of ['TR_zmic', 'TR_zcam']) deliverTrack(zoe, sid);
    view.refresh();

    expect(participant('paul-martin')).to.include({
      encryption: 'encrypted',
      audioTrack: 'TR_mic',
      videoTrack: 'TR_cam',
    });
    expect(zoe.trackPublications.get('TR_zmic')!.isSubscribed, 'received all the same').to.equal(
      true,
    );
    expect(participant('zoe-bernard')).to.include({
      encryption: 'not-encrypted',
      camera: 'on',
      audioTrack: 'none',
      videoTrack: 'none',
    });
    // This device's encryption is not active in a Room without a worker.
    expect(participant('marie-dupont')!.encryption).to.equal('not-encrypted');
  });

  it('follows the Room’s events while it is the Room of the moment, and only then', () => {
    view.follow(room, () => room === current);
    announceParticipant(room, 'paul-martin', [{ sid: 'TR_mic', source: 'microphone' }]);
    expect(state.participants?.map((someone) => someone.identity)).to.deep.equal([
      'marie-dupont',
      'paul-martin',
    ]);
    current = undefined;
    announceParticipant(room, 'zoe-bernard', []);
    expect(state.participants).to.have.length(2);
  });

  it('marks who cannot be decrypted until the mark expires or they leave', () => {
    view.follow(room, () => room === current);
    const paul = announceParticipant(room, 'paul-martin', [
      { sid: 'TR_mic', source: 'microphone' },
    ]);
    room.emit(RoomEvent.EncryptionError, new Error('decryption failed'), paul);
    expect(participant('paul-martin')!.encryption).to.equal('cannot-decrypt');
    expect(state.encryptionError).to.equal(undefined);

    const now = Date.now;
    const later = now() + CANNOT_DECRYPT_MS;
    Date.now = () => later;
    restore.push(() => (Date.now = now));
    view.refresh();
    expect(participant('paul-martin')!.encryption).to.equal('encrypted');

    room.emit(RoomEvent.EncryptionError, new Error('decryption failed'), paul);
    expect(participant('paul-martin')!.encryption).to.equal('cannot-decrypt');
    announceDeparture(room, 'paul-martin');
    announceParticipant(room, 'paul-martin', [{ sid: 'TR_mic2', source: 'microphone' }]);
    expect(participant('paul-martin')!.encryption).to.equal('encrypted');

    // An error not tied to a participant is the worker's own.
    room.emit(RoomEvent.EncryptionError, new Error('worker failed'));
    expect(state.encryptionError).to.equal(true);
  });

  it('forgets decryption failures with a new Room', () => {
    view.follow(room, () => room === current);
    const paul = announceParticipant(room, 'paul-martin', []);
    room.emit(RoomEvent.EncryptionError, new Error('decryption failed'), paul);
    expect(participant('paul-martin')!.encryption).to.equal('cannot-decrypt');
    view.newRoom();
    view.refresh();
    expect(participant('paul-martin')!.encryption).to.equal('encrypted');
  });

  it('remembers the remote participant who spoke last, after they stop', () => {
    view.follow(room, () => room === current);
    const paul = announceParticipant(room, 'paul-martin', []);
    room.emit(RoomEvent.ActiveSpeakersChanged, [room.localParticipant, paul]);
    expect(state.lastSpeaker).to.equal('paul-martin');
    room.emit(RoomEvent.ActiveSpeakersChanged, [room.localParticipant]);
    expect(state.lastSpeaker).to.equal('paul-martin');
  });
});
