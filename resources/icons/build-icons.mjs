// Builds the app icons from packbench.svg with the Chromium the tests use (no image library needed):
// PNGs at the usual sizes, a Windows .ico and a macOS .icns, both holding PNG images.
// Run: node resources/icons/build-icons.mjs (the outputs are committed).
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const svg = readFileSync(join(here, 'packbench.svg'), 'utf8');
const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const png = {};
try {
  for (const size of sizes) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('width="512" height="512"', `width="${size}" height="${size}"`)}</body></html>`);
    png[size] = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
  }
} finally {
  await browser.close();
}
for (const size of [16, 32, 48, 64, 128, 256, 512]) writeFileSync(join(here, `icon-${size}.png`), png[size]);
writeFileSync(join(here, 'icon.png'), png[512]);

// ICO: header, one directory entry per image, then the PNGs (Windows Vista and later read PNG entries)
const icoSizes = [16, 24, 32, 48, 64, 128, 256];
const header = Buffer.alloc(6 + 16 * icoSizes.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(icoSizes.length, 4);
let offset = header.length;
icoSizes.forEach((size, i) => {
  const at = 6 + 16 * i;
  header[at] = size >= 256 ? 0 : size;
  header[at + 1] = size >= 256 ? 0 : size;
  header.writeUInt16LE(1, at + 4);
  header.writeUInt16LE(32, at + 6);
  header.writeUInt32LE(png[size].length, at + 8);
  header.writeUInt32LE(offset, at + 12);
  offset += png[size].length;
});
writeFileSync(join(here, 'icon.ico'), Buffer.concat([header, ...icoSizes.map((s) => png[s])]));

// ICNS: 'icns' + length, then typed chunks holding PNGs (ic07 128, ic08 256, ic09 512, ic10 1024)
const chunks = [['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024]].map(([type, size]) => {
  const head = Buffer.alloc(8);
  head.write(type, 0, 'latin1');
  head.writeUInt32BE(8 + png[size].length, 4);
  return Buffer.concat([head, png[size]]);
});
const body = Buffer.concat(chunks);
const top = Buffer.alloc(8);
top.write('icns', 0, 'latin1');
top.writeUInt32BE(8 + body.length, 4);
writeFileSync(join(here, 'icon.icns'), Buffer.concat([top, body]));
console.log('icons written to', here);
