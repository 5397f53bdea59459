// A crisis cell for the end-to-end tests and benches that need enrolled members: the organisation's
// key and kits made by the real `tocsin-kit` (signed with the LiveKit server's API key), and a
// member's browser page enrolled with their link as a member would do it.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from './support.mjs';

const run = promisify(execFile);
const BIN = join(projectRoot, 'src/cli/bin.mjs');

/** The test cell's directory: Hélène Lefèvre, François Nguyen and Zoé Ménard are its members. */
export const CELL_CONTACTS = join(projectRoot, 'test/cli/fixtures/cell.csv');
export const CELL_MEMBERS = ['helene-lefevre', 'francois-nguyen', 'zoe-menard'];

/**
 * Runs tocsin-kit with the LiveKit server's API key; its standard output.
 * @param {{ apiKey: string, apiSecret: string }} livekit
 * @param {string[]} args
 */
export async function tocsinKit(livekit, ...args) {
  const { stdout } = await run(process.execPath, [BIN, ...args], {
    cwd: projectRoot,
    env: { ...process.env, LIVEKIT_API_KEY: livekit.apiKey, LIVEKIT_API_SECRET: livekit.apiSecret },
  });
  return stdout;
}

/**
 * Builds the cell's kits (each build draws a new room secret) into the folder `kitsDir` of the app
 * built in `appDir` and served at `appUrl`, so the same server serves them; the enrollment links by
 * member id.
 * @param {{ livekit: { url: string, apiKey: string, apiSecret: string }, key: string,
 *   room: string, appUrl: string, appDir: string, kitsDir: string }} options
 */
export async function buildCellKits({ livekit, key, room, appUrl, appDir, kitsDir }) {
  const out = join(appDir, kitsDir);
  const kitsUrl = new URL(`${kitsDir}/`, appUrl).href;
  await tocsinKit(
    livekit,
    'build',
    ...['--key', key, '--contacts', CELL_CONTACTS],
    ...['--livekit-url', livekit.url, '--room', room],
    ...['--app-url', appUrl.replace(/\/$/, ''), '--kits-url', kitsUrl, '--out', out],
  );
  /** @type {Record<string, string>} */
  const links = {};
  for (const member of CELL_MEMBERS) {
    links[member] = (await readFile(join(out, `${member}.link.txt`), 'utf8')).trim();
  }
  return links;
}

/**
 * Enrolls a page with a member's link, then opens the app again as from the home screen, so the
 * service worker serves it from then on (the member can lose the network).
 * @param {import('playwright-core').Page} page
 * @param {string} link
 */
export async function enrollAndReopen(page, link) {
  await page.goto(link);
  await page.getByRole('button', { name: 'It matches — install' }).click();
  await page.getByText('Crisis kit installed').waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}
