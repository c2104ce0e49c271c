// The screens after the first come from a second wasm module (src/split.rs, xtask/src/split.rs):
// the first screen does not wait for it, it arrives in the background once the app runs, every
// later screen then opens without another fetch, and a module that cannot be fetched, or whose
// bytes are not the ones the build hashed, is reported with a way to try again.
import { test, expect } from '@playwright/test';
import { watchPage, expectClean } from './support.mjs';
import { openApp, expectAccessible } from './app-support.mjs';

const LATER = /\/screens\/[^/]+\.wasm$/;

test('the first screen starts without the later screens, which arrive in the background', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL);
  const fetched = [];
  page.on('request', (request) => fetched.push({ url: request.url(), atMs: Date.now() }));
  await page.goto('./');
  await expect(page.locator('#app[data-app="running"]')).toBeVisible({ timeout: 60_000 });
  const runningAtMs = Date.now();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect.poll(() => fetched.filter((entry) => LATER.test(entry.url)).length, { timeout: 15_000 }).toBe(1);
  const later = fetched.find((entry) => LATER.test(entry.url));
  console.log(`later screens requested ${later.atMs - runningAtMs} ms after the app started`);
  expect(later.atMs, 'the later screens were fetched before the app had started').toBeGreaterThanOrEqual(runningAtMs);

  // Once it is there, every later screen opens from it.
  for (const [hash, heading] of [['#/modules', 'Modules'], ['#/progress', 'Progress'], ['#/settings', 'Settings'], ['#/about', 'About Microlearn']]) {
    await page.goto(`./${hash}`);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }
  expect(fetched.filter((entry) => LATER.test(entry.url))).toHaveLength(1);
  expectClean(problems);
});

test.describe('a later screen whose code cannot be loaded', () => {
  // The failures are made with page.route, which a service worker's own fetches would bypass.
  test.use({ serviceWorkers: 'block' });

  test('says so, and loads when the learner tries again with a signal', async ({ page }) => {
    await page.route(LATER, (route) => route.abort('internetdisconnected'));
    await openApp(page, './#/modules');
    const problem = page.getByRole('alert').filter({ hasText: 'This screen could not be loaded' });
    await expect(problem).toBeVisible();
    await expect(problem).toContainText('Your progress so far is saved.');
    await expectAccessible(page, 'later screens failed');
    await page.unroute(LATER);
    await problem.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Modules' })).toBeVisible();
  });

  test('refuses bytes that are not the ones the build hashed', async ({ page }) => {
    const errors = [];
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    await page.route(LATER, async (route) => {
      const response = await route.fetch();
      const body = Buffer.from(await response.body());
      body[body.length - 1] ^= 0xff;
      await route.fulfill({ response, body });
    });
    await openApp(page, './#/settings');
    await expect(page.getByRole('alert').filter({ hasText: 'This screen could not be loaded' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toHaveCount(0);
    expect(errors.join('\n')).toContain('integrity');
  });
});
