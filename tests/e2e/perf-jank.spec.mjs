// No jank at phone speed: with 10,000 items in the catalogue and 100,000 reviews in the log,
// answering a question and showing the next must not block the main thread for more than 16 ms
// (issue 11). Chromium's CPU is slowed through the DevTools protocol to a mid-tier phone's speed
// (calibrated, below); a performance trace gives every main-thread task, and for each answer ->
// next transition the longest one counts. Prints the 95th percentile over the session and fails
// above 16 ms.
//
// Setup, through the app's own paths: a content root of 20 generated modules x 25 lessons x
// 20 true/false items is built into its own bundle (`cargo xtask build --content`), and the log
// (a simulated learner from engine::synthetic, made by the optimiser worker) is imported as an
// export file through Settings, as a learner moving devices would.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchPage, expectClean } from './support.mjs';
import { jankContent } from '../perf/jank-content.mjs';
import { serveStatic } from '../perf/static-server.mjs';
import { TRACE_CATEGORIES, percentile } from '../perf/trace.mjs';
import { answerInPage, longestTaskPerAnswer, summarise } from '../perf/answer-driver.mjs';
import {
  BARE_PAGE, LOW_TIER_PHONE_INDEX, MID_TIER_PHONE_INDEX, benchmarkAt, calibratedSlowdown, plainPage,
} from '../perf/reference-pages.mjs';
import { describeForeignLoad, startForeignLoad } from '../perf/foreign-load.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MODULES = 20;
const LESSONS = 25;
const ITEMS_PER_LESSON = 20;
const REVIEWS = 100_000;
// Enforced at the calibrated mid-tier phone since session 13: p95 6.1 to 11.7 ms there in
// session 12 (see BENCHMARKS.md for this session's runs). At a fixed 4x, which made a slower
// phone of this machine, it was met in 4 of 8 runs in session 12 and 12 of 13 in session 11.
// History, at 4x: 86-144 ms in session 1, when the reducer copied the log per answer; 24-33 ms in
// session 7 before each step was drawn in short tasks (a press only lets go of focus, the state
// changes in the next task, src/components/deferred.rs draws the heavy parts a frame later);
// 7.5-28.4 ms in sessions 8 to 12. What is left per answer is a dozen tasks, the longest usually
// a frame's style, layout and paint, now and then one of the 3 or 4 major garbage collections per
// run. The second test measures reference pages the same way in the same run, at the same phone:
// the app's markup and stylesheet swapped in by plain DOM code, with no app, costs about what the
// app does, so what is left is the browser's rendering of the screen. Each test prints how much
// CPU other processes took meanwhile (tests/perf/foreign-load.mjs): one busy neighbour on this
// 2-core machine moves every figure up by several ms. Away from the default phone only the guard
// holds.
const TARGET_MS = 16;
// 2.4 MB measured since the leak was mended, 24.0 MB before it (session 9).
const JS_HEAP_BUDGET_MB = 10;
// The wasm memory once the log is loaded and a session started: 86.0 MB until session 10 (all
// 100,000 records' texts held at once while loading, and the log written whole as one 17 MB
// string for the optimiser worker, its buffer doubling as it grew), 21.3 MB since. Linear memory
// never shrinks, so a peak stays for the page's life; a cheap phone has little RAM to give.
const WASM_MEMORY_BUDGET_MB = 32;
// An export reads the saved log back from IndexedDB (what is stored, with anything not yet saved
// on top), so the log is in memory twice while the file is written: MEASURED.
const EXPORT_WASM_MEMORY_BUDGET_MB = 48;
// Importing the 100,000-answer file (17 MB) into an empty app, read just before the page reloads:
// 176.9 MB until session 10 (the whole file as one JSON value tree, about 100 MB, then the log
// copied three times and announced to other tabs as one string), 53.4 MB since (each event read
// on its own, only new events copied, the announcement joined in JavaScript).
const IMPORT_WASM_MEMORY_BUDGET_MB = 72;
// At other speeds (PERF_PHONE_INDEX, PERF_CPU_SLOWDOWN) the figure is printed; this guard, past
// any p95 seen at 4x or at a low-tier phone, still stops it getting far worse.
const GUARD_MS = 60;
// Elements whose style Chromium recalculates per answer, over all its frames: a count the machine's
// speed does not move. Until session 11 it was 110: two kinds of nhsuk-frontend selector made each
// insertion restyle the whole session screen (42 elements for a 13-element explanation), fixed at
// build time by xtask/src/selectors.rs. 70 since (110 on the build before, same run of the check).
const RESTYLED_BUDGET = 90;
// Phone speed. The check slows the CPU until Lighthouse's BenchmarkIndex scores what Chrome
// DevTools' calibrated presets give a mid-tier phone (1000, "like a Pixel 5"), just before the
// answers, and enforces the target there. That is the phone the issue's Lighthouse settings aim
// at (DevTools' uncalibrated "mid-tier mobile" preset is the same 4x), made the same phone on any
// machine: a fixed 4x made one of 450 to 824 here in sessions 11 and 12, varying within the hour.
// A low-tier phone (PERF_PHONE_INDEX=264) is printed, not enforced: there the app's screen in
// plain DOM, with no app, missed 16 ms in every run (p95 33.5 to 60.8 ms, session 13), and even
// the bare reference page, a heading and a button, was at the edge (11.6 to 23.9 ms).
// PERF_PHONE_INDEX=N measures at another phone; PERF_CPU_SLOWDOWN=R at a fixed rate (4, 1).
// Only the default, or a faster phone, enforces the target; the others keep the guard.
const FIXED_SLOWDOWN = process.env.PERF_CPU_SLOWDOWN ? Number(process.env.PERF_CPU_SLOWDOWN) : null;
const PHONE_INDEX = FIXED_SLOWDOWN ? null : Number(process.env.PERF_PHONE_INDEX ?? MID_TIER_PHONE_INDEX);
const ENFORCES_TARGET = PHONE_INDEX !== null && PHONE_INDEX >= MID_TIER_PHONE_INDEX;
let cpuSlowdown = FIXED_SLOWDOWN ?? 1;
const SPEED = PHONE_INDEX ? `a phone of BenchmarkIndex ${PHONE_INDEX}` : `${FIXED_SLOWDOWN}x CPU slowdown`;
const DAY_MS = 86_400_000;
// 120 answers (about a 30-minute session): with 40, the p95 was the third-longest, which
// estimates nearer the 93rd percentile than the 95th.
const ANSWERS = Number(process.env.PERF_JANK_ANSWERS ?? 120);

test.use({ serviceWorkers: 'block' });
test.describe.configure({ mode: 'serial' });

let server;
let baseURL;
let distDir;
let workDir;
// The app's per-answer figures, for the reference test to print beside the plain page's.
let appLongest;

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
  distDir = dist;
  // A plain static server: this check measures the loaded app, not delivery, and xtask's server
  // would first compress 5 MB of generated content.
  server = await serveStatic(dist);
  baseURL = server.url;
});

test.afterAll(async () => {
  await server?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

// Keeps each WebAssembly memory the page instantiates (the main module's, which the later
// screens' module shares), so the check can read its size: linear memory grows and never
// shrinks, so its size is the most the page has needed so far.
function rememberWasmMemories() {
  const memories = (window.__wasmMemories = []);
  const remember = (result) => {
    for (const value of Object.values((result.instance ?? result).exports)) {
      if (value instanceof WebAssembly.Memory && !memories.includes(value)) memories.push(value);
    }
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(remember);
  }
  // The import reloads the page once it has stored the file: the size is kept for the next page.
  addEventListener('pagehide', () => {
    const bytes = memories.reduce((sum, memory) => sum + memory.buffer.byteLength, 0);
    sessionStorage.setItem('wasm-memory-before-unload', String(bytes));
  });
}

async function wasmMemoryBytes(page) {
  return page.evaluate(() => window.__wasmMemories.reduce((sum, memory) => sum + memory.buffer.byteLength, 0));
}

// Item n of the simulated learner (`item-n`) is item n of the generated catalogue, in order.
function contentItemId(n) {
  const module = Math.floor(n / (LESSONS * ITEMS_PER_LESSON));
  const lesson = Math.floor(n / ITEMS_PER_LESSON) % LESSONS;
  const item = n % ITEMS_PER_LESSON;
  return `gen-${String(module).padStart(2, '0')}.l${String(lesson).padStart(2, '0')}.q${String(item).padStart(2, '0')}`;
}

test(`answer -> next question: main-thread work at ${SPEED} (target 16 ms p95)`, async ({ page, browser }) => {
  test.setTimeout(600_000);
  const problems = watchPage(page, baseURL);
  await page.addInitScript(rememberWasmMemories);
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
      study: { daily_minutes: 30, new_items_per_day: 0, modules: {} },
      onboarded: true,
      placement_done: Object.fromEntries(moduleIds.map((id) => [id, 0])),
    },
    events,
  };

  await page.goto(`${baseURL}#/settings`);
  // A successful import reloads the page, which replays the merged log.
  const reloaded = page.waitForEvent('load', { timeout: 300_000 });
  // The merged log makes a memory-model fit due (src/hooks/use_memory_model.rs), which runs in
  // the optimiser worker, on this 2-core machine's other core, for some seconds once the app
  // starts. The check waits for it: calibrating while it ran gave scores 30% apart at one rate,
  // and the answers measure the answer path, not a fit that happens to overlap them.
  const fitted = page.waitForEvent('console', { predicate: (message) => message.text().startsWith('memory model:'), timeout: 300_000 });
  await page.locator('#import-file').setInputFiles({
    name: 'microlearn-progress.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)),
  });
  await reloaded;
  const afterImport = Number(await page.evaluate(() => sessionStorage.getItem('wasm-memory-before-unload')));
  console.log(`WebAssembly memory after importing ${REVIEWS} answers: ${(afterImport / 1e6).toFixed(1)} MB (budget ${IMPORT_WASM_MEMORY_BUDGET_MB} MB)`);
  expect(afterImport / 1e6, 'WebAssembly memory after an import (MB)').toBeLessThan(IMPORT_WASM_MEMORY_BUDGET_MB);
  const start = page.getByRole('button', { name: "Start today's session" });
  await page.goto(`${baseURL}#/today`);
  await expect(start).toBeVisible({ timeout: 120_000 });

  const fitWait = Date.now();
  console.log(`memory-model fit after the import: ${(await fitted).text()} (waited ${Date.now() - fitWait} ms once Today showed)`);
  if (PHONE_INDEX) cpuSlowdown = await calibratedSlowdown(browser, PHONE_INDEX);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  await start.click();
  const check = page.getByRole('button', { name: 'Check answer' });
  await expect(check).toBeVisible({ timeout: 60_000 });

  // Garbage left by the setup (the imported 100,000-event file) is collected first, so a major
  // collection of it does not land inside an answer's window.
  await cdp.send('HeapProfiler.collectGarbage');
  // What stays on the JavaScript heap once the log is loaded. Until session 9 every IndexedDB
  // read kept its result alive through a handler that never ran (src/storage/idb.rs): 200,000
  // strings, 25 MB, for the page's life, walked by every major collection.
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  console.log(`JavaScript heap after loading ${REVIEWS} reviews: ${(usedSize / 1e6).toFixed(1)} MB (budget ${JS_HEAP_BUDGET_MB} MB)`);
  expect(usedSize / 1e6, 'JavaScript heap in use after loading the log (MB)').toBeLessThan(JS_HEAP_BUDGET_MB);
  const wasmBytes = await wasmMemoryBytes(page);
  console.log(`WebAssembly memory after loading ${REVIEWS} reviews: ${(wasmBytes / 1e6).toFixed(1)} MB (budget ${WASM_MEMORY_BUDGET_MB} MB)`);
  expect(wasmBytes / 1e6, 'WebAssembly memory after loading the log (MB)').toBeLessThan(WASM_MEMORY_BUDGET_MB);
  // HEAP_OUT=FILE writes a heap snapshot of that moment, for DevTools' Memory panel.
  if (process.env.HEAP_OUT) {
    const chunks = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    writeFileSync(process.env.HEAP_OUT, chunks.join(''));
  }
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  // PROFILE_OUT=FILE also writes a CPU profile of the answers (with a bundle built with
  // MICROLEARN_WASM_NAMES=1 and passed as PERF_JANK_DIST, the wasm frames have names).
  if (process.env.PROFILE_OUT) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  const load = startForeignLoad();
  let answered = 0;
  for (let asking = true; asking && answered < ANSWERS; answered++) {
    asking = await answerInPage(page, answered, 'True');
  }
  if (process.env.PROFILE_OUT) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
  }
  const machine = describeForeignLoad(load?.stop());
  const trace = await browser.stopTracing();
  // Kept for reading in chrome://tracing or DevTools when the figure needs explaining.
  writeFileSync(test.info().outputPath('answer-trace.json'), trace);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const heldAt = await benchmarkAt(browser, cpuSlowdown);
  const { whole: longest, checkHalf, continueHalf, restyled } = longestTaskPerAnswer(trace, answered);
  appLongest = longest;
  for (const [label, figures] of [['check answer -> feedback', checkHalf], ['continue -> next question', continueHalf]]) {
    console.log(`  ${label}: p95 ${percentile(figures, 0.95).toFixed(1)} ms, median ${percentile(figures, 0.5).toFixed(1)} ms`);
  }
  const p95 = percentile(longest, 0.95);
  const limit = ENFORCES_TARGET ? `enforced at ${SPEED}` : `printed only at ${SPEED}; guard ${GUARD_MS} ms`;
  console.log(
    `no jank (${MODULES * LESSONS * ITEMS_PER_LESSON} items, ${REVIEWS} reviews, ${PHONE_INDEX ? `${SPEED}: ${cpuSlowdown.toFixed(2)}x CPU slowdown` : SPEED}): ` +
    `longest main-thread task per answer -> next over ${longest.length} answers: ${summarise(longest, TARGET_MS)} ` +
    `(target ${TARGET_MS} ms p95: ${p95 <= TARGET_MS ? 'met' : 'NOT MET'}; ${limit})`,
  );
  console.log(`  machine during the answers: ${machine}; BenchmarkIndex ${heldAt.toFixed(0)} at that slowdown just after`);
  expect(longest, `answers measured (the session must hold ${ANSWERS} questions)`).toHaveLength(ANSWERS);
  expect(p95, '95th percentile of the longest task per answer (ms)').toBeLessThanOrEqual(ENFORCES_TARGET ? TARGET_MS : GUARD_MS);
  const restyledMedian = percentile(restyled, 0.5);
  console.log(`elements restyled per answer: median ${restyledMedian}, most ${Math.max(...restyled)} ` +
    `(budget ${RESTYLED_BUDGET} for the median)`);
  expect(restyledMedian, 'elements restyled per answer (median over the answers)').toBeLessThanOrEqual(RESTYLED_BUDGET);

  // Then the whole log exported, as a learner moving phones would. The file (35 MB of text) goes
  // to the download in pieces (src/pieces.rs), never whole in the wasm memory.
  await page.goto(`${baseURL}#/settings`);
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Export my progress' }).click();
  const exported = readFileSync(await (await download).path(), 'utf8');
  expect(JSON.parse(exported).events.length, 'answers in the export').toBeGreaterThanOrEqual(REVIEWS + ANSWERS);
  const afterExport = await wasmMemoryBytes(page);
  console.log(`WebAssembly memory after exporting ${REVIEWS + ANSWERS} answers (${(exported.length / 1e6).toFixed(1)} MB of text): ` +
    `${(afterExport / 1e6).toFixed(1)} MB (budget ${EXPORT_WASM_MEMORY_BUDGET_MB} MB)`);
  expect(afterExport / 1e6, 'WebAssembly memory after an export (MB)').toBeLessThan(EXPORT_WASM_MEMORY_BUDGET_MB);
  expectClean(problems);
});

// The same answers on the reference pages (tests/perf/reference-pages.mjs), at the same
// slowdown, with the same driver and trace: the floor any page pays on this machine in this run.
// Printed beside the app's figure; nothing is enforced on them but that they were measured.
test(`reference pages: answer -> next question with no app, at ${SPEED}`, async ({ page, browser }) => {
  test.setTimeout(300_000);
  const css = readdirSync(distDir).filter((name) => /^app-.*\.css$/.test(name))
    .map((name) => readFileSync(join(distDir, name), 'utf8')).join('\n');
  expect(css.length, 'the bundle\'s stylesheet').toBeGreaterThan(10_000);
  // Calibrated again: the machine's speed moves within minutes, and these pages stand for the
  // same phone as the app's answers did.
  if (PHONE_INDEX) cpuSlowdown = await calibratedSlowdown(browser, PHONE_INDEX);
  const unthrottled = await benchmarkAt(browser, 1);
  const throttled = await benchmarkAt(browser, cpuSlowdown);
  const cdp = await page.context().newCDPSession(page);
  console.log(`machine: Lighthouse BenchmarkIndex ${unthrottled.toFixed(0)}, ${throttled.toFixed(0)} at ${cpuSlowdown.toFixed(2)}x ` +
    `(Chrome DevTools calibrates a low-tier phone to ${LOW_TIER_PHONE_INDEX}, a mid-tier one to ${MID_TIER_PHONE_INDEX})`);
  for (const [name, html, chooses] of [['bare page: a heading and a button', BARE_PAGE, false], ["plain DOM: the app's markup and stylesheet, no app", plainPage(css, ANSWERS), true]]) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await page.setContent(html);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const answers = ANSWERS;
    const load = startForeignLoad();
    for (let n = 0; n < answers; n++) {
      await answerInPage(page, n, chooses ? 'True' : null);
    }
    const machine = describeForeignLoad(load?.stop());
    const trace = await browser.stopTracing();
    writeFileSync(test.info().outputPath(`${chooses ? 'plain' : 'bare'}-trace.json`), trace);
    const { whole } = longestTaskPerAnswer(trace, answers);
    expect(whole).toHaveLength(answers);
    console.log(`reference, ${name}: longest main-thread task per answer -> next over ${answers} answers: ${summarise(whole, TARGET_MS)}`);
    console.log(`  machine during the answers: ${machine}`);
    if (chooses && appLongest) {
      const over = (figures) => figures.filter((ms) => ms > TARGET_MS).length;
      console.log(`the app against the same screen in plain DOM, this run: p95 ${percentile(appLongest, 0.95).toFixed(1)} ` +
        `against ${percentile(whole, 0.95).toFixed(1)} ms; answers over ${TARGET_MS} ms ${over(appLongest)} against ${over(whole)}`);
    }
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
});
