// The crisis kit from the administrator's command to a member's phone: `tocsin-kit keygen` and
// `build` make real kits, the member opens the enrollment link in Chromium, checks the fingerprint
// and installs; the kit's directory and playbook are shown, also after an offline relaunch; an
// older kit, an undecryptable one and one altered by someone holding its key are refused with their
// own messages; a newer kit updates.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import {
  buildApp,
  launchBrowser,
  pageHeading,
  projectRoot,
  removeBuild,
  startServer,
} from './support.mjs';

const run = promisify(execFile);
const BIN = join(projectRoot, 'src/cli/bin.mjs');
const CONTACTS = join(projectRoot, 'test/cli/fixtures/cell.csv');
const MEMBER = 'helene-lefevre';
const ORGANISATION = 'Mairie de Saint-Étienne';

const PLAYBOOK = {
  id: 'plan-saint-etienne',
  title: { fr: 'Plan de crise cyber de Saint-Étienne', en: 'Saint-Étienne cyber crisis plan' },
  version: 1,
  updated: '2026-11-01',
  items: [
    {
      id: 'p1.dec.01',
      phase: 'p1-alert',
      role: 'decideur',
      level: 'strategic',
      order: 1,
      text: { fr: 'Réunir la cellule de crise en mairie annexe.', en: 'Convene the cell.' },
      source: 'ANSSI',
    },
  ],
};

/** @type {{ dir: string, keys: string, server: any, browser: any, port: number, fingerprint: string }} */
const state = {
  dir: '',
  keys: '',
  server: undefined,
  browser: undefined,
  port: 0,
  fingerprint: '',
};

/**
 * Runs tocsin-kit and returns its standard output.
 * @param {string[]} args
 */
async function tocsinKit(...args) {
  const { stdout } = await run(process.execPath, [BIN, ...args], {
    cwd: projectRoot,
    env: { ...process.env, LIVEKIT_API_SECRET: 'e2e-secret-of-at-least-thirty-two-characters' },
  });
  return stdout;
}

/**
 * Builds the next version of the kits into `<app>/kits-<name>/`, served by the app's own server.
 * @param {string} name
 */
async function buildKits(name) {
  await tocsinKit(
    'build',
    ...['--key', join(state.keys, 'org.key'), '--contacts', CONTACTS],
    ...['--playbook', join(state.keys, 'plan.json')],
    ...['--livekit-url', 'ws://127.0.0.1:7880', '--api-key', 'e2e-key'],
    ...[
      '--app-url',
      state.server.url.replace(/\/$/, ''),
      '--kits-url',
      `${state.server.url}kits-${name}/`,
    ],
    ...['--out', join(state.dir, `kits-${name}`)],
  );
  return (await readFile(join(state.dir, `kits-${name}`, `${MEMBER}.link.txt`), 'utf8')).trim();
}

before(async () => {
  state.dir = await buildApp('kit');
  state.keys = await mkdtemp(join(tmpdir(), 'tocsin-e2e-keys-'));
  state.server = await startServer(state.dir);
  state.port = Number(new URL(state.server.url).port);
  state.browser = await launchBrowser();
  const keygen = await tocsinKit(
    'keygen',
    '--org-name',
    ORGANISATION,
    '--out',
    join(state.keys, 'org.key'),
  );
  state.fingerprint = /([0-9A-F]{4}(?: [0-9A-F]{4}){7})/.exec(keygen)?.[1] ?? '';
  assert.notEqual(state.fingerprint, '', keygen);
  await writeFile(join(state.keys, 'plan.json'), JSON.stringify(PLAYBOOK));
});

after(async () => {
  await state.browser?.close();
  await state.server?.kill();
  await removeBuild(state.dir);
  await rm(state.keys, { recursive: true, force: true });
});

/**
 * A copy of a kit file altered by someone who holds its key: decrypted, one byte of the room section
 * changed, encrypted again. Only the organisation's signature can tell.
 * @param {Buffer} file
 * @param {string} kitKey
 */
async function alteredWithKey(file, kitKey) {
  const key = await crypto.subtle.importKey(
    'raw',
    Buffer.from(kitKey, 'base64url'),
    'AES-GCM',
    false,
    ['encrypt', 'decrypt'],
  );
  // Plain Uint8Array copies: WebCrypto's types do not take Node's Buffer views.
  const magic = new Uint8Array(file.subarray(0, 8));
  const iv = new Uint8Array(file.subarray(8, 20));
  const plain = Buffer.from(
    await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv, additionalData: magic },
      key,
      new Uint8Array(file.subarray(20)),
    ),
  );
  const at = plain.indexOf('"roomName":"cellule-de-crise"') + '"roomName":"cellule-de-cris'.length;
  assert.ok(at > 30);
  plain[at] = 'f'.charCodeAt(0);
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: magic },
    key,
    new Uint8Array(plain),
  );
  return Buffer.concat([magic, iv, Buffer.from(sealed)]);
}

/**
 * Opens an enrollment link and waits for the enrollment page to say what it found.
 * @param {import('playwright-core').Page} page
 * @param {string} link
 */
async function openLink(page, link) {
  await page.goto(link);
  await pageHeading(page, 'tocsin-enroll-page');
  assert.ok(!page.url().includes('k='), `the key stays in the address bar: ${page.url()}`);
}

test('enroll by link, use the kit offline, refuse older and altered kits, then update', async () => {
  const v1 = await buildKits('v1');
  const v2 = await buildKits('v2');
  const v3 = await buildKits('v3');
  const context = await state.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));

  // First enrollment with v2: the organisation and its fingerprint, compared before installing.
  await openLink(page, v2);
  await page.getByText(ORGANISATION).first().waitFor();
  await page.getByText(state.fingerprint).waitFor();
  await page.getByRole('button', { name: 'It matches — install' }).click();
  await page.getByText('Crisis kit installed').waitFor();

  // The directory and the playbook are the kit's, marked as signed.
  await page.goto(new URL('#/directory', state.server.url).href);
  await pageHeading(page, 'tocsin-directory-page');
  await page.getByText('6 contacts').first().waitFor();
  await page.getByText('Hélène Lefèvre').first().waitFor();
  await page.goto(new URL('#/playbook', state.server.url).href);
  await page.getByText('Saint-Étienne cyber crisis plan').first().waitFor();

  // Offline relaunch: the server is gone, the service worker serves the app, the data is there.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await state.server.kill();
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.goto(new URL('#/directory', state.server.url).href);
  await page.getByText('Hélène Lefèvre').first().waitFor();
  await page.goto(new URL('#/', state.server.url).href);
  await page.getByText(state.fingerprint).waitFor();

  // Back online on the same origin.
  state.server = await startServer(state.dir, state.port);

  // An older kit.
  await openLink(page, v1);
  await page.getByText('This kit is older than the one installed on this device').waitFor();

  // A kit file damaged in transit (one flipped bit): it does not decrypt.
  const v3Url = new URL(new URLSearchParams(new URL(v3).hash.split('?')[1]).get('kit') ?? '');
  const v3Key = new URLSearchParams(new URL(v3).hash.split('?')[1]).get('k') ?? '';
  const v3File = await readFile(join(state.dir, `kits-v3`, `${MEMBER}.tocsin`));
  const flipped = Buffer.from(v3File);
  flipped[flipped.length - 40] ^= 0x01;
  await writeFile(join(state.dir, 'kits-v3', 'flipped.tocsin'), flipped);
  const flippedLink = v3.replace(
    encodeURIComponent(v3Url.href),
    encodeURIComponent(`${state.server.url}kits-v3/flipped.tocsin`),
  );
  await openLink(page, flippedLink);
  await page.getByText('The kit could not be opened with this key').waitFor();

  // A kit changed by someone holding its key: decrypts, but the signature does not cover it.
  await writeFile(
    join(state.dir, 'kits-v3', 'altered.tocsin'),
    await alteredWithKey(v3File, v3Key),
  );
  const alteredLink = v3.replace(
    encodeURIComponent(v3Url.href),
    encodeURIComponent(`${state.server.url}kits-v3/altered.tocsin`),
  );
  await openLink(page, alteredLink);
  await page.getByText('Part of this kit does not match what the organisation signed').waitFor();

  // The installed kit is still v2, still verified.
  await page.goto(new URL('#/settings', state.server.url).href);
  await pageHeading(page, 'tocsin-settings-page');

  // The newer kit updates.
  await openLink(page, v3);
  await page.getByRole('button', { name: 'Install the update' }).click();
  await page.getByText('Crisis kit installed').waitFor();
  const installed = await page.evaluate(async () => {
    const request = indexedDB.open('tocsin');
    const db = await new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = /** @type {IDBDatabase} */ (db).transaction('kit');
    const get = tx.objectStore('kit').get('current');
    return new Promise((resolve) => {
      get.onsuccess = () => resolve(get.result);
    });
  });
  assert.equal(/** @type {any} */ (installed).version, 3);
  assert.equal(/** @type {any} */ (installed).member.id, MEMBER);
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * Imports a CSV through the directory's import dialog and waits for its preview.
 * @param {import('playwright-core').Page} page
 * @param {string} csv
 */
async function chooseCsv(page, csv) {
  await page.goto(new URL('#/directory', state.server.url).href);
  await pageHeading(page, 'tocsin-directory-page');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('tocsin-directory-import input[type="file"]').setInputFiles({
    name: 'annuaire.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  return page.locator('tocsin-directory-import dialog[open]');
}

test('a hostile directory file after enrollment: bad values refused by line, the signed mayor never doubled, a local contact merged', async () => {
  const link = await buildKits('import');
  const context = await state.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openLink(page, link);
  await page.getByRole('button', { name: 'It matches — install' }).click();
  await page.getByText('Crisis kit installed').waitFor();

  // The tester's file: the signed mayor again (other case, other number), a number that is a
  // script, a 5,000-character name, and one new person.
  const hostile = [
    'Display name,Mobile,Organisation',
    'HÉLÈNE LEFÈVRE,06 11 22 33 44,Mairie',
    'Pirate,javascript:alert(1),',
    `${'A'.repeat(5000)},06 22 33 44 55,`,
    'Paul Martin,06 33 44 55 66,Voirie',
  ].join('\n');
  let dialog = await chooseCsv(page, hostile);
  await dialog.getByText('Already in the crisis kit (signed) — not imported').waitFor();
  await dialog
    .getByText(/Line 3: the number “javascript:alert\(1\)” \(\w+\) is not a valid/)
    .waitFor();
  await dialog.getByText(/Line 4: .*200 characters/).waitFor();
  await dialog.getByRole('button', { name: 'Import 1 contact' }).click();
  await page.getByText('1 contact added').waitFor();

  // One Hélène, the signed one; Paul's number dials in E.164; nothing dials "1".
  const search = page.locator('tocsin-directory-page input[type="search"]');
  await search.fill('Hélène');
  await page.getByText('1 of 7 contacts').waitFor();
  const links = await page.evaluate(() => {
    /** @param {Document | ShadowRoot} root @returns {string[]} */
    const hrefs = (root) =>
      [...root.querySelectorAll('*')].flatMap((element) => [
        ...(element instanceof HTMLAnchorElement ? [element.href] : []),
        ...(element.shadowRoot ? hrefs(element.shadowRoot) : []),
      ]);
    return hrefs(document);
  });
  assert.ok(!links.some((href) => /^(tel|sms):1\b|javascript:/.test(href)), links.join('\n'));

  // The same person again with an email: a contact of this device, merged into it by default.
  dialog = await chooseCsv(
    page,
    'Display name,Mobile,Emails\npaul martin,06 33 44 55 66,paul@example.org',
  );
  await dialog.getByText('Matches a contact of this device').waitFor();
  await dialog.getByRole('button', { name: 'Merge 1 contact' }).click();
  await page.getByText('0 contacts added, 1 merged, 0 skipped.').waitFor();
  await search.fill('Paul Martin');
  await page.getByText('1 of 7 contacts').waitFor();
  const stored = await page.evaluate(async () => {
    const request = indexedDB.open('tocsin');
    const db = /** @type {IDBDatabase} */ (
      await new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      })
    );
    const get = db.transaction('contacts').objectStore('contacts').getAll();
    return new Promise((resolve) => {
      get.onsuccess = () => resolve(get.result);
    });
  });
  const contacts = /** @type {any[]} */ (stored);
  assert.equal(contacts.filter((c) => /lef[eè]vre/i.test(c.displayName)).length, 1);
  const paul = contacts.filter((c) => c.displayName === 'Paul Martin');
  assert.equal(paul.length, 1);
  assert.deepEqual(paul[0].phones, [{ kind: 'mobile', number: '+33633445566' }]);
  assert.deepEqual(paul[0].emails, ['paul@example.org']);
  assert.equal(contacts.length, 7, 'the kit’s six contacts and Paul');
  assert.deepEqual(errors, []);
  await context.close();
});
