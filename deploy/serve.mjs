#!/usr/bin/env node
// Serves the built app (dist/) with the headers a production host must send: the Content Security
// Policy, no-cache on the files that announce a new release, immutable caching of hashed assets.
// docs/security-headers.md gives the same rules for nginx and Caddy.
//
//   node deploy/serve.mjs [--port 4173] [--host 127.0.0.1] [--dir dist]
//
// Files are read from disk on every request, so a rebuild is served at once (the update tests rely
// on it). Port 0 picks a free port; the first line printed is always "Serving <dir> on <url>".
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { contentSecurityPolicy, livekitUrlsFromEnv } from './csp.mjs';

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.tocsin': 'application/octet-stream',
};

/**
 * The headers of every response. Exported for the tests, which check that the built app runs
 * under exactly this policy.
 * @param {string} path the URL path
 * @param {Record<string, string | undefined>} env
 */
export function responseHeaders(path, env = process.env) {
  const immutable = path.startsWith('/assets/');
  return {
    'Content-Security-Policy': contentSecurityPolicy({
      livekitUrls: livekitUrlsFromEnv(env),
      forHeader: true,
    }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(self), microphone=(self), geolocation=(), payment=(), usb=()',
    // Hashed files never change; everything else (index.html, sw.js, the manifest) must be
    // revalidated so a new release is seen at once.
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
}

/**
 * Starts the server and resolves with its URL.
 * @param {{ dir?: string, port?: number, host?: string }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startStaticServer({ dir = 'dist', port = 4173, host = '127.0.0.1' } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    let info;
    try {
      info = await stat(file);
    } catch {
      info = undefined;
    }
    if (!info?.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    res.writeHead(200, {
      ...responseHeaders(path),
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://${host}:${address.port}/`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4173' },
      host: { type: 'string', default: '127.0.0.1' },
      dir: { type: 'string', default: 'dist' },
    },
  });
  const port = Number(values.port);
  try {
    const { url, close } = await startStaticServer({ dir: values.dir, port, host: values.host });
    console.log(`Serving ${values.dir} on ${url}`);
    if (values.host === '127.0.0.1' && port !== 0) {
      console.log(`Open http://localhost:${port}/ in Chromium, Edge, Firefox or Safari.`);
      console.log('Press Ctrl-C to stop.');
    }
    const stop = () => void close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    const reason =
      /** @type {NodeJS.ErrnoException} */ (error).code === 'EADDRINUSE'
        ? `port ${port} is already in use (is Tocsin already running?)`
        : String(error);
    console.error(`Tocsin could not start its web server: ${reason}`);
    process.exit(1);
  }
}
