#!/usr/bin/env node
// The `tocsin-kit` command. Node 20 cannot run TypeScript, so this launcher bundles main.ts (and
// the app's kit format and importers it shares) with esbuild into .cache/tocsin-kit/ whenever a
// TypeScript source is newer than the bundle, then runs it. Dependencies stay external: the bundle
// imports them from the project's node_modules.
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const entry = join(here, 'main.ts');
const bundle = join(root, '.cache/tocsin-kit/tocsin-kit.mjs');

/**
 * The newest modification time of the .ts files under `dir`, in milliseconds.
 * @param {string} dir
 * @returns {Promise<number>}
 */
async function newestSource(dir) {
  let newest = 0;
  for (const item of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) newest = Math.max(newest, await newestSource(path));
    else if (item.name.endsWith('.ts')) newest = Math.max(newest, (await stat(path)).mtimeMs);
  }
  return newest;
}

/** Rebuilds the bundle when it is missing or older than a source. */
async function ensureBundle() {
  const built = await stat(bundle).then(
    (info) => info.mtimeMs,
    () => -1,
  );
  // The command's own sources are under src/ too (src/cli), next to the app code it shares.
  const sources = await newestSource(join(root, 'src'));
  if (built >= sources) return;
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    target: 'node20',
    write: false,
    logLevel: 'warning',
  });
  // Written aside and renamed, so that two commands started together never run half a file.
  await mkdir(dirname(bundle), { recursive: true });
  const aside = `${bundle}.${process.pid}.tmp`;
  try {
    await writeFile(aside, result.outputFiles[0].contents);
    await rename(aside, bundle);
  } finally {
    await rm(aside, { force: true });
  }
}

// `tocsin-kit inspect … --json | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EPIPE') throw error;
});

await ensureBundle();
/** @type {{ main: (argv: string[]) => Promise<number> }} */
const { main } = await import(pathToFileURL(bundle).href);
process.exitCode = await main(process.argv.slice(2));
