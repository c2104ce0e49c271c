// Each answer is saved before the next question is shown. The page's IndexedDB is slowed at the
// point the app learns of a commit: while an answer's write is held, the feedback stays up,
// "Continue" says "Saving…" and is disabled, neither a click nor Enter moves on, and the next
// question appears only after the write is reported complete.
import { test, expect } from '@playwright/test';
import { watchPage, expectClean } from './support.mjs';
import { loadContent, onboard, answerCurrent, goOn } from './app-support.mjs';
import { readStore } from './storage-support.mjs';

// Runs in the page before the app: read-write transactions over the answers store report
// `complete` to the app only once the test releases them (window.releaseSaves). Holding starts
// when the test says so (window.holdSaves), so the app's own start-up writes are not held.
function slowAnswerSaves() {
  const state = { holding: false, held: [] };
  window.saveGate = state;
  window.holdSaves = () => { state.holding = true; };
  window.releaseSaves = () => {
    state.holding = false;
    for (const report of state.held.splice(0)) report();
  };
  const open = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (names, mode, ...rest) {
    const transaction = open.call(this, names, mode, ...rest);
    const stores = typeof names === 'string' ? [names] : Array.from(names);
    if (mode === 'readwrite' && stores.includes('events')) transaction.heldByTest = true;
    return transaction;
  };
  const oncomplete = Object.getOwnPropertyDescriptor(IDBTransaction.prototype, 'oncomplete');
  Object.defineProperty(IDBTransaction.prototype, 'oncomplete', {
    configurable: true,
    get() { return oncomplete.get.call(this); },
    set(handler) {
      if (!this.heldByTest || typeof handler !== 'function') {
        oncomplete.set.call(this, handler);
        return;
      }
      oncomplete.set.call(this, function (event) {
        const report = () => handler.call(this, event);
        if (state.holding) state.held.push(report);
        else report();
      });
    },
  });
}

test('the next question is not shown until the answer is saved', async ({ page, baseURL, request }) => {
  const problems = watchPage(page, baseURL);
  await page.addInitScript(slowAnswerSaves);
  const { items } = await loadContent(request);
  await onboard(page, { modules: ['cyber-security'] });
  await page.getByRole('button', { name: "Start today's session" }).click();
  await answerCurrent(page, items);
  await goOn(page);
  expect((await readStore(page, 'events')).keys).toHaveLength(1);

  await page.evaluate(() => window.holdSaves());
  const answered = await answerCurrent(page, items);
  await expect(page.locator('[data-item]')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => window.saveGate.held.length)).toBe(1);
  const button = page.locator('#continue-button');
  await expect(button).toHaveText('Saving…');
  await expect(button).toBeDisabled();
  // Both ways on are tried: the button (forced past Playwright's own wait for it to be enabled)
  // and Enter, the keyboard shortcut for Continue.
  await button.click({ force: true });
  await page.locator('body').press('Enter');
  // A wrong move on would show the next step within a frame or two; give it far longer.
  await page.waitForTimeout(1_500);
  // Still the feedback: no teaching card and no question form (the form carries data-item).
  await expect(page.locator('.app-verdict')).toBeVisible();
  await expect(page.locator('.app-card-step')).toHaveCount(0);
  await expect(page.locator('[data-item]')).toHaveCount(0);
  await expect(button).toBeDisabled();
  const stored = (await readStore(page, 'events')).values.map((text) => JSON.parse(text).item_id);
  expect(stored, 'the write itself went through; only its completion is held').toContain(answered.id);

  await page.evaluate(() => window.releaseSaves());
  await expect(button).toBeEnabled();
  await expect(button).toHaveText(/^(Continue|Finish)$/);
  await goOn(page);
  await expect(page.locator('.app-verdict')).toHaveCount(0);
  expect((await readStore(page, 'events')).keys).toHaveLength(2);
  expectClean(problems);
});
