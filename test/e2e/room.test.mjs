// The crisis room, end to end: members enrolled with kits from `tocsin-kit` join the kit's room on a
// real LiveKit server (loopback) from the built app in Chromium with fake camera and microphone.
// They decode each other's audio and video and read the same safety code; an outsider with a valid
// token is marked unverified; a member with another kit's room secret decodes nothing and is marked
// so; the call comes back by itself after the server restarts; a browser without encoded
// transforms refuses to join; and the app launched offline still joins. Before joining, the room
// page says whether the kit's server answers: the real one does, a kit naming a dead port does not.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../support/chromium.mjs';
import {
  ensureLivekitServer,
  freeLivekitPort,
  startLivekitServer,
} from '../../deploy/livekit/livekit-server.mjs';
import { buildCellKits, CELL_MEMBERS, tocsinKit as runTocsinKit } from './cell-support.mjs';
import { joinToken, startBareServer } from './livekit-support.mjs';
import { buildApp, pageHeading, removeBuild, startServer } from './support.mjs';

const ROOM = 'cellule-de-crise';
const [HELENE, FRANCOIS, ZOE] = CELL_MEMBERS;

const livekit = {
  server: /** @type {import('../../deploy/livekit/livekit-server.mjs').LivekitServer} */ (
    /** @type {unknown} */ (undefined)
  ),
};
const state = {
  /** A LiveKit URL on a loopback port nobody listens on: a kit naming a server that is down. */
  deadUrl: '',
  dir: '',
  keys: '',
  port: 0,
  server: /** @type {any} */ (undefined),
  browser: /** @type {import('playwright-core').Browser | undefined} */ (undefined),
};

/**
 * Runs tocsin-kit with the LiveKit server's API key.
 * @param {string[]} args
 */
function tocsinKit(...args) {
  return runTocsinKit(livekit.server, ...args);
}

/**
 * Builds the next kits (a new room secret each time) into `<app>/kits-<name>/`; the links by member.
 * @param {string} name
 * @param {string} [livekitUrl] the server the kits name (the real one by default)
 */
function buildKits(name, livekitUrl = livekit.server.url) {
  return buildCellKits({
    livekit: { ...livekit.server, url: livekitUrl },
    key: join(state.keys, 'org.key'),
    room: ROOM,
    appUrl: state.server.url,
    appDir: state.dir,
    kitsDir: `kits-${name}`,
  });
}

before(async () => {
  // One hook for everything: node:test may not finish one root hook before starting the next.
  const binary = await ensureLivekitServer({ log: (line) => console.log(`# ${line}`) });
  livekit.server = await startLivekitServer({ binary, port: 0, log: () => {} });
  // The CSP of the build and of the server allow the kits' LiveKit servers, as a deployment does:
  // the real one, and one on a port found free (nothing will listen there).
  state.deadUrl = `ws://127.0.0.1:${await freeLivekitPort()}`;
  const urls = `${livekit.server.url},${state.deadUrl}`;
  process.env.TOCSIN_LIVEKIT_URLS = urls;
  state.dir = await buildApp('room', { TOCSIN_LIVEKIT_URLS: urls });
  state.server = await startServer(state.dir);
  state.port = Number(new URL(state.server.url).port);
  state.keys = await mkdtemp(join(tmpdir(), 'tocsin-e2e-room-'));
  await tocsinKit(
    'keygen',
    '--org-name',
    'Mairie de Saint-Étienne',
    '--out',
    join(state.keys, 'org.key'),
  );
  state.browser = await launchMemberBrowser();
});

/** @type {import('playwright-core').Browser[]} */
const memberBrowsers = [];

/**
 * A Chromium of its own, with a fake camera and microphone. One per member, as on real devices:
 * pages of one Chromium share its fake camera, which can stop sending after a server restart.
 */
function launchMemberBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs, '--autoplay-policy=no-user-gesture-required'],
  });
}

after(async () => {
  // Closed here too, should the test stop half-way.
  await Promise.all(memberBrowsers.map((browser) => browser.close()));
  await state.browser?.close();
  await livekit.server?.stop();
  await state.server?.kill();
  await removeBuild(state.dir);
  await rm(state.keys, { recursive: true, force: true });
  delete process.env.TOCSIN_LIVEKIT_URLS;
});

/**
 * A member's own browser, enrolled with their link; `close()` closes that browser.
 * @param {string} link
 * @param {(page: import('playwright-core').Page) => Promise<void>} [prepare]
 */
async function enrolledMember(link, prepare) {
  const browser = await launchMemberBrowser();
  memberBrowsers.push(browser);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = /** @type {string[]} */ ([]);
  page.on('pageerror', (error) => errors.push(error.message));
  if (prepare) await prepare(page);
  await page.goto(link);
  await page.getByRole('button', { name: 'It matches — install' }).click();
  await page.getByText('Crisis kit installed').waitFor();
  return { page, errors, close: () => browser.close() };
}

/**
 * Opens the room page and joins with camera and microphone.
 * @param {import('playwright-core').Page} page
 */
async function joinRoom(page) {
  await page.goto(new URL('#/room', state.server.url).href);
  await pageHeading(page, 'tocsin-room-page');
  await page.getByRole('button', { name: 'Join the crisis room' }).click();
  await page.locator('tocsin-room-page[data-connection="connected"]').waitFor({ timeout: 20_000 });
}

/**
 * What `page` shows of `identity`'s tile: its attributes and whether its video is decoded and
 * running (a size, and a clock that moves over 400 ms).
 * @param {import('playwright-core').Page} page
 * @param {string} identity
 */
async function tile(page, identity) {
  const selector = `tocsin-participant-tile[data-identity="${identity}"]`;
  const found = page.locator(selector);
  if ((await found.count()) === 0) return undefined;
  const video = found.locator('video');
  const sample = async () =>
    (await video.count()) === 0
      ? { width: 0, time: 0 }
      : video.evaluate((element) => ({
          width: /** @type {HTMLVideoElement} */ (element).videoWidth,
          time: /** @type {HTMLVideoElement} */ (element).currentTime,
        }));
  const first = await sample();
  await page.waitForTimeout(400);
  const second = await sample();
  return {
    encryption: await found.getAttribute('data-encryption'),
    verified: await found.getAttribute('data-verified'),
    playing: second.width > 0 && second.time > first.time,
  };
}

/**
 * Waits until `check` holds for `identity`'s tile on `page`; returns the tile, or fails with it.
 * @param {import('playwright-core').Page} page
 * @param {string} identity
 * @param {(seen: NonNullable<Awaited<ReturnType<typeof tile>>>) => boolean} check
 * @param {number} [timeoutMs]
 */
async function waitForTile(page, identity, check, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = await tile(page, identity);
    if (seen && check(seen)) return seen;
    if (Date.now() > deadline) {
      const connection = await page.locator('tocsin-room-page').getAttribute('data-connection');
      const tiles = await page
        .locator('tocsin-participant-tile')
        .evaluateAll((all) =>
          all.map(
            (e) => `${e.dataset['identity']}:${e.dataset['encryption']}:${e.dataset['camera']}`,
          ),
        );
      assert.fail(
        `${identity} on ${page.url()}: ${JSON.stringify(seen)} after ${timeoutMs} ms ` +
          `(connection ${connection}, tiles ${tiles.join(' ')})`,
      );
    }
  }
}

/**
 * The safety code a page shows (its digits).
 * @param {import('playwright-core').Page} page
 */
function safetyCode(page) {
  return page.locator('[data-safety-code]').first().getAttribute('data-safety-code');
}

test('two members call with E2EE; outsiders are marked; it survives a restart and offline', async (t) => {
  const v1 = await buildKits('v1');
  const helene = await enrolledMember(v1[HELENE]);
  const francois = await enrolledMember(v1[FRANCOIS]);

  // Both join: each decodes the other's video, sees them verified and encrypted, and both read
  // the same safety code.
  await joinRoom(helene.page);
  await joinRoom(francois.page);
  const playing = (/** @type {any} */ seen) => seen.playing && seen.encryption === 'encrypted';
  const heard = await waitForTile(helene.page, FRANCOIS, playing);
  assert.equal(heard.verified, 'true');
  await waitForTile(francois.page, HELENE, playing);
  const code = await safetyCode(helene.page);
  assert.match(code ?? '', /^\d{3} \d{3} \d{3}$/);
  assert.equal(await safetyCode(francois.page), code);

  // Someone with a valid token and the right secret, but not in the signed directory: unverified.
  const inspected = JSON.parse(
    await tocsinKit(
      'inspect',
      join(state.dir, 'kits-v1', `${HELENE}.tocsin`),
      '--kit-key',
      v1[HELENE],
      '--json',
    ),
  );
  const outsider = await bareParticipant({
    token: await joinToken(livekit.server, 'intrus', ROOM),
    secret: inspected.content.room.e2eeSecret,
  });
  const intruder = await waitForTile(helene.page, 'intrus', (seen) => seen.verified === 'false');
  assert.equal(intruder.verified, 'false');
  await outsider.close();

  // A member holding another kit's room secret (a valid token for the same room): nobody decodes
  // anybody, and the tiles say so.
  const v2 = await buildKits('v2');
  const zoe = await enrolledMember(v2[ZOE]);
  await joinRoom(zoe.page);
  await waitForTile(
    helene.page,
    ZOE,
    (seen) => seen.encryption === 'cannot-decrypt' && !seen.playing,
  );
  const zoeSees = await tile(zoe.page, HELENE);
  assert.equal(zoeSees?.playing, false);
  await zoe.close();

  // A browser without encoded transforms refuses to join.
  const legacy = await enrolledMember(v2[ZOE], async (page) => {
    await page.addInitScript(() => {
      delete (/** @type {any} */ (RTCRtpSender.prototype).createEncodedStreams);
      delete (/** @type {any} */ (window).RTCRtpScriptTransform);
    });
  });
  await legacy.page.goto(new URL('#/room', state.server.url).href);
  await legacy.page.locator('tocsin-room-page[data-view="unsupported"]').waitFor();
  assert.equal(await legacy.page.getByRole('button', { name: 'Join the crisis room' }).count(), 0);
  await legacy.close();

  // The server restarts mid-call: media flows both ways again without anyone touching anything.
  await livekit.server.restart();
  const restarted = Date.now();
  await waitForTile(helene.page, FRANCOIS, playing, 15_000);
  await waitForTile(francois.page, HELENE, playing, 15_000);
  t.diagnostic(`two-way media again ${(Date.now() - restarted) / 1000} s after the restart`);

  // The app launched offline (its server gone, LiveKit still up) joins the call.
  await helene.page.evaluate(() => navigator.serviceWorker.ready);
  await state.server.kill();
  await helene.page.reload();
  await helene.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await joinRoom(helene.page);
  await waitForTile(helene.page, FRANCOIS, playing);
  await waitForTile(francois.page, HELENE, playing);
  state.server = await startServer(state.dir, state.port);

  assert.deepEqual([...helene.errors, ...francois.errors], []);
  await helene.close();
  await francois.close();
});

test('before joining, the room page says whether the kit’s server answers', async () => {
  const live = await buildKits('probe-live');
  const dead = await buildKits('probe-dead', state.deadUrl);
  const reachable = await enrolledMember(live[HELENE]);
  const silent = await enrolledMember(dead[FRANCOIS]);
  for (const member of [reachable, silent]) {
    await member.page.goto(new URL('#/room', state.server.url).href);
    await pageHeading(member.page, 'tocsin-room-page');
  }

  // The real server: reachable, with the time it was asked, and no phone fallbacks yet.
  const room = reachable.page.locator('tocsin-room-page');
  await reachable.page.locator('tocsin-room-page[data-server="reachable"]').waitFor();
  const status = room.locator('p.server');
  assert.match(
    await status.innerText(),
    /^Room server reachable \(checked at \d{1,2}:\d{2}( [AP]M)?\)$/,
  );
  assert.equal(await room.locator('tocsin-call-fallbacks').count(), 0);

  // The dead port: said before the tap, with the phone offered, and joining still possible.
  const other = silent.page.locator('tocsin-room-page');
  await silent.page.locator('tocsin-room-page[data-server="unreachable"]').waitFor();
  assert.match(
    await other.locator('p.server').innerText(),
    /^The room server is not answering \(no connection to it\): you can try anyway/,
  );
  await other.locator('tocsin-call-fallbacks').waitFor();
  const join = silent.page.getByRole('button', { name: 'Join the crisis room' });
  assert.equal(await join.isEnabled(), true);

  // In French, the same words as the member reads them.
  for (const member of [reachable, silent]) {
    await member.page.locator('tocsin-app nav a[href="#/settings"]').click();
    await member.page.getByLabel('Français').check();
    await member.page.locator('tocsin-app nav a[href="#/room"]').click();
  }
  await room.getByText('Serveur de la salle joignable').waitFor();
  await other.getByText('Le serveur de la salle ne répond pas (connexion impossible)').waitFor();

  assert.deepEqual([...reachable.errors, ...silent.errors], []);
  await reachable.close();
  await silent.close();
});

/**
 * A participant outside Tocsin: livekit-client alone, served from node_modules on another
 * loopback origin (a secure context, as E2EE requires), joining with its own token and a secret.
 * @param {{ token: string, secret: string }} join
 */
async function bareParticipant({ token, secret }) {
  const server = await startBareServer();
  const context = await /** @type {import('playwright-core').Browser} */ (
    state.browser
  ).newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.evaluate(
    async ({ url, token, secret }) => {
      const lk = /** @type {typeof import('livekit-client')} */ (
        await import(/** @type {string} */ ('/livekit-client.esm.mjs'))
      );
      const keyProvider = new lk.ExternalE2EEKeyProvider();
      const raw = Uint8Array.from(atob(secret.replace(/-/g, '+').replace(/_/g, '/')), (c) =>
        c.charCodeAt(0),
      );
      await keyProvider.setKey(raw.buffer);
      const worker = new Worker('/livekit-client.e2ee.worker.mjs', { type: 'module' });
      const room = new lk.Room({ encryption: { keyProvider, worker } });
      await room.setE2EEEnabled(true);
      await room.connect(url, token);
      await room.localParticipant.enableCameraAndMicrophone();
    },
    { url: livekit.server.url, token, secret },
  );
  return {
    close: async () => {
      await context.close();
      await server.close();
    },
  };
}
