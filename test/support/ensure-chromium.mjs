#!/usr/bin/env node
// Runs before `npm test`: the browser tests drive the system Chromium (nothing is downloaded by
// npm). When it is missing and we are root on Debian/Ubuntu, install it with apt-get; otherwise say
// exactly what to install.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { chromiumPath } from './chromium.mjs';

/** @param {string} path */
function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @param {...string} args */
function aptGet(...args) {
  console.log(`$ apt-get ${args.join(' ')}`);
  return (
    spawnSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0
  );
}

if (isExecutable(chromiumPath)) process.exit(0);

const hasAptGet = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
if (process.getuid?.() === 0 && hasAptGet && !process.env.CHROME_PATH) {
  console.log('Chromium is missing: installing Debian’s chromium package for the browser tests…');
  const installed =
    aptGet('install', '-y', 'chromium') ||
    (aptGet('update') && aptGet('install', '-y', 'chromium'));
  if (installed && isExecutable(chromiumPath)) process.exit(0);
}

console.error(`The browser tests need Chromium at ${chromiumPath}, and it is not there.
Install it, then run npm test again:
  Debian/Ubuntu:  sudo apt-get install chromium
  other systems:  install Chromium or Chrome and set CHROME_PATH=/path/to/chrome`);
process.exit(1);
