/// <reference lib="WebWorker" />
// Tocsin's service worker, served as /sw.js forever: pages of any past release register this URL,
// so renaming it would strand them on their old build.
//
// It serves the app itself and nothing else. There is deliberately no runtime caching: the
// directory, playbook and log live in IndexedDB, and media go to the LiveKit server, never here.
import {
  addPlugins,
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { cacheNames, clientsClaim } from 'workbox-core';
import { appShellPreloadPlugin } from './module-preload.js';

declare const self: ServiceWorkerGlobalScope;

// The manifest is injected at build time: every HTML, JS chunk, CSS, icon, font and worker of this
// build (vite.config.ts lists the patterns). Entries of older builds are removed only when this
// worker activates, which happens on the user's consent (below), so an open tab running the previous
// build can still lazy-load its own chunks until it reloads.
addPlugins([appShellPreloadPlugin()]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Chromium (≥123) can serve the hashed build files straight from the precache, without starting
// this worker's JavaScript for each request (the Service Worker static routing API): a faster
// launch, with the same files. Elsewhere the precache route above serves them.
interface StaticRoutingInstallEvent extends ExtendableEvent {
  addRoutes?: (rules: object[]) => Promise<void>;
}
self.addEventListener('install', (event: StaticRoutingInstallEvent) => {
  if (!event.addRoutes) return;
  event.waitUntil(
    event
      .addRoutes([
        {
          condition: { urlPattern: { pathname: '/assets/*' }, requestMethod: 'GET' },
          source: { cacheName: cacheNames.precache },
        },
      ])
      .catch(() => undefined),
  );
});

// The tab of the very first visit is taken over as soon as this worker activates, so its lazy
// pages come from the precache even if the network drops before the app is opened again. It changes
// nothing for updates: a new release activates only on the user's consent, and every tab it then
// controls reloads onto it (workbox-window's `controlling`, with isUpdate).
clientsClaim();

// Every navigation inside the scope opens the app shell; routes are hash-based.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html')));

// No skipWaiting() at install: a new version waits until the user accepts the "reload" prompt,
// which workbox-window's messageSkipWaiting() sends as this message.
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') {
    void self.skipWaiting();
  }
});
