// The shipped stylesheet has the rules no screen uses removed (PurgeCSS, styles/purgecss.config.cjs)
// and a few selectors rewritten so Chromium restyles less (xtask/src/selectors.rs).
// This checks that nothing the app shows lost or changed a style: on each screen and state, every element's
// computed style under the shipped stylesheet equals its style under the full one the build keeps
// beside it (target/styles/app.full.css), swapped in on the same page without a reload.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onboard, loadContent, answerCurrent, readCards, openApp } from './app-support.mjs';

const fullCss = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../target/styles/app.full.css');
const FULL_URL = 'app-full-stylesheet-for-the-check.css';

// The swapped-in stylesheet comes from a Playwright route, which a service worker would bypass.
test.use({ serviceWorkers: 'block' });

/** Every element's computed style, as one string per element. */
async function styles(page) {
  return page.evaluate(() => [...document.body.querySelectorAll('*')].map((element) => {
    const style = getComputedStyle(element);
    const before = getComputedStyle(element, '::before').content;
    const after = getComputedStyle(element, '::after').content;
    return `${element.tagName}.${element.className?.baseVal ?? element.className} ${[...style].map((name) => `${name}:${style.getPropertyValue(name)}`).join(';')} ${before} ${after}`;
  }));
}

/** Styles the page with the full stylesheet instead of the shipped one (the shipped link carries
 * an integrity hash, so its href cannot simply be changed), or back again. */
async function useFullStylesheet(page, full) {
  await page.evaluate(({ useFull, href }) => new Promise((resolve, reject) => {
    const shipped = document.querySelector('link[rel="stylesheet"]:not([data-check])');
    if (!useFull) {
      document.querySelector('link[data-check]')?.remove();
      shipped.disabled = false;
      resolve();
      return;
    }
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.dataset.check = 'full';
    link.addEventListener('load', () => { shipped.disabled = true; resolve(); }, { once: true });
    link.addEventListener('error', () => reject(new Error(`could not load ${href}`)), { once: true });
    link.href = href;
    document.head.append(link);
  }), { useFull: full, href: FULL_URL });
}

async function expectSameStyles(page, label) {
  const purged = await styles(page);
  await useFullStylesheet(page, true);
  const full = await styles(page);
  await useFullStylesheet(page, false);
  expect(purged.length, `${label}: elements`).toBeGreaterThan(10);
  const differences = purged.flatMap((style, index) => (style === full[index] ? [] : [{ purged: style, full: full[index] }]));
  expect(differences, `${label}: elements styled differently by the purged stylesheet`).toEqual([]);
}

test('every screen looks the same with the purged stylesheet as with the full one', async ({ page, request }) => {
  test.setTimeout(240_000);
  expect(fs.existsSync(fullCss), `${fullCss} (written by cargo xtask build)`).toBe(true);
  await page.route(`**/${FULL_URL}`, (route) => route.fulfill({ path: fullCss, contentType: 'text/css' }));
  // Transitions would catch a style halfway through the swap.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const { items } = await loadContent(request);

  await openApp(page);
  await expectSameStyles(page, 'first run');
  await page.locator('input[name="modules"]').evaluateAll((boxes) => boxes.forEach((box) => box.checked && box.click()));
  await page.getByRole('button', { name: 'Continue' }).click();
  // The summary takes focus just after it paints; both snapshots must see it focused (the focus
  // ring changes its border and shadow), or the comparison races the focus move.
  await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
  await expectSameStyles(page, 'first run with an error');

  await onboard(page, { skipChecks: false });
  await expectSameStyles(page, 'today with the placement offer');
  await page.getByRole('button', { name: 'Skip the checks and start learning' }).click();
  await expectSameStyles(page, 'today');
  await page.getByRole('button', { name: "Start today's session" }).click();
  await expect(page.locator('.app-card-step, [data-item]').first()).toBeVisible();
  await expectSameStyles(page, 'a teaching card');
  await readCards(page);
  await expectSameStyles(page, 'a question');
  await answerCurrent(page, items, { correct: false });
  // Saved, so "Continue" is in the same state under both stylesheets.
  await expect(page.locator('#continue-button')).toBeEnabled();
  await expectSameStyles(page, 'feedback on a wrong answer');
  for (const [route, heading] of [['#/modules', 'Modules'], ['#/progress', 'Progress'], ['#/settings', 'Settings']]) {
    await page.goto(`./${route}`);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectSameStyles(page, heading);
  }
  await page.goto('./#/modules');
  await page.locator('main a[href^="#/modules/"]').first().click();
  await expect(page.locator('main h1')).toBeVisible();
  await expectSameStyles(page, 'a module');
  for (const theme of ['Dark', 'High contrast']) {
    await page.goto('./#/settings');
    await page.getByLabel(theme, { exact: true }).check();
    await expectSameStyles(page, `settings in ${theme}`);
  }
});
