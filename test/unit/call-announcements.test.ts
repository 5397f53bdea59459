// What the call's heading and live regions say between two states: coming into the call, joins
// and departures (signed or not), encryption going wrong, the connection dropping (said once), and
// silence while joining or gone.
import { expect } from '@open-wc/testing';
import { setLocale } from '../../src/app/i18n/i18n.js';
import { callAnnouncements, callHeading } from '../../src/features/call/call-announcements.js';
import { callState, intruder, me, paul, zoe } from './call-fakes.js';

describe('the call’s announcements', () => {
  afterEach(() => setLocale('en'));

  it('says how many others are there on coming into the call', () => {
    const joining = callState({ connection: 'connecting', participants: [] });
    expect(callAnnouncements(joining, callState())).to.deep.equal({
      status: 'You are in the room with 2 other people.',
      alert: undefined,
    });
    expect(callAnnouncements(undefined, callState({ participants: [me] })).status).to.equal(
      'You are in the room. Nobody else is here yet.',
    );
    // Back from reconnecting is coming into the call again.
    const reconnecting = callState({ connection: 'reconnecting' });
    expect(callAnnouncements(reconnecting, callState()).status).to.include('2 other people');
  });

  it('names who joined, flags the unsigned, and names who left, in one line', () => {
    const before = callState({ participants: [me, paul] });
    expect(
      callAnnouncements(before, callState({ participants: [me, paul, intruder] })),
    ).to.deep.equal({
      status: 'stolen-token joined the room. Not in the signed directory.',
      alert: undefined,
    });
    const after = callState({ participants: [me, { ...zoe, encryption: 'encrypted' }] });
    expect(callAnnouncements(before, after).status).to.equal(
      'Zoé Bernard joined the room. Paul Martin left the room.',
    );
  });

  it('says nothing new when nobody came or went', () => {
    const speaking = callState({ participants: [me, { ...paul, speaking: false }, intruder] });
    expect(callAnnouncements(callState(), speaking)).to.deep.equal({
      status: undefined,
      alert: undefined,
    });
  });

  it('alerts once for each participant whose encryption goes wrong, not for this device', () => {
    const before = callState({ participants: [me, paul, intruder] });
    const broken = callState({
      participants: [
        { ...me, encryption: 'cannot-decrypt' },
        { ...paul, encryption: 'cannot-decrypt' },
        { ...intruder, encryption: 'not-encrypted' },
      ],
    });
    const alert = callAnnouncements(before, broken).alert!;
    expect(alert).to.include('Paul Martin’s sound and image cannot be decrypted');
    expect(alert).to.include('stolen-token');
    expect(alert).to.not.include('Marie Dupont');
    // The same problem again is not said again.
    expect(callAnnouncements(broken, broken).alert).to.equal(undefined);
    // A participant who arrives unencrypted is announced as joining, and alerted.
    const arrival = callAnnouncements(
      before,
      callState({ participants: [me, paul, intruder, zoe] }),
    );
    expect(arrival.status).to.equal('Zoé Bernard joined the room.');
    expect(arrival.alert).to.include('Zoé Bernard');
  });

  it('stays silent while not connected: a rejoin’s empty Room is not everyone leaving', () => {
    for (const connection of ['connecting', 'left'] as const) {
      const next = callState({
        connection,
        participants: [{ ...zoe, encryption: 'cannot-decrypt' }],
      });
      expect(callAnnouncements(callState(), next), connection).to.deep.equal({});
    }
  });

  it('says once that the connection dropped, as the heading does, and nothing of who left', () => {
    const reconnecting = callState({ connection: 'reconnecting', participants: [me] });
    expect(callAnnouncements(callState(), reconnecting)).to.deep.equal({
      status: 'Reconnecting to the crisis room…',
    });
    expect(callHeading('reconnecting')).to.equal('Reconnecting to the crisis room…');
    const rejoining = callState({ connection: 'rejoining', participants: [], rejoinAttempt: 1 });
    expect(callAnnouncements(reconnecting, rejoining)).to.deep.equal({
      status: 'Connection lost: rejoining the crisis room…',
    });
    // Another attempt is not news.
    expect(callAnnouncements(rejoining, { ...rejoining, rejoinAttempt: 2 })).to.deep.equal({});
    expect(callHeading('rejoining')).to.equal('Connection lost: rejoining the crisis room…');
    expect(callHeading('connected')).to.equal('In the crisis room');
  });

  it('speaks the current language', () => {
    setLocale('fr');
    const before = callState({ participants: [me] });
    expect(callAnnouncements(before, callState({ participants: [me, paul] })).status).to.equal(
      'Paul Martin a rejoint la salle.',
    );
  });
});
