// Export then import into a fresh browser (a new context has its own storage, like another
// device or the app embedded in another site): every answer arrives, importing twice adds
// nothing, and hostile files are refused with a message and change nothing.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { watchPage, expectClean } from './support.mjs';
import { loadContent, onboard, answerCurrent, goOn } from './app-support.mjs';
import { waitForDatabase, readStore } from './storage-support.mjs';

async function exportProgress(page) {
  await page.goto('./#/settings');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my progress' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^microlearn-progress-\d{4}-\d{2}-\d{2}\.json$/);
  return fs.readFileSync(await file.path(), 'utf8');
}

async function importFile(page, text, name = 'progress.json') {
  await page.goto('./#/settings');
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function storedIds(page) {
  return (await readStore(page, 'events')).keys.sort();
}

test('export, then import into a fresh browser twice: every answer arrives once', async ({ page, browser, baseURL, request }) => {
  const problems = watchPage(page, baseURL);
  await onboard(page, { modules: ['cyber-security'] });
  const { items } = await loadContent(request);
  await page.getByRole('button', { name: "Start today's session" }).click();
  for (let n = 0; n < 2; n++) {
    await answerCurrent(page, items, { correct: n === 0 });
    await goOn(page);
  }
  const ids = await storedIds(page);
  expect(ids).toHaveLength(2);
  const text = await exportProgress(page);
  const file = JSON.parse(text);
  expect(file.format).toBe('microlearn-export');
  expect(file.schema_version).toBe(1);
  expect(file.events.map((event) => event.id).sort()).toEqual(ids);
  expect(file.settings.onboarded).toBe(true);
  expectClean(problems);

  const other = await browser.newContext({ baseURL });
  const fresh = await other.newPage();
  const freshProblems = watchPage(fresh, baseURL);
  await fresh.goto('./');
  await waitForDatabase(fresh);
  expect(await storedIds(fresh)).toEqual([]);
  // The app reloads once an import is stored; the imported settings finish its welcome steps.
  for (let time = 0; time < 2; time++) {
    await fresh.goto('./#/settings');
    const reloaded = fresh.waitForEvent('load');
    await importFile(fresh, text);
    await reloaded;
    await expect.poll(() => storedIds(fresh)).toEqual(ids);
  }
  await fresh.goto('./#/today');
  await expect(fresh.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  expect(await storedIds(fresh)).toEqual(ids);
  expectClean(freshProblems);
  await other.close();
});

const deep = '['.repeat(5000) + ']'.repeat(5000);
const header = '"format":"microlearn-export","schema_version":1,"exported_at_ms":1767225600000';
const hostile = [
  ['deep nesting', deep],
  ['a huge string', `{${header},"settings":{"learner_name":"${'A'.repeat(2_000_000)}"},"events":[]}`],
  ['script in place of JSON', '<script>alert(document.cookie)</script>'],
  ['wrong types', `{${header},"settings":{},"events":[{"id":7,"item_id":[],"at_ms":"now"}]}`],
  ['an impossible timestamp', `{${header},"settings":{},"events":[{"id":"x:1","item_id":"q","item_version":1,"item_kind":"single","at_ms":-5,"rating":"good","score":1,"response_ms":1}]}`],
  ['a newer version', '{"format":"microlearn-export","schema_version":99,"exported_at_ms":0}'],
  ['another program\'s JSON', '{"cards":[1,2,3]}'],
];

test('hostile and damaged files are refused with a message and change nothing', async ({ page, baseURL, request }) => {
  const problems = watchPage(page, baseURL);
  const { items } = await loadContent(request);
  await onboard(page, { modules: ['cyber-security'] });
  await page.getByRole('button', { name: "Start today's session" }).click();
  await answerCurrent(page, items);
  await goOn(page);
  const before = await storedIds(page);
  const settingsBefore = (await readStore(page, 'meta')).values;
  for (const [name, text] of hostile) {
    await importFile(page, text, `${name}.json`);
    await expect(page.getByText('Nothing on this device was changed.'), name).toBeVisible();
    expect(await storedIds(page), name).toEqual(before);
    expect((await readStore(page, 'meta')).values, name).toEqual(settingsBefore);
  }
  expect(await page.evaluate(() => document.querySelectorAll('script:not([src])').length)).toBe(0);
  expectClean(problems);
});
