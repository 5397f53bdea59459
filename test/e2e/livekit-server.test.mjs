// The real LiveKit server on loopback carries an end-to-end-encrypted call between two browsers
// (a third one with another key decodes nothing), and the call comes back by itself after the
// server restarts: the ground the crisis room stands
// on. A tiny page loads livekit-client straight from node_modules (no app build), so a failure here
// points at the server, its loopback configuration or livekit-client, not at Tocsin's code.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, projectRoot } from './support.mjs';
import { joinToken, useLivekitServer } from './livekit-support.mjs';

const ROOM = 'smoke';
const CLIENT_DIST = '/node_modules/livekit-client/dist/';

const livekit = useLivekitServer();
const state = {
  pageUrl: '',
  close: async () => {},
  browsers: /** @type {import('playwright-core').Browser[]} */ ([]),
};

before(async () => {
  // The page and livekit-client's files, from 127.0.0.1: a secure context, as E2EE requires.
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>LiveKit smoke</title><body></body>');
    } else if (path.startsWith(CLIENT_DIST) && path.endsWith('.mjs') && !path.includes('..')) {
      const body = await readFile(join(projectRoot, path)).catch(() => undefined);
      res.writeHead(body ? 200 : 404, { 'Content-Type': 'text/javascript; charset=utf-8' });
      res.end(body);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  state.pageUrl = `http://127.0.0.1:${port}/`;
  state.close = () =>
    new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
});

after(async () => {
  for (const browser of state.browsers) await browser.close();
  await state.close();
});

/**
 * Starts a participant in a Chromium of its own, as on a device of its own: a page that keeps
 * every RTCPeerConnection it makes, joins the room with E2EE on and publishes the fake camera and
 * microphone (the shared Chromium flags include them, auto-accepted). Two pages of one Chromium
 * share its fake camera, and after a server restart one republished camera in three or so then
 * sent no frame at all; with one Chromium each, in none of 18 runs.
 * @param {{ url: string, token: string, key: number[] }} join
 */
async function joinWithE2ee(join) {
  const browser = await launchBrowser();
  state.browsers.push(browser);
  const page = await browser.newPage();
  await page.addInitScript(() => {
    // livekit-client sets the ICE servers from the join response after creating the connection.
    const connections = [];
    Object.assign(window, { peerConnections: connections });
    window.RTCPeerConnection = class extends RTCPeerConnection {
      constructor(...args) {
        super(...args);
        connections.push(this);
      }
    };
  });
  await page.goto(state.pageUrl);
  await page.evaluate(
    async ({ url, token, key, dist }) => {
      const lk = await import(`${dist}livekit-client.esm.mjs`);
      const keyProvider = new lk.ExternalE2EEKeyProvider();
      await keyProvider.setKey(new Uint8Array(key).buffer);
      const worker = new Worker(`${dist}livekit-client.e2ee.worker.mjs`, { type: 'module' });
      const room = new lk.Room({ encryption: { keyProvider, worker } });
      const smoke = {
        room,
        videos: /** @type {HTMLVideoElement[]} */ ([]),
        audio: /** @type {any} */ (undefined),
        audios: 0,
        events: /** @type {string[]} */ ([]),
        encryptionErrors: 0,
      };
      Object.assign(window, { smoke });
      room.on(lk.RoomEvent.TrackSubscribed, (track) => {
        if (track.kind === 'video') {
          const video = track.attach();
          video.muted = true;
          document.body.append(video);
          smoke.videos.push(video);
        } else {
          smoke.audio = track;
          smoke.audios++;
        }
      });
      room.on(lk.RoomEvent.Reconnecting, () => smoke.events.push('reconnecting'));
      room.on(lk.RoomEvent.Reconnected, () => smoke.events.push('reconnected'));
      room.on(lk.RoomEvent.EncryptionError, () => smoke.encryptionErrors++);
      await room.setE2EEEnabled(true);
      await room.connect(url, token);
      await room.localParticipant.enableCameraAndMicrophone();
    },
    { ...join, dist: CLIENT_DIST },
  );
  return page;
}

/**
 * What the page receives from the other participant: how many video and audio tracks it has
 * subscribed to, the newest video element's size and clock and the newest audio track's bytes over
 * half a second, and whether both ends encrypt.
 * @param {import('playwright-core').Page} page
 */
function remoteMedia(page) {
  return page.evaluate(async () => {
    const { smoke } = /** @type {any} */ (window);
    const video = /** @type {HTMLVideoElement | undefined} */ (smoke.videos.at(-1));
    const before = { time: video?.currentTime ?? 0, audio: await audioBytes() };
    await new Promise((wait) => setTimeout(wait, 500));
    const remote = [...smoke.room.remoteParticipants.values()][0];
    return {
      videos: smoke.videos.length,
      audios: smoke.audios,
      width: video?.videoWidth ?? 0,
      advanced: (video?.currentTime ?? 0) > before.time,
      audioAdvanced: (await audioBytes()) > before.audio,
      localEncrypted: smoke.room.isE2EEEnabled,
      remoteEncrypted: remote?.isEncrypted ?? false,
      encryptionErrors: smoke.encryptionErrors,
      events: smoke.events,
      state: smoke.room.state,
    };
    async function audioBytes() {
      return (await smoke.audio?.getReceiverStats())?.bytesReceived ?? 0;
    }
  });
}

/**
 * Waits until the page receives the other's audio and, unless `video` is false, decodes its video
 * (a size, a clock that runs), on tracks subscribed after `since`; returns the last observation.
 * @param {import('playwright-core').Page} page
 * @param {number} timeoutMs
 * @param {{ video?: boolean, since?: { videos: number, audios: number } }} [options]
 */
async function waitForRemoteMedia(page, timeoutMs, { video = true, since } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const media = await remoteMedia(page);
    const audioOk = media.audioAdvanced && media.audios > (since?.audios ?? 0);
    const videoOk = media.width > 0 && media.advanced && media.videos > (since?.videos ?? 0);
    if (audioOk && (videoOk || !video)) return media;
    if (Date.now() > deadline) {
      assert.fail(`no remote media within ${timeoutMs / 1000} s: ${JSON.stringify(media)}`);
    }
  }
}

test('two browsers hold an E2EE call through the loopback server, and again after it restarts', async (t) => {
  const server = livekit.server;
  const key = [...randomBytes(32)];
  const pages = [
    await joinWithE2ee({
      url: server.url,
      token: await joinToken(server, 'a', ROOM),
      key,
    }),
    await joinWithE2ee({
      url: server.url,
      token: await joinToken(server, 'b', ROOM),
      key,
    }),
  ];

  for (const page of pages) {
    const media = await waitForRemoteMedia(page, 15_000);
    assert.equal(media.localEncrypted, true);
    assert.equal(media.remoteEncrypted, true);
    assert.equal(media.encryptionErrors, 0);
    // Every ICE server the browsers were given is on this machine: no public STUN.
    const urls = await page.evaluate(() =>
      /** @type {RTCPeerConnection[]} */ (/** @type {any} */ (window).peerConnections).flatMap(
        (connection) => (connection.getConfiguration().iceServers ?? []).flatMap((s) => s.urls),
      ),
    );
    assert.ok(urls.length > 0);
    for (const url of urls) assert.match(url, /^stun:127\.0\.0\.1:/);
  }

  // A participant with another key receives the same packets and decodes none of them: the media
  // really is encrypted end to end, not merely flagged so.
  const outsider = await joinWithE2ee({
    url: server.url,
    token: await joinToken(server, 'c', ROOM),
    key: [...randomBytes(32)],
  });
  await outsider.waitForFunction(() => {
    const { smoke } = /** @type {any} */ (window);
    return smoke.videos.length === 2 && smoke.encryptionErrors > 0;
  });
  await outsider.waitForTimeout(2000);
  const outsiderView = await outsider.evaluate(() =>
    /** @type {any} */ (window).smoke.videos.map((/** @type {HTMLVideoElement} */ video) => ({
      width: video.videoWidth,
      time: video.currentTime,
    })),
  );
  assert.deepEqual(outsiderView, [
    { width: 0, time: 0 },
    { width: 0, time: 0 },
  ]);
  await outsider.context().browser()?.close();
  // Its frames failed to decrypt at a and b too; count only what follows.
  for (const page of pages) {
    await page.evaluate(() => {
      /** @type {any} */ (window).smoke.encryptionErrors = 0;
    });
  }

  // The server goes away mid-call (SIGTERM, then SIGKILL after 3 s: with participants connected,
  // livekit-server waits for them to leave) and comes back on the same ports. Each page resumes,
  // is refused by the new server, reconnects in full and subscribes to the other's new tracks.
  const before = await Promise.all(pages.map(remoteMedia));
  await server.restart();
  const restarted = Date.now();
  for (const [index, page] of pages.entries()) {
    const media = await waitForRemoteMedia(page, 15_000, { video: false, since: before[index] });
    assert.equal(media.state, 'connected');
    assert.deepEqual(media.events.slice(-2), ['reconnecting', 'reconnected']);
    assert.equal(media.remoteEncrypted, true);
  }
  t.diagnostic(`audio flowed again ${(Date.now() - restarted) / 1000} s after the server was back`);

  for (const [index, page] of pages.entries()) {
    await waitForRemoteMedia(page, 15_000, { since: before[index] });
  }
  t.diagnostic(`video flowed again ${(Date.now() - restarted) / 1000} s after the server was back`);
});
