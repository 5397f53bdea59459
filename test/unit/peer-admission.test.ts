// The door of the sync exchange: what one participant may make this device do, on a fake clock.
import { expect } from '@open-wc/testing';
import {
  MAX_PENDING_MESSAGES,
  MESSAGE_BURST,
  MESSAGES_PER_SECOND,
  PeerAdmission,
  PUSHED_RECORDS_BURST,
  SERVED_RECORDS_BURST,
  SERVED_RECORDS_PER_SECOND,
} from '../../src/features/sync/peer-admission.js';

function withClock() {
  let now = 1_000_000;
  const admission = new PeerAdmission(() => now);
  return { admission, advance: (ms: number) => (now += ms) };
}

describe('peer admission', () => {
  it('admits a burst of messages, then the steady rate, each participant on its own', () => {
    const { admission, advance } = withClock();
    let admitted = 0;
    for (let i = 0; i < 10 * MESSAGE_BURST; i++) {
      if (admission.admitMessage('bruno')) {
        admitted += 1;
        admission.done('bruno');
      }
    }
    expect(admitted).to.equal(MESSAGE_BURST);
    expect(admission.admitMessage('alice')).to.equal(true);
    advance(1000);
    let later = 0;
    for (let i = 0; i < 10 * MESSAGE_BURST; i++) {
      if (admission.admitMessage('bruno')) {
        later += 1;
        admission.done('bruno');
      }
    }
    expect(later).to.equal(MESSAGES_PER_SECOND);
  });

  it('refuses a participant whose messages wait unhandled, until they are handled', () => {
    const { admission, advance } = withClock();
    let queued = 0;
    for (let second = 0; second < 20; second++) {
      while (admission.admitMessage('bruno')) queued += 1;
      advance(1000);
    }
    expect(queued).to.equal(MAX_PENDING_MESSAGES);
    admission.done('bruno');
    expect(admission.admitMessage('bruno')).to.equal(true);
  });

  it('bounds the records pushed unasked and the records served on asking', () => {
    const { admission, advance } = withClock();
    expect(admission.admitPush('bruno', PUSHED_RECORDS_BURST)).to.equal(true);
    expect(admission.admitPush('bruno', 1)).to.equal(false);
    expect(admission.admitWant('bruno', SERVED_RECORDS_BURST)).to.equal(true);
    expect(admission.admitWant('bruno', 1000)).to.equal(false);
    advance(1000);
    expect(admission.admitWant('bruno', SERVED_RECORDS_PER_SECOND)).to.equal(true);
    expect(admission.admitWant('bruno', 1000)).to.equal(false);
    // A catch-up, a window of 1,000 a second, is never refused.
    const { admission: fresh, advance: tick } = withClock();
    for (let window = 0; window < 60; window++) {
      expect(fresh.admitWant('alice', 1000)).to.equal(true);
      tick(1000);
    }
  });

  it('keeps one refusal per participant and reason in each window', () => {
    const { admission, advance } = withClock();
    expect(admission.shouldKeepRefusal('bruno', 'flood')).to.equal(true);
    expect(admission.shouldKeepRefusal('bruno', 'flood')).to.equal(false);
    expect(admission.shouldKeepRefusal('bruno', 'unsealed')).to.equal(true);
    expect(admission.shouldKeepRefusal('alice', 'flood')).to.equal(true);
    advance(10_000);
    expect(admission.shouldKeepRefusal('bruno', 'flood')).to.equal(true);
  });
});
