// Browsers keep a separate store for each top-level site, so a learner moves progress between
// the standalone app and the app embedded in an intranet page with a file. Here a file exported
// from the standalone app imports into the embedded app (a fresh browser whose page frames the
// app), and the embedded app's export imports back into another standalone copy.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { loadContent, onboard, answerCurrent, goOn } from './app-support.mjs';
import { readStore } from './storage-support.mjs';

const HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Trust intranet</title></head>
<body><h1>Trust intranet</h1><iframe title="Microlearn" src="./#/settings" width="360" height="700"></iframe></body></html>`;

/** The stored answer ids, or null while the page is reloading (an import reloads the app). */
async function storedIds(pageOrFrame) {
  try {
    return (await readStore(pageOrFrame, 'events')).keys.sort();
  } catch {
    return null;
  }
}

async function exportFrom(page, scope) {
  const download = page.waitForEvent('download');
  await scope.getByRole('button', { name: 'Export my progress' }).click();
  return fs.readFileSync(await (await download).path(), 'utf8');
}

test('a file moves progress from the standalone app into the embedded app and back', async ({ page, browser, baseURL, request }) => {
  const { items } = await loadContent(request);
  await onboard(page, { modules: ['cyber-security'] });
  await page.getByRole('button', { name: "Start today's session" }).click();
  await answerCurrent(page, items);
  await goOn(page);
  const ids = await storedIds(page);
  await page.goto('./#/settings');
  const standaloneFile = await exportFrom(page, page);

  const intranet = await browser.newContext({ baseURL });
  const host = await intranet.newPage();
  await host.route('**/intranet-host.html', (route) => route.fulfill({ contentType: 'text/html', body: HOST }));
  await host.goto('./intranet-host.html');
  const embedded = host.frameLocator('iframe[title="Microlearn"]');
  await expect(embedded.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible({ timeout: 30_000 });
  const frame = host.frames().find((candidate) => candidate.url().includes('#/settings'));
  // The app reloads itself after an import. Mark this document, so the test can wait for the new
  // one to be running before it clicks anything (a click during the reload would be lost).
  await frame.evaluate(() => { window.beforeImport = true; });
  await embedded.locator('#import-file').setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(standaloneFile) });
  await expect.poll(() => storedIds(frame)).toEqual(ids);
  await expect.poll(() => frame.evaluate(() => window.beforeImport === undefined
    && document.querySelector('#app[data-app="running"]') !== null).catch(() => false), { timeout: 30_000 }).toBe(true);
  await embedded.getByRole('link', { name: 'Settings', exact: true }).click({ timeout: 30_000 });
  await expect(embedded.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const embeddedFile = await exportFrom(host, embedded);
  expect(JSON.parse(embeddedFile).events.map((event) => event.id).sort()).toEqual(ids);
  await intranet.close();

  const elsewhere = await browser.newContext({ baseURL });
  const back = await elsewhere.newPage();
  await back.goto('./#/settings');
  await expect(back.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible({ timeout: 30_000 });
  await back.locator('#import-file').setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(embeddedFile) });
  await expect.poll(() => storedIds(back)).toEqual(ids);
  await elsewhere.close();
});
