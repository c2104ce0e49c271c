// The learner's own memory model: once enough answers are in, the app fits personal FSRS
// parameters in the optimiser worker (its own wasm), adopts them only if they predict better, says
// so on Progress, and keeps the result across a reload.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { watchPage, expectClean } from './support.mjs';
import { loadContent, onboard, DAY_MS } from './app-support.mjs';

const REVIEWS = 3_000;

test('enough answers fit a personal memory model in the worker, and it is kept', async ({ page, baseURL, request }) => {
  test.setTimeout(180_000);
  const problems = watchPage(page, baseURL);
  await onboard(page);
  const memoryModel = page.locator('.nhsuk-summary-list__row', { hasText: 'Memory model' }).locator('dd');
  await page.goto('./#/progress');
  await expect(memoryModel).toHaveText('Standard, until it can be fitted to you after 250 answers');

  // A simulated learner's answers over the real items (engine::synthetic, run in the worker).
  const { items } = await loadContent(request);
  const itemIds = Object.keys(items);
  const events = await page.evaluate(async ({ reviews, count }) => {
    const worker = new Worker('./workers/worker.js');
    const reply = await new Promise((resolve, reject) => {
      worker.onmessage = (event) => resolve(JSON.parse(event.data));
      worker.onerror = (event) => reject(new Error(event.message));
      worker.postMessage({ request: JSON.stringify({ kind: 'synthetic', items: count, reviews, seed: 7 }) });
    });
    worker.terminate();
    if (reply.error) throw new Error(reply.error);
    return reply.ok;
  }, { reviews: REVIEWS, count: itemIds.length });
  const shift = Date.now() - DAY_MS - events[events.length - 1].at_ms;
  for (const event of events) {
    event.at_ms += shift;
    event.item_id = itemIds[Number(event.item_id.slice('item-'.length))];
  }

  // Imported as a file exported from this app would be, with the events replaced.
  await page.goto('./#/settings');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my progress' }).click();
  const file = JSON.parse(fs.readFileSync(await (await download).path(), 'utf8'));
  file.events = events;
  const reloaded = page.waitForEvent('load', { timeout: 60_000 });
  await page.locator('#import-file').setInputFiles({
    name: 'microlearn-progress.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)),
  });
  await reloaded;

  await page.goto('./#/progress');
  const fitted = new RegExp(`^(Fitted to your answers \\(last checked at ${REVIEWS} answers\\)|Standard: checked against your answers at ${REVIEWS}, it still fits you best)$`);
  await expect(memoryModel).toHaveText(fitted, { timeout: 120_000 });
  const words = await memoryModel.textContent();
  console.log(`memory model after ${REVIEWS} answers: ${words}`);
  await page.reload();
  await expect(memoryModel).toHaveText(words, { timeout: 60_000 });
  expectClean(problems);
});
