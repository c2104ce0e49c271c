// A full disk, made real with Chromium's quota override (DevTools protocol
// Storage.overrideQuotaForOrigin): the failed save is the browser's quota error, nothing is
// half-written, and the unsaved answer is kept in memory and included in the export the learner
// is offered.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { loadContent, onboard, answerCurrent, goOn } from './app-support.mjs';
import { readStore, fillDisk } from './storage-support.mjs';

test('storage full: the answer stays in memory, nothing is half-written, the export holds it', async ({ page, baseURL, request }) => {
  const { items } = await loadContent(request);
  const logged = [];
  page.on('console', (message) => logged.push(message.text()));
  const devtools = await page.context().newCDPSession(page);
  const origin = new URL(baseURL).origin;
  // The override only bounds space the origin has not looked at yet, so it is set first.
  await devtools.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 10_000_000 });
  await onboard(page, { modules: ['cyber-security'] });
  await page.getByRole('button', { name: "Start today's session" }).click();
  await answerCurrent(page, items);
  await goOn(page);
  expect((await readStore(page, 'events')).keys).toHaveLength(1);

  await fillDisk(page, devtools, origin);
  await answerCurrent(page, items);
  await expect.poll(() => logged.some((text) => text.includes('QuotaExceeded'))).toBe(true);
  expect((await readStore(page, 'events')).keys, 'nothing half-written').toHaveLength(1);

  // The export offered reads what is stored and adds what is waiting in memory.
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my progress' }).click();
  const file = JSON.parse(fs.readFileSync(await (await download).path(), 'utf8'));
  expect(file.events).toHaveLength(2);
  await devtools.send('Storage.overrideQuotaForOrigin', { origin });
});
