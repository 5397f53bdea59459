import { expect } from '@open-wc/testing';
import { setLocale } from '../../src/app/i18n/i18n.js';
import { PAGES } from '../../src/app/pages.js';
import { emptyContact } from '../../src/domain/contact.js';
import type { PageId } from '../../src/app/router.js';
import {
  cleanUpTestServices,
  createTestServices,
  installKit,
  renderPage,
  sampleKit,
  shadowText,
  waitFor,
} from './helpers.js';

// Every page, the enrollment page included: the loop below holds them all to the same bar.
const PAGE_IDS = Object.keys(PAGES) as PageId[];

describe('pages', () => {
  afterEach(cleanUpTestServices);

  for (const page of PAGE_IDS) {
    for (const locale of ['en', 'fr'] as const) {
      it(`${page} is accessible in ${locale}`, async () => {
        setLocale(locale);
        const element = await renderPage(page);
        await waitFor(
          () =>
            !shadowText(element).includes('Loading') && !shadowText(element).includes('Chargement'),
          'the page to load',
        );
        await expect(element).to.be.accessible();
        const heading = element.shadowRoot!.querySelector('h1');
        expect(heading, 'every page has one h1').to.exist;
        expect(heading!.getAttribute('tabindex')).to.equal('-1');
      });
    }
  }

  it('home explains how to enroll while no kit is installed', async () => {
    const element = await renderPage('home');
    const emptyState = () => element.shadowRoot!.querySelector('tocsin-empty-state');
    await waitFor(() => emptyState() !== null, 'the empty state');
    await emptyState()!.updateComplete;
    expect(shadowText(emptyState()!)).to.include('Not enrolled yet');
    expect(shadowText(emptyState()!)).to.include('enrollment link');
    expect(emptyState()!.textContent).to.include('fingerprint');
    expect(shadowText(element)).to.include('0.0.0-test');
  });

  // A summary alone is enough here: nothing runs the start-up check of the kit in these tests.
  it('home shows the organisation and crisis room once a kit is installed', async () => {
    const services = createTestServices();
    await installKit(services, sampleKit());
    const element = await renderPage('home', services);
    await waitFor(() => shadowText(element).includes('Mairie de Saint-Martin'), 'the organisation');
    const text = shadowText(element);
    expect(text).to.include('3F2A 91BC 0D47 E1F8 5A6B 77C0 19DE 4B82');
    expect(text).to.include('cellule-de-crise');
    expect(text).to.include('wss://crise.saint-martin.example');
    expect(text).to.include('version 3');
    expect(text).to.include('Marie Dupont');
    expect(element.shadowRoot!.querySelector('tocsin-empty-state')).to.be.null;
    expect(element.shadowRoot!.querySelector('[role="alert"]')).to.be.null;
    await expect(element).to.be.accessible();
  });

  it('home states, without hiding anything, that the kit has expired', async () => {
    const services = createTestServices();
    await installKit(services, sampleKit({ expires: '2020-01-01T00:00:00Z' }));
    const element = await renderPage('home', services);
    await waitFor(() => shadowText(element).includes('Mairie de Saint-Martin'), 'the organisation');
    // Stated, not announced: the shell's banner is the one announcement of an expired kit.
    const warning = element.shadowRoot!.querySelector('.warning');
    expect(warning?.textContent).to.include('expired');
    expect(element.shadowRoot!.querySelector('[role="alert"]')).to.be.null;
    expect(shadowText(element)).to.include('cellule-de-crise');
  });

  it('home shows the network state as it changes', async () => {
    const services = createTestServices();
    const element = await renderPage('home', services);
    services.network.online.set(false);
    await element.updateComplete;
    expect(shadowText(element)).to.include('Offline');
    services.network.online.set(true);
    await element.updateComplete;
    expect(shadowText(element)).to.include('Online');
  });

  it('settings switches the language at once and remembers the choice', async () => {
    const services = createTestServices();
    const element = await renderPage('settings', services);
    const french = [...element.shadowRoot!.querySelectorAll('input[type="radio"]')].find(
      (input) => (input as HTMLInputElement).value === 'fr',
    ) as HTMLInputElement;
    french.click();
    await waitFor(() => shadowText(element).includes('Réglages'), 'the French UI');
    let saved = 'auto';
    await waitFor(() => {
      void services.settings.loadLocalePreference().then((value) => (saved = value));
      return saved === 'fr';
    }, 'the saved preference');
    expect(document.documentElement.lang).to.equal('fr');
  });

  it('settings shows what the browser says about persistence and space', async () => {
    const element = await renderPage('settings');
    await waitFor(() => /used of/.test(shadowText(element)), 'the storage estimate');
    // Headless Chromium never grants persistence; the page must say so plainly, with a way to ask.
    const text = shadowText(element);
    expect(text).to.match(/Not granted|Granted/);
  });
});

describe('pages with data', () => {
  afterEach(cleanUpTestServices);

  it('the directory list, a contact card and the contact form are accessible', async () => {
    const services = createTestServices();
    await services.directory.importContacts(
      ['Éloïse de La Fontaine', 'Paul Durand', '<img src=x onerror=alert(1)>'].map((name, i) =>
        emptyContact({
          displayName: name,
          organisation: 'Mairie',
          cellMember: i === 0,
          roles: i === 0 ? ['decideur'] : [],
          phones: [{ kind: 'mobile', number: `06 12 34 56 7${i}` }],
          emails: i === 1 ? ['paul@example.org'] : [],
        }),
      ),
    );
    const page = await renderPage('directory', services);
    await waitFor(
      () => page.shadowRoot!.querySelectorAll('tocsin-virtual-list li').length === 3,
      'rows',
    );
    // Text stays text: the would-be tag is shown, not run.
    expect(page.shadowRoot!.querySelector('img')).to.be.null;
    expect(shadowText(page)).to.include('<img src=x onerror=alert(1)>');
    await expect(page).to.be.accessible();

    const [first] = await services.directory.list();
    page.params = new URLSearchParams({ contact: first.id });
    await waitFor(() => page.shadowRoot!.querySelector('tocsin-contact-card') !== null, 'card');
    await expect(page).to.be.accessible();

    page.params = new URLSearchParams({ edit: first.id });
    await waitFor(() => page.shadowRoot!.querySelector('tocsin-contact-form') !== null, 'form');
    await expect(page).to.be.accessible();
  });

  it('the main courante with entries, its report and its print view are accessible', async () => {
    const services = createTestServices();
    await services.settings.saveProfile({ name: 'Claire', role: 'main_courante' });
    const crisis = await services.log.openCrisis('Rançongiciel', 'Claire');
    const wrong = await services.log.append({
      crisisId: crisis.id,
      author: 'Claire',
      kind: 'fact',
      text: 'Serveur B',
    });
    await services.log.append({
      crisisId: crisis.id,
      author: 'Claire',
      kind: 'decision',
      priority: 'high',
      text: 'Correction : serveur C',
      corrects: wrong.id,
    });
    const page = await renderPage('log', services);
    await waitFor(
      () => page.shadowRoot!.querySelectorAll('tocsin-virtual-list li').length === 3,
      'entries',
    );
    await expect(page).to.be.accessible();
    for (const view of ['report', 'print']) {
      page.params = new URLSearchParams({ view });
      await waitFor(
        () => /Rançongiciel/.test(shadowText(page)) && !/Loading/.test(shadowText(page)),
        view,
      );
      await expect(page).to.be.accessible();
    }
  });

  it('the playbook during a crisis, with a tick, is accessible', async () => {
    const services = createTestServices();
    await services.settings.saveProfile({ name: 'Claire', role: 'technique' });
    const crisis = await services.log.openCrisis('Crise', 'Claire');
    const { playbook } = await services.playbooks.active();
    await services.playbooks.setItemDone({
      crisisId: crisis.id,
      // An item of the user's own role: the page opens filtered on it.
      item: playbook.items.find((item) => item.role === 'technique')!,
      by: 'Claire',
      done: true,
      entryText: 'Done',
    });
    const page = await renderPage('playbook', services);
    await waitFor(
      () => page.shadowRoot!.querySelectorAll('input[type="checkbox"]:checked').length === 1,
      'tick',
    );
    await expect(page).to.be.accessible();
  });
});
