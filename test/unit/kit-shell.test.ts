// The crisis kit as the user meets it: the shell's banners (tampered, expired), home, settings and
// the signed marks of the directory and playbook, with real signed kits installed as enrollment
// installs them.
import { expect, fixture, html } from '@open-wc/testing';
import { en } from '../../src/app/i18n/en.js';
import { fr } from '../../src/app/i18n/fr.js';
import { setLocale } from '../../src/app/i18n/i18n.js';
import type { AppServices } from '../../src/app/services.js';
import '../../src/app/tocsin-app.js';
import type { TocsinApp } from '../../src/app/tocsin-app.js';
import { CURRENT_KIT_KEY, INDEX, STORE } from '../../src/db/schema.js';
import { emptyContact } from '../../src/domain/contact.js';
import { KitInstaller } from '../../src/features/kit/kit-installer.js';
import { makeTestKit } from '../fixtures/kit.js';
import {
  cleanUpTestServices,
  createTestServices,
  installTestKit,
  renderPage,
  shadowText,
  waitFor,
} from './helpers.js';

const DAY = 24 * 60 * 60 * 1000;

/** The same device started again: new services on the database of `services`. */
async function restart(services: AppServices): Promise<AppServices> {
  const { name } = await services.database.db();
  return createTestServices({ databaseName: name });
}

describe('the crisis kit in the shell', () => {
  let app: TocsinApp | undefined;
  afterEach(async () => {
    app?.remove();
    app = undefined;
    window.location.hash = '';
    await cleanUpTestServices();
  });

  async function mountApp(services: AppServices, hash = '#/'): Promise<TocsinApp> {
    window.location.hash = hash;
    const element = document.createElement('tocsin-app');
    element.services = services;
    const host = await fixture<HTMLElement>(html`<div></div>`);
    host.append(element);
    app = element;
    await element.updateComplete;
    return element;
  }

  const banners = (element: TocsinApp) => element.shadowRoot!.querySelector('.banners')!;
  const home = (element: TocsinApp) =>
    element.shadowRoot!.querySelector('main > tocsin-home-page') ?? undefined;

  it('shows no banner for a verified kit, and home names the member and the verified signature', async () => {
    const services = createTestServices();
    const kit = await installTestKit(services);
    const element = await mountApp(services);
    expect((await services.crisisKit.verify()).state).to.equal('verified');
    await waitFor(
      () => shadowText(home(element) ?? element).includes('Signature verified'),
      'the verified signature on home',
    );
    await element.updateComplete;
    expect(banners(element).querySelector('.alert')).to.be.null;
    const text = shadowText(home(element)!);
    expect(text).to.include(kit.content.member.displayName);
    expect(text).to.include(kit.organisation.fingerprint);
    await expect(element).to.be.accessible();
  });

  const tamperings = {
    'a kit contact’s phone number': async (services: AppServices) => {
      const db = await services.database.db();
      const [contact] = await db.getAllFromIndex(STORE.contacts, INDEX.contactsByOrigin, 'kit');
      await db.put(STORE.contacts, {
        ...contact!,
        phones: [{ kind: 'mobile', number: '06 66 66 66 66' }],
      });
      return 'directory';
    },
    'the crisis room’s server in the summary': async (services: AppServices) => {
      const db = await services.database.db();
      const summary = (await db.get(STORE.kit, CURRENT_KIT_KEY))!;
      const room = { ...summary.room, livekitUrl: 'wss://attacker.example' };
      await db.put(STORE.kit, { ...summary, room }, CURRENT_KIT_KEY);
      return 'summary';
    },
  };

  for (const [what, tamper] of Object.entries(tamperings)) {
    it(`says plainly, at the next start, that ${what} was changed, with a way to reinstall`, async () => {
      const services = createTestServices();
      await installTestKit(services);
      await services.crisisKit.verify();
      const reason = await tamper(services);

      const restarted = await restart(services);
      const element = await mountApp(restarted);
      expect(banners(element).querySelector('[role="alert"]')).to.be.null;
      const integrity = await restarted.crisisKit.verify();
      expect(integrity.state).to.equal('tampered');
      expect(integrity.state === 'tampered' && integrity.reason).to.equal(reason);
      expect(await restarted.crisisKit.roomAccess()).to.equal(undefined);

      await element.updateComplete;
      const alert = banners(element).querySelector('[role="alert"]');
      expect(alert?.textContent).to.include('no longer matches the organisation’s signature');
      expect(alert?.textContent).to.include('crisis room is disabled');
      expect(alert?.textContent).to.include('enrollment link or QR code');
      expect(alert?.querySelector('a')?.getAttribute('href')).to.equal('#/enroll');
      await waitFor(
        () => shadowText(home(element) ?? element).includes('Does not match'),
        'home to point at the banner',
      );
      await expect(element).to.be.accessible();

      setLocale('fr');
      await element.updateComplete;
      expect(banners(element).querySelector('[role="alert"]')?.textContent).to.include(
        'ne correspond plus à la signature de l’organisation',
      );
    });
  }

  it('marks the directory and its kit contacts as no longer matching the signature', async () => {
    const services = createTestServices();
    await installTestKit(services);
    await services.crisisKit.verify();
    await tamperings['a kit contact’s phone number'](services);
    const restarted = await restart(services);
    await restarted.crisisKit.verify();

    const page = await renderPage('directory', restarted);
    await waitFor(() => shadowText(page).includes('no longer match'), 'the directory header');
    const [contact] = await restarted.directory.list();
    page.params = new URLSearchParams({ contact: contact!.id });
    const card = () => page.shadowRoot!.querySelector('tocsin-contact-card');
    await waitFor(() => card() !== null, 'the card');
    await card()!.updateComplete;
    expect(shadowText(card()!)).to.include('no longer matches its signature');
    expect(shadowText(card()!)).not.to.include('Signed by');
  });

  it('says when the data is from once the kit has expired, and keeps it readable', async () => {
    const services = createTestServices();
    const kit = await makeTestKit({
      issued: '2024-01-10T09:00:00Z',
      expires: '2024-07-01T00:00:00Z',
    });
    // Installed back when it was valid: the installer refuses an expired kit, rightly.
    const then = new Date('2024-03-01T00:00:00Z');
    const installer = new KitInstaller(services.database, services.kit);
    await installer.install(await installer.prepare(kit.file, kit.kitKey, then), then);

    const restarted = await restart(services);
    const element = await mountApp(restarted);
    await waitFor(() => banners(element).querySelector('.notice') !== null, 'the expired banner');
    const notice = banners(element).querySelector('.notice')!;
    expect(notice.getAttribute('role')).not.to.equal('alert');
    expect(notice.textContent).to.include('Data of 10 Jan 2024 — expired.');
    expect(notice.textContent).to.include('ask your administrator for a new kit');
    expect(notice.querySelector('a')?.getAttribute('href')).to.equal('#/enroll');
    // An expired kit is still the organisation's kit: verified, readable, never blocked.
    expect((await restarted.crisisKit.verify()).state).to.equal('verified');
    await waitFor(
      () => shadowText(home(element) ?? element).includes(kit.organisation.organisation.name),
      'the kit on home',
    );
    await expect(element).to.be.accessible();

    setLocale('fr');
    await element.updateComplete;
    expect(banners(element).querySelector('.notice')?.textContent).to.include(
      'Données du 10/01/2024 — expirées.',
    );
  });

  it('shows the expired banner when the kit expires while the app stays open', async () => {
    const services = createTestServices();
    const expires = Date.now() + 2000;
    await installTestKit(services, {
      issued: new Date(Date.now() - DAY).toISOString(),
      expires: new Date(expires).toISOString(),
    });
    const element = await mountApp(services);
    if (Date.now() < expires) expect(banners(element).querySelector('.notice')).to.be.null;
    await waitFor(
      () => banners(element).querySelector('.notice') !== null,
      'the banner at expiry',
      5000,
    );
  });

  it('drops the link to the enrollment page from the banner on that page', async () => {
    const services = createTestServices();
    await installTestKit(services);
    await services.crisisKit.verify();
    await tamperings['the crisis room’s server in the summary'](services);
    const restarted = await restart(services);
    const element = await mountApp(restarted, '#/enroll');
    await restarted.crisisKit.verify();
    await element.updateComplete;
    const alert = banners(element).querySelector('[role="alert"]');
    expect(alert).to.exist;
    expect(alert!.querySelector('a')).to.be.null;
  });
});

describe('the crisis kit in the pages', () => {
  afterEach(cleanUpTestServices);

  it('writes kit dates as day and month, with the year only when it is not this one', () => {
    const thisYear = new Date(new Date().getFullYear(), 2, 12, 12);
    expect(fr['format.dayMonth'](thisYear)).to.equal('12/03');
    expect(en['format.dayMonth'](thisYear)).to.equal('12 Mar');
    const older = new Date(2024, 0, 10, 12);
    expect(fr['format.dayMonth'](older)).to.equal('10/01/2024');
    expect(en['format.dayMonth'](older)).to.equal('10 Jan 2024');
    expect(fr['format.dayMonth'](new Date('not a date'))).to.equal('—');
  });

  it('home offers to install the crisis kit, and says how, when not enrolled', async () => {
    const page = await renderPage('home');
    const emptyState = () => page.shadowRoot!.querySelector('tocsin-empty-state');
    await waitFor(() => emptyState() !== null, 'the empty state');
    const link = emptyState()!.querySelector('a.button');
    expect(link?.getAttribute('href')).to.equal('#/enroll');
    expect(link?.textContent).to.include('Install the crisis kit');
    expect(emptyState()!.textContent).to.include('scan your QR code');
    expect(emptyState()!.textContent).to.include('fingerprint');
  });

  for (const locale of ['en', 'fr'] as const) {
    it(`home and settings with a verified kit are accessible in ${locale}`, async () => {
      setLocale(locale);
      const services = createTestServices();
      const kit = await installTestKit(services);
      await services.crisisKit.verify();
      const member = kit.content.member.displayName;
      const verified = locale === 'en' ? 'Signature verified' : 'Signature vérifiée';

      const homePage = await renderPage('home', services);
      await waitFor(() => shadowText(homePage).includes(verified), 'the verified kit on home');
      expect(shadowText(homePage)).to.include(member);
      expect(homePage.shadowRoot!.querySelector('a[href="#/enroll"]')).to.be.null;
      await expect(homePage).to.be.accessible();

      const settings = await renderPage('settings', services);
      await waitFor(() => shadowText(settings).includes(member), 'the kit in settings');
      const text = shadowText(settings);
      expect(text).to.include(kit.organisation.organisation.name);
      expect(text).to.include(kit.organisation.fingerprint);
      expect(text).to.include(verified);
      const link = settings.shadowRoot!.querySelector('a[href="#/enroll"]');
      expect(link?.textContent).to.include(
        locale === 'en' ? 'Install a new kit' : 'Installer un nouveau kit',
      );
      await expect(settings).to.be.accessible();
    });
  }

  it('settings offers to install the kit when there is none', async () => {
    const settings = await renderPage('settings');
    await waitFor(() => shadowText(settings).includes('No crisis kit'), 'the kit section');
    const link = settings.shadowRoot!.querySelector('a[href="#/enroll"]');
    expect(link?.textContent).to.include('Install the crisis kit');
  });

  it('marks signed contacts, local additions, the kit playbook and the paper kit', async () => {
    const services = createTestServices();
    const issued = new Date(Date.now() - DAY);
    const kit = await installTestKit(services, { issued: issued.toISOString() });
    await services.crisisKit.verify();
    const local = emptyContact({ displayName: 'Ajout local' });
    await services.directory.save(local);
    const organisation = kit.organisation.organisation.name;
    const date = en['format.dayMonth'](issued);

    const directory = await renderPage('directory', services);
    await waitFor(
      () => shadowText(directory).includes(`Crisis kit of ${date}, signed by ${organisation}`),
      'the kit date in the directory header',
    );
    const card = () => directory.shadowRoot!.querySelector('tocsin-contact-card');
    const kitContact = kit.content.directory.contacts[0]!;
    directory.params = new URLSearchParams({ contact: kitContact.id });
    await waitFor(() => card() !== null, 'the kit contact');
    await card()!.updateComplete;
    expect(shadowText(card()!)).to.include(`Signed by ${organisation} · kit of ${date}`);
    await expect(directory).to.be.accessible();

    directory.params = new URLSearchParams({ contact: local.id });
    await waitFor(() => shadowText(card()!).includes('Ajout local'), 'the local contact');
    expect(shadowText(card()!)).to.include('Added on this device');
    expect(shadowText(card()!)).not.to.include('Signed by');

    directory.params = new URLSearchParams({ view: 'paper' });
    const paper = () => directory.shadowRoot!.querySelector('tocsin-paper-kit');
    await waitFor(
      () => paper() !== null && shadowText(paper()!).includes('Crisis kit version 1'),
      'the paper kit',
    );
    expect(shadowText(paper()!)).to.include(`installed for ${kit.content.member.displayName}`);

    const playbook = await renderPage('playbook', services);
    const title = kit.content.playbook.title.en;
    await waitFor(
      () =>
        shadowText(playbook).includes(
          `“${title}”, the playbook of the crisis kit signed by ${organisation} · kit of ${date}`,
        ),
      'the playbook origin',
    );
  });

  it('the directory header says when the kit data is from and that it expired', async () => {
    const services = createTestServices();
    const kit = await makeTestKit({
      issued: '2024-01-10T09:00:00Z',
      expires: '2024-07-01T00:00:00Z',
    });
    const then = new Date('2024-03-01T00:00:00Z');
    const installer = new KitInstaller(services.database, services.kit);
    await installer.install(await installer.prepare(kit.file, kit.kitKey, then), then);
    setLocale('fr');
    const directory = await renderPage('directory', services);
    await waitFor(
      () => shadowText(directory).includes('Kit de crise du 10/01/2024'),
      'the kit date in French',
    );
    expect(shadowText(directory)).to.include(
      '10/01/2024, signé par Mairie de Saint-Martin — expiré',
    );
    await expect(directory).to.be.accessible();
  });
});
