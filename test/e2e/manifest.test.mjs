// (d) Installable on a phone home screen: a valid manifest whose icons load at their stated sizes,
// the iOS tags, and Chromium's own installability check passing.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../support/chromium.mjs';
import { test } from 'node:test';
import { openControlled, useServedBuild } from './support.mjs';

const served = useServedBuild('manifest');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG file');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('the manifest has every field a home-screen install needs, and its icons load', async () => {
  const page = await (await served.browser.newContext()).newPage();
  await page.goto(served.server.url);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  assert.equal(await page.locator('link[rel="manifest"]').count(), 1, 'exactly one manifest link');
  const response = await fetch(new URL(href ?? '', served.server.url));
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /application\/manifest\+json/);
  const manifest = await response.json();

  assert.equal(manifest.name, 'Tocsin');
  assert.ok(manifest.short_name && manifest.short_name.length <= 12);
  assert.equal(manifest.start_url, '/');
  assert.equal(manifest.scope, '/');
  assert.equal(manifest.display, 'standalone');
  assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/i);
  assert.match(manifest.background_color, /^#[0-9a-f]{6}$/i);
  assert.ok(manifest.lang);

  const find = (predicate, what) => {
    const icon = manifest.icons.find(predicate);
    assert.ok(icon, what);
    return icon;
  };
  const required = [
    find(
      (i) => i.sizes === '192x192' && i.type === 'image/png' && /any/.test(i.purpose ?? 'any'),
      '192 px PNG',
    ),
    find(
      (i) => i.sizes === '512x512' && i.type === 'image/png' && /any/.test(i.purpose ?? 'any'),
      '512 px PNG',
    ),
    find((i) => /maskable/.test(i.purpose ?? ''), 'a maskable icon'),
  ];
  find((i) => i.type === 'image/svg+xml', 'an SVG icon');
  for (const icon of manifest.icons) {
    const image = await fetch(new URL(icon.src, served.server.url));
    assert.equal(image.status, 200, `${icon.src} loads`);
    assert.equal(image.headers.get('content-type'), icon.type, `${icon.src} has its stated type`);
    const bytes = Buffer.from(await image.arrayBuffer());
    if (required.includes(icon)) {
      const [width, height] = icon.sizes.split('x').map(Number);
      assert.deepEqual(pngSize(bytes), { width, height }, `${icon.src} is ${icon.sizes}`);
    }
  }

  // iOS reads these instead of the manifest.
  const touchIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  const touch = Buffer.from(
    await (await fetch(new URL(touchIcon ?? '', served.server.url))).arrayBuffer(),
  );
  assert.deepEqual(pngSize(touch), { width: 180, height: 180 });
  assert.equal(
    await page.locator('meta[name="apple-mobile-web-app-capable"]').getAttribute('content'),
    'yes',
  );
  assert.equal(
    await page.locator('meta[name="apple-mobile-web-app-title"]').getAttribute('content'),
    'Tocsin',
  );
  assert.ok(await page.locator('meta[name="theme-color"]').getAttribute('content'));
});

test('Chromium finds the app installable', async () => {
  // A persistent profile: Chromium never offers to install from an incognito-like context.
  const profile = await mkdtemp(join(tmpdir(), 'tocsin-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });
  const page = await context.newPage();
  await openControlled(page, served.server.url);
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, [], 'no installability error');
  const { errors: manifestErrors } = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifestErrors, [], 'the manifest parses without error');
  await context.close();
  await rm(profile, { recursive: true, force: true });
});
