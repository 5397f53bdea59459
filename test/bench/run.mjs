#!/usr/bin/env node
// `npm run bench`: runs every benchmark of test/bench/*.bench.mjs and prints one JSON object of
// figures on stdout (progress goes to stderr). Speed is reported as ratios against a baseline
// measured in the same run, so figures compare across machines.
import { readdir } from 'node:fs/promises';

const dir = new URL('./', import.meta.url);
const files = (await readdir(dir)).filter((name) => name.endsWith('.bench.mjs')).sort();
const figures = {};
for (const file of files) {
  console.error(`bench: ${file}`);
  const { run } = await import(new URL(file, dir).href);
  Object.assign(figures, await run());
}
console.log(JSON.stringify(figures, null, 2));
