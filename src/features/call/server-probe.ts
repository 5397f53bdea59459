// Whether the kit's LiveKit server answers, asked before the member taps "join": a plain GET of
// the server's root, which LiveKit answers with "OK" (and CORS headers for any origin). It goes to
// the host the kit names and nowhere else — the HTTP origin of its signalling URL, which the
// Content Security Policy already allows next to the WebSocket one (deploy/csp.mjs). No DOM here.

/** How long a probe waits for an answer before calling the server silent. */
export const PROBE_TIMEOUT_MS = 5_000;

/** Why the server did not answer. */
export type ProbeFailure = 'offline' | 'timeout' | 'network' | 'status';

/** What one probe found, and when. */
export type ProbeResult =
  | { reachable: true; url: string; at: Date }
  | {
      reachable: false;
      url: string;
      at: Date;
      reason: ProbeFailure;
      /** The HTTP status, for 'status'. */
      status?: number;
      /** What the browser said, for the technical details (in English, no secret). */
      detail: string;
    };

export interface ProbeOptions {
  timeoutMs?: number;
  /** Stops the probe (the page went away, or the member joined meanwhile). */
  signal?: AbortSignal;
  /** Whether the device says it has a network; a probe is pointless when it has none. */
  online?: boolean;
  /** The fetch to use; the page's own by default. */
  fetch?: typeof fetch;
  now?: () => Date;
}

/**
 * The HTTP URL to probe for a LiveKit signalling URL: wss: becomes https:, ws: becomes http:, same
 * host, port and path, without query or fragment. Throws on anything that is not a LiveKit URL.
 */
export function probeUrlOf(livekitUrl: string): string {
  const url = new URL(livekitUrl);
  const protocols: Record<string, string> = {
    'wss:': 'https:',
    'ws:': 'http:',
    'https:': 'https:',
    'http:': 'http:',
  };
  const protocol = protocols[url.protocol];
  if (!protocol) throw new Error(`Not a LiveKit server URL: ${livekitUrl}`);
  return `${protocol}//${url.host}${url.pathname}`;
}

/**
 * Asks the server at `livekitUrl` whether it is there. Never throws: a failure is a result, except
 * when `options.signal` aborts it, which rejects with that signal's reason.
 */
export async function probeServer(
  livekitUrl: string,
  options: ProbeOptions = {},
): Promise<ProbeResult> {
  const now = options.now ?? (() => new Date());
  const url = probeUrlOf(livekitUrl);
  if (options.online === false) {
    return {
      reachable: false,
      url,
      at: now(),
      reason: 'offline',
      detail: 'navigator.onLine is false',
    };
  }
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    const response = await (options.fetch ?? fetch)(url, {
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal,
    });
    // Only the status matters; the body is let go rather than read.
    void response.body?.cancel().catch(() => undefined);
    if (response.ok) return { reachable: true, url, at: now() };
    return {
      reachable: false,
      url,
      at: now(),
      reason: 'status',
      status: response.status,
      detail: `GET ${url}: HTTP ${response.status} ${response.statusText}`.trim(),
    };
  } catch (error) {
    options.signal?.throwIfAborted();
    const timedOut = timeout.aborted;
    return {
      reachable: false,
      url,
      at: now(),
      reason: timedOut ? 'timeout' : 'network',
      detail: timedOut
        ? `GET ${url}: no answer within ${timeoutMs} ms`
        : `GET ${url}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    };
  }
}
