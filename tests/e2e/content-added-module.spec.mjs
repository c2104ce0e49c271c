// A module folder added by hand appears in the app after a rebuild (issue 4). The suite's
// shell-scaling step has just built target/shell-scaling/dist from content/ plus 50 generated
// module folders written as an author would (module.toml and a lesson file); this serves that
// bundle and finds them in the app, first in the list as site.toml orders them, under the
// trust's logo.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { repoRoot, serveFolder } from './platform-support.mjs';
import { openApp } from './app-support.mjs';
import { watchPage, expectClean } from './support.mjs';

test('modules added as folders appear in the rebuilt app, in site.toml order, with the site logo', async ({ page }) => {
  const dist = join(repoRoot, 'target', 'shell-scaling', 'dist');
  expect(existsSync(join(dist, 'index.html')), `${dist} is built by cargo xtask test's shell-scaling step`).toBe(true);
  const server = await serveFolder(dist);
  try {
    const problems = watchPage(page, server.url);
    await openApp(page, server.url);
    await expect(page.getByText('Generated generated-01', { exact: true })).toBeVisible();
    await expect(page.getByText('Generated generated-50', { exact: true })).toBeVisible();
    // The bundled modules are still there, after the added ones as site.toml lists them.
    const cyber = page.getByText('Cyber security for NHS staff', { exact: true });
    await expect(cyber).toBeVisible();
    const top = async (text) => (await page.getByText(text, { exact: true }).boundingBox()).y;
    expect(await top('Generated generated-01')).toBeLessThan(await top('Generated generated-50'));
    expect(await top('Generated generated-50')).toBeLessThan((await cyber.boundingBox()).y);
    // site.toml's logo, with its alt text, leads the header's link home and has loaded.
    const brand = page.getByRole('banner').getByRole('link', { name: 'Example NHS Trust Microlearn' });
    await expect(brand).toBeVisible();
    const logo = brand.getByRole('img', { name: 'Example NHS Trust' });
    await expect(logo).toHaveAttribute('src', /^content\/media\/.*\.svg$/);
    expect(await logo.evaluate((img) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    expect((await logo.boundingBox()).height).toBeLessThanOrEqual(40);
    expectClean(problems);
  } finally {
    server.stop();
  }
});
