// The crisis room's figures, on a real livekit-server (loopback) with Chromium's fake camera and
// microphone: how long the built app takes from the tap on "Join the crisis room" to the first
// decrypted frame of the other participant's video, against a bare livekit-client join without
// E2EE in the same run; what E2EE costs the browser's CPU over 30 s of two-way 720p video; and how
// long the app takes to show the other participant's video again after the server restarts.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { ensureLivekitServer, startLivekitServer } from '../../deploy/livekit/livekit-server.mjs';
import { joinToken, startBareServer } from '../e2e/livekit-support.mjs';
import { buildApp, pageHeading, projectRoot, removeBuild, startServer } from '../e2e/support.mjs';
import { chromiumArgs, chromiumPath } from '../support/chromium.mjs';
import { ratio, unmeasured } from './figures.mjs';

const execFileAsync = promisify(execFile);
const KIT_BIN = join(projectRoot, 'src/cli/bin.mjs');
const CONTACTS = join(projectRoot, 'test/cli/fixtures/cell.csv');
const ROOM = 'cellule-de-crise';
const PLAIN_ROOM = 'bench-plain';
const [MEMBER, PEER] = ['helene-lefevre', 'francois-nguyen'];
const JOINS = 5;
// Every restart counts: one whose video never comes back is counted as the time waited for it.
const RESTARTS = 5;
const CPU_WINDOW_MS = 30_000;
// Plain and E2EE windows, alternated (plain, E2EE, plain, E2EE) so that any drift of the machine
// hits both alike.
const CPU_RUNS_EACH = 2;
// A CPU window compares like with like only if both pages decoded the other's full 720p picture
// and nearly every frame of it; otherwise no ratio is given.
const CPU_MIN_WIDTH = 1280;
const CPU_MIN_DECODED_SHARE = 0.9;
// Loopback bandwidth estimation takes a while to let a 720p stream through at full size: 22–25 s
// measured on a 2-core machine (a window that started after 20 s was still at 960 px).
const CPU_RAMP_TIMEOUT_MS = 45_000;
const CPU_SETTLE_MS = 3000;
const FRAME_TIMEOUT_MS = 30_000;
// The call session checks media flow 5 s after a reconnection and may rejoin with a new Room then;
// the next restart waits past that, so it never lands in the middle of a rejoin.
const AFTER_RECONNECT_MS = 7000;
// Enough for the media check and one rejoin.
const RECONNECT_TIMEOUT_MS = 20_000;
// Diagnosis: TOCSIN_BENCH_CALL_TRACE=1 also records, during each join, the receiver's video
// counters every 10 ms, the page's long tasks and encryption errors, the events of the peer's
// <video> in the app and each video frame into and out of the E2EE worker (the polling slows
// joins: not for figures);
// TOCSIN_BENCH_CALL_ONLY=join stops after the joins.
const TRACE = process.env.TOCSIN_BENCH_CALL_TRACE === '1';
const JOINS_ONLY = process.env.TOCSIN_BENCH_CALL_ONLY === 'join';
const browserArgs = [...chromiumArgs, '--autoplay-policy=no-user-gesture-required'];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const ms = (value) => Number(value.toFixed(1));
const sleep = (duration) => new Promise((resolve) => setTimeout(resolve, duration));

/**
 * Polls `read` until it returns something other than undefined, or fails after `timeoutMs`.
 * @template T
 * @param {() => Promise<T | undefined>} read
 * @param {string} what
 * @param {number} [timeoutMs]
 * @returns {Promise<T>}
 */
async function poll(read, what, timeoutMs = FRAME_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`bench: no ${what} within ${timeoutMs / 1000} s`);
    await sleep(50);
  }
}

/**
 * Runs tocsin-kit with the LiveKit server's API key.
 * @param {{ apiKey: string, apiSecret: string }} livekit
 * @param {string[]} args
 */
async function tocsinKit(livekit, ...args) {
  const { stdout } = await execFileAsync(process.execPath, [KIT_BIN, ...args], {
    cwd: projectRoot,
    env: {
      ...process.env,
      LIVEKIT_API_KEY: livekit.apiKey,
      LIVEKIT_API_SECRET: livekit.apiSecret,
    },
  });
  return stdout;
}

/**
 * @typedef {object} BareJoin
 * @property {string} url the LiveKit server
 * @property {string} token
 * @property {string} [secret] the room secret (base64url) to join with E2EE; none joins plain
 * @property {'h540' | 'h720'} preset the camera's capture preset
 * @property {boolean} microphone publish the microphone too
 * @property {boolean} simulcast
 * @property {boolean} subscribe subscribe to the others' video and render it
 */

/**
 * Joins a room from a bare page as a peer: livekit-client alone, publishing the fake camera with
 * the app's codec choices. The Room stays on `window.benchRoom`.
 * @param {import('playwright-core').Page} page
 * @param {BareJoin} options
 */
function bareJoin(page, options) {
  return page.evaluate(async ({ url, token, secret, preset, microphone, simulcast, subscribe }) => {
    const lk = /** @type {typeof import('livekit-client')} */ (
      await import(/** @type {string} */ ('/livekit-client.esm.mjs'))
    );
    /** @type {import('livekit-client').RoomOptions} */
    const roomOptions = {
      adaptiveStream: false,
      dynacast: true,
      publishDefaults: { videoCodec: 'vp8', red: false, dtx: true, simulcast },
      videoCaptureDefaults: { resolution: lk.VideoPresets[preset].resolution },
    };
    if (secret) {
      const keyProvider = new lk.ExternalE2EEKeyProvider();
      const raw = Uint8Array.from(atob(secret.replace(/-/g, '+').replace(/_/g, '/')), (c) =>
        c.charCodeAt(0),
      );
      await keyProvider.setKey(raw.buffer);
      const worker = new Worker('/livekit-client.e2ee.worker.mjs', { type: 'module' });
      roomOptions.encryption = { keyProvider, worker };
    }
    const room = new lk.Room(roomOptions);
    room.on(lk.RoomEvent.TrackSubscribed, (track) => {
      if (track.kind === lk.Track.Kind.Video) document.body.append(track.attach());
    });
    if (secret) await room.setE2EEEnabled(true);
    await room.connect(url, token, { autoSubscribe: subscribe });
    await room.localParticipant.setCameraEnabled(true);
    if (microphone) await room.localParticipant.setMicrophoneEnabled(true);
    /** @type {any} */ (window).benchRoom = room;
  }, options);
}

/**
 * Milliseconds from the start of a plain join (connect, then publish camera and microphone) to
 * the first frame of the other participant's video, in a fresh bare page. The Room takes the
 * app's options, encryption aside, so the ratio is what the app and E2EE add, not a choice of
 * codec, layers or adaptive stream.
 * @param {import('playwright-core').Page} page
 * @param {string} bareUrl
 * @param {{ url: string, token: string }} join
 */
async function baselineJoin(page, bareUrl, join) {
  await page.goto(bareUrl);
  // The library loads before the clock starts, as the room page has loaded it before the tap.
  await page.evaluate(() => import(/** @type {string} */ ('/livekit-client.esm.mjs')));
  if (TRACE) await installTrace(page);
  const { started, elapsed } = await page.evaluate(
    async ({ url, token, trace }) => {
      const lk = /** @type {typeof import('livekit-client')} */ (
        await import(/** @type {string} */ ('/livekit-client.esm.mjs'))
      );
      // The app's steps, under the same names where they exist.
      const mark = (/** @type {string} */ step) => performance.mark(`bare:${step}`);
      const started = performance.now();
      const room = new lk.Room({
        adaptiveStream: true,
        dynacast: true,
        publishDefaults: { videoCodec: 'vp8', red: false, dtx: true, simulcast: true },
        videoCaptureDefaults: { resolution: lk.VideoPresets.h540.resolution, facingMode: 'user' },
      });
      if (trace) /** @type {any} */ (window).benchTrace(() => room);
      room.on(lk.RoomEvent.SignalConnected, () => mark('signal-connected'));
      room.on(lk.RoomEvent.TrackSubscribed, (track) => {
        if (track.kind !== lk.Track.Kind.Video) return;
        mark('remote-video-subscribed');
        document.body.append(track.attach());
      });
      // The same 5 ms poll of videoWidth as in the app's page.
      const firstFrame = new Promise((resolve) => {
        const timer = setInterval(() => {
          if ((document.querySelector('video')?.videoWidth ?? 0) > 0) {
            clearInterval(timer);
            resolve(performance.now());
          }
        }, 5);
      });
      await room.connect(url, token);
      mark('connected');
      await room.localParticipant.enableCameraAndMicrophone();
      mark('published');
      const frameAt = /** @type {number} */ (await firstFrame);
      await room.disconnect();
      return { started, elapsed: frameAt - started };
    },
    { ...join, trace: TRACE },
  );
  return { elapsed, ...(await readJoinSteps(page, 'bare:', started)) };
}

/**
 * Installs `window.benchTrace(getRoom)` in a page, for TOCSIN_BENCH_CALL_TRACE: from then on it
 * notes the page's long tasks and, every 10 ms, the counters of the remote video the Room
 * `getRoom()` receives (packets, frames received and decoded, keyframes, keyframe requests),
 * each time they change, until 300 ms after the first decoded frame.
 * @param {import('playwright-core').Page} page
 */
function installTrace(page) {
  return page.evaluate(() => {
    /** @type {any} */ (window).benchTrace = (/** @type {() => any} */ getRoom) => {
      /** @type {[number, string][]} */
      const timeline = [];
      /** @type {any} */ (window).benchTimeline = timeline;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          timeline.push([entry.startTime, `long task ${Math.round(entry.duration)} ms`]);
        }
      }).observe({ type: 'longtask' });
      let last = '';
      /** @type {number | undefined} */
      let decodedAt;
      const timer = setInterval(async () => {
        // The peer connection carrying what the Room receives (livekit-client internals).
        const peerVideo = /** @type {any} */ (window).benchPeerVideo?.();
        if (peerVideo && !peerVideo.benchWatched) {
          peerVideo.benchWatched = true;
          timeline.push([
            performance.now(),
            `peer video element found, srcObject ${!!peerVideo.srcObject}`,
          ]);
          for (const type of ['loadedmetadata', 'loadeddata', 'playing', 'resize']) {
            peerVideo.addEventListener(type, () =>
              timeline.push([performance.now(), `video ${type} ${peerVideo.videoWidth}`]),
            );
          }
          peerVideo.requestVideoFrameCallback?.(() =>
            timeline.push([performance.now(), `video first frame ${peerVideo.videoWidth}`]),
          );
        }
        const room = getRoom();
        if (room && !room.benchErrorsWatched) {
          room.benchErrorsWatched = true;
          room.on('encryptionError', (/** @type {Error} */ error) =>
            timeline.push([performance.now(), `encryption error: ${error.message}`]),
          );
        }
        const manager = room?.engine?.pcManager;
        const pc = (manager?.subscriber ?? manager?.publisher)?._pc;
        if (!pc) return;
        const stats = await pc.getStats();
        const now = performance.now();
        /** @type {string[]} */
        const parts = [];
        stats.forEach((/** @type {any} */ report) => {
          if (report.type !== 'inbound-rtp' || report.kind !== 'video') return;
          parts.push(
            `packets ${report.packetsReceived} bytes ${report.bytesReceived} ` +
              `received ${report.framesReceived} ` +
              `decoded ${report.framesDecoded} keyframes ${report.keyFramesDecoded} ` +
              `PLI ${report.pliCount} width ${report.frameWidth ?? 0}`,
          );
          if (report.framesDecoded > 0) decodedAt ??= now;
        });
        const line = parts.join(' | ');
        if (line !== last) timeline.push([now, line]);
        last = line;
        if (decodedAt !== undefined && now - decodedAt > 300) clearInterval(timer);
      }, 10);
    };
  });
}

/**
 * The join's User Timing marks named `prefix…` (the first of each), and with
 * TOCSIN_BENCH_CALL_TRACE its timeline, in ms from `origin` in the page's clock.
 * @param {import('playwright-core').Page} page
 * @param {string} prefix
 * @param {number} origin
 */
function readJoinSteps(page, prefix, origin) {
  return page.evaluate(
    ({ prefix, origin }) => {
      /** @type {Record<string, number>} */
      const marks = {};
      for (const entry of performance.getEntriesByType('mark')) {
        if (!entry.name.startsWith(prefix)) continue;
        marks[entry.name.slice(prefix.length)] ??= Math.round(entry.startTime - origin);
      }
      /** @type {[number, string][]} */
      const timeline = /** @type {any} */ (window).benchTimeline ?? [];
      return {
        marks,
        timeline: [...timeline]
          .sort((a, b) => a[0] - b[0])
          .map(([at, what]) => `${Math.round(at - origin)} ${what}`),
      };
    },
    { prefix, origin },
  );
}

/**
 * A deep query of the app's page, through the shadow roots: the video of `identity`'s tile.
 * Installed as `window.benchPeerVideo()` so later evaluations can use it.
 * @param {import('playwright-core').Page} page
 * @param {string} identity
 */
function installPeerVideoQuery(page, identity) {
  return page.evaluate((who) => {
    const selector = `tocsin-participant-tile[data-identity="${who}"]`;
    /** @param {Document | ShadowRoot} root @returns {Element | null} */
    const find = (root) => {
      const hit = root.querySelector(selector);
      if (hit) return hit;
      for (const element of root.querySelectorAll('*')) {
        const found = element.shadowRoot ? find(element.shadowRoot) : null;
        if (found) return found;
      }
      return null;
    };
    /** @type {any} */ (window).benchPeerVideo = () =>
      find(document)?.shadowRoot?.querySelector('video') ?? null;
  }, identity);
}

/**
 * Opens the room page afresh (reloaded if it is the page's URL already, since the page offers
 * "Join again" rather than "Join the crisis room" after leaving) and returns its join button.
 * @param {import('playwright-core').Page} page
 * @param {string} roomUrl
 */
async function openRoomPage(page, roomUrl) {
  if (page.url() === roomUrl) await page.reload();
  else await page.goto(roomUrl);
  await pageHeading(page, 'tocsin-room-page');
  const join = page.getByRole('button', { name: 'Join the crisis room' });
  await join.waitFor();
  return join;
}

/**
 * One timed join in the app: from the tap on "Join the crisis room" (the click event's time) to
 * the first poll that finds the peer's tile video with a size, i.e. a decrypted frame decoded.
 * @param {import('playwright-core').Page} page
 * @param {string} roomUrl
 */
async function appJoin(page, roomUrl) {
  if (TRACE && !(/** @type {any} */ (page).benchFramesNoted)) {
    /** @type {any} */ (page).benchFramesNoted = true;
    // Notes every video frame on its way into the E2EE worker and back (diagnosis only): wraps the
    // encoded streams livekit-client posts to the worker.
    await page.addInitScript(() => {
      const post = Worker.prototype.postMessage;
      /** @type {any[]} */
      const frames = [];
      /** @type {any} */ (window).benchFrames = frames;
      const note = (/** @type {string} */ where, /** @type {any} */ frame) => {
        const meta = frame.getMetadata?.() ?? {};
        frames.push([
          performance.now(),
          where,
          frame.type ?? 'audio',
          frame.data.byteLength,
          meta.frameId ?? '',
          meta.synchronizationSource ?? '',
        ]);
      };
      Worker.prototype.postMessage = function (/** @type {any} */ message, ...rest) {
        if (message?.kind === 'decode' && message.data?.readableStream) {
          const { readableStream, writableStream } = message.data;
          const tap = (/** @type {string} */ where) =>
            new TransformStream({
              transform(frame, controller) {
                note(where, frame);
                controller.enqueue(frame);
              },
            });
          const toWorker = readableStream.pipeThrough(tap('in'));
          const fromWorker = tap('out');
          fromWorker.readable.pipeTo(writableStream);
          message.data.readableStream = toWorker;
          message.data.writableStream = fromWorker.writable;
          rest = [[toWorker, fromWorker.writable]];
        }
        return post.call(this, message, ...rest);
      };
    });
    await page.reload();
  }
  const join = await openRoomPage(page, roomUrl);
  await installPeerVideoQuery(page, PEER);
  if (TRACE) await installTrace(page);
  await page.evaluate((trace) => {
    const watch = { tapAt: /** @type {number | undefined} */ (undefined), frameAt: undefined };
    /** @type {any} */ (window).benchJoin = watch;
    addEventListener('click', (event) => (watch.tapAt ??= event.timeStamp), { capture: true });
    if (trace) {
      /** @param {Document | ShadowRoot} root @returns {any} */
      const findPage = (root) => {
        const hit = root.querySelector('tocsin-room-page');
        if (hit) return hit;
        for (const element of root.querySelectorAll('*')) {
          const found = element.shadowRoot ? findPage(element.shadowRoot) : null;
          if (found) return found;
        }
        return null;
      };
      // The call session is the page's private field: a diagnosis may read it.
      /** @type {any} */ (window).benchTrace(() => findPage(document)?.session?.currentRoom);
    }
    const timer = setInterval(() => {
      const video = /** @type {HTMLVideoElement | null} */ (
        /** @type {any} */ (window).benchPeerVideo()
      );
      if (video && video.videoWidth > 0) {
        clearInterval(timer);
        /** @type {any} */ (watch).frameAt = performance.now();
      }
    }, 5);
  }, TRACE);
  await join.click();
  const { tapAt, frameAt } = await poll(
    () =>
      page.evaluate(() => {
        const watch = /** @type {any} */ (window).benchJoin;
        return watch.frameAt === undefined ? undefined : watch;
      }),
    "first frame of the peer's video in the app",
  );
  if (TRACE) {
    const frames = await page.evaluate(() => /** @type {any} */ (window).benchFrames.splice(0));
    for (const [at, where, type, size, id, ssrc] of frames
      .filter((/** @type {any[]} */ f) => f[2] !== 'audio')
      .slice(0, 40)) {
      console.error(
        `bench:   frame ${Math.round(at - tapAt)} ${where} ${type} ${size} id ${id} ssrc ${ssrc}`,
      );
    }
  }
  return { elapsed: frameAt - tapAt, ...(await readJoinSteps(page, 'tocsin:join:', tapAt)) };
}

/**
 * The link of a member's kit, as tocsin-kit wrote it.
 * @param {string} kits
 * @param {string} member
 */
async function memberLink(kits, member) {
  return (await readFile(join(kits, `${member}.link.txt`), 'utf8')).trim();
}

/**
 * A member's own browser context, enrolled with their link; the page's errors go to `errors`.
 * @param {import('playwright-core').Browser} browser
 * @param {string} link
 * @param {string[]} errors
 */
async function enrolledMember(browser, link, errors) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(link);
  await page.getByRole('button', { name: 'It matches — install' }).click();
  await page.getByText('Crisis kit installed').waitFor();
  return page;
}

/**
 * Opens the room page and joins, untimed.
 * @param {import('playwright-core').Page} page
 * @param {string} roomUrl
 */
async function enterRoom(page, roomUrl) {
  await (await openRoomPage(page, roomUrl)).click();
  await page.locator('tocsin-room-page[data-connection="connected"]').waitFor();
}

/** Leaves the call with the app's own button. */
async function appLeave(page) {
  await page.getByRole('button', { name: 'Leave' }).click();
  await page.locator('tocsin-room-page[data-connection="left"]').waitFor();
}

/**
 * Starts recording every frame the app presents of the peer's video (requestVideoFrameCallback,
 * following the tile's video element if it is replaced) into `window.benchFrames`, with the time
 * it was presented and the time its last packet arrived.
 * @param {import('playwright-core').Page} page
 */
function recordPeerFrames(page) {
  return page.evaluate(() => {
    const win = /** @type {any} */ (window);
    clearInterval(win.benchFrameTimer);
    /** @type {{ at: number, received: number | undefined }[]} */
    const frames = [];
    win.benchFrames = frames;
    /** @type {HTMLVideoElement | undefined} */
    let watched;
    /** @param {HTMLVideoElement} video */
    const follow = (video) =>
      video.requestVideoFrameCallback((now, metadata) => {
        if (win.benchFrames !== frames) return;
        frames.push({ at: now, received: metadata.receiveTime });
        if (video === watched) follow(video);
      });
    win.benchFrameTimer = setInterval(() => {
      const video = win.benchPeerVideo();
      if (video && video !== watched) {
        watched = video;
        follow(video);
      }
    }, 20);
  });
}

/**
 * The first recorded frame whose last packet arrived after `after` (the page's clock), once there.
 * @param {import('playwright-core').Page} page
 * @param {number} after
 * @param {number} [timeoutMs]
 */
function frameAfter(page, after, timeoutMs = FRAME_TIMEOUT_MS) {
  return poll(
    () =>
      page.evaluate(
        (since) =>
          /** @type {{ at: number, received: number | undefined }[]} */ (
            /** @type {any} */ (window).benchFrames
          ).find((frame) => (frame.received ?? frame.at) > since),
        after,
      ),
    "peer's video advancing in the app",
    timeoutMs,
  );
}

/**
 * Restarts the server in the call and returns the milliseconds to the first frame of the peer's
 * video the app presents whose packets came after the old server exited: from the restart call,
 * and from that exit. With participants in a room livekit-server does not exit on SIGTERM, and
 * `stop()` kills it 3 s later; it forwards media until then, so frames received before its exit
 * are the old call's. If the video is not back within {@link RECONNECT_TIMEOUT_MS}, `failed` is
 * set and the times are those waited until then.
 * @param {import('playwright-core').Page} page
 * @param {import('../../deploy/livekit/livekit-server.mjs').LivekitServer} livekit
 * @returns {Promise<{ fromRestart: number, fromExit: number, failed: boolean }>}
 */
async function timedRestart(page, livekit) {
  await recordPeerFrames(page);
  const now = () => page.evaluate(() => performance.now());
  // In the page's clock: just before the restart call, and once the old server has exited.
  const oldServer = livekit.exited;
  const restartAt = await now();
  const restarted = livekit.restart();
  await oldServer;
  const diedAt = await now();
  await restarted;
  const frame = await frameAfter(page, diedAt, RECONNECT_TIMEOUT_MS).catch(() => undefined);
  const at = frame?.at ?? (await now());
  return { fromRestart: at - restartAt, fromExit: at - diedAt, failed: !frame };
}

/**
 * utime + stime (clock ticks) of every process of the Chromium whose profile is `profile`: the
 * browser and every child it starts carry `--user-data-dir=<profile>` on their command line. The
 * children rewrite theirs as one string separated by spaces, the browser's keeps NUL separators.
 * @param {string} profile
 */
async function cpuTicksByProcess(profile) {
  const flag = `--user-data-dir=${profile}`;
  /** @type {Map<string, number>} */
  const ticks = new Map();
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.split(/[\0 ]/).includes(flag)) continue;
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command's name in parentheses, from field 3 (state): utime is field 14.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended while we read it.
    }
  }
  return ticks;
}

/** Clock ticks per second for /proc/<pid>/stat. */
function clockTicksPerSecond() {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/**
 * Frames of video decoded so far by a bare page (inbound-rtp `framesDecoded`, all remote video),
 * and the width of the last decoded frame.
 * @param {import('playwright-core').Page} page
 */
function decodedVideo(page) {
  return page.evaluate(async () => {
    const room = /** @type {import('livekit-client').Room} */ (
      /** @type {any} */ (window).benchRoom
    );
    let frames = 0;
    let width = 0;
    for (const participant of room.remoteParticipants.values()) {
      for (const publication of participant.videoTrackPublications.values()) {
        const stats = await publication.track?.receiver?.getStats();
        stats?.forEach((report) => {
          if (report.type !== 'inbound-rtp' || report.kind !== 'video') return;
          frames += report.framesDecoded ?? 0;
          width = report.frameWidth ?? 0;
        });
      }
    }
    return { frames, width };
  });
}

/**
 * Frames of video a bare page's camera produced so far (media-source `frames`; where the browser
 * does not give them, the frames its video sender sent).
 * @param {import('playwright-core').Page} page
 */
function sentVideo(page) {
  return page.evaluate(async () => {
    const room = /** @type {import('livekit-client').Room} */ (
      /** @type {any} */ (window).benchRoom
    );
    let captured = 0;
    let sent = 0;
    for (const publication of room.localParticipant.videoTrackPublications.values()) {
      const stats = await publication.track?.sender?.getStats();
      stats?.forEach((report) => {
        if (report.kind !== 'video') return;
        if (report.type === 'media-source') captured += report.frames ?? 0;
        if (report.type === 'outbound-rtp') sent += report.framesSent ?? 0;
      });
    }
    return captured || sent;
  });
}

/**
 * Browser CPU over {@link CPU_WINDOW_MS} of two-way 720p video between two bare pages, in a
 * Chromium of its own: the milliseconds of CPU, the frames both pages decoded in the window and
 * the frames their cameras produced meanwhile, and the narrowest decoded width either page had at
 * the start or the end of the window.
 * @param {{ url: string, apiKey: string, apiSecret: string }} livekit
 * @param {string} bareUrl
 * @param {string | undefined} secret E2EE with this room secret, or plain without
 */
async function cpuWindow(livekit, bareUrl, secret) {
  const mode = secret ? 'e2ee' : 'plain';
  const profile = await mkdtemp(join(tmpdir(), `tocsin-bench-call-cpu-${mode}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: browserArgs,
  });
  try {
    const pages = [context.pages()[0] ?? (await context.newPage()), await context.newPage()];
    for (const [index, page] of pages.entries()) {
      await page.goto(bareUrl);
      await bareJoin(page, {
        url: livekit.url,
        token: await joinToken(livekit, `cpu-${index}`, `bench-cpu-${mode}`),
        secret,
        preset: 'h720',
        microphone: false,
        simulcast: false,
        subscribe: true,
      });
    }
    const sample = async () => {
      const decoded = await Promise.all(pages.map(decodedVideo));
      const sent = await Promise.all(pages.map(sentVideo));
      return {
        frames: decoded.reduce((sum, page) => sum + page.frames, 0),
        sent: sent.reduce((sum, frames) => sum + frames, 0),
        width: Math.min(...decoded.map((page) => page.width)),
        ticks: await cpuTicksByProcess(profile),
      };
    };
    const rampStart = Date.now();
    while ((await sample()).width < CPU_MIN_WIDTH && Date.now() - rampStart < CPU_RAMP_TIMEOUT_MS) {
      await sleep(500);
    }
    const rampMs = Date.now() - rampStart;
    await sleep(CPU_SETTLE_MS);
    const before = await sample();
    await sleep(CPU_WINDOW_MS);
    const after = await sample();
    let ticks = 0;
    // A process started during the window counts from zero; one that ended in it is not counted.
    for (const [pid, total] of after.ticks) ticks += total - (before.ticks.get(pid) ?? 0);
    return {
      cpuMs: (ticks * 1000) / clockTicksPerSecond(),
      frames: after.frames - before.frames,
      sent: after.sent - before.sent,
      width: Math.min(before.width, after.width),
      rampMs,
    };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/** @param {unknown} error */
function describe(error) {
  return error instanceof Error ? error.message : String(error);
}

/**
 * {@link JOINS} joins in the app and as many bare ones, alternated after one warm-up each, so any
 * drift hits both alike. Throws if one of them never shows the peer's video.
 * @param {import('playwright-core').Page} app
 * @param {string} roomUrl
 * @param {import('playwright-core').Page} baseline
 * @param {string} bareUrl
 * @param {{ url: string, apiKey: string, apiSecret: string }} livekit
 */
async function timedJoins(app, roomUrl, baseline, bareUrl, livekit) {
  console.error(`bench: call, ${JOINS} joins in the app and ${JOINS} bare joins`);
  const baselineToken = { url: livekit.url, token: await joinToken(livekit, 'bare', PLAIN_ROOM) };
  const joins = [];
  const baselines = [];
  for (let run = 0; run <= JOINS; run++) {
    const joined = await appJoin(app, roomUrl);
    await appLeave(app);
    const bareJoined = await baselineJoin(baseline, bareUrl, baselineToken);
    // Where the time went, in ms from the tap (the app) or from the start (bare).
    for (const [who, join] of [
      ['app', joined],
      ['bare', bareJoined],
    ]) {
      const { elapsed, marks, timeline } = /** @type {typeof joined} */ (join);
      console.error(`bench: call, ${who} ${ms(elapsed)} ms: ${JSON.stringify(marks)}`);
      for (const line of timeline) console.error(`bench:   ${line}`);
    }
    if (run === 0) continue;
    joins.push(joined.elapsed);
    baselines.push(bareJoined.elapsed);
  }
  const joinMs = median(joins);
  const joinBaseline = median(baselines);
  return {
    'call.join_ms': ms(joinMs),
    'call.join_baseline_ms': ms(joinBaseline),
    'call.join_ratio': ratio(joinMs / joinBaseline),
    ...(JOINS_ONLY
      ? { 'call.joins_ms': joins.map(ms), 'call.join_baselines_ms': baselines.map(ms) }
      : {}),
  };
}

/**
 * {@link RESTARTS} server restarts in a call between two members in the app. Every restart is a
 * sample: one whose video does not come back within {@link RECONNECT_TIMEOUT_MS} counts as the
 * time waited (and the members then open the room again and rejoin, as they would). Throws if the
 * call has no video before a restart, since the restarts left would not be measured.
 * @param {import('playwright-core').Page} app
 * @param {import('playwright-core').Page} otherApp
 * @param {string} roomUrl
 * @param {import('../../deploy/livekit/livekit-server.mjs').LivekitServer} livekit
 */
async function timedRestarts(app, otherApp, roomUrl, livekit) {
  const rejoinBoth = async () => {
    await enterRoom(otherApp, roomUrl);
    await enterRoom(app, roomUrl);
    await installPeerVideoQuery(app, PEER);
  };
  await rejoinBoth();
  const fromRestart = [];
  const fromExit = [];
  let failures = 0;
  for (let run = 0; run < RESTARTS; run++) {
    await sleep(AFTER_RECONNECT_MS);
    await recordPeerFrames(app);
    const since = await app.evaluate(() => performance.now());
    if (!(await frameAfter(app, since, RECONNECT_TIMEOUT_MS).catch(() => undefined))) {
      throw new Error(`no video in the call before restart ${run + 1} of ${RESTARTS}`);
    }
    const restart = await timedRestart(app, livekit);
    fromRestart.push(restart.fromRestart);
    fromExit.push(restart.fromExit);
    if (!restart.failed) continue;
    failures++;
    console.error(`bench: call, no video ${RECONNECT_TIMEOUT_MS / 1000} s after a restart`);
    // What a member does then: open the room again (the page leaves the call) and join.
    await rejoinBoth();
  }
  return {
    'call.reconnect_ms': ms(median(fromRestart)),
    'call.reconnect_max_ms': ms(Math.max(...fromRestart)),
    'call.reconnect_from_exit_ms': ms(median(fromExit)),
    'call.reconnects': RESTARTS,
    'call.reconnect_failures': failures,
    'call.reconnect_timeout_ms': RECONNECT_TIMEOUT_MS,
  };
}

/**
 * Why a CPU window does not compare like with like, or undefined if it does.
 * @param {{ frames: number, sent: number, width: number }} window
 */
function cpuWindowProblem({ frames, sent, width }) {
  if (width < CPU_MIN_WIDTH) return `a page decoded ${width} px wide, under ${CPU_MIN_WIDTH}`;
  if (!(sent > 0)) return 'no frames counted as sent';
  if (!(frames >= CPU_MIN_DECODED_SHARE * sent)) {
    return `${frames} frames decoded of ${sent} sent, under ${CPU_MIN_DECODED_SHARE * 100} %`;
  }
  return undefined;
}

/**
 * The CPU figures: {@link CPU_RUNS_EACH} plain and as many E2EE windows, alternated; the medians
 * of each side and their ratio, none of them when a window did not compare like with like. The
 * narrowest width and the smallest share of frames decoded are given either way.
 * @param {{ url: string, apiKey: string, apiSecret: string }} livekit
 * @param {string} bareUrl
 * @param {string} secret
 */
async function cpuFigures(livekit, bareUrl, secret) {
  /** @type {Record<'plain' | 'e2ee', Awaited<ReturnType<typeof cpuWindow>>[]>} */
  const runs = { plain: [], e2ee: [] };
  const problems = [];
  for (let run = 0; run < CPU_RUNS_EACH; run++) {
    for (const mode of /** @type {const} */ (['plain', 'e2ee'])) {
      let window;
      try {
        window = await cpuWindow(livekit, bareUrl, mode === 'e2ee' ? secret : undefined);
      } catch (error) {
        problems.push(`${mode} window ${run + 1}: ${describe(error)}`);
        continue;
      }
      console.error(`bench: call, CPU ${mode} ${run + 1}: ${JSON.stringify(window)}`);
      runs[mode].push(window);
      const problem = cpuWindowProblem(window);
      if (problem) problems.push(`${mode} window ${run + 1}: ${problem}`);
    }
  }
  /** @type {Record<string, number | string | null>} */
  const figures = {
    'call.cpu_window_s': CPU_WINDOW_MS / 1000,
    'call.cpu_windows': CPU_RUNS_EACH,
  };
  for (const mode of /** @type {const} */ (['plain', 'e2ee'])) {
    const names = [
      `call.cpu_frame_width_${mode}`,
      `call.cpu_decoded_share_${mode}`,
      `call.cpu_frames_decoded_${mode}`,
    ];
    const done = runs[mode];
    if (done.length < CPU_RUNS_EACH) {
      unmeasured(figures, names, `${CPU_RUNS_EACH - done.length} ${mode} windows failed`);
      continue;
    }
    figures[names[0]] = Math.min(...done.map((run) => run.width));
    figures[names[2]] = median(done.map((run) => run.frames));
    if (done.some((run) => !(run.sent > 0))) {
      unmeasured(figures, [names[1]], 'no frames counted as sent');
    } else {
      figures[names[1]] = ratio(Math.min(...done.map((run) => run.frames / run.sent)));
    }
  }
  const names = ['call.cpu_plain_ms', 'call.cpu_e2ee_ms', 'call.e2ee_cpu_ratio'];
  if (problems.length) {
    unmeasured(figures, names, problems.join('; '));
    return figures;
  }
  const plain = median(runs.plain.map((run) => run.cpuMs));
  const encrypted = median(runs.e2ee.map((run) => run.cpuMs));
  figures['call.cpu_plain_ms'] = ms(plain);
  figures['call.cpu_e2ee_ms'] = ms(encrypted);
  figures['call.e2ee_cpu_ratio'] = ratio(encrypted / plain);
  return figures;
}

/** Builds the app with kits for a test server, times joins, restarts and CPU, returns figures. */
export async function run() {
  const cleanups = /** @type {(() => Promise<unknown>)[]} */ ([]);
  const previousUrls = process.env.TOCSIN_LIVEKIT_URLS;
  try {
    console.error('bench: call, starting livekit-server and building the app');
    const binary = await ensureLivekitServer({ log: (line) => console.error(`bench: ${line}`) });
    const livekit = await startLivekitServer({ binary, port: 0, log: () => {} });
    cleanups.push(() => livekit.stop());
    // The CSP of the build and of the static server allow the kit's LiveKit server.
    process.env.TOCSIN_LIVEKIT_URLS = livekit.url;
    const dir = await buildApp('bench-call', { TOCSIN_LIVEKIT_URLS: livekit.url });
    cleanups.push(() => removeBuild(dir));
    const server = await startServer(dir);
    cleanups.push(() => server.kill());
    const keys = await mkdtemp(join(tmpdir(), 'tocsin-bench-call-'));
    cleanups.push(() => rm(keys, { recursive: true, force: true }));
    const bare = await startBareServer();
    cleanups.push(() => bare.close());

    const kits = join(dir, 'kits');
    await tocsinKit(livekit, 'keygen', '--org-name', 'Bench', '--out', join(keys, 'org.key'));
    await tocsinKit(
      livekit,
      'build',
      ...['--key', join(keys, 'org.key'), '--contacts', CONTACTS],
      ...['--livekit-url', livekit.url, '--room', ROOM],
      ...['--app-url', server.url.replace(/\/$/, ''), '--kits-url', `${server.url}kits/`],
      ...['--out', kits],
    );
    const inspected = JSON.parse(
      await tocsinKit(
        livekit,
        'inspect',
        join(kits, `${MEMBER}.tocsin`),
        '--kit-key',
        await memberLink(kits, MEMBER),
        '--json',
      ),
    );
    const secret = inspected.content.room.e2eeSecret;

    // One Chromium per device. Two pages of one Chromium share its fake camera, and there a
    // camera republished after a server restart sometimes sends no frame at all (media-source
    // frames 0; see the LiveKit smoke test), which would be timed as the app's failure.
    const launch = async () => {
      const browser = await chromium.launch({
        executablePath: chromiumPath,
        headless: true,
        args: browserArgs,
      });
      cleanups.push(() => browser.close());
      return browser;
    };
    // The joiners (the app, then the bare baseline, one at a time) in one Chromium; the peers
    // they join, always on, in another.
    const [joiners, peers] = await Promise.all([launch(), launch()]);
    // The app's peer: E2EE with the kit's room secret, another member's token. The baseline's:
    // plain, in another room. Both publish what the app publishes and subscribe to nothing.
    const peer = await peers.newPage();
    await peer.goto(bare.url);
    const peerOptions = {
      url: livekit.url,
      preset: /** @type {const} */ ('h540'),
      microphone: true,
      simulcast: true,
      subscribe: false,
    };
    await bareJoin(peer, {
      ...peerOptions,
      token: await joinToken(livekit, PEER, ROOM),
      secret,
    });
    const plainPeer = await peers.newPage();
    await plainPeer.goto(bare.url);
    await bareJoin(plainPeer, {
      ...peerOptions,
      token: await joinToken(livekit, 'plain-peer', PLAIN_ROOM),
    });
    const baseline = await (await joiners.newContext()).newPage();

    const errors = /** @type {string[]} */ ([]);
    const app = await enrolledMember(joiners, await memberLink(kits, MEMBER), errors);
    const roomUrl = new URL('#/room', server.url).href;

    /** @type {Record<string, number | string | null>} */
    const figures = { 'call.joins': JOINS };
    const joinNames = ['call.join_ms', 'call.join_baseline_ms', 'call.join_ratio'];
    try {
      Object.assign(figures, await timedJoins(app, roomUrl, baseline, bare.url, livekit));
    } catch (error) {
      // A join that never showed the peer's video: no median of the others.
      unmeasured(figures, joinNames, describe(error));
    }
    await baseline.context().close();
    if (JOINS_ONLY) {
      await app.context().close();
      return figures;
    }

    // The peer is a second member in the app here, in a Chromium of their own: after a restart
    // both sides must recover, and the app's recovery is what members run.
    console.error(`bench: call, ${RESTARTS} server restarts in a call`);
    await peer.evaluate(() => /** @type {any} */ (window).benchRoom.disconnect());
    await peers.close();
    const reconnectNames = [
      'call.reconnect_ms',
      'call.reconnect_max_ms',
      'call.reconnect_from_exit_ms',
    ];
    try {
      const otherApp = await enrolledMember(await launch(), await memberLink(kits, PEER), errors);
      Object.assign(figures, await timedRestarts(app, otherApp, roomUrl, livekit));
      await otherApp.context().close();
    } catch (error) {
      unmeasured(figures, reconnectNames, describe(error));
    }
    await app.context().close();
    if (errors.length) {
      unmeasured(figures, [...joinNames, ...reconnectNames], `the app threw: ${errors.join('; ')}`);
    }

    console.error(
      `bench: call, CPU over ${CPU_WINDOW_MS / 1000} s of two-way 720p, ${CPU_RUNS_EACH} plain ` +
        `and ${CPU_RUNS_EACH} E2EE windows alternated`,
    );
    Object.assign(figures, await cpuFigures(livekit, bare.url, secret));
    return figures;
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    if (previousUrls === undefined) delete process.env.TOCSIN_LIVEKIT_URLS;
    else process.env.TOCSIN_LIVEKIT_URLS = previousUrls;
  }
}
