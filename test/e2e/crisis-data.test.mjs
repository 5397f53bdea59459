// The crisis cell's own data works with the server gone: directory (add, import, search, card),
// main courante (open a crisis, write, correct, reload and verify) and playbook (tick → logged).
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openControlled, pageHeading, startServer, useServedBuild } from './support.mjs';

const served = useServedBuild('crisis-data');

const CSV = [
  'First Name;Last Name;Company;Department;Mobile Phone;Categories',
  'Éloïse;de La Fontaine;Mairie de Saint-Martin;DGS;06 12 34 56 78;Cellule de crise',
  'Paul;Durand;Prestataire Infogérance;Support;+33 7 81 00 00 01;',
  ';;Sans nom;;01 00 00 00 00;',
].join('\r\n');

test('offline: directory, main courante and playbook all work with the server killed', async () => {
  const context = await served.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openControlled(page, served.server.url);
  await served.server.kill();

  // Directory: import a French Excel CSV, see the refused line, then search and open a card.
  await page.goto(new URL('#/directory', served.server.url).href);
  await pageHeading(page, 'tocsin-directory-page');
  await page.getByRole('button', { name: 'Import' }).click();
  await page.locator('tocsin-directory-import input[type="file"]').setInputFiles({
    name: 'annuaire.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV, 'utf8'),
  });
  await page.getByText('2 contacts ready to import from annuaire.csv.').waitFor();
  await page.getByText('Line 4: no name.').waitFor();
  await page.getByRole('button', { name: 'Import 2 contacts' }).click();
  await page.getByText('2 contacts added.').waitFor();

  await page.getByLabel('Search the directory').fill('eloise font');
  await page.getByText('1 of 2 contacts').waitFor();
  await page.locator('tocsin-virtual-list a.open').first().click();
  assert.equal(await page.locator('tocsin-contact-card h1').innerText(), 'Éloïse de La Fontaine');
  const call = page.getByRole('link', { name: 'Call 06 12 34 56 78' });
  assert.equal(await call.getAttribute('href'), 'tel:+33612345678');

  // Add a contact by hand.
  await page.goto(new URL('#/directory?new', served.server.url).href);
  await page.getByLabel('Given name').fill('Claire');
  await page.getByLabel('Family name').fill('Martin');
  await page.getByLabel('Number', { exact: true }).fill('06 99 99 99 99');
  await page.getByLabel('Member of the crisis cell').check();
  await page.getByRole('button', { name: 'Save' }).click();
  assert.equal(await page.locator('tocsin-contact-card h1').innerText(), 'Claire Martin');

  // Alert the cell: one SMS link to both cell members.
  await page.goto(new URL('#/directory', served.server.url).href);
  await page.getByRole('button', { name: 'Alert the cell' }).click();
  const sms = await page.getByRole('link', { name: 'Open the messages app' }).getAttribute('href');
  // Recipients in directory order: Claire Martin, then Éloïse de La Fontaine.
  assert.match(sms, /^sms:\+33699999999;\+33612345678\?body=TOCSIN/);
  await page.getByRole('button', { name: 'Close' }).click();

  // Main courante: open a crisis, write an entry, correct it.
  await page.goto(new URL('#/log', served.server.url).href);
  await page.getByLabel('Name of the crisis').fill('Rançongiciel à la mairie');
  await page.getByLabel('Your name').fill('Claire Martin');
  await page.getByRole('button', { name: 'Open a crisis' }).click();
  await page.locator('tocsin-log-page h1', { hasText: 'Rançongiciel à la mairie' }).waitFor();
  await page.getByLabel('What happened').fill('Serveur de fichiers chiffré.');
  await page.getByRole('button', { name: 'Save to the log' }).click();
  await page.getByText('Saved to the log.').waitFor();
  await page.locator('tocsin-virtual-list').getByText('Serveur de fichiers chiffré.').waitFor();

  // Playbook: tick the first item; the tick is logged.
  await page.goto(new URL('#/playbook', served.server.url).href);
  await pageHeading(page, 'tocsin-playbook-page');
  const first = page.locator('tocsin-playbook-page input[type="checkbox"]').first();
  await first.check();
  await page
    .locator('tocsin-playbook-page h2.phase span', { hasText: /^\(1\/\d+\)$/ })
    .first()
    .waitFor();

  // Reload offline: everything is still there and the log's chain verifies.
  const response = await page.reload();
  assert.equal(response?.fromServiceWorker(), true);
  await page.goto(new URL('#/log', served.server.url).href);
  await page
    .locator('tocsin-virtual-list')
    .getByText(/^Done: /)
    .waitFor();
  assert.equal(await page.locator('tocsin-log-page .tamper').count(), 0);
  assert.match(await page.locator('tocsin-log-page p.muted').first().innerText(), /· 3 entries$/);

  // Quick entry from the home page.
  await page.goto(served.server.url);
  await pageHeading(page, 'tocsin-home-page');
  await page.getByRole('button', { name: '+ Log' }).click();
  await page
    .locator('tocsin-quick-entry')
    .getByLabel('What happened')
    .fill('Point de situation à 14 h.');
  await page.locator('tocsin-quick-entry').getByRole('button', { name: 'Save to the log' }).click();
  await page.locator('tocsin-quick-entry').getByText('Saved to the log.').waitFor();
  await page.keyboard.press('Escape');

  // "Log a call" from a contact card: the entry starts with the contact and links to it.
  await page.goto(new URL('#/directory', served.server.url).href);
  await page.getByLabel('Search the directory').fill('eloise');
  await page.locator('tocsin-virtual-list a.open').first().click();
  await page.getByRole('button', { name: 'Log a call' }).click();
  const text = page.locator('tocsin-quick-entry').getByLabel('What happened');
  await page.waitForFunction(
    () =>
      document
        .querySelector('tocsin-app')
        ?.shadowRoot?.querySelector('tocsin-quick-entry')
        ?.shadowRoot?.querySelector('tocsin-entry-form')
        ?.shadowRoot?.querySelector('textarea')?.value !== '',
  );
  assert.equal(await text.inputValue(), 'Call with Éloïse de La Fontaine: ');
  await text.press('End');
  await text.pressSequentially('rappel à 15 h.');
  await page.locator('tocsin-quick-entry').getByRole('button', { name: 'Save to the log' }).click();
  await page.locator('tocsin-quick-entry').getByText('Saved to the log.').waitFor();
  const linked = await page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('tocsin');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const entries = await new Promise((resolve) => {
      const request = db.transaction('logEntries').objectStore('logEntries').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return entries.find((entry) => entry.text.endsWith('rappel à 15 h.'));
  });
  assert.equal(linked.kind, 'communication_out');
  assert.equal(linked.refs.contactIds.length, 1);

  assert.deepEqual(errors, []);
  await context.close();
});

test('a backup saved on one device restores on another, and the paper kit lists the cell first', async () => {
  const serving = await startServer(served.dir);
  try {
    const first = await served.browser.newContext();
    const page = await first.newPage();
    await page.goto(serving.url + '#/settings');
    await page.getByLabel('Your name').fill('Paul Durand');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.goto(serving.url + '#/log');
    await page.getByLabel('Name of the crisis').fill('Panne de messagerie');
    await page.getByRole('button', { name: 'Open a crisis' }).click();
    await page.locator('tocsin-log-page h1', { hasText: 'Panne de messagerie' }).waitFor();
    await page.getByLabel('What happened').fill('Décision : basculer sur les mobiles.');
    await page.getByRole('button', { name: 'Save to the log' }).click();
    await page.getByText('Saved to the log.').waitFor();

    await page.goto(serving.url + '#/directory');
    await page.getByRole('button', { name: 'Import' }).click();
    await page.locator('tocsin-directory-import input[type="file"]').setInputFiles({
      name: 'annuaire.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV, 'utf8'),
    });
    await page.getByRole('button', { name: 'Import 2 contacts' }).click();
    await page.getByText('2 contacts added.').waitFor();
    await page.goto(serving.url + '#/directory?view=paper');
    const cellTable = page.locator('tocsin-paper-kit table').first();
    await cellTable.waitFor();
    const cellText = await cellTable.innerText();
    assert.match(cellText, /Éloïse de La Fontaine/);
    assert.doesNotMatch(cellText, /Paul Durand/, 'only cell members in the first table');

    await page.goto(serving.url + '#/settings');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save a backup' }).click(),
    ]);
    // Keep the file: a context's downloads are deleted when it closes.
    const backupPath = join(
      await mkdtemp(join(tmpdir(), 'tocsin-backup-')),
      download.suggestedFilename(),
    );
    await download.saveAs(backupPath);
    assert.match(download.suggestedFilename(), /^tocsin-sauvegarde-\d{4}-\d{2}-\d{2}\.json$/);
    await first.close();

    const second = await served.browser.newContext();
    const other = await second.newPage();
    other.on('dialog', (dialog) => dialog.accept());
    await other.goto(serving.url + '#/settings');
    await other
      .locator('tocsin-settings-page #restore input[type="file"]')
      .setInputFiles(backupPath);
    await other.getByText(/Restored: \d+ records added/).waitFor();
    await other.goto(serving.url + '#/log');
    await other.locator('tocsin-log-page h1', { hasText: 'Panne de messagerie' }).waitFor();
    await other
      .locator('tocsin-virtual-list')
      .getByText('Décision : basculer sur les mobiles.')
      .waitFor();
    assert.equal(await other.locator('tocsin-log-page .tamper').count(), 0);
    await second.close();
  } finally {
    await serving.kill();
  }
});
