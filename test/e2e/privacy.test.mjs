// (c) Nothing leaves for a third party, and the app runs under its strict Content Security Policy
// without a single violation.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { openControlled, visitEveryRoute, useServedBuild } from './support.mjs';

// Makes requests made by the service worker itself visible to the context (microsoft/playwright#2311).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

const served = useServedBuild('privacy');

test('every route loads with no request to another origin and no CSP violation', async () => {
  const origin = new URL(served.server.url).origin;
  const context = await served.browser.newContext();
  const foreign = [];
  const seen = new Set();
  context.on('request', (request) => {
    const url = request.url();
    seen.add(url);
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  await context.addInitScript(() => {
    const violations = [];
    Object.assign(window, { cspViolations: violations });
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => consoleErrors.push(error.message));

  await openControlled(page, served.server.url);
  await visitEveryRoute(page);
  await page.locator('tocsin-app nav a[href="#/room"]').click();
  await page.locator('tocsin-room-page').getByText('end-to-end encrypted crisis room').waitFor();

  assert.deepEqual(foreign, [], 'no request to another origin');
  assert.ok(
    [...seen].some((url) => url.endsWith('/sw.js')),
    'service-worker requests were observed',
  );
  assert.deepEqual(
    await page.evaluate(() => Reflect.get(window, 'cspViolations')),
    [],
    'no CSP violation',
  );
  assert.deepEqual(consoleErrors, [], 'no console error');
  await context.close();
});

test('the policy is strict: no inline script, nothing but self, sent as header and meta', async () => {
  const response = await fetch(served.server.url);
  const header = response.headers.get('content-security-policy');
  assert.ok(header, 'the server sends a CSP header');
  for (const policy of [header, await metaPolicy()]) {
    assert.match(policy, /default-src 'none'/);
    assert.match(policy, /script-src 'self'(;|$)/);
    assert.match(policy, /connect-src 'self'(;|$)/);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|\*|https?:\/\/(?!127)/);
  }
  assert.match(header, /frame-ancestors 'none'/);
  const html = await readFile(join(served.dir, 'index.html'), 'utf8');
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script in index.html');
  assert.doesNotMatch(html, /https?:\/\//, 'index.html names no other host');
});

async function metaPolicy() {
  const html = await readFile(join(served.dir, 'index.html'), 'utf8');
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  assert.ok(match, 'index.html carries the policy as a meta tag');
  return match[1];
}

test('a long virtual list is laid out under the policy: its rows and scroll height are styled, with no violation', async () => {
  const context = await served.browser.newContext();
  const page = await context.newPage();
  const violations = [];
  page.on('console', (message) => {
    if (/Content Security Policy/.test(message.text())) violations.push(message.text());
  });
  // The directory page defines the list; 500 rows of 40 px make a 20,000 px scroll height.
  await page.goto(`${served.server.url}#/directory`);
  await page.waitForFunction(() => customElements.get('tocsin-virtual-list') !== undefined);
  const layout = await page.evaluate(async () => {
    const list = /** @type {any} */ (document.createElement('tocsin-virtual-list'));
    list.items = Array.from({ length: 500 }, (_, index) => index);
    list.rowHeight = 40;
    list.label = 'Rows';
    list.style.height = '300px';
    document.body.append(list);
    await list.updateComplete;
    const row = list.querySelector('li');
    return { scrollHeight: list.scrollHeight, rowHeight: row.getBoundingClientRect().height };
  });
  assert.deepEqual(layout, { scrollHeight: 20_000, rowHeight: 40 });
  assert.deepEqual(violations, []);
  await context.close();
});
