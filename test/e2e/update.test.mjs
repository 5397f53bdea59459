// (b) A new release never strands a user: it waits for consent, open tabs keep working on the old
// release (even their lazy chunks, deleted from the server), accepting reloads every tab onto the
// new one, and the app still launches offline afterwards.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildApp, openControlled, pageHeading, useServedBuild } from './support.mjs';

const served = useServedBuild('update', { TOCSIN_VERSION: '1.0.0-e2e.1' });

/** The version the home page shows. */
async function shownVersion(page) {
  await pageHeading(page, 'tocsin-home-page');
  const facts = page.locator('tocsin-home-page dd').filter({ hasText: /^\d+\.\d+\.\d+/ });
  await facts.first().waitFor();
  return (await facts.first().innerText()).trim();
}

const banner = (page) => page.locator('tocsin-update-banner .banner');

test('the update flow: wait for consent, keep old tabs working, reload onto the new release', async () => {
  const context = await served.browser.newContext();
  const first = await context.newPage();
  await openControlled(first, served.server.url);
  assert.equal(await shownVersion(first), '1.0.0-e2e.1');
  // The module script index.html starts with: the entry chunk, whatever the build names it.
  const entryChunkV1 = await first.evaluate(() => {
    const entry = document.querySelector('script[type="module"]');
    return entry instanceof HTMLScriptElement ? new URL(entry.src).pathname : undefined;
  });
  assert.ok(entryChunkV1, 'the entry chunk of v1 was loaded');

  // Deploy v2 over v1: the build empties the directory, so v1's chunks are gone from the server.
  await buildApp('update', { TOCSIN_VERSION: '1.0.0-e2e.2' });
  const gone = await fetch(new URL(entryChunkV1, served.server.url));
  assert.equal(gone.status, 404, 'v1 chunks are no longer on the server');

  await first.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
  await banner(first).waitFor({ timeout: 15_000 });
  assert.match(await banner(first).innerText(), /A new version of Tocsin is ready/);
  // Nothing changes until the user says so.
  assert.equal(await shownVersion(first), '1.0.0-e2e.1');

  // A second tab opened now still runs v1, fully: a lazy page whose chunk the server lost opens.
  const second = await context.newPage();
  await second.goto(served.server.url);
  assert.equal(await shownVersion(second), '1.0.0-e2e.1');
  await banner(second).waitFor({ timeout: 10_000 });
  await second.locator('tocsin-app nav a[href="#/settings"]').click();
  assert.equal(await pageHeading(second, 'tocsin-settings-page'), 'Settings');
  await second.locator('tocsin-app nav a[href="#/room"]').click();
  assert.equal(await pageHeading(second, 'tocsin-room-page'), 'Crisis room');

  // The user accepts in the first tab: both tabs reload onto v2.
  const secondReloaded = second.waitForEvent('load', { timeout: 15_000 });
  await Promise.all([
    first.waitForEvent('load', { timeout: 15_000 }),
    banner(first).getByRole('button', { name: 'Reload now' }).click(),
  ]);
  assert.equal(await shownVersion(first), '1.0.0-e2e.2');
  await secondReloaded;
  await second.goto(served.server.url);
  assert.equal(await shownVersion(second), '1.0.0-e2e.2');
  assert.equal(await banner(first).count(), 0, 'no banner once up to date');

  // Offline launch still works on the new release.
  await served.server.kill();
  const response = await first.reload();
  assert.equal(response?.fromServiceWorker(), true);
  assert.equal(await shownVersion(first), '1.0.0-e2e.2');
  await first.locator('tocsin-app nav a[href="#/playbook"]').click();
  assert.match(await pageHeading(first, 'tocsin-playbook-page'), /playbook/i);
  await context.close();
});
