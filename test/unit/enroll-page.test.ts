import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setLocale } from '../../src/app/i18n/i18n.js';
import type { AppServices } from '../../src/app/services.js';
import { CURRENT_KIT_KEY, STORE } from '../../src/db/schema.js';
import { captureEnrollmentLink } from '../../src/features/kit/enrollment-link.js';
import { MAX_KIT_BYTES } from '../../src/domain/kit.js';
import { kitEn } from '../../src/features/kit/kit.en.js';
import { kitFr } from '../../src/features/kit/kit.fr.js';
import type { TocsinEnrollPage } from '../../src/features/kit/tocsin-enroll-page.js';
import '../../src/features/kit/tocsin-enroll-page.js';
import { makeOrganisation, makeTestKit, type TestKit } from '../fixtures/kit.js';
import { cleanUpTestServices, createTestServices, shadowText, waitFor } from './helpers.js';

const DAY = 24 * 60 * 60 * 1000;

async function renderEnroll(services: AppServices = createTestServices()) {
  const page = document.createElement('tocsin-enroll-page');
  page.services = services;
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.append(page);
  await page.updateComplete;
  return page;
}

function root(page: TocsinEnrollPage): ShadowRoot {
  return page.shadowRoot!;
}

/** The confirmation step's element, which draws that step in a shadow root of its own. */
function confirmation(page: TocsinEnrollPage) {
  return root(page).querySelector('tocsin-kit-confirmation');
}

/** The page's shadow root, and the confirmation's while that step shows. */
function roots(page: TocsinEnrollPage): ShadowRoot[] {
  const inner = confirmation(page)?.shadowRoot;
  return inner ? [root(page), inner] : [root(page)];
}

/** The page's text, the confirmation's included, whitespace collapsed. */
function pageText(page: TocsinEnrollPage): string {
  const inner = confirmation(page);
  return inner ? `${shadowText(page)} ${shadowText(inner)}` : shadowText(page);
}

/** Waits until the page shows `text`, then for its render to settle. */
async function waitForText(page: TocsinEnrollPage, text: string, timeoutMs = 5000) {
  await waitFor(() => pageText(page).includes(text), `“${text}” on the page`, timeoutMs);
  await page.updateComplete;
}

function button(page: TocsinEnrollPage, label: string): HTMLElement {
  const found = roots(page)
    .flatMap((r) => [...r.querySelectorAll<HTMLElement>('button, a.button')])
    .find((b) => b.textContent!.replace(/\s+/g, ' ').trim().includes(label));
  if (!found) throw new Error(`No button “${label}” in: ${pageText(page)}`);
  return found;
}

async function click(page: TocsinEnrollPage, label: string) {
  button(page, label).click();
  await page.updateComplete;
}

/** Chooses a file with the page's own file button, as the picker would hand it over. */
async function chooseFile(page: TocsinEnrollPage, bytes: Uint8Array, name = 'marie.tocsin') {
  const picker = root(page).querySelector('tocsin-file-button')!;
  picker.dispatchEvent(
    new CustomEvent('file-picked', {
      detail: new File([bytes as Uint8Array<ArrayBuffer>], name),
      bubbles: true,
      composed: true,
    }),
  );
  await page.updateComplete;
  await waitFor(() => !root(page).querySelector('progress'), 'the file to be read');
  await page.updateComplete;
}

/** Opens the paste field, types `text` and submits it. */
async function pasteKey(page: TocsinEnrollPage, text: string, pasteLabel = 'Paste the link') {
  await click(page, pasteLabel);
  const input = root(page).querySelector<HTMLInputElement>('#key-input')!;
  expect(root(page).activeElement, 'the field takes focus').to.equal(input);
  input.value = text;
  input.dispatchEvent(new Event('input'));
  root(page).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await page.updateComplete;
}

/** Whether the first step shows, with its file button. */
function showsFileChoice(page: TocsinEnrollPage): boolean {
  return root(page).querySelector('tocsin-file-button')?.label === 'Choose the kit file';
}

function focusedId(page: TocsinEnrollPage): string | undefined {
  const active = root(page).activeElement;
  const inner = confirmation(page);
  return (active && active === inner ? inner.shadowRoot?.activeElement : active)?.id;
}

/** The installed kit's summary, read from the database. */
async function installedSummary(services: AppServices) {
  return (await services.database.db()).get(STORE.kit, CURRENT_KIT_KEY);
}

async function installDirectly(services: AppServices, kit: TestKit) {
  await services.crisisKit.install(await services.crisisKit.prepare(kit.file, kit.kitKey));
}

/** Replaces window.fetch for one test: the network boundary, nothing of the kit code. */
function stubFetch(respond: (url: string) => Response) {
  const seen: { url: string; init: RequestInit | undefined }[] = [];
  const original = window.fetch;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({ url: String(input), init });
    return respond(String(input));
  };
  return { seen, restore: () => (window.fetch = original) };
}

/** Hands the page an enrollment link the way main.ts does when the app opens on one. */
function openEnrollmentLink(query: string) {
  captureEnrollmentLink({
    hash: `#/enroll?${query}`,
    pathname: location.pathname,
    search: location.search,
  } as Location);
}

/** The key must never be in the page, in any text or attribute. */
function expectKeyNowhere(page: TocsinEnrollPage, key: string) {
  for (const shadow of roots(page)) {
    expect(shadow.innerHTML).not.to.include(key);
    for (const input of shadow.querySelectorAll('input')) expect(input.value).to.equal('');
  }
}

describe('enrollment page', () => {
  afterEach(cleanUpTestServices);

  it('file + pasted key → fingerprint check → installs on “It matches”', async () => {
    const services = createTestServices();
    const kit = await makeTestKit({ contacts: 9, roomName: 'cellule-mairie' });
    const page = await renderEnroll(services);
    expect(showsFileChoice(page)).to.equal(true);

    await chooseFile(page, kit.file);
    await waitForText(page, 'Enter the kit key');
    expect(focusedId(page)).to.equal('step-title');
    expect(shadowText(page)).to.include('never sends it anywhere');
    expect(shadowText(page)).to.include('marie.tocsin');

    await pasteKey(page, `  ${kit.kitKey}\n`, 'Paste the link or key');
    await waitForText(page, 'Check the organisation');
    expect(focusedId(page)).to.equal('step-title');
    expect(pageText(page)).to.include(kit.organisation.organisation.name);
    const fingerprint = confirmation(page)!.shadowRoot!.querySelectorAll('.fingerprint span');
    const groups = [...fingerprint].map((s) => s.textContent);
    expect(groups).to.have.length(8);
    expect(groups.join(' ')).to.equal(kit.organisation.fingerprint);
    expect(pageText(page)).to.include('Compare this fingerprint with the one printed');
    expect(pageText(page)).to.include(kit.content.member.displayName);
    expect(pageText(page)).to.include('9 contacts');
    expect(pageText(page)).to.include(`${kit.content.playbook.items.length} actions`);
    expect(pageText(page)).to.include('cellule-mairie');
    expectKeyNowhere(page, kit.kitKey);
    expect(await installedSummary(services), 'nothing installed before consent').to.equal(
      undefined,
    );

    await click(page, 'It matches — install');
    await waitForText(page, 'Crisis kit installed');
    expect(focusedId(page)).to.equal('step-title');
    expect(root(page).querySelector('a[href="#/directory"]')).to.exist;
    expect(root(page).querySelector('a[href="#/"]')).to.exist;
    const contacts = await services.directory.list();
    expect(contacts.filter((contact) => contact.origin === 'kit')).to.have.length(9);
    expect((await installedSummary(services))?.organisation.fingerprint).to.equal(
      kit.organisation.fingerprint,
    );
    // Asked once installed, without holding up the installed step: its answer arrives after it.
    await waitUntil(() => services.storage.status.value, 'persistence was asked for');
    expectKeyNowhere(page, kit.kitKey);
  });

  it('installs nothing when the fingerprint does not match', async () => {
    const services = createTestServices();
    const kit = await makeTestKit();
    const page = await renderEnroll(services);
    await chooseFile(page, kit.file);
    await pasteKey(page, kit.kitKey, 'Paste the link or key');
    await waitForText(page, 'Check the organisation');
    await click(page, 'It does not match — cancel');
    await waitForText(page, 'Do not install this kit');
    expect(root(page).querySelector('[role="alert"]')).to.exist;
    expect(shadowText(page)).to.include('Call your crisis administrator');
    expect(shadowText(page)).to.include('Nothing was written on this device');
    expect(focusedId(page)).to.equal('step-title');
    expect(await installedSummary(services)).to.equal(undefined);
    expect(await services.directory.list()).to.have.length(0);
    await click(page, 'Start again');
    expect(showsFileChoice(page)).to.equal(true);
  });

  it('takes the whole enrollment link pasted after the file', async () => {
    const kit = await makeTestKit();
    const page = await renderEnroll();
    await chooseFile(page, kit.file);
    await pasteKey(
      page,
      `https://tocsin.example/#/enroll?kit=/kits/marie.tocsin&k=${kit.kitKey}`,
      'Paste the link or key',
    );
    await waitForText(page, 'Check the organisation');
  });

  it('says plainly what it cannot use as a key', async () => {
    const kit = await makeTestKit();
    const page = await renderEnroll();
    await chooseFile(page, kit.file);
    await pasteKey(page, '', 'Paste the link or key');
    expect(root(page).querySelector('#key-error')?.textContent).to.include('Paste the link');
    const input = root(page).querySelector('#key-input')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.include('key-error');

    root(page).querySelector<HTMLInputElement>('#key-input')!.value = 'not a key';
    root(page).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await page.updateComplete;
    expect(root(page).querySelector('#key-error')?.textContent).to.include(
      'neither an enrollment link nor a kit key',
    );

    root(page).querySelector<HTMLInputElement>('#key-input')!.value =
      'https://tocsin.example/#/enroll?kit=/kits/marie.tocsin';
    root(page).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await page.updateComplete;
    expect(root(page).querySelector('#key-error')?.textContent).to.include('no kit key');
  });

  it('refuses a wrong key, installs nothing, and lets the key be entered again', async () => {
    const services = createTestServices();
    const kit = await makeTestKit();
    const other = await makeTestKit({ version: 2 });
    const page = await renderEnroll(services);
    await chooseFile(page, kit.file);
    await pasteKey(page, other.kitKey, 'Paste the link or key');
    await waitForText(page, 'could not be opened with this key');
    const alert = root(page).querySelector('[role="alert"]')!;
    expect(alert.textContent).to.include('scan the QR code again');
    expect(alert.textContent).to.include('incomplete');
    expect(alert.textContent).to.include('data already on this device is unchanged');
    expect(focusedId(page)).to.equal('step-title');
    expect(await installedSummary(services)).to.equal(undefined);

    await click(page, 'Enter the key again');
    await waitForText(page, 'Enter the kit key');
    await pasteKey(page, kit.kitKey, 'Paste the link or key');
    await waitForText(page, 'Check the organisation');
  });

  it('refuses a file that is too large without reading it, and one that is not a kit', async () => {
    const page = await renderEnroll();
    const big = new File([new Uint8Array(16)], 'big.tocsin');
    Object.defineProperty(big, 'size', { value: MAX_KIT_BYTES + 1 });
    let read = 0;
    Object.defineProperty(big, 'arrayBuffer', {
      value: () => {
        read++;
        return Promise.resolve(new ArrayBuffer(16));
      },
    });
    await page.readFile(big);
    await waitForText(page, 'larger than a crisis kit can be');
    expect(read).to.equal(0);

    await click(page, 'Try another file');
    await chooseFile(page, new TextEncoder().encode('Nom;Téléphone\nDupont;0601020304'));
    await pasteKey(page, 'A'.repeat(43), 'Paste the link or key');
    await waitForText(page, 'not a Tocsin crisis kit');
  });

  it('shows its own message for an older, equivocating, expired, future or foreign kit, and keeps the installed one', async () => {
    const services = createTestServices();
    const installed = await makeTestKit({ version: 2 });
    await installDirectly(services, installed);
    const before = await installedSummary(services);
    const now = Date.now();

    const cases: [string, TestKit, string[]][] = [
      [
        'older',
        await makeTestKit({ version: 1 }),
        ['older than the one installed on this device (version 2)'],
      ],
      [
        'equivocation',
        await makeTestKit({ version: 2, roomSeed: 99 }),
        ['two different kits under one version', 'Tell your crisis administrator'],
      ],
      [
        'expired',
        await makeTestKit({
          version: 3,
          issued: new Date(now - 200 * DAY).toISOString(),
          expires: new Date(now - 10 * DAY).toISOString(),
        }),
        ['This kit expired on', 'Ask your crisis administrator for a new kit'],
      ],
      [
        'issued in the future',
        await makeTestKit({ version: 3, issued: new Date(now + 3 * DAY).toISOString() }),
        ['ahead of this device’s clock', 'Check the device’s date and time'],
      ],
      [
        'another organisation',
        await makeTestKit({
          version: 3,
          organisation: await makeOrganisation('Mairie voisine', 2),
        }),
        ['another organisation', `trusts ${installed.organisation.organisation.name}`],
      ],
    ];
    for (const [name, kit, expected] of cases) {
      const page = await renderEnroll(services);
      await chooseFile(page, kit.file);
      await pasteKey(page, kit.kitKey, 'Paste the link or key');
      await waitForText(page, 'The crisis kit was not installed');
      const alert = root(page).querySelector('[role="alert"]');
      expect(alert, name).to.exist;
      for (const text of expected) expect(alert!.textContent, name).to.include(text);
      expect(alert!.textContent).to.include('data already on this device is unchanged');
      if (name === 'equivocation') expect(alert!.classList.contains('serious')).to.equal(true);
      expect(await installedSummary(services), name).to.deep.equal(before);
      page.remove();
    }

    const page = await renderEnroll(services);
    await chooseFile(page, installed.file);
    await pasteKey(page, installed.kitKey, 'Paste the link or key');
    await waitForText(page, 'This kit is already installed');
  });

  it('updates an installed kit: “from version 1 to 2”, no fingerprint question', async () => {
    const services = createTestServices();
    await installDirectly(services, await makeTestKit({ version: 1, contacts: 5 }));
    const v2 = await makeTestKit({ version: 2, contacts: 7 });
    const page = await renderEnroll(services);
    await chooseFile(page, v2.file);
    await pasteKey(page, v2.kitKey, 'Paste the link or key');
    await waitForText(page, 'Update the crisis kit from version 1 to 2.');
    expect(pageText(page)).to.include('7 contacts (now 5)');
    expect(pageText(page)).to.include(v2.organisation.fingerprint.split(' ')[0]!);
    expect(pageText(page)).not.to.include('It matches');
    await click(page, 'Install the update');
    await waitForText(page, 'Crisis kit installed');
    expect((await installedSummary(services))?.version).to.equal(2);
  });

  it('repairs altered kit data with the same kit, once the member agrees', async () => {
    const services = createTestServices();
    const kit = await makeTestKit({ version: 2, contacts: 8 });
    await installDirectly(services, kit);
    const db = await services.database.db();
    const [contact] = await services.directory.list();
    await db.put(STORE.contacts, {
      ...contact!,
      phones: [{ kind: 'mobile', number: '0899 000 000' }],
    });
    const summary = await installedSummary(services);
    // Whoever altered the data also raised the version, so that genuine kits look older.
    await db.put(STORE.kit, { ...summary!, version: 999 }, CURRENT_KIT_KEY);

    const page = await renderEnroll(services);
    await chooseFile(page, kit.file);
    await pasteKey(page, kit.kitKey, 'Paste the link or key');
    await waitForText(page, 'Repair the crisis kit');
    expect(pageText(page)).to.include('(version 2) was altered');
    expect(pageText(page)).not.to.include('from version');
    await expect(page).to.be.accessible();
    expect((await services.directory.get(contact!.id))?.phones[0]?.number).to.equal('0899 000 000');
    await click(page, 'Reinstall the crisis kit');
    await waitForText(page, 'Crisis kit installed');
    expect((await services.directory.get(contact!.id))?.phones).to.deep.equal(contact!.phones);
    expect((await installedSummary(services))?.version).to.equal(2);
  });

  it('asks for the fingerprint again when the stored kit file itself was altered', async () => {
    const services = createTestServices();
    const kit = await makeTestKit({ version: 2 });
    await installDirectly(services, kit);
    const db = await services.database.db();
    const vault = await db.get(STORE.kitVault, CURRENT_KIT_KEY);
    const file = vault!.file.slice();
    file[file.length - 1]! ^= 1;
    await db.put(STORE.kitVault, { ...vault!, file }, CURRENT_KIT_KEY);

    const page = await renderEnroll(services);
    await chooseFile(page, kit.file);
    await pasteKey(page, kit.kitKey, 'Paste the link or key');
    await waitForText(page, 'Check the organisation');
    expect(pageText(page)).to.include('Compare this fingerprint');
  });

  it('says the device is full, keeps the data, and installs on “Try again”', async () => {
    const services = createTestServices();
    const kit = await makeTestKit();
    // No test can fill the disk: the storage error is what IndexedDB throws when it is full.
    const install = services.crisisKit.install.bind(services.crisisKit);
    let fail = true;
    services.crisisKit.install = (prepared) =>
      fail
        ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
        : install(prepared);
    const page = await renderEnroll(services);
    await chooseFile(page, kit.file);
    await pasteKey(page, kit.kitKey, 'Paste the link or key');
    await waitForText(page, 'Check the organisation');
    await click(page, 'It matches — install');
    await waitForText(page, 'This device is full');
    expect(shadowText(page)).to.include('data already on this device is unchanged');
    expect(await installedSummary(services)).to.equal(undefined);
    fail = false;
    await click(page, 'Try again');
    await waitForText(page, 'Crisis kit installed');
  });

  it('says in the member’s words that the install failed, the browser’s behind a disclosure', async () => {
    const services = createTestServices();
    const kit = await makeTestKit();
    services.crisisKit.install = () =>
      Promise.reject(new DOMException('Internal error opening backing store', 'UnknownError'));
    const page = await renderEnroll(services);
    await chooseFile(page, kit.file);
    await pasteKey(page, kit.kitKey, 'Paste the link or key');
    await waitForText(page, 'Check the organisation');
    await click(page, 'It matches — install');
    await waitForText(page, 'The kit could not be installed on this device.');
    const message = root(page).querySelector('.message')!;
    expect(message.textContent).to.not.include('UnknownError');
    const details = root(page).querySelector('tocsin-error-details')!;
    await details.updateComplete;
    const disclosure = details.shadowRoot!.querySelector('details')!;
    expect(disclosure.open).to.equal(false);
    expect(disclosure.textContent).to.include('UnknownError: Internal error opening backing store');
    setLocale('fr');
    await page.updateComplete;
    await details.updateComplete;
    expect(message.textContent).to.include('Le kit n’a pas pu être installé sur cet appareil.');
    expect(disclosure.querySelector('summary')!.textContent).to.equal('Détails techniques');
    await expect(page).to.be.accessible();
  });

  it('reads the key from a scanned QR code', async () => {
    const kit = await makeTestKit();
    const page = await renderEnroll();
    await chooseFile(page, kit.file);
    await click(page, 'Scan the QR code');
    const scanner = root(page).querySelector('tocsin-qr-scanner')!;
    expect(scanner).to.exist;
    await scanner.updateComplete;
    expect(shadowText(scanner)).to.include('Tocsin needs the camera');

    scanner.dispatchEvent(
      new CustomEvent('qr-read', { detail: 'https://example.org/menu', bubbles: true }),
    );
    await page.updateComplete;
    expect(root(page).querySelector('[role="alert"]')?.textContent).to.include(
      'not a Tocsin enrollment code',
    );
    await click(page, 'Scan the QR code');
    root(page)
      .querySelector('tocsin-qr-scanner')!
      .dispatchEvent(
        new CustomEvent('qr-read', {
          detail: `https://tocsin.example/#/enroll?kit=/k.tocsin&k=${kit.kitKey}`,
          bubbles: true,
        }),
      );
    await waitForText(page, 'Check the organisation');
  });

  describe('by link', () => {
    it('downloads the kit of a link, with its key, straight to the fingerprint check', async () => {
      const services = createTestServices();
      const kit = await makeTestKit();
      const fetched = stubFetch(
        () => new Response(kit.file, { headers: { 'content-length': String(kit.file.length) } }),
      );
      try {
        openEnrollmentLink(`kit=${encodeURIComponent('/kits/marie.tocsin')}&k=${kit.kitKey}`);
        const page = await renderEnroll(services);
        await waitForText(page, 'Check the organisation');
        expect(fetched.seen).to.have.length(1);
        expect(fetched.seen[0]!.url).to.equal(new URL('/kits/marie.tocsin', location.href).href);
        expect(fetched.seen[0]!.init).to.include({
          cache: 'no-store',
          credentials: 'omit',
          redirect: 'error',
        });
        expectKeyNowhere(page, kit.kitKey);
        await click(page, 'It matches — install');
        await waitForText(page, 'Crisis kit installed');
      } finally {
        fetched.restore();
      }
    });

    it('asks for the key when the link has none', async () => {
      const kit = await makeTestKit();
      const fetched = stubFetch(() => new Response(kit.file));
      try {
        openEnrollmentLink('kit=/kits/marie.tocsin');
        const page = await renderEnroll();
        await waitForText(page, 'Enter the kit key');
        expect(shadowText(page)).to.include('Downloaded kit file');
        await pasteKey(page, kit.kitKey, 'Paste the link or key');
        await waitForText(page, 'Check the organisation');
      } finally {
        fetched.restore();
      }
    });

    it('asks for the file when the link has only the key', async () => {
      const kit = await makeTestKit();
      openEnrollmentLink(`k=${kit.kitKey}`);
      const page = await renderEnroll();
      expect(shadowText(page)).to.include('holds the kit key but not the kit file');
      expect(shadowText(page)).not.to.include('Paste the link');
      await chooseFile(page, kit.file);
      await waitForText(page, 'Check the organisation');
    });

    it('refuses a kit on another origin without fetching it', async () => {
      const fetched = stubFetch(() => new Response('never'));
      try {
        openEnrollmentLink(`kit=${encodeURIComponent('https://kits.example.org/m.tocsin')}&k=x`);
        const page = await renderEnroll();
        await waitForText(page, 'another server than Tocsin’s own');
        expect(root(page).querySelector('[role="alert"]')).to.exist;
        expect(() => button(page, 'Try again')).to.throw();
        expect(fetched.seen).to.have.length(0);
        await click(page, 'Choose the file instead');
        expect(showsFileChoice(page)).to.equal(true);
      } finally {
        fetched.restore();
      }
    });

    it('says 404 plainly (from the real test server) and offers to try again', async () => {
      openEnrollmentLink('kit=/no/such/kit.tocsin&k=x');
      const page = await renderEnroll();
      await waitForText(page, 'not found on the server (HTTP 404)');
      expect(focusedId(page)).to.equal('step-title');
      expect(shadowText(page)).to.include('Nothing was installed');
      await click(page, 'Try again');
      await waitForText(page, 'HTTP 404');
    });

    it('shows the download as it comes, and can cancel it', async () => {
      let push!: (bytes: Uint8Array) => void;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          push = (bytes) => controller.enqueue(bytes);
        },
      });
      const fetched = stubFetch(
        () => new Response(body, { headers: { 'content-length': '4000' } }),
      );
      try {
        openEnrollmentLink('kit=/kits/marie.tocsin&k=x');
        const page = await renderEnroll();
        await waitForText(page, 'Downloading the crisis kit');
        push(new Uint8Array(1000));
        await waitForText(page, '1 kB of 4 kB');
        const progress = root(page).querySelector('progress')!;
        expect(progress.max).to.equal(4000);
        expect(progress.value).to.equal(1000);
        await expect(page).to.be.accessible();
        await click(page, 'Cancel');
        expect(showsFileChoice(page)).to.equal(true);
      } finally {
        fetched.restore();
      }
    });
  });

  it('has a French message for every English one, with the same arguments', () => {
    const sameInBoth = new Set(['kit.fact.organisation', 'kit.fact.version']);
    expect(Object.keys(kitFr).sort()).to.deep.equal(Object.keys(kitEn).sort());
    for (const key of Object.keys(kitEn) as (keyof typeof kitEn)[]) {
      const english = kitEn[key];
      const french = kitFr[key];
      expect(typeof french, key).to.equal(typeof english);
      if (typeof english === 'function') {
        expect((french as (...a: never[]) => string).length, key).to.equal(english.length);
      } else if (!sameInBoth.has(key)) {
        expect(french, key).not.to.equal(english);
      }
    }
  });

  describe('accessibility', () => {
    for (const locale of ['en', 'fr'] as const) {
      it(`every step is accessible in ${locale}`, async () => {
        setLocale(locale);
        const services = createTestServices();
        const v1 = await makeTestKit({ version: 1 });
        const v2 = await makeTestKit({ version: 2 });
        const twin = await makeTestKit({ version: 2, roomSeed: 99 });
        const label = (en: string, fr: string) => (locale === 'en' ? en : fr);

        const page = await renderEnroll(services);
        await expect(page, 'start').to.be.accessible();
        await click(page, label('Paste the link', 'Coller le lien'));
        await expect(page, 'start, pasting').to.be.accessible();

        await chooseFile(page, v1.file);
        await waitForText(page, label('Enter the kit key', 'Saisir la clé du kit'));
        await expect(page, 'key').to.be.accessible();
        await pasteKey(page, v1.kitKey, label('Paste the link or key', 'Coller le lien ou la clé'));
        await waitForText(page, label('Check the organisation', 'Vérifiez l’organisation'));
        await expect(page, 'confirm').to.be.accessible();
        await click(page, label('It does not match', 'Elle ne correspond pas'));
        await expect(page, 'declined').to.be.accessible();

        await click(page, label('Start again', 'Recommencer'));
        await chooseFile(page, v1.file);
        await pasteKey(page, v1.kitKey, label('Paste the link or key', 'Coller le lien ou la clé'));
        await waitForText(page, label('It matches', 'Elle correspond'));
        await click(page, label('It matches', 'Elle correspond'));
        await waitForText(page, label('Crisis kit installed', 'Kit de crise installé'));
        await expect(page, 'installed').to.be.accessible();

        const update = await renderEnroll(services);
        await chooseFile(update, v2.file);
        await pasteKey(
          update,
          v2.kitKey,
          label('Paste the link or key', 'Coller le lien ou la clé'),
        );
        await waitForText(update, label('from version 1 to 2', 'de la version 1 à la version 2'));
        await expect(update, 'update').to.be.accessible();
        await click(update, label('Install the update', 'Installer la mise à jour'));
        await waitForText(update, label('Crisis kit installed', 'Kit de crise installé'));

        const refused = await renderEnroll(services);
        await chooseFile(refused, twin.file);
        await pasteKey(
          refused,
          twin.kitKey,
          label('Paste the link or key', 'Coller le lien ou la clé'),
        );
        await waitForText(
          refused,
          label('two different kits under one version', 'deux kits différents sous une même'),
        );
        await expect(refused, 'refused').to.be.accessible();

        openEnrollmentLink('kit=/no/such/kit.tocsin&k=x');
        const failed = await renderEnroll(services);
        await waitForText(failed, 'HTTP 404');
        await expect(failed, 'download failed').to.be.accessible();
      });
    }
  });
});
