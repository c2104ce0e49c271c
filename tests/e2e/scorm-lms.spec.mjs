// The SCORM 1.2 package in an LMS: `cargo xtask scorm` packages the sample site, a test LMS page
// runs scorm-again as the LMS's API, and the course is completed through the app's own screens.
// The values the LMS received must follow the SCORM 1.2 data model; a relaunch on another
// computer (fresh browser storage) resumes from cmi.suspend_data alone.
import { expect } from '@playwright/test';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { finishSession } from './app-support.mjs';
import { itemsIn, repoRoot, serveFolder, tempDir, test, xtask } from './platform-support.mjs';

test.describe.configure({ timeout: 600_000 });

const DAY_MS = 86_400_000;
const TIMESPAN = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;

// Reads a zip's entries through its central directory (stored or deflated), as an LMS does.
function unzip(buffer) {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const skip = buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(dataAt, dataAt + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : data);
    at += 46 + nameLength + skip;
  }
  return entries;
}

// A site with the sample module and, listed first, another module the package must leave out.
function writeTwoModuleSite(root) {
  const site = join(root, 'site');
  cpSync(join(repoRoot, 'crates/content/tests/fixtures/sample-site'), site, { recursive: true });
  const siteToml = readFileSync(join(site, 'site.toml'), 'utf8').replace('modules = ["sample"]', 'modules = ["other", "sample"]');
  writeFileSync(join(site, 'site.toml'), siteToml);
  mkdirSync(join(site, 'other'));
  writeFileSync(join(site, 'other/module.toml'), [
    'id = "other"', 'title = "Another module"', 'summary = "Not part of this course."', 'audience = "Tests"',
    'estimated_minutes = 2', 'version = 1', 'domains = ["technical-proficiency"]', 'facts_checked = "2026-11"',
    'lessons = ["only"]', '', '[[sources]]', 'title = "NCSC"', 'url = "https://www.ncsc.gov.uk/"', '',
  ].join('\n'));
  const item = (n) => ['```item', `id = "other.only.q${n}"`, 'type = "true-false"', `prompt = "Statement ${n}."`,
    'answer = true', 'explanation = "Because it is a test."', 'source = { title = "NCSC", url = "https://www.ncsc.gov.uk/" }', '```'].join('\n');
  writeFileSync(join(site, 'other/only.md'), ['+++', 'id = "only"', 'title = "Only lesson"', 'objective = "Stay out of the sample course."', '+++', '',
    '## A card', 'A short card.', '', item(1), '', item(2), ''].join('\n'));
  return site;
}

// `cargo xtask scorm --module sample` over the bundle under test, with a two-module site.
async function buildCourse(bundleDir) {
  const root = tempDir('scorm');
  const zip = join(root, 'sample.zip');
  await xtask(['scorm', '--no-build', '--dist', bundleDir, '--module', 'sample',
    '--content', writeTwoModuleSite(root), '--out', zip]);
  return { root, zip };
}

// The answers in a cmi.suspend_data string (src/platform/suspend.rs: '1', the first time, then
// per answer an item hash, seconds since the previous answer, flags and numbers), as
// "hash@seconds" keys.
function answersIn(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let at = 1;
  const number = () => {
    let value = 0;
    for (let shift = 0; ; shift += 5) {
      const digit = alphabet.indexOf(text[at++]);
      value += (digit & 31) * 2 ** shift;
      if ((digit & 32) === 0) return value;
    }
  };
  const keys = new Set();
  if (text.length <= 1) return keys;
  let seconds = number();
  while (at < text.length) {
    const hash = text.slice(at, at + 3);
    at += 3;
    seconds += number();
    at += 2;
    number();
    number();
    number();
    keys.add(`${hash}@${seconds}`);
  }
  return keys;
}

const calls = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('test-lms.calls') || '[]'));
const values = (list, element) => list.filter(([name, key]) => name === 'LMSSetValue' && key === element).map(([, , value]) => value);

async function course(page) {
  await expect.poll(() => page.frames().some((frame) => frame.url().includes('scorm-launch.html'))).toBe(true);
  const frame = page.frames().find((f) => f.url().includes('scorm-launch.html'));
  await expect(frame.locator('#app[data-app="running"]').getByRole('navigation', { name: 'Primary' })).toBeVisible({ timeout: 60_000 });
  await expect(frame.locator('.app-loading')).toHaveCount(0, { timeout: 60_000 });
  return frame;
}

test('an LMS launches the package, receives SCORM 1.2 data, and a relaunch resumes from suspend_data', async ({ page, bundleDir }) => {
  const { root, zip } = await buildCourse(bundleDir);
  const entries = unzip(readFileSync(zip));
  expect([...entries.keys()][0]).toBe('imsmanifest.xml');
  const manifest = entries.get('imsmanifest.xml').toString('utf8');
  expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
  expect(manifest).toMatch(/adlcp:scormtype="sco" href="scorm-launch\.html"/);
  const listed = [...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => m[1]);
  expect(listed.sort()).toEqual([...entries.keys()].filter((name) => name !== 'imsmanifest.xml').sort());
  expect(listed).not.toContain('sw.js');

  const lms = join(root, 'lms');
  for (const [name, bytes] of entries) {
    mkdirSync(dirname(join(lms, 'course', name)), { recursive: true });
    writeFileSync(join(lms, 'course', name), bytes);
  }
  cpSync(join(repoRoot, 'web/scorm-test-lms'), lms, { recursive: true });
  cpSync(join(repoRoot, 'node_modules/scorm-again/dist/scorm12.min.js'), join(lms, 'scorm12.min.js'));
  const items = itemsIn(join(lms, 'course'));
  const server = await serveFolder(lms);
  try {
    const problems = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
    await page.goto(`${server.url}lms.html`);
    let frame = await course(page);
    expect((await calls(page))[0][0]).toBe('LMSInitialize');
    expect(values(await calls(page), 'cmi.core.lesson_status')).toEqual(['incomplete']);

    // The launch page carries the app's policy itself (the LMS sends its own headers); any
    // violation would show as a console error in `problems`.
    await expect(frame.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /script-src 'self' 'wasm-unsafe-eval'; .*object-src 'none'; base-uri 'none'/);
    // A package built for one module is that module: the other module of the site is not offered.
    await expect(frame.locator('input[name="modules"]')).toHaveCount(1);
    await expect(frame.getByText('Another module')).toHaveCount(0);
    // First run: a daily goal, the sample module, straight to learning.
    await frame.getByLabel('10 minutes a day').check();
    await frame.getByRole('button', { name: 'Continue' }).click();
    await frame.getByRole('button', { name: 'Skip the checks and start learning' }).click();

    // Learn day by day (each day a relaunch, as a learner opening the course again) until the
    // module is complete.
    const status = async () => values(await calls(page), 'cmi.core.lesson_status').at(-1);
    for (let day = 0; day < 6 && (await status()) === 'incomplete'; day++) {
      if (day > 0) {
        await frame.evaluate((offset) => localStorage.setItem('microlearn.clock-offset-ms', String(offset)), day * DAY_MS);
        await page.reload();
        frame = await course(page);
      }
      const start = frame.getByRole('button', { name: "Start today's session" });
      for (let round = 0; round < 6 && (await status()) === 'incomplete' && (await start.isVisible()); round++) {
        await start.click();
        await finishSession(frame, items);
        await frame.getByRole('link', { name: 'Back to today' }).click();
      }
    }
    await page.reload();
    frame = await course(page);

    const sent = await calls(page);
    expect(values(sent, 'cmi.core.lesson_status')).toContain('completed');
    const scores = values(sent, 'cmi.core.score.raw').map(Number);
    expect(scores.length).toBeGreaterThan(0);
    for (const score of scores) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(100);
    }
    expect(values(sent, 'cmi.core.score.min')).toContain('0');
    expect(values(sent, 'cmi.core.score.max')).toContain('100');
    const times = values(sent, 'cmi.core.session_time');
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) expect(time).toMatch(TIMESPAN);
    for (const exit of values(sent, 'cmi.core.exit')) expect(['', 'suspend']).toContain(exit);
    const suspend = values(sent, 'cmi.suspend_data');
    for (const data of suspend) {
      expect(data.length).toBeLessThanOrEqual(4096);
      expect(data).toMatch(/^1[A-Za-z0-9_-]*$/);
    }
    const finishes = sent.map(([name]) => name).filter((name) => name === 'LMSFinish').length;
    expect(finishes).toBeGreaterThan(0);
    const lastSuspend = suspend.at(-1);
    expect(lastSuspend.length).toBeGreaterThan(20);
    // Every value the LMS keeps reached it through a commit: its stored record holds the last
    // status, score and suspend_data the course set, and a commit followed the last of them.
    const record = await page.evaluate(() => localStorage.getItem('test-lms.record'));
    const stored = JSON.parse(record);
    expect(stored.lesson_status).toBe(values(sent, 'cmi.core.lesson_status').at(-1));
    expect(['completed', 'passed']).toContain(stored.lesson_status);
    expect(stored.score_raw).toBe(values(sent, 'cmi.core.score.raw').at(-1));
    expect(stored.suspend_data).toBe(lastSuspend);
    const lastSet = sent.findLastIndex(([name]) => name === 'LMSSetValue');
    expect(sent.slice(lastSet).some(([name]) => name === 'LMSCommit' || name === 'LMSFinish')).toBe(true);
    // The package carries the site's whole catalogue; the app shows only the module it is for.
    const frameModules = await frame.evaluate(() => fetch('content/catalogue.json').then((r) => r.json()).then((c) => c.modules.map((m) => m.id)));
    expect(frameModules).toEqual(['other', 'sample']);
    await frame.getByRole('link', { name: 'Modules' }).click();
    await expect(frame.getByRole('heading', { level: 1, name: 'Modules' })).toBeVisible();
    await expect(frame.getByRole('link', { name: 'Sample module' })).toBeVisible();
    await expect(frame.getByRole('link', { name: 'Another module' })).toHaveCount(0);
    expect(problems).toEqual([]);
    console.log(`SCORM: ${finishes} launches finished, ${scores.length} scores (last ${scores.at(-1)}), `
      + `suspend_data ${lastSuspend.length} characters, session times ${times.join(', ')}`);

    // Another computer: nothing in the browser but what the LMS kept.
    const other = await page.context().browser().newContext();
    await other.addInitScript(([key, value]) => {
      if (!localStorage.getItem(key)) localStorage.setItem(key, value);
    }, ['test-lms.record', record]);
    const second = await other.newPage();
    await second.goto(`${server.url}lms.html`);
    await course(second);
    // The relaunched course saves the answers it restored: exactly the answers the LMS kept.
    const kept = [...answersIn(lastSuspend)].sort();
    expect(kept.length).toBeGreaterThan(5);
    await expect.poll(async () => values(await calls(second), 'cmi.suspend_data')
      .map((data) => [...answersIn(data)].sort())).toContainEqual(kept);
    await other.close();
  } finally {
    server.stop();
  }
});
