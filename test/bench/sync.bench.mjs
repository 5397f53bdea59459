// The sync of the cell's shared log, measured on a real LiveKit server (loopback) between two
// members' Chromiums running the built app, each publishing its (fake) microphone:
// - sync.catchup_2000_ms / sync.catchup_20000_ms: from a late joiner's tap on "Join audio only"
//   until it holds every record of a 2,000 / 20,000-entry log the other member wrote (join
//   included: a late joiner sees it that way);
// - sync.bytes_per_record_ratio: bytes the sender's data channels sent during the 20,000-record
//   catch-up (everything: protocol messages, LiveKit framing, E2EE), per record, over the
//   record's own JSON size;
// - sync.audio_concealed_ms: the received audio the joiner's jitter buffer had to conceal (not
//   counting silence) while the 20,000 records came in. Concealment happens on the audio thread
//   whenever packets are late, so this total bounds any gap in the audio, whatever the page's
//   main thread was doing; sync.audio_idle_concealed_ms is the same call just after, as long
//   again (at most 30 s), with no records moving: the baseline.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureLivekitServer, startLivekitServer } from '../../deploy/livekit/livekit-server.mjs';
import { buildCellKits, CELL_MEMBERS, enrollAndReopen, tocsinKit } from '../e2e/cell-support.mjs';
import { buildApp, removeBuild, startServer } from '../e2e/support.mjs';
import { chromiumArgs, chromiumPath } from '../support/chromium.mjs';
import { ratio, unmeasured } from './figures.mjs';

const ROOM = 'cellule-de-crise';
const [WRITER, JOINER, LIAR] = CELL_MEMBERS;
const SYNC_LAB = 'test/bench/sync-lab.html';
const SIZES = [2000, 20_000];

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A member's Chromium, enrolled, reopened from the service worker; every RTCPeerConnection the
 * app makes is kept on `window.benchPeerConnections` for getStats().
 * @param {string} link
 * @param {(() => Promise<unknown>)[]} cleanups
 */
async function member(link, cleanups) {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs, '--autoplay-policy=no-user-gesture-required'],
  });
  cleanups.push(() => browser.close());
  const page = await browser.newPage();
  await page.addInitScript(() => {
    const all = /** @type {RTCPeerConnection[]} */ ([]);
    /** @type {any} */ (window).benchPeerConnections = all;
    const Original = window.RTCPeerConnection;
    window.RTCPeerConnection = class extends Original {
      /** @param {RTCConfiguration} [config] */
      constructor(config) {
        super(config);
        all.push(this);
      }
    };
  });
  await enrollAndReopen(page, link);
  return { browser, page };
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string} url
 */
async function joinAudioOnly(page, url) {
  await page.goto(new URL('#/room', url).href);
  await page.getByRole('button', { name: 'Join audio only' }).click();
  await page.locator('tocsin-room-page[data-connection="connected"]').waitFor({ timeout: 30_000 });
}

/**
 * How many signed records and queued changes the app's database holds (read from any page of the
 * app's origin).
 * @param {import('playwright-core').Page} page
 */
function counts(page) {
  return page.evaluate(async () => {
    const db = /** @type {IDBDatabase} */ (
      await new Promise((resolve) => {
        const request = indexedDB.open('tocsin');
        request.onsuccess = () => resolve(request.result);
      })
    );
    /** @param {string} store */
    const count = (store) =>
      new Promise((resolve) => {
        const request = db.transaction(store).objectStore(store).count();
        request.onsuccess = () => resolve(request.result);
      });
    const [records, outbox] = await Promise.all([count('syncRecords'), count('syncOutbox')]);
    db.close();
    return { records: /** @type {number} */ (records), outbox: /** @type {number} */ (outbox) };
  });
}

/**
 * Sums the page's data-channel bytes sent, and its received audio counters.
 * @param {import('playwright-core').Page} page
 */
function transportStats(page) {
  return page.evaluate(async () => {
    const totals = {
      dataBytesSent: 0,
      concealed: 0,
      silentConcealed: 0,
      concealmentEvents: 0,
      samples: 0,
    };
    for (const pc of /** @type {RTCPeerConnection[]} */ (
      /** @type {any} */ (window).benchPeerConnections
    )) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((report) => {
        if (report.type === 'data-channel') totals.dataBytesSent += report.bytesSent ?? 0;
        if (report.type === 'inbound-rtp' && report.kind === 'audio') {
          totals.concealed += report.concealedSamples ?? 0;
          totals.silentConcealed += report.silentConcealedSamples ?? 0;
          totals.concealmentEvents += report.concealmentEvents ?? 0;
          totals.samples += report.totalSamplesReceived ?? 0;
        }
      });
    }
    return totals;
  });
}

/**
 * The mean UTF-8 size of the writer's records as they travel (their JSON).
 * @param {import('playwright-core').Page} page
 */
function meanRecordJsonBytes(page) {
  return page.evaluate(async () => {
    const db = /** @type {IDBDatabase} */ (
      await new Promise((resolve) => {
        const request = indexedDB.open('tocsin');
        request.onsuccess = () => resolve(request.result);
      })
    );
    const records = /** @type {any[]} */ (
      await new Promise((resolve) => {
        const request = db.transaction('syncRecords').objectStore('syncRecords').getAll();
        request.onsuccess = () => resolve(request.result);
      })
    );
    db.close();
    const encoder = new TextEncoder();
    let bytes = 0;
    for (const { author, device, seq, prev, at, body, sig } of records) {
      bytes += encoder.encode(JSON.stringify({ author, device, seq, prev, at, body, sig })).length;
    }
    return bytes / records.length;
  });
}

/**
 * A lying member in the room: a bare client with its own valid kit (the sync lab's rogue) that
 * answers every hello by claiming far more of every chain it hears of than exists, and a chain
 * of its own that does not exist, and never delivers any of it.
 * @param {{ url: string, links: Record<string, string> }} app
 * @param {(() => Promise<unknown>)[]} cleanups
 */
async function startLiar(app, cleanups) {
  const liar = await member(app.links[LIAR], cleanups);
  await liar.page.goto(new URL(SYNC_LAB, app.url).href);
  await liar.page.waitForFunction(() => 'tocsinSyncLab' in window);
  await liar.page.evaluate(
    (link) => /** @type {any} */ (window).tocsinSyncLab.rogueJoin(link),
    app.links[LIAR],
  );
  await liar.page.evaluate(() =>
    /** @type {any} */ (window).tocsinSyncLab.rogueSend({ t: 'hello', heads: [], reply: true }),
  );
  // The writer's hello names its chain: the liar claims a million records of it.
  const heads = await (
    await liar.page.waitForFunction(
      () =>
        /** @type {any[]} */ (/** @type {any} */ (window).tocsinSyncLab.rogueReceived()).find(
          (message) => message.t === 'hello' && message.heads.length > 0,
        )?.heads,
      undefined,
      { timeout: 30_000 },
    )
  ).jsonValue();
  const lie = [
    ...heads.map((/** @type {any[]} */ [author, device]) => [
      author,
      device,
      1_000_000,
      'f'.repeat(64),
    ]),
    [LIAR, `${LIAR}@nowhere`, 500_000, 'e'.repeat(64)],
  ];
  await liar.page.evaluate((lie) => /** @type {any} */ (window).tocsinSyncLab.rogueLie(lie), lie);
}

/**
 * One catch-up: the writer seeds `size` entries and shares them in the room; a fresh joiner
 * comes in late, with a lying member in the room when `liar` is set. Returns the figures of that
 * catch-up.
 * @param {number} size
 * @param {{ url: string, links: Record<string, string> }} app
 * @param {{ liar?: boolean }} [options]
 */
async function catchUp(size, app, options = {}) {
  const cleanups = /** @type {(() => Promise<unknown>)[]} */ ([]);
  try {
    const writer = await member(app.links[WRITER], cleanups);
    await writer.page.goto(new URL(SYNC_LAB, app.url).href);
    await writer.page.waitForFunction(() => 'tocsinSyncLab' in window);
    await writer.page.evaluate(
      (size) => /** @type {any} */ (window).tocsinSyncLab.seed(size, 11),
      size,
    );
    await joinAudioOnly(writer.page, app.url);
    // The writer signs its backlog once in the room; wait until it is all signed.
    const total = size + 1;
    for (let held = await counts(writer.page); held.records < total || held.outbox > 0;) {
      await sleep(500);
      held = await counts(writer.page);
    }
    if (options.liar) await startLiar(app, cleanups);
    const joiner = await member(app.links[JOINER], cleanups);
    await joiner.page.goto(new URL(SYNC_LAB, app.url).href);
    await joiner.page.waitForFunction(() => 'tocsinSyncLab' in window);
    await joiner.page.goto(new URL('#/room', app.url).href);
    const sentBefore = await transportStats(writer.page);

    const start = Date.now();
    await joiner.page.getByRole('button', { name: 'Join audio only' }).click();
    await joiner.page.locator('tocsin-room-page[data-connection="connected"]').waitFor();
    // Audio is counted once the writer's sound arrives (the catch-up has begun by then).
    let audioBefore = await transportStats(joiner.page);
    while (audioBefore.samples === 0 && Date.now() - start < 10_000) {
      await sleep(50);
      audioBefore = await transportStats(joiner.page);
    }
    for (;;) {
      const held = (await counts(joiner.page)).records;
      if (held >= total) break;
      if (Date.now() - start > 600_000)
        throw new Error(`bench: catch-up of ${size} stalled at ${held}`);
      await sleep(100);
    }
    const ms = Date.now() - start;
    const [sentAfter, audioAfter, recordBytes] = await Promise.all([
      transportStats(writer.page),
      transportStats(joiner.page),
      meanRecordJsonBytes(writer.page),
    ]);
    // The baseline: the same call for as long again (at most 30 s), with no records moving.
    const idleMs = Math.min(audioAfter.samples - audioBefore.samples, 30 * 48_000) / 48;
    await sleep(idleMs);
    const audioIdle = await transportStats(joiner.page);
    return {
      ms,
      // No audio 10 s into the catch-up: the audio figures would not cover it.
      audioLate: audioBefore.samples === 0,
      bytesPerRecord: (sentAfter.dataBytesSent - sentBefore.dataBytesSent) / total,
      recordBytes,
      audio: audioFigures(audioBefore, audioAfter),
      idle: audioFigures(audioAfter, audioIdle),
    };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
}

/**
 * Concealed audio (silence excluded) and received audio between two samples of the counters.
 * @param {Awaited<ReturnType<typeof transportStats>>} from
 * @param {Awaited<ReturnType<typeof transportStats>>} to
 */
function audioFigures(from, to) {
  const concealed = to.concealed - from.concealed - (to.silentConcealed - from.silentConcealed);
  return {
    concealedMs: concealed / 48,
    events: to.concealmentEvents - from.concealmentEvents,
    receivedMs: (to.samples - from.samples) / 48,
  };
}

export async function run() {
  const cleanups = /** @type {(() => Promise<unknown>)[]} */ ([]);
  const previousUrls = process.env.TOCSIN_LIVEKIT_URLS;
  try {
    console.error('bench: sync, starting livekit-server and building the app with the sync lab');
    const binary = await ensureLivekitServer({ log: (line) => console.error(`bench: ${line}`) });
    const livekit = await startLivekitServer({ binary, port: 0, log: () => {} });
    cleanups.push(() => livekit.stop());
    process.env.TOCSIN_LIVEKIT_URLS = livekit.url;
    const dir = await buildApp('bench-sync', {
      TOCSIN_LIVEKIT_URLS: livekit.url,
      TOCSIN_BENCH_LAB: '1',
    });
    cleanups.push(() => removeBuild(dir));
    const server = await startServer(dir);
    cleanups.push(() => server.kill());
    const keys = await mkdtemp(join(tmpdir(), 'tocsin-bench-sync-'));
    cleanups.push(() => rm(keys, { recursive: true, force: true }));
    await tocsinKit(livekit, 'keygen', '--org-name', 'Bench', '--out', join(keys, 'org.key'));
    const links = await buildCellKits({
      livekit,
      key: join(keys, 'org.key'),
      room: ROOM,
      appUrl: server.url,
      appDir: dir,
      kitsDir: 'kits',
    });
    /** @type {Record<string, number | string | null>} */
    const figures = {};
    const app = { url: server.url, links };
    for (const size of SIZES) {
      console.error(`bench: sync, a late joiner catching up ${size} records`);
      const last = size === SIZES[SIZES.length - 1];
      try {
        const result = await catchUp(size, app);
        console.error(`bench: sync ${size}: ${JSON.stringify(result)}`);
        figures[`sync.catchup_${size}_ms`] = result.ms;
        if (last) Object.assign(figures, transferFigures(result));
      } catch (error) {
        unmeasured(figures, [`sync.catchup_${size}_ms`], describe(error));
        if (last) unmeasured(figures, TRANSFER_FIGURES, `the catch-up failed: ${describe(error)}`);
      }
    }
    // The same 2,000-record catch-up with a member in the room who claims a million records of
    // every chain and delivers none: the joiner must complete it from the honest writer.
    console.error('bench: sync, a late joiner catching up 2000 records with a liar present');
    const liarNames = ['sync.catchup_2000_liar_ms', 'sync.catchup_2000_liar_ratio'];
    try {
      const lied = await catchUp(2000, app, { liar: true });
      console.error(`bench: sync 2000 with a liar: ${JSON.stringify(lied)}`);
      figures[liarNames[0]] = lied.ms;
      const honest = figures['sync.catchup_2000_ms'];
      if (typeof honest === 'number') figures[liarNames[1]] = ratio(lied.ms / honest);
      else unmeasured(figures, [liarNames[1]], 'the catch-up without a liar failed');
    } catch (error) {
      unmeasured(figures, liarNames, describe(error));
    }
    return figures;
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    if (previousUrls === undefined) delete process.env.TOCSIN_LIVEKIT_URLS;
    else process.env.TOCSIN_LIVEKIT_URLS = previousUrls;
  }
}

/** @param {unknown} error */
function describe(error) {
  return error instanceof Error ? error.message : String(error);
}

/** The figures of the 20,000-record catch-up's transfer and of the audio meanwhile. */
const TRANSFER_FIGURES = [
  'sync.record_json_bytes',
  'sync.bytes_per_record',
  'sync.bytes_per_record_ratio',
  'sync.audio_received_ms',
  'sync.audio_concealed_ms',
  'sync.audio_concealment_events',
  'sync.audio_idle_received_ms',
  'sync.audio_idle_concealed_ms',
];

/**
 * The transfer and audio figures of a catch-up; the audio ones only if audio was received both
 * during the catch-up and in the idle baseline (no audio would pass for no gap), the bytes only
 * if the sender's data channels were counted.
 * @param {Awaited<ReturnType<typeof catchUp>>} result
 */
function transferFigures(result) {
  /** @type {Record<string, number | string | null>} */
  const figures = { 'sync.record_json_bytes': Math.round(result.recordBytes) };
  if (result.bytesPerRecord > 0) {
    figures['sync.bytes_per_record'] = Math.round(result.bytesPerRecord);
    figures['sync.bytes_per_record_ratio'] = ratio(result.bytesPerRecord / result.recordBytes);
  } else {
    unmeasured(
      figures,
      ['sync.bytes_per_record', 'sync.bytes_per_record_ratio'],
      'no data-channel bytes counted on the sender',
    );
  }
  const audio = TRANSFER_FIGURES.filter((name) => name.startsWith('sync.audio_'));
  if (result.audioLate) {
    unmeasured(figures, audio, 'no audio reached the joiner in the first 10 s of the catch-up');
    return figures;
  }
  if (!(result.audio.receivedMs > 0) || !(result.idle.receivedMs > 0)) {
    unmeasured(
      figures,
      audio,
      `audio received: ${Math.round(result.audio.receivedMs)} ms during the catch-up, ` +
        `${Math.round(result.idle.receivedMs)} ms in the idle baseline`,
    );
    return figures;
  }
  figures['sync.audio_received_ms'] = Math.round(result.audio.receivedMs);
  figures['sync.audio_concealed_ms'] = Math.round(result.audio.concealedMs);
  figures['sync.audio_concealment_events'] = result.audio.events;
  figures['sync.audio_idle_received_ms'] = Math.round(result.idle.receivedMs);
  figures['sync.audio_idle_concealed_ms'] = Math.round(result.idle.concealedMs);
  return figures;
}
