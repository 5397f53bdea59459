#!/usr/bin/env node
// `npm start`: the local demo. Builds the app, makes a demo organisation's crisis kits with the
// real tocsin-kit command (a key kept in .cache/demo/, a new kit version at every start), serves
// the app and the kits on http://localhost:4173 and prints one enrollment link per member.
// Ctrl-C stops everything it started.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { access, copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const demo = join(root, '.cache/demo');
const dist = join(root, 'dist');
const PORT = 4173;
const APP_URL = `http://localhost:${PORT}`;
// The LiveKit server of the demo (the crisis-room feature starts one on this port).
const LIVEKIT_URL = 'ws://127.0.0.1:7880';
const LIVEKIT_API_KEY = 'tocsin-demo';

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
  await mkdir(demo, { recursive: true, mode: 0o700 });
  const out = join(demo, 'kits');
  await rm(out, { recursive: true, force: true });
  const key = join(demo, 'org.key');
  const kit = (/** @type {string[]} */ ...args) =>
    run(process.execPath, [join(root, 'src/cli/bin.mjs'), ...args], {
      ...process.env,
      LIVEKIT_API_KEY,
    });
  if (!(await exists(key))) {
    await kit('keygen', '--org-name', 'Mairie de Saint-Martin (démo)', '--out', key);
  }
  process.env.LIVEKIT_API_SECRET = await livekitSecret();
  await kit(
    'build',
    ...['--key', key, '--contacts', join(root, 'deploy/demo/annuaire.csv')],
    ...['--livekit-url', LIVEKIT_URL, '--app-url', APP_URL, '--out', out],
  );
  await mkdir(join(dist, 'kits'), { recursive: true });
  const files = await readdir(out);
  for (const file of files.filter((name) => name.endsWith('.tocsin'))) {
    await copyFile(join(out, file), join(dist, 'kits', file));
  }
  return { out, links: files.filter((name) => name.endsWith('.link.txt')).sort() };
}

await run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build']);
const kits = await makeKits();
const server = await startStaticServer({ dir: dist, port: PORT });
console.log(`\nTocsin is served on ${APP_URL}/ (127.0.0.1 only).`);
console.log('Enroll a member by opening one of these links (each holds that member’s kit key):');
for (const file of kits.links) {
  const link = (await readFile(join(kits.out, file), 'utf8')).trim();
  console.log(`  ${file.replace('.link.txt', '')}: ${link}`);
}
console.log(`Their QR codes and the printable paper kit: ${kits.out}/`);
console.log('Press Ctrl-C to stop.');

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => void server.close().then(() => process.exit(0)));
}
