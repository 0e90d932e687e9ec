// Renders the SVG icon sources to the PNGs the build uses:
//   icon.svg -> icon.png (1024x1024; electron-builder derives .ico and .icns from it)
//   tray.svg -> tray.png (32x32) and tray@2x.png (64x64)
// Run: node resources/icons/render-icons.mjs   (needs Chromium; CHROMIUM_PATH overrides /usr/bin/chromium)
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const outputs = [
  { source: 'icon.svg', target: 'icon.png', size: 1024 },
  { source: 'tray.svg', target: 'tray.png', size: 32 },
  { source: 'tray.svg', target: 'tray@2x.png', size: 64 },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
});
try {
  for (const { source, target, size } of outputs) {
    const svg = await readFile(join(here, source), 'utf8');
    const page = await browser.newPage({
      viewport: { width: size, height: size },
      deviceScaleFactor: 1,
    });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg style="display:block;width:${size}px;height:${size}px" `)}</body></html>`,
    );
    await page.screenshot({
      path: join(here, target),
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    await page.close();
    console.log(`${target} (${size}x${size})`);
  }
} finally {
  await browser.close();
}
