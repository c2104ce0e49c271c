// Every screen and state at phone size: axe (WCAG 2.2 AA) finds nothing, nothing scrolls
// sideways at 320 px or with text at 200%, deep links work, and the keyboard alone is enough.
import { test, expect } from '@playwright/test';
import { watchPage, expectClean } from './support.mjs';
import {
  loadContent, onboard, answerCurrent, goOn, readCards, currentQuestion, expectAccessible,
  expectNoSidewaysScroll, screenshot,
} from './app-support.mjs';

// A busy shared machine can take a while to start the wasm; these flows are long, so they get room.
test.describe.configure({ timeout: 180_000 });

const screens = [
  ['today', './#/today', 'Today'],
  ['modules', './#/modules', 'Modules'],
  ['module', './#/modules/cyber-security', 'Cyber security for NHS staff'],
  ['lesson', './#/modules/cyber-security/lessons/phishing', 'Spotting and reporting phishing'],
  ['progress', './#/progress', 'Progress'],
  ['settings', './#/settings', 'Settings'],
  ['about', './#/about', 'About Microlearn'],
  ['certificate', './#/progress/certificates/cyber-security', 'Certificate'],
  ['not-found', './#/no-such-page', 'Page not found'],
];

test('every screen is accessible, reflows at 320 px and survives 200% text', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL);
  await onboard(page);
  for (const [name, url, heading] of screens) {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expectAccessible(page, name);
    if (!['not-found', 'certificate'].includes(name)) await screenshot(page, `screen-${name}`);
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoSidewaysScroll(page, `${name} at 320 px`);
    // Text at 200% through the CSSOM (the strict CSP allows it; inline styles it does not).
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    await expectNoSidewaysScroll(page, `${name} with 200% text`);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await page.evaluate(() => { document.documentElement.style.fontSize = ''; });
  }
  expectClean(problems);
});

test('settings: choices save, dark mode and high contrast stay accessible, the reset dialog is accessible', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL);
  await onboard(page);
  await page.goto('./#/settings');
  await page.getByLabel('10 minutes a day').check();
  await page.getByLabel('Almost everything').check();
  await page.getByLabel('Dark', { exact: true }).check();
  await expect(page.locator('html')).toHaveClass(/app-theme-dark/);
  await expectAccessible(page, 'settings in dark mode');
  await screenshot(page, 'screen-settings-dark');
  await page.getByLabel('High contrast').check();
  await expect(page.locator('html')).toHaveClass(/app-theme-contrast/);
  await expectAccessible(page, 'settings in high contrast');
  await page.getByLabel('Largest').check();
  await page.getByLabel('Reduce motion (no animations)').check();
  await expect(page.locator('html')).toHaveClass(/app-reduced-motion/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/app-reduced-motion/);
  await expect(page.getByLabel('10 minutes a day')).toBeChecked();
  await expect(page.getByLabel('Almost everything')).toBeChecked();
  await expect(page.locator('html')).toHaveClass(/app-text-largest/);
  await page.getByRole('button', { name: 'Delete all my progress' }).click();
  await expect(page.getByRole('dialog', { name: 'Delete all your progress?' })).toBeVisible();
  await expectAccessible(page, 'reset dialog open');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // Export offers a file download.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my progress' }).click();
  expect((await download).suggestedFilename()).toMatch(/^microlearn-progress-\d{4}-\d{2}-\d{2}\.json$/);
  // Reset really deletes: the welcome comes back.
  await page.getByRole('button', { name: 'Delete all my progress' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'How long would you like to learn each day?' })).toBeVisible();
  expectClean(problems);
});

test('keyboard only: skip link, number keys choose, Enter checks and goes on', async ({ page, baseURL, request }) => {
  const problems = watchPage(page, baseURL);
  const { items } = await loadContent(request);
  await onboard(page, { modules: ['cyber-security'] });
  // A fresh page, so the first Tab starts from the top of the document.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#maincontent')).toBeFocused();
  // Start the phishing lesson and reach its first choice question by keyboard.
  await page.goto('./#/modules/cyber-security/lessons/phishing');
  await page.getByRole('button', { name: 'Start this lesson' }).focus();
  await page.keyboard.press('Enter');
  await readCards(page);
  for (let step = 0; step < 12; step++) {
    const { item, question } = await currentQuestion(page, items);
    if (question.type === 'single' || question.type === 'true-false') {
      const number = question.type === 'single' ? question.choices.findIndex((c) => c.correct) + 1 : (question.answer ? 1 : 2);
      await page.locator('body').press(String(number));
      await expect(page.locator('.nhsuk-radios__input').nth(number - 1)).toBeChecked();
      await page.getByRole('button', { name: 'Check answer' }).focus();
      await page.keyboard.press('Enter');
      await expect(page.locator('.app-verdict')).toContainText('Correct');
      await expect(page.locator('#continue-button')).toBeEnabled();
      await page.locator('body').press('Enter');
      await expect(page.locator(`[data-item="${item.id}"]`)).toHaveCount(0);
      expectClean(problems);
      return;
    }
    await answerCurrent(page, items);
    await goOn(page);
  }
  throw new Error('no choice question found in the phishing lesson');
});

test.describe('embedding', () => {
  // Routed requests cannot serve a service worker script, so this simulated sub-path runs without one.
  test.use({ serviceWorkers: 'block' });

  test('deep links work from a sub-path and inside an iframe', async ({ page, baseURL }) => {
    const problems = watchPage(page, baseURL);
    // Serve the bundle under /trust/learning/ as a trust's intranet might, by routing that
    // sub-path to the real files; the app only uses relative addresses, so it must just work.
    const subPath = new URL('trust/learning/', baseURL).href;
    await page.route(`${subPath}**`, async (route) => {
      const real = route.request().url().replace(subPath, baseURL);
      const response = await route.fetch({ url: real });
      const headers = { ...response.headers() };
      // Embedding is allowed per deployment (`serve --frame-ancestors`); this one allows itself.
      if (headers['content-security-policy']) {
        headers['content-security-policy'] = headers['content-security-policy'].replace(/frame-ancestors[^;]*/, "frame-ancestors 'self'");
      }
      await route.fulfill({ response, headers });
    });
    await page.route(`${baseURL}host.html`, (route) => route.fulfill({
      contentType: 'text/html',
      body: '<!DOCTYPE html><html lang="en-GB"><head><title>Intranet</title></head><body><h1>Intranet</h1>'
        + '<iframe title="Microlearn" width="360" height="700" src="trust/learning/#/modules/cyber-security/lessons/phishing"></iframe></body></html>',
    }));
    await page.goto(`${subPath}#/modules/cyber-security/lessons/phishing`);
    await expect(page.getByRole('heading', { level: 1, name: 'Spotting and reporting phishing' })).toBeVisible({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Cyber security for NHS staff' }).click();
    await expect(page).toHaveURL(`${subPath}#/modules/cyber-security`);
    await page.goto(`${baseURL}host.html`);
    const frame = page.frameLocator('iframe[title="Microlearn"]');
    await expect(frame.getByRole('heading', { level: 1, name: 'Spotting and reporting phishing' })).toBeVisible({ timeout: 60_000 });
    await frame.getByRole('link', { name: 'Progress' }).click();
    await expect(frame.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();
    expectClean(problems);
  });
});

test('progress exported to a file comes back after a reset by importing it', async ({ page, baseURL, request }) => {
  const problems = watchPage(page, baseURL);
  const { items } = await loadContent(request);
  await onboard(page, { modules: ['cyber-security'] });
  await page.goto('./#/modules/cyber-security/lessons/phishing');
  await page.getByRole('button', { name: 'Start this lesson' }).click();
  await answerCurrent(page, items);
  await goOn(page);
  await answerCurrent(page, items);
  await goOn(page);
  await page.goto('./#/progress');
  const learned = page.locator('.nhsuk-summary-list__row', { hasText: 'Questions learned' }).locator('dd');
  const before = (await learned.textContent()).trim();
  expect(Number(before)).toBeGreaterThan(0);
  await page.goto('./#/settings');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my progress' }).click();
  const file = await (await downloading).path();
  await page.getByRole('button', { name: 'Delete all my progress' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  // The reset finishes by reloading into the welcome; wait for it before starting again.
  await expect(page.getByRole('heading', { level: 2, name: 'How long would you like to learn each day?' })).toBeVisible();
  await onboard(page, { modules: ['cyber-security'] });
  await page.goto('./#/settings');
  // A successful import reloads the page, which replays the merged log.
  const reloaded = page.waitForEvent('load');
  await page.getByLabel('Import progress from a file').setInputFiles(file);
  await reloaded;
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.goto('./#/progress');
  await expect(learned).toHaveText(before);
  expectClean(problems);
});

test('"how sure were you?" is offered when switched on, and sessions still work', async ({ page, baseURL, request }) => {
  const problems = watchPage(page, baseURL);
  const { items } = await loadContent(request);
  await onboard(page, { modules: ['cyber-security'] });
  await page.goto('./#/settings');
  await page.getByLabel('After each answer, ask me how sure I was').check();
  await page.goto('./#/modules/cyber-security/lessons/phishing');
  await page.getByRole('button', { name: 'Start this lesson' }).click();
  await readCards(page);
  await expect(page.getByRole('group', { name: 'How sure are you? (optional)' })).toBeVisible();
  await page.getByLabel("I'm sure").check();
  await answerCurrent(page, items);
  await expect(page.locator('.app-verdict')).toContainText('Correct');
  // Every button in the player is at least 44 by 44 pixels.
  for (const box of await page.locator('main button:visible').all()) {
    const { width, height } = await box.boundingBox();
    expect(Math.min(width, height), await box.textContent()).toBeGreaterThanOrEqual(44);
  }
  expectClean(problems);
});

test('a module deadline: Today says whether the learner is on track or behind', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL);
  await onboard(page, { modules: ['cyber-security'] });
  const inDays = (days) => page.evaluate((d) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10), days);
  const card = page.locator('.app-module-state', { hasText: 'Cyber security for NHS staff' });
  // Three days leave no time to learn the whole module at five minutes a day.
  await page.goto('./#/settings');
  await page.locator('#deadline-cyber-security').fill(await inDays(3));
  await page.goto('./#/today');
  await expect(card.locator('.nhsuk-tag')).toHaveText('Behind');
  await expect(card).toContainText(/questions? to learn by .+; about \d+ new a day would catch up\./);
  await expectAccessible(page, 'today with a deadline behind');
  // A year is plenty.
  await page.goto('./#/settings');
  await expect(page.locator('#deadline-cyber-security')).toHaveValue(await inDays(3));
  await page.locator('#deadline-cyber-security').fill(await inDays(365));
  await page.goto('./#/today');
  await expect(card.locator('.nhsuk-tag')).toHaveText('On track');
  await expectAccessible(page, 'today with a deadline on track');
  expectClean(problems);
});
