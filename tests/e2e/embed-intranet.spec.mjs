// The app inside an iframe on an intranet page of another origin: it starts with no console
// errors, requests nothing from the host's origin, posts its events (ready, score, module
// completed) only to that origin, and a page whose origin is not in frame-ancestors cannot
// frame it.
import { expect } from '@playwright/test';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { itemsIn, repoRoot, serveFolder, test } from './platform-support.mjs';
import { finishPlacement } from './app-support.mjs';

// Each test starts its own browser and server, and a loaded machine compiles the wasm slowly.
test.describe.configure({ timeout: 180_000 });

// The mock intranet: the example host page from web/host-example, with the app's URL filled in.
// Its own server sends no CSP, like many intranets; only the app's headers are under test.
async function startIntranet() {
  const folder = join(repoRoot, 'web/host-example');
  let origin = '';
  let appURL = '';
  const server = createServer((request, response) => {
    const name = request.url.startsWith('/intranet.js') ? 'intranet.js' : 'intranet.html';
    let body = readFileSync(join(folder, name), 'utf8');
    if (name === 'intranet.html') {
      body = body.replaceAll('APP_URL', appURL).replaceAll('HOST_ORIGIN', encodeURIComponent(origin));
    }
    response.writeHead(200, { 'Content-Type': name.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8' });
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: `${origin}/intranet.html`,
    embed: (url) => { appURL = url; },
    close: () => server.close(),
  };
}

test('the app runs in an iframe on an allowed intranet origin and tells the host it is ready', async ({ page, bundleDir }) => {
  const host = await startIntranet();
  const app = await serveFolder(bundleDir, { frameAncestors: `'self' ${host.origin}` });
  host.embed(app.url);
  try {
    const consoleErrors = [];
    const foreign = [];
    page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    page.on('request', (request) => {
      const origin = new URL(request.url()).origin;
      if (![host.origin, new URL(app.url).origin].includes(origin)) foreign.push(request.url());
      if (request.frame() !== page.mainFrame() && origin !== new URL(app.url).origin) foreign.push(request.url());
    });
    await page.goto(host.url);
    const frame = page.frameLocator('#microlearn');
    await expect(frame.locator('#app[data-app="running"]').getByRole('navigation', { name: 'Primary' })).toBeVisible({ timeout: 60_000 });
    await frame.getByRole('link', { name: 'Progress' }).click();
    await expect(frame.getByRole('heading', { level: 1 }).first()).toHaveText(/Progress/);
    await expect(page.locator('#events li')).toHaveText(['Microlearn: ready']);
    expect(await page.evaluate(() => window.microlearnEvents)).toEqual([{ source: 'microlearn', version: 1, type: 'ready' }]);
    expect(consoleErrors).toEqual([]);
    expect(foreign).toEqual([]);
  } finally {
    host.close();
    app.stop();
  }
});

test('the host page hears the module score as it changes and the module completion', async ({ page, bundleDir }) => {
  const host = await startIntranet();
  const app = await serveFolder(bundleDir, { frameAncestors: `'self' ${host.origin}` });
  host.embed(app.url);
  const items = itemsIn(bundleDir);
  try {
    const consoleErrors = [];
    page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    await page.goto(host.url);
    const frame = page.frames().find((candidate) => candidate.url().startsWith(app.url));
    await expect(frame.locator('#app[data-app="running"]').getByRole('navigation', { name: 'Primary' })).toBeVisible({ timeout: 60_000 });
    await expect(frame.locator('.app-loading')).toHaveCount(0, { timeout: 60_000 });
    // Welcome: cyber security only; its placement check, all right, completes the module.
    await frame.getByLabel('5 minutes a day').check();
    for (const box of await frame.locator('input[name="modules"]').all()) {
      if ((await box.getAttribute('id')) !== 'module-cyber-security') await box.uncheck();
    }
    await frame.getByRole('button', { name: 'Continue' }).click();
    await frame.getByRole('link', { name: /Check what I know: Cyber security/ }).click();
    await finishPlacement(frame, items);
    await expect(frame.getByText('You can skip 8 of 8 lessons.')).toBeVisible();

    const events = () => page.evaluate(() => window.microlearnEvents);
    await expect.poll(async () => (await events()).map((event) => event.type)).toContain('module-completed');
    const received = await events();
    const scores = received.filter((event) => event.type === 'score');
    expect(scores.length).toBeGreaterThan(0);
    for (const event of scores) {
      expect(Object.keys(event).sort()).toEqual(['module', 'score', 'source', 'type', 'version']);
      expect(event.module).toBe('cyber-security');
      expect(event.score).toBeGreaterThanOrEqual(0);
      expect(event.score).toBeLessThanOrEqual(100);
    }
    const finalScore = scores.at(-1).score;
    expect(finalScore).toBeGreaterThanOrEqual(90);
    expect(received.filter((event) => event.type === 'module-completed')).toEqual([
      { source: 'microlearn', version: 1, type: 'module-completed', module: 'cyber-security', score: finalScore },
    ]);
    await expect(page.locator('#events li').last()).toHaveText(`Completed cyber-security with ${finalScore}%`);
    expect(consoleErrors).toEqual([]);
  } finally {
    host.close();
    app.stop();
  }
});

test('a page on an origin not in frame-ancestors cannot frame the app', async ({ page, bundleDir }) => {
  const app = await serveFolder(bundleDir, { frameAncestors: "'self' https://intranet.example.nhs.uk" });
  const host = await startIntranet();
  host.embed(app.url);
  try {
    const refusals = [];
    page.on('console', (message) => { if (/frame-ancestors/.test(message.text())) refusals.push(message.text()); });
    // The host page's load event waits for its iframe, so the browser has decided by then.
    await page.goto(host.url);
    const appFrame = page.frames().find((frame) => frame !== page.mainFrame());
    expect(appFrame.url()).toMatch(/^chrome-error:/);
    expect(refusals.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.microlearnEvents)).toEqual([]);
  } finally {
    host.close();
    app.stop();
  }
});
