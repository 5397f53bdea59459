// Downloading a kit file named by an enrollment link. Only from the app's own origin: the CSP
// allows no other connection, and no request may leave for a host the kit itself did not name
// (a link is not the kit: anyone can write one). The download is bounded like the file it is.
import { MAX_KIT_BYTES } from '../../domain/kit.js';

/** Why a kit could not be downloaded; each has its own message on the enrollment page. */
export type KitFetchFailure =
  /** The link names another origin than the app's: refused without any request. */
  | 'cross-origin'
  /** The link's kit address is not an http(s) URL. */
  | 'bad-url'
  /** The device is offline. */
  | 'offline'
  /** The server has no such file (404, 410). */
  | 'not-found'
  /** Any other HTTP error status. */
  | 'http'
  /** The request failed: network down, server unreachable, redirected. */
  | 'network'
  /** Larger than a kit can be: the download was stopped. */
  | 'too-large'
  /** Cancelled by the caller. */
  | 'aborted';

/** A download that failed, with the reason and the HTTP status when there was one. */
export class KitFetchError extends Error {
  constructor(
    readonly reason: KitFetchFailure,
    readonly status?: number,
  ) {
    super(
      status ? `Kit download failed: ${reason} (HTTP ${status})` : `Kit download failed: ${reason}`,
    );
    this.name = 'KitFetchError';
  }
}

/** How much of the kit has arrived. `total` is known when the server said how long it is. */
export interface KitDownloadProgress {
  received: number;
  total?: number;
}

export interface KitFetchOptions {
  /** Called as bytes arrive. */
  onProgress?: (progress: KitDownloadProgress) => void;
  signal?: AbortSignal;
  /** The app's own address, which the kit URL must share its origin with (default: this page). */
  appUrl?: string;
  /** The largest file accepted (default MAX_KIT_BYTES). */
  maxBytes?: number;
  /** Whether the device is online (default navigator.onLine). */
  isOnline?: () => boolean;
}

/**
 * The kit URL resolved against the app's address, or a KitFetchError when it may not be fetched:
 * not http(s), or on another origin.
 */
export function kitDownloadUrl(kitUrl: string, appUrl: string = window.location.href): URL {
  let url: URL;
  try {
    url = new URL(kitUrl, appUrl);
  } catch {
    throw new KitFetchError('bad-url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new KitFetchError('bad-url');
  if (url.origin !== new URL(appUrl).origin) throw new KitFetchError('cross-origin');
  return url;
}

/**
 * Downloads a kit file from the app's origin: never cached, no cookies, no redirects. Reads the
 * body as a stream, reporting progress, and stops reading as soon as it is larger than a kit can
 * be. Throws a KitFetchError saying why it failed.
 */
export async function fetchKit(
  kitUrl: string,
  options: KitFetchOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const maxBytes = options.maxBytes ?? MAX_KIT_BYTES;
  const isOnline = options.isOnline ?? (() => navigator.onLine);
  const url = kitDownloadUrl(kitUrl, options.appUrl);
  if (!isOnline()) throw new KitFetchError('offline');

  let response: Response;
  try {
    response = await fetch(url, {
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'error',
      referrerPolicy: 'no-referrer',
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    throw failureOf(error, isOnline);
  }
  if (response.status === 404 || response.status === 410) {
    await discard(response);
    throw new KitFetchError('not-found', response.status);
  }
  if (!response.ok) {
    await discard(response);
    throw new KitFetchError('http', response.status);
  }

  // A compressed response's Content-Length counts compressed bytes: no use as a total.
  const encoding = response.headers.get('content-encoding');
  const declared =
    encoding && encoding !== 'identity'
      ? NaN
      : Number(response.headers.get('content-length') ?? NaN);
  const total = Number.isSafeInteger(declared) && declared >= 0 ? declared : undefined;
  if (total !== undefined && total > maxBytes) {
    await discard(response);
    throw new KitFetchError('too-large');
  }
  options.onProgress?.({ received: 0, ...(total !== undefined ? { total } : {}) });

  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body?.getReader();
  try {
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.length;
      if (received > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new KitFetchError('too-large');
      }
      chunks.push(value);
      options.onProgress?.({
        received,
        ...(total !== undefined && received <= total ? { total } : {}),
      });
    }
  } catch (error) {
    if (error instanceof KitFetchError) throw error;
    throw failureOf(error, isOnline);
  } finally {
    reader?.releaseLock();
  }

  const file = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    file.set(chunk, offset);
    offset += chunk.length;
  }
  return file;
}

function failureOf(error: unknown, isOnline: () => boolean): KitFetchError {
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new KitFetchError('aborted');
  }
  return new KitFetchError(isOnline() ? 'network' : 'offline');
}

/** Drops a body that will not be read, so the connection is freed. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}
