// Staying in the call, with real Rooms and the Room's own events standing for the server: the
// back-off between rejoins, what stops them, coming back online, and the checks after a
// reconnection (video lost for good, sound stuck one way) that rejoin with a new Room. The sound
// counters, which need a real media connection, are given by the test.
import { expect } from '@open-wc/testing';
import { DisconnectReason, Room, RoomEvent } from 'livekit-client';
import {
  CallSupervisor,
  MAX_FORCED_REJOINS,
  defaultRejoinDelay,
  judgeAudioFlow,
  type AudioCounters,
  type SupervisedCall,
  type SupervisorOptions,
} from '../../src/features/call/call-supervisor.js';
import {
  INITIAL_CALL_STATE,
  type CallState,
  type OpenOutcome,
} from '../../src/features/call/call-types.js';
import { announceParticipant, markConnected } from './call-fakes.js';
import { waitFor } from './helpers.js';

const counters = (
  sent: number | undefined,
  received: Record<string, number> = {},
  missing: string[] = [],
): AudioCounters => ({
  sent,
  received: new Map(Object.entries(received)),
  missing: new Set(missing),
});

describe('rejoin delays', () => {
  it('waits 1 s, 2 s, 4 s… capped at 10 s between rejoin attempts', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map(defaultRejoinDelay)).to.deep.equal([
      1000, 2000, 4000, 8000, 10_000, 10_000, 10_000,
    ]);
  });
});

describe('judging whether sound flows', () => {
  it('finds sound flowing both ways', () => {
    expect(
      judgeAudioFlow(counters(100, { a: 10, b: 20 }), counters(900, { a: 500, b: 800 }), true),
    ).to.deep.equal({ sendingStuck: false, stuck: [], watched: 2 });
  });

  it('finds our own sound stuck, or not published while it should be', () => {
    expect(judgeAudioFlow(counters(100), counters(100), true).sendingStuck).to.equal(true);
    expect(judgeAudioFlow(counters(undefined), counters(undefined), true).sendingStuck).to.equal(
      true,
    );
    // Muted: nothing is expected.
    expect(judgeAudioFlow(counters(100), counters(100), false).sendingStuck).to.equal(false);
  });

  it('finds remote sound stuck or missing, judging only what both samples saw', () => {
    const verdict = judgeAudioFlow(
      counters(1, { a: 10, b: 20 }, ['c', 'd']),
      counters(2, { a: 10, b: 90, e: 5 }, ['c']),
      true,
    );
    expect(verdict).to.deep.equal({ sendingStuck: false, stuck: ['a', 'c'], watched: 3 });
  });
});

describe('the call supervisor', () => {
  const rooms: Room[] = [];
  let supervisor: CallSupervisor | undefined;

  afterEach(async () => {
    supervisor?.dispose();
    supervisor = undefined;
    for (const room of rooms.splice(0)) await room.disconnect();
  });

  function connectedRoom(): Room {
    const room = new Room();
    markConnected(room);
    rooms.push(room);
    return room;
  }

  /**
   * A session stand-in with a live Room: `outcomes` are what its rejoin attempts come to (a
   * success opens a new live Room, which the supervisor then watches, as the session does).
   */
  function supervise(options: SupervisorOptions = {}, outcomes: OpenOutcome[] = []) {
    const fake = {
      room: connectedRoom() as Room | undefined,
      value: { ...INITIAL_CALL_STATE, connection: 'connected' } as CallState,
      wants: true,
      reopened: 0,
      refreshes: 0,
      dropped: [] as Room[],
    };
    const call: SupervisedCall = {
      intent: {
        microphone: true,
        microphoneMuted: false,
        camera: false,
        audioOnly: false,
        listenOnly: false,
      },
      state: () => fake.value,
      update: (changes) => (fake.value = { ...fake.value, ...changes }),
      refresh: () => fake.refreshes++,
      room: () => fake.room,
      isLive: (room) => room === fake.room,
      wantsCall: () => fake.wants,
      drop: (room) => {
        fake.dropped.push(room);
        if (room === fake.room) fake.room = undefined;
      },
      reopen: async () => {
        fake.reopened++;
        const outcome = outcomes.shift() ?? true;
        if (outcome === true) {
          fake.room = connectedRoom();
          fake.value = { ...fake.value, connection: 'connected', rejoinAttempt: 0 };
          created.follow(fake.room);
          created.watch(fake.room);
        }
        return outcome;
      },
    };
    const created = new CallSupervisor(call, {
      rejoinDelay: () => 10,
      mediaCheckDelayMs: 10,
      mediaCheckIntervalMs: 10,
      sampleGapMs: 5,
      readAudioCounters: async () => counters(undefined),
      ...options,
    });
    supervisor = created;
    return { fake, supervisor: created, call };
  }

  /** Counters whose sent bytes grow at each sample, plus `received` as given by `remote`. */
  function flowing(remote: (sample: number) => Record<string, number> = () => ({})) {
    let sample = 0;
    return async () => {
      sample++;
      return counters(sample * 1000, remote(sample));
    };
  }

  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('rejoins after the Room is lost, backing off while the server stays out of reach', async () => {
    const attempts: number[] = [];
    const unreachable = { kind: 'unreachable', detail: 'down' } as const;
    const { fake, supervisor } = supervise(
      {
        rejoinDelay: (attempt) => {
          attempts.push(attempt);
          return 10;
        },
      },
      [unreachable, unreachable, true],
    );
    fake.room = undefined;
    supervisor.lost(DisconnectReason.SIGNAL_CLOSE);
    expect(fake.value).to.include({ connection: 'rejoining', rejoinAttempt: 1 });
    expect(fake.value.participants).to.deep.equal([]);
    expect(supervisor.rejoinPending).to.equal(true);
    await waitFor(() => fake.value.connection === 'connected', 'the third attempt to succeed');
    expect(attempts).to.deep.equal([1, 2, 3]);
    expect(fake.reopened).to.equal(3);
    expect(supervisor.rejoinPending).to.equal(false);
  });

  it('does not rejoin when told to stop: the same identity elsewhere, or removed', async () => {
    const { fake, supervisor } = supervise();
    fake.room = undefined;
    supervisor.lost(DisconnectReason.DUPLICATE_IDENTITY);
    expect(fake.value).to.include({ connection: 'unreachable' });
    expect(fake.value.problem).to.deep.equal({ kind: 'duplicate' });
    supervisor.lost(DisconnectReason.ROOM_DELETED);
    expect(fake.value.problem).to.deep.equal({ kind: 'removed' });
    await pause(50);
    expect(fake.reopened).to.equal(0);
  });

  it('stops rejoining when the server refuses the access', async () => {
    const refused = { kind: 'refused', detail: 'token expired' } as const;
    const { fake, supervisor } = supervise({}, [refused]);
    fake.room = undefined;
    supervisor.lost(DisconnectReason.SIGNAL_CLOSE);
    await waitFor(() => fake.value.connection === 'unreachable', 'the refusal');
    expect(fake.value.problem).to.deep.equal(refused);
    await pause(50);
    expect(fake.reopened).to.equal(1);
  });

  it('tries at once when the browser is back online, not at the end of the back-off', async () => {
    const { fake, supervisor } = supervise({ rejoinDelay: () => 60_000 });
    fake.room = undefined;
    supervisor.lost(DisconnectReason.SIGNAL_CLOSE);
    await pause(20);
    expect(fake.reopened).to.equal(0);
    window.dispatchEvent(new Event('online'));
    await waitFor(() => fake.reopened === 1, 'a rejoin on coming back online', 1000);
  });

  it('does not rejoin once stopped, nor when the session no longer wants the call', async () => {
    const { fake, supervisor } = supervise();
    fake.room = undefined;
    supervisor.lost(DisconnectReason.SIGNAL_CLOSE);
    supervisor.stop();
    await pause(50);
    expect(fake.reopened).to.equal(0);

    fake.wants = false;
    fake.value = { ...fake.value, connection: 'left' };
    supervisor.lost(DisconnectReason.SIGNAL_CLOSE);
    expect(fake.value.connection).to.equal('left');
    await pause(50);
    expect(fake.reopened).to.equal(0);
  });

  it('shows LiveKit’s own reconnection of the live Room, and ignores any other', () => {
    const { fake, supervisor } = supervise();
    const live = fake.room!;
    const old = connectedRoom();
    supervisor.follow(live);
    supervisor.follow(old);
    old.emit(RoomEvent.Reconnecting);
    expect(fake.value.connection).to.equal('connected');
    live.emit(RoomEvent.SignalReconnecting);
    expect(fake.value.connection).to.equal('reconnecting');
    live.emit(RoomEvent.Reconnected);
    expect(fake.value.connection).to.equal('connected');
    expect(fake.refreshes).to.equal(1);
  });

  it('rejoins with a new Room when someone’s video did not come back after a reconnection', async () => {
    const { fake, supervisor } = supervise({ readAudioCounters: flowing() });
    const room = fake.room!;
    announceParticipant(room, 'paul-martin', [
      { sid: 'TR_mic', source: 'microphone' },
      { sid: 'TR_cam', source: 'camera' },
    ]);
    supervisor.follow(room);
    room.emit(RoomEvent.Reconnecting);
    // Back with sound only, for good: the server announces no camera any more.
    announceParticipant(room, 'paul-martin', [{ sid: 'TR_mic', source: 'microphone' }]);
    room.emit(RoomEvent.Reconnected);
    await waitFor(() => fake.reopened === 1, 'a rejoin');
    expect(fake.dropped).to.deep.equal([room]);
  });

  it('stays in the Room when everyone’s video came back after a reconnection', async () => {
    const { fake, supervisor } = supervise({ readAudioCounters: flowing() });
    const room = fake.room!;
    announceParticipant(room, 'paul-martin', [{ sid: 'TR_cam', source: 'camera' }]);
    supervisor.follow(room);
    room.emit(RoomEvent.Reconnecting);
    announceParticipant(room, 'paul-martin', [{ sid: 'TR_cam2', source: 'camera' }]);
    room.emit(RoomEvent.Reconnected);
    await pause(100);
    expect(fake.reopened).to.equal(0);
  });

  it('rejoins when our own sound stops flowing, then says so after three tries', async () => {
    let sending = false;
    const { fake, supervisor } = supervise({
      readAudioCounters: async () => counters(sending ? performance.now() : 100),
    });
    supervisor.watch(fake.room!);
    await waitFor(() => fake.value.mediaStalled, 'sound reported stalled');
    expect(fake.reopened).to.equal(MAX_FORCED_REJOINS);
    expect(fake.dropped).to.have.length(MAX_FORCED_REJOINS);

    sending = true;
    await waitFor(() => !fake.value.mediaStalled, 'sound flowing again');
    expect(fake.reopened).to.equal(MAX_FORCED_REJOINS);
  });

  it('first renews every silent remote sound, and rejoins only if that did not help', async () => {
    const { fake, supervisor } = supervise({
      mediaCheckDelayMs: 150,
      readAudioCounters: flowing(() => ({ TR_mic: 10 })),
    });
    const room = fake.room!;
    const paul = announceParticipant(room, 'paul-martin', [
      { sid: 'TR_mic', source: 'microphone' },
    ]);
    const renewed: boolean[] = [];
    const publication = paul.trackPublications.get('TR_mic')!;
    const setSubscribed = publication.setSubscribed.bind(publication);
    publication.setSubscribed = (subscribed) => {
      renewed.push(subscribed);
      setSubscribed(subscribed);
    };
    supervisor.watch(room);
    await waitFor(() => renewed.length === 2, 'the subscription renewed');
    expect(renewed).to.deep.equal([false, true]);
    expect(fake.reopened).to.equal(0);
    await waitFor(() => fake.reopened === 1, 'a rejoin after renewing did not help');
  });

  it('renews a lone silent remote among others that flow, and stays in the Room', async () => {
    const { fake, supervisor } = supervise({
      readAudioCounters: flowing((sample) => ({ TR_a: 10, TR_b: sample * 10 })),
    });
    const room = fake.room!;
    const anne = announceParticipant(room, 'anne', [{ sid: 'TR_a', source: 'microphone' }]);
    announceParticipant(room, 'bruno', [{ sid: 'TR_b', source: 'microphone' }]);
    let renewals = 0;
    const publication = anne.trackPublications.get('TR_a')!;
    const setSubscribed = publication.setSubscribed.bind(publication);
    publication.setSubscribed = (subscribed) => {
      renewals++;
      setSubscribed(subscribed);
    };
    supervisor.watch(room);
    await waitFor(() => renewals >= 4, 'two renewals');
    expect(fake.reopened).to.equal(0);
  });

  it('does not judge the sound of a Room that is not connected', async () => {
    let samples = 0;
    const { fake, supervisor } = supervise({
      readAudioCounters: async () => {
        samples++;
        return counters(100);
      },
    });
    fake.value = { ...fake.value, connection: 'reconnecting' };
    supervisor.watch(fake.room!);
    await pause(50);
    expect(samples).to.equal(0);
    expect(fake.reopened).to.equal(0);
  });
});
