// A new deployment: the learner sees "A new version is ready, reload", the open page keeps every
// file of the old deployment until then, and after the reload every file is the new one.
import { expect } from '@playwright/test';
import { cpSync, existsSync, readFileSync, renameSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { watchPage, expectClean } from './support.mjs';
import { repoRoot, serveFolder, tempDir, test, waitForServiceWorker, xtask } from './platform-support.mjs';

// Each test starts its own browser and server, and a loaded machine compiles the wasm slowly.
test.describe.configure({ timeout: 180_000 });

// Gives the second deployment's changed files a later time, as a real upload has: nginx's ETag
// is the file's time and size, and both workers have the same size.
function touchLater(folder, names) {
  const later = new Date(Date.now() + 120_000);
  for (const name of names) utimesSync(join(folder, name), later, later);
}

// Points `current` at a deployment folder atomically, as a host swapping folders would.
function deploy(root, folder) {
  const link = join(root, 'current-next');
  symlinkSync(join(root, folder), link);
  renameSync(link, join(root, 'current'));
}

const catalogueName = () => fetch('content/catalogue.json').then((r) => r.json()).then((c) => c.site.name);

test('a second deployment is announced and taken only when the learner reloads', async ({ page, bundleDir }) => {
  // A whole second build (about a minute of wasm-bindgen, wasm-opt and compression).
  test.setTimeout(600_000);
  const root = tempDir('update');
  cpSync(bundleDir, join(root, 'v1'), { recursive: true });
  const oldName = JSON.parse(readFileSync(join(root, 'v1/content/catalogue.json'), 'utf8')).site.name;
  // The second deployment: a second `cargo xtask build`, with the sample site's content (other
  // site name, modules and module files), as a trust redeploying with its own content would.
  const sampleSite = join(repoRoot, 'crates/content/tests/fixtures/sample-site');
  await xtask(['build', '--content', sampleSite, '--dist', join(root, 'v2')]);
  const newName = JSON.parse(readFileSync(join(root, 'v2/content/catalogue.json'), 'utf8')).site.name;
  expect(newName).not.toBe(oldName);
  touchLater(join(root, 'v2'), ['sw.js', 'index.html', 'content/catalogue.json']);
  expect(readFileSync(join(root, 'v2/sw.js'), 'utf8')).not.toBe(readFileSync(join(root, 'v1/sw.js'), 'utf8'));

  deploy(root, 'v1');
  const server = await serveFolder(join(root, 'current'));
  try {
    const problems = watchPage(page, server.url);
    await page.goto(server.url);
    await waitForServiceWorker(page);
    await page.reload();
    expect(await page.evaluate(catalogueName)).toBe(oldName);
    const notice = page.getByText('A new version is ready, reload');
    await expect(notice).toHaveCount(0);

    deploy(root, 'v2');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await expect(notice).toBeVisible({ timeout: 60_000 });
    // Until the learner reloads, the page gets the old deployment's files only.
    expect(await page.evaluate(catalogueName)).toBe(oldName);
    await page.getByRole('link', { name: 'Progress' }).click();
    expect(await page.evaluate(catalogueName)).toBe(oldName);

    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Reload' }).click(),
    ]);
    await expect(page.locator('#app[data-app="running"]').getByRole('navigation', { name: 'Primary' })).toBeVisible({ timeout: 60_000 });
    expect(await page.evaluate(catalogueName)).toBe(newName);
    await expect(page.getByRole('banner').getByRole('link', { name: new RegExp(newName) })).toBeVisible();
    // The sample site's logo exists only in the second deployment, and it loads.
    const logo = page.getByRole('banner').getByRole('img');
    expect(existsSync(join(root, 'v2', await logo.getAttribute('src')))).toBe(true);
    expect(existsSync(join(root, 'v1', await logo.getAttribute('src')))).toBe(false);
    await expect.poll(() => logo.evaluate((img) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await expect(notice).toHaveCount(0);
    // The old deployment's cache is gone: one deployment on the device at a time.
    expect(await page.evaluate(() => caches.keys())).toHaveLength(1);
    expectClean(problems);
  } finally {
    server.stop();
  }
});

test('a half-uploaded deployment is not cached', async ({ page, bundleDir }) => {
  const root = tempDir('half-upload');
  cpSync(bundleDir, join(root, 'v1'), { recursive: true });
  cpSync(join(root, 'v1'), join(root, 'v2'), { recursive: true });
  // New worker and catalogue listed, but the server still has an old index.html with other bytes.
  const cataloguePath = join(root, 'v2/content/catalogue.json');
  writeFileSync(cataloguePath, readFileSync(cataloguePath, 'utf8').replace('"name":"', '"name":"New '));
  await xtask(['pwa', '--dist', join(root, 'v2')]);
  writeFileSync(join(root, 'v2/index.html'), `${readFileSync(join(root, 'v2/index.html'), 'utf8')}\n<!-- stale -->`);
  touchLater(join(root, 'v2'), ['sw.js', 'content/catalogue.json', 'index.html']);

  deploy(root, 'v1');
  const server = await serveFolder(join(root, 'current'));
  try {
    await page.goto(server.url);
    await waitForServiceWorker(page);
    await page.reload();
    deploy(root, 'v2');
    const failed = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration.update();
      const worker = registration.installing;
      if (!worker) return 'no new worker';
      return new Promise((resolve) => worker.addEventListener('statechange', () => {
        if (worker.state === 'redundant' || worker.state === 'installed') resolve(worker.state);
      }));
    });
    expect(failed).toBe('redundant');
    await expect(page.getByText('A new version is ready, reload')).toHaveCount(0);
    expect(await page.evaluate(catalogueName)).not.toMatch(/^New /);
  } finally {
    server.stop();
  }
});
