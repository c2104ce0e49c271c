// No jank at phone speed: with 10,000 items in the catalogue and 100,000 reviews in the log,
// answering a question and showing the next must not block the main thread for more than 16 ms
// (issue 11). Chromium's CPU is slowed 4x through the DevTools protocol; a performance trace
// gives every main-thread task, and for each answer -> next transition the longest one counts.
// Prints the 95th percentile over the session.
//
// Setup, through the app's own paths: a content root of 20 generated modules x 25 lessons x
// 20 true/false items is built into its own bundle (`cargo xtask build --content`), and the log
// (a simulated learner from engine::synthetic, made by the optimiser worker) is imported as an
// export file through Settings, as a learner moving devices would.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchPage, expectClean } from './support.mjs';
import { jankContent } from '../perf/jank-content.mjs';
import { serveStatic } from '../perf/static-server.mjs';
import { TRACE_CATEGORIES, readTrace, tasksBetween, percentile } from '../perf/trace.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MODULES = 20;
const LESSONS = 25;
const ITEMS_PER_LESSON = 20;
const REVIEWS = 100_000;
// The target of issue 11 is not met yet. The reducer no longer copies the log or the learner
// state per answer (src/shared.rs) and scores one module, not the catalogue, and only when an
// LMS or host page listens. Each step is drawn in short tasks (a press only lets go of focus,
// the state changes in the next task, and src/components/deferred.rs draws the heavy parts a
// frame later): what is left per answer is a dozen tasks of 3 to 12 ms at 4x on this machine,
// the longest usually the browser's style, layout and paint of a frame, over 16 ms in about one
// answer in ten. Measured p95 went from 86-144 ms (session 1) to 24-33 ms (session 7, before the
// short tasks) and 14.6-18.7 ms, at or under 16 ms in 5 of 11 runs. The guard sits past today's
// figures, with room for a busy CI machine, to stop it getting worse; the printout says whether
// the target holds.
const TARGET_MS = 16;
const GUARD_MS = 60;
// PERF_CPU_SLOWDOWN=1 shows the same figures at this machine's own speed, for comparison.
const CPU_SLOWDOWN = Number(process.env.PERF_CPU_SLOWDOWN ?? 4);
const DAY_MS = 86_400_000;

test.use({ serviceWorkers: 'block' });
test.describe.configure({ mode: 'serial' });

let server;
let baseURL;
let workDir;

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'], ...options });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')}: exit ${code}`))));
  });
}

// PERF_JANK_DIST=DIR reuses a bundle already built from this content (for working on the check).
async function bundleWithGeneratedContent() {
  if (process.env.PERF_JANK_DIST) return process.env.PERF_JANK_DIST;
  const work = mkdtempSync(join(tmpdir(), 'microlearn-jank-'));
  workDir = work;
  const content = join(work, 'content');
  for (const [path, text] of jankContent(readFileSync(join(repoRoot, 'content/site.toml'), 'utf8'), MODULES, LESSONS, ITEMS_PER_LESSON)) {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), text);
  }
  const dist = join(work, 'dist');
  await run('cargo', ['xtask', 'build', '--content', content, '--dist', dist]);
  return dist;
}

test.beforeAll(async () => {
  test.setTimeout(900_000);
  const dist = await bundleWithGeneratedContent();
  // A plain static server: this check measures the loaded app, not delivery, and xtask's server
  // would first compress 5 MB of generated content.
  server = await serveStatic(dist);
  baseURL = server.url;
});

test.afterAll(async () => {
  await server?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

// Item n of the simulated learner (`item-n`) is item n of the generated catalogue, in order.
function contentItemId(n) {
  const module = Math.floor(n / (LESSONS * ITEMS_PER_LESSON));
  const lesson = Math.floor(n / ITEMS_PER_LESSON) % LESSONS;
  const item = n % ITEMS_PER_LESSON;
  return `gen-${String(module).padStart(2, '0')}.l${String(lesson).padStart(2, '0')}.q${String(item).padStart(2, '0')}`;
}

test(`answer -> next question: main-thread work at ${CPU_SLOWDOWN}x CPU slowdown (target 16 ms p95)`, async ({ page, browser }) => {
  test.setTimeout(600_000);
  const problems = watchPage(page, baseURL);
  await page.goto(baseURL);
  await page.waitForFunction(() => typeof window.wasmBindings !== 'undefined', null, { timeout: 60_000 });

  // The log: a simulated learner over the catalogue's 10,000 items, ending yesterday.
  const exportText = await page.evaluate(async ({ reviews, items }) => {
    const worker = new Worker('./workers/worker.js');
    const reply = await new Promise((resolve, reject) => {
      worker.onmessage = (event) => resolve(JSON.parse(event.data));
      worker.onerror = (event) => reject(new Error(event.message));
      worker.postMessage({ request: JSON.stringify({ kind: 'synthetic', items, reviews, seed: 1 }) });
    });
    worker.terminate();
    if (reply.error) throw new Error(reply.error);
    return JSON.stringify(reply.ok);
  }, { reviews: REVIEWS, items: MODULES * LESSONS * ITEMS_PER_LESSON });
  const events = JSON.parse(exportText);
  expect(events).toHaveLength(REVIEWS);
  const shift = Date.now() - DAY_MS - events[events.length - 1].at_ms;
  for (const event of events) {
    event.at_ms += shift;
    event.item_id = contentItemId(Number(event.item_id.slice('item-'.length)));
    event.item_kind = 'true-false';
  }
  const moduleIds = Array.from({ length: MODULES }, (_, m) => `gen-${String(m).padStart(2, '0')}`);
  const file = {
    format: 'microlearn-export',
    schema_version: 1,
    exported_at_ms: Date.now(),
    settings: {
      study: { daily_minutes: 10, new_items_per_day: 0, modules: {} },
      onboarded: true,
      placement_done: Object.fromEntries(moduleIds.map((id) => [id, 0])),
    },
    events,
  };

  await page.goto(`${baseURL}#/settings`);
  // A successful import reloads the page, which replays the merged log.
  const reloaded = page.waitForEvent('load', { timeout: 300_000 });
  await page.locator('#import-file').setInputFiles({
    name: 'microlearn-progress.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)),
  });
  await reloaded;
  const start = page.getByRole('button', { name: "Start today's session" });
  await page.goto(`${baseURL}#/today`);
  await expect(start).toBeVisible({ timeout: 120_000 });

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await start.click();
  const check = page.getByRole('button', { name: 'Check answer' });
  await expect(check).toBeVisible({ timeout: 60_000 });

  // Garbage left by the setup (the imported 100,000-event file) is collected first, so a major
  // collection of it does not land inside an answer's window.
  await cdp.send('HeapProfiler.collectGarbage');
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  // PROFILE_OUT=FILE also writes a CPU profile of the answers (with a bundle built with
  // MICROLEARN_WASM_NAMES=1 and passed as PERF_JANK_DIST, the wasm frames have names).
  if (process.env.PROFILE_OUT) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  let answered = 0;
  for (; answered < 40; answered++) {
    if (!(await check.isVisible())) break;
    await page.getByLabel('True', { exact: true }).check();
    // One answer -> next question, driven from inside the page: the window opens as "Check
    // answer" is pressed and closes when the next question (or the end of the session) is on
    // screen; "Continue" is pressed once the answer is saved. Playwright's own clicks and
    // visibility polls would run its injected script on the main thread (hit-target checks,
    // forced layouts) and be counted as the app's work, so none run inside the window, and
    // each press is a task of its own.
    await page.evaluate(async (n) => {
      const until = (predicate) => new Promise((resolve, reject) => {
        const started = performance.now();
        const poll = () => {
          const found = predicate();
          if (found) resolve(found);
          else if (performance.now() - started > 30_000) reject(new Error(`answer ${n}: timed out`));
          else setTimeout(poll, 10);
        };
        poll();
      });
      const button = (text) => [...document.querySelectorAll('button, a')].find((element) => element.textContent.trim() === text);
      // Each press runs in a task of its own, as a learner's tap does: run inside this
      // evaluate's task, it would share a task with Playwright's evaluate machinery.
      const press = (label, element) => new Promise((resolve) => setTimeout(() => {
        performance.mark(`answer-${n}-${label}`);
        element.click();
        resolve();
      }));
      await press('start', document.querySelector('form button[type="submit"]'));
      await press('continue', await until(() => document.querySelector('#continue-button:not([disabled])')));
      await until(() => button('Check answer') || button('Back to today'));
      // Two frames more, so the window holds the browser's rendering of the new question and
      // the focus move that follows it.
      for (let frame = 0; frame < 2; frame++) {
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      }
      performance.mark(`answer-${n}-end`);
    }, answered);
  }
  if (process.env.PROFILE_OUT) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
  }
  const trace = await browser.stopTracing();
  // Kept for reading in chrome://tracing or DevTools when the figure needs explaining.
  writeFileSync(test.info().outputPath('answer-trace.json'), trace);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  // For each answer, the longest main-thread task between its marks (wall time: the CPU
  // slowdown stretches wall time, which is what a learner on a slow phone feels).
  const { tasks, mark } = readTrace(trace);
  const longest = Array.from({ length: answered }, (_, n) => Math.max(0,
    ...tasksBetween(tasks, mark(`answer-${n}-start`), mark(`answer-${n}-end`)).map((task) => task.durMs)));
  // The two halves of each window, to show where the time goes: "Check answer" to the feedback
  // (marking, saving, rendering the marks) and "Continue" to the next question.
  const longestIn = (from, to) => Array.from({ length: answered }, (_, n) => Math.max(0,
    ...tasksBetween(tasks, mark(`answer-${n}-${from}`), mark(`answer-${n}-${to}`)).map((task) => task.durMs)));
  for (const [label, figures] of [['check answer -> feedback', longestIn('start', 'continue')], ['continue -> next question', longestIn('continue', 'end')]]) {
    console.log(`  ${label}: p95 ${percentile(figures, 0.95).toFixed(1)} ms, median ${percentile(figures, 0.5).toFixed(1)} ms`);
  }
  const p95 = percentile(longest, 0.95);
  console.log(
    `no jank (${MODULES * LESSONS * ITEMS_PER_LESSON} items, ${REVIEWS} reviews, ${CPU_SLOWDOWN}x CPU slowdown): ` +
    `longest main-thread task per answer -> next over ${longest.length} answers: p95 ${p95.toFixed(1)} ms ` +
    `(target ${TARGET_MS} ms: ${p95 <= TARGET_MS ? 'met' : 'NOT MET'}; guard ${GUARD_MS} ms), median ${percentile(longest, 0.5).toFixed(1)} ms, worst ${Math.max(...longest).toFixed(1)} ms`,
  );
  expect(longest.length).toBeGreaterThan(5);
  expect(p95, '95th percentile of the longest task per answer (ms)').toBeLessThanOrEqual(GUARD_MS);
  expectClean(problems);
});
