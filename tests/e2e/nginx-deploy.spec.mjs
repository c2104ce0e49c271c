// The nginx configuration in docs/deploy.md (web/nginx/microlearn.conf), run for real on loopback
// over the bundle under test: the same security and cache headers as xtask's server, the MIME
// types the browser needs, compression, and the shell smoke test, including offline use after
// one visit.
import { expect } from '@playwright/test';
import { watchPage, expectClean } from './support.mjs';
import { FIRST_SCREEN_TRANSFER_BUDGET, firstScreenTransfer } from '../perf/first-screen-bytes.mjs';
import { precacheList, startNginx, suiteURL, test, waitForServiceWorker } from './platform-support.mjs';
import { readFileSync, statSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';

// nginx may need installing from Debian's packages on a fresh machine.
test.describe.configure({ timeout: 300_000 });

// Comparable MIME type: JavaScript may be named text/ or application/, charset is optional.
const mimeOf = (type) => type.split(';')[0].trim().replace('application/javascript', 'text/javascript');

test('nginx sends the documented headers for every file of the bundle', async ({ request, bundleDir }) => {
  const nginx = await startNginx(bundleDir);
  try {
    const files = precacheList(readFileSync(join(bundleDir, 'sw.js'), 'utf8')).map(([path]) => path);
    let checked = 0;
    for (const path of ['', 'sw.js', ...files]) {
      const [ours, theirs] = await Promise.all([request.get(suiteURL + path), request.get(nginx.url + path)]);
      expect(theirs.status(), path).toBe(200);
      const a = ours.headers();
      const b = theirs.headers();
      expect(b['content-security-policy'], path).toBe(a['content-security-policy']);
      expect(b['cache-control'], path).toBe(a['cache-control']);
      expect(mimeOf(b['content-type']), path).toBe(mimeOf(a['content-type']));
      for (const header of ['x-content-type-options', 'referrer-policy', 'cross-origin-opener-policy']) {
        expect(b[header], `${header} on ${path}`).toBe(a[header]);
      }
      checked += 1;
    }
    const wasm = files.find((path) => path.endsWith('_bg.wasm'));
    expect((await request.get(nginx.url + wasm)).headers()['content-type']).toBe('application/wasm');
    expect((await request.get(`${nginx.url}manifest.webmanifest`)).headers()['content-type']).toBe('application/manifest+json');
    expect((await request.get(`${nginx.url}index.html`)).headers()['cache-control']).toBe('no-cache');
    expect((await request.get(`${nginx.url}${wasm}`)).headers()['cache-control']).toContain('immutable');
    expect((await request.get(`${nginx.url}no-such-file`)).status()).toBe(404);
    expect(checked).toBe(files.length + 2);
  } finally {
    nginx.stop();
  }
});

test('behind nginx the shell works and keeps working offline', async ({ page, context, bundleDir }) => {
  const nginx = await startNginx(bundleDir);
  try {
    const problems = watchPage(page, nginx.url);
    await page.goto(nginx.url);
    const nav = page.locator('#app[data-app="running"]').getByRole('navigation', { name: 'Primary' });
    await expect(nav).toBeVisible({ timeout: 60_000 });
    for (const name of ['Today', 'Modules', 'Progress', 'Settings']) {
      await expect(nav.getByRole('link', { name })).toBeVisible();
    }
    await nav.getByRole('link', { name: 'Settings' }).click();
    await expect(page).toHaveURL(/#\/settings$/);
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.reload();
    await expect(nav).toBeVisible({ timeout: 60_000 });
    await context.setOffline(false);
    expectClean(problems);
  } finally {
    nginx.stop();
  }
});

// One GET asking for gzip, read without decoding: the encoding, Vary and the bytes on the wire.
function getCompressed(url) {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk) => { bytes += chunk.length; });
      response.on('end', () => resolve({ encoding: response.headers['content-encoding'], vary: response.headers.vary ?? '', bytes }));
    }).on('error', reject);
  });
}

// The documented file compresses (gzip, which stock nginx has): every text file and the wasm
// arrive compressed, and index.html still paints from at most 14 KB (issue 11), as a trust's
// learners would get it.
test('nginx compresses the bundle, and index.html paints from at most 14 KB behind it', async ({ page, bundleDir }) => {
  const nginx = await startNginx(bundleDir);
  try {
    const files = precacheList(readFileSync(join(bundleDir, 'sw.js'), 'utf8')).map(([path]) => path);
    const compressible = ['index.html', 'sw.js', ...files.filter((path) => /\.(js|css|wasm|json|svg|webmanifest)$/.test(path))];
    let raw = 0;
    let sent = 0;
    for (const path of compressible) {
      const { encoding, vary, bytes } = await getCompressed(nginx.url + path);
      expect(encoding, path).toBe('gzip');
      expect(vary, path).toContain('Accept-Encoding');
      raw += statSync(join(bundleDir, path)).size;
      sent += bytes;
    }
    console.log(`behind nginx: ${compressible.length} files, all sent with gzip: ${raw} bytes raw, ${sent} sent`);
    const { total, summary } = await firstScreenTransfer(page, nginx.url);
    console.log(`behind nginx, first screen from index.html: ${summary}`);
    expect(total, 'bytes transferred before index.html can paint, behind nginx').toBeLessThanOrEqual(FIRST_SCREEN_TRANSFER_BUDGET);
  } finally {
    nginx.stop();
  }
});
