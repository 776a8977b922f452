// Renders docs/icon.svg to public/icon/<size>.png with headless Chromium: `node scripts/render-icons.mjs`.
import fs from 'node:fs';
import puppeteer from 'puppeteer-core';

/** The sizes browsers and stores ask for (toolbar, extensions page, store listing). */
const SIZES = [16, 32, 48, 96, 128];

const svg = fs.readFileSync(new URL('../docs/icon.svg', import.meta.url), 'utf8');
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  pipe: true,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();
for (const size of SIZES) {
  await page.setViewport({ width: size, height: size });
  await page.setContent(
    `<body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`,
  );
  await page.screenshot({
    path: new URL(`../public/icon/${size}.png`, import.meta.url).pathname,
    omitBackground: true,
  });
}
await browser.close();
