// Export then import into a fresh browser (a new context has its own storage, like another
// device or the app embedded in another site): every answer arrives, importing twice adds
// nothing, and hostile or oversized files are refused with a message in plain words and change
// nothing.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { watchPage, expectClean } from './support.mjs';
import { loadContent, onboard, answerCurrent, goOn } from './app-support.mjs';
import { waitForDatabase, readStore, exportProgress } from './storage-support.mjs';

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
const UNCHANGED = 'Nothing on this device was changed.';
const NOT_OURS = 'This file is not a Microlearn progress file';
const DAMAGED = 'This progress file is damaged';
// Each file with the exact words the learner reads: what was wrong, and that nothing changed.
const hostile = [
  ['deep nesting', deep, `${NOT_OURS}: its contents are nested more than 16 levels deep. ${UNCHANGED}`],
  ['a huge string', `{${header},"settings":{"learner_name":"${'A'.repeat(2_000_000)}"},"events":[]}`,
    `${NOT_OURS}: it holds a piece of text longer than 1 MB. ${UNCHANGED}`],
  ['script in place of JSON', '<script>alert(document.cookie)</script>',
    `${NOT_OURS}, or it was cut short: it could not be read at line 1, column 1. ${UNCHANGED}`],
  ['wrong types', `{${header},"settings":{},"events":[{"id":7,"item_id":[],"at_ms":"now"}]}`,
    `${DAMAGED}: answer number 1 cannot be used because it is not in the expected form. ${UNCHANGED}`],
  ['an impossible timestamp', `{${header},"settings":{},"events":[{"id":"x:1","item_id":"q","item_version":1,"item_kind":"single","at_ms":-5,"rating":"good","score":1,"response_ms":1}]}`,
    `${DAMAGED}: answer number 1 cannot be used because its time is not between 1970 and 2100. ${UNCHANGED}`],
  ['a newer version', '{"format":"microlearn-export","schema_version":99,"exported_at_ms":0}',
    `This file was made by a newer version of Microlearn (format 99; this app reads up to format 1). Reload the page to get the newest version, then import the file again. ${UNCHANGED}`],
  ['another program\'s JSON', '{"cards":[1,2,3]}', `${NOT_OURS}: it does not say "microlearn-export". ${UNCHANGED}`],
];

/** The message under the import control. */
function importMessage(page) {
  return page.locator('p.nhsuk-inset-text[role="status"]');
}

async function answerOne(page, request) {
  const { items } = await loadContent(request);
  await onboard(page, { modules: ['cyber-security'] });
  await page.getByRole('button', { name: "Start today's session" }).click();
  await answerCurrent(page, items);
  await goOn(page);
}

test('hostile and damaged files are refused in plain words and change nothing', async ({ page, baseURL, request }) => {
  const problems = watchPage(page, baseURL);
  await answerOne(page, request);
  const before = await storedIds(page);
  const settingsBefore = (await readStore(page, 'meta')).values;
  for (const [name, text, message] of hostile) {
    await importFile(page, text, `${name}.json`);
    await expect(importMessage(page), name).toHaveText(message);
    expect(await storedIds(page), name).toEqual(before);
    expect((await readStore(page, 'meta')).values, name).toEqual(settingsBefore);
  }
  expect(await page.evaluate(() => document.querySelectorAll('script:not([src])').length)).toBe(0);
  expectClean(problems);
});

// A file over the 64 MB limit (crates/persist/src/limits.rs) is refused from its size: the app
// must not read it into memory first, so every way of reading a File is counted.
test('an oversized file is refused from its size without being read', async ({ page, baseURL, request }) => {
  const problems = watchPage(page, baseURL);
  await answerOne(page, request);
  const before = await storedIds(page);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'microlearn-oversized-'));
  const file = path.join(dir, 'progress.json');
  // A sparse file: 64 MB and one byte on paper, almost nothing on the disk.
  fs.writeFileSync(file, '');
  fs.truncateSync(file, 64 * 1024 * 1024 + 1);
  try {
    await page.goto('./#/settings');
    await page.evaluate(() => {
      window.fileReads = [];
      for (const name of ['text', 'arrayBuffer', 'stream', 'bytes']) {
        const original = Blob.prototype[name];
        if (!original) continue;
        Blob.prototype[name] = function (...args) {
          window.fileReads.push(name);
          return original.apply(this, args);
        };
      }
      for (const name of ['readAsText', 'readAsArrayBuffer', 'readAsDataURL', 'readAsBinaryString']) {
        const original = FileReader.prototype[name];
        FileReader.prototype[name] = function (...args) {
          window.fileReads.push(name);
          return original.apply(this, args);
        };
      }
    });
    await page.locator('#import-file').setInputFiles(file);
    await expect(importMessage(page)).toHaveText('This file is too large to be a Microlearn progress file '
      + `(65 MB; the largest accepted is 64 MB). ${UNCHANGED}`);
    expect(await page.evaluate(() => window.fileReads)).toEqual([]);
    expect(await storedIds(page)).toEqual(before);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  expectClean(problems);
});
