// Boot: build the services, speak the user's language, mount the shell, then register the
// service worker (after first render, so installing the precache never delays the first screen).
import './app/tocsin-app.js';
import { resolveLocale, setLocale, type LocalePreference } from './app/i18n/i18n.js';
import { loadPage } from './app/pages.js';
import { parseHash } from './app/router.js';
import { createAppServices } from './app/services.js';

const PRELOAD_RELOAD_KEY = 'tocsin:reloaded-for-chunk';

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
  const services = createAppServices();
  const route = parseHash(window.location.hash);
  // Fetch the first page's chunk while the database opens, instead of one after the other.
  if (route.page !== 'not-found') void loadPage(route.page).catch(() => undefined);

  const preference: LocalePreference = await services.settings
    .loadLocalePreference()
    .catch(() => 'auto' as const);
  setLocale(resolveLocale(preference));

  const app = document.createElement('tocsin-app');
  app.services = services;
  document.getElementById('boot')?.replaceWith(app);

  if (import.meta.env.PROD) await services.updates.register();
}

void boot();
