// A full disk, made real with Chromium's quota override (DevTools protocol
// Storage.overrideQuotaForOrigin): the failed save is the browser's quota error, nothing is
// half-written, the learner is told in plain words with the export offer and can go on, the
// unsaved answer is in the export, and it is saved with the next answer once there is room.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { loadContent, onboard, answerCurrent, goOn } from './app-support.mjs';
import { readStore, fillDisk } from './storage-support.mjs';

test('storage full: the learner is told, can go on, the export holds the answer, it is saved later', async ({ page, baseURL, request }) => {
  const logged = [];
  page.on('console', (message) => logged.push(message.text()));
  const devtools = await page.context().newCDPSession(page);
  const origin = new URL(baseURL).origin;
  // The override only bounds space the origin has not looked at yet, so it is set first.
  await devtools.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 10_000_000 });
  await onboard(page, { modules: ['cyber-security'] });
  const { items } = await loadContent(request);
  await page.getByRole('button', { name: "Start today's session" }).click();
  await answerCurrent(page, items);
  await goOn(page);
  expect((await readStore(page, 'events')).keys).toHaveLength(1);

  await fillDisk(page, devtools, origin);
  await answerCurrent(page, items);
  await expect(page.locator('.app-notices')).toContainText("this device's storage is full");
  await expect(page.locator('.app-notices')).toContainText('Export my progress');
  expect(logged.some((text) => text.includes('QuotaExceeded'))).toBe(true);
  expect((await readStore(page, 'events')).keys, 'nothing half-written').toHaveLength(1);
  await goOn(page);

  // The export offered reads what is stored and adds what is waiting in memory.
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my progress' }).click();
  const file = JSON.parse(fs.readFileSync(await (await download).path(), 'utf8'));
  expect(file.events).toHaveLength(2);

  // Room again: the waiting answer is saved together with the next one.
  await devtools.send('Storage.overrideQuotaForOrigin', { origin });
  await page.getByRole('link', { name: 'Today', exact: true }).click();
  await page.getByRole('link', { name: 'Continue your session' })
    .or(page.getByRole('button', { name: /^(Start today's session|Resume where you left off)$/ })).first().click();
  await answerCurrent(page, items);
  await goOn(page);
  await expect.poll(async () => (await readStore(page, 'events')).keys.length).toBe(3);
});
