// Helpers for the learner-app end-to-end tests: onboarding, reading the right answers from the
// served module files, answering any item type through the UI, axe checks and screenshots.
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

export const DAY_MS = 86_400_000;
const screenshotDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

/** The served catalogue and every module file, keyed by module id. */
export async function loadContent(request) {
  const catalogue = await (await request.get('content/catalogue.json')).json();
  const modules = {};
  for (const module of catalogue.modules) {
    modules[module.id] = await (await request.get(`content/${module.file}`)).json();
  }
  const items = {};
  for (const module of Object.values(modules)) {
    for (const lesson of module.lessons) {
      for (const item of lesson.items) items[item.id] = item;
    }
  }
  return { catalogue, modules, items };
}

/** The phrasing the app shows for variant n (0 is the item's own). */
export function phrasing(item, n) {
  const count = item.variants.length + 1;
  const v = n % count;
  return v === 0 ? item.question : item.variants[v - 1];
}

/** Opens a screen and waits for the app (not just the static loading shell) to start; a busy
 * machine can take a while to compile the wasm the first time. */
export async function openApp(page, url = './') {
  const log = [];
  const note = (text) => log.push(`${new Date().toISOString()} ${text}`);
  page.on('console', (message) => note(`console.${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => note(`pageerror: ${error}`));
  page.on('requestfailed', (request) => note(`failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('request', (request) => note(`requested ${request.url()}`));
  page.on('response', (response) => note(`${response.status()} ${response.url()}`));
  await page.goto(url);
  const nav = page.locator('#app[data-app="running"]').getByRole('navigation', { name: 'Primary' });
  try {
    await expect(nav).toBeVisible({ timeout: 60_000 });
  } catch (error) {
    throw new Error(`the app did not start:\n${log.join('\n')}\n${error}`);
  }
  await expect(page.locator('.app-loading')).toHaveCount(0, { timeout: 60_000 });
}

/** Completes the first-run welcome with a daily goal and the listed modules (all when omitted). */
export async function onboard(page, { minutes = 5, modules = null, skipChecks = true } = {}) {
  await openApp(page);
  await expect(page.getByRole('heading', { level: 2, name: 'How long would you like to learn each day?' })).toBeVisible();
  await page.getByLabel(`${minutes} minutes a day`).check();
  if (modules) {
    for (const box of await page.locator('input[name="modules"]').all()) {
      const id = (await box.getAttribute('id')).replace('module-', '');
      if (!modules.includes(id)) await box.uncheck();
    }
  }
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  if (skipChecks) {
    await page.getByRole('button', { name: 'Skip the checks and start learning' }).click();
    await expect(page.getByRole('button', { name: 'Skip the checks and start learning' })).toHaveCount(0);
  }
}

/** Sets the test clock offset (see src/clock.rs) and reloads so the app reads it. */
export async function moveClock(page, offsetMs) {
  await page.evaluate((offset) => localStorage.setItem('microlearn.clock-offset-ms', String(offset)), offsetMs);
  await page.reload();
  await expect(page.locator('.app-loading')).toHaveCount(0, { timeout: 60_000 });
}

/** Fills in one question (scoped to `scope`) with the right answer, or a wrong one. */
export async function fillQuestion(scope, question, { correct = true } = {}) {
  switch (question.type) {
    case 'single': {
      const index = question.choices.findIndex((c) => c.correct === correct);
      await scope.locator('.nhsuk-radios__input').nth(index).check();
      break;
    }
    case 'multiple': {
      const picks = question.choices.map((c, i) => [c, i]).filter(([c]) => c.correct === correct);
      for (const [, i] of picks.length ? picks : [[null, 0]]) {
        await scope.locator('.nhsuk-checkboxes__input').nth(i).check();
      }
      break;
    }
    case 'true-false':
      await scope.getByLabel(question.answer === correct ? 'True' : 'False', { exact: true }).check();
      break;
    case 'order':
      if (correct) await putInOrder(scope, question.steps);
      break;
    case 'numeric':
      await scope.locator('input[type="text"]').fill(String(correct ? question.answer : question.answer + question.tolerance + 1000));
      break;
    case 'text':
      await scope.locator('input[type="text"]').fill(correct ? question.accepted[0] : 'zzz not this');
      break;
    case 'scenario':
      for (let i = 0; i < question.parts.length; i++) {
        await fillQuestion(scope.locator('.app-scenario__part').nth(i), question.parts[i], { correct });
      }
      break;
    case 'spot': {
      const segments = scope.locator('.app-mock__segment');
      for (let i = 0; i < question.segments.length; i++) {
        if (question.segments[i].suspicious === correct) {
          await segments.nth(i).click();
          // A pressed part shows a drawn flag (src/components/marks.rs), hidden from assistive
          // technology: the button's pressed state is what it announces.
          await expect(segments.nth(i)).toHaveAttribute('aria-pressed', 'true');
          await expect(segments.nth(i).locator('svg.app-flag-icon[aria-hidden="true"]')).toBeVisible();
        }
      }
      break;
    }
    default:
      throw new Error(`unknown type ${question.type}`);
  }
}

/** Uses the Move up buttons until the steps are in the authored order. */
async function putInOrder(scope, steps) {
  for (let target = 0; target < steps.length; target++) {
    const texts = await scope.locator('.app-order__text').allTextContents();
    let at = texts.indexOf(steps[target]);
    while (at > target) {
      await scope.locator('.app-order__item').nth(at).getByRole('button', { name: /^Move up/ }).click();
      at -= 1;
    }
  }
}

/** The item and phrasing on screen in the session player. */
export async function currentQuestion(page, items) {
  const form = page.locator('[data-item]').first();
  await expect(form).toBeVisible();
  const item = items[await form.getAttribute('data-item')];
  const variant = Number(await form.getAttribute('data-variant'));
  return { item, question: phrasing(item, variant), form };
}

/** Answers a module's placement check until it is finished (`scope` is a page or a frame). */
export async function finishPlacement(scope, items, { correct = true } = {}) {
  for (let asked = 0; asked < 20 && !(await scope.getByText('Check finished').isVisible()); asked++) {
    const { item, question, form } = await currentQuestion(scope, items);
    await fillQuestion(form, question, { correct });
    await scope.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(scope.locator(`[data-item="${item.id}"]`)).toHaveCount(0);
  }
}

/** Reads teaching cards until a question appears. */
export async function readCards(page) {
  await expect(page.locator('.app-card-step, [data-item]').first()).toBeVisible();
  for (let i = 0; i < 30; i++) {
    const card = page.locator('.app-card-step');
    if ((await card.count()) === 0) {
      // The question's form is drawn a frame after its heading (src/components/deferred.rs).
      await expect(page.locator('[data-item] form')).toBeVisible();
      return;
    }
    const caption = await card.locator('.nhsuk-caption-m').textContent();
    await card.getByRole('button').click();
    // Wait for this card to be replaced by the next card or the question.
    await expect(page.locator('.app-card-step .nhsuk-caption-m', { hasText: caption })).toHaveCount(0);
  }
}

/** Answers the question on screen and waits for the feedback: the verdict, and a task later
 * the rest (src/components/deferred.rs), which ends with "Continue" (enabled once saved). */
export async function answerCurrent(page, items, { correct = true } = {}) {
  await readCards(page);
  const { item, question, form } = await currentQuestion(page, items);
  await fillQuestion(form, question, { correct });
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.locator('.app-verdict')).toBeVisible();
  await expect(page.locator('#continue-button')).toBeVisible();
  return item;
}

/** Goes on after feedback (waiting for the answer to be saved). */
export async function goOn(page) {
  const button = page.locator('#continue-button');
  await expect(button).toBeEnabled();
  await button.click();
}

/** Answers until the session is complete; returns how many answers were given. */
export async function finishSession(page, items, { correct = true } = {}) {
  for (let count = 1; count < 200; count++) {
    await answerCurrent(page, items, { correct });
    await goOn(page);
    const done = page.getByRole('heading', { name: 'Session complete' });
    await expect(done.or(page.locator('[data-item], .app-card-step').first())).toBeVisible();
    if (await done.isVisible()) return count;
  }
  throw new Error('the session did not finish');
}

/** Axe (WCAG 2.2 A and AA rules) finds no violations on the page as it is now. */
export async function expectAccessible(page, label) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Nothing scrolls sideways at the current width (WCAG reflow). */
export async function expectNoSidewaysScroll(page, label) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `sideways scroll on ${label}`).toBeLessThanOrEqual(0);
}

/** Saves a phone-size screenshot for the README's screenshots folder. */
export async function screenshot(page, name) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Reflow for a state that is not a routed screen: at 320 px wide, and then with text at 200%
 * (through the CSSOM, as the screens test does; still at 320 px), nothing scrolls sideways and
 * axe finds nothing. The viewport and the text size are put back afterwards. */
export async function expectReflows(page, label) {
  const viewport = page.viewportSize();
  try {
    await page.setViewportSize({ width: 320, height: 640 });
    await expectNoSidewaysScroll(page, `${label} at 320 px`);
    await expectAccessible(page, `${label} at 320 px`);
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    await expectNoSidewaysScroll(page, `${label} with 200% text`);
    await expectAccessible(page, `${label} with 200% text`);
  } finally {
    await page.evaluate(() => { document.documentElement.style.fontSize = ''; });
    await page.setViewportSize(viewport);
  }
}
