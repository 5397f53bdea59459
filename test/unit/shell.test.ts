import { expect, fixture, html } from '@open-wc/testing';
import '../../src/app/tocsin-app.js';
import type { TocsinApp } from '../../src/app/tocsin-app.js';
import '../../src/app/tocsin-install-card.js';
import type { TocsinInstallCard } from '../../src/app/tocsin-install-card.js';
import '../../src/app/tocsin-update-banner.js';
import type { TocsinUpdateBanner } from '../../src/app/tocsin-update-banner.js';
import { UpdateService } from '../../src/app/update-service.js';
import { InstallService } from '../../src/app/install-service.js';
import { modulePreloadLinks } from '../../sw/module-preload.js';
import { cleanUpTestServices, createTestServices, shadowText, waitFor } from './helpers.js';

describe('the app shell', () => {
  let app: TocsinApp | undefined;
  afterEach(async () => {
    app?.remove();
    window.location.hash = '';
    await cleanUpTestServices();
  });

  async function mountApp(hash: string): Promise<TocsinApp> {
    window.location.hash = hash;
    const element = document.createElement('tocsin-app');
    element.services = createTestServices();
    app = await fixture<TocsinApp>(html`<div></div>`).then((host) => {
      host.append(element);
      return element;
    });
    return element;
  }

  const currentPage = (element: TocsinApp) => element.shadowRoot!.querySelector('main > *');

  it('opens every route from its hash, marks it in the navigation and is accessible', async () => {
    const element = await mountApp('#/');
    const routes = [
      ['#/directory', 'tocsin-directory-page'],
      ['#/playbook', 'tocsin-playbook-page'],
      ['#/log', 'tocsin-log-page'],
      ['#/room', 'tocsin-room-page'],
      ['#/rollcall', 'tocsin-rollcall-page'],
      ['#/settings', 'tocsin-settings-page'],
      ['#/', 'tocsin-home-page'],
    ] as const;
    for (const [hash, tag] of routes) {
      window.location.hash = hash;
      await waitFor(() => currentPage(element)?.localName === tag, `${tag} to show`);
      const current = element.shadowRoot!.querySelector('nav a[aria-current="page"]');
      expect(current?.getAttribute('href')).to.equal(hash);
      expect(document.title).to.match(/ · Tocsin$/);
    }
    await expect(element).to.be.accessible();
  });

  it('moves focus to the heading of the page the user navigated to', async () => {
    const element = await mountApp('#/');
    await waitFor(() => currentPage(element)?.localName === 'tocsin-home-page', 'home');
    window.location.hash = '#/directory';
    await waitFor(() => {
      const page = currentPage(element);
      return (
        page?.localName === 'tocsin-directory-page' &&
        page.shadowRoot?.activeElement?.localName === 'h1'
      );
    }, 'focus on the directory heading');
  });

  it('says "page not found" for an unknown address, with a way home', async () => {
    const element = await mountApp('#/nowhere');
    await element.updateComplete;
    expect(shadowText(element)).to.include('Page not found');
    expect(element.shadowRoot!.querySelector('main a[href="#/"]')).to.exist;
    await expect(element).to.be.accessible();
  });

  it('says a call goes on while the member is on another page, with the way back', async () => {
    const element = await mountApp('#/log');
    await waitFor(() => currentPage(element)?.localName === 'tocsin-log-page', 'the log');
    const banner = () => element.shadowRoot!.querySelector('.alert.call');
    expect(banner()).to.equal(null);
    element.services.callActive.set(true);
    await element.updateComplete;
    expect(banner()?.textContent).to.include('you stay in it while you use Tocsin');
    expect(banner()?.querySelector('a')?.textContent).to.include('Back to the room');
    expect(banner()?.querySelector('a')?.getAttribute('href')).to.equal('#/room');
    await expect(element).to.be.accessible();
    window.location.hash = '#/room';
    await waitFor(() => currentPage(element)?.localName === 'tocsin-room-page', 'the room');
    expect(banner()).to.equal(null);
    element.services.callActive.set(false);
  });

  it('shows the database problem in an alert with what to do', async () => {
    const element = await mountApp('#/');
    element.services.database.problem.set({ kind: 'blocking' });
    await element.updateComplete;
    const alert = element.shadowRoot!.querySelector('[role="alert"]');
    expect(alert?.textContent).to.include('Reload this tab');
    element.services.database.problem.set({ kind: 'blocked' });
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.include(
      'Close or reload that tab',
    );
    element.services.database.problem.set({ kind: 'full' });
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.include(
      'out of storage space',
    );
    // The browser's own words stay behind a closed disclosure, under a sentence in the UI's
    // language.
    element.services.database.problem.set({
      kind: 'failed',
      reason: 'UnknownError: Internal error opening backing store',
    });
    await element.updateComplete;
    const failed = element.shadowRoot!.querySelector('[role="alert"]')!;
    expect(failed.querySelector('p')?.textContent).to.include('could not be opened');
    expect(failed.querySelector('p')?.textContent).not.to.include('UnknownError');
    const details = failed.querySelector('tocsin-error-details')!;
    await details.updateComplete;
    const disclosure = details.shadowRoot!.querySelector('details')!;
    expect(disclosure.open).to.equal(false);
    expect(disclosure.querySelector('summary')?.textContent).to.include('Technical details');
    expect(disclosure.textContent).to.include('UnknownError: Internal error opening backing store');
    await expect(element).to.be.accessible();
  });
});

describe('the update banner', () => {
  it('stays hidden until a new version waits, then offers reload and later', async () => {
    const updates = new UpdateService();
    const banner = await fixture<TocsinUpdateBanner>(
      html`<tocsin-update-banner .updates=${updates}></tocsin-update-banner>`,
    );
    expect(banner.shadowRoot!.querySelector('.banner')).to.be.null;

    updates.state.set('waiting');
    await banner.updateComplete;
    expect(shadowText(banner)).to.include('A new version of Tocsin is ready');
    await expect(banner).to.be.accessible();

    const later = banner.shadowRoot!.querySelectorAll('button')[1];
    later.click();
    await banner.updateComplete;
    expect(banner.shadowRoot!.querySelector('.banner')).to.be.null;

    updates.state.set('waiting');
    await banner.updateComplete;
    banner.shadowRoot!.querySelector('button')!.click();
    await banner.updateComplete;
    expect(updates.state.value).to.equal('reloading');
    expect(banner.shadowRoot!.querySelector('button')!.disabled).to.equal(true);
  });
});

describe('the install card', () => {
  const render = (install: InstallService) =>
    fixture<TocsinInstallCard>(
      html`<tocsin-install-card .install=${install}></tocsin-install-card>`,
    );

  it('gives the Share → Add to Home Screen steps on iPhone and iPad', async () => {
    const card = await render(
      new InstallService({ standalone: false, ios: true }, () => undefined),
    );
    expect(shadowText(card)).to.include('Add to Home Screen');
    await expect(card).to.be.accessible();
  });

  it('shows an Install button when the browser offers to install, and asks for persistence once installed', async () => {
    let persistenceAsked = 0;
    const target = new EventTarget() as unknown as Window;
    const install = new InstallService(
      { standalone: false, ios: false },
      () => persistenceAsked++,
      target,
    );
    const card = await render(install);
    expect(card.shadowRoot!.querySelector('button')).to.be.null;

    let prompted = false;
    const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: async () => {
        prompted = true;
      },
      userChoice: Promise.resolve({ outcome: 'accepted' as const }),
    });
    target.dispatchEvent(offer);
    expect(offer.defaultPrevented).to.equal(true);
    await card.updateComplete;
    const button = card.shadowRoot!.querySelector('button')!;
    expect(button.textContent).to.include('Install Tocsin');
    button.click();
    await waitFor(() => prompted, 'the browser prompt');

    target.dispatchEvent(new Event('appinstalled'));
    await card.updateComplete;
    expect(shadowText(card)).to.include('installed on this device');
    expect(persistenceAsked).to.equal(1);
  });

  it('knows it is installed when launched from the home screen', async () => {
    let persistenceAsked = 0;
    const card = await render(
      new InstallService({ standalone: true, ios: true }, () => persistenceAsked++),
    );
    expect(shadowText(card)).to.include('installed on this device');
    expect(persistenceAsked).to.equal(1);
  });
});

describe('the app shell preload header of the service worker', () => {
  it('names the module script and modulepreload links of the page, once each, in order', () => {
    const page = `<head>
      <script type="module" crossorigin src="/assets/index-a1.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/shell-b2.js">
      <link rel="modulepreload" crossorigin href="/assets/index-a1.js">
      <link rel="icon" href="/icons/icon.svg" type="image/svg+xml" />
      <link rel="manifest" href="/manifest.webmanifest"></head>`;
    expect(modulePreloadLinks(page)).to.equal(
      '</assets/index-a1.js>; rel=preload; as=script; crossorigin, ' +
        '</assets/shell-b2.js>; rel=preload; as=script; crossorigin',
    );
  });

  it('adds no header to a page without module scripts', () => {
    expect(modulePreloadLinks('<!doctype html><title>Blank</title>')).to.equal(undefined);
  });
});
