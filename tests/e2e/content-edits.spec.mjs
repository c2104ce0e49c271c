// Editing content never loses progress (issue 4): when a later content version removes an item,
// the learner's answers to it stay in their log through loading, new answers, reloads and
// export, although no screen shows the item any more. (If the item comes back, its memory is
// still there; a changed item gets a new version instead, tested in the engine's scenarios.)
// And a module file that cannot be fetched or read is reported, with a way to try again.
import { test, expect } from '@playwright/test';
import { watchPage, expectClean } from './support.mjs';
import { DAY_MS, loadContent, onboard, answerCurrent, goOn, expectAccessible } from './app-support.mjs';
import { waitForDatabase, readStore, writeRecord, exportProgress } from './storage-support.mjs';

test('an answer to a removed item stays in the log through new answers, reloads and export', async ({ page, baseURL, request }) => {
  const problems = watchPage(page, baseURL);
  const { items } = await loadContent(request);
  const removed = {
    id: 'older-content:1', item_id: 'cyber.phishing.removed-in-a-later-edit', item_version: 3,
    item_kind: 'single', at_ms: Date.now() - 30 * DAY_MS, rating: 'good', score: 1.0,
    response_ms: 9000, kind: 'review',
  };
  expect(items[removed.item_id], 'the item is not in the bundled content').toBeUndefined();
  await onboard(page, { modules: ['cyber-security'] });
  await waitForDatabase(page);
  await writeRecord(page, 'events', removed.id, JSON.stringify(removed));

  await page.reload();
  await page.getByRole('button', { name: "Start today's session" }).click();
  await answerCurrent(page, items);
  await goOn(page);
  await page.reload();
  await page.goto('./#/progress');
  await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();

  const stored = await readStore(page, 'events');
  expect(stored.keys).toContain(removed.id);
  expect(stored.keys).toHaveLength(2);
  expect(JSON.parse(stored.values[stored.keys.indexOf(removed.id)])).toEqual(removed);
  const exported = JSON.parse(await exportProgress(page));
  expect(exported.events.find((event) => event.id === removed.id)).toEqual(removed);
  expectClean(problems);
});

test.describe('a module file that cannot be loaded', () => {
  // The failure is made with page.route, which a service worker's own fetches would bypass.
  test.use({ serviceWorkers: 'block' });

  test('says so and loads when the learner tries again', async ({ page, request }) => {
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    const { items } = await loadContent(request);
    await onboard(page, { modules: ['cyber-security'] });
    // No signal for module files (and none cached yet): the fetch fails.
    await page.route('**/content/modules/**', (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: "Start today's session" }).click();
    const problem = page.getByRole('alert').filter({ hasText: 'This lesson could not be loaded' });
    await expect(problem).toBeVisible();
    await expect(problem).toContainText('Your progress so far is saved.');
    await expectAccessible(page, 'module file failed');
    await page.unroute('**/content/modules/**');
    await problem.getByRole('button', { name: 'Try again' }).click();
    await answerCurrent(page, items);
    expect(errors).toEqual([]);
  });
});
