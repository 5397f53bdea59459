// The room server probe against real HTTP servers: the test runner's own server stands for a
// LiveKit server that answers (its root says 200), a path it does not serve for one that answers
// with an error, and a loopback port nobody listens on for one that is down. Then the watch that
// asks again on the page's events and every interval, and never while a call runs.
import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { RoomServerWatch } from '../../src/features/call/room-server-watch.js';
import { probeServer, probeUrlOf } from '../../src/features/call/server-probe.js';
import { waitFor } from './helpers.js';

/** A loopback port with nothing behind it (and not one Chromium refuses to reach). */
const DEAD = 'ws://127.0.0.1:59287';

describe('the room server probe', () => {
  it('asks the host the kit names over HTTP, and nothing else', () => {
    expect(probeUrlOf('wss://livekit.crise.example.org')).to.equal(
      'https://livekit.crise.example.org/',
    );
    expect(probeUrlOf('ws://127.0.0.1:7880')).to.equal('http://127.0.0.1:7880/');
    expect(probeUrlOf('wss://crise.example.org:8443/livekit?x=1#y')).to.equal(
      'https://crise.example.org:8443/livekit',
    );
    expect(() => probeUrlOf('ftp://crise.example.org')).to.throw();
    expect(() => probeUrlOf('not a url')).to.throw();
  });

  it('finds a server that answers reachable, with the time it asked', async () => {
    const before = Date.now();
    const result = await probeServer(`ws://${location.host}/`);
    expect(result.reachable).to.equal(true);
    expect(result.url).to.equal(`http://${location.host}/`);
    expect(result.at.getTime()).to.be.within(before, Date.now());
  });

  it('finds a port nobody listens on unreachable, and says what the browser said', async () => {
    const result = await probeServer(DEAD);
    if (result.reachable) throw new Error('A dead port answered');
    expect(result.reason).to.equal('network');
    expect(result.detail).to.include('GET http://127.0.0.1:59287/');
    expect(result.detail).to.include('TypeError');
  });

  it('reports a server that answers with an error by its status', async () => {
    const result = await probeServer(`ws://${location.host}/no-such-livekit-root`);
    if (result.reachable) throw new Error('A missing path answered 200');
    expect(result.reason).to.equal('status');
    expect(result.status).to.equal(404);
  });

  it('gives up on a silent server after its timeout', async () => {
    // A server that accepts and never answers: the fetch only ends when the probe aborts it.
    const silent: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)),
      );
    const started = performance.now();
    const result = await probeServer(DEAD, { fetch: silent, timeoutMs: 200 });
    // It waited for its timeout, then gave up (a bound wide enough for a loaded machine).
    expect(performance.now() - started).to.be.within(150, 5000);
    if (result.reachable) throw new Error('A silent server answered');
    expect(result.reason).to.equal('timeout');
    expect(result.detail).to.include('no answer within 200 ms');
  });

  it('asks nothing when the device is offline, and stops when told to', async () => {
    let asked = false;
    const counting: typeof fetch = (input, init) => ((asked = true), fetch(input, init));
    const offline = await probeServer(`ws://${location.host}/`, {
      online: false,
      fetch: counting,
    });
    expect(offline.reachable).to.equal(false);
    expect(!offline.reachable && offline.reason).to.equal('offline');
    expect(asked).to.equal(false);

    const controller = new AbortController();
    const probing = probeServer(`ws://${location.host}/`, { signal: controller.signal });
    controller.abort(new Error('left the page'));
    let error: unknown;
    await probing.catch((caught: unknown) => (error = caught));
    expect((error as Error | undefined)?.message).to.equal('left the page');
  });
});

describe('the room server watch', () => {
  const realFetch = window.fetch;
  let asked: string[] = [];
  let watch: RoomServerWatch | undefined;
  let wanted = true;
  const host: ReactiveControllerHost = {
    addController: () => undefined,
    removeController: () => undefined,
    requestUpdate: () => undefined,
    updateComplete: Promise.resolve(true),
  };

  beforeEach(() => {
    asked = [];
    wanted = true;
    window.fetch = (input, init) => {
      asked.push(String(input));
      return realFetch(input, init);
    };
  });

  afterEach(() => {
    watch?.hostDisconnected();
    watch = undefined;
    window.fetch = realFetch;
  });

  async function startWatch(intervalMs = 60_000): Promise<RoomServerWatch> {
    watch = new RoomServerWatch(host, {
      url: () => `ws://${location.host}/`,
      wanted: () => wanted,
      intervalMs,
    });
    watch.hostConnected();
    watch.hostUpdated();
    await Promise.resolve();
    return watch;
  }

  it('asks when the page shows, again when the device is back online, and keeps the answer', async () => {
    const started = await startWatch();
    expect(asked).to.deep.equal([`http://${location.host}/`]);
    await waitFor(() => !started.checking, 'the first answer');
    expect(started.resultFor(`ws://${location.host}/`)?.reachable).to.equal(true);
    expect(started.resultFor('wss://another.example')).to.equal(undefined);
    window.dispatchEvent(new Event('online'));
    expect(asked).to.have.length(2);
    await waitFor(() => !started.checking, 'the second answer');
  });

  it('asks again every interval while wanted, and never while a call runs', async () => {
    const started = await startWatch(100);
    await waitFor(() => asked.length >= 3, 'two more probes', 3000);
    // The member joins: no probe now, whatever happens.
    wanted = false;
    started.hostUpdated();
    await waitFor(() => !started.checking, 'the probe in flight to stop');
    const during = asked.length;
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('pageshow'));
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(asked).to.have.length(during);
    // The call ended: asked at once, without waiting for the interval.
    wanted = true;
    started.hostUpdated();
    await Promise.resolve();
    expect(asked).to.have.length(during + 1);
  });
});
