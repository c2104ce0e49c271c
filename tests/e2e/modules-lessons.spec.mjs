// One whole lesson of each bundled module completed through the UI, answering every item right.
// The right answers come from the served module files, never from this test.
import { test, expect } from '@playwright/test';
import { watchPage, expectClean } from './support.mjs';
import { loadContent, onboard, finishSession } from './app-support.mjs';

// A busy shared machine can take a while to start the wasm; these flows are long, so they get room.
test.describe.configure({ timeout: 180_000 });

for (const moduleId of ['cyber-security', 'data-analytics', 'nhs-app']) {
  test(`the first lesson of ${moduleId} can be completed with every answer right`, async ({ page, baseURL, request }) => {
    const problems = watchPage(page, baseURL);
    const { catalogue, items } = await loadContent(request);
    const summary = catalogue.modules.find((m) => m.id === moduleId);
    const lesson = summary.lessons[0];
    await onboard(page, { modules: [moduleId] });
    await page.goto(`./#/modules/${moduleId}/lessons/${lesson.id}`);
    await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
    await page.getByRole('button', { name: 'Start this lesson' }).click();
    const answers = await finishSession(page, items, { correct: true });
    expect(answers).toBeGreaterThanOrEqual(lesson.items.length);
    await expect(page.locator('.nhsuk-panel__body')).toHaveText(`${answers} of ${answers} answers right.`);
    await page.goto(`./#/modules/${moduleId}`);
    await expect(page.locator('.app-lesson-row').first()).toContainText('Learned');
    expectClean(problems);
  });
}

// The first lessons have no "order" items and few charts; this one has both, plus numeric ones.
test('a lesson with charts and ordering (data-analytics, reading charts) can be completed', async ({ page, baseURL, request }) => {
  const problems = watchPage(page, baseURL);
  const { catalogue, items } = await loadContent(request);
  const lesson = catalogue.modules.find((m) => m.id === 'data-analytics').lessons.find((l) => l.id === 'reading-charts');
  expect(lesson.items.map((i) => i.kind)).toContain('order');
  await onboard(page, { modules: ['data-analytics'] });
  await page.goto('./#/modules/data-analytics/lessons/reading-charts');
  await page.getByRole('button', { name: 'Start this lesson' }).click();
  const answers = await finishSession(page, items, { correct: true });
  await expect(page.locator('.nhsuk-panel__body')).toHaveText(`${answers} of ${answers} answers right.`);
  expectClean(problems);
});
