// Damaged saved data seeded into IndexedDB before the app loads, one case per kind of damage:
// the app still starts, tells the learner in plain words, keeps a quarantine copy of exactly the
// damaged bytes, and keeps everything else.
import { test, expect } from '@playwright/test';
import { watchPage, expectClean } from './support.mjs';
import { waitForDatabase, readStore, writeRecord, answerRecord } from './storage-support.mjs';

const ANSWERS = 'Some saved answers could not be read';
const SETTINGS = 'Some of your settings could not be read';
const RESUME = 'Your unfinished session could not be restored';

const cases = [
  { name: 'a truncated answer', store: 'events', key: 'bad:1', value: '{"id":"bad:1","item_id":"cyber-sec', title: ANSWERS },
  { name: 'an answer with wrong types', store: 'events', key: 'bad:2', value: '{"id":"bad:2","item_id":5,"item_version":"one","item_kind":"single","at_ms":"today","rating":"good","score":1,"response_ms":1}', title: ANSWERS },
  { name: 'an answer with missing fields', store: 'events', key: 'bad:3', value: '{"id":"bad:3"}', title: ANSWERS },
  { name: 'an answer of random bytes', store: 'events', key: 'bad:4', value: '\u0000\u00ff\u0013PK\u0003\u0004\ufffd\u0007garbage', title: ANSWERS },
  { name: 'an answer stored as an object, not text', store: 'events', key: 'bad:5', value: { id: 'bad:5', nested: [1, 2] }, title: ANSWERS },
  { name: 'settings of random bytes', store: 'meta', key: 'settings', value: '\u0000\u0001{{{\u00ff', title: SETTINGS },
  { name: 'truncated settings', store: 'meta', key: 'settings', value: '{"onboarded":true,"theme":"dark","learner_name":"Sa', title: SETTINGS },
  { name: 'a resume point with wrong types', store: 'meta', key: 'resume', value: '{"queue":"none","position":-1}', title: RESUME },
];

for (const damage of cases) {
  test(`${damage.name}: the app starts, says so, and keeps a copy`, async ({ page, baseURL }) => {
    const problems = watchPage(page, baseURL);
    await page.goto('./');
    await waitForDatabase(page);
    await writeRecord(page, 'events', 'good:1', answerRecord('good:1'));
    await writeRecord(page, damage.store, damage.key, damage.value);
    await page.reload();

    const notices = page.locator('.app-notices');
    await expect(notices).toContainText(damage.title);
    await expect(notices).toContainText('Export my progress');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    const kept = (await readStore(page, 'quarantine')).values.map((text) => JSON.parse(text));
    const expected = typeof damage.value === 'string' ? damage.value : JSON.stringify(damage.value);
    expect(kept.map((copy) => copy.text)).toEqual([expected]);
    const events = await readStore(page, 'events');
    expect(events.keys).toContain('good:1');
    if (damage.store === 'events') expect(events.keys).not.toContain(damage.key);

    // Told once: after another reload the notice is gone and the copy is still kept.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.app-notices')).toHaveCount(0);
    expect((await readStore(page, 'quarantine')).values).toHaveLength(1);
    expectClean(problems);
  });
}

test('progress saved by a newer version is left untouched and the learner is told to reload', async ({ page, baseURL }) => {
  const problems = watchPage(page, baseURL);
  await page.goto('./');
  await waitForDatabase(page);
  await writeRecord(page, 'meta', 'schema_version', '2');
  await writeRecord(page, 'events', 'future:1', '{"uid":"future:1","t":1}');
  await page.reload();
  await expect(page.locator('.app-notices')).toContainText('saved by a newer version of Microlearn');
  await expect(page.locator('.app-notices')).toContainText('Reload the page');
  const events = await readStore(page, 'events');
  expect(events.values).toEqual(['{"uid":"future:1","t":1}']);
  expect((await readStore(page, 'meta')).values).toContain('2');
  expect((await readStore(page, 'quarantine')).values).toEqual([]);
  expectClean(problems);
});
