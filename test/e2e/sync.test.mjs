// The cell's shared log, end to end: members enrolled with kits from `tocsin-kit` keep each other's
// main courante, ticks and roll-call answers up to date over the crisis room's end-to-end-encrypted
// data on a real LiveKit server (loopback), from the built app in Chromium, one browser per member.
// A member who wrote offline converges with the others; a late joiner catches up a 2,000-entry log;
// a room secret of another kit reads nothing, and a bare client without E2EE sees only ciphertext;
// forged, replayed, reordered and equivocating records from an insider are rejected and shown; the
// roll-call goes round with one member answering on reconnecting.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../support/chromium.mjs';
import { ensureLivekitServer, startLivekitServer } from '../../deploy/livekit/livekit-server.mjs';
import { buildCellKits, CELL_MEMBERS, enrollAndReopen, tocsinKit } from './cell-support.mjs';
import { joinToken, startBareServer } from './livekit-support.mjs';
import { buildApp, pageHeading, removeBuild, startServer } from './support.mjs';

const ROOM = 'cellule-de-crise';
const [HELENE, FRANCOIS, ZOE] = CELL_MEMBERS;
const SYNC_LAB = 'test/bench/sync-lab.html';

const state = {
  dir: '',
  keys: '',
  livekit: /** @type {import('../../deploy/livekit/livekit-server.mjs').LivekitServer} */ (
    /** @type {unknown} */ (undefined)
  ),
  server: /** @type {any} */ (undefined),
  /** @type {Record<string, Record<string, string>>} links by kit set, then member */
  kits: {},
};
/** @type {import('playwright-core').Browser[]} */
const browsers = [];

/**
 * Builds kits for the cell (each build draws a new room secret); the links by member.
 * @param {string} name
 */
function buildKits(name) {
  return buildCellKits({
    livekit: state.livekit,
    key: join(state.keys, 'org.key'),
    room: ROOM,
    appUrl: state.server.url,
    appDir: state.dir,
    kitsDir: `kits-${name}`,
  });
}

before(async () => {
  const binary = await ensureLivekitServer({ log: (line) => console.log(`# ${line}`) });
  state.livekit = await startLivekitServer({ binary, port: 0, log: () => {} });
  // The CSP of the build and of the server allow the kit's LiveKit server, as a deployment does.
  process.env.TOCSIN_LIVEKIT_URLS = state.livekit.url;
  // The build with the sync lab, which seeds long logs into the app's own database.
  state.dir = await buildApp('sync', {
    TOCSIN_LIVEKIT_URLS: state.livekit.url,
    TOCSIN_BENCH_LAB: '1',
  });
  state.server = await startServer(state.dir);
  state.keys = await mkdtemp(join(tmpdir(), 'tocsin-e2e-sync-'));
  await tocsinKit(
    state.livekit,
    'keygen',
    '--org-name',
    'Mairie de Saint-Étienne',
    '--out',
    join(state.keys, 'org.key'),
  );
  state.kits.cell = await buildKits('cell');
  state.kits.other = await buildKits('other');
});

// Every member's browser leaves the room with its test, passed or failed: a member left behind
// would share its records with the next test's devices.
afterEach(async () => {
  await Promise.all(browsers.splice(0).map((browser) => browser.close().catch(() => undefined)));
});

after(async () => {
  await state.livekit?.stop();
  await state.server?.kill();
  await removeBuild(state.dir);
  await rm(state.keys, { recursive: true, force: true });
  delete process.env.TOCSIN_LIVEKIT_URLS;
});

/**
 * A member's own Chromium (fake microphone), enrolled with their link.
 * @param {string} link
 */
async function member(link) {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs, '--autoplay-policy=no-user-gesture-required'],
  });
  browsers.push(browser);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = /** @type {string[]} */ ([]);
  page.on('pageerror', (error) => errors.push(error.message));
  if (process.env.TOCSIN_E2E_CONSOLE) {
    page.on('console', (message) => console.log(`# [${link.slice(-12)}] ${message.text()}`));
  }
  await enrollAndReopen(page, link);
  return { page, context, errors, close: () => browser.close() };
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string} hash
 */
function open(page, hash) {
  return page.goto(new URL(hash, state.server.url).href);
}

/**
 * Joins the crisis room, microphone only (the sync needs no video; the machine runs three).
 * @param {import('playwright-core').Page} page
 */
async function joinRoom(page) {
  await open(page, '#/room');
  await pageHeading(page, 'tocsin-room-page');
  // After "Leave", the page offers to join again in the same mode.
  await page
    .getByRole('button', { name: /^(Join audio only|Join again)$/ })
    .first()
    .click();
  try {
    await page
      .locator('tocsin-room-page[data-connection="connected"]')
      .waitFor({ timeout: 20_000 });
  } catch (error) {
    const room = page.locator('tocsin-room-page');
    const seen = `view ${await room.getAttribute('data-view')}, connection ${await room.getAttribute('data-connection')}`;
    throw new Error(`${seen}: ${(await room.innerText()).slice(0, 500)}`, { cause: error });
  }
}

/**
 * Leaves the crisis room with its Leave button.
 * @param {import('playwright-core').Page} page
 */
async function leaveRoom(page) {
  await open(page, '#/room');
  await page.getByRole('button', { name: 'Leave' }).click();
  await page
    .locator('tocsin-room-page[data-connection="idle"], tocsin-room-page[data-connection="left"]')
    .waitFor();
}

/**
 * Opens a crisis from the log page.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
async function openCrisis(page, name) {
  await open(page, '#/log');
  await page.getByLabel('Name of the crisis').fill(name);
  const yourName = page.getByLabel('Your name');
  if (await yourName.count()) await yourName.fill('Hélène Lefèvre');
  await page.getByRole('button', { name: 'Open a crisis' }).click();
  await page.locator('tocsin-log-page h1', { hasText: name }).waitFor();
}

/**
 * Writes entries through the log page's form, each saved before the next.
 * @param {import('playwright-core').Page} page
 * @param {string[]} texts
 */
async function writeEntries(page, texts) {
  await open(page, '#/log');
  await pageHeading(page, 'tocsin-log-page');
  const yourName = page.getByLabel('Your name');
  await page
    .getByLabel('What happened')
    .waitFor({ timeout: 10_000 })
    .catch(async (error) => {
      await page.screenshot({ path: '/tmp/log-page.png' });
      const shown = `${page.url()} ${await page.locator('tocsin-log-page').count()} ${await page
        .locator('tocsin-log-page h1')
        .innerText()
        .catch(() => '?')}`;
      throw new Error(`no entry form on the log page: ${shown.slice(0, 600)}`, { cause: error });
    });
  for (const text of texts) {
    if ((await yourName.count()) && !(await yourName.inputValue())) await yourName.fill('Membre');
    await page.getByLabel('What happened').fill(text);
    await page.getByRole('button', { name: 'Save to the log' }).click();
    await page.locator('tocsin-virtual-list').getByText(text, { exact: true }).waitFor();
  }
}

/**
 * What a device holds of the shared data, as two devices that saw the same records must agree on:
 * crises, every log entry in log order, ticks, roll-call answers, and the chain heads.
 * @param {import('playwright-core').Page} page
 */
function sharedData(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('tocsin');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    /** @param {string} store */
    const all = (store) =>
      new Promise((resolve) => {
        const request = /** @type {IDBDatabase} */ (db)
          .transaction(store)
          .objectStore(store)
          .getAll();
        request.onsuccess = () => resolve(request.result);
      });
    const [crises, entries, ticks, answers, heads] = /** @type {any[][]} */ (
      await Promise.all(['crises', 'logEntries', 'ticks', 'rollCallAnswers', 'syncHeads'].map(all))
    );
    /** @param {string} a @param {string} b */
    const ordinal = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
    entries.sort(
      (a, b) =>
        ordinal(a.occurredAt, b.occurredAt) ||
        ordinal(a.author, b.author) ||
        ordinal(a.deviceId, b.deviceId) ||
        a.seq - b.seq,
    );
    /** @type {IDBDatabase} */ (db).close();
    return {
      crises: JSON.stringify(crises.sort((a, b) => ordinal(a.id, b.id))),
      log: JSON.stringify(entries),
      entries: entries.length,
      ticks: JSON.stringify(ticks),
      answers: JSON.stringify(answers),
      heads: JSON.stringify(
        heads
          .map((h) => [h.author, h.device, h.seq, h.hash])
          .sort((a, b) => ordinal(a.join(), b.join())),
      ),
    };
  });
}

/**
 * Waits until every page holds the same shared data (and `check` holds on it); returns it.
 * @param {import('playwright-core').Page[]} pages
 * @param {(data: Awaited<ReturnType<typeof sharedData>>) => boolean} check
 * @param {number} [timeoutMs]
 */
async function converged(pages, check, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const held = await Promise.all(pages.map(sharedData));
    const same = held.every(
      (data) =>
        data.log === held[0].log &&
        data.crises === held[0].crises &&
        data.ticks === held[0].ticks &&
        data.answers === held[0].answers &&
        data.heads === held[0].heads,
    );
    if (same && check(held[0])) return held[0];
    if (Date.now() > deadline) {
      assert.fail(`not converged: ${JSON.stringify(held.map((d) => [d.entries, d.heads]))}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The sync status a page shows (the status bar's data attributes).
 * @param {import('playwright-core').Page} page
 */
async function syncStatus(page) {
  const status = page.locator('tocsin-sync-status').first();
  await status.waitFor();
  return {
    connected: await status.getAttribute('data-connected'),
    waiting: Number(await status.getAttribute('data-waiting')),
    rejected: Number(await status.getAttribute('data-rejected')),
    inSync: (await status.getAttribute('data-in-sync')) ?? '',
    equivocators: (await status.getAttribute('data-equivocators')) ?? '',
  };
}

test('a member who wrote offline and two others converge to the same log', async () => {
  const [helene, francois, zoe] = await Promise.all(
    [HELENE, FRANCOIS, ZOE].map((id) => member(state.kits.cell[id])),
  );
  await joinRoom(helene.page);
  await joinRoom(francois.page);
  await joinRoom(zoe.page);
  await openCrisis(helene.page, 'Cyberattaque — mairie');
  await converged([helene.page, francois.page, zoe.page], (data) => data.entries === 1);

  // Zoé leaves the room and loses the network; she keeps writing and ticking.
  await leaveRoom(zoe.page);
  await zoe.context.setOffline(true);
  const offline = Array.from({ length: 50 }, (_, i) => `Zoé hors ligne ${i + 1}`);
  await writeEntries(zoe.page, offline);
  await open(zoe.page, '#/playbook');
  await pageHeading(zoe.page, 'tocsin-playbook-page');
  const boxes = zoe.page.locator('tocsin-playbook-page input[type="checkbox"]');
  for (let i = 0; i < 3; i++) await boxes.nth(i).check();
  // Each tick is written after its click and the status follows the writes: wait for all of them
  // (50 entries, and each tick both an entry and a tick) rather than read it once.
  await statusPage(zoe.page);
  await zoe.page
    .locator(`tocsin-sync-status[data-waiting="${50 + 3 * 2}"]`)
    .waitFor({ timeout: 10_000 })
    .catch(async (error) => {
      const { waiting } = await syncStatus(zoe.page);
      throw new Error(`${waiting} changes waiting instead of ${50 + 3 * 2}`, { cause: error });
    });

  // Meanwhile the others keep writing, in the room.
  await writeEntries(helene.page, ['Hélène 1', 'Hélène 2', 'Hélène 3']);
  await writeEntries(francois.page, ['François 1', 'François 2']);

  // Zoé is back: everyone ends with the same records, in the same order, with the same heads.
  await zoe.context.setOffline(false);
  await joinRoom(zoe.page);
  const data = await converged(
    [helene.page, francois.page, zoe.page],
    (held) => held.entries === 1 + 50 + 3 + 3 + 2,
  );
  assert.equal(JSON.parse(data.ticks).length, 3);
  assert.equal(JSON.parse(data.heads).length, 3);
  await open(zoe.page, '#/log');
  await zoe.page.locator('tocsin-sync-status[data-waiting="0"]').waitFor({ timeout: 20_000 });

  assert.deepEqual([...helene.errors, ...francois.errors, ...zoe.errors], []);
  await Promise.all([helene.close(), francois.close(), zoe.close()]);
});

/**
 * The page, on the log page, where the status bar is.
 * @param {import('playwright-core').Page} page
 */
async function statusPage(page) {
  await open(page, '#/log');
  await pageHeading(page, 'tocsin-log-page');
  return page;
}

test('a late joiner receives a 2,000-entry log from the others', async (t) => {
  const [helene, francois] = await Promise.all(
    [HELENE, FRANCOIS].map((id) => member(state.kits.cell[id])),
  );
  await open(helene.page, SYNC_LAB);
  await helene.page.waitForFunction(() => 'tocsinSyncLab' in window);
  await helene.page.evaluate(() => /** @type {any} */ (window).tocsinSyncLab.seed(2000, 7));
  await joinRoom(helene.page);
  await statusPage(helene.page);
  await helene.page.locator('tocsin-sync-status[data-waiting="2001"]').waitFor({ timeout: 60_000 });

  const joined = Date.now();
  await joinRoom(francois.page);
  const data = await converged(
    [helene.page, francois.page],
    (held) => held.entries === 2000,
    120_000,
  );
  t.diagnostic(`late joiner caught up 2,000 entries in ${Date.now() - joined} ms (join included)`);
  assert.equal(JSON.parse(data.crises).length, 1);
  await statusPage(francois.page);
  await francois.page
    .locator(`tocsin-sync-status[data-in-sync*="${HELENE}"]`)
    .waitFor({ timeout: 20_000 });

  assert.deepEqual([...helene.errors, ...francois.errors], []);
  await Promise.all([helene.close(), francois.close()]);
});

test('no readable byte without the room secret; bad records are rejected and shown', async () => {
  const [helene, francois] = await Promise.all(
    [HELENE, FRANCOIS].map((id) => member(state.kits.cell[id])),
  );
  await joinRoom(helene.page);
  await joinRoom(francois.page);
  await openCrisis(helene.page, 'Exercice de crise');
  const secret = 'Mot de passe du coffre : hirondelle-42';
  await writeEntries(helene.page, [secret]);
  await converged([helene.page, francois.page], (data) => data.entries === 2);

  // Zoé's kit from another build: a valid token for the room, but another room secret.
  const outsider = await member(state.kits.other[ZOE]);
  await open(outsider.page, SYNC_LAB);
  await outsider.page.waitForFunction(() => 'tocsinSyncLab' in window);
  await outsider.page.evaluate(
    (link) => /** @type {any} */ (window).tocsinSyncLab.rogueJoin(link),
    state.kits.other[ZOE],
  );
  // And a bare livekit-client with no E2EE at all, with a token for the room.
  const observer = await plainObserver(await joinToken(state.livekit, 'observateur', ROOM));
  await outsider.page.evaluate(() =>
    /** @type {any} */ (window).tocsinSyncLab.rogueSend({ t: 'hello', heads: [], reply: true }),
  );
  await writeEntries(helene.page, ['Entrée écrite devant des intrus']);
  await converged([helene.page, francois.page], (data) => data.entries === 3);
  await helene.page.waitForTimeout(2000);
  const outsiderGot = await outsider.page.evaluate(() => ({
    readable: /** @type {any} */ (window).tocsinSyncLab.rogueReceived().length,
    wire: /** @type {any} */ (window).tocsinSyncLab.rogueWireBytes(),
  }));
  assert.equal(outsiderGot.readable, 0, 'the wrong secret read sync messages');
  const observed = await observer.seen();
  assert.ok(observed.bytes > 0, 'the plain observer received no data at all');
  assert.equal(observed.plaintext, false, 'the plain observer read the log in clear');
  assert.equal((await sharedData(outsider.page)).entries, 0);
  await observer.close();
  await outsider.close();

  // Zoé's genuine kit in a rogue client: a member of the cell who misbehaves.
  const rogue = await member(state.kits.cell[ZOE]);
  await open(rogue.page, SYNC_LAB);
  await rogue.page.waitForFunction(() => 'tocsinSyncLab' in window);
  await rogue.page.evaluate(
    (link) => /** @type {any} */ (window).tocsinSyncLab.rogueJoin(link),
    state.kits.cell[ZOE],
  );
  await rogue.page.evaluate(() =>
    /** @type {any} */ (window).tocsinSyncLab.rogueSend({ t: 'hello', heads: [], reply: true }),
  );
  const heleneHead = await rogue.page.waitForFunction(() =>
    /** @type {any} */ (window).tocsinSyncLab
      .rogueReceived()
      .map((m) => /** @type {any} */ (m))
      .find((m) => m.t === 'hello' && m.heads.length > 0),
  );
  const [author, device] = /** @type {any} */ (await heleneHead.jsonValue()).heads.find(
    (/** @type {any[]} */ h) => h[0] === HELENE,
  );
  await rogue.page.evaluate(
    ([author, device]) =>
      /** @type {any} */ (window).tocsinSyncLab.rogueSend({
        t: 'want',
        ranges: [[author, device, 1, 3]],
      }),
    [author, device],
  );
  const genuine = /** @type {any[]} */ (
    await (
      await rogue.page.waitForFunction(
        () =>
          /** @type {any} */ (window).tocsinSyncLab
            .rogueReceived()
            .map((m) => /** @type {any} */ (m))
            .find((m) => m.t === 'records' && m.answer)?.records,
      )
    ).jsonValue()
  );
  const entry = genuine.find(
    (record) => record.body.type === 'entry' && record.body.entry.text === secret,
  );
  const forged = structuredClone(entry);
  forged.body.entry.text = 'Le coffre est vide.';
  const crisis = {
    id: 'exercice-zoe',
    name: 'Zoé',
    startedAt: '2026-11-26T08:00:00.000Z',
    openedAt: '2026-11-26T08:00:00.000Z',
  };
  const bodies = [1, 2, 3].map((n) => ({
    type: 'crisis',
    crisis: { ...crisis, id: `${crisis.id}-${n}` },
  }));
  const chain = await rogue.page.evaluate(
    (bodies) => /** @type {any} */ (window).tocsinSyncLab.rogueChain(bodies, 1, ''),
    bodies,
  );
  const [twin] = await rogue.page.evaluate(
    ([body, prev]) => /** @type {any} */ (window).tocsinSyncLab.rogueChain([body], 2, prev),
    [
      { type: 'crisis', crisis: { ...crisis, id: 'autre' } },
      await rogue.page.evaluate(
        (record) => /** @type {any} */ (window).tocsinSyncLab.hashOf(record),
        chain[0],
      ),
    ],
  );
  const impostor = { ...chain[0], author: 'mallory' };
  await rogue.page.evaluate(
    (messages) =>
      Promise.all(messages.map((m) => /** @type {any} */ (window).tocsinSyncLab.rogueSend(m))),
    [
      { t: 'records', records: [forged], answer: false }, // forged: the text changed
      { t: 'records', records: [entry], answer: false }, // replayed
      { t: 'records', records: [chain[2]], answer: false }, // reordered: 3 before 1 and 2
      { t: 'records', records: [chain[0], chain[1]], answer: false },
      { t: 'records', records: [twin], answer: false }, // equivocation: another record numbered 2
      { t: 'records', records: [impostor], answer: false }, // not a member
    ],
  );

  for (const page of [helene.page, francois.page]) {
    await statusPage(page);
    await page
      .locator(`tocsin-sync-status[data-equivocators="${ZOE}"]`)
      .waitFor({ timeout: 20_000 });
  }
  await statusPage(helene.page);
  const shown = await syncStatus(helene.page);
  assert.ok(shown.rejected >= 3, `only ${shown.rejected} rejections shown`); // forged, equivocation, unknown
  const reasons = await helene.page.evaluate(async () => {
    const db = await new Promise((resolve) => {
      const request = indexedDB.open('tocsin');
      request.onsuccess = () => resolve(request.result);
    });
    const all = await new Promise((resolve) => {
      const request = /** @type {IDBDatabase} */ (db)
        .transaction('syncRejections')
        .objectStore('syncRejections')
        .getAll();
      request.onsuccess = () => resolve(request.result);
    });
    return [...new Set(/** @type {any[]} */ (all).map((r) => r.reason))].sort();
  });
  for (const reason of ['equivocation', 'forged', 'out-of-order', 'replayed', 'unknown-author']) {
    assert.ok(reasons.includes(reason), `no "${reason}" rejection in ${reasons.join(', ')}`);
  }
  const log = (await sharedData(helene.page)).log;
  assert.equal(log.includes('Le coffre est vide.'), false);
  await rogue.close();
  await Promise.all([helene.close(), francois.close()]);
});

/**
 * A livekit-client with no E2EE in the room: counts the data-channel bytes that reach it and
 * whether any holds a log text in clear.
 * @param {string} token
 */
async function plainObserver(token) {
  const server = await startBareServer();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });
  browsers.push(browser);
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.evaluate(
    async ({ url, token }) => {
      const seen = { bytes: 0, plaintext: false };
      /** @type {any} */ (window).seen = seen;
      /** @param {RTCDataChannel} channel */
      const watch = (channel) =>
        channel.addEventListener('message', ({ data }) => {
          const bytes = new Uint8Array(data);
          seen.bytes += bytes.byteLength;
          const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
          if (/Entrée écrite devant|hirondelle|tocsin-log-entry|"heads"/.test(text)) {
            seen.plaintext = true;
          }
        });
      // Data arrives on the channels the client opens and on those the server opens.
      const create = RTCPeerConnection.prototype.createDataChannel;
      RTCPeerConnection.prototype.createDataChannel = function (label, options) {
        const channel = create.call(this, label, options);
        watch(channel);
        return channel;
      };
      const Original = window.RTCPeerConnection;
      window.RTCPeerConnection = class extends Original {
        /** @param {RTCConfiguration} [config] */
        constructor(config) {
          super(config);
          this.addEventListener('datachannel', ({ channel }) => watch(channel));
        }
      };
      const lk = /** @type {typeof import('livekit-client')} */ (
        await import(/** @type {string} */ ('/livekit-client.esm.mjs'))
      );
      const room = new lk.Room();
      await room.connect(url, token);
    },
    { url: state.livekit.url, token },
  );
  return {
    seen: () => page.evaluate(() => /** @type {any} */ (window).seen),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

test('the roll-call goes round, and a member offline answers on reconnecting', async () => {
  const [helene, francois, zoe] = await Promise.all(
    [HELENE, FRANCOIS, ZOE].map((id) => member(state.kits.cell[id])),
  );
  await joinRoom(helene.page);
  await joinRoom(francois.page);
  await joinRoom(zoe.page);
  // Zoé drops off before the roll-call starts.
  await leaveRoom(zoe.page);
  await zoe.context.setOffline(true);

  await open(helene.page, '#/rollcall');
  await helene.page.locator('[data-action="start-rollcall"]').click();
  const confirm = helene.page.locator('[data-action="confirm-start"]');
  if (await confirm.isVisible().catch(() => false)) await confirm.click();
  await helene.page.locator('[data-answer="present"]').click();
  await open(francois.page, '#/rollcall');
  await francois.page.locator('[data-answer="remote"]').waitFor({ timeout: 20_000 });
  await francois.page.locator('[data-answer="remote"]').click();
  await helene.page
    .locator(`[data-member="${FRANCOIS}"][data-status="remote"]`)
    .waitFor({ timeout: 20_000 });
  await helene.page.locator(`[data-member="${ZOE}"][data-status="none"]`).waitFor();
  const call = helene.page.locator(`a[href^="tel:"]`);
  assert.ok((await call.count()) > 0, 'no tap-to-call link for the member who has not answered');

  // Zoé is back: she gets the roll-call and answers; everyone sees it.
  await zoe.context.setOffline(false);
  await joinRoom(zoe.page);
  await open(zoe.page, '#/rollcall');
  await zoe.page.locator('[data-answer="help"]').waitFor({ timeout: 20_000 });
  await zoe.page.locator('[data-answer="help"]').click();
  await helene.page
    .locator(`[data-member="${ZOE}"][data-status="help"]`)
    .waitFor({ timeout: 20_000 });
  await francois.page
    .locator(`[data-member="${ZOE}"][data-status="help"]`)
    .waitFor({ timeout: 20_000 });
  await converged(
    [helene.page, francois.page, zoe.page],
    (data) => JSON.parse(data.answers).length === 3,
  );

  assert.deepEqual([...helene.errors, ...francois.errors, ...zoe.errors], []);
  await Promise.all([helene.close(), francois.close(), zoe.close()]);
});
