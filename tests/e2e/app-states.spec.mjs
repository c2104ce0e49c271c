// The learner app's states that are not routed screens (issue 8, WCAG 2.2 AA): the welcome,
// placement, teaching cards, every question type before and after a wrong answer, the error
// summary, "how sure were you?", dark and high-contrast colours, the session-complete screen and
// the reset dialog. Also 44 by 44 px touch targets in the player, the response time and
// confidence stored with each answer, and the session progress bar.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { watchPage, expectClean } from './support.mjs';
import {
  openApp, loadContent, onboard, readCards, currentQuestion, fillQuestion, goOn, finishSession,
  expectAccessible, expectReflows,
} from './app-support.mjs';

// A busy shared machine can take a while to start the wasm; these flows are long, so they get room.
test.describe.configure({ timeout: 180_000 });

/** Runs axe, noting violations in `failures` rather than stopping, so one run reports every
 * state; the test asserts `failures` is empty at its end. */
async function axeInto(failures, page, label) {
  try {
    await expectAccessible(page, label);
  } catch (error) {
    const found = error.message.replace(/\x1b\[[0-9;]*m/g, '').split('\n').filter((line) => /^\s*\+\s+"/.test(line)).map((line) => line.trim().slice(1).trim());
    failures.push(`${label}: ${found.join(' ') || error.message}`);
  }
}

/** Opens a lesson by its deep link and starts it. */
async function startLesson(page, module, lesson) {
  await page.goto(`./#/modules/${module}/lessons/${lesson}`);
  await page.getByRole('button', { name: /^(Start this lesson|Go through this lesson again)$/ }).click();
  await expect(page.locator('.app-card-step, [data-item]').first()).toBeVisible();
}

/** Fills in the question on screen, checks it and waits for the verdict. */
async function answer(page, { question, form }, correct) {
  await fillQuestion(form, question, { correct });
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.locator(correct ? '.app-verdict--right' : '.app-verdict--wrong')).toBeVisible();
}

// Three lessons that between them hold every question type, each listed where it is met first.
const TOUR = [
  ['cyber-security', 'passwords', ['single', 'multiple', 'true-false', 'text', 'scenario', 'spot']],
  ['nhs-app', 'nhs-login', ['order']],
  ['data-analytics', 'rates-and-percentages', ['numeric']],
];

/** Goes through the tour's lessons; `onQuestion` gets the first question of each wanted type and
 * must leave it answered; every other question is answered correctly. */
async function tour(page, items, onQuestion, { onCard = async () => {} } = {}) {
  for (const [module, lesson, wanted] of TOUR) {
    await startLesson(page, module, lesson);
    await expect(page.locator('.app-card-step')).toBeVisible();
    await onCard(lesson);
    const left = new Set(wanted);
    for (let step = 0; left.size > 0 && step < 20; step++) {
      await readCards(page);
      const found = await currentQuestion(page, items);
      if (left.delete(found.question.type)) await onQuestion(found);
      else await answer(page, found, true);
      await goOn(page);
    }
    expect([...left], `question types not met in ${lesson}`).toEqual([]);
  }
}

test('states that are not routed screens reflow at 320 px and with 200% text, and axe finds nothing', async ({ page, baseURL, request }) => {
  const problems = watchPage(page, baseURL);
  const { items } = await loadContent(request);
  await openApp(page);
  await expect(page.getByRole('heading', { level: 2, name: 'How long would you like to learn each day?' })).toBeVisible();
  await expectReflows(page, 'first-run welcome');

  await onboard(page, { minutes: 3, modules: ['cyber-security'], skipChecks: false });
  await page.getByRole('link', { name: /Check what I know: Cyber security/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Quick check/ })).toBeVisible();
  const first = await currentQuestion(page, items);
  await expectReflows(page, 'placement question');
  // Wrong on the first lesson, so the session below starts with it (and its spot question).
  await fillQuestion(first.form, first.question, { correct: false });
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.locator(`[data-item="${first.item.id}"]`)).toHaveCount(0);
  await page.getByRole('button', { name: 'Stop the check and start learning' }).click();
  await expect(page.getByText('Check finished')).toBeVisible();
  await expectReflows(page, 'placement result');

  await page.getByRole('link', { name: "Go to today's learning" }).click();
  await page.getByRole('button', { name: "Start today's session" }).click();
  await expect(page.locator('.app-card-step')).toBeVisible();
  await expectReflows(page, 'teaching card');
  await readCards(page);
  const asked = await currentQuestion(page, items);
  await expectReflows(page, `question before answering (${asked.question.type})`);
  await answer(page, asked, false);
  await expectReflows(page, `feedback after a wrong answer (${asked.question.type})`);
  await goOn(page);
  await finishSession(page, items);
  await expect(page.getByRole('heading', { name: 'Session complete' })).toBeVisible();
  await expectReflows(page, 'session complete');

  await page.goto('./#/settings');
  await page.getByRole('button', { name: 'Delete all my progress' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete all your progress?' });
  await expect(dialog).toBeVisible();
  await expectReflows(page, 'reset confirmation dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expectClean(problems);
});

test('every question type: the error summary is focused and links to the field; axe before and after a wrong answer', async ({ page, baseURL, request }) => {
  const problems = watchPage(page, baseURL);
  const { items } = await loadContent(request);
  await onboard(page);
  const failures = [];
  await tour(page, items, async (found) => {
    const { type } = found.question;
    await axeInto(failures, page, `${type} question`);
    // Order and spot questions always have an answer to check (the shown order, or "nothing
    // suspicious"); every other type has an empty state the error summary must explain.
    if (!['order', 'spot'].includes(type)) {
      await page.getByRole('button', { name: 'Check answer' }).click();
      const summary = page.locator('.nhsuk-error-summary');
      await expect(summary, `${type}: error summary`).toBeVisible();
      await expect(summary, `${type}: error summary has focus`).toBeFocused();
      await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
      await expect(found.form.locator('.nhsuk-form-group--error .nhsuk-error-message').first()).toBeVisible();
      await axeInto(failures, page, `${type} question with its error summary`);
      const link = summary.getByRole('link');
      const target = (await link.getAttribute('href')).replace(/^#/, '');
      await expect(found.form.locator(`[id="${target}"]`), `${type}: the link's target exists`).toHaveCount(1);
      await link.click();
      // The link moves focus after the next frame: wait a moment for it, then say where it went.
      await page.waitForFunction(() => ['INPUT', 'SELECT', 'TEXTAREA'].includes(document.activeElement.tagName), null, { timeout: 2_000 }).catch(() => {});
      const focused = await page.evaluate(() => `${document.activeElement.tagName.toLowerCase()}#${document.activeElement.id}`);
      expect.soft(focused, `${type}: the error summary link (#${target}) moves focus to an answer field`).toMatch(/^(input|select|textarea)#/);
      await expect(page).toHaveURL(/#\/session$/);
    }
    await answer(page, found, false);
    await expect(page.locator('.app-verdict')).toContainText('Not quite');
    await axeInto(failures, page, `${type} feedback after a wrong answer`);
  });
  expect(failures, 'axe violations').toEqual([]);
  expectClean(problems);
});

test('"how sure are you?", dark mode and high contrast: questions and feedback stay accessible', async ({ page, baseURL, request }) => {
  const problems = watchPage(page, baseURL);
  const { items } = await loadContent(request);
  await onboard(page, { modules: ['cyber-security', 'data-analytics'] });
  const failures = [];
  await page.goto('./#/settings');
  await page.getByLabel('After each answer, ask me how sure I was').check();
  await page.getByLabel('Dark', { exact: true }).check();
  await expect(page.locator('html')).toHaveClass(/app-theme-dark/);
  // Passwords starts with a single choice question; reading charts ends with an order one.
  const rounds = [['dark', 'cyber-security', 'passwords'], ['high contrast', 'data-analytics', 'reading-charts']];
  for (const [theme, module, lesson] of rounds) {
    if (theme === 'high contrast') {
      await page.goto('./#/settings');
      await page.getByLabel('High contrast').check();
      await expect(page.locator('html')).toHaveClass(/app-theme-contrast/);
    }
    await startLesson(page, module, lesson);
    await axeInto(failures, page, `teaching card, ${theme}`);
    await readCards(page);
    const group = page.getByRole('group', { name: 'How sure are you? (optional)' });
    await expect(group).toBeVisible();
    await expect(group.getByRole('radio')).toHaveCount(3);
    for (const label of ['I guessed', 'I think so', "I'm sure"]) await expect(group.getByLabel(label, { exact: true })).toBeVisible();
    const found = await currentQuestion(page, items);
    await axeInto(failures, page, `${found.question.type} question with the confidence group, ${theme}`);
    // The error summary with the confidence group on screen.
    if (found.question.type !== 'order' && found.question.type !== 'spot') {
      await page.getByRole('button', { name: 'Check answer' }).click();
      await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
      await axeInto(failures, page, `${found.question.type} question with an error, ${theme}`);
    }
    await group.getByLabel('I think so').check();
    await answer(page, found, false);
    await expect(group).toHaveCount(0);
    await axeInto(failures, page, `${found.question.type} feedback after a wrong answer, ${theme}`);
    // An answer marked right too (a different verdict colour).
    await goOn(page);
    await readCards(page);
    const next = await currentQuestion(page, items);
    await answer(page, next, true);
    await axeInto(failures, page, `${next.question.type} feedback after a right answer, ${theme}`);
  }
  // And an order question (Move up/down buttons) in high contrast, before and after answering.
  for (let step = 0; step < 12; step++) {
    await goOn(page);
    await readCards(page);
    const found = await currentQuestion(page, items);
    if (found.question.type === 'order') {
      await axeInto(failures, page, 'order question, high contrast');
      await answer(page, found, false);
      await axeInto(failures, page, 'order feedback after a wrong answer, high contrast');
      expect(failures, 'axe violations').toEqual([]);
      expectClean(problems);
      return;
    }
    await answer(page, found, true);
  }
  throw new Error('no order question met in reading-charts');
});

/** Every interactive control in the session player, with its size (CSS px). Disabled controls
 * (marked answers, the first step's Move up) are not targets and are left out. */
function measureTargets(page, state) {
  return page.evaluate((state) => {
    const found = [];
    const add = (kind, box, element) => {
      if (box.width > 0 && box.height > 0) {
        found.push({ kind, state, width: box.width, height: box.height, name: (element.textContent || element.id).trim().slice(0, 40) });
      }
    };
    const player = document.querySelector('.app-session');
    for (const input of player.querySelectorAll('.nhsuk-radios__input:enabled, .nhsuk-checkboxes__input:enabled')) {
      const label = player.querySelector(`label[for="${CSS.escape(input.id)}"]`);
      const a = input.getBoundingClientRect();
      const b = label.getBoundingClientRect();
      const kind = input.name.endsWith('-confidence') ? 'confidence radio' : `answer ${input.type}`;
      // nhsuk draws a 40 px circle or box over a transparent 44 px input, with the label beside
      // it: the input is what a finger on the circle hits, and the label is clickable too.
      add(`${kind}: input (hit area over the drawn circle/box)`, a, label);
      add(`${kind}: input and label together`, {
        width: Math.max(a.right, b.right) - Math.min(a.left, b.left),
        height: Math.max(a.bottom, b.bottom) - Math.min(a.top, b.top),
      }, label);
      add(`${kind}: label alone (not asserted)`, b, label);
    }
    const kinds = [
      ['teaching card button', '.app-card-step button'],
      ['Check answer', 'form.app-question button[type="submit"]'],
      ['Continue / Finish', '#continue-button'],
      ['Leave and continue later', '.app-session__leave'],
      ['Move up / Move down', '.app-order__button:enabled'],
      ['spot segment', '.app-mock__segment:enabled'],
      ['answer text field', 'form.app-question input[type="text"]:enabled'],
      ['session complete: Back to today', '.app-actions .nhsuk-button'],
      ['session complete: See your progress', '.app-actions a:not(.nhsuk-button)'],
      ['source link in a sentence (not asserted: inline)', '.app-explanation a'],
    ];
    for (const [kind, selector] of kinds) {
      for (const element of player.querySelectorAll(selector)) add(kind, element.getBoundingClientRect(), element);
    }
    return found;
  }, state);
}

test('every control in the player is at least 44 by 44 px in every state', async ({ page, baseURL, request }) => {
  const problems = watchPage(page, baseURL);
  const { items } = await loadContent(request);
  await onboard(page);
  await page.goto('./#/settings');
  await page.getByLabel('After each answer, ask me how sure I was').check();
  const measured = [];
  await tour(page, items, async (found) => {
    const { type } = found.question;
    measured.push(...await measureTargets(page, `${type} question`));
    await answer(page, found, false);
    await expect(page.locator('#continue-button')).toBeEnabled();
    measured.push(...await measureTargets(page, `${type} feedback`));
  }, { onCard: async (lesson) => measured.push(...await measureTargets(page, `${lesson} card`)) });
  // Finish the last lesson for the session-complete screen.
  const done = page.getByRole('heading', { name: 'Session complete' });
  for (let step = 0; step < 30 && !(await done.isVisible()); step++) {
    await readCards(page);
    await answer(page, await currentQuestion(page, items), true);
    await goOn(page);
    await expect(done.or(page.locator('[data-item], .app-card-step').first())).toBeVisible();
  }
  await expect(done).toBeVisible();
  measured.push(...await measureTargets(page, 'session complete'));

  const smallest = new Map();
  for (const target of measured) {
    const size = Math.min(target.width, target.height);
    if (!smallest.has(target.kind) || size < smallest.get(target.kind).size) smallest.set(target.kind, { size, ...target });
  }
  console.log('Smallest touch target per control kind (CSS px, width x height):');
  for (const [kind, t] of smallest) {
    console.log(`  ${kind}: ${t.width.toFixed(1)} x ${t.height.toFixed(1)} (in ${t.state}: "${t.name}")`);
  }
  const required = ['answer radio: input (hit area over the drawn circle/box)', 'answer checkbox: input (hit area over the drawn circle/box)',
    'confidence radio: input (hit area over the drawn circle/box)', 'teaching card button', 'Check answer', 'Continue / Finish',
    'Leave and continue later', 'Move up / Move down', 'spot segment', 'answer text field', 'session complete: Back to today'];
  for (const kind of required) expect(smallest.has(kind), `${kind} was measured`).toBe(true);
  for (const [kind, t] of smallest) {
    if (kind.includes('not asserted')) continue;
    expect.soft(t.size, `${kind} in ${t.state} ("${t.name}") is ${t.width.toFixed(1)} x ${t.height.toFixed(1)} px`).toBeGreaterThanOrEqual(44);
  }
  expectClean(problems);
});

test('each answer stores how long it took and how sure the learner was, and both are exported', async ({ page, baseURL, request }) => {
  const problems = watchPage(page, baseURL);
  const { items } = await loadContent(request);
  await onboard(page, { modules: ['cyber-security'] });
  await page.goto('./#/settings');
  await page.getByLabel('After each answer, ask me how sure I was').check();
  await startLesson(page, 'cyber-security', 'phishing');
  // Label chosen (or none), the value the export should carry, and how long to wait first.
  const plan = [['I guessed', 'low', 1500], ["I'm sure", 'high', 2500], ['I think so', 'medium', 1500], [null, null, 1500]];
  const answered = [];
  for (const [label, value, wait] of plan) {
    const before = Date.now();
    await readCards(page);
    const found = await currentQuestion(page, items);
    await page.waitForTimeout(wait);
    if (label) await page.getByRole('group', { name: 'How sure are you? (optional)' }).getByLabel(label, { exact: true }).check();
    await answer(page, found, true);
    answered.push({ id: found.item.id, value, wait, most: Date.now() - before });
    await goOn(page);
  }
  await page.goto('./#/settings');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my progress' }).click();
  const file = JSON.parse(fs.readFileSync(await (await download).path(), 'utf8'));
  const events = [...file.events].sort((a, b) => a.at_ms - b.at_ms);
  expect(events.map((event) => event.item_id)).toEqual(answered.map((a) => a.id));
  for (const [index, expected] of answered.entries()) {
    const event = events[index];
    console.log(`answer ${index + 1}: waited ${expected.wait} ms, response_ms ${event.response_ms}, confidence ${event.confidence}`);
    expect(Number.isInteger(event.response_ms), `answer ${index + 1}: response_ms is a whole number`).toBe(true);
    expect(event.response_ms, `answer ${index + 1}: response_ms covers the ${expected.wait} ms wait`).toBeGreaterThanOrEqual(expected.wait - 100);
    expect(event.response_ms, `answer ${index + 1}: response_ms is no longer than the whole step`).toBeLessThanOrEqual(expected.most + 500);
    expect(event.confidence ?? null, `answer ${index + 1}: confidence`).toBe(expected.value);
  }
  expect(events[1].response_ms - events[0].response_ms, 'the longer wait shows').toBeGreaterThan(500);
  expect(file.settings.ask_confidence).toBe(true);
  expectClean(problems);
});

test('the session progress bar counts answers out of the planned queue', async ({ page, baseURL, request }) => {
  const problems = watchPage(page, baseURL);
  const { items, modules } = await loadContent(request);
  await onboard(page, { modules: ['cyber-security'] });
  const count = page.locator('label[for="session-progress"]');
  const expectBar = async (done, total, when) => {
    await expect(page.getByRole('progressbar', { name: `${done} of ${total} done` }), `${when}: accessible name`).toBeVisible();
    await expect(count, `${when}: text`).toHaveText(`${done} of ${total} done`);
    expect(await page.locator('#session-progress').evaluate((el) => [el.value, el.max]), `${when}: value and max`).toEqual([done, total]);
  };
  const shown = async () => (await count.textContent()).match(/^(\d+) of (\d+) done$/).slice(1).map(Number);
  const done = page.getByRole('heading', { name: 'Session complete' });
  // Answers everything correctly; after each answer the bar has moved on by exactly one.
  const finish = async (answered, ids) => {
    while (!(await done.isVisible())) {
      await readCards(page);
      const found = await currentQuestion(page, items);
      await answer(page, found, true);
      answered += 1;
      ids.add(found.item.id);
      const [, total] = await shown();
      await expectBar(answered, total, `after ${answered} answers`);
      await goOn(page);
      await expect(done.or(page.locator('[data-item], .app-card-step').first())).toBeVisible();
      expect(answered, 'the session ends').toBeLessThan(80);
    }
    return answered;
  };

  // A lesson: its page says how many questions it has, and that is the bar's total at the start.
  await page.goto('./#/modules/cyber-security/lessons/phishing');
  const lessonSize = Number((await page.getByText(/^\d+ questions?, about/).textContent()).match(/^(\d+)/)[1]);
  expect(lessonSize).toBe(modules['cyber-security'].lessons.find((lesson) => lesson.id === 'phishing').items.length);
  await startLesson(page, 'cyber-security', 'phishing');
  await expectBar(0, lessonSize, 'lesson, first card');
  await readCards(page);
  await expectBar(0, lessonSize, 'lesson, first question');
  await answer(page, await currentQuestion(page, items), true);
  // A right answer to a new question may put a same-day repeat later in the queue.
  const [, afterOne] = await shown();
  expect(afterOne).toBeGreaterThanOrEqual(lessonSize);
  await expectBar(1, afterOne, 'lesson, after one answer');
  await goOn(page);
  await expectBar(1, afterOne, 'lesson, the second question');
  const lessonAnswers = await finish(1, new Set());
  await expectBar(lessonAnswers, lessonAnswers, 'lesson, session complete');
  await expect(page.locator('.app-panel-done')).toContainText(`${lessonAnswers} of ${lessonAnswers} answers right.`);

  // Today's session: the questions Today plans are the ones asked, each answer counts once, and
  // the session ends exactly when the bar is full.
  await page.getByRole('link', { name: 'Back to today' }).click();
  const summary = await page.locator('#plan-summary').textContent();
  const planned = [...summary.matchAll(/(\d+) (?:new questions?|reviews?)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  expect(planned, summary).toBeGreaterThan(0);
  await page.getByRole('button', { name: "Start today's session" }).click();
  await expect(page.locator('.app-card-step, [data-item]').first()).toBeVisible();
  const [startDone, startTotal] = await shown();
  console.log(`Today: "${summary.trim()}"; the bar starts at "${startDone} of ${startTotal} done"`);
  await expectBar(0, startTotal, "today's session, start");
  expect(startTotal, 'the bar counts at least the planned questions').toBeGreaterThanOrEqual(planned);
  const ids = new Set();
  const todayAnswers = await finish(0, ids);
  await expectBar(todayAnswers, todayAnswers, "today's session complete");
  expect(ids.size, `the distinct questions asked are the ${planned} Today planned ("${summary.trim()}")`).toBe(planned);
  expectClean(problems);
});
