// Two tabs of the app answering alternately: every answer is kept (one record per answer, so
// neither tab overwrites the other), and each tab sees the other's answers without a reload.
import { test, expect } from '@playwright/test';
import { watchPage, expectClean } from './support.mjs';
import { loadContent, onboard, answerCurrent, goOn } from './app-support.mjs';
import { readStore } from './storage-support.mjs';

/** Today's answer count from the Progress calendar, reached by a link (no reload). */
async function answersToday(page) {
  await page.getByRole('link', { name: 'Progress', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();
  const label = await page.locator('.app-calendar title').last().textContent();
  return Number(label.match(/(\d+) answers$/)[1]);
}

async function answerOne(page, items) {
  await page.getByRole('link', { name: 'Today', exact: true }).click();
  const go = page.getByRole('link', { name: 'Continue your session' })
    .or(page.getByRole('button', { name: /^(Start today's session|Resume where you left off)$/ }));
  await go.first().click();
  await answerCurrent(page, items);
  await goOn(page);
}

test('two tabs answering alternately keep every answer and see each other\'s', async ({ page, context, baseURL, request }) => {
  const { items } = await loadContent(request);
  const problems = watchPage(page, baseURL);
  await onboard(page, { modules: ['cyber-security'] });
  const second = await context.newPage();
  const secondProblems = watchPage(second, baseURL);
  await second.goto('./#/today');
  await expect(second.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();

  // First tab, second tab, first tab, second tab: no reloads anywhere.
  await answerOne(page, items);
  await answerOne(second, items);
  await answerOne(page, items);
  await answerOne(second, items);

  await expect.poll(async () => (await readStore(page, 'events')).keys.length).toBe(4);
  await expect.poll(() => answersToday(page)).toBe(4);
  await expect.poll(() => answersToday(second)).toBe(4);
  expectClean(problems);
  expectClean(secondProblems);
});
