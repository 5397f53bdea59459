import type { MessageKey } from './i18n/i18n.js';
import type { PageId } from './router.js';

/** How each page appears in the navigation and how its code is fetched. */
export interface PageEntry {
  /** The page's element, defined once its module has loaded. */
  tag: keyof HTMLElementTagNameMap;
  /** The navigation label. */
  navLabel: MessageKey;
  /** The page title, also used for document.title. */
  title: MessageKey;
  /** Loads the page's module, which defines its element. Each page is its own chunk. */
  load: () => Promise<unknown>;
}

/** Every page, in navigation order. Loading is lazy so the home screen only pays for itself. */
export const PAGES: Record<PageId, PageEntry> = {
  home: {
    tag: 'tocsin-home-page',
    navLabel: 'nav.home',
    title: 'home.title',
    load: () => import('../features/home/tocsin-home-page.js'),
  },
  directory: {
    tag: 'tocsin-directory-page',
    navLabel: 'nav.directory',
    title: 'directory.title',
    load: () => import('../features/directory/tocsin-directory-page.js'),
  },
  playbook: {
    tag: 'tocsin-playbook-page',
    navLabel: 'nav.playbook',
    title: 'playbook.title',
    load: () => import('../features/playbook/tocsin-playbook-page.js'),
  },
  log: {
    tag: 'tocsin-log-page',
    navLabel: 'nav.log',
    title: 'log.title',
    load: () => import('../features/log/tocsin-log-page.js'),
  },
  rollcall: {
    tag: 'tocsin-rollcall-page',
    navLabel: 'nav.rollcall',
    title: 'rollcall.title',
    load: () => import('../features/rollcall/tocsin-rollcall-page.js'),
  },
  room: {
    tag: 'tocsin-room-page',
    navLabel: 'nav.room',
    title: 'room.title',
    load: () => import('../features/call/tocsin-room-page.js'),
  },
  settings: {
    tag: 'tocsin-settings-page',
    navLabel: 'nav.settings',
    title: 'settings.title',
    load: () => import('../features/settings/tocsin-settings-page.js'),
  },
  // Not in the navigation: reached from home, settings and enrollment links.
  enroll: {
    tag: 'tocsin-enroll-page',
    navLabel: 'enroll.title',
    title: 'enroll.title',
    load: () => import('../features/kit/tocsin-enroll-page.js'),
  },
};

const loaded = new Map<PageId, Promise<unknown>>();

/** Loads a page's module once; a failed load (offline, stale build) can be retried. */
export function loadPage(page: PageId): Promise<unknown> {
  let loading = loaded.get(page);
  if (!loading) {
    loading = PAGES[page].load().catch((error: unknown) => {
      loaded.delete(page);
      throw error;
    });
    loaded.set(page, loading);
  }
  return loading;
}
