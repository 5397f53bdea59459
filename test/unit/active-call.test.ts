// The call outlives the room page: one call per app, kept while in a call, let go once it ended,
// and the shell told whether a call is on.
import { expect } from '@open-wc/testing';
import {
  currentCall,
  ensureCall,
  isInCall,
  releaseIdleCall,
} from '../../src/features/call/active-call.js';
import { cleanUpTestServices, createTestServices } from './helpers.js';

describe('the active call', () => {
  afterEach(async () => {
    const call = currentCall();
    if (call) {
      call.state.set({ ...call.state.value, connection: 'idle' });
      releaseIdleCall(createTestServices());
    }
    await cleanUpTestServices();
  });

  it('is one call for the app, kept across pages while in it and let go once it ended', () => {
    const services = createTestServices();
    const call = ensureCall(services, {});
    expect(ensureCall(services, {})).to.equal(call);
    expect(services.callActive.value).to.equal(false);

    call.state.set({ ...call.state.value, connection: 'connected' });
    expect(services.callActive.value).to.equal(true);
    // The room page goes away during the call: the call stays.
    releaseIdleCall(services);
    expect(currentCall()).to.equal(call);

    call.state.set({ ...call.state.value, connection: 'reconnecting' });
    expect(services.callActive.value).to.equal(true);
    call.state.set({ ...call.state.value, connection: 'left' });
    expect(services.callActive.value).to.equal(false);
    releaseIdleCall(services);
    expect(currentCall()).to.equal(undefined);
    expect(ensureCall(services, {})).not.to.equal(call);
  });

  it('counts joining and getting back in as being in the call', () => {
    const states = [
      'idle',
      'connecting',
      'connected',
      'reconnecting',
      'rejoining',
      'left',
    ] as const;
    const call = ensureCall(createTestServices(), {});
    expect(states.map((connection) => isInCall({ ...call.state.value, connection }))).to.deep.equal(
      [false, true, true, true, true, false],
    );
  });
});
