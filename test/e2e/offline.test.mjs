// (a) After one visit, Tocsin launches and every route opens with the server gone.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  builtFiles,
  openControlled,
  pageHeading,
  visitEveryRoute,
  useServedBuild,
} from './support.mjs';

const served = useServedBuild('offline');

test('the service worker precaches every file the app is built from', async () => {
  const context = await served.browser.newContext();
  const page = await context.newPage();
  await openControlled(page, served.server.url);
  const cached = await page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys())
        urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
  const expected = (await builtFiles(served.dir)).filter(
    (path) => !path.endsWith('.map') && path !== '/sw.js' && path !== '/sw.mjs',
  );
  for (const path of expected) assert.ok(cached.includes(path), `${path} is precached`);
  assert.ok(
    expected.some((path) => /livekit-client\.e2ee\.worker-.*\.js$/.test(path)),
    'the LiveKit E2EE worker is part of the build',
  );
  await context.close();
});

test('livekit-client is not part of the start-up JavaScript: only the room page loads it', async () => {
  const context = await served.browser.newContext();
  const page = await context.newPage();
  await page.goto(served.server.url);
  await pageHeading(page, 'tocsin-home-page');
  const loadedScripts = () =>
    page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.endsWith('.js')),
    );
  const atStart = await loadedScripts();
  assert.ok(atStart.length > 0);
  for (const path of atStart) {
    const code = await readFile(join(served.dir, path), 'utf8');
    // RTCPeerConnection is all over livekit-client and nowhere in Tocsin's own start-up code.
    assert.doesNotMatch(
      code,
      /RTCPeerConnection/,
      `${path}, loaded at start-up, holds no LiveKit code`,
    );
  }
  await page.locator('tocsin-app nav a[href="#/room"]').click();
  await pageHeading(page, 'tocsin-room-page');
  const roomScripts = (await loadedScripts()).filter((path) => !atStart.includes(path));
  let roomCode = '';
  for (const path of roomScripts) roomCode += await readFile(join(served.dir, path), 'utf8');
  assert.match(roomCode, /RTCPeerConnection/, 'opening the room loaded livekit-client');
  await context.close();
});

test('the tab of the first visit is taken over by the service worker: every page opens offline without a reload', async () => {
  const context = await served.browser.newContext();
  const page = await context.newPage();
  await page.goto(served.server.url);
  assert.equal(await pageHeading(page, 'tocsin-home-page'), 'Crisis cell');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 15_000,
  });

  // The network drops before the member ever reopens the app: lazy pages still load.
  await context.setOffline(true);
  const headings = await visitEveryRoute(page);
  assert.equal(Object.keys(headings).length, 6);
  await context.close();
});

test('a launch from the service worker preloads its start-up script from the header and reads it once', async () => {
  const html = await readFile(join(served.dir, 'index.html'), 'utf8');
  const entry = html.match(/<script type="module"[^>]*\bsrc="([^"]+)"/)?.[1];
  assert.ok(entry, 'index.html starts the app with a module script');
  const context = await served.browser.newContext();
  await openControlled(await context.newPage(), served.server.url);

  const page = await context.newPage();
  const warnings = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  const response = await page.goto(served.server.url);
  assert.equal(response?.fromServiceWorker(), true);
  assert.equal(response?.headers().link, `<${entry}>; rel=preload; as=script; crossorigin`);
  assert.equal(await pageHeading(page, 'tocsin-home-page'), 'Crisis cell');
  // One request for the script, made by the header's preload: the module script took its
  // response (a mismatched preload would show as a second request and a console warning).
  const requests = await page.evaluate(
    (path) =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => new URL(entry.name).pathname === path)
        .map((entry) => /** @type {PerformanceResourceTiming} */ (entry).initiatorType),
    entry,
  );
  assert.deepEqual(requests, ['link']);
  assert.deepEqual(
    warnings.filter((text) => /preload/i.test(text)),
    [],
  );
  await context.close();
});

test('with the server killed, a reload renders from the service worker and every route opens', async () => {
  const context = await served.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openControlled(page, served.server.url);
  assert.equal(await pageHeading(page, 'tocsin-home-page'), 'Crisis cell');

  await served.server.kill();
  const response = await page.reload();
  assert.ok(response, 'the reload got a response');
  assert.equal(response.status(), 200);
  assert.equal(response.fromServiceWorker(), true, 'the page came from the service worker');
  assert.equal(await pageHeading(page, 'tocsin-home-page'), 'Crisis cell');

  const headings = await visitEveryRoute(page);
  assert.deepEqual(Object.keys(headings).sort(), [
    '#/',
    '#/directory',
    '#/log',
    '#/playbook',
    '#/room',
    '#/settings',
  ]);
  // The room page loaded livekit-client's chunk from the precache and ran its support check.
  await page.locator('tocsin-app nav a[href="#/room"]').click();
  await page.locator('tocsin-room-page').getByText('end-to-end encrypted crisis room').waitFor();

  // A new tab, and a deep link the server never had, also open offline (navigation fallback).
  const second = await context.newPage();
  const deep = await second.goto(new URL('/some/deep/link#/settings', served.server.url).href);
  assert.equal(deep?.fromServiceWorker(), true);
  assert.equal(await pageHeading(second, 'tocsin-settings-page'), 'Settings');

  assert.deepEqual(errors, [], 'no uncaught error');
  await context.close();
});
