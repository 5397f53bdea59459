// Enrollment links: where the app is, where the member's kit is, and the kit key, which travels
// only in the link's fragment (browsers never send a fragment to any server).
import { KitError } from '../kit-format/kit-error.js';
import { UsageError } from './cli-error.js';

export const DEFAULT_APP_URL = 'http://localhost:4173';

/** An http(s) URL without query or fragment, with its trailing slashes removed. */
export function httpUrlOption(text: string, option: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${option} "${text}" is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`${option} must be an https:// (or http://) URL.`);
  }
  if (url.search || url.hash || text.includes('#')) {
    throw new UsageError(`${option} may not have a query (?…) or a fragment (#…).`);
  }
  return text.replace(/\/+$/, '');
}

/** Where the app and the kit files are published. */
export interface PublishedUrls {
  /** The app, without a trailing slash. */
  appUrl: string;
  /** The folder of the kit files, with a trailing slash. */
  kitsUrl: string;
}

/**
 * The app and kits URLs from the options; the kits default to `<app-url>/kits/`. The app downloads
 * kits from its own origin only (its Content Security Policy allows no other, and it refuses a link
 * naming another without a request), so kits anywhere else would give links that never work.
 */
export function publishedUrls(
  appUrl: string | undefined,
  kitsUrl: string | undefined,
): PublishedUrls {
  const app = httpUrlOption(appUrl ?? DEFAULT_APP_URL, '--app-url');
  const kits = kitsUrl === undefined ? `${app}/kits` : httpUrlOption(kitsUrl, '--kits-url');
  const origin = new URL(app).origin;
  if (new URL(kits).origin !== origin) {
    throw new UsageError(
      `--kits-url must be on the app's origin (${origin}): the app downloads kits from there only.`,
    );
  }
  return { appUrl: app, kitsUrl: `${kits}/` };
}

/** The link that enrols a member's device: it opens the app, fetches the kit and opens it. */
export function enrollmentLink(urls: PublishedUrls, kitFileName: string, kitKey: string): string {
  const kit = encodeURIComponent(`${urls.kitsUrl}${kitFileName}`);
  return `${urls.appUrl}/#/enroll?kit=${kit}&k=${kitKey}`;
}

/**
 * The kit key from `--kit-key`: the key itself, or a whole enrollment link (its `k` parameter).
 * A link without one is a bad key, as it would be for a device.
 */
export function kitKeyText(keyOrLink: string): string {
  const text = keyOrLink.trim();
  const hash = text.indexOf('#');
  if (hash === -1 && !text.includes('://')) return text;
  const fragment = hash === -1 ? '' : text.slice(hash + 1);
  const query = fragment.slice(fragment.indexOf('?') + 1);
  const key = fragment.includes('?') ? new URLSearchParams(query).get('k') : null;
  if (key === null) throw new KitError('bad-key', 'the link has no k parameter');
  return key;
}
