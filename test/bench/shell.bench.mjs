// The shell's figures: how much JS the home screen needs, what the service worker precaches, and
// how fast the app launches offline compared with a blank page from the same service worker.
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  buildApp,
  builtFiles,
  launchBrowser,
  openControlled,
  removeBuild,
  startServer,
} from '../e2e/support.mjs';

const LAUNCHES = 5;
/**
 * The blank page is launched three times for each launch of the app. Its load takes about half the
 * app's time yet varies as much in milliseconds (27–47 ms seen on a 2-core machine), so a median of
 * five would make it the noisier half of the ratio; fifteen steady the denominator, at ~5 s.
 */
const BLANK_LAUNCHES_PER_LAUNCH = 3;
const BLANK_PATH = '/test/bench/blank.html';
const HOME_READY_MARK = 'tocsin:home-ready';

/** The URL paths listed in the service worker's precache manifest. */
async function precachedPaths(dir) {
  const sw = await readFile(join(dir, 'sw.js'), 'utf8');
  return [...sw.matchAll(/"url":"([^"]+)"/g)].map((match) => '/' + match[1]);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// Lets the previous tab's teardown and background work finish, so each launch starts from the
// same quiet state whether it measures the app or the baseline.
const settle = () => new Promise((resolve) => setTimeout(resolve, 250));

/** A launch that has not made its mark by then failed: it is not timed, the bench stops. */
const MARK_TIMEOUT_MS = 30_000;

/**
 * Resolves with the mark's time once the page has made it. Polls with plain evaluate() calls:
 * Playwright's waitForFunction() would first inject its own large script into the page while the
 * app is still starting, and time its evaluation as if it were Tocsin's.
 */
async function markTime(page, mark) {
  const deadline = Date.now() + MARK_TIMEOUT_MS;
  for (;;) {
    const time = await page.evaluate(
      (name) => performance.getEntriesByName(name)[0]?.startTime ?? null,
      mark,
    );
    if (time !== null) return time;
    if (Date.now() > deadline) throw new Error(`bench: no ${mark} mark within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Milliseconds from navigation start to the home page's ready mark, in a fresh tab. The page is
 * left alone until its load event, as the blank page is: polling it while it starts would add
 * work to the very launch being timed. The mark is read after load (or waited for, when the home
 * page needs the database first).
 */
async function launchHome(context, url) {
  await settle();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const ms = await markTime(page, HOME_READY_MARK);
  await page.close();
  return ms;
}

/** Milliseconds from navigation start to the blank page's load event, in a fresh tab. */
async function launchBlank(context, url) {
  await settle();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const ms = await page.evaluate(
    () =>
      /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0])
        .loadEventEnd,
  );
  await page.close();
  return ms;
}

export async function run() {
  const dir = await buildApp('bench', { TOCSIN_BENCH_BASELINE: '1' });
  const server = await startServer(dir);
  const browser = await launchBrowser();
  try {
    const precached = (await precachedPaths(dir)).filter((path) => path !== BLANK_PATH);
    const uniquePrecached = [...new Set(precached)];
    let precacheBytes = 0;
    for (const path of uniquePrecached) precacheBytes += (await stat(join(dir, path))).size;
    const builtJs = (await builtFiles(dir)).filter(
      (path) => path.endsWith('.js') && path !== '/sw.js',
    );
    const uncachedJs = builtJs.filter((path) => !uniquePrecached.includes(path));

    const context = await browser.newContext();
    const page = await context.newPage();
    // The first visit, uncontrolled, straight from the server: the JS the home page needed.
    await page.goto(server.url);
    await markTime(page, HOME_READY_MARK);
    const initialJs = await page.evaluate((mark) => {
      const ready = performance.getEntriesByName(mark)[0].startTime;
      return performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime <= ready && new URL(entry.name).pathname.endsWith('.js'))
        .map((entry) => new URL(entry.name).pathname);
    }, HOME_READY_MARK);
    let initialJsGzip = 0;
    for (const path of initialJs) initialJsGzip += gzipSync(await readFile(join(dir, path))).length;

    await openControlled(page, server.url);
    await page.close();
    await server.kill();

    // Offline launches, alternating app and baseline so any drift hits both alike; one warm-up each.
    const blankUrl = new URL(BLANK_PATH, server.url).href;
    await launchHome(context, server.url);
    await launchBlank(context, blankUrl);
    const home = [];
    const blank = [];
    for (let i = 0; i < LAUNCHES; i++) {
      home.push(await launchHome(context, server.url));
      for (let j = 0; j < BLANK_LAUNCHES_PER_LAUNCH; j++) {
        blank.push(await launchBlank(context, blankUrl));
      }
    }
    assert.ok(home.every((ms) => ms > 0) && blank.every((ms) => ms > 0));
    const offline = median(home);
    const blankOffline = median(blank);
    return {
      'shell.initial_js_gzip_bytes': initialJsGzip,
      'shell.initial_js_files': initialJs.length,
      'precache.bytes': precacheBytes,
      'precache.entries': uniquePrecached.length,
      'precache.js_files': builtJs.length,
      'precache.js_files_uncached': uncachedJs.length,
      'launch.offline_ms': Number(offline.toFixed(1)),
      'launch.blank_offline_ms': Number(blankOffline.toFixed(1)),
      'launch.offline_ratio': Number((offline / blankOffline).toFixed(2)),
      'launch.runs': LAUNCHES,
      'launch.blank_runs': blank.length,
    };
  } finally {
    await browser.close();
    await server.kill();
    await removeBuild(dir);
  }
}
