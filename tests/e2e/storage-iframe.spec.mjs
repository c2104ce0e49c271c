// Browsers keep a separate store for each top-level site, so a learner moves progress between
// the standalone app and the app embedded in an intranet page with a file. Here the intranet page
// is on another site (http://localhost:PORT) from the app (http://127.0.0.1:PORT), in the same
// browser profile: the embedded app starts with an empty, partitioned store even though the
// standalone app has answers; a file exported from the standalone app imports into it; an answer
// given inside the frame stays there; and the embedded app's export imports back into the
// standalone app, which then holds both. Where the browser refuses the frame storage altogether,
// the learner is told, can go on answering, and the export carries the answers.
import { expect } from '@playwright/test';
import fs from 'node:fs';
import { createServer } from 'node:http';
import { itemsIn, serveFolder, test } from './platform-support.mjs';
import { chromiumArgs } from './playwright.config.mjs';
import { onboard, answerCurrent, goOn } from './app-support.mjs';
import { readStore } from './storage-support.mjs';

// Playwright launches Chromium with storage partitioning turned off (its issue 32230), and
// Chromium then refuses a cross-site frame any storage at all. The browsers learners use
// partition it instead (Chrome since 115, Edge, Firefox, Safari), so this test's browser gets
// Playwright's list of disabled features without that one: a later --disable-features replaces
// the earlier. (Without it the framed app says it cannot save, which it also handles.)
const PLAYWRIGHT_DISABLED_FEATURES_BUT_PARTITIONING = [
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding',
  'AvoidCorsURLLoaderRestartOnRedirect', 'OptimizationHints', 'NetworkTimeServiceQuerying',
  'AimEnabled', 'PreconnectToSearch',
];

/**
 * The intranet page, served from loopback but addressed as `localhost`: another site than the
 * app's 127.0.0.1. (A page Playwright fulfils itself has no address, so Chromium's local network
 * checks would stop it framing a loopback app.)
 */
async function startIntranet(appURL) {
  const server = createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Trust intranet</title></head>
<body><h1>Trust intranet</h1><iframe title="Microlearn" src="${appURL()}#/settings" width="360" height="700"></iframe></body></html>`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://localhost:${server.address().port}`, close: () => server.close() };
}

// A browser and an nginx of its own, two app starts and two imports on a loaded machine.
test.describe.configure({ timeout: 240_000 });

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

/**
 * Imports a file on the Settings screen of `scope` (a page or an iframe) and waits until its
 * answers are stored and the app has reloaded and is running again (a click during the reload
 * would be lost).
 */
async function importInto(frame, scope, text, expectedIds) {
  await frame.evaluate(() => { window.beforeImport = true; });
  await scope.locator('#import-file').setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect.poll(() => storedIds(frame), { timeout: 30_000 }).toEqual(expectedIds);
  await expect.poll(() => frame.evaluate(() => window.beforeImport === undefined
    && document.querySelector('#app[data-app="running"]') !== null).catch(() => false), { timeout: 30_000 }).toBe(true);
}

test('a file moves progress between the standalone app and the app framed by another site, and back', async ({ playwright, bundleDir }) => {
  const items = itemsIn(bundleDir);
  let appURL = '';
  const intranet = await startIntranet(() => appURL);
  const app = await serveFolder(bundleDir, { frameAncestors: `'self' ${intranet.origin}` });
  appURL = app.url;
  const appOrigin = new URL(app.url).origin;
  expect(new URL(intranet.origin).hostname).not.toBe(new URL(appOrigin).hostname);
  const browser = await playwright.chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [...chromiumArgs, `--disable-features=${PLAYWRIGHT_DISABLED_FEATURES_BUT_PARTITIONING.join(',')}`],
  });
  const context = await browser.newContext({ baseURL: app.url, viewport: { width: 360, height: 740 } });
  try {
    // Standalone: one answer, exported.
    const standalone = await context.newPage();
    await onboard(standalone, { modules: ['cyber-security'] });
    await standalone.getByRole('button', { name: "Start today's session" }).click();
    await answerCurrent(standalone, items);
    await goOn(standalone);
    const standaloneIds = await storedIds(standalone);
    expect(standaloneIds).toHaveLength(1);
    await standalone.goto('./#/settings');
    const standaloneFile = await exportFrom(standalone, standalone);

    // The intranet page, on another site, frames the app in the same browser profile.
    const host = await context.newPage();
    await host.goto(`${intranet.origin}/intranet.html`);
    const embedded = host.frameLocator('iframe[title="Microlearn"]');
    await expect(embedded.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible({ timeout: 60_000 });
    const frame = host.frames().find((candidate) => candidate.url().startsWith(appOrigin));
    // Partitioned: the app's own origin has an answer in this profile, the framed app sees none.
    await expect.poll(() => storedIds(frame)).toEqual([]);

    await importInto(frame, embedded, standaloneFile, standaloneIds);
    await embedded.getByRole('link', { name: 'Today', exact: true }).click({ timeout: 30_000 });
    await embedded.getByRole('link', { name: 'Continue your session' })
      .or(embedded.getByRole('button', { name: /^(Start today's session|Resume where you left off)$/ })).first().click();
    await answerCurrent(embedded, items);
    await goOn(embedded);
    const embeddedIds = await storedIds(frame);
    expect(embeddedIds).toHaveLength(2);
    expect(embeddedIds).toEqual(expect.arrayContaining(standaloneIds));
    await embedded.getByRole('link', { name: 'Settings', exact: true }).click();
    await expect(embedded.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    const embeddedFile = await exportFrom(host, embedded);
    expect(JSON.parse(embeddedFile).events.map((event) => event.id).sort()).toEqual(embeddedIds);

    // Back in the standalone app: the answer given in the frame is not here until imported.
    await standalone.goto('./#/settings');
    await expect(standalone.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible({ timeout: 30_000 });
    expect(await storedIds(standalone)).toEqual(standaloneIds);
    await importInto(standalone.mainFrame(), standalone, embeddedFile, embeddedIds);
  } finally {
    await browser.close();
    app.stop();
    intranet.close();
  }
});

// Playwright's own Chromium (partitioning off) refuses a cross-site frame any storage, as browsers
// that block third-party storage do. Nothing can be saved there, so nothing may hold the learner
// up, and the export, made from memory, is how the answers leave the page.
test('where the browser refuses the framed app storage, the learner goes on and the export keeps the answers', async ({ browser, bundleDir }) => {
  const items = itemsIn(bundleDir);
  let appURL = '';
  const intranet = await startIntranet(() => appURL);
  const app = await serveFolder(bundleDir, { frameAncestors: `'self' ${intranet.origin}` });
  appURL = app.url;
  const context = await browser.newContext({ baseURL: app.url, viewport: { width: 360, height: 740 } });
  try {
    const host = await context.newPage();
    await host.goto(`${intranet.origin}/intranet.html`);
    const embedded = host.frameLocator('iframe[title="Microlearn"]');
    await expect(embedded.locator('#app[data-app="running"]')).toHaveCount(1, { timeout: 60_000 });
    const frame = host.frames().find((candidate) => candidate.url().startsWith(new URL(app.url).origin));
    const refused = await frame.evaluate(() => new Promise((resolve) => {
      const open = indexedDB.open('probe');
      open.onsuccess = () => { open.result.close(); resolve(false); };
      open.onerror = () => resolve(true);
    }));
    expect(refused, 'this browser refuses the framed app storage').toBe(true);
    await expect(embedded.locator('.app-notices')).toContainText('Export it before you go (Settings, Export my progress).');

    // The welcome steps, as `onboard` takes them, inside the frame.
    await embedded.getByRole('link', { name: 'Today', exact: true }).click();
    await embedded.getByLabel('5 minutes a day', { exact: true }).check();
    await embedded.getByRole('button', { name: 'Continue' }).click();
    await embedded.getByRole('button', { name: 'Skip the checks and start learning' }).click();
    await embedded.getByRole('button', { name: "Start today's session" }).click();
    for (let n = 0; n < 2; n++) {
      await answerCurrent(embedded, items);
      await goOn(embedded);
    }
    await embedded.getByRole('link', { name: 'Settings', exact: true }).click();
    await expect(embedded.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    const file = await exportFrom(host, embedded);
    const answered = JSON.parse(file).events.map((event) => event.id).sort();
    expect(answered).toHaveLength(2);
    await embedded.locator('#import-file').setInputFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect(embedded.locator('p.nhsuk-inset-text[role="status"]')).toHaveText('The file could not be imported: this '
      + 'browser is not letting Microlearn use its storage. Nothing on this device was changed. Try again.');

    // The same answers, imported where storage works (the app as its own site), are kept.
    const standalone = await context.newPage();
    await standalone.goto('./#/settings');
    await expect(standalone.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible({ timeout: 60_000 });
    await importInto(standalone.mainFrame(), standalone, file, answered);
  } finally {
    await context.close();
    app.stop();
    intranet.close();
  }
});
