#!/usr/bin/env node
// `npm run bench`: runs every benchmark of test/bench/*.bench.mjs and prints one JSON object of
// figures on stdout (progress goes to stderr). Speed is reported as ratios against a baseline
// measured in the same run, so figures compare across machines. A figure whose measurement failed
// is null with a `<figure>.reason` (see figures.mjs); a bench that fails as a whole prints none of
// its figures but `bench.failed.<file>`, the others still run, and the command then exits with 1.
import { readdir } from 'node:fs/promises';

const dir = new URL('./', import.meta.url);
const files = (await readdir(dir)).filter((name) => name.endsWith('.bench.mjs')).sort();
/** @type {Record<string, unknown>} */
const figures = {};
for (const file of files) {
  console.error(`bench: ${file}`);
  try {
    const { run } = await import(new URL(file, dir).href);
    Object.assign(figures, await run());
  } catch (error) {
    console.error(error);
    figures[`bench.failed.${file}`] = error instanceof Error ? error.message : String(error);
    process.exitCode = 1;
  }
}
console.log(JSON.stringify(figures, null, 2));
