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
import { buildApp, pageHeading, removeBuild, startServer } from '../e2e/support.mjs';
import { chromiumArgs, chromiumPath } from '../support/chromium.mjs';
import { ratio, unmeasured } from './figures.mjs';

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
const INDEX_BUILDS = 3;
// The linear baseline normalises the contacts once, as the list loads (the one-off cost the
// index's build is excused too), then tests every contact at each keystroke.
const LINEAR_PREPARES = 3;
const IMPORT_RUNS = 3;
const KIT_RUNS = 3;
const LOG_OPENS = 3;
const APPENDS = 100;
// A user takes seconds to write an entry once the log has opened. Appending at once instead made
// the first appends pay for collecting the garbage of the opens just timed (up to 120 ms each).
const PAUSE_BEFORE_APPENDS_MS = 1000;
const SEED = 7;
// Opening the directory page: what the user types as soon as the search box is there (a family
// name: about 130 of the 20,000 contacts), and how many opens are timed after the first one.
const OPEN_QUERY = 'dupont';
const OPENS = 5;
// The app is left alone this long after its last long task before an open is timed (after its
// start-up check of the kit, which is waited for), so that no earlier work lands in an open.
const QUIET_MS = 1500;
const SETTLE_TIMEOUT_MS = 120_000;
const SHOWN_TIMEOUT_MS = 30_000;

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
const sleep = (duration) => new Promise((resolve) => setTimeout(resolve, duration));

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

/**
 * Search as you type over `size.contacts` contacts: the index against the linear baseline, both
 * prepared once and then timed on the same keystrokes.
 */
async function directorySearch(page, cdp, size) {
  const prepared = await lab(page, 'prepareDirectory', size.contacts, SEED, SEARCHES);
  assert.equal(prepared.queries, SEARCHES);
  const { builds, prepares, searches } = await throttled(cdp, async () => ({
    builds: await lab(page, 'timeIndexBuild', INDEX_BUILDS),
    prepares: await lab(page, 'timeLinearPrepare', LINEAR_PREPARES),
    searches: await lab(page, 'timeSearches'),
  }));
  const { indexed, linear } = searches;
  // Both must find the same contacts, or the ratio would compare different work.
  assert.deepEqual(linear.found, indexed.found);
  assert.ok(
    indexed.found.some((count) => count > 0 && count < 50),
    'some searches are narrow',
  );
  const p95 = percentile(indexed.ms, 95);
  const linearP95 = percentile(linear.ms, 95);
  return { buildMs: median(builds), prepareMs: median(prepares), p95, linearP95 };
}

/** Importing a CSV of `size.contacts` contacts against a bare bulk put of the same contacts. */
async function directoryImport(page, cdp, size) {
  const { contacts } = await lab(page, 'prepareCsv');
  assert.equal(contacts, size.contacts);
  const imports = [];
  const parses = [];
  const plans = [];
  const puts = [];
  // Alternated, so that any drift of the disk or the machine hits both alike.
  await throttled(cdp, async () => {
    for (let run = 0; run < IMPORT_RUNS; run++) {
      const imported = await lab(page, 'timeCsvImport');
      imports.push(imported.ms);
      parses.push(imported.parseMs);
      plans.push(imported.planMs);
      puts.push(await lab(page, 'timeBarePut'));
    }
  });
  return {
    importMs: median(imports),
    parseMs: median(parses),
    planMs: median(plans),
    putMs: median(puts),
  };
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

/**
 * Waits until `page` has run no long task for {@link QUIET_MS}.
 * @param {import('playwright-core').Page} page
 */
async function settled(page) {
  await page.evaluate(() => {
    const win = /** @type {any} */ (window);
    if (win.benchLastLongTaskEnd !== undefined) return;
    win.benchLastLongTaskEnd = performance.now();
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) {
        win.benchLastLongTaskEnd = Math.max(
          win.benchLastLongTaskEnd,
          task.startTime + task.duration,
        );
      }
    }).observe({ type: 'longtask', buffered: true });
  });
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    const quiet = await page.evaluate(
      () => performance.now() - /** @type {any} */ (window).benchLastLongTaskEnd,
    );
    if (quiet >= QUIET_MS) return;
    if (Date.now() > deadline) throw new Error('bench: the app never settled');
    await sleep(250);
  }
}

/**
 * One open of the directory page from home: from the tap on "Directory" (the click event's time)
 * to the first result of {@link OPEN_QUERY} on screen, the query being typed (set, with its input
 * event) at the first animation frame that finds the search box. The first result counts as shown
 * when the list's first row names the expected contact and the list holds the expected number of
 * results, after the frame that has it. Undefined if it never shows.
 * @param {import('playwright-core').Page} page the app, at home
 * @param {{ first: string, found: number }} expected
 */
async function timedOpen(page, expected) {
  await page.evaluate(
    ({ query, first, found }) => {
      const watch = {
        tapAt: /** @type {number | undefined} */ (undefined),
        typedAt: /** @type {number | undefined} */ (undefined),
        shownAt: /** @type {number | undefined} */ (undefined),
      };
      /** @type {any} */ (window).benchOpen = watch;
      addEventListener('click', (event) => (watch.tapAt ??= event.timeStamp), {
        capture: true,
        once: true,
      });
      const step = () => {
        const root = document
          .querySelector('tocsin-app')
          ?.shadowRoot?.querySelector('tocsin-directory-page')?.shadowRoot;
        if (watch.tapAt !== undefined && root) {
          const input = /** @type {HTMLInputElement | null} */ (root.querySelector('input#search'));
          if (watch.typedAt === undefined && input) {
            input.value = query;
            input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
            watch.typedAt = performance.now();
          } else if (watch.typedAt !== undefined) {
            const row = root.querySelector('tocsin-virtual-list li[data-index="0"]');
            if (
              row?.querySelector('.name')?.textContent === first &&
              row.getAttribute('aria-setsize') === String(found)
            ) {
              // Rendering follows this frame's callbacks; the next task runs after it.
              setTimeout(() => (watch.shownAt = performance.now()));
              return;
            }
          }
        }
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    },
    { query: OPEN_QUERY, ...expected },
  );
  await page.locator('tocsin-app nav a[href="#/directory"]').click();
  const deadline = Date.now() + SHOWN_TIMEOUT_MS;
  for (;;) {
    const watch = await page.evaluate(() => /** @type {any} */ (window).benchOpen);
    if (watch.shownAt !== undefined) {
      return { ms: watch.shownAt - watch.tapAt, typedMs: watch.typedAt - watch.tapAt };
    }
    if (Date.now() > deadline) return undefined;
    await sleep(50);
  }
}

/**
 * Opening the directory page of the app holding the prepared kit's contacts, with the CPU slowed:
 * the first open after the kit was installed, then {@link OPENS} more, each from home once the app
 * has settled. Undefined times are opens whose result never showed.
 * @param {import('playwright-core').Page} labPage
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} url
 */
async function directoryOpen(labPage, context, url) {
  const expected = await lab(labPage, 'installAppDirectory', OPEN_QUERY);
  assert.ok(expected.found > 0 && expected.found < 500, `"${OPEN_QUERY}": ${expected.found} found`);
  const page = await context.newPage();
  try {
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await pageHeading(page, 'tocsin-home-page');
    // The start-up check of the kit reads and compares every contact: done before any open.
    await page.locator('tocsin-home-page dd.ok').waitFor({ timeout: SETTLE_TIMEOUT_MS });
    const cdp = await context.newCDPSession(page);
    const opens = await throttled(cdp, async () => {
      const times = [];
      for (let run = 0; run <= OPENS; run++) {
        await settled(page);
        times.push(await timedOpen(page, expected));
        await page.locator('tocsin-app nav a[href="#/"]').click();
        await pageHeading(page, 'tocsin-home-page');
      }
      return times;
    });
    assert.deepEqual(errors, []);
    return { first: opens[0], later: opens.slice(1), contacts: expected.contacts };
  } finally {
    await page.close();
  }
}

/**
 * The directory page's figures: the median of the opens after the first, and the first one alone;
 * none when an open failed to show its result (a median of the others would hide it).
 * @param {{ first: { ms: number } | undefined, later: ({ ms: number } | undefined)[] }} opened
 * @param {string} key
 */
function openFigures(opened, key) {
  const name = `directory.open_${key}_ms`;
  const firstName = `directory.open_first_${key}_ms`;
  /** @type {Record<string, number | string | null>} */
  const figures = {};
  const failed = opened.later.filter((open) => open === undefined).length;
  if (failed > 0) {
    unmeasured(figures, [name], `${failed} of ${OPENS} opens never showed the first result`);
  } else {
    figures[name] = ms(median(opened.later.map((open) => /** @type {any} */ (open).ms)));
  }
  if (opened.first) figures[firstName] = ms(opened.first.ms);
  else unmeasured(figures, [firstName], 'the first open never showed the first result');
  return figures;
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

    /** @type {Record<string, number | string | null>} */
    const figures = { 'bench.cpu_throttling': CPU_THROTTLING };
    for (const size of SIZES) {
      const tail = size.suffix ? `_${size.contactsKey}` : '';
      console.error(`bench: crisis data, ${size.contacts} contacts`);
      const search = await directorySearch(page, cdp, size);
      figures[`directory.index_build_ms${tail}`] = ms(search.buildMs);
      figures[`directory.search_p95_ms${tail}`] = ms(search.p95);
      figures[`directory.linear_prepare_ms${tail}`] = ms(search.prepareMs);
      figures[`directory.linear_search_p95_ms${tail}`] = ms(search.linearP95);
      figures[`directory.search_ratio${tail}`] = ratio(search.p95 / search.linearP95);
      const imported = await directoryImport(page, cdp, size);
      figures[`directory.import_${size.contactsKey}_ms`] = ms(imported.importMs);
      figures[`directory.import_parse_${size.contactsKey}_ms`] = ms(imported.parseMs);
      figures[`directory.import_plan_${size.contactsKey}_ms`] = ms(imported.planMs);
      figures[`directory.bare_put_${size.contactsKey}_ms`] = ms(imported.putMs);
      figures[`directory.import_ratio${tail}`] = ratio(imported.importMs / imported.putMs);
      if (!size.suffix) {
        console.error(`bench: crisis kit, ${size.contacts} contacts`);
        const installed = await kitInstall(page, cdp, size);
        figures[`kit.install_${size.contactsKey}_ms`] = ms(installed.installMs);
        figures[`kit.baseline_${size.contactsKey}_ms`] = ms(installed.baselineMs);
        figures['kit.install_ratio'] = ratio(installed.installMs / installed.baselineMs);
        figures[`kit.file_${size.contactsKey}_bytes`] = installed.bytes;

        console.error(`bench: directory page, ${size.contacts} contacts`);
        const opened = await directoryOpen(page, context, server.url);
        assert.equal(opened.contacts, size.contacts);
        Object.assign(figures, openFigures(opened, size.contactsKey));
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
    figures['directory.opens'] = OPENS;
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
