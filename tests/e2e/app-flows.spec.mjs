// The learner's main flows at phone size: first run, placement, a first session with feedback,
// leaving mid-session and resuming after a reload, finishing, progress, and the clock moved on
// a day and a week (through the test clock offset, never by sleeping).
import { test, expect } from '@playwright/test';
import { watchPage, expectClean } from './support.mjs';
import {
  DAY_MS, openApp, loadContent, onboard, moveClock, answerCurrent, goOn, finishSession, readCards,
  currentQuestion, fillQuestion, finishPlacement, expectAccessible, screenshot,
} from './app-support.mjs';

// A busy shared machine can take a while to start the wasm; these flows are long, so they get room.
test.describe.configure({ timeout: 180_000 });

test('first run explains the app, keeps data on the device and saves the choices', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL);
  // Counts the app's requests for persistent storage (the real call still goes to the browser).
  await page.addInitScript(() => {
    const persist = navigator.storage.persist.bind(navigator.storage);
    window.persistRequests = 0;
    navigator.storage.persist = () => { window.persistRequests += 1; return persist(); };
  });
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Microlearn' })).toBeVisible();
  await expect(page.getByText('Everything stays on this device. There is no account')).toBeVisible();
  await expect(page.getByText('your browser may ask whether Microlearn can keep its data')).toBeVisible();
  await expectAccessible(page, 'first run');
  await screenshot(page, '01-first-run');
  // Every module is chosen to begin with.
  for (const box of await page.locator('input[name="modules"]').all()) await expect(box).toBeChecked();
  // No module chosen: the error summary says what to do.
  for (const box of await page.locator('input[name="modules"]').all()) await box.uncheck();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose at least one module');
  await expectAccessible(page, 'first run with an error');
  await page.getByLabel('Cyber security for NHS staff').check();
  expect(await page.evaluate(() => window.persistRequests), 'no request before the choices are valid').toBe(0);
  await page.getByLabel('10 minutes a day').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  expect(await page.evaluate(() => window.persistRequests), 'persistent storage requested on Continue').toBe(1);
  await expect(page.getByRole('link', { name: /Check what I know: Cyber security/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Check what I know: Data analytics/ })).toHaveCount(0);
  // The choices survive a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(page.locator('#plan-summary')).toContainText('about');
  expectClean(problems);
});

test('placement: knowing a lesson skips it, and the check can be stopped', async ({ page, baseURL, request }) => {
  const problems = watchPage(page, baseURL);
  const { items } = await loadContent(request);
  await onboard(page, { modules: ['cyber-security'], skipChecks: false });
  await page.getByRole('link', { name: /Check what I know: Cyber security/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Quick check/ })).toBeVisible();
  await expectAccessible(page, 'placement question');
  await screenshot(page, '05-placement');
  // Right on the first two lessons, then stop.
  for (let i = 0; i < 2; i++) {
    const { question, form } = await currentQuestion(page, items);
    await fillQuestion(form, question, { correct: true });
    await page.getByRole('button', { name: 'Next', exact: true }).click();
  }
  await page.getByRole('button', { name: 'Stop the check and start learning' }).click();
  await expect(page.getByText('Check finished')).toBeVisible();
  await expect(page.getByText('You can skip 2 of 8 lessons.')).toBeVisible();
  await page.getByRole('link', { name: "Go to today's learning" }).click();
  await expect(page.getByRole('link', { name: /Check what I know/ })).toHaveCount(0);
  await page.goto('./#/modules/cyber-security');
  await expect(page.getByText('Known already')).toHaveCount(2);
  expectClean(problems);
});

test('a first session: cards, feedback, leave, reload, resume, finish, progress, then the clock moves on', async ({ page, baseURL, request }) => {
  const problems = watchPage(page, baseURL);
  const { items } = await loadContent(request);
  await onboard(page, { minutes: 3, modules: ['cyber-security'] });
  // A first session has only new questions: their same-day repeats are not reviews.
  await expect(page.locator('#plan-summary')).toHaveText(/^\d+ new questions?, about \d+ minutes?\.$/);
  await expect(page.locator('.app-module-state')).toContainText('Nothing due.');
  await screenshot(page, '02-today');
  await page.getByRole('button', { name: "Start today's session" }).click();
  await expect(page).toHaveURL(/#\/session$/);
  // The first new lesson starts with its teaching cards.
  await expect(page.locator('.app-card-step')).toBeVisible();
  await expectAccessible(page, 'teaching card');
  await screenshot(page, '03-teaching-card');
  await readCards(page);
  await expectAccessible(page, 'question');
  await screenshot(page, '04-question');

  await answerCurrent(page, items, { correct: true });
  await expect(page.locator('.app-verdict')).toContainText('Correct');
  // The tick is a decorative icon (src/components/marks.rs): the heading's name is the word alone.
  await expect(page.getByRole('heading', { level: 1, name: 'Correct', exact: true })).toBeVisible();
  await expect(page.locator('.app-verdict svg.nhsuk-icon--tick[aria-hidden="true"]')).toBeVisible();
  await expect(page.getByRole('link', { name: /opens in a new tab/ })).toBeVisible();
  await expectAccessible(page, 'feedback (right)');
  await screenshot(page, '04-feedback');
  await goOn(page);

  const missed = await answerCurrent(page, items, { correct: false });
  await expect(page.locator('.app-verdict')).toContainText('Not quite');
  await expect(page.getByRole('heading', { level: 1, name: 'Not quite', exact: true })).toBeVisible();
  await expect(page.locator('.app-verdict svg.nhsuk-icon--cross[aria-hidden="true"]')).toBeVisible();
  await expect(page.getByText('This question will come back later in the session.')).toBeVisible();
  await expectAccessible(page, 'feedback (wrong)');
  await goOn(page);

  // Leave mid-session: the question on screen now is where a reload must come back to.
  const { item: here } = await currentQuestion(page, items);
  await page.reload();
  const { item: again } = await currentQuestion(page, items);
  expect(again.id).toBe(here.id);
  // Leaving through Today offers to resume after a reload too.
  await page.getByRole('link', { name: 'Leave and continue later' }).click();
  await page.reload();
  await page.getByRole('button', { name: 'Resume where you left off' }).click();
  expect((await currentQuestion(page, items)).item.id).toBe(here.id);

  // Finish: the missed question comes back within the session.
  const seen = [];
  for (let count = 0; count < 100; count++) {
    seen.push((await answerCurrent(page, items, { correct: true })).id);
    await goOn(page);
    const done = page.getByRole('heading', { name: 'Session complete' });
    await expect(done.or(page.locator('[data-item], .app-card-step').first())).toBeVisible();
    if (await done.isVisible()) break;
  }
  expect(seen).toContain(missed.id);
  // The end screen counts the whole session, the two answers before the reloads included.
  await expect(page.locator('.nhsuk-panel__body')).toHaveText(`${1 + seen.length} of ${2 + seen.length} answers right.`);
  await expectAccessible(page, 'session complete');
  await screenshot(page, '06-session-complete');

  await page.getByRole('link', { name: 'See your progress' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();
  const learned = page.locator('.nhsuk-summary-list__row', { hasText: 'Questions learned' });
  await expect(learned).not.toContainText(/^\s*Questions learned\s*0\s*$/);
  expect(Number((await learned.locator('dd').textContent()).trim())).toBeGreaterThan(0);
  await expect(page.getByRole('img', { name: /Predicted recall/ })).toBeVisible();
  await expectAccessible(page, 'progress with learned items');
  await screenshot(page, '07-progress');
  await expect(page.locator('.nhsuk-summary-list__row', { hasText: 'Streak' })).toContainText('1 day (longest 1)');

  // From tablet width up, the forecast and the activity calendar are NHS tabs (WAI-ARIA tabs).
  await page.setViewportSize({ width: 1024, height: 800 });
  const forecastTab = page.getByRole('tab', { name: 'What you will remember' });
  const activityTab = page.getByRole('tab', { name: 'Activity' });
  await expect(forecastTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[role="tabpanel"]')).toHaveCount(2);
  await expect(page.locator('#activity')).toBeHidden();
  await activityTab.click();
  await expect(activityTab).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/#\/progress$/);
  await expect(page.locator('#calendar-summary')).toHaveText('You learned on 1 of the last 84 days.');
  // The shading's figures as text: today's answers, counted from the session above.
  await page.locator('#calendar-days summary').click();
  // A learning day starts at 04:00 UTC (engine::time::DAY_ROLLOVER_MS), and is named by that date.
  const today = new Date(Date.now() - 4 * 3_600_000).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  await expect(page.locator('#calendar-days li')).toHaveText([`${today}: ${2 + seen.length} answers`]);
  await expect(page.locator('#forecast')).toBeHidden();
  await expectAccessible(page, 'progress, activity tab');
  await activityTab.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(forecastTab).toBeFocused();
  await expect(forecastTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#activity')).toBeHidden();
  // On a phone, as nhsuk-frontend's tabs do, they are links above both panels, all shown.
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(page.getByRole('tab')).toHaveCount(0);
  await expect(page.locator('#forecast')).toBeVisible();
  await expect(page.locator('#activity')).toBeVisible();
  await page.getByRole('link', { name: 'Activity' }).click();
  await expect(page).toHaveURL(/#\/progress$/);

  // The same day, once today's new questions are used up, nothing is due and Today says so.
  await page.goto('./#/today');
  const nothingDue = page.getByRole('heading', { name: 'Nothing is due today' });
  for (let round = 0; round < 6 && !(await nothingDue.isVisible()); round++) {
    await page.getByRole('button', { name: "Start today's session" }).click();
    await finishSession(page, items);
    await page.getByRole('link', { name: 'Back to today' }).click();
    await expect(nothingDue.or(page.locator('#plan-summary'))).toBeVisible();
  }
  await expect(nothingDue).toBeVisible();
  await expect(page.getByRole('link', { name: 'Learn something new' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Practise what you know' })).toBeVisible();
  await expectAccessible(page, 'today with nothing due');

  // A day later, reviews are due.
  await moveClock(page, DAY_MS);
  await expect(page.locator('#plan-summary')).toHaveText(/^\d+ reviews?( and \d+ new questions?)?, about \d+ minutes?\.$/);
  await expect(page.locator('.app-module-state')).toContainText(/\d+ reviews? due today\./);
  await page.getByRole('button', { name: "Start today's session" }).click();
  await answerCurrent(page, items, { correct: true });
  await goOn(page);

  // A week later, reviews are due again.
  await moveClock(page, 8 * DAY_MS);
  await page.goto('./#/today');
  await expect(page.locator('#plan-summary')).toHaveText(/^\d+ reviews?( and \d+ new questions?)?, about \d+ minutes?\.$/);
  expectClean(problems);
});

test('a module known from placement is complete and its certificate prints with the typed name', async ({ page, baseURL, request }) => {
  const problems = watchPage(page, baseURL);
  const { items } = await loadContent(request);
  await onboard(page, { modules: ['cyber-security'], skipChecks: false });
  await page.getByRole('link', { name: /Check what I know: Cyber security/ }).click();
  await finishPlacement(page, items);
  await expect(page.getByText('You can skip 8 of 8 lessons.')).toBeVisible();
  await page.goto('./#/progress');
  await page.getByRole('link', { name: 'Certificate for Cyber security for NHS staff' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Certificate' })).toBeVisible();
  await page.getByLabel('Your name, as it should appear').fill('Sam Patel');
  const certificate = page.getByRole('article', { name: 'Certificate of completion' });
  await expect(certificate).toContainText('Sam Patel');
  await expect(certificate).toContainText('Cyber security for NHS staff');
  await expect(certificate).toContainText('Spotting and reporting phishing');
  await expectAccessible(page, 'certificate');
  await screenshot(page, '08-certificate');
  // Printing shows the certificate alone.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#app[data-app="running"]').getByRole('navigation', { name: 'Primary' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await expect(certificate).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  // The name is kept on the device.
  await page.reload();
  await expect(page.getByLabel('Your name, as it should appear')).toHaveValue('Sam Patel');
  // The certificate is dated the day the module was completed, not the day it is viewed.
  const ukDate = (ms) => new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const completedOn = ukDate(Date.now());
  await expect(certificate).toContainText(`on ${completedOn}, learning all`);
  await moveClock(page, 2 * DAY_MS);
  await page.goto('./#/progress');
  await page.getByRole('link', { name: 'Certificate for Cyber security for NHS staff' }).click();
  await expect(certificate).toContainText(`on ${completedOn}, learning all`);
  expectClean(problems);
});
