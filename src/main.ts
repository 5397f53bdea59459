// Boot: build the services, speak the user's language, mount the shell, then register the
// service worker (after first render, so installing the precache never delays the first screen).
// The first screen renders from the launch snapshot when there is one (launch-snapshot.ts), and
// from IndexedDB's answer otherwise.
import { captureEnrollmentLink } from './features/kit/enrollment-link.js';
import { launchDatabase } from './app/launch-database.js';
import { globalStyles } from './app/global-styles.js';
import './app/tocsin-app.js';
// Every launch opens on home: it is part of the entry chunk rather than a lazy page, so an offline
// launch fetches one file from the service worker instead of two in a row. The other pages stay lazy.
import './features/home/tocsin-home-page.js';
import { resolveLocale, setLocale } from './app/i18n/i18n.js';
import { loadLaunchState } from './app/launch-state.js';
import { keepLaunchSnapshot, readLaunchSnapshot } from './app/launch-snapshot.js';
import { loadPage, PAGES } from './app/pages.js';
import { parseHash } from './app/router.js';
import { createAppServices } from './app/services.js';
import { whenIdle } from './app/when-idle.js';

const PRELOAD_RELOAD_KEY = 'tocsin:reloaded-for-chunk';

// An enrollment link's key leaves the address bar before anything else runs; the same on a link
// opened while the app is running (this listener is registered before the router's).
captureEnrollmentLink();
window.addEventListener('hashchange', () => captureEnrollmentLink());

/**
 * A lazy chunk failed to load: the page is from an older release whose files the server no longer
 * has and no service worker holds. Reload once onto the current release (online only: offline a
 * reload would not help, and the page shows its own "could not load" message).
 */
window.addEventListener('vite:preloadError', (event) => {
  if (!navigator.onLine || sessionStorage.getItem(PRELOAD_RELOAD_KEY) === __TOCSIN_VERSION__)
    return;
  sessionStorage.setItem(PRELOAD_RELOAD_KEY, __TOCSIN_VERSION__);
  event.preventDefault();
  window.location.reload();
});

async function boot(): Promise<void> {
  if (globalStyles.styleSheet) document.adoptedStyleSheets = [globalStyles.styleSheet];
  const services = createAppServices({ database: launchDatabase });
  const route = parseHash(window.location.hash);
  // Fetch the first page's chunk while the database opens, instead of one after the other
  // (home is already here: it is part of this chunk).
  if (route.page !== 'not-found' && !customElements.get(PAGES[route.page].tag)) {
    void loadPage(route.page).catch(() => undefined);
  }

  const launchRead = loadLaunchState(services);
  const snapshot = readLaunchSnapshot();
  if (snapshot) {
    services.kit.preview(snapshot.kit);
    setLocale(resolveLocale(snapshot.locale));
  } else {
    setLocale(resolveLocale(await launchRead));
  }

  const app = document.createElement('tocsin-app');
  app.services = services;
  document.getElementById('boot')?.replaceWith(app);

  // The database's answer wins over the snapshot (home follows the kit it holds), and is kept as
  // the next launch's snapshot, as is every later change of the language or the kit.
  setLocale(resolveLocale(await launchRead));
  keepLaunchSnapshot(services);

  // The service worker and its update checks can wait until the first screen is up, and so can
  // verifying the installed kit (the shell shows a banner if it was tampered with).
  void whenIdle(2000, 500).then(() => services.crisisKit.verify().catch(() => undefined));
  if (import.meta.env.PROD) void whenIdle(2000, 500).then(() => services.updates.register());
}

void boot();
