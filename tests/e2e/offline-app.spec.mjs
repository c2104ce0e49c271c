// After one visit the whole app works with the network off: the service worker precaches every
// file of the deployment (shell, module files, catalogue, icons) and serves navigations offline.
import { expect } from '@playwright/test';
import { watchPage, expectClean } from './support.mjs';
import { finishSession, onboard } from './app-support.mjs';
import { itemsIn, precacheList, test, waitForServiceWorker } from './platform-support.mjs';

// Each test starts its own browser and server, and a loaded machine compiles the wasm slowly.
test.describe.configure({ timeout: 180_000 });

const screens = [
  ['Modules', /Modules/],
  ['Progress', /Progress/],
  ['Settings', /Settings/],
  ['Today', /./],
];

test('after one visit the app loads, navigates and reads module files offline', async ({ page, context, app }) => {
  const problems = watchPage(page, app.url);
  await page.goto(app.url);
  const nav = page.locator('#app[data-app="running"]').getByRole('navigation', { name: 'Primary' });
  await expect(nav).toBeVisible({ timeout: 60_000 });
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await page.reload();
  await expect(nav).toBeVisible({ timeout: 60_000 });
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  for (const [link, heading] of screens) {
    await nav.getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText(heading);
  }

  // Every module file named by the catalogue comes from the cache while offline.
  const fetched = await page.evaluate(async () => {
    const catalogue = await (await fetch('content/catalogue.json')).json();
    const results = [];
    for (const module of catalogue.modules) {
      const response = await fetch(`content/${module.file}`);
      results.push({ file: module.file, ok: response.ok, id: (await response.json()).id });
    }
    return results;
  });
  expect(fetched.length).toBeGreaterThan(0);
  for (const result of fetched) expect(result.ok, result.file).toBe(true);

  // A deep link typed while offline opens too (navigations fall back to the cached index.html).
  await page.goto(`${app.url}#/progress`);
  await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText(/Progress/);
  await context.setOffline(false);
  expectClean(problems);
});

test('a lesson completed offline is saved', async ({ page, context, app, bundleDir }) => {
  const problems = watchPage(page, app.url);
  const items = itemsIn(bundleDir);
  await onboard(page, { minutes: 3, modules: ['cyber-security'] });
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await page.reload();
  await page.getByRole('button', { name: "Start today's session" }).click();
  const answers = await finishSession(page, items);
  expect(answers).toBeGreaterThan(0);

  // Still offline, a reload shows the progress: it was saved on the device.
  await page.goto(`${app.url}#/progress`);
  await page.reload();
  const learned = page.locator('.nhsuk-summary-list__row', { hasText: 'Questions learned' });
  await expect(learned).toBeVisible({ timeout: 60_000 });
  expect(Number((await learned.locator('dd').textContent()).trim())).toBeGreaterThan(0);
  await context.setOffline(false);
  expectClean(problems);
});

test('the precache list names every file with a SHA-256 and only this origin is cached', async ({ page, request, app }) => {
  const worker = await request.get(`${app.url}sw.js`);
  expect(worker.headers()['cache-control']).toBe('no-cache');
  expect(worker.headers()['content-type']).toMatch(/javascript/);
  const files = precacheList(await worker.text());
  const paths = files.map(([path]) => path);
  for (const expected of ['index.html', 'content/catalogue.json', 'manifest.webmanifest', 'icons/maskable-512.png']) {
    expect(paths).toContain(expected);
  }
  expect(paths.some((path) => path.endsWith('_bg.wasm'))).toBe(true);
  expect(paths.filter((path) => path.startsWith('content/modules/')).length).toBeGreaterThan(0);
  for (const [, sha256] of files) expect(sha256).toMatch(/^[0-9a-f]{64}$/);

  await page.goto(app.url);
  await waitForServiceWorker(page);
  const cached = await page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls;
  });
  const origin = new URL(app.url).origin;
  expect(cached.length).toBe(files.length);
  for (const url of cached) expect(new URL(url).origin).toBe(origin);
});

test('the web app manifest installs under any sub-path', async ({ page, request, app }) => {
  await page.goto(app.url);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('manifest.webmanifest');
  const response = await request.get(`${app.url}${href}`);
  expect(response.headers()['content-type']).toBe('application/manifest+json');
  const manifest = await response.json();
  expect(manifest.start_url).toBe('./');
  expect(manifest.scope).toBe('./');
  expect(manifest.name).toBeTruthy();
  expect(manifest.short_name.length).toBeLessThanOrEqual(12);
  expect(manifest.theme_color).toMatch(/^#[0-9a-fA-F]{6}$/);
  expect(manifest.background_color).toMatch(/^#[0-9a-fA-F]{6}$/);
  expect(manifest.display).toBe('standalone');
  const purposes = manifest.icons.map((icon) => icon.purpose);
  expect(purposes).toContain('maskable');
  expect(manifest.icons.some((icon) => icon.sizes === '512x512' && icon.purpose === 'any')).toBe(true);
  expect(manifest.icons.some((icon) => icon.sizes === '192x192')).toBe(true);
  for (const icon of manifest.icons) {
    const image = await request.get(`${app.url}${icon.src}`);
    expect(image.ok(), icon.src).toBe(true);
    expect(image.headers()['content-type']).toBe(icon.type);
  }
});
