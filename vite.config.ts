import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy, livekitUrlsFromEnv } from './deploy/csp.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};
// TOCSIN_VERSION lets the update-flow tests build two visibly different releases of the same tree.
const appVersion = process.env.TOCSIN_VERSION ?? pkg.version;
const csp = contentSecurityPolicy({ livekitUrls: livekitUrlsFromEnv(process.env) });
// `npm run bench` builds the app with extra pages, each in a build of its own so that one never
// changes how the other's chunks are split: a blank page (TOCSIN_BENCH_BASELINE=1) to time the
// offline launch against, served by the same service worker; and the lab (TOCSIN_BENCH_LAB=1),
// where test/bench/crisis-data.bench.mjs runs the app's modules, and the sync lab, which writes a
// long log into the app's own database for the sync tests and bench.
const benchPages: Record<string, string> = {
  ...(process.env.TOCSIN_BENCH_BASELINE === '1' ? { blank: 'test/bench/blank.html' } : {}),
  ...(process.env.TOCSIN_BENCH_LAB === '1'
    ? { lab: 'test/bench/lab.html', syncLab: 'test/bench/sync-lab.html' }
    : {}),
};
/**
 * Lit, idb and the app's shell, shared UI, database and home page: the start-up chunk. The
 * pages' messages and time formats (src/app/i18n/page*, time-format.ts) load with the pages.
 */
const SHELL_MODULES =
  /node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element|idb)\/|\/src\/app\/(?!i18n\/(page|time-format))|\/src\/db\/|\/src\/ui\/(tokens|icons|tocsin-empty-state)|\/src\/features\/home\/|\/src\/features\/kit\/(kit-summary-store|kit-service|enrollment-link)\.ts|\/src\/features\/settings\/settings-store|\/src\/domain\/(crisis-roles|kit)\.ts/;
/**
 * The entry module joins the start-up chunk, so an offline launch reads one file from the precache
 * instead of two (measured: ~2–3 ms sooner). Not in a build with the bench's lab pages: they import
 * the start-up chunk too, and would then start the app (main.ts boots it when evaluated).
 */
const START_UP_MODULES =
  process.env.TOCSIN_BENCH_LAB === '1'
    ? SHELL_MODULES
    : new RegExp(`${SHELL_MODULES.source}|\\/src\\/main\\.ts$`);

/**
 * Writes the Content Security Policy into index.html, right after the charset and before any script,
 * so even a host that sets no header serves a strict page.
 */
function cspMetaTag(): Plugin {
  const charset = '<meta charset="utf-8" />';
  return {
    name: 'tocsin-csp-meta',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!html.includes(charset)) throw new Error(`index.html must contain ${charset}`);
        return html.replace(
          charset,
          `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`,
        );
      },
    },
  };
}

/**
 * Makes the entry module render-blocking: the browser paints nothing (the installed app's splash
 * screen stays up) until the app has rendered its first screen, instead of first painting the
 * "Tocsin…" placeholder of index.html while the app starts. Vite drops the attribute from the
 * tag it writes, so it is added back here.
 */
function renderBlockingEntry(): Plugin {
  const entry = '<script type="module" crossorigin';
  return {
    name: 'tocsin-render-blocking-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!html.includes('<script type="module"')) return html; // the bench's blank page
        if (!html.includes(entry)) throw new Error(`the entry script tag is no longer ${entry}`);
        return html.replace(entry, '<script type="module" blocking="render" crossorigin');
      },
    },
  };
}

export default defineConfig({
  define: {
    __TOCSIN_VERSION__: JSON.stringify(appVersion),
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Keep the home screen's critical path to one small entry chunk: lazy pages are split out.
    modulePreload: { polyfill: false },
    // livekit-client is one ~530 KB chunk, loaded only by the room page and precached for offline.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      ...(Object.keys(benchPages).length ? { input: { index: 'index.html', ...benchPages } } : {}),
      output: {
        codeSplitting: {
          // What the first screen needs travels as one chunk. Without this, every module shared
          // by the shell and a lazy page becomes a chunk of its own, and an offline launch waits
          // on a dozen service-worker round trips instead of two.
          groups: [{ name: 'shell', test: START_UP_MODULES }],
        },
      },
    },
  },
  worker: { format: 'es' },
  plugins: [
    cspMetaTag(),
    renderBlockingEntry(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      injectRegister: false,
      // The glob below already precaches the icons; listing them twice would duplicate entries.
      includeManifestIcons: false,
      // The app registers /sw.js itself with workbox-window; the URL never changes (see sw/sw.ts).
      registerType: 'prompt',
      injectManifest: {
        // Everything the app is made of, so that it launches and every route opens with no network.
        // Source maps are not needed offline; the manifest is added by the plugin itself.
        globPatterns: ['**/*.{html,js,css,svg,png,ico,txt,woff2}'],
        globIgnores: ['**/*.map'],
        // A chunk above this would be a build error rather than a silently uncached file.
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
      manifest: {
        id: '/',
        name: 'Tocsin',
        short_name: 'Tocsin',
        description:
          'Cellule de crise hors ligne : annuaire, plan de crise, main courante et salle chiffrée de bout en bout.',
        lang: 'fr',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#8f1d14',
        background_color: '#faf7f2',
        categories: ['productivity', 'utilities'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
    }),
  ],
  preview: {
    host: '127.0.0.1',
    headers: { 'Content-Security-Policy': contentSecurityPolicy({ forHeader: true }) },
  },
});
