// The app inside an iframe on an intranet page of another origin: it starts with no console
// errors, requests nothing from the host's origin, posts its "ready" event only to that origin,
// and a page whose origin is not in frame-ancestors cannot frame it.
import { expect } from '@playwright/test';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, serveFolder, test } from './platform-support.mjs';

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
