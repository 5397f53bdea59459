// The crisis cell of the sync end-to-end tests (test/e2e/sync*.test.mjs): a real LiveKit server on
// loopback, the built app with the sync lab, kits made by the real `tocsin-kit`, and one Chromium
// per member, enrolled with their link; what their devices hold, and what an eavesdropper can read.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach } from 'node:test';
import { constants, inflateRawSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../support/chromium.mjs';
import { ensureLivekitServer, startLivekitServer } from '../../deploy/livekit/livekit-server.mjs';
import { CELL_CONTACTS, CELL_MEMBERS, enrollAndReopen, tocsinKit } from './cell-support.mjs';
import { startBareServer } from './livekit-support.mjs';
import { buildApp, pageHeading, removeBuild, startServer } from './support.mjs';

/** The crisis room of the test cell. */
export const ROOM = 'cellule-de-crise';
/** The sync lab page of the build (test/bench/sync-lab.ts): seeds logs, plays a rogue member. */
export const SYNC_LAB = 'test/bench/sync-lab.html';

/**
 * @typedef {object} KitSet
 * @property {string} [contacts] the directory file (CSV); the test cell's by default
 * @property {string[]} [members] the member ids whose links are read; the test cell's by default
 */

/**
 * @typedef {object} Member
 * @property {import('playwright-core').Page} page
 * @property {import('playwright-core').BrowserContext} context
 * @property {string[]} errors the page's uncaught errors
 * @property {() => Promise<void>} close
 */

/**
 * Starts, for the tests of the calling file, a LiveKit server, the app built with the sync lab
 * (`build` names its folder), and the kit sets asked for (each build of kits draws a new room
 * secret); stops them after. Every member's browser is closed after its test, passed or failed: a
 * member left behind would share its records with the next test's devices.
 * @param {{ build: string, kitSets: Record<string, KitSet> }} options
 */
export function useSyncCell({ build, kitSets }) {
  const state = {
    dir: '',
    keys: '',
    livekit: /** @type {import('../../deploy/livekit/livekit-server.mjs').LivekitServer} */ (
      /** @type {unknown} */ (undefined)
    ),
    server: /** @type {{ url: string, kill: () => Promise<void> }} */ (
      /** @type {unknown} */ (undefined)
    ),
    /** @type {Record<string, Record<string, string>>} links by kit set, then member */
    kits: {},
  };
  /** @type {import('playwright-core').Browser[]} */
  const browsers = [];

  before(async () => {
    const binary = await ensureLivekitServer({ log: (line) => console.log(`# ${line}`) });
    state.livekit = await startLivekitServer({ binary, port: 0, log: () => {} });
    // The CSP of the build and of the server allow the kit's LiveKit server, as a deployment does.
    process.env.TOCSIN_LIVEKIT_URLS = state.livekit.url;
    // The build with the sync lab, which seeds long logs and plays rogue members.
    state.dir = await buildApp(build, {
      TOCSIN_LIVEKIT_URLS: state.livekit.url,
      TOCSIN_BENCH_LAB: '1',
    });
    state.server = await startServer(state.dir);
    state.keys = await mkdtemp(join(tmpdir(), `tocsin-e2e-${build}-`));
    await tocsinKit(
      state.livekit,
      'keygen',
      '--org-name',
      'Mairie de Saint-Étienne',
      '--out',
      join(state.keys, 'org.key'),
    );
    for (const [name, set] of Object.entries(kitSets))
      state.kits[name] = await buildKits(name, set);
  });

  // The hooks run for subtests too (the steps of a test that share its browsers): the browsers
  // are closed once the outermost test is over.
  let depth = 0;
  beforeEach(() => {
    depth += 1;
  });
  afterEach(async () => {
    depth -= 1;
    if (depth > 0) return;
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
   * Builds one set of kits into the build's folder `kits-<name>`, served by the app's server; the
   * links by member id.
   * @param {string} name
   * @param {KitSet} set
   */
  async function buildKits(name, { contacts = CELL_CONTACTS, members = CELL_MEMBERS }) {
    const out = join(state.dir, `kits-${name}`);
    await tocsinKit(
      state.livekit,
      'build',
      ...['--key', join(state.keys, 'org.key'), '--contacts', contacts],
      ...['--livekit-url', state.livekit.url, '--room', ROOM],
      ...['--app-url', state.server.url.replace(/\/$/, '')],
      ...['--kits-url', new URL(`kits-${name}/`, state.server.url).href, '--out', out],
    );
    /** @type {Record<string, string>} */
    const links = {};
    for (const member of members) {
      links[member] = (await readFile(join(out, `${member}.link.txt`), 'utf8')).trim();
    }
    return links;
  }

  /**
   * Opens a page of the app.
   * @param {import('playwright-core').Page} page
   * @param {string} hash
   */
  function open(page, hash) {
    return page.goto(new URL(hash, state.server.url).href);
  }

  /**
   * A member's own Chromium (fake microphone), enrolled with their link (or, with `enroll`
   * false, on the sync lab page of the app's origin, not enrolled: a rogue client).
   * @param {string} link
   * @param {{ enroll?: boolean, args?: string[] }} [options] `args`: more Chromium flags
   * @returns {Promise<Member>}
   */
  async function member(link, { enroll = true, args = [] } = {}) {
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: [...chromiumArgs, '--autoplay-policy=no-user-gesture-required', ...args],
    });
    browsers.push(browser);
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = /** @type {string[]} */ ([]);
    page.on('pageerror', (error) => errors.push(error.message));
    if (process.env.TOCSIN_E2E_CONSOLE) {
      page.on('console', (message) => console.log(`# [${link.slice(-12)}] ${message.text()}`));
    }
    if (enroll) await enrollAndReopen(page, link);
    else await openSyncLab(page);
    return { page, context, errors, close: () => browser.close() };
  }

  /**
   * Opens the sync lab on a page of the app's origin.
   * @param {import('playwright-core').Page} page
   */
  async function openSyncLab(page) {
    await open(page, SYNC_LAB);
    await page.waitForFunction(() => 'tocsinSyncLab' in window);
  }

  /**
   * Joins the crisis room, microphone only (the sync needs no video; the machine runs several).
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
   * The page, on the log page, where the status bar is.
   * @param {import('playwright-core').Page} page
   */
  async function statusPage(page) {
    await open(page, '#/log');
    await pageHeading(page, 'tocsin-log-page');
    return page;
  }

  /**
   * A livekit-client with no E2EE in the room, on a bare page of another origin: keeps every
   * data-channel message that reaches it, raw, for {@link readableText}.
   * @param {string} token
   */
  async function plainObserver(token) {
    const { page, close } = await barePage();
    await page.evaluate(
      async ({ url, token }) => {
        const seen = { bytes: 0, messages: /** @type {string[]} */ ([]) };
        /** @type {any} */ (window).seen = seen;
        /** @param {RTCDataChannel} channel */
        const watch = (channel) =>
          channel.addEventListener('message', ({ data }) => {
            const bytes = new Uint8Array(data);
            seen.bytes += bytes.byteLength;
            if (seen.bytes > 20_000_000) return;
            let binary = '';
            for (const byte of bytes) binary += String.fromCharCode(byte);
            seen.messages.push(btoa(binary));
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
        /** @type {any} */ (window).room = room;
      },
      { url: state.livekit.url, token },
    );
    return {
      page,
      /** @returns {Promise<{ bytes: number, messages: string[] }>} */
      seen: () => page.evaluate(() => /** @type {any} */ (window).seen),
      close,
    };
  }

  /** A Chromium page on a bare server of its own, which serves livekit-client. */
  async function barePage() {
    const server = await startBareServer();
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
    });
    browsers.push(browser);
    const page = await browser.newPage();
    await page.goto(server.url);
    return {
      page,
      close: async () => {
        await browser.close();
        await server.close();
      },
    };
  }

  return {
    state,
    member,
    open,
    openSyncLab,
    joinRoom,
    leaveRoom,
    openCrisis,
    writeEntries,
    statusPage,
    plainObserver,
    barePage,
  };
}

/**
 * What a device holds of the shared data, as two devices that saw the same records must agree on:
 * crises, every log entry in log order, ticks, roll-call answers, and the chain heads.
 * @param {import('playwright-core').Page} page
 */
export function sharedData(page) {
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
export async function converged(pages, check, timeoutMs = 60_000) {
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
export async function syncStatus(page) {
  const status = page.locator('tocsin-sync-status').first();
  await status.waitFor();
  return {
    connected: await status.getAttribute('data-connected'),
    waiting: Number(await status.getAttribute('data-waiting')),
    rejected: Number(await status.getAttribute('data-rejected')),
    inSync: (await status.getAttribute('data-in-sync')) ?? '',
    equivocators: (await status.getAttribute('data-equivocators')) ?? '',
    culprits: (await status.getAttribute('data-culprits')) ?? '',
  };
}

/**
 * The refusals a device kept (its syncRejections store), oldest first.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{ reason: string, from: string, signer?: string, author?: string,
 *   device?: string, seq?: number, detail?: string, at: string }[]>}
 */
export function rejections(page) {
  return page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('tocsin');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise((resolve) => {
      const request = /** @type {IDBDatabase} */ (db)
        .transaction('syncRejections')
        .objectStore('syncRejections')
        .getAll();
      request.onsuccess = () => resolve(request.result);
    });
    /** @type {IDBDatabase} */ (db).close();
    return /** @type {any[]} */ (all);
  });
}

/**
 * Runs `fn(window.tocsinSyncLab, arg)` in a page of the sync lab; its result. `fn` is sent as its
 * source: it may use nothing but its arguments.
 * @param {import('playwright-core').Page} page
 * @param {(lab: any, arg: any) => unknown} fn
 * @param {unknown} [arg] anything JSON can carry
 * @returns {Promise<any>}
 */
export function inLab(page, fn, arg) {
  return page.evaluate(`(${fn})(window.tocsinSyncLab, ${JSON.stringify(arg ?? null)})`);
}

/**
 * Which of `needles` can be read in raw data-channel messages (base64), as they are or once
 * inflated: livekit-client deflates (raw DEFLATE) text streams before they go out, so a grep of
 * the raw bytes would find nothing even in clear. Each message is inflated from every byte offset
 * (the compressed payload starts somewhere inside the packet's framing); what inflates is searched
 * too. Returns where each readable needle was found.
 * @param {readonly string[]} messages
 * @param {readonly string[]} needles
 */
export function readableText(messages, needles) {
  /** @type {string[]} */
  const found = [];
  /** @param {Buffer} bytes @param {string} where */
  const search = (bytes, where) => {
    const text = bytes.toString('utf8');
    for (const needle of needles) {
      if (text.includes(needle)) found.push(`${needle} (${where})`);
    }
  };
  const shortest = Math.min(...needles.map((needle) => Buffer.byteLength(needle)));
  const stackTraceLimit = Error.stackTraceLimit;
  // Most offsets do not inflate: their errors need no stack.
  Error.stackTraceLimit = 0;
  try {
    for (const [index, message] of [...new Set(messages)].entries()) {
      const bytes = Buffer.from(message, 'base64');
      search(bytes, `raw message ${index}`);
      for (let offset = 0; offset < bytes.length; offset++) {
        // The three bits of a DEFLATE block header: BTYPE 11 is no block at all.
        if (((bytes[offset] >> 1) & 3) === 3) continue;
        let inflated;
        try {
          inflated = inflateRawSync(bytes.subarray(offset), {
            finishFlush: constants.Z_SYNC_FLUSH,
            maxOutputLength: 16 * 1024 * 1024,
          });
        } catch {
          continue;
        }
        if (inflated.length >= shortest) search(inflated, `message ${index} inflated at ${offset}`);
      }
    }
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  return found;
}
