#!/usr/bin/env node
// `npm start`: the local demo. Starts a LiveKit server on 127.0.0.1:7880 (built from source with Go
// the first time), builds the app with that server in its Content Security Policy, makes a demo
// organisation's crisis kits with the real tocsin-kit command (a key kept in .cache/demo/, a new
// kit version at every start), serves the app and the kits on http://localhost:4173 and prints one
// enrollment link per member. Without Go the app is still served, without the room.
// Ctrl-C stops everything it started.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { access, copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureLivekitServer, startLivekitServer } from './livekit/livekit-server.mjs';
import { startStaticServer } from './serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const demo = join(root, '.cache/demo');
const dist = join(root, 'dist');
const PORT = 4173;
const APP_URL = `http://localhost:${PORT}`;
// The LiveKit server of the demo.
const LIVEKIT_PORT = 7880;
const LIVEKIT_URL = `ws://127.0.0.1:${LIVEKIT_PORT}`;
const LIVEKIT_API_KEY = 'tocsin-demo';
// The build (deploy/csp.mjs) and the static server (deploy/serve.mjs) read it: the CSP meta tag and
// header must both allow the LiveKit server, or the browser blocks the room's connection.
process.env.TOCSIN_LIVEKIT_URLS = LIVEKIT_URL;

/**
 * Runs a command with the output shown, and fails if it fails.
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 */
function run(command, args, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(undefined) : reject(new Error(`${command} ${args[0]} failed (${code})`)),
    );
  });
}

/**
 * Runs a command and returns its standard output; what it writes on stderr (warnings) is shown.
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 */
function runForOutput(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(stdout)
        : reject(new Error(`${command} ${args[1]} failed (${code}):\n${stdout}`)),
    );
  });
}

/** @param {string} path */
const exists = (path) =>
  access(path).then(
    () => true,
    () => false,
  );

/** The demo's LiveKit API secret: made once, kept with the demo key (never a real deployment's). */
async function livekitSecret() {
  const file = join(demo, 'livekit-secret');
  if (!(await exists(file))) {
    await writeFile(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return (await readFile(file, 'utf8')).trim();
}

/**
 * Makes the next version of the demo kits into .cache/demo/kits/ and publishes only the encrypted
 * .tocsin files under dist/kits/: the links, QR codes and paper kit hold keys and personal data,
 * and stay off the web server.
 */
async function makeKits() {
  const out = join(demo, 'kits');
  await rm(out, { recursive: true, force: true });
  const key = join(demo, 'org.key');
  const kit = (/** @type {string[]} */ ...args) =>
    runForOutput(process.execPath, [join(root, 'src/cli/bin.mjs'), ...args], {
      ...process.env,
      LIVEKIT_API_KEY,
    });
  if (!(await exists(key))) {
    await kit('keygen', '--org-name', 'Mairie de Saint-Martin (démo)', '--out', key);
  }
  process.env.LIVEKIT_API_SECRET = await livekitSecret();
  /** @type {BuildSummary} */
  const summary = JSON.parse(
    await kit(
      'build',
      ...['--key', key, '--contacts', join(root, 'deploy/demo/annuaire.csv')],
      ...['--livekit-url', LIVEKIT_URL, '--app-url', APP_URL, '--out', out, '--json'],
    ),
  );
  await mkdir(join(dist, 'kits'), { recursive: true });
  for (const member of summary.members) {
    await copyFile(member.kit, join(dist, 'kits', `${member.id}.tocsin`));
  }
  return { out, summary };
}

/**
 * The part of `tocsin-kit build --json` the demo prints.
 * @typedef {{
 *   organisation: { name: string },
 *   fingerprint: string,
 *   members: {
 *     id: string, displayName: string, jobTitle: string,
 *     roles: { fr: string, en: string }[], kit: string, link: string,
 *   }[],
 * }} BuildSummary
 */

/**
 * Who each link enrolls, next to the fingerprint they compare: the mayor is found by name and
 * role, not by a file name.
 * @param {BuildSummary} summary
 */
async function printEnrollment(summary) {
  console.log(`\nOrganisation: ${summary.organisation.name}`);
  console.log(`Fingerprint:  ${summary.fingerprint}`);
  console.log('  (each member checks it on the enrollment page, and on the paper kit)');
  console.log('\nEnroll a member by opening their link (it holds that member’s kit key):');
  for (const member of summary.members) {
    const roles = member.roles.map((role) => `${role.fr} / ${role.en}`);
    const about = [member.jobTitle, ...roles].filter(Boolean).join(', ');
    console.log(`\n  ${member.displayName}${about ? ` — ${about}` : ''}`);
    console.log(`  ${(await readFile(member.link, 'utf8')).trim()}`);
  }
}

/**
 * Starts the demo's LiveKit server, or explains why the room will not work and returns undefined:
 * the rest of the demo does not need it.
 */
async function startLivekit() {
  let binary;
  try {
    binary = await ensureLivekitServer();
  } catch (error) {
    console.warn(`\nThe demo runs without its LiveKit server, so the crisis room cannot connect.`);
    console.warn(error instanceof Error ? error.message : error);
    return undefined;
  }
  try {
    return await startLivekitServer({
      binary,
      port: LIVEKIT_PORT,
      apiKey: LIVEKIT_API_KEY,
      apiSecret: await livekitSecret(),
    });
  } catch (error) {
    console.warn(`\nThe demo's LiveKit server did not start, so the crisis room cannot connect.`);
    console.warn(error instanceof Error ? error.message : error);
    return undefined;
  }
}

await mkdir(demo, { recursive: true, mode: 0o700 });
const livekit = await startLivekit();
let stopping = false;
/** Stops the LiveKit server, which would otherwise outlive a failed start. */
const stopLivekit = () => {
  stopping = true;
  return livekit?.stop();
};
let kits, server;
try {
  await run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build']);
  kits = await makeKits();
  server = await startStaticServer({ dir: dist, port: PORT });
} catch (error) {
  await stopLivekit();
  throw error;
}
void livekit?.exited.then(() => {
  if (!stopping) console.error('The LiveKit server stopped: the crisis room is unavailable.');
});
console.log(`\nTocsin is served on ${APP_URL}/ (127.0.0.1 only).`);
console.log(
  livekit
    ? `Its crisis room uses the LiveKit server on ${LIVEKIT_URL} (API key ${LIVEKIT_API_KEY}).`
    : 'Its crisis room has no LiveKit server (see above).',
);
await printEnrollment(kits.summary);
console.log(`\nTheir QR codes and the printable paper kit: ${kits.out}/`);
console.log('Press Ctrl-C to stop.');

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    void Promise.all([server.close(), stopLivekit()]).then(() => process.exit(0));
  });
}
