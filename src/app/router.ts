/** The pages of the app, by hash route. */
export type PageId =
  'home' | 'directory' | 'playbook' | 'log' | 'rollcall' | 'room' | 'settings' | 'enroll';

/** Where the address bar points: a page (with its query), or nowhere the app knows. */
export type Route = { page: PageId; params: URLSearchParams } | { page: 'not-found' };

const PATHS: Record<string, PageId> = {
  '/': 'home',
  '/directory': 'directory',
  '/playbook': 'playbook',
  '/log': 'log',
  '/rollcall': 'rollcall',
  '/room': 'room',
  '/settings': 'settings',
  '/enroll': 'enroll',
};

/** The hash of each page, for links. */
export function hrefFor(page: PageId): string {
  return page === 'home' ? '#/' : `#/${page}`;
}

/**
 * Reads a location hash such as `#/directory?q=mairie`. An empty hash is home; a trailing slash is
 * ignored; anything else unknown is "not found" rather than silently home.
 */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const queryStart = raw.indexOf('?');
  const path = (queryStart === -1 ? raw : raw.slice(0, queryStart)).replace(/(.)\/+$/, '$1');
  const page = PATHS[path];
  if (!page) return { page: 'not-found' };
  return { page, params: new URLSearchParams(queryStart === -1 ? '' : raw.slice(queryStart + 1)) };
}
