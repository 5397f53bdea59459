// Renders the PNG icons from the SVG sources with the system Chromium (`npm run icons`).
// The PNGs are committed: the build never depends on this script.
import { readFile, writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../test/support/chromium.mjs';

const dir = new URL('../../public/icons/', import.meta.url);
const outputs = [
  { source: 'icon.svg', file: 'icon-192.png', size: 192 },
  { source: 'icon.svg', file: 'icon-512.png', size: 512 },
  {
    source: '../../deploy/icons/icon-maskable.svg',
    file: 'icon-maskable-512.png',
    size: 512,
  },
  // iOS draws its own rounded corners and shows transparency as black: use the full-bleed art.
  {
    source: '../../deploy/icons/icon-maskable.svg',
    file: 'apple-touch-icon.png',
    size: 180,
  },
];

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  for (const { source, file, size } of outputs) {
    const svg = await readFile(new URL(source, dir), 'utf8');
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await writeFile(new URL(file, dir), await page.screenshot({ omitBackground: true }));
    await page.close();
    console.log(`wrote public/icons/${file} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
