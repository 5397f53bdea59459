// The crisis data's figures at the sizes of a real crisis (20,000 contacts, 20,000 log entries)
// and of a small body (5,000 contacts, 2,000 entries): search as you type, importing a CSV, and
// the main courante's append and open. The app's own modules run in the bench-only lab page
// (test/bench/lab.ts) in Chromium with the CPU slowed 4×, like a mid-range phone; each speed is
// also given as a ratio against a baseline timed in the same page, in the same run.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildApp, removeBuild, startServer } from '../e2e/support.mjs';
import { chromiumArgs, chromiumPath } from '../support/chromium.mjs';

const LAB_PATH = '/test/bench/lab.html';
const CPU_THROTTLING = 4;
const SIZES = [
  { contacts: 5000, contactsKey: '5k', entries: 2000, entriesKey: '2k', suffix: true },
  { contacts: 20000, contactsKey: '20k', entries: 20000, entriesKey: '20k', suffix: false },
];
// 200 searches, each one keystroke of a realistic query typed character by character ("j", "je",
// "jer"…), since the directory page searches at every input event: the one-letter keystrokes
// are the broad, costly searches a real user makes too. See typedQueries() in lab.ts.
const SEARCHES = 200;
// The linear baseline normalises every contact at every search, so its time hardly depends on the
// query, while 200 of them at 20,000 contacts would take about 3 minutes throttled. It runs on
// every 5th keystroke of the same 200 instead: measured once on all 200, its p95 over that sample
// came within 1 % of its p95 over all of them.
const LINEAR_EVERY = 5;
const INDEX_BUILDS = 3;
const IMPORT_RUNS = 3;
const KIT_RUNS = 3;
const LOG_OPENS = 3;
const APPENDS = 100;
// A user takes seconds to write an entry once the log has opened. Appending at once instead made
// the first appends pay for collecting the garbage of the opens just timed (up to 120 ms each).
const PAUSE_BEFORE_APPENDS_MS = 1000;
const SEED = 7;

/** Nearest-rank percentile: the smallest sample with at least `p` % of the samples at or below. */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const ms = (value) => Number(value.toFixed(1));
const ratio = (value) => Number(value.toFixed(2));

/**
 * Calls `window.tocsinLab[name](...args)` in the lab page (typed in lab.ts) and returns its result.
 * @param {import('playwright-core').Page} page
 * @param {string} name
 * @param {...unknown} args
 */
function lab(page, name, ...args) {
  return page.evaluate(
    ([fn, params]) => /** @type {any} */ (window).tocsinLab[fn](...params),
    /** @type {[string, unknown[]]} */ ([name, args]),
  );
}

/**
 * Runs `work` with the CPU slowed down, and only it: generating the fixtures (20,000 sealed log
 * entries above all) is not what is measured and would only lengthen the run. Throttling slows
 * the page; IndexedDB's backend runs outside the page's process at full speed, so disk-bound
 * figures are somewhat kinder than on a real phone.
 * @template T
 * @param {import('playwright-core').CDPSession} cdp
 * @param {() => Promise<T>} work
 * @returns {Promise<T>}
 */
async function throttled(cdp, work) {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
  try {
    return await work();
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
}

/** Search as you type over `size.contacts` contacts: the index against the linear baseline. */
async function directorySearch(page, cdp, size) {
  const prepared = await lab(page, 'prepareDirectory', size.contacts, SEED, SEARCHES);
  assert.equal(prepared.queries, SEARCHES);
  const { builds, indexed, linear } = await throttled(cdp, async () => ({
    builds: await lab(page, 'timeIndexBuild', INDEX_BUILDS),
    indexed: await lab(page, 'timeIndexedSearch'),
    linear: await lab(page, 'timeLinearSearch', LINEAR_EVERY),
  }));
  // Both must find the same contacts, or the ratio would compare different work.
  assert.deepEqual(
    linear.found,
    indexed.found.filter((_, i) => i % LINEAR_EVERY === 0),
  );
  assert.ok(
    indexed.found.some((count) => count > 0 && count < 50),
    'some searches are narrow',
  );
  const p95 = percentile(indexed.ms, 95);
  const linearP95 = percentile(linear.ms, 95);
  return { buildMs: median(builds), p95, linearP95 };
}

/** Importing a CSV of `size.contacts` contacts against a bare bulk put of the same contacts. */
async function directoryImport(page, cdp, size) {
  const { contacts } = await lab(page, 'prepareCsv');
  assert.equal(contacts, size.contacts);
  const imports = [];
  const parses = [];
  const puts = [];
  // Alternated, so that any drift of the disk or the machine hits both alike.
  await throttled(cdp, async () => {
    for (let run = 0; run < IMPORT_RUNS; run++) {
      const imported = await lab(page, 'timeCsvImport');
      imports.push(imported.ms);
      parses.push(imported.parseMs);
      puts.push(await lab(page, 'timeBarePut'));
    }
  });
  return { importMs: median(imports), parseMs: median(parses), putMs: median(puts) };
}

/** The main courante with `size.entries` entries: opening it, then appending to it. */
async function mainCourante(page, cdp, size) {
  const prepared = await lab(page, 'prepareLog', size.entries, SEED);
  assert.equal(prepared.entries, size.entries);
  const { opens, appends } = await throttled(cdp, async () => {
    const opens = [];
    for (let run = 0; run < LOG_OPENS; run++) {
      const opened = await lab(page, 'timeOpenLog');
      assert.equal(opened.entries, size.entries);
      opens.push(opened.ms);
    }
    await new Promise((resolve) => setTimeout(resolve, PAUSE_BEFORE_APPENDS_MS));
    return { opens, appends: await lab(page, 'timeAppends', APPENDS) };
  });
  await lab(page, 'reset');
  return {
    openMs: median(opens),
    appendP95: percentile(appends, 95),
    appendMedian: median(appends),
  };
}

/** Installing a kit of the prepared contacts against decrypt + parse + bulk put of the same data. */
async function kitInstall(page, cdp, size) {
  const prepared = await lab(page, 'prepareKit');
  assert.equal(prepared.contacts, size.contacts);
  const installs = [];
  const baselines = [];
  await throttled(cdp, async () => {
    for (let run = 0; run < KIT_RUNS; run++) {
      installs.push(await lab(page, 'timeKitInstall'));
      baselines.push(await lab(page, 'timeKitBaseline'));
    }
  });
  return { bytes: prepared.bytes, installMs: median(installs), baselineMs: median(baselines) };
}

/** Builds the bench app, drives its lab page and returns the crisis data's figures. */
export async function run() {
  const dir = await buildApp('bench-crisis-data', { TOCSIN_BENCH_LAB: '1' });
  const server = await startServer(dir);
  // A persistent profile on disk, with the same Chromium and flags as launchBrowser(): a context of
  // launchBrowser() is off the record, and its IndexedDB lives in memory. Measured here, that is
  // about 3 times slower on bulk writes and never commits to disk: neither is a phone's case.
  const profile = await mkdtemp(join(tmpdir(), 'tocsin-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // A plain page load: the lab needs no service worker.
    await page.goto(new URL(LAB_PATH, server.url).href);
    await page.waitForFunction(() => 'tocsinLab' in window);
    const cdp = await context.newCDPSession(page);

    /** @type {Record<string, number>} */
    const figures = { 'bench.cpu_throttling': CPU_THROTTLING };
    for (const size of SIZES) {
      const tail = size.suffix ? `_${size.contactsKey}` : '';
      console.error(`bench: crisis data, ${size.contacts} contacts`);
      const search = await directorySearch(page, cdp, size);
      figures[`directory.index_build_ms${tail}`] = ms(search.buildMs);
      figures[`directory.search_p95_ms${tail}`] = ms(search.p95);
      figures[`directory.linear_search_p95_ms${tail}`] = ms(search.linearP95);
      figures[`directory.search_ratio${tail}`] = ratio(search.p95 / search.linearP95);
      const imported = await directoryImport(page, cdp, size);
      figures[`directory.import_${size.contactsKey}_ms`] = ms(imported.importMs);
      figures[`directory.import_parse_${size.contactsKey}_ms`] = ms(imported.parseMs);
      figures[`directory.bare_put_${size.contactsKey}_ms`] = ms(imported.putMs);
      figures[`directory.import_ratio${tail}`] = ratio(imported.importMs / imported.putMs);
      if (!size.suffix) {
        console.error(`bench: crisis kit, ${size.contacts} contacts`);
        const installed = await kitInstall(page, cdp, size);
        figures[`kit.install_${size.contactsKey}_ms`] = ms(installed.installMs);
        figures[`kit.baseline_${size.contactsKey}_ms`] = ms(installed.baselineMs);
        figures['kit.install_ratio'] = ratio(installed.installMs / installed.baselineMs);
        figures[`kit.file_${size.contactsKey}_bytes`] = installed.bytes;
      }
      await lab(page, 'reset');

      console.error(`bench: crisis data, ${size.entries} log entries`);
      const log = await mainCourante(page, cdp, size);
      figures[`log.open_${size.entriesKey}_ms`] = ms(log.openMs);
      const entriesTail = size.suffix ? `_${size.entriesKey}` : '';
      figures[`log.append_p95_ms${entriesTail}`] = ms(log.appendP95);
      // The median too: the p95 of strict-durability commits is what a busy machine shakes first.
      figures[`log.append_median_ms${entriesTail}`] = ms(log.appendMedian);
    }
    figures['directory.searches'] = SEARCHES;
    figures['directory.linear_searches'] = Math.ceil(SEARCHES / LINEAR_EVERY);
    figures['log.appends'] = APPENDS;
    assert.deepEqual(errors, []);
    return figures;
  } finally {
    await context.close();
    await server.kill();
    await removeBuild(dir);
    await rm(profile, { recursive: true, force: true });
  }
}
