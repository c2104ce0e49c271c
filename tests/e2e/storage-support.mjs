// Helpers for the storage end-to-end tests: read and write the app's IndexedDB records directly,
// as damage or another program would, from inside the page.
import fs from 'node:fs';
import { expect } from '@playwright/test';

/** Waits until the app has created its database and stores (it does so when it starts). */
export async function waitForDatabase(page) {
  await expect.poll(() => page.evaluate(async () => {
    // Opening a database that does not exist would create it empty, so look first.
    const known = await indexedDB.databases();
    if (!known.some((database) => database.name === 'microlearn')) return false;
    return new Promise((resolve) => {
      const open = indexedDB.open('microlearn');
      open.onsuccess = () => {
        const names = Array.from(open.result.objectStoreNames);
        open.result.close();
        resolve(['events', 'meta', 'quarantine'].every((name) => names.includes(name)));
      };
      open.onerror = () => resolve(false);
    });
  }), { timeout: 30_000 }).toBe(true);
}

/** Every record of one store as `{ keys, values }`. */
export function readStore(page, store) {
  return page.evaluate((store) => new Promise((resolve, reject) => {
    const open = indexedDB.open('microlearn');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const database = open.result;
      const transaction = database.transaction(store);
      const keys = transaction.objectStore(store).getAllKeys();
      const values = transaction.objectStore(store).getAll();
      transaction.oncomplete = () => {
        database.close();
        resolve({ keys: keys.result, values: values.result });
      };
      transaction.onerror = () => reject(transaction.error);
    };
  }), store);
}

/** Writes one raw record (any structured-cloneable value) in its own transaction. */
export function writeRecord(page, store, key, value) {
  return page.evaluate(({ store, key, value }) => new Promise((resolve, reject) => {
    const open = indexedDB.open('microlearn');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const database = open.result;
      const transaction = database.transaction(store, 'readwrite');
      transaction.objectStore(store).put(value, key);
      transaction.oncomplete = () => {
        database.close();
        resolve();
      };
      transaction.onerror = () => reject(transaction.error);
    };
  }), { store, key, value });
}

/** A valid stored answer, as the app writes it. */
export function answerRecord(id, atMs = Date.now()) {
  return JSON.stringify({
    id, item_id: 'cyber-security/phishing/q1', item_version: 1, item_kind: 'single',
    at_ms: atMs, rating: 'good', score: 1.0, response_ms: 8000, kind: 'review',
  });
}

/**
 * Fills the disk as far as the app's origin can tell: Chromium's quota override (DevTools
 * protocol) set to one byte. Chromium remembers the space left for a while, so a large write
 * to a scratch database makes it look again, as it would on a nearly full phone.
 */
export async function fillDisk(page, devtools, origin) {
  await devtools.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  const outcome = await page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('scratch');
    open.onupgradeneeded = () => open.result.createObjectStore('fill');
    open.onsuccess = () => {
      const transaction = open.result.transaction('fill', 'readwrite');
      transaction.objectStore('fill').put('x'.repeat(20_000_000), 'fill');
      transaction.oncomplete = () => { open.result.close(); resolve('stored'); };
      transaction.onabort = () => { open.result.close(); resolve(transaction.error.name); };
    };
  }));
  expect(outcome).toBe('QuotaExceededError');
}

/** Exports progress from Settings and returns the downloaded file's text. */
export async function exportProgress(page) {
  await page.goto('./#/settings');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my progress' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^microlearn-progress-\d{4}-\d{2}-\d{2}\.json$/);
  return fs.readFileSync(await file.path(), 'utf8');
}
