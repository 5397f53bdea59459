// Shared pieces of the end-to-end tests: production builds, the static server as a real child
// process (so "offline" means the server is dead, not merely emulated), and the system Chromium.
import { spawn } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../support/chromium.mjs';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Builds the production app into `.cache/e2e/<name>` and returns that directory.
 * @param {string} name
 * @param {Record<string, string>} env extra environment, e.g. TOCSIN_VERSION
 */
export async function buildApp(name, env = {}) {
  const outDir = join(projectRoot, '.cache', 'e2e', name);
  await run(
    process.execPath,
    [
      join(projectRoot, 'node_modules/vite/bin/vite.js'),
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    env,
  );
  return outDir;
}

/** Removes a build made by {@link buildApp}. */
export async function removeBuild(outDir) {
  await rm(outDir, { recursive: true, force: true });
}

/** Every file of a build, as URL paths ("/assets/x.js"). */
export async function builtFiles(outDir) {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => '/' + join(entry.parentPath, entry.name).slice(outDir.length + 1));
}

/** Runs a command quietly; its output is shown only if it fails. */
function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: projectRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(undefined)
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`)),
    );
  });
}

/**
 * Starts deploy/serve.mjs on 127.0.0.1, in its own process group: on a free port, or on `port` to
 * come back on the same origin (and so the same IndexedDB and service worker) after a kill.
 * @param {string} dir
 * @param {number} [port]
 * @returns {Promise<{ url: string, kill: () => Promise<void> }>}
 */
export function startServer(dir, port = 0) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(projectRoot, 'deploy/serve.mjs'), '--port', String(port), '--dir', dir],
      {
        cwd: projectRoot,
        detached: true,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the static server exited early (${code})`)));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /Serving .* on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (!match) return;
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      resolve({
        url: match[1],
        kill: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done(undefined);
            child.removeAllListeners('exit');
            child.once('exit', () => done(undefined));
            process.kill(-(child.pid ?? 0), 'SIGKILL');
          }),
      });
    });
  });
}

/** Launches the system Chromium, headless. */
export function launchBrowser() {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

/**
 * Opens the app and reloads it once its service worker is ready, as a member reopening the app
 * does, and waits until the worker controls the page.
 * @param {import('playwright-core').Page} page
 * @param {string} url
 */
export async function openControlled(page, url) {
  await page.goto(url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/**
 * Waits until the routed page `tag` shows its heading, and returns that heading's text.
 * @param {import('playwright-core').Page} page
 * @param {string} tag
 */
export async function pageHeading(page, tag) {
  const heading = page.locator(`tocsin-app main > ${tag} h1`);
  await heading.waitFor({ timeout: 10_000 });
  return heading.innerText();
}

/** The routes of the app, with the element each one shows. */
export const ROUTES = [
  { hash: '#/', tag: 'tocsin-home-page' },
  { hash: '#/directory', tag: 'tocsin-directory-page' },
  { hash: '#/playbook', tag: 'tocsin-playbook-page' },
  { hash: '#/log', tag: 'tocsin-log-page' },
  { hash: '#/room', tag: 'tocsin-room-page' },
  { hash: '#/settings', tag: 'tocsin-settings-page' },
];

/**
 * Opens every route by clicking the navigation, as a user does, and checks each page renders.
 * @param {import('playwright-core').Page} page
 */
export async function visitEveryRoute(page) {
  const headings = {};
  for (const { hash, tag } of [...ROUTES.slice(1), ROUTES[0]]) {
    await page.locator(`tocsin-app nav a[href="${hash}"]`).click();
    headings[hash] = await pageHeading(page, tag);
  }
  return headings;
}

/**
 * The common frame of an e2e file: builds the app once (with `env`), serves it and launches
 * Chromium before the tests, and cleans everything up after. Returns live getters.
 * @param {string} name
 * @param {Record<string, string>} [env]
 */
export function useServedBuild(name, env = {}) {
  const state = {
    dir: '',
    server: /** @type {any} */ (undefined),
    browser: /** @type {any} */ (undefined),
  };
  before(async () => {
    state.dir = await buildApp(name, env);
    state.server = await startServer(state.dir);
    state.browser = await launchBrowser();
  });
  after(async () => {
    await state.browser?.close();
    await state.server?.kill();
    await removeBuild(state.dir);
  });
  return state;
}
