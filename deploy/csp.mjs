// The Content Security Policy, in one place: the build writes it into index.html as a <meta> tag and
// the static server (deploy/serve.mjs, and any production host per docs/security-headers.md) sends
// it as a header. Both must list the same LiveKit origins, because the browser enforces the
// intersection of every policy it is given.

/**
 * The origins a LiveKit server URL needs in `connect-src`: its WebSocket origin (signalling) and the
 * matching HTTP origin (livekit-client calls `/rtc/validate` over HTTP when a connection fails).
 * @param {string} livekitUrl ws://, wss://, http:// or https:// URL of the organisation's LiveKit server
 * @returns {string[]}
 */
export function livekitConnectSources(livekitUrl) {
  const url = new URL(livekitUrl);
  const secure = url.protocol === 'wss:' || url.protocol === 'https:';
  if (!['ws:', 'wss:', 'http:', 'https:'].includes(url.protocol)) {
    throw new Error(`Not a LiveKit server URL: ${livekitUrl}`);
  }
  return [`${secure ? 'wss' : 'ws'}://${url.host}`, `${secure ? 'https' : 'http'}://${url.host}`];
}

/**
 * Reads the LiveKit URLs the deployment allows (comma-separated) from `TOCSIN_LIVEKIT_URLS`.
 * @param {Record<string, string | undefined>} env
 * @returns {string[]}
 */
export function livekitUrlsFromEnv(env) {
  return (env.TOCSIN_LIVEKIT_URLS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Builds the policy. `forHeader` adds the directives a <meta> tag cannot carry.
 * @param {{ livekitUrls?: string[], forHeader?: boolean }} options
 * @returns {string}
 */
export function contentSecurityPolicy({ livekitUrls = [], forHeader = false } = {}) {
  const connect = ["'self'", ...livekitUrls.flatMap(livekitConnectSources)];
  const directives = [
    "default-src 'none'",
    "script-src 'self'",
    // Lit styles go through constructable stylesheets, which style-src does not govern; inline
    // styles only through the CSSOM (src/ui/cssom-style.ts), never a style attribute, which this
    // refuses.
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "media-src 'self' blob:",
    `connect-src ${[...new Set(connect)].join(' ')}`,
    // The LiveKit E2EE worker is a same-origin module file, never a blob: URL.
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ];
  if (forHeader) directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}
