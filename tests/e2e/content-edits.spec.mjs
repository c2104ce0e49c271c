// Editing content never loses progress (issue 4): when a later content version removes an item,
// the learner's answers to it stay in their log through loading, new answers, reloads and
// export, although no screen shows the item any more. (If the item comes back, its memory is
// still there; a changed item gets a new version instead, tested in the engine's scenarios.)
import { test, expect } from '@playwright/test';
import { watchPage, expectClean } from './support.mjs';
import { DAY_MS, loadContent, onboard, answerCurrent, goOn } from './app-support.mjs';
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
